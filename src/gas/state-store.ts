// The entity's script properties as one state store: one `getProperties` per read, one
// `setProperties` per write (Properties reference: both take or give every key at once).
import type { StateStore } from '../ports/entity-state';

export function propertiesStateStore(
  properties: () => GoogleAppsScript.Properties.Properties,
): StateStore {
  let cached: Record<string, string> | null = null;
  const reload = (): Record<string, string> => {
    cached = { ...properties().getProperties() };
    return cached;
  };
  return {
    load: () => cached ?? reload(),
    reload,
    write: (values) => {
      if (Object.keys(values).length === 0) return;
      properties().setProperties({ ...values });
      // A new object, so readers that keep what they derived from a read know it changed.
      if (cached) cached = { ...cached, ...values };
    },
    replaceAll: (values) => {
      // developers.google.com/apps-script/reference/properties/properties#setProperties(Object,Boolean)
      properties().setProperties({ ...values }, true);
      cached = { ...values };
    },
  };
}
