// Reads the product's sheets back out of the simulated spreadsheet, the way a person exporting
// them would, and decodes rows with the product's own mappers (so outputs match what the add-on sees).
import { rowToCase } from '../../src/gas/case-rows';
import { CASES_SHEET, OUTBOX_SHEET, type SheetSpec } from '../../src/gas/sheet-schema';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { isDateValue } from '../simulator/services/spreadsheet-cell';
import type { SpreadsheetModel } from '../simulator/services/spreadsheet-model';

export type RowObject = Record<string, unknown>;

/** Raw cell values of a sheet as objects keyed by the spec's column keys (dates as Date). */
export function readSheetObjects(model: SpreadsheetModel, spec: SheetSpec): RowObject[] {
  const sheet = model.sheet(spec.name);
  if (!sheet) return [];
  const lastRow = sheet.lastRow();
  const lastCol = sheet.lastColumn();
  const headers: string[] = [];
  for (let c = 1; c <= lastCol; c += 1)
    headers.push(
      String(sheet.cell(1, c)?.value ?? '')
        .trim()
        .toLowerCase(),
    );
  const columns = spec.columns
    .map((col) => ({ key: col.key, at: headers.indexOf(col.header.toLowerCase()) + 1 }))
    .filter((c) => c.at > 0);
  const rows: RowObject[] = [];
  for (let r = 2; r <= lastRow; r += 1) {
    const row: RowObject = {};
    for (const { key, at } of columns) {
      const value = sheet.cell(r, at)?.value ?? '';
      row[key] = isDateValue(value) ? new Date(value.dateMs) : value;
    }
    rows.push(row);
  }
  return rows;
}

export function readCases(model: SpreadsheetModel): CaseRecord[] {
  return readSheetObjects(model, CASES_SHEET)
    .filter((row) => String(row.radicado ?? '') !== '')
    .map(rowToCase);
}

export interface OutboxRow {
  readonly key: string;
  readonly to: string;
  readonly kind: string;
  readonly radicado: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly sentAt: string | null;
  readonly lastError: string;
}

export function readOutbox(model: SpreadsheetModel): OutboxRow[] {
  return readSheetObjects(model, OUTBOX_SHEET)
    .filter((row) => String(row.key ?? '') !== '')
    .map((row) => ({
      key: String(row.key),
      to: String(row.to ?? ''),
      kind: String(row.kind ?? ''),
      radicado: String(row.radicado ?? ''),
      subject: String(row.subject ?? ''),
      status: String(row.status ?? ''),
      attempts: Number(row.attempts ?? 0),
      sentAt: row.sentAt instanceof Date ? row.sentAt.toISOString() : null,
      lastError: String(row.lastError ?? ''),
    }));
}
