// In-memory ports with call counters, for use-case tests (the apps-script-oauth2 way: count what
// the code under test asks of its services). Every fake writes what it is asked into one shared
// `calls` list, so a test can check the order of the steps (state written before the row, mail
// sent after the lock is released).
import { caseVersion } from '../../src/app/act-on-case';
import { emptyRecord } from '../../src/app/entity-state-access';
import { radicateSubmission, type IntakeDeps, type IntakeOutcome } from '../../src/app/intake';
import type { SweepDeps } from '../../src/app/sweep';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { compactEvents, sealRecord } from '../../src/core/cases/case-seal';
import { sha256Hex } from '../../src/core/crypto/sha256';
import { FIELD_CODES, FORM_QUESTIONS, type FieldCode } from '../../src/core/intake/form-definition';
import type { LongText, RawAnswers } from '../../src/core/intake/normalize-submission';
import { FORM_ENTRIES_KEY, responseKey, type EntryMap } from '../../src/core/intake/prefilled-url';
import type { OutboundMail } from '../../src/core/notifications/mail';
import type { StaffMember } from '../../src/core/routing/staff';
import { DEFAULT_SETTINGS, type EntitySettings } from '../../src/core/settings';
import {
  parseEntityState,
  STATE_KEY,
  type EntityStateRecord,
  type JournalLine,
  type MailEntry,
} from '../../src/core/state/entity-state';
import type { CaseStore, ClockChange, HistoryLog, LocatedCase } from '../../src/ports/case-store';
import { DomainError } from '../../src/core/errors';
import type { ContactBook } from '../../src/ports/contact-book';
import { matchesTitular, type ContactRecord } from '../../src/core/privacy/contact-data';
import type { EntityConfig } from '../../src/ports/config-source';
import type { Clock, Logger, Mutex, StateStore, Tokens } from '../../src/ports/entity-state';
import type { FormResponseRef, FormSource, FormSubmission } from '../../src/ports/form-source';
import type { Mailer, OutboxLog } from '../../src/ports/mail';

/** The order in which the fakes were called (`store.write`, `cases.append`, `lock.release`…). */
export type CallLog = string[];

/**
 * The script properties: `data` is what is stored; `load` reads once per execution and then
 * serves its cache, `reload` reads again, `write` merges (into the cache too), `replaceAll`
 * replaces. This is the behaviour of the real store (src/gas/state-store.ts).
 */
export class MemoryStateStore implements StateStore {
  data: Record<string, string>;
  private cache: Record<string, string> | null = null;
  reads = 0;
  writes = 0;
  replaces = 0;
  /** Every value given to `write`, in order. */
  readonly written: Array<Record<string, string>> = [];

  constructor(
    initial: Record<string, string> = {},
    private readonly calls: CallLog = [],
  ) {
    this.data = { ...initial };
  }

  load(): Readonly<Record<string, string>> {
    return this.cache ?? this.reload();
  }

  reload(): Readonly<Record<string, string>> {
    this.reads += 1;
    this.calls.push('store.read');
    this.cache = { ...this.data };
    return this.cache;
  }

  write(values: Readonly<Record<string, string>>): void {
    this.writes += 1;
    this.calls.push('store.write');
    this.written.push({ ...values });
    Object.assign(this.data, values);
    if (this.cache) Object.assign(this.cache, values);
  }

  replaceAll(values: Readonly<Record<string, string>>): void {
    this.replaces += 1;
    this.calls.push('store.replaceAll');
    this.data = { ...values };
    this.cache = { ...values };
  }

  /** A new execution starts with nothing cached. */
  endExecution(): void {
    this.cache = null;
  }

  /** The stored state record (no read counted: for assertions). */
  record(): EntityStateRecord | null {
    return parseEntityState(this.data).record;
  }

  json<T>(key: string): T {
    return JSON.parse(this.data[key]) as T;
  }
}

interface StoredRow {
  record: CaseRecord;
  seal: string;
  readable: boolean;
}

/**
 * The `Radicados` sheet: row 1 is the header, cases from row 2 on. Rows hold what a cell round
 * trip keeps (events compacted, no clerk notes written by the add-on) and a seal computed like the
 * real store, with the entity's secret read through `secret` when the row is written.
 */
export class MemoryCases implements CaseStore {
  /** Index i is row i + 2; `null` is a blank row. */
  readonly rows: Array<StoredRow | null> = [];
  /** Radicados on archived copies of the sheet (only `allRadicados` sees them). */
  readonly archived: string[] = [];
  readonly longTexts: Array<{ radicado: string; texts: readonly LongText[] }> = [];
  appends = 0;
  writes = 0;
  locates = 0;
  /** Locates the hint did not answer: a search of the radicado column. */
  searches = 0;
  fullReads = 0;
  radicadoReads = 0;
  reseals = 0;
  readonly clockUpdates: ClockChange[][] = [];
  /** Thrown by the next `append`, then cleared. */
  failNextAppend: Error | null = null;

  constructor(
    private readonly secret: () => string,
    private readonly calls: CallLog = [],
  ) {}

  private stored(record: CaseRecord, notes: string): StoredRow {
    const kept: CaseRecord = { ...record, events: compactEvents(record.events), notes };
    return { record: kept, seal: sealRecord(this.secret(), kept), readable: true };
  }

  private located(index: number): LocatedCase {
    const row = this.rows[index]!;
    return {
      row: index + 2,
      record: structuredClone(row.record),
      sealOk: row.seal === sealRecord(this.secret(), row.record),
      readable: row.readable,
    };
  }

  append(record: CaseRecord): void {
    this.calls.push('cases.append');
    if (this.failNextAppend) {
      const error = this.failNextAppend;
      this.failNextAppend = null;
      throw error;
    }
    this.appends += 1;
    this.rows.push(this.stored(record, ''));
  }

  locate(radicado: string, hint: number | null): LocatedCase | null {
    this.locates += 1;
    this.calls.push('cases.locate');
    if (hint !== null && this.rows[hint - 2]?.record.radicado === radicado)
      return this.located(hint - 2);
    this.searches += 1;
    const at = this.rows.findIndex((r) => r?.record.radicado === radicado);
    return at < 0 ? null : this.located(at);
  }

  write(row: number, record: CaseRecord): void {
    this.writes += 1;
    this.calls.push('cases.write');
    const current = this.rows[row - 2];
    if (!current) throw new Error(`fila ${row} vacía`);
    this.rows[row - 2] = this.stored(record, current.record.notes);
  }

  find(radicado: string): CaseRecord | null {
    return this.locate(radicado, null)?.record ?? null;
  }

  saveLongTexts(radicado: string, texts: readonly LongText[]): void {
    this.longTexts.push({ radicado, texts });
  }

  all(): LocatedCase[] {
    this.fullReads += 1;
    this.calls.push('cases.all');
    const out: LocatedCase[] = [];
    this.rows.forEach((row, i) => {
      if (row && row.record.radicado) out.push(this.located(i));
    });
    return out;
  }

  updateClocks(cases: readonly LocatedCase[], changes: readonly ClockChange[]): void {
    this.clockUpdates.push([...changes]);
    const rowsRead = new Set(cases.map((c) => c.row));
    for (const change of changes) {
      if (!rowsRead.has(change.row)) throw new Error(`fila ${change.row} no leída`);
      const row = this.rows[change.row - 2]!;
      // The seal does not cover the two clock columns: they are rewritten without resealing.
      row.record = {
        ...row.record,
        dueDate: change.dueDate,
        businessDaysLeft: change.businessDaysLeft,
      };
    }
  }

  reseal(cases: readonly LocatedCase[]): void {
    this.reseals += 1;
    for (const c of cases) {
      const row = this.rows[c.row - 2];
      if (row) row.seal = sealRecord(this.secret(), c.record);
    }
  }

  archivedRadicados(): string[] {
    this.radicadoReads += 1;
    return [...this.archived];
  }

  allRadicados(): string[] {
    this.radicadoReads += 1;
    return [
      ...this.rows.filter((r): r is StoredRow => !!r).map((r) => r.record.radicado),
      ...this.archived,
    ];
  }

  // What people do to the sheet by hand.

  /** The record on a row as stored (no call counted). */
  at(row: number): CaseRecord {
    return this.rows[row - 2]!.record;
  }

  rowOf(radicado: string): number {
    return this.rows.findIndex((r) => r?.record.radicado === radicado) + 2;
  }

  /** A clerk types over system cells: the seal cell is left as it was. */
  editByHand(row: number, patch: Partial<CaseRecord>): void {
    const stored = this.rows[row - 2]!;
    stored.record = { ...stored.record, ...patch };
  }

  /** A clerk deletes the row: the rows below move up. */
  deleteByHand(row: number): void {
    this.rows.splice(row - 2, 1);
  }

  /** A clerk types nonsense in the events cell (it reads back as no events, flagged unreadable). */
  corruptEvents(row: number): void {
    const stored = this.rows[row - 2]!;
    stored.record = { ...stored.record, events: [] };
    stored.readable = false;
  }

  /** A sort by another column reverses the rows. */
  sortByHand(): void {
    this.rows.reverse();
  }
}

/** The append-only `Historial`. */
export class MemoryHistory implements HistoryLog {
  readonly lines: JournalLine[] = [];
  appendOneCalls = 0;
  appendCalls = 0;
  reads = 0;
  /** Thrown by the next append (either kind), then cleared. */
  failNext: Error | null = null;

  constructor(private readonly calls: CallLog = []) {}

  private maybeFail(): void {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
  }

  appendOne(line: JournalLine): void {
    this.calls.push('history.appendOne');
    this.maybeFail();
    this.appendOneCalls += 1;
    this.lines.push({ ...line });
  }

  append(lines: readonly JournalLine[]): void {
    this.calls.push('history.append');
    this.maybeFail();
    if (lines.length === 0) return;
    this.appendCalls += 1;
    this.lines.push(...lines.map((l) => ({ ...l })));
  }

  all(): JournalLine[] {
    this.reads += 1;
    return this.lines.map((l) => ({ ...l }));
  }

  rewriteSnapshots(radicado: string, rewrite: (after: string) => string): number {
    let changed = 0;
    this.lines.forEach((line, i) => {
      if (line.radicado !== radicado || !line.after) return;
      const next = rewrite(line.after);
      if (next === line.after) return;
      this.lines[i] = { ...line, after: next };
      changed += 1;
    });
    return changed;
  }

  /** Row 1 is the header, as in the sheet. */
  lastRow(): number {
    this.calls.push('history.lastRow');
    return this.lines.length + 1;
  }

  linesAfter(row: number, last: number): JournalLine[] {
    this.calls.push('history.linesAfter');
    this.reads += 1;
    return this.lines.slice(Math.max(row - 1, 0), Math.max(last - 1, 0)).map((l) => ({ ...l }));
  }

  of(radicado: string): JournalLine[] {
    return this.lines.filter((l) => l.radicado === radicado);
  }
}

/** `Bandeja de salida`: one row per mail key, rewritten when recorded again. */
export class MemoryOutboxLog implements OutboxLog {
  readonly batches: MailEntry[][] = [];
  readonly byKey = new Map<string, MailEntry>();

  constructor(private readonly calls: CallLog = []) {}

  record(entries: readonly MailEntry[]): void {
    this.calls.push('outbox.record');
    this.batches.push([...entries]);
    for (const entry of entries) this.byKey.set(entry.key, entry);
  }

  keys(): Set<string> {
    this.calls.push('outbox.keys');
    return new Set(this.byKey.keys());
  }
}

/** The data store: a map by radicado; `denied` plays a clerk's execution, which cannot open it. */
export class MemoryContactBook implements ContactBook {
  readonly rows = new Map<string, ContactRecord>();
  denied = false;
  gets = 0;
  puts = 0;

  constructor(private readonly calls: CallLog = []) {}

  private open(): void {
    this.calls.push('contacts.open');
    if (this.denied) throw new DomainError('CONTACT_STORE_DENIED');
  }

  get(radicados: readonly string[]): Map<string, ContactRecord> {
    this.open();
    this.gets += 1;
    const out = new Map<string, ContactRecord>();
    for (const r of radicados) {
      const found = this.rows.get(r);
      if (found) out.set(r, { ...found });
    }
    return out;
  }

  put(records: readonly ContactRecord[]): void {
    if (records.length === 0) return;
    this.open();
    this.puts += 1;
    for (const record of records) this.rows.set(record.radicado, { ...record });
  }

  search(query: string): ContactRecord[] {
    this.open();
    return [...this.rows.values()].filter((c) => matchesTitular(c, query));
  }
}

export const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** MailApp: sends within its quota, or throws what it is told to (`failWith`, `failFor`). */
export class MemoryMailer implements Mailer {
  readonly sent: OutboundMail[] = [];
  quotaReads = 0;
  /** Every address a send fails for, with MailApp's message. */
  readonly failFor = new Map<string, string>();

  constructor(
    public quota = 100,
    public failWith: string | null = null,
    private readonly calls: CallLog = [],
  ) {}

  remainingDailyQuota(): number {
    this.quotaReads += 1;
    return this.quota;
  }

  send(mail: OutboundMail): void {
    this.calls.push(`mailer.send:${mail.kind}`);
    const error =
      this.failWith ?? this.failFor.get(mail.to) ?? (this.quota < 1 ? QUOTA_ERROR : null);
    if (error) throw new Error(error);
    this.quota -= 1;
    this.sent.push(mail);
  }
}

export class CountingMutex implements Mutex {
  acquired = 0;
  released = 0;
  releasedAtExit = 0;
  held = false;

  constructor(
    public available = true,
    private readonly calls: CallLog = [],
  ) {}

  tryAcquire(): boolean {
    if (!this.available) return false;
    this.acquired += 1;
    this.held = true;
    this.calls.push('lock.acquire');
    return true;
  }

  release(): void {
    this.released += 1;
    this.held = false;
    this.calls.push('lock.release');
  }

  releaseAtExit(): void {
    this.releasedAtExit += 1;
    this.calls.push('lock.releaseAtExit');
  }
}

export class FixedClock implements Clock {
  constructor(
    public ms: number,
    public remaining = 300_000,
  ) {}
  now(): number {
    return this.ms;
  }
  remainingMs(): number {
    return this.remaining;
  }
}

/** Deterministic secrets (`secret-1`, `secret-2`…) and the real hash. */
export class CountingTokens implements Tokens {
  issued = 0;
  newSecret(): string {
    this.issued += 1;
    return `secret-${this.issued}`;
  }
  hash(token: string): string {
    return sha256Hex(token);
  }
}

/** The citizen form's responses, each read lazily like the real one (calls counted). */
export class MemoryForm implements FormSource {
  readonly responses: Array<{ receivedAt: number; prefilledUrl: string }> = [];
  readonly asked: Array<number | null> = [];
  timestampCalls = 0;
  readCalls = 0;

  add(receivedAt: number, prefilledUrl: string): FormSubmission {
    this.responses.push({ receivedAt, prefilledUrl });
    return { key: responseKey(receivedAt, prefilledUrl), receivedAt, prefilledUrl };
  }

  responsesSince(sinceMs: number | null): FormResponseRef[] {
    this.asked.push(sinceMs);
    return (
      this.responses
        // Form.getResponses(Date): the responses after it (strictly, as the simulator reads it).
        .filter((r) => sinceMs === null || r.receivedAt > sinceMs)
        .map((r) => ({
          timestamp: () => {
            this.timestampCalls += 1;
            return r.receivedAt;
          },
          read: () => {
            this.readCalls += 1;
            return {
              key: responseKey(r.receivedAt, r.prefilledUrl),
              receivedAt: r.receivedAt,
              prefilledUrl: r.prefilledUrl,
            };
          },
        }))
    );
  }

  findByKey(key: string, receivedAt: number): FormSubmission | null {
    const found = this.responses.find(
      (r) => r.receivedAt === receivedAt && responseKey(r.receivedAt, r.prefilledUrl) === key,
    );
    return found ? { key, receivedAt, prefilledUrl: found.prefilledUrl } : null;
  }
}

/** The entry map setup learns: question `code` at `entry.(1000 + its place)`. */
export const ENTRY_MAP: EntryMap = Object.fromEntries(
  FIELD_CODES.map((code, i) => [String(1000 + i), code]),
) as Record<string, FieldCode>;

export const entryOf = (code: FieldCode): string =>
  Object.keys(ENTRY_MAP).find((entry) => ENTRY_MAP[entry] === code)!;

/** Form-urlencoded, as `FormResponse.toPrefilledUrl()` gives it: spaces as `+`. */
const encodeForm = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+');

/** The prefilled URL of a response with these answers (checkbox answers repeat their entry). */
export function prefilledUrl(answers: RawAnswers, entries: EntryMap = ENTRY_MAP): string {
  const pairs: string[] = [];
  for (const [entry, code] of Object.entries(entries)) {
    const value = answers[code];
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value as string])
      pairs.push(`entry.${entry}=${encodeForm(one)}`);
  }
  return `https://docs.google.com/forms/d/e/1FAIpQLSf-test/viewform?usp=pp_url&${pairs.join('&')}`;
}

export const CONSENT = FORM_QUESTIONS.find((q) => q.code === 'consent')!.choices![0];

/** A complete, valid form filing: a queja with an email that can receive the acknowledgement. */
export const QUEJA: RawAnswers = {
  type: 'Queja',
  anonymous: 'No',
  applicantKind: 'Persona natural',
  idType: 'Cédula de ciudadanía',
  idNumber: '1020304050',
  name: 'Ana Ruiz',
  email: 'ana@example.com',
  preferredChannel: 'Correo electrónico',
  acceptsEmailNotification: 'Sí',
  subject: 'Ruido en el parque',
  description: 'Música a alto volumen todas las noches.',
  consent: [CONSENT],
};

export const STAFF: StaffMember[] = [
  {
    email: 'clerk@x.gov.co',
    name: 'Clerk',
    dependency: 'Ventanilla Única',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'boss@x.gov.co',
    name: 'Boss',
    dependency: 'Ventanilla Única',
    role: 'supervisor',
    onLeave: false,
  },
];

export const SECRET = 'secret-0';

/** The store of an entity set up by setup: a state record with its secret, and the entry map. */
export function setUpStore(record: Partial<EntityStateRecord> = {}): Record<string, string> {
  return {
    [STATE_KEY]: JSON.stringify({ ...emptyRecord(SECRET), ...record }),
    [FORM_ENTRIES_KEY]: JSON.stringify(ENTRY_MAP),
  };
}

export interface DepsOptions {
  readonly settings?: Partial<EntitySettings>;
  readonly now?: number;
  /** The initial store (default: set up, with `SECRET` and the entry map). */
  readonly store?: Record<string, string>;
}

export type TestDeps = SweepDeps & {
  readonly store: MemoryStateStore;
  readonly cases: MemoryCases;
  readonly history: MemoryHistory;
  readonly outboxLog: MemoryOutboxLog;
  readonly mailer: MemoryMailer;
  readonly lock: CountingMutex;
  readonly clock: FixedClock;
  readonly tokens: CountingTokens;
  readonly forms: MemoryForm;
  readonly contacts: MemoryContactBook;
};

export function makeDeps(options: DepsOptions = {}): {
  deps: TestDeps;
  logs: string[];
  calls: CallLog;
  repairs: { count: number };
} {
  const settings: EntitySettings = {
    ...DEFAULT_SETTINGS,
    name: 'Alcaldía de Prueba',
    daneCode: '05001',
    supervisorEmails: ['boss@x.gov.co'],
    // The mail tests count the mail of filings and acts; digests have tests of their own.
    digests: false,
    ...options.settings,
  };
  const config: EntityConfig = {
    settings,
    staff: STAFF,
    routing: [],
    calendar: { worksSaturdays: false, closedDays: [] },
    warnings: [],
  };
  const calls: CallLog = [];
  const logs: string[] = [];
  const log: Logger = { info: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) };
  const store = new MemoryStateStore(options.store ?? setUpStore(), calls);
  // As composed in src/gas/compose.ts: the seal key is the secret of the state as loaded.
  const secret = (): string => parseEntityState(store.load()).record?.secret ?? '';
  const repairs = { count: 0 };
  const deps: TestDeps = {
    config,
    store,
    tokens: new CountingTokens(),
    cases: new MemoryCases(secret, calls),
    history: new MemoryHistory(calls),
    outboxLog: new MemoryOutboxLog(calls),
    mailer: new MemoryMailer(100, null, calls),
    lock: new CountingMutex(true, calls),
    clock: new FixedClock(options.now ?? Date.parse('2026-07-06T09:00:00-05:00')),
    log,
    forms: new MemoryForm(),
    contacts: new MemoryContactBook(calls),
    repairForm: () => {
      repairs.count += 1;
    },
  };
  return { deps: deps satisfies IntakeDeps, logs, calls, repairs };
}

/** A new execution: the store's cache is dropped, as each trigger run reads it afresh. */
export function nextExecution(deps: TestDeps): void {
  deps.store.endExecution();
}

/**
 * A citizen submits the form: the response is on the form, and its form-submit trigger radicates
 * it (pass `trigger: false` for a response whose trigger never ran).
 */
export function submitForm(
  deps: TestDeps,
  answers: RawAnswers,
  receivedAt: number,
  trigger = true,
): { key: string; outcome: IntakeOutcome | null } {
  const submission = deps.forms.add(receivedAt, prefilledUrl(answers));
  const outcome = trigger
    ? radicateSubmission(deps, {
        key: submission.key,
        receivedAt,
        prefilledUrl: submission.prefilledUrl,
        channel: 'formulario',
        by: 'formulario',
      })
    : null;
  return { key: submission.key, outcome };
}

/**
 * The version of a case a clerk's desk shows (what an act must carry), read as the desk read it
 * earlier: no store call is counted. An unknown radicado has no version ('-').
 */
export function currentVersion(deps: TestDeps, radicado: string): string {
  const row = deps.cases.rows.find((r) => r?.record.radicado === radicado);
  return row ? caseVersion(row.record) : '-';
}
