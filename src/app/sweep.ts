// The hourly sweep. An idle run costs a handful of calls: one read of the state and one count of
// the form's recent responses, compared with the filings the state knows. Only when something is
// due does it take the lock: radicate responses whose trigger never ran, fold the filings' lines
// into the Historial, send and record mail, and once a local day refresh clocks, rebuild the row
// anchors, verify every row's seal and the Historial's chains, restore what hands changed, and
// prune the state. Each phase runs on its own, so one failing phase never stops the others.
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { clockOfCase } from '../core/cases/case-clock-input';
import type { CaseRecord } from '../core/cases/case-record';
import { caseSnapshot, chainLine, lineHash, restoreSnapshot } from '../core/cases/case-seal';
import { keyMarker, radicationLines } from '../core/cases/radication-lines';
import { readEntryMap } from '../core/intake/prefilled-url';
import { formatMessage } from '../core/messages';
import { parseRadicado } from '../core/radicado';
import {
  buildAnchors,
  parseEntityState,
  filingKey,
  mailKey,
  ROWS_KEY,
  STATE_KEY,
  type EntityState,
  type BurntNumber,
  type EntityStateRecord,
  type FilingEntry,
  type JournalLine,
  type MailEntry,
} from '../core/state/entity-state';
import type { ClockChange, LocatedCase } from '../ports/case-store';
import type { FormResponseRef, FormSource } from '../ports/form-source';
import { rowHint } from './act-on-case';
import { queueActNotices } from './act-notices';
import { loadState, RECONCILE_OVERLAP_MS } from './entity-state-access';
import {
  isoSeconds,
  LOCK_WAIT_MS,
  radicateSubmission,
  rebuildRadicatedRecord,
  type IntakeDeps,
} from './intake';
import { afterAttempt, newMailEntry, renderMail, SEND_RESERVE_MS, trySend } from './mail-delivery';
import { contactOfLegacyRow, lookUpContacts, type ContactLookup } from './contacts';
import { isValidEmail } from '../core/intake/normalize-submission';
import { ANONYMISED_NAME, scrubAddress, type ContactRecord } from '../core/privacy/contact-data';
import type { ContactBook } from '../ports/contact-book';
import { bogotaMinutesOf } from '../core/calendar/calendar-date';
import { CONTACT_MAIL_KINDS, type OutboundMail } from '../core/notifications/mail';
import { textsOf } from '../core/notifications/act-notices';
import {
  MAIL_PRIORITY,
  OFFICE_HOURS_KINDS,
  overdueRecipients,
  weekStart,
  planClockAlerts,
  planDigests,
  renderClockAlert,
  renderDailyDigest,
  renderWeeklyDigest,
  type ClockedCase,
} from '../core/notifications/clock-alerts';

export { RECONCILE_OVERLAP_MS } from './entity-state-access';

/** Characters of findings an alert lists (the rest are counted), so it fits one property value. */
const ALERT_BODY_BUDGET = 5000;

/** Stop starting new work when less than this is left of the execution. */
export const SWEEP_RESERVE_MS = 60 * 1000;
/** Above this many cases to read, one read of the whole sheet beats one read per case. */
const BULK_READ_THRESHOLD = 20;

const OPEN_STATUSES: ReadonlySet<string> = new Set(['radicado', 'en_tramite', 'suspendido']);

/** One-off runs of the sweep trigger's handler, for a review that could not finish in one run. */
export interface ContinuationPort {
  /** Schedules the sweep's handler once, `afterMs` from now; returns the trigger's id. */
  schedule(afterMs: number): string;
  /** Deletes a spent (or unneeded) continuation trigger by id; nothing when it is gone. */
  remove(uid: string): void;
}

export interface SweepDeps extends IntakeDeps {
  /** Only the time-driven review schedules continuations (it runs as the triggers' owner). */
  readonly continuation?: ContinuationPort;
  /** The tracking sheet's address (spreadsheet URL and the cases sheet's gid), for staff mail. */
  readonly deskLink?: () => string;
  readonly forms: FormSource | null;
  /** Re-learns the form's question ids when the store lost them (a copied spreadsheet). */
  readonly repairForm: () => void;
  /** The data store; opening it fails in executions of people it is not shared with. */
  readonly contacts?: ContactBook;
  /**
   * Owner-run: the data store exists and is shared with exactly the stewards Configuración names
   * (setup's own repair, once a day). Returns warnings for the log.
   */
  readonly repairDataStore?: () => readonly string[];
  /** Rewrites the `Tablero` from every case (the daily pass, which has just read them all). */
  readonly refreshDashboard?: (records: readonly CaseRecord[]) => void;
}

export interface MailReport {
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
  /** The run ran out of time with mail it could have sent: a continuation will. */
  readonly unfinished?: boolean;
  /** Citizen mail this execution could not address (no access to the data store): left queued. */
  readonly awaitingContact?: number;
}

export interface SweepReport {
  /** Nothing was due: the run only looked. */
  readonly idle: boolean;
  readonly reconciled: readonly string[];
  readonly deferred: number;
  readonly journaled: number;
  readonly clocksUpdated: number;
  readonly mail: MailReport;
  /** Cases whose row was restored from the Historial (edited or deleted by hand). */
  readonly restored: readonly string[];
  /** Problems the integrity pass found and could not repair, in Spanish. */
  readonly integrity: readonly string[];
  readonly stoppedEarly: boolean;
  /** Phases that failed, with the error, for the log; the other phases still ran. */
  readonly failures: readonly string[];
}

const NO_MAIL: MailReport = { sent: 0, deferred: 0, failed: 0 };

function timeIsShort(deps: SweepDeps): boolean {
  return deps.clock.remainingMs() < SWEEP_RESERVE_MS;
}

function phase<T>(name: string, failures: string[], deps: SweepDeps, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    failures.push(message);
    deps.log.error(`Revisión periódica, ${message}`);
    return fallback;
  }
}

function windowStart(record: EntityStateRecord): number | null {
  return record.checkpoint === null ? null : record.checkpoint - RECONCILE_OVERLAP_MS;
}

/** Form filings the state holds inside the reconciliation window, by timestamp. */
function knownTimestamps(state: EntityState, since: number | null): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [key, filing] of state.filings) {
    if (key.startsWith('verbal:') || filing.failed) continue;
    // Form.getResponses(since) returns the responses after `since`: count the same ones.
    if (since !== null && filing.receivedAt <= since) continue;
    counts.set(filing.receivedAt, (counts.get(filing.receivedAt) ?? 0) + 1);
  }
  return counts;
}

function total(counts: Map<number, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/**
 * Radicates responses the state does not know. Counts per timestamp first (one call a response);
 * answers are read only where a timestamp has more responses than known filings.
 */
function reconcile(
  deps: SweepDeps,
  state: EntityState,
  responses: readonly FormResponseRef[],
  since: number | null,
): { reconciled: string[]; deferred: number; stoppedEarly: boolean; through: number | null } {
  const reconciled: string[] = [];
  const known = knownTimestamps(state, since);
  const byTimestamp = new Map<number, FormResponseRef[]>();
  let through: number | null = null;
  for (const ref of responses) {
    const ts = ref.timestamp();
    through = Math.max(through ?? ts, ts);
    const group = byTimestamp.get(ts) ?? [];
    group.push(ref);
    byTimestamp.set(ts, group);
  }
  let deferred = 0;
  let stoppedEarly = false;
  const ordered = [...byTimestamp.entries()].sort((a, b) => a[0] - b[0]);
  for (const [ts, group] of ordered) {
    if (group.length <= (known.get(ts) ?? 0)) continue;
    for (const ref of group) {
      if (timeIsShort(deps)) {
        stoppedEarly = true;
        break;
      }
      const submission = ref.read();
      const filing = state.filings.get(submission.key);
      if (filing && !filing.failed) continue;
      const outcome = radicateSubmission(deps, {
        key: submission.key,
        receivedAt: submission.receivedAt,
        prefilledUrl: submission.prefilledUrl,
        channel: 'formulario',
        by: 'revisión periódica',
      });
      if (outcome.status === 'deferred') deferred += 1;
      if (outcome.status === 'radicated') reconciled.push(outcome.radicado);
    }
    if (stoppedEarly) break;
  }
  return {
    reconciled,
    deferred,
    stoppedEarly,
    through: deferred === 0 && !stoppedEarly ? through : null,
  };
}

/** The cases the locked phases need, read once: by their hints, or the whole sheet when many. */
class CaseReader {
  private allRows: LocatedCase[] | null = null;
  private openToday: { today: string; open: RowClock[] } | null = null;
  private readonly found = new Map<string, LocatedCase | null>();

  /** Every open case with its clock today: computed once however many digests need it. */
  open(today: string): RowClock[] {
    if (this.openToday?.today !== today)
      this.openToday = { today, open: clockedCases(this.deps, this.all(), today) };
    return this.openToday.open;
  }

  constructor(
    private readonly deps: SweepDeps,
    private readonly state: EntityState,
  ) {}

  all(): LocatedCase[] {
    if (!this.allRows) {
      this.allRows = this.deps.cases.all();
      for (const c of this.allRows) this.found.set(c.record.radicado, c);
    }
    return this.allRows;
  }

  prefetch(radicados: readonly string[]): void {
    const missing = radicados.filter((r) => !this.found.has(r));
    if (missing.length > BULK_READ_THRESHOLD) this.all();
  }

  get(radicado: string): LocatedCase | null {
    if (this.found.has(radicado)) return this.found.get(radicado) ?? null;
    if (this.allRows) return null;
    const located = this.deps.cases.locate(radicado, rowHint(this.state, radicado));
    this.found.set(radicado, located);
    return located;
  }
}

/** Writes what the locked phases changed; deletions need the whole store rewritten in one call. */
class StateChanges {
  readonly values: Record<string, string> = {};
  readonly removed = new Set<string>();

  set(key: string, value: string): void {
    this.values[key] = value;
    this.removed.delete(key);
  }

  remove(key: string): void {
    this.removed.add(key);
    delete this.values[key];
  }

  commit(deps: SweepDeps): void {
    if (this.removed.size === 0) {
      deps.store.write(this.values);
      return;
    }
    const merged: Record<string, string> = { ...deps.store.load(), ...this.values };
    for (const key of this.removed) delete merged[key];
    deps.store.replaceAll(merged);
  }
}

/**
 * The mail a filing caused: the acknowledgement intake sent (unless intake already wrote its own
 * entry, after a failed send) to be recorded, and the assignee's notice to be sent.
 */
function mailsOfFiling(filing: FilingEntry, state: EntityState): MailEntry[] {
  const mails: MailEntry[] = [];
  const ackKey = `acuse:${filing.radicado}`;
  if (filing.ack && !state.mails.has(ackKey))
    mails.push(
      newMailEntry(
        'acuse',
        ackKey,
        filing.radicado,
        filing.ack,
        `Radicado ${filing.radicado}: recibimos su solicitud`,
        filing.at ?? '',
        filing.at ?? '',
      ),
    );
  if (filing.assignee) {
    const key = `asignacion:${filing.radicado}:${filing.assignee}`;
    if (!state.mails.has(key))
      mails.push(
        newMailEntry(
          'asignacion',
          key,
          filing.radicado,
          filing.assignee,
          `Caso asignado ${filing.radicado}`,
          filing.at ?? '',
        ),
      );
  }
  return mails;
}

/** A form filing's case rebuilt from its response, when it chains to the head intake gave it. */
function rebuildFromForm(
  deps: SweepDeps,
  state: EntityState,
  secret: string,
  key: string,
  filing: FilingEntry,
): CaseRecord | null {
  const entries = readEntryMap(state.raw);
  if (key.startsWith('verbal:') || !entries || !deps.forms || !filing.head) return null;
  const submission = deps.forms.findByKey(key, filing.receivedAt);
  if (!submission) return null;
  const rebuilt = rebuildRadicatedRecord(
    deps,
    secret,
    key,
    filing,
    submission.prefilledUrl,
    entries,
  );
  return rebuilt && rebuilt.chainHead === filing.head ? rebuilt : null;
}

/**
 * Queues the mail of filings not yet folded in, on its own (the Historial may be failing): the
 * acknowledgement's record and the assignee's notice become outbox entries, once.
 */
function queueFilingMail(state: EntityState, changes: StateChanges): number {
  let queued = 0;
  for (const [key, filing] of state.filings) {
    if (filing.journaled || filing.failed || filing.mailed) continue;
    for (const mail of mailsOfFiling(filing, state)) {
      changes.set(mailKey(mail.key), JSON.stringify(mail));
      queued += 1;
    }
    changes.set(filingKey(key), JSON.stringify({ ...filing, mailed: true }));
  }
  return queued;
}

/**
 * What the state keeps of a filing once its lines are in the Historial: enough to recognise the
 * response again and to find its row, about a hundred characters (the store holds 500 KB).
 */
export function foldedFiling(filing: FilingEntry): FilingEntry {
  return {
    radicado: filing.radicado,
    receivedAt: filing.receivedAt,
    channel: filing.channel,
    seq: filing.seq,
    journaled: true,
    ...(filing.contact ? { contact: filing.contact } : {}),
  };
}

/**
 * Moves the petitioners' data that filings hold into the data store (one read and one write of
 * it), then drops it from the filings. When the store cannot be opened it stays in the filings:
 * citizens' mail is still addressed from there, and the next review tries again.
 */
function storeFilingContacts(deps: SweepDeps, state: EntityState, changes: StateChanges): number {
  // A failed filing's number was never used: its data is not a case's (the retry carries it).
  const holding = [...state.filings.entries()].filter(([, f]) => f.contact && !f.failed);
  if (holding.length === 0 || !deps.contacts) return 0;
  deps.contacts.put(holding.map(([, f]) => f.contact!));
  for (const [key, filing] of holding) {
    const at = filingKey(key);
    if (changes.removed.has(at)) continue;
    // The journal may have rewritten the filing in this run: drop the data from that version.
    const latest = changes.values[at] ? (JSON.parse(changes.values[at]) as FilingEntry) : filing;
    const { contact: _moved, ...rest } = latest;
    changes.set(at, JSON.stringify(rest));
  }
  return holding.length;
}

/**
 * Folds pending filings into the Historial: their lines are computed again from the row and the
 * facts the filing kept, so they chain exactly as intake chained them. Filings are marked folded
 * only once the lines are written.
 */
function journal(
  deps: SweepDeps,
  state: EntityState,
  reader: CaseReader,
  changes: StateChanges,
  secret: string,
  restored: string[],
): number {
  const pending = [...state.filings.entries()].filter(([, f]) => !f.journaled);
  // A failed form filing waits to be radicated again by the reconciliation, which carries its
  // burnt number along; a failed verbal filing is only recorded (the clerk files it again).
  const due = pending.filter(([key, f]) => !f.failed || key.startsWith('verbal:'));
  if (due.length === 0) return 0;
  reader.prefetch(due.filter(([, f]) => !f.failed).map(([, f]) => f.radicado));
  const lines: JournalLine[] = [];
  const done: Array<() => void> = [];
  const burntLine = (b: BurntNumber, by: string): JournalLine =>
    chainLine(secret, '', {
      at: b.at,
      by,
      radicado: b.radicado,
      event: 'numero_no_utilizado',
      details: `No se pudo escribir el caso (${b.reason}); el número no se usará.`,
    });
  for (const [key, filing] of due) {
    const by = filing.by ?? '';
    const at = filing.at ?? '';
    for (const b of filing.burnt ?? []) lines.push(burntLine(b, by));
    if (filing.failed) {
      lines.push(burntLine({ radicado: filing.radicado, at, reason: filing.failed }, by));
      done.push(() => changes.remove(filingKey(key)));
      continue;
    }
    const located = reader.get(filing.radicado);
    const facts = { key, by, at, reason: filing.reason ?? '' };
    const base = located?.record;
    const again = base
      ? radicationLines(
          secret,
          {
            ...base,
            dueDate: filing.dueDate ?? base.dueDate,
            dependency: filing.dependency ?? base.dependency,
            assignee: filing.assignee ?? base.assignee,
          },
          facts,
        )
      : [];
    if (located && located.sealOk && again.length > 0) {
      const last = again.length - 1;
      // The row as radicated is worth recording only when no act has changed it since.
      const untouched = located.record.chainHead === again[last].hash;
      again.forEach((line, i) =>
        lines.push(
          i === last && untouched ? { ...line, after: caseSnapshot(secret, located.record) } : line,
        ),
      );
    } else {
      const rebuilt =
        !located || located.record.chainHead === filing.head
          ? rebuildFromForm(deps, state, secret, key, filing)
          : null;
      if (rebuilt) {
        // Edited or deleted by hand before its lines were written, and no act since: the case is
        // rebuilt from the citizen's form response, exactly as it was radicated, and put back.
        const again = radicationLines(secret, rebuilt, facts);
        again.forEach((line, i) =>
          lines.push(
            i === again.length - 1 ? { ...line, after: caseSnapshot(secret, rebuilt) } : line,
          ),
        );
        const why = located
          ? 'la fila fue modificada a mano antes de registrar su historial'
          : 'la fila del caso fue borrada a mano antes de registrar su historial';
        const line = chainLine(secret, rebuilt.chainHead, {
          at: isoSeconds(deps.clock.now()),
          by: 'revisión periódica',
          radicado: filing.radicado,
          event: 'restaurado',
          details: `${why}; se restauró desde la respuesta del formulario.`,
        });
        const next: CaseRecord = { ...rebuilt, chainHead: line.hash };
        lines.push({ ...line, after: caseSnapshot(secret, next) });
        if (located) deps.cases.write(located.row, next);
        else deps.cases.append(next);
        restored.push(filing.radicado);
      } else {
        // Nothing to rebuild it from (a verbal filing, or acts since): record what the state knows.
        lines.push(
          chainLine(secret, '', {
            at,
            by,
            radicado: filing.radicado,
            event: 'radicado',
            details: `Canal ${filing.channel}; la fila no estaba intacta al registrar el historial. ${keyMarker(key)}`,
          }),
        );
      }
    }
    done.push(() => changes.set(filingKey(key), JSON.stringify(foldedFiling(filing))));
  }
  deps.history.append(lines);
  for (const apply of done) apply();
  return due.length;
}

/** Sends pending mail within quota and time; records every changed entry in the outbox sheet. */
function deliver(
  deps: SweepDeps,
  state: EntityState,
  reader: CaseReader,
  changes: StateChanges,
  secret: string,
  today: string,
): MailReport {
  const entries = [...state.mails.values()];
  const now = deps.clock.now();
  const staffHours = withinStaffHours(deps, now);
  // Citizens' legal notices first, then staff notices, reminders, escalations, digests; a failed
  // mail waits for its back-off, staff mail for business days and office hours.
  const pending = entries
    .filter(
      (m) =>
        m.status === 'pendiente' &&
        !(m.nextAttemptAt && Date.parse(m.nextAttemptAt) > now) &&
        (staffHours || !OFFICE_HOURS_KINDS.has(m.kind)),
    )
    .sort(
      (a, b) =>
        MAIL_PRIORITY[a.kind] - MAIL_PRIORITY[b.kind] || a.createdAt.localeCompare(b.createdAt),
    );
  let quota = pending.length > 0 ? deps.mailer.remainingDailyQuota() : 0;
  const lookup = lookUpContacts(
    deps.contacts,
    state,
    pending
      .filter((m) => CONTACT_MAIL_KINDS.has(m.kind) && m.body === undefined)
      .map((m) => m.radicado),
  );
  let awaitingContact = 0;
  reader.prefetch(pending.filter((m) => m.body === undefined).map((m) => m.radicado));
  let sent = 0;
  let deferred = 0;
  let failed = 0;
  const updated = new Map<string, MailEntry>();
  for (const entry of pending) {
    if (quota < 1 || deps.clock.remainingMs() < SEND_RESERVE_MS + SWEEP_RESERVE_MS) {
      deferred += 1;
      if (quota < 1 && entry.lastError !== 'MAIL_QUOTA_EXHAUSTED')
        updated.set(entry.key, { ...entry, lastError: 'MAIL_QUOTA_EXHAUSTED', recorded: false });
      continue;
    }
    if (MAIL_PRIORITY[entry.kind] > 0 && quota <= CITIZEN_QUOTA_RESERVE) {
      // The last recipients of the day are kept for citizens' legal notices filed later today.
      deferred += 1;
      continue;
    }
    let contact: ContactRecord | null = null;
    if (CONTACT_MAIL_KINDS.has(entry.kind) && entry.body === undefined) {
      const addressing = addressOf(entry, lookup, reader);
      if (addressing.wait) {
        // Not this execution's to address (a clerk's), or the store lacks the case: it waits,
        // never dropped; the outbox says why.
        awaitingContact += 1;
        if (addressing.why && entry.lastError !== addressing.why)
          updated.set(entry.key, { ...entry, lastError: addressing.why, recorded: false });
        continue;
      }
      if (addressing.omit) {
        updated.set(entry.key, {
          ...entry,
          status: 'omitido',
          lastError: addressing.omit,
          recorded: false,
        });
        continue;
      }
      contact = addressing.contact;
    }
    const mail = CLOCK_ALERT_KINDS.has(entry.kind)
      ? renderAlert(deps, reader, entry, today)
      : renderCaseMail(deps, state, reader, entry, secret, today, contact);
    if (mail === 'wait') {
      // The case's row was edited by hand: the integrity pass restores it, then the mail goes.
      deferred += 1;
      continue;
    }
    if (!mail) {
      // Answered, transferred or voided since, the due date moved, or the case is gone.
      updated.set(entry.key, {
        ...entry,
        status: 'omitido',
        lastError: CLOCK_ALERT_KINDS.has(entry.kind) ? 'Ya no aplica' : 'Caso no encontrado',
        recorded: false,
      });
      continue;
    }
    const sentTo = trySend(deps.mailer, mail);
    // MailApp's error may quote the address: what reaches the outbox sheet shows it masked.
    const outcome = sentTo.ok
      ? sentTo
      : { ...sentTo, error: scrubAddress(sentTo.error, mail.to, contact ? entry.to : undefined) };
    const next = afterAttempt(entry, outcome, isoSeconds(deps.clock.now()));
    if (outcome.ok) {
      sent += 1;
      quota -= 1;
    } else if (outcome.quota) {
      deferred += 1;
      quota = 0;
    } else failed += 1;
    updated.set(entry.key, next);
  }
  // What was sent is saved before anything else can fail, so no mail is ever sent twice.
  for (const next of updated.values()) changes.set(mailKey(next.key), JSON.stringify(next));
  const toRecord = entries.map((e) => updated.get(e.key) ?? e).filter((e) => !e.recorded);
  // A citizen's address MailApp refused is flagged on the case, so staff answer by another way.
  for (const refused of toRecord.filter((e) => e.status === 'fallido' && e.kind === 'acuse'))
    flagRefusedMail(deps, reader, refused, secret);
  // A failure here is reported by the phase; the statuses above are kept all the same.
  if (toRecord.length > 0) deps.outboxLog.record(toRecord);
  const recorded = new Set(toRecord.map((e) => e.key));
  for (const entry of entries) {
    const next = updated.get(entry.key) ?? entry;
    if (!recorded.has(next.key)) continue;
    if (next.status !== 'pendiente') changes.remove(mailKey(next.key));
    else changes.set(mailKey(next.key), JSON.stringify({ ...next, recorded: true }));
  }
  return awaitingContact > 0
    ? { sent, deferred, failed, awaitingContact }
    : { sent, deferred, failed };
}

/** Why a mail of a case waits in the store; stays in `Último error` until it goes. */
const NOT_IN_STORE = 'Sin datos del peticionario en la hoja de datos de peticionarios';

/**
 * How a mail that needs the petitioner's data is addressed: with the data store's contact, or
 * it waits (this execution cannot open the store, or the store lacks the case), or it is left
 * (the titular was anonymised or has no valid address). A transfer's letter goes to the competent
 * entity's own address: it waits only for a named petitioner's contact.
 */
function addressOf(
  entry: MailEntry,
  lookup: ContactLookup,
  reader: CaseReader,
): { wait?: true; why?: string; omit?: string; contact: ContactRecord | null } {
  const found = lookup.found.get(entry.radicado) ?? null;
  if (!found && !lookup.available) return { wait: true, contact: null };
  const contact = found ?? legacyContact(reader, entry.radicado);
  if (entry.kind === 'traslado_entidad') {
    if (contact) return { contact: contact.anonymisedAt ? null : contact };
    const petitioner = reader.get(entry.radicado)?.record.petitioner;
    const named = petitioner && !petitioner.anonymous && petitioner.name !== ANONYMISED_NAME;
    return named ? { wait: true, why: NOT_IN_STORE, contact: null } : { contact: null };
  }
  if (!contact) return { wait: true, why: NOT_IN_STORE, contact: null };
  if (contact.anonymisedAt) return { omit: 'Titular anonimizado', contact: null };
  if (!isValidEmail(contact.email))
    return { omit: 'El peticionario no tiene un correo válido', contact: null };
  return { contact };
}

/** The contact a row from before the data store still holds, when the row is intact. */
function legacyContact(reader: CaseReader, radicado: string): ContactRecord | null {
  const located = reader.get(radicado);
  return located && located.sealOk ? contactOfLegacyRow(located.record) : null;
}

const CLOCK_ALERT_KINDS: ReadonlySet<string> = new Set([
  'recordatorio',
  'vencido',
  'resumen_diario',
  'resumen_semanal',
]);

/** Business days of the entity's calendar, between the staff mail hours of `Configuración`. */
function withinStaffHours(deps: SweepDeps, now: number): boolean {
  const { settings } = deps.config;
  const calendar = createBusinessCalendar(deps.config.calendar);
  if (!calendar.isBusinessDay(bogotaDateOf(now))) return false;
  const minutes = bogotaMinutesOf(now);
  const at = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes >= at(settings.staffMailFrom) && minutes < at(settings.staffMailUntil);
}

/** A mail of a case (acknowledgement, assignment, an act's notice) or one with its own body. */
function renderCaseMail(
  deps: SweepDeps,
  state: EntityState,
  reader: CaseReader,
  entry: MailEntry,
  secret: string,
  today: string,
  contact: ContactRecord | null,
): OutboundMail | null | 'wait' {
  const located = entry.body === undefined ? reader.get(entry.radicado) : null;
  // A row edited by hand is not mailed from: the integrity pass restores it, then it goes.
  if (entry.eventAt && located && !located.sealOk) return 'wait';
  const render = (found: LocatedCase | null) => {
    const desk = found && deps.deskLink ? safeLink(deps.deskLink) : '';
    return renderMail(
      entry,
      found?.record ?? null,
      {
        config: deps.config,
        secret,
        hash: deps.tokens.hash,
        today,
        caseLink: desk && found ? `${desk}&range=A${found.row}` : '',
      },
      contact,
    );
  };
  const mail = render(located);
  if (mail || entry.body !== undefined) return mail;
  // The run's reader may predate an act made while the lock was free between chunks: the row is
  // read again before a notice is given up.
  const fresh = deps.cases.locate(entry.radicado, rowHint(state, entry.radicado));
  return fresh && fresh.sealOk ? render(fresh) : null;
}

/** A reminder, overdue notice or digest, rendered from the cases as they stand now. */
function renderAlert(
  deps: SweepDeps,
  reader: CaseReader,
  entry: MailEntry,
  today: string,
): OutboundMail | null | 'wait' {
  const desk = deps.deskLink ? safeLink(deps.deskLink) : '';
  const rowOf = new Map<string, number>();
  const ctx = {
    entityName: deps.config.settings.name,
    today,
    deskLink: desk,
    caseLink: (record: CaseRecord) =>
      desk && rowOf.has(record.radicado) ? `${desk}&range=A${rowOf.get(record.radicado)}` : desk,
    texts: textsOf(deps.config.settings, deps.config.templates),
  };
  if (entry.kind === 'recordatorio' || entry.kind === 'vencido') {
    const located = reader.get(entry.radicado);
    if (located && (!located.sealOk || !located.readable)) return 'wait';
    if (located) rowOf.set(located.record.radicado, located.row);
    const current = located ? (clockedCases(deps, [located], today)[0] ?? null) : null;
    // Reassigned since: the new holder's own alerts follow; this one is not theirs to get.
    const recipients = current
      ? overdueRecipients(current.record, deps.config.staff, deps.config.settings.supervisorEmails)
      : [];
    const stillFor =
      entry.kind === 'recordatorio'
        ? current?.record.assignee.toLowerCase() === entry.to.toLowerCase()
        : recipients.some((r) => r.toLowerCase() === entry.to.toLowerCase());
    if (!stillFor) return null;
    // Held back (quota, hours) past its moment: a later offset or week has its own mail.
    const planned = current
      ? planClockAlerts([current], {
          today,
          reminderOffsets: deps.config.settings.reminderOffsets,
          staff: deps.config.staff,
          entitySupervisors: deps.config.settings.supervisorEmails,
          calendar: createBusinessCalendar(deps.config.calendar),
        })
      : [];
    if (!planned.some((p) => p.key === entry.key)) return null;
    return renderClockAlert(entry, current, ctx);
  }
  // A digest is of its day (the weekly one of its week): an older one is not sent late.
  if (!entry.key.endsWith(`:${entry.kind === 'resumen_diario' ? today : weekStart(today)}`))
    return null;
  const rows = reader.all();
  const open = reader.open(today);
  return entry.kind === 'resumen_diario'
    ? renderDailyDigest(entry, open, ctx)
    : renderWeeklyDigest(
        entry,
        rows.map((r) => r.record.status),
        open,
        ctx,
      );
}

/** The tracking sheet's address for staff mail; a failure to read it only leaves the link out. */
function safeLink(link: () => string): string {
  try {
    return link();
  } catch {
    return '';
  }
}

function flagRefusedMail(
  deps: SweepDeps,
  reader: CaseReader,
  entry: MailEntry,
  secret: string,
): void {
  const located = reader.get(entry.radicado);
  if (!located || !located.sealOk) return;
  const alert = formatMessage('MAIL_REFUSED', { to: entry.to, error: entry.lastError });
  if (located.record.alerts.includes(alert)) return;
  const line = chainLine(secret, located.record.chainHead, {
    at: isoSeconds(deps.clock.now()),
    by: 'revisión periódica',
    radicado: entry.radicado,
    event: 'correo_rechazado',
    details: alert,
  });
  const next: CaseRecord = {
    ...located.record,
    alerts: [...located.record.alerts, alert],
    chainHead: line.hash,
  };
  deps.cases.write(located.row, next);
  deps.history.appendOne({ ...line, after: caseSnapshot(secret, next) });
}

/** Days left change once a day; due dates only if the calendar changed. */
/** An open case's clock today, with the row it sits on. */
type RowClock = ClockedCase & { readonly row: number };

/** Rewrites the clock columns of the open cases whose clock moved, in one write per run of rows. */
function refreshClocks(
  deps: SweepDeps,
  rows: readonly LocatedCase[],
  open: readonly RowClock[],
): number {
  const changes: ClockChange[] = [];
  for (const { row, record, clock } of open)
    if (clock.businessDaysLeft !== record.businessDaysLeft || clock.dueDate !== record.dueDate)
      changes.push({ row, businessDaysLeft: clock.businessDaysLeft, dueDate: clock.dueDate });
  deps.cases.updateClocks(rows, changes);
  return changes.length;
}

/** Alerts queued per day at most: what does not fit is planned again tomorrow (its key unchanged). */
export const MAX_ALERTS_QUEUED = 300;

/** Open cases with their clock today (unreadable rows are left to the integrity pass). */
function clockedCases(deps: SweepDeps, rows: readonly LocatedCase[], today: string): RowClock[] {
  const calendar = createBusinessCalendar(deps.config.calendar);
  const out: RowClock[] = [];
  for (const { row, record, readable } of rows) {
    if (!OPEN_STATUSES.has(record.status) || !readable) continue;
    try {
      out.push({
        row,
        record,
        clock: clockOfCase(record, { today, settings: deps.config.settings, calendar }),
      });
    } catch (error) {
      deps.log.error(
        `${record.radicado}: no se pudo calcular el término (${error instanceof Error ? error.message : String(error)}); revise la fila.`,
      );
    }
  }
  return out;
}

/**
 * Queues today's reminders, overdue notices and digests, each key once ever (the state's pending
 * mail and every key `Bandeja de salida` holds), the most urgent first, up to MAX_ALERTS_QUEUED.
 */
function queueClockAlerts(
  deps: SweepDeps,
  state: EntityState,
  open: readonly ClockedCase[],
  today: string,
  nowIso: string,
  changes: StateChanges,
): number {
  const { settings } = deps.config;
  const context = {
    today,
    reminderOffsets: settings.reminderOffsets,
    staff: deps.config.staff,
    entitySupervisors: settings.supervisorEmails,
    calendar: createBusinessCalendar(deps.config.calendar),
  };
  const planned = [
    ...planClockAlerts(open, context),
    ...(settings.digests ? planDigests(open, context) : []),
  ];
  if (planned.length === 0) return 0;
  const seen = deps.outboxLog.keys();
  // Alerts still waiting count against the cap: a backlog (quota spent for days) never fills the
  // entity's store (script properties hold 500 KB in all).
  let queued = [...state.mails.values()].filter(
    (m) => m.status === 'pendiente' && CLOCK_ALERT_KINDS.has(m.kind),
  ).length;
  for (const alert of planned.sort((a, b) => MAIL_PRIORITY[a.kind] - MAIL_PRIORITY[b.kind])) {
    if (queued >= MAX_ALERTS_QUEUED) break;
    if (seen.has(alert.key) || state.mails.has(alert.key)) continue;
    const entry = newMailEntry(
      alert.kind,
      alert.key,
      alert.radicado,
      alert.to,
      alert.subject,
      nowIso,
    );
    changes.set(mailKey(alert.key), JSON.stringify(entry));
    queued += 1;
  }
  return queued;
}

/** Open cases per assignee (lower-case email), for least-loaded routing. */
function openCasesPerAssignee(rows: readonly LocatedCase[]): Record<string, number> {
  const load: Record<string, number> = {};
  for (const { record } of rows) {
    const who = record.assignee.trim().toLowerCase();
    if (who && OPEN_STATUSES.has(record.status)) load[who] = (load[who] ?? 0) + 1;
  }
  return load;
}

interface IntegrityOutcome {
  readonly restored: string[];
  readonly problems: string[];
}

/** One case's Historial lines walked in chain order from its first line. */
interface CaseChain {
  /** Hash of the last line reached ('' when the case has no line). */
  readonly head: string;
  /** The last snapshot met along the chain, if any. */
  readonly snapshot: string;
}

/**
 * Walks each case's lines by their `prev` links, not by sheet order (an act may be written before
 * the sweep folds in the radication it follows). A line whose hash does not match its content, a
 * fork, or a line the walk never reaches was altered, inserted or cut off by hand.
 */
function walkChains(
  secret: string,
  history: readonly JournalLine[],
  verifyFrom: number,
  problems: string[],
): Map<string, CaseChain> {
  const byCase = new Map<string, Array<{ line: JournalLine; index: number }>>();
  history.forEach((line, index) => {
    if (!line.radicado) return;
    const list = byCase.get(line.radicado) ?? [];
    list.push({ line, index });
    byCase.set(line.radicado, list);
  });
  const chains = new Map<string, CaseChain>();
  const rowOf = (index: number): number => index + 2;
  for (const [radicado, entries] of byCase) {
    const checked = entries.filter((e) => e.index >= verifyFrom);
    for (const { line, index } of checked) {
      if (line.hash !== lineHash(secret, line))
        problems.push(
          `Historial, fila ${rowOf(index)} (${radicado}): la línea fue alterada a mano.`,
        );
    }
    const byPrev = new Map<string, Array<{ line: JournalLine; index: number }>>();
    for (const e of entries) byPrev.set(e.line.prev, [...(byPrev.get(e.line.prev) ?? []), e]);
    const visited = new Set<number>();
    let head = '';
    let snapshot = '';
    // Lines hashed with a secret the store lost (before `verifyFrom`) are taken as they stand.
    const trusted = entries.filter((e) => e.index < verifyFrom);
    for (const e of trusted) {
      visited.add(e.index);
      head = e.line.hash;
      if (e.line.after) snapshot = e.line.after;
    }
    for (;;) {
      const next = (byPrev.get(head) ?? []).filter((e) => !visited.has(e.index));
      if (next.length === 0) break;
      if (next.length > 1)
        problems.push(
          `Historial (${radicado}): dos líneas siguen a la misma; una fue insertada o copiada a mano (filas ${next.map((e) => rowOf(e.index)).join(', ')}).`,
        );
      const [step] = next;
      visited.add(step.index);
      head = step.line.hash;
      if (step.line.after) snapshot = step.line.after;
    }
    const orphans = entries.filter((e) => !visited.has(e.index));
    if (orphans.length > 0)
      problems.push(
        `Historial (${radicado}): faltan líneas anteriores a las filas ${orphans.map((e) => rowOf(e.index)).join(', ')}; se borraron a mano.`,
      );
    chains.set(radicado, { head, snapshot });
  }
  return chains;
}

/**
 * Verifies every row's seal and every Historial chain. A row edited or deleted by hand is put back
 * as the Historial last recorded it, with a line saying so; what cannot be repaired is reported.
 */
function verifyIntegrity(
  deps: SweepDeps,
  state: EntityState,
  record: EntityStateRecord,
  rows: readonly LocatedCase[],
  nowIso: string,
): IntegrityOutcome {
  const secret = record.secret;
  const history = deps.history.all();
  const problems: string[] = [];
  const chains = walkChains(secret, history, record.verifyFrom, problems);
  const radicated = new Set<string>();
  for (const line of history)
    if (line.event === 'radicado' && line.radicado) radicated.add(line.radicado);
  for (const filing of state.filings.values()) if (!filing.failed) radicated.add(filing.radicado);

  const restored: string[] = [];
  const restoreLines: JournalLine[] = [];
  const present = new Set(rows.map((r) => r.record.radicado));
  for (const radicado of deps.cases.archivedRadicados()) present.add(radicado);
  const restore = (radicado: string, row: number | null, why: string): void => {
    const chain = chains.get(radicado);
    const good = chain && chain.snapshot ? restoreSnapshot(secret, chain.snapshot) : null;
    if (!chain || !good) {
      problems.push(
        `${radicado}: ${why}, y el Historial no tiene un estado verificable para restaurarlo.`,
      );
      return;
    }
    const line = chainLine(secret, chain.head, {
      at: nowIso,
      by: 'revisión periódica',
      radicado,
      event: 'restaurado',
      details: `${why}; se restauró el estado registrado en el Historial.`,
    });
    const next: CaseRecord = { ...good, chainHead: line.hash };
    restoreLines.push({ ...line, after: caseSnapshot(secret, next) });
    if (row === null) deps.cases.append(next);
    else deps.cases.write(row, next);
    restored.push(radicado);
  };
  for (const located of rows) {
    const { radicado } = located.record;
    if (!located.sealOk || !located.readable) {
      restore(
        radicado,
        located.row,
        located.readable
          ? 'la fila fue modificada a mano en columnas del complemento'
          : 'la celda de eventos fue alterada',
      );
      continue;
    }
    const chain = chains.get(radicado);
    if (chain && chain.head !== located.record.chainHead)
      problems.push(
        `${radicado}: la última línea del Historial del caso no es la que la fila registra.`,
      );
  }
  for (const radicado of radicated) {
    if (!present.has(radicado)) restore(radicado, null, 'la fila del caso fue borrada a mano');
  }
  deps.history.append(restoreLines);
  return { restored, problems };
}

function supervisorAlert(
  deps: SweepDeps,
  today: string,
  outcome: IntegrityOutcome,
  nowIso: string,
): MailEntry | null {
  const to = deps.config.settings.supervisorEmails.join(',');
  if (!to || (outcome.restored.length === 0 && outcome.problems.length === 0)) return null;
  const findings = [
    ...outcome.restored.map((r) => `- ${r}: restaurado desde el Historial.`),
    ...outcome.problems.map((p) => `- ${p}`),
  ];
  // The body is kept in the entity's store until sent: under its 9 KB per value, with room.
  const shown: string[] = [];
  let size = 0;
  for (const finding of findings) {
    if (size + finding.length > ALERT_BODY_BUDGET) break;
    shown.push(finding);
    size += finding.length + 1;
  }
  const lines = [
    `La verificación de integridad de ${deps.config.settings.name} (${today}) encontró cambios hechos a mano:`,
    '',
    ...shown,
    ...(shown.length < findings.length
      ? [`- y ${findings.length - shown.length} hallazgos más (vea el registro de ejecuciones).`]
      : []),
    '',
    'Revise quién editó la hoja. Los cambios de estado se hacen solo con las acciones del complemento.',
  ];
  return {
    key: `integridad:${nowIso}`,
    radicado: '',
    kind: 'notificacion',
    to,
    subject: `Verificación de integridad: ${outcome.restored.length + outcome.problems.length} hallazgos`,
    status: 'pendiente',
    attempts: 0,
    createdAt: nowIso,
    sentAt: '',
    lastError: '',
    body: lines.join('\n'),
    recorded: false,
  };
}

function anchorsOf(rows: readonly LocatedCase[]): string {
  return JSON.stringify(
    buildAnchors(
      rows.map(({ row, record }) => {
        const parts = parseRadicado(record.radicado);
        return parts ? { row, year: parts.year, number: parts.number } : null;
      }),
    ),
  );
}

/** Filings folded in and older than the window (form) or a day (verbal) are no longer needed. */
function prune(
  state: EntityState,
  checkpoint: number | null,
  now: number,
  changes: StateChanges,
): void {
  const formCutoff = checkpoint === null ? -Infinity : checkpoint - RECONCILE_OVERLAP_MS;
  for (const [key, filing] of state.filings) {
    // A filing still holding the petitioner's data stays until the data store has it.
    if (!filing.journaled || filing.contact) continue;
    const verbal = key.startsWith('verbal:');
    if (verbal ? filing.receivedAt < now - 24 * 3600 * 1000 : filing.receivedAt < formCutoff)
      changes.remove(filingKey(key));
  }
}

export function runSweep(deps: SweepDeps): SweepReport {
  const failures: string[] = [];
  const now = deps.clock.now();
  const today = bogotaDateOf(now);
  let loaded = loadState(deps, false, { rebuild: false });
  if (!readEntryMap(loaded.state.raw) || deps.forms === null) {
    // The store lost the form's ids (a copied spreadsheet, a recreated script): find the form
    // linked to the spreadsheet again before looking for responses (setup's own repair).
    phase('formulario', failures, deps, undefined, () => deps.repairForm());
    loaded = loadState(deps, true, { rebuild: false });
  }
  const since = windowStart(loaded.record);
  const responses = phase('formulario', failures, deps, [] as FormResponseRef[], () =>
    deps.forms ? deps.forms.responsesSince(since) : [],
  );
  const known = knownTimestamps(loaded.state, since);
  const mismatch = responses.length !== total(known);
  const { state, record } = loaded;
  const due =
    loaded.missing ||
    record.dailyOn !== today ||
    record.checkRequested ||
    [...state.filings.entries()].some(
      ([key, f]) => (!f.journaled && (!f.failed || key.startsWith('verbal:'))) || f.contact,
    ) ||
    [...state.mails.values()].some((m) => m.status === 'pendiente' || !m.recorded) ||
    record.continuation !== undefined ||
    phase('avisos', failures, deps, false, () => deps.history.lastRow() !== record.historyRow);
  if (!mismatch && !due) {
    return {
      idle: true,
      reconciled: [],
      deferred: 0,
      journaled: 0,
      clocksUpdated: 0,
      mail: NO_MAIL,
      restored: [],
      integrity: [],
      stoppedEarly: false,
      failures,
    };
  }

  let reconciled: string[] = [];
  let deferred = 0;
  let stoppedEarly = false;
  // Every response in the window is a filing the state knows: the checkpoint may move up to the
  // last of them, and filings older than the new window can be let go.
  let through: number | null = mismatch || known.size === 0 ? null : Math.max(...known.keys());
  if (mismatch) {
    const result = phase(
      'conciliación',
      failures,
      deps,
      { reconciled: [], deferred: 0, stoppedEarly: false, through: null },
      () => reconcile(deps, loadState(deps, true, { rebuild: false }).state, responses, since),
    );
    ({ reconciled, deferred, stoppedEarly, through } = result);
  }

  let journaled = 0;
  let clocksUpdated = 0;
  let mail = NO_MAIL;
  let integrity: IntegrityOutcome = { restored: [], problems: [] };
  const restoredEarly: string[] = [];
  let secret = '';
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) {
    failures.push('bloqueo: otra ejecución lo tiene; se reintenta en la próxima revisión');
  } else {
    try {
      loaded = loadState(deps, true);
      const fresh = loaded.state;
      let current = loaded.record;
      const changes = new StateChanges();
      const reader = new CaseReader(deps, fresh);
      const nowIso = isoSeconds(deps.clock.now());
      let recounted = false;
      phase('correo', failures, deps, 0, () => queueFilingMail(fresh, changes));
      journaled = phase('historial', failures, deps, 0, () =>
        journal(deps, fresh, reader, changes, current.secret, restoredEarly),
      );
      phase('datos personales', failures, deps, 0, () => storeFilingContacts(deps, fresh, changes));
      if (through !== null && (current.checkpoint === null || through > current.checkpoint))
        current = { ...current, checkpoint: through };
      // The spent continuation trigger that started this run (or an unneeded one) goes.
      if (current.continuation !== undefined && deps.continuation) {
        // Only the time-driven review (the trigger's owner) can delete it; other runs leave the id.
        const uid = current.continuation;
        const port = deps.continuation;
        const removed = phase('continuación', failures, deps, false, () => {
          port.remove(uid);
          return true;
        });
        if (removed) current = { ...current, continuation: undefined };
      }
      // The daily pass is one read of every case and one write per run of rows: it starts only
      // with time for it, else the next run (a continuation) does it.
      if (timeIsShort(deps)) stoppedEarly = true;
      if (!stoppedEarly && (current.dailyOn !== today || current.checkRequested)) {
        // Rows restored while folding filings in are read again.
        const daily = restoredEarly.length > 0 ? new CaseReader(deps, fresh) : reader;
        const rows = phase('lectura', failures, deps, [] as LocatedCase[], () => daily.all());
        if (current.resealNeeded) {
          phase('sellos', failures, deps, undefined, () => deps.cases.reseal(rows));
          current = { ...current, resealNeeded: false };
        } else {
          integrity = phase('integridad', failures, deps, integrity, () =>
            verifyIntegrity(deps, fresh, current, rows, nowIso),
          );
        }
        if (current.dailyOn !== today) {
          // Every open case's clock, computed once for the clock columns and the day's alerts.
          const open = phase('términos', failures, deps, [] as RowClock[], () =>
            clockedCases(deps, rows, today),
          );
          clocksUpdated = phase('términos', failures, deps, 0, () =>
            refreshClocks(deps, rows, open),
          );
          phase('recordatorios', failures, deps, 0, () =>
            queueClockAlerts(deps, fresh, open, today, nowIso, changes),
          );
          const refreshDashboard = deps.refreshDashboard;
          if (refreshDashboard)
            phase('tablero', failures, deps, undefined, () =>
              refreshDashboard(rows.map((r) => r.record)),
            );
          if (rows.length > 0) {
            current = { ...current, load: openCasesPerAssignee(rows) };
            recounted = true;
          }
          phase('anclas', failures, deps, undefined, () => {
            const reread = integrity.restored.length > 0 ? deps.cases.all() : rows;
            changes.set(ROWS_KEY, anchorsOf(reread));
            current = { ...current, appends: 0 };
          });
        }
        for (const problem of integrity.problems) deps.log.error(problem);
        const repairDataStore = deps.repairDataStore;
        if (repairDataStore && current.dailyOn !== today)
          for (const warning of phase('datos personales', failures, deps, [] as string[], () => [
            ...repairDataStore(),
          ]))
            deps.log.error(warning);

        current = { ...current, dailyOn: today, checkRequested: false };
      }
      // Last, after every line this run wrote: the notices acts owe (the desk usually sent them).
      current = phase('avisos', failures, deps, current, () => {
        const queued = queueActNotices(deps, fresh, current, nowIso);
        for (const mail of queued.mails) changes.set(mailKey(mail.key), JSON.stringify(mail));
        for (const missed of queued.missed)
          deps.log.error(`Aviso no preparado, revise el caso: ${missed}`);
        // The daily count already reflects every act in the rows.
        return recounted ? { ...queued.record, load: current.load } : queued.record;
      });
      // Folded filings older than the reconciliation window go at every run, not once a day: a
      // busy day must not fill the store.
      prune(fresh, current.checkpoint, now, changes);
      const alert = supervisorAlert(
        deps,
        today,
        { restored: [...restoredEarly, ...integrity.restored], problems: integrity.problems },
        nowIso,
      );
      if (alert) changes.set(mailKey(alert.key), JSON.stringify(alert));
      changes.set(STATE_KEY, JSON.stringify(current));
      changes.commit(deps);
      secret = current.secret;
    } finally {
      deps.lock.release();
    }
    // Mail last, in chunks, each under its own hold of the lock and saved right after its sends:
    // filings and acts wait at most one chunk, and a failure later never sends a mail twice.
    if (secret) mail = deliverInChunks(deps, failures, secret, today);
    if (stoppedEarly || mail.unfinished) scheduleContinuation(deps, failures);
  }
  return {
    idle: false,
    reconciled,
    deferred,
    journaled,
    clocksUpdated,
    mail,
    restored: [...restoredEarly, ...integrity.restored],
    integrity: integrity.problems,
    stoppedEarly,
    failures,
  };
}

/** Recipients of the day kept for citizens' legal notices: staff mail stops above them. */
export const CITIZEN_QUOTA_RESERVE = 10;

/** How long after a cut run its continuation starts. */
export const CONTINUATION_DELAY_MS = 60 * 1000;

/**
 * A one-off run of the sweep trigger's handler, once: its id is kept in the state, and the next run
 * deletes it (an entity has at most 20 triggers per user). Only the time-driven review schedules.
 */
function scheduleContinuation(deps: SweepDeps, failures: string[]): void {
  const port = deps.continuation;
  if (!port || !deps.lock.tryAcquire(LOCK_WAIT_MS)) return;
  try {
    phase('continuación', failures, deps, undefined, () => {
      const { record } = loadState(deps, true, { rebuild: false });
      if (!record.secret || record.continuation !== undefined) return;
      const uid = port.schedule(CONTINUATION_DELAY_MS);
      try {
        deps.store.write({ [STATE_KEY]: JSON.stringify({ ...record, continuation: uid }) });
      } catch (error) {
        // A trigger nobody would delete is worse than none: the next hourly run continues.
        port.remove(uid);
        throw error;
      }
    });
  } finally {
    deps.lock.release();
  }
}

/** Mails sent per hold of the lock (a few seconds of sending). */
export const DELIVERY_CHUNK = 20;

export function deliverInChunks(
  deps: SweepDeps,
  failures: string[],
  secret: string,
  today: string,
  maxChunks = Infinity,
): MailReport {
  let chunks = 0;
  let total = NO_MAIL;
  const tried = new Set<string>();
  // The store as just written: no lock is taken when no mail waits.
  const due = (m: MailEntry): boolean => m.status === 'pendiente' || !m.recorded;
  if (![...parseEntityState(deps.store.load()).mails.values()].some(due)) return total;
  // One reader for every chunk: a digest or a batch of reminders reads the sheet once per run.
  let reader: CaseReader | null = null;
  let unfinished = false;
  // Every case the whole backlog needs, read once: all rows when many, else one read each.
  const readerFor = (untried: readonly MailEntry[]): CaseReader => {
    if (reader) return reader;
    const made = new CaseReader(deps, parseEntityState(deps.store.load()));
    made.prefetch(untried.filter((m) => m.body === undefined).map((m) => m.radicado));
    reader = made;
    return made;
  };
  while (true) {
    if (timeIsShort(deps)) {
      unfinished = true;
      break;
    }
    if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) break;
    let more = false;
    try {
      const { state } = loadState(deps, true, { rebuild: false });
      const untried = [...state.mails.values()]
        .filter((m) => !tried.has(m.key) && due(m))
        .sort((a, b) => MAIL_PRIORITY[a.kind] - MAIL_PRIORITY[b.kind]);
      const chunk = untried.slice(0, DELIVERY_CHUNK);
      if (chunk.length === 0) break;
      chunk.forEach((m) => tried.add(m.key));
      const changes = new StateChanges();
      const report = phase('correo', failures, deps, NO_MAIL, () =>
        deliver(
          deps,
          { ...state, mails: new Map(chunk.map((m) => [m.key, m])) },
          readerFor(untried),
          changes,
          secret,
          today,
        ),
      );
      changes.commit(deps);
      const awaiting = (total.awaitingContact ?? 0) + (report.awaitingContact ?? 0);
      total = {
        sent: total.sent + report.sent,
        deferred: total.deferred + report.deferred,
        failed: total.failed + report.failed,
        ...(awaiting > 0 ? { awaitingContact: awaiting } : {}),
      };
      chunks += 1;
      // Mail held back for lack of time (not of quota) is for a continuation.
      if (report.deferred > 0 && deps.clock.remainingMs() < SEND_RESERVE_MS + SWEEP_RESERVE_MS)
        unfinished = deps.mailer.remainingDailyQuota() > 0;
      more = untried.length > chunk.length && report.deferred === 0 && chunks < maxChunks;
    } finally {
      deps.lock.release();
    }
    if (!more) break;
  }
  return unfinished ? { ...total, unfinished } : total;
}
