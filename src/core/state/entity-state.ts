// The entity's working state, kept in the entity script's properties (never in a sheet, where a
// sort, a deleted column or a renamed tab could reach it). One read (`getProperties`) loads all of
// it; one write (`setProperties`) stores what changed. Keys:
//   `state`      counters, reconciliation checkpoint, secrets, daily marks (small JSON)
//   `rows`       where cases sit in `Radicados` (run-length anchors, rebuilt daily)
//   `cfg.N`      the compiled configuration snapshot, in chunks under the 9 KB value limit
//   `cfg.dirty`  when a settings sheet was last edited (the snapshot is rebuilt if older)
//   `f.<key>`    one filing not yet folded into the Historial, keyed by its idempotency key
//   `m.<key>`    one mail not yet sent or recorded in `Bandeja de salida`
import type { ContactRecord } from '../privacy/contact-data';
import type { Channel } from '../cases/case-record';
import type { MailKind } from '../notifications/mail';

export const STATE_KEY = 'state';
export const ROWS_KEY = 'rows';
export const CONFIG_CHUNK_PREFIX = 'cfg.';
export const CONFIG_DIRTY_KEY = 'cfg.dirty';
export const FILING_PREFIX = 'f.';
export const MAIL_PREFIX = 'm.';

export interface EntityStateRecord {
  /** Last radicado number issued per year of receipt, as strings of the year. */
  readonly counters: Readonly<Record<string, number>>;
  /** Every form response received at or before this instant has been seen by a sweep. */
  readonly checkpoint: number | null;
  /** Local date (YYYY-MM-DD) of the last daily pass (clocks, integrity, anchors). */
  readonly dailyOn: string;
  /** Key of follow-up tokens, row seals and Historial hashes. */
  readonly secret: string;
  /** Rows appended to `Radicados` since the anchors were built. */
  readonly appends: number;
  /** Set by the edit trigger: run the integrity pass at the next sweep. */
  readonly checkRequested: boolean;
  /**
   * Historial lines before this index were hashed with a secret this store no longer has (it was
   * rebuilt): the chain is verified from here on.
   */
  readonly verifyFrom: number;
  /** The secret was renewed by a rebuild: every row's seal is rewritten at the next daily pass. */
  readonly resealNeeded?: boolean;
  /**
   * The last Historial row whose act lines have had their notices queued (1: only the header).
   * Absent in a store written before notices existed: the review starts from the sheet's end.
   */
  readonly historyRow?: number;
  /** Round-robin turns: per dependency (folded name), who was assigned last. */
  readonly turns?: Readonly<Record<string, string>>;
  /** The one-off trigger continuing a review that ran out of time (its id), until a run deletes it. */
  readonly continuation?: string;
  /** Open cases per assignee (lower-case email): counted daily, moved by filings and acts. */
  readonly load?: Readonly<Record<string, number>>;
}

/** A run of consecutive radicados on consecutive rows: `number + i` of `year` sits at `row + i`. */
export interface RowRun {
  readonly row: number;
  readonly year: number;
  readonly number: number;
  readonly count: number;
}

export interface RowAnchors {
  readonly runs: readonly RowRun[];
  /** The last row with a case when the anchors were built; appends land after it. */
  readonly tailRow: number;
}

export interface JournalLine {
  readonly at: string;
  readonly by: string;
  readonly radicado: string;
  readonly event: string;
  readonly details: string;
  /** The line's place in its case's chain: hash of the previous line of the case ('' first). */
  readonly prev: string;
  readonly hash: string;
  /**
   * The case's sealed fields after this line, with their seal (JSON), so a row edited or deleted by
   * hand can be restored; it verifies itself through the seal. Empty until the line is journaled.
   */
  readonly after?: string;
}

/** A number taken for a filing whose row could not be written (Acuerdo 060: never reused). */
export interface BurntNumber {
  readonly radicado: string;
  readonly at: string;
  readonly reason: string;
}

/**
 * A radication, kept small: its Historial lines are computed again from the row when the sweep
 * folds it in (radication-lines.ts); until pruned it is also the filing's idempotency record.
 */
export interface FilingEntry {
  readonly radicado: string;
  readonly receivedAt: number;
  readonly channel: Channel;
  /** The order of its append since the anchors were built (predicts its row). */
  readonly seq: number;
  /** Who radicated it, when (the lines' time) and why routing chose the dependency and assignee;
   * kept until the filing is folded into the Historial. */
  readonly by?: string;
  readonly at?: string;
  readonly reason?: string;
  /** What the radication lines say of the case, which later acts may change in the row. */
  readonly dueDate?: string;
  readonly dependency?: string;
  readonly assignee?: string;
  /** Hash of the radication's last line: the row's chain head until an act follows. */
  readonly head?: string;
  /** The citizen's address the acknowledgement was sent to (masked). */
  readonly ack?: string;
  /** The petitioner's data, until the review writes it to the data store (Ley 1581). */
  readonly contact?: ContactRecord;
  /** Its mail (the acknowledgement's record, the assignee's notice) was queued by a review. */
  readonly mailed?: boolean;
  readonly journaled: boolean;
  /** Set when the row could not be written: the number is burnt, the response is radicated again. */
  readonly failed?: string;
  /** Numbers burnt by earlier attempts at this filing, until the Historial says so. */
  readonly burnt?: readonly BurntNumber[];
}

export type MailStatus = 'pendiente' | 'enviado' | 'fallido' | 'omitido';

/** A mail as the state keeps it: its body is rendered when it is sent, so no token is ever stored. */
export interface MailEntry {
  readonly key: string;
  readonly radicado: string;
  readonly kind: MailKind;
  readonly to: string;
  readonly subject: string;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt: string;
  readonly lastError: string;
  /** After a failed attempt: not tried again before this instant (ISO; back-off). */
  readonly nextAttemptAt?: string;
  /** For an act's notice: the instant of the act's event in the case, to render it from. */
  readonly eventAt?: string;
  /** For mails not rendered from a case (alerts to supervisors): the text itself. */
  readonly body?: string;
  /** Recorded in `Bandeja de salida` with its current status. */
  readonly recorded: boolean;
}

export interface EntityState {
  readonly record: EntityStateRecord | null;
  readonly anchors: RowAnchors | null;
  readonly filings: ReadonlyMap<string, FilingEntry>;
  readonly mails: ReadonlyMap<string, MailEntry>;
  /** Every key as read, for quota checks and pass-through (form ids, owners…). */
  readonly raw: Readonly<Record<string, string>>;
}

function parseJson<T>(text: string | undefined, valid: (value: unknown) => boolean): T | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? (value as T) : null;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function validRecord(value: unknown): boolean {
  return isObject(value) && isObject(value.counters) && typeof value.secret === 'string';
}

/** Reads the whole store as loaded by one `getProperties()`; unreadable entries are skipped. */
export function parseEntityState(raw: Readonly<Record<string, string>>): EntityState {
  const filings = new Map<string, FilingEntry>();
  const mails = new Map<string, MailEntry>();
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(FILING_PREFIX)) {
      const entry = parseJson<FilingEntry>(
        value,
        (v) => isObject(v) && typeof v.radicado === 'string',
      );
      if (entry) filings.set(key.slice(FILING_PREFIX.length), entry);
    } else if (key.startsWith(MAIL_PREFIX)) {
      const entry = parseJson<MailEntry>(value, (v) => isObject(v) && typeof v.key === 'string');
      if (entry) mails.set(entry.key, entry);
    }
  }
  return {
    record: parseJson<EntityStateRecord>(raw[STATE_KEY], validRecord),
    anchors: parseJson<RowAnchors>(raw[ROWS_KEY], (v) => isObject(v) && Array.isArray(v.runs)),
    filings,
    mails,
    raw,
  };
}

export const filingKey = (key: string): string => `${FILING_PREFIX}${key}`;
export const mailKey = (key: string): string => `${MAIL_PREFIX}${key}`;

/** Total characters of the store (keys and values), against the 500 KB per store quota. */
export function storeSize(raw: Readonly<Record<string, string>>): number {
  let size = 0;
  for (const [key, value] of Object.entries(raw)) size += key.length + value.length;
  return size;
}

/** The row of a case from the anchors (a guess: the caller checks the radicado it reads there). */
export function predictRow(
  anchors: RowAnchors | null,
  year: number,
  number: number,
  pendingSeq: number | null,
): number | null {
  if (!anchors) return null;
  for (const run of anchors.runs) {
    if (run.year === year && number >= run.number && number < run.number + run.count)
      return run.row + (number - run.number);
  }
  return pendingSeq !== null ? anchors.tailRow + pendingSeq : null;
}

/**
 * At most this many runs are kept (about 50 characters each, under the 9 KB per property value);
 * a sheet sorted by another column falls back to a search.
 */
export const MAX_RUNS = 120;

/** Builds anchors from the sheet's radicados in row order (`null` for rows without a case). */
export function buildAnchors(
  rows: ReadonlyArray<{ row: number; year: number; number: number } | null>,
): RowAnchors {
  const runs: RowRun[] = [];
  let tailRow = 1;
  let current: { row: number; year: number; number: number; count: number } | null = null;
  for (const item of rows) {
    if (!item) {
      current = null;
      continue;
    }
    tailRow = Math.max(tailRow, item.row);
    if (
      current &&
      current.year === item.year &&
      current.row + current.count === item.row &&
      current.number + current.count === item.number
    ) {
      current.count += 1;
    } else {
      current = { row: item.row, year: item.year, number: item.number, count: 1 };
      runs.push(current);
    }
  }
  return { runs: runs.length <= MAX_RUNS ? runs : [], tailRow };
}
