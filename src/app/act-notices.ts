// The notices of clerks' acts. An act writes its row and one Historial line and nothing else (its
// budget is one gateway call); the Historial line is the durable record that a notice is owed. The
// desk asks for the notices right after the act, and the hourly review catches any left: both read
// the Historial lines after the last one examined, queue each act's mails once (keys are derived
// from the case and the act's instant) and move the open-case counts routing uses.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import type { CaseEvent, CaseRecord } from '../core/cases/case-record';
import { lineHash, restoreSnapshot } from '../core/cases/case-seal';
import { eventOfAct, planNoticesOfEvent } from '../core/notifications/act-notices';
import {
  mailKey,
  type EntityState,
  type EntityStateRecord,
  type JournalLine,
  type MailEntry,
} from '../core/state/entity-state';
import { rowHint } from './act-on-case';
import type { IntakeDeps } from './intake';
import { newMailEntry } from './mail-delivery';

/** Historial event codes of acts that may owe a notice, with the case event each recorded. */
const NOTICE_EVENTS: Readonly<Record<string, CaseEvent['kind']>> = {
  asignacion: 'assigned',
  reasignado: 'assigned',
  requerimiento: 'info_requested',
  prorroga: 'extended',
  traslado: 'transferred',
  respuesta: 'answered',
  desistimiento: 'desisted',
};

/** Acts that close a case: its assignee has one open case fewer. */
const CLOSING_EVENTS: ReadonlySet<string> = new Set([
  'respuesta',
  'traslado',
  'desistimiento',
  'anulado',
]);

function bump(load: Record<string, number>, email: string, by: number): void {
  const key = email.trim().toLowerCase();
  if (!key) return;
  load[key] = Math.max(0, (load[key] ?? 0) + by);
}

export interface QueuedNotices {
  readonly record: EntityStateRecord;
  /** Entries to write under `m.<key>`. */
  readonly mails: readonly MailEntry[];
  /** Lines whose case could not be read: their notices need staff (logged). */
  readonly missed: readonly string[];
}

/**
 * Queues the notices of the acts written to the Historial since `record.historyRow`, under the
 * caller's lock. A line is trusted only when its hash verifies with the entity's secret (a line
 * typed by hand sends nothing). Costs two calls (the last row, one read of the new lines) plus one
 * row read for an act whose line carries no snapshot.
 */
export function queueActNotices(
  deps: IntakeDeps,
  state: EntityState,
  record: EntityStateRecord,
  nowIso: string,
): QueuedNotices {
  const last = deps.history.lastRow();
  const from = record.historyRow;
  // A store from before notices, or a Historial shortened by hand: start from its end.
  if (from === undefined || last < from)
    return { record: { ...record, historyRow: last }, mails: [], missed: [] };
  if (last === from) return { record, mails: [], missed: [] };
  const lines = deps.history.linesAfter(from, last);
  const load: Record<string, number> = { ...(record.load ?? {}) };
  const mails: MailEntry[] = [];
  const missed: string[] = [];
  const queued = new Set<string>();
  for (const line of lines) {
    const kind = NOTICE_EVENTS[line.event];
    if (!kind && !CLOSING_EVENTS.has(line.event)) continue;
    if (!verified(record.secret, line)) continue;
    const after = caseAfter(deps, state, record.secret, line);
    if (!after) {
      missed.push(`${line.radicado} (${line.event}, ${line.at})`);
      continue;
    }
    if (kind === 'assigned') {
      const found = eventOfAct(after, 'assigned', line.at);
      if (found && found.event.kind === 'assigned') {
        bump(load, found.event.from ?? '', -1);
        bump(load, found.event.to, 1);
      }
    }
    if (CLOSING_EVENTS.has(line.event)) bump(load, after.assignee, -1);
    if (!kind) continue;
    const notices = planNoticesOfEvent(after, kind, line.at, {
      settings: deps.config.settings,
      calendar: createBusinessCalendar(deps.config.calendar),
      followUpLink: '',
    });
    for (const mail of notices) {
      if (state.mails.has(mail.key) || queued.has(mail.key)) continue;
      queued.add(mail.key);
      mails.push({
        ...newMailEntry(mail.kind, mail.key, mail.radicado, mail.to, mail.subject, nowIso),
        eventAt: line.at,
      });
    }
  }
  return { record: { ...record, historyRow: last, load }, mails, missed };
}

function verified(secret: string, line: JournalLine): boolean {
  const { hash, after: _after, ...rest } = line;
  return hash !== '' && lineHash(secret, rest) === hash;
}

/** The case right after the line's act: its snapshot, else its row (when the act is still there). */
function caseAfter(
  deps: IntakeDeps,
  state: EntityState,
  secret: string,
  line: JournalLine,
): CaseRecord | null {
  if (line.after) {
    const snapshot = restoreSnapshot(secret, line.after);
    if (snapshot) return snapshot;
  }
  const located = deps.cases.locate(line.radicado, rowHint(state, line.radicado));
  return located && located.sealOk ? located.record : null;
}

export function mailEntriesToValues(mails: readonly MailEntry[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const mail of mails) values[mailKey(mail.key)] = JSON.stringify(mail);
  return values;
}
