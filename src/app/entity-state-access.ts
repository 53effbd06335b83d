// Loading the entity's state record, and rebuilding it from every place that holds radicados when
// the script's store was lost (a copied spreadsheet, a recreated script): numbers continue above
// every number ever issued, and filings already radicated are recognised again.
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { keyFromDetails } from '../core/cases/radication-lines';
import { parseRadicado } from '../core/radicado';
import {
  buildAnchors,
  filingKey,
  parseEntityState,
  ROWS_KEY,
  STATE_KEY,
  type EntityState,
  type EntityStateRecord,
  type FilingEntry,
} from '../core/state/entity-state';
import type { CaseStore, HistoryLog } from '../ports/case-store';
import type { Clock, Logger, StateStore, Tokens } from '../ports/entity-state';

/**
 * Form responses can become visible a little after their timestamp (minutes at worst): the
 * reconciliation looks back this far, and keeps the filings of that window in the state.
 */
export const RECONCILE_OVERLAP_MS = 2 * 60 * 60 * 1000;

export interface StateDeps {
  readonly store: StateStore;
  readonly tokens: Tokens;
  readonly cases: CaseStore;
  readonly history: HistoryLog;
  readonly clock: Clock;
  readonly log: Logger;
}

export interface LoadedState {
  readonly state: EntityState;
  readonly record: EntityStateRecord;
  /** The store had no state record: it was rebuilt now (and written), or, unasked, is missing. */
  readonly rebuilt: boolean;
  readonly missing: boolean;
}

export function emptyRecord(secret: string): EntityStateRecord {
  return {
    counters: {},
    checkpoint: null,
    dailyOn: '',
    secret,
    appends: 0,
    checkRequested: false,
    verifyFrom: 0,
    historyRow: 1,
  };
}

/**
 * Rebuilds counters, the reconciliation checkpoint, recent filings and row anchors from the sheets
 * (every sheet with a Radicado column, and the Historial). Costs one read of each; runs only when
 * the store has no state record.
 */
export function rebuildState(deps: StateDeps): {
  record: EntityStateRecord;
  values: Record<string, string>;
} {
  const counters: Record<string, number> = {};
  const bump = (radicado: string): void => {
    const parts = parseRadicado(radicado);
    if (!parts) return;
    const year = String(parts.year);
    counters[year] = Math.max(counters[year] ?? 0, parts.number);
  };
  for (const radicado of deps.cases.allRadicados()) bump(radicado);
  const filings = new Map<string, { radicado: string; receivedAt: number }>();
  const lines = deps.history.all();
  for (const line of lines) {
    bump(line.radicado);
    if (line.event !== 'radicado') continue;
    const key = keyFromDetails(line.details);
    const at = Date.parse(line.at);
    if (key && !Number.isNaN(at)) filings.set(key, { radicado: line.radicado, receivedAt: at });
  }
  const rows = deps.cases.all();
  for (const { record } of rows) {
    if (record.responseId && record.receivedAt)
      filings.set(record.responseId, {
        radicado: record.radicado,
        receivedAt: Date.parse(record.receivedAt),
      });
  }
  let checkpoint: number | null = null;
  for (const [key, filing] of filings)
    if (!key.startsWith('verbal:')) checkpoint = Math.max(checkpoint ?? 0, filing.receivedAt);
  const record: EntityStateRecord = {
    ...emptyRecord(deps.tokens.newSecret()),
    counters,
    checkpoint,
    verifyFrom: lines.length,
    // Acts already in the Historial were noticed before the store was lost: none is sent again.
    historyRow: lines.length + 1,
    resealNeeded: true,
  };
  const values: Record<string, string> = {
    [STATE_KEY]: JSON.stringify(record),
    [ROWS_KEY]: JSON.stringify(
      buildAnchors(
        rows.map(({ row, record: r }) => {
          const parts = parseRadicado(r.radicado);
          return parts ? { row, year: parts.year, number: parts.number } : null;
        }),
      ),
    ),
  };
  // Filings inside the reconciliation window are kept, so the sweep does not radicate them again.
  const windowStart = (checkpoint ?? 0) - RECONCILE_OVERLAP_MS;
  for (const [key, filing] of filings) {
    if (key.startsWith('verbal:') || filing.receivedAt < windowStart) continue;
    const entry: FilingEntry = {
      radicado: filing.radicado,
      receivedAt: filing.receivedAt,
      channel: 'formulario',
      seq: 0,
      by: '',
      at: '',
      reason: '',
      journaled: true,
    };
    values[filingKey(key)] = JSON.stringify(entry);
  }
  if (Object.keys(counters).length > 0)
    deps.log.error(
      `Estado interno reconstruido el ${bogotaDateOf(deps.clock.now())}: contadores ${JSON.stringify(counters)}.`,
    );
  return { record, values };
}

/**
 * The state as read once. A missing record is rebuilt and written at once, so everything after
 * (seals, tokens) uses the new secret; callers that rebuild hold the entity's lock. Without
 * `rebuild`, a missing record is reported with an empty placeholder (no secret) instead.
 */
export function loadState(
  deps: StateDeps,
  fresh: boolean,
  options: { readonly rebuild?: boolean } = {},
): LoadedState {
  const raw = fresh ? deps.store.reload() : deps.store.load();
  const state = parseEntityState(raw);
  if (state.record) return { state, record: state.record, rebuilt: false, missing: false };
  if (options.rebuild === false)
    return { state, record: emptyRecord(''), rebuilt: false, missing: true };
  const rebuilt = rebuildState(deps);
  deps.store.write(rebuilt.values);
  return {
    state: parseEntityState(deps.store.load()),
    record: rebuilt.record,
    rebuilt: true,
    missing: false,
  };
}
