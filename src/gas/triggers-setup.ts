// Installs exactly one form-submit trigger (for the current form) and one sweep trigger.
// Re-running deletes duplicates and triggers left pointing at an old form.
import ENTRY_POINTS from '../shim/entry-points.json';

type Trigger = GoogleAppsScript.Script.Trigger;

function handlerName(calls: string): string {
  const entry = ENTRY_POINTS.entries.find((e) => e.calls === calls && e.params.length > 0);
  if (!entry) throw new Error(`no shim entry point calls ${calls}`);
  return entry.name;
}

export const FORM_SUBMIT_HANDLER = handlerName('handleFormSubmit');
export const SWEEP_HANDLER = handlerName('runSweep');
/** Hourly: the finest cadence editor add-ons may use, and enough for reminders counted in days. */
export const SWEEP_EVERY_HOURS = 1;

export interface TriggersSetupResult {
  readonly created: readonly string[];
  readonly removed: number;
}

export function ensureTriggers(formId: string): TriggersSetupResult {
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
  return { created, removed };
}
