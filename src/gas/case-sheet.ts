// CaseStore on the Radicados sheet (plus Textos largos). A case row is read and written in one
// call each over the block of system columns; where a case sits comes from the anchors in the
// state (a guess checked by the radicado read back), else from a search of the radicado column.
import { sealRecord } from '../core/cases/case-seal';
import type { CaseRecord } from '../core/cases/case-record';
import type { LongText } from '../core/intake/normalize-submission';
import type { CaseStore, ClockChange, LocatedCase } from '../ports/case-store';
import { dateCell, readText, textCell, type CellValue } from './cell-values';
import {
  caseToRow,
  CLOSED_STATUSES,
  eventsReadable,
  rowToCase,
  type DerivedCells,
} from './case-rows';
import type { SheetLayout } from './config-snapshot';
import { CASES_SHEET } from './sheet-schema';
import { SheetTable, type RowObject } from './sheet-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class SetupRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupRequiredError';
  }
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface CaseSheetContext {
  readonly spreadsheet: () => Spreadsheet;
  /** The layout from the configuration snapshot; throws when the sheet needs setup. */
  readonly layout: () => SheetLayout;
  readonly secret: () => string;
  readonly longTexts: () => SheetTable;
  readonly missingSheet: (name: string) => Error;
  /** The traffic light of a case (`semaphoreOf` with the entity's reminder window). */
  readonly semaphore: (record: Pick<CaseRecord, 'status' | 'businessDaysLeft'>) => string;
  /** The cells a row shows beside the case (the assignee's name, the traffic light). */
  readonly derived: (
    record: Pick<CaseRecord, 'assignee' | 'status' | 'businessDaysLeft'>,
  ) => DerivedCells;
}

export class SheetCaseStore implements CaseStore {
  private sheetMemo: Sheet | null = null;
  private readonly ranges = new Map<number, Range>();

  constructor(private readonly ctx: CaseSheetContext) {}

  private sheet(): Sheet {
    if (this.sheetMemo) return this.sheetMemo;
    const name = this.ctx.layout().sheetName;
    const sheet = this.ctx.spreadsheet().getSheetByName(name);
    if (!sheet) throw this.ctx.missingSheet(name);
    this.sheetMemo = sheet;
    return sheet;
  }

  private rowObject(cells: readonly unknown[], offset: number): RowObject {
    const out: RowObject = {};
    for (const [key, at] of Object.entries(this.ctx.layout().at)) {
      const i = at - offset;
      if (i >= 0 && i < cells.length) out[key] = cells[i];
    }
    return out;
  }

  private located(row: number, values: RowObject): LocatedCase {
    const record = rowToCase(values);
    return {
      row,
      record,
      sealOk: readText(values.seal) === sealRecord(this.ctx.secret(), record),
      readable: eventsReadable(values),
    };
  }

  /** The cells of the case, as the full row (index = column) with the seal. */
  private cellsOf(record: CaseRecord): Record<string, CellValue> {
    const values = caseToRow(record, this.ctx.derived(record));
    delete values.notes;
    values.seal = textCell(sealRecord(this.ctx.secret(), record));
    return values;
  }

  append(record: CaseRecord): void {
    const layout = this.ctx.layout();
    const cells = this.cellsOf(record);
    const line = new Array<CellValue>(layout.width).fill('');
    for (const [key, value] of Object.entries(cells)) {
      const at = layout.at[key];
      if (at !== undefined) line[at] = value;
    }
    // developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object[]): one call, after the last row with content.
    this.sheet().appendRow(line);
  }

  private readAt(row: number): RowObject | null {
    const layout = this.ctx.layout();
    if (row < 2) return null;
    if (layout.span) {
      const [from, to] = layout.span;
      const range = this.ctx
        .spreadsheet()
        .getRange(
          `${quotedSheet(layout.sheetName)}!${columnLetters(from)}${row}:${columnLetters(to)}${row}`,
        );
      this.ranges.set(row, range);
      return this.rowObject(range.getValues()[0], from);
    }
    const range = this.sheet().getRange(row, 1, 1, layout.width);
    return this.rowObject(range.getValues()[0], 0);
  }

  private search(radicado: string): number | null {
    const table = new SheetTable(this.sheet(), CASES_SHEET);
    return table.findRow('radicado', radicado);
  }

  locate(radicado: string, hint: number | null): LocatedCase | null {
    if (hint !== null) {
      const values = this.readAt(hint);
      if (values && readText(values.radicado) === radicado) return this.located(hint, values);
    }
    const row = this.search(radicado);
    if (row === null) return null;
    const values = this.readAt(row);
    return values ? this.located(row, values) : null;
  }

  find(radicado: string): CaseRecord | null {
    const found = this.locate(radicado, null)?.record;
    if (found) return found;
    // A case in a sheet renamed or copied as an archive is still the entity's case.
    for (const sheet of this.archiveSheets()) {
      const table = new SheetTable(sheet, CASES_SHEET);
      const row = table.findRow('radicado', radicado);
      if (row !== null) return rowToCase(table.readRow(row));
    }
    return null;
  }

  /**
   * Other sheets laid out like the tracking sheet (an archive a clerk renamed, a copy): at least
   * half of its headers, the Radicado column among them.
   */
  private archiveSheets(): Sheet[] {
    const main = this.ctx.layout().sheetName;
    const wanted = CASES_SHEET.columns.map((c) => c.header.toLowerCase());
    const out: Sheet[] = [];
    for (const sheet of this.ctx.spreadsheet().getSheets()) {
      if (sheet.getName() === main) continue;
      const width = sheet.getLastColumn();
      if (width < 1) continue;
      const headers = new Set(
        sheet
          .getRange(1, 1, 1, width)
          .getValues()[0]
          .map((h) => String(h).trim().toLowerCase()),
      );
      const present = wanted.filter((h) => headers.has(h)).length;
      if (headers.has(wanted[0]) && present * 2 >= wanted.length) out.push(sheet);
    }
    return out;
  }

  archivedRadicados(): string[] {
    const out: string[] = [];
    for (const sheet of this.archiveSheets()) {
      const table = new SheetTable(sheet, CASES_SHEET);
      for (const { values } of table.readFrom(2)) {
        const text = readText(values.radicado).trim();
        if (text) out.push(text);
      }
    }
    return out;
  }

  write(row: number, record: CaseRecord): void {
    const layout = this.ctx.layout();
    const cells = this.cellsOf(record);
    if (layout.span) {
      const [from, to] = layout.span;
      const line = new Array<CellValue>(to - from + 1).fill('');
      for (const [key, value] of Object.entries(cells)) {
        const at = layout.at[key];
        if (at !== undefined && at >= from && at <= to) line[at - from] = value;
      }
      const range =
        this.ranges.get(row) ??
        this.ctx
          .spreadsheet()
          .getRange(
            `${quotedSheet(layout.sheetName)}!${columnLetters(from)}${row}:${columnLetters(to)}${row}`,
          );
      range.setValues([line]);
      return;
    }
    // Columns moved among the system block: one write per run of adjacent system columns.
    new SheetTable(this.sheet(), CASES_SHEET).writeRows([{ row, values: cells }]);
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
    this.ctx.longTexts().append(rows);
  }

  all(): LocatedCase[] {
    const layout = this.ctx.layout();
    const sheet = this.sheet();
    const last = sheet.getLastRow();
    if (last < 2) return [];
    const grid = sheet.getRange(2, 1, last - 1, layout.width).getValues();
    const out: LocatedCase[] = [];
    grid.forEach((cells, i) => {
      const values = this.rowObject(cells, 0);
      if (readText(values.radicado) !== '') out.push(this.located(i + 2, values));
    });
    return out;
  }

  /**
   * Writes the clock columns (due date, days left, traffic light) over runs of consecutive case
   * rows: one write per run of rows and run of adjacent clock columns.
   */
  updateClocks(cases: readonly LocatedCase[], changes: readonly ClockChange[]): void {
    if (changes.length === 0) return;
    const layout = this.ctx.layout();
    const sheet = this.sheet();
    const byRow = new Map(changes.map((c) => [c.row, c]));
    const rows = [...cases]
      .sort((a, b) => a.row - b.row)
      .map((c) => {
        const change = byRow.get(c.row);
        const clock = change ?? c.record;
        // Only the light: the daily pass must not look up every assignee's name.
        const semaphore = this.ctx.semaphore({
          status: c.record.status,
          businessDaysLeft: clock.businessDaysLeft,
        });
        return {
          row: c.row,
          dueDate: clock.dueDate,
          businessDaysLeft: clock.businessDaysLeft,
          closed: CLOSED_STATUSES.has(c.record.status),
          semaphore,
        };
      });
    const cellOf: Record<string, (r: (typeof rows)[number]) => CellValue> = {
      dueDate: (r) => dateCell(r.dueDate),
      businessDaysLeft: (r) => (r.closed ? '' : r.businessDaysLeft),
      semaphore: (r) => textCell(r.semaphore),
    };
    const columns = Object.keys(cellOf)
      .map((key) => ({ key, at: layout.at[key] }))
      .filter((c): c is { key: string; at: number } => c.at !== undefined)
      .sort((a, b) => a.at - b.at);
    const columnRuns: Array<Array<{ key: string; at: number }>> = [];
    for (const column of columns) {
      const run = columnRuns[columnRuns.length - 1];
      if (run && run[run.length - 1].at === column.at - 1) run.push(column);
      else columnRuns.push([column]);
    }
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      while (j < rows.length && rows[j].row === rows[j - 1].row + 1) j += 1;
      const run = rows.slice(i, j);
      if (run.some((r) => byRow.has(r.row)))
        for (const cols of columnRuns)
          sheet
            .getRange(run[0].row, cols[0].at + 1, run.length, cols.length)
            .setValues(run.map((r) => cols.map((c) => cellOf[c.key](r))));
      i = j;
    }
  }

  reseal(cases: readonly LocatedCase[]): void {
    const sealAt = this.ctx.layout().at.seal;
    const sheet = this.sheet();
    const sorted = [...cases].sort((a, b) => a.row - b.row);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && sorted[j].row === sorted[j - 1].row + 1) j += 1;
      sheet
        .getRange(sorted[i].row, sealAt + 1, j - i, 1)
        .setValues(
          sorted.slice(i, j).map((c) => [textCell(sealRecord(this.ctx.secret(), c.record))]),
        );
      i = j;
    }
  }

  /** Every radicado on any sheet whose header has a Radicado column (the tracking sheet and archives). */
  allRadicados(): string[] {
    const out: string[] = [];
    const header = CASES_SHEET.columns[0].header.toLowerCase();
    for (const sheet of this.ctx.spreadsheet().getSheets()) {
      const last = sheet.getLastRow();
      const width = sheet.getLastColumn();
      if (last < 2 || width < 1) continue;
      const grid = sheet.getRange(1, 1, last, width).getValues();
      const at = grid[0].map((h) => String(h).trim().toLowerCase()).indexOf(header);
      if (at < 0) continue;
      for (let r = 1; r < grid.length; r += 1) {
        const text = readText(grid[r][at]).trim();
        if (text) out.push(text);
      }
    }
    return out;
  }
}
