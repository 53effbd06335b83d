// Where cases, their long texts and the audit trail live (the tracking spreadsheet).
import type { CaseRecord } from '../core/cases/case-record';
import type { LongText } from '../core/intake/normalize-submission';

export interface CaseStore {
  /** The radicado already given to a form response, if any (idempotency of intake). */
  radicadoForResponse(responseId: string): string | null;
  append(record: CaseRecord): void;
  /** The radicado on the last row of the case sheet, if any (a floor for numbering). */
  lastRadicado(): string | null;
  find(radicado: string): CaseRecord | null;
  update(record: CaseRecord): void;
  saveLongTexts(radicado: string, texts: readonly LongText[]): void;
  /** Every case, read in one batch (sweeps and reports). */
  all(): CaseRecord[];
  /** Rewrites the computed clock columns of many cases in one batch. */
  updateClocks(changes: readonly ClockChange[]): void;
}

/** The computed clock columns of one case; status is never rewritten in bulk. */
export type ClockChange = Pick<CaseRecord, 'radicado' | 'businessDaysLeft' | 'dueDate'>;

export interface AuditEntry {
  readonly at: string;
  readonly by: string;
  readonly radicado: string;
  readonly event: string;
  readonly details: string;
}

export interface AuditLog {
  append(entries: readonly AuditEntry[]): void;
}
