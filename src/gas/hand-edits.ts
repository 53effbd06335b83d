// What the add-on does when a person edits the spreadsheet by hand (installable edit and change
// triggers, which run as the admin who installed them; script writes never fire them). A settings
// edit marks the compiled configuration stale. An edit of the add-on's own columns or sheets, a
// column inserted or deleted, rows deleted, a sheet removed or renamed: the integrity pass runs at
// once, rows are checked against their seals and restored from the Historial, supervisors told.
import { loadState } from '../app/entity-state-access';
import { runSweep } from '../app/sweep';
import { CONFIG_DIRTY_KEY, STATE_KEY } from '../core/state/entity-state';
import type { Composition } from './compose';
import {
  CASES_SHEET,
  CLOSED_DAYS_SHEET,
  HISTORY_SHEET,
  OUTBOX_SHEET,
  ROUTING_SHEET,
  TEMPLATES_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
} from './sheet-schema';

const SETTINGS_SHEETS = new Set(
  [SETTINGS_SHEET, STAFF_SHEET, ROUTING_SHEET, CLOSED_DAYS_SHEET, TEMPLATES_SHEET].map(
    (s) => s.name,
  ),
);
const GUARDED_SHEETS = new Set([CASES_SHEET, HISTORY_SHEET, OUTBOX_SHEET].map((s) => s.name));

/** developers.google.com/apps-script/guides/triggers/events (Change): the kinds that need no check. */
const IGNORED_CHANGES = new Set(['EDIT', 'FORMAT', 'INSERT_ROW', 'INSERT_GRID']);

/** Asks for the integrity pass and runs it now (as the trigger's owner). */
function verifyNow(app: Composition): void {
  if (!app.lock.tryAcquire(30000)) return;
  try {
    const { record } = loadState(app, true);
    app.store.write({
      [STATE_KEY]: JSON.stringify({ ...record, checkRequested: true }),
      [CONFIG_DIRTY_KEY]: String(Date.now()),
    });
  } finally {
    app.lock.release();
  }
  runSweep(app);
}

/** Under the lock, so a review rewriting the whole store cannot drop the mark. */
function markSettingsStale(app: Composition): void {
  const locked = app.lock.tryAcquire(10000);
  try {
    app.store.write({ [CONFIG_DIRTY_KEY]: String(Date.now()) });
  } finally {
    if (locked) app.lock.release();
  }
}

export function handleEditEvent(app: Composition, e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const sheet = e.range.getSheet().getName();
  if (SETTINGS_SHEETS.has(sheet)) return markSettingsStale(app);
  if (!GUARDED_SHEETS.has(sheet)) return;
  if (sheet === CASES_SHEET.name) {
    // The clerks' own column (and any column an admin added) is theirs to edit.
    const layout = app.snapshot().cases;
    const first = e.range.getColumn() - 1;
    const last = first + e.range.getNumColumns() - 1;
    const system = CASES_SHEET.columns.filter((c) => c.system).map((c) => layout?.at[c.key]);
    if (layout && !system.some((at) => at !== undefined && at >= first && at <= last)) return;
  }
  verifyNow(app);
}

export function handleChangeEvent(
  app: Composition,
  e?: GoogleAppsScript.Events.SheetsOnChange,
): void {
  const type = e ? String(e.changeType) : 'OTHER';
  // Cell edits arrive through the edit trigger; added rows and sheets cannot damage a case (and
  // rows are what the form's response sheet gains with every submission).
  if (IGNORED_CHANGES.has(type)) return;
  verifyNow(app);
}
