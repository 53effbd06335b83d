// The entity's configuration sheets, read once per execution.
import type { CalendarOverrides } from '../core/calendar/business-calendar';
import type { RoutingRule } from '../core/routing/route-case';
import type { StaffMember } from '../core/routing/staff';
import type { EntitySettings } from '../core/settings';
import type { TemplateSet } from '../core/notifications/templates';

export interface EntityConfig {
  readonly settings: EntitySettings;
  readonly staff: readonly StaffMember[];
  readonly routing: readonly RoutingRule[];
  readonly calendar: CalendarOverrides;
  /** Mail templates the entity changed in `Plantillas` (the rest use the defaults). */
  readonly templates?: TemplateSet;
  /** Problems found while reading the sheets, in Spanish, for the admin. */
  readonly warnings: readonly string[];
}

export interface ConfigSource {
  load(): EntityConfig;
}
