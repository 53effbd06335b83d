// CaseStore on the Radicados sheet (plus Textos largos): look-ups by TextFinder, batch I/O.
import type { CaseRecord } from '../core/cases/case-record';
import type { LongText } from '../core/intake/normalize-submission';
import type { CaseStore, ClockChange } from '../ports/case-store';
import { dateCell, readText, textCell, type CellValue } from './cell-values';
import { caseToRow, rowToCase } from './case-rows';
import { SheetTable } from './sheet-table';

export class SheetCaseStore implements CaseStore {
  private snapshot: { rows: Array<{ row: number; record: CaseRecord }> } | null = null;

  constructor(
    private readonly cases: () => SheetTable,
    private readonly longTexts: () => SheetTable,
  ) {}

  radicadoForResponse(responseId: string): string | null {
    const table = this.cases();
    const at = table.column('radicado');
    if (at === null) throw new Error('the Radicados sheet has no Radicado column: run setup');
    const row = table.findRow('responseId', responseId);
    return row === null ? null : readText(table.sheet.getRange(row, at + 1).getValue());
  }

  lastRadicado(): string | null {
    const table = this.cases();
    const at = table.column('radicado');
    const lastRow = table.sheet.getLastRow();
    if (at === null || lastRow < 2) return null;
    return readText(table.sheet.getRange(lastRow, at + 1).getValue()) || null;
  }

  append(record: CaseRecord): void {
    this.cases().append([caseToRow(record)]);
  }

  private locate(radicado: string): { row: number; record: CaseRecord } | null {
    const table = this.cases();
    const row = table.findRow('radicado', radicado);
    if (row === null) return null;
    return { row, record: rowToCase(table.readRow(row)) };
  }

  find(radicado: string): CaseRecord | null {
    return this.locate(radicado)?.record ?? null;
  }

  update(record: CaseRecord): void {
    const found = this.locate(record.radicado);
    if (!found) throw new Error(`radicado ${record.radicado} not found`);
    // Only the add-on's columns are written: the clerk's notes and any column an admin added stay as they are.
    const row = caseToRow(record);
    delete row.notes;
    this.cases().writeRows([{ row: found.row, values: row }]);
  }

  saveLongTexts(radicado: string, texts: readonly LongText[]): void {
    const rows: Array<Record<string, CellValue>> = [];
    for (const text of texts) {
      text.chunks.forEach((chunk, i) =>
        rows.push({
          radicado: textCell(radicado),
          field: text.field,
          part: i + 1,
          text: textCell(chunk),
        }),
      );
    }
    this.longTexts().append(rows);
  }

  all(): CaseRecord[] {
    const rows = this.cases()
      .readFrom(2)
      .filter((r) => readText(r.values.radicado) !== '')
      .map((r) => ({ row: r.row, record: rowToCase(r.values) }));
    this.snapshot = { rows };
    return rows.map((r) => r.record);
  }

  /** Writes the two clock columns over runs of consecutive case rows: one write per column per run. */
  updateClocks(changes: readonly ClockChange[]): void {
    if (!this.snapshot) this.all();
    const rows = this.snapshot!.rows;
    const byRadicado = new Map(changes.map((c) => [c.radicado, c]));
    const table = this.cases();
    let start = 0;
    while (start < rows.length) {
      let end = start + 1;
      while (end < rows.length && rows[end].row === rows[end - 1].row + 1) end += 1;
      const run = rows
        .slice(start, end)
        .map(({ record }) => ({ ...record, ...byRadicado.get(record.radicado) }));
      table.writeColumn(
        'businessDaysLeft',
        rows[start].row,
        run.map((r) => r.businessDaysLeft),
      );
      table.writeColumn(
        'dueDate',
        rows[start].row,
        run.map((r) => dateCell(r.dueDate)),
      );
      start = end;
    }
  }
}
