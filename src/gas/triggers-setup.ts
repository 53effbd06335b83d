// Installs exactly one form-submit trigger (for the current form) and one sweep trigger.
// Re-running deletes duplicates and triggers left pointing at an old form.
import { shimFunctionFor } from '../shim/entry-points';

import type { KeyValueStore } from '../ports/entity-state';

type Trigger = GoogleAppsScript.Script.Trigger;

export const FORM_SUBMIT_HANDLER = shimFunctionFor('formSubmitTrigger');
export const SWEEP_HANDLER = shimFunctionFor('sweepTrigger');
/** Hourly: the finest cadence editor add-ons may use, and enough for reminders counted in days. */
export const SWEEP_EVERY_HOURS = 1;

export interface TriggersSetupResult {
  readonly created: readonly string[];
  readonly removed: number;
  readonly warnings: readonly string[];
}

export const TRIGGERS_OWNER_KEY = 'triggers.owner';

/**
 * getProjectTriggers() lists only the running user's triggers, so another admin's are invisible:
 * the installer is recorded, and a different admin is warned that the entity now has two sets.
 */
export function ensureTriggers(
  formId: string,
  state: KeyValueStore,
  user: string,
): TriggersSetupResult {
  const warnings: string[] = [];
  const created: string[] = [];
  let removed = 0;
  const keepOne = (found: Trigger[]): boolean => {
    found.slice(1).forEach((t) => {
      ScriptApp.deleteTrigger(t);
      removed += 1;
    });
    return found.length > 0;
  };
  const triggers = ScriptApp.getProjectTriggers();
  const submitTriggers = triggers.filter((t) => t.getHandlerFunction() === FORM_SUBMIT_HANDLER);
  for (const stale of submitTriggers.filter((t) => t.getTriggerSourceId() !== formId)) {
    ScriptApp.deleteTrigger(stale);
    removed += 1;
  }
  const current = submitTriggers.filter((t) => t.getTriggerSourceId() === formId);
  if (!keepOne(current)) {
    ScriptApp.newTrigger(FORM_SUBMIT_HANDLER).forForm(formId).onFormSubmit().create();
    created.push(FORM_SUBMIT_HANDLER);
  }
  const sweeps = triggers.filter((t) => t.getHandlerFunction() === SWEEP_HANDLER);
  if (!keepOne(sweeps)) {
    ScriptApp.newTrigger(SWEEP_HANDLER).timeBased().everyHours(SWEEP_EVERY_HOURS).create();
    created.push(SWEEP_HANDLER);
  }
  const previous = state.get(TRIGGERS_OWNER_KEY);
  if (previous && user && previous !== user && created.length > 0) {
    warnings.push(
      `Los activadores ya estaban instalados por ${previous}; ahora también los tiene ${user}. Para no duplicar ejecuciones, elimine los de una de las dos cuentas (Extensiones > Apps Script > Activadores).`,
    );
  }
  if (user && (created.length > 0 || !previous)) state.set(TRIGGERS_OWNER_KEY, user);
  return { created, removed, warnings };
}
