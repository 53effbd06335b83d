// Where cases, their long texts and the audit trail live (the tracking spreadsheet).
import type { CaseRecord } from '../core/cases/case-record';
import type { LongText } from '../core/intake/normalize-submission';
import type { JournalLine } from '../core/state/entity-state';

/** A case as read from its row, with what the read found about the row's integrity. */
export interface LocatedCase {
  readonly row: number;
  readonly record: CaseRecord;
  /** The row's seal matches its system cells (false: edited by hand since the add-on wrote it). */
  readonly sealOk: boolean;
  /** The events cell could be read (false: the legal clock cannot be trusted from this row). */
  readonly readable: boolean;
}

export interface CaseStore {
  /** Appends the case's row in one write. Throws when the sheet is missing. */
  append(record: CaseRecord): void;
  /** The case's row, read in one call at `hint` when it is there, else found by a search. */
  locate(radicado: string, hint: number | null): LocatedCase | null;
  /** Writes the case's system cells in one call (leaving notes and other columns alone). */
  write(row: number, record: CaseRecord): void;
  find(radicado: string): CaseRecord | null;
  saveLongTexts(radicado: string, texts: readonly LongText[]): void;
  /** Every case row, read in one batch (the daily pass). Rows without a radicado are left out. */
  all(): LocatedCase[];
  /**
   * Rewrites the computed clock columns of `cases` (as read by `all`), with `changes` applied, in
   * one write per run of consecutive case rows: the calls do not depend on how many changed.
   */
  updateClocks(cases: readonly LocatedCase[], changes: readonly ClockChange[]): void;
  /** Radicados kept in archive sheets (renamed or copied tracking sheets): still the entity's cases. */
  archivedRadicados(): string[];
  /** Rewrites the seal cell of each given case (after the secret was renewed), in runs of rows. */
  reseal(cases: readonly LocatedCase[]): void;
  /** The radicados of every sheet that holds cases (the tracking sheet and its archived copies). */
  allRadicados(): string[];
}

/** The computed clock columns of one case; status is never rewritten in bulk. */
export interface ClockChange {
  readonly row: number;
  readonly businessDaysLeft: number;
  readonly dueDate: string;
}

export interface AuditEntry {
  readonly at: string;
  readonly by: string;
  readonly radicado: string;
  readonly event: string;
  readonly details: string;
}

/** The append-only Historial. */
export interface HistoryLog {
  /** One line in one call (an act). */
  appendOne(line: JournalLine): void;
  /** Many lines in one write (the sweep folding the journal in). */
  append(lines: readonly JournalLine[]): void;
  /** Every line, in sheet order (the daily verification). */
  all(): JournalLine[];
  /** The sheet's last row (1 when it has only its header). */
  lastRow(): number;
  /** The lines on rows after `row` through `lastRow`, in sheet order, read in one call. */
  linesAfter(row: number, lastRow: number): JournalLine[];
  /**
   * Rewrites the recorded case (`after`) of every line of `radicado` that has one, with what
   * `rewrite` returns (anonymisation: the old snapshots keep no personal data). Line hashes do not
   * cover `after`, so the chain still verifies; each snapshot carries its own seal. Returns how many
   * changed.
   */
  rewriteSnapshots(radicado: string, rewrite: (after: string) => string): number;
}
