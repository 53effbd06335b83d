// A sheet read and written by header name, in whole blocks: one getValues or setValues per batch.
import type { ColumnSpec, SheetSpec } from './sheet-schema';
import type { CellValue } from './cell-values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type RowObject = Record<string, unknown>;

export interface RowAt {
  readonly row: number;
  readonly values: RowObject;
}

/** Rows added at a time when a sheet is full. */
const ROW_GROWTH = 500;

export class SheetTable {
  private columns: Map<string, number> | null = null;
  private width = 0;

  constructor(
    readonly sheet: Sheet,
    readonly spec: SheetSpec,
  ) {}

  /** Column positions (0-based) by key, from the header row; read once per execution. */
  columnIndex(): Map<string, number> {
    if (this.columns) return this.columns;
    this.width = Math.max(1, this.sheet.getLastColumn());
    const headers = this.sheet
      .getRange(1, 1, 1, this.width)
      .getValues()[0]
      .map((h) => String(h).trim().toLowerCase());
    const columns = new Map<string, number>();
    for (const column of this.spec.columns) {
      const at = headers.indexOf(column.header.toLowerCase());
      if (at >= 0) columns.set(column.key, at);
    }
    this.columns = columns;
    return columns;
  }

  column(key: string): number | null {
    const at = this.columnIndex().get(key);
    return at === undefined ? null : at;
  }

  missingColumns(): ColumnSpec[] {
    const columns = this.columnIndex();
    return this.spec.columns.filter((c) => !columns.has(c.key));
  }

  private toRow(values: Readonly<Record<string, CellValue>>): CellValue[] {
    const columns = this.columnIndex();
    const row = new Array<CellValue>(this.width).fill('');
    for (const [key, value] of Object.entries(values)) {
      const at = columns.get(key);
      if (at !== undefined) row[at] = value;
    }
    return row;
  }

  private toObject(row: readonly unknown[]): RowObject {
    const result: RowObject = {};
    for (const [key, at] of this.columnIndex()) result[key] = row[at];
    return result;
  }

  /** Appends rows after the last row with content, in one write; returns the first row number. */
  append(rows: ReadonlyArray<Readonly<Record<string, CellValue>>>): number {
    if (rows.length === 0) return 0;
    this.columnIndex();
    const first = this.sheet.getLastRow() + 1;
    this.ensureRows(first + rows.length - 1);
    this.sheet
      .getRange(first, 1, rows.length, this.width)
      .setValues(rows.map((r) => this.toRow(r)));
    return first;
  }

  /** Ranges cannot reach past the grid, so appends grow it in blocks (one call per block, not per row). */
  private ensureRows(lastNeeded: number): void {
    const maxRows = this.sheet.getMaxRows();
    if (lastNeeded > maxRows)
      this.sheet.insertRowsAfter(maxRows, Math.max(lastNeeded - maxRows, ROW_GROWTH));
  }

  /** Rows `from`..last (1-based, inclusive), in one read. */
  readFrom(from: number): RowAt[] {
    this.columnIndex();
    const last = this.sheet.getLastRow();
    if (last < from) return [];
    const values = this.sheet.getRange(from, 1, last - from + 1, this.width).getValues();
    return values.map((row, i) => ({ row: from + i, values: this.toObject(row) }));
  }

  readRow(row: number): RowObject {
    this.columnIndex();
    return this.toObject(this.sheet.getRange(row, 1, 1, this.width).getValues()[0]);
  }

  /**
   * Writes the given columns of rows, leaving every other cell alone (a clerk's note, an admin's
   * formula column). Consecutive rows and adjacent columns go out in one write each; all rows
   * must carry the same keys.
   */
  writeRows(
    rows: ReadonlyArray<{ row: number; values: Readonly<Record<string, CellValue>> }>,
  ): void {
    if (rows.length === 0) return;
    const columns = this.columnIndex();
    const positions = Object.keys(rows[0].values)
      .map((key) => ({ key, at: columns.get(key) }))
      .filter((c): c is { key: string; at: number } => c.at !== undefined)
      .sort((a, b) => a.at - b.at);
    const columnRuns: Array<Array<{ key: string; at: number }>> = [];
    for (const position of positions) {
      const run = columnRuns[columnRuns.length - 1];
      if (run && run[run.length - 1].at === position.at - 1) run.push(position);
      else columnRuns.push([position]);
    }
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && sorted[j].row === sorted[j - 1].row + 1) j += 1;
      const block = sorted.slice(i, j);
      for (const run of columnRuns) {
        this.sheet
          .getRange(block[0].row, run[0].at + 1, block.length, run.length)
          .setValues(block.map((r) => run.map((c) => r.values[c.key])));
      }
      i = j;
    }
  }

  /** Writes one column for rows `from`..`from + values.length - 1` in one call. */
  writeColumn(key: string, from: number, values: readonly CellValue[]): void {
    const at = this.column(key);
    if (at === null || values.length === 0) return;
    this.sheet.getRange(from, at + 1, values.length, 1).setValues(values.map((v) => [v]));
  }

  /** The row whose `key` cell equals `text` exactly, found server-side (no full read). */
  findRow(key: string, text: string): number | null {
    const at = this.column(key);
    if (at === null || !text) return null;
    const lastRow = this.sheet.getLastRow();
    if (lastRow < 2) return null;
    const found = this.sheet
      .getRange(2, at + 1, lastRow - 1, 1)
      .createTextFinder(text)
      .matchEntireCell(true)
      .matchCase(true)
      .findNext();
    return found ? found.getRow() : null;
  }
}
