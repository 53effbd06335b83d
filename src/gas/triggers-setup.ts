// Installs exactly one form-submit trigger (for the current form) and one sweep trigger.
// Re-running deletes duplicates and triggers left pointing at an old form.
import { shimFunctionFor } from '../shim/entry-points';

import type { ContinuationPort } from '../app/sweep';
import { STATE_KEY } from '../core/state/entity-state';
import type { KeyValueStore } from '../ports/entity-state';

type Trigger = GoogleAppsScript.Script.Trigger;

export const FORM_SUBMIT_HANDLER = shimFunctionFor('formSubmitTrigger');
export const SWEEP_HANDLER = shimFunctionFor('sweepTrigger');
export const EDIT_HANDLER = shimFunctionFor('editTrigger');
export const CHANGE_HANDLER = shimFunctionFor('changeTrigger');
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
  spreadsheetId: string,
  state: KeyValueStore,
  user: string,
  /** The installer's triggers have stopped (no daily review for days): another admin may take over. */
  takeover: boolean,
): TriggersSetupResult {
  const warnings: string[] = [];
  const created: string[] = [];
  let removed = 0;
  const previous = state.get(TRIGGERS_OWNER_KEY);
  if (previous && user && previous !== user && !takeover) {
    // Triggers are per user: a second admin installing them would run every filing twice.
    return {
      created,
      removed,
      warnings: [
        `Los activadores de la entidad pertenecen a ${previous}; no se instaló una segunda copia con su cuenta (cada envío se radicaría dos veces). Si esa cuenta deja de existir, la revisión diaria se detiene y, dos días después, Configurar o reparar le permitirá instalarlos con su cuenta.`,
      ],
    };
  }
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
  // A pending continuation (a one-off run of the same handler) is not the hourly trigger.
  const continuation = continuationOf(state.get(STATE_KEY));
  const sweeps = triggers.filter(
    (t) => t.getHandlerFunction() === SWEEP_HANDLER && t.getUniqueId() !== continuation,
  );
  if (!keepOne(sweeps)) {
    ScriptApp.newTrigger(SWEEP_HANDLER).timeBased().everyHours(SWEEP_EVERY_HOURS).create();
    created.push(SWEEP_HANDLER);
  }
  // Hand edits: settings edits mark the compiled configuration stale; edits of the add-on's
  // columns ask the next sweep to verify and restore; column and row changes refresh the layout.
  const edits = triggers.filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
  if (!keepOne(edits)) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheetId).onEdit().create();
    created.push(EDIT_HANDLER);
  }
  const changes = triggers.filter((t) => t.getHandlerFunction() === CHANGE_HANDLER);
  if (!keepOne(changes)) {
    ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheetId).onChange().create();
    created.push(CHANGE_HANDLER);
  }
  if (previous && user && previous !== user && created.length > 0) {
    warnings.push(
      `Los activadores ya estaban instalados por ${previous}; ahora también los tiene ${user}. Para no duplicar ejecuciones, elimine los de una de las dos cuentas (Extensiones > Apps Script > Activadores).`,
    );
  }
  if (user && (created.length > 0 || !previous)) state.set(TRIGGERS_OWNER_KEY, user);
  return { created, removed, warnings };
}

function continuationOf(stateJson: string | null | undefined): string {
  try {
    const parsed = JSON.parse(stateJson ?? '{}') as { continuation?: unknown };
    return typeof parsed.continuation === 'string' ? parsed.continuation : '';
  } catch {
    return '';
  }
}

/** Continuations of the review, as one-off time-driven triggers on the entity's own script. */
export const scriptContinuation: ContinuationPort = {
  schedule(afterMs: number): string {
    // developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)
    return ScriptApp.newTrigger(SWEEP_HANDLER).timeBased().after(afterMs).create().getUniqueId();
  },
  remove(uid: string): void {
    const spent = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
    if (spent) ScriptApp.deleteTrigger(spent);
  },
};
