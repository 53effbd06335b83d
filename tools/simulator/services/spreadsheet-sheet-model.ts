// One sheet's persistent state: the grid size, its cells and per-column/per-sheet settings.
// It survives across executions; API objects read and write it through these methods.

import type { FilterViewModel } from './sheets-advanced';
import type { ChartModel } from './spreadsheet-charts';
import { ScriptError } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import { type Cell, hasContent } from './spreadsheet-cell';
import { displayCell } from './spreadsheet-format';
import type { SpreadsheetModel } from './spreadsheet-model';
import { shiftMerges } from './spreadsheet-range-merge';
import {
  type ConditionalFormatRuleModel,
  validationAccepts,
  validationMessage,
} from './spreadsheet-rules';
import { type Entered, parseEntered } from './spreadsheet-values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Sheets' default column width in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

export class SheetModel {
  maxRows: number;
  maxCols: number;
  /** rows[r - 1][c - 1]; missing entries are empty cells. */
  private rows: (Cell | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly hiddenColumns = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  conditionalRules: ConditionalFormatRuleModel[] = [];
  /** The basic filter's range (one per sheet), or null. */
  filter: GridRect | null = null;
  /** Filter views (Sheets API v4 only; SpreadsheetApp has none). */
  filterViews: FilterViewModel[] = [];
  /** Embedded charts, in insertion order (recorded, not drawn). */
  charts: ChartModel[] = [];
  /** Set on a linked form's response sheet (Sheet.getFormUrl). */
  formUrl: string | null = null;
  /**
   * On a response sheet, the column Forms writes each field to ('timestamp', 'email', or an item
   * id): Forms follows its columns when they move, so inserts and deletes shift these too.
   */
  readonly formColumns = new Map<string, number>();
  /** Merged blocks (Range.merge); the upper-left cell holds the content. */
  merges: GridRect[] = [];

  constructor(
    readonly parent: SpreadsheetModel,
    public name: string,
    readonly sheetId: number,
    rows = DEFAULT_ROWS,
    cols = DEFAULT_COLUMNS,
  ) {
    this.maxRows = rows;
    this.maxCols = cols;
  }

  get cellCount(): number {
    return this.maxRows * this.maxCols;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensureCell(row: number, col: number): Cell {
    const line = (this.rows[row - 1] ??= []);
    return (line[col - 1] ??= { value: '' });
  }

  /** The last row with content, 0 for an empty sheet (Sheet.getLastRow). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => hasContent(c))) return r;
    }
    return 0;
  }

  /** The last column with content, 0 for an empty sheet (Sheet.getLastColumn). */
  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        if (hasContent(line[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /**
   * Parses `values` as typed/written text and stores them at (row, col); all or nothing.
   * Rejecting validation rules apply unless `enforceValidation` is false (form responses land
   * regardless of the sheet's rules).
   */
  write(
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
    enforceValidation = true,
  ): void {
    const { timeZone, locale } = this.parent;
    const parsed: Entered[][] = values.map((line, i) =>
      line.map((v, j) => {
        const format = this.cell(row + i, col + j)?.format;
        return parseEntered(v, { timeZone, locale, format });
      }),
    );
    parsed.forEach((line, i) =>
      line.forEach((entered, j) => {
        const rule = this.cell(row + i, col + j)?.validation;
        if (
          enforceValidation &&
          rule &&
          !rule.allowInvalid &&
          !validationAccepts(rule, entered.value)
        ) {
          throw new ScriptError(validationMessage(row + i, col + j));
        }
      }),
    );
    parsed.forEach((line, i) =>
      line.forEach((entered, j) => {
        const existing = this.cell(row + i, col + j);
        if (!existing && entered.value === '' && entered.formula === undefined) return;
        const cell = existing ?? this.ensureCell(row + i, col + j);
        cell.value = entered.value;
        if (entered.formula === undefined) delete cell.formula;
        else cell.formula = entered.formula;
        if (entered.autoFormat && cell.format === undefined) cell.format = entered.autoFormat;
      }),
    );
  }

  /** Calls `fn` for every cell position of `rect`, creating nothing. */
  each(rect: GridRect, fn: (cell: Cell | undefined, row: number, col: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) fn(this.cell(r, c), r, c);
    }
  }

  /** Applies `fn` to every cell of `rect`, creating cells as needed. */
  update(rect: GridRect, fn: (cell: Cell, row: number, col: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) fn(this.ensureCell(r, c), r, c);
    }
  }

  /** The displayed text of one cell. */
  display(row: number, col: number): string {
    return displayCell(this.cell(row, col), this.parent.timeZone, this.parent.locale);
  }

  insertRows(after: number, howMany: number): void {
    this.parent.checkGrowth(howMany * this.maxCols);
    openGap(this.rows, after, howMany);
    this.merges = shiftMerges(this.merges, 'row', after, howMany);
    this.maxRows += howMany;
  }

  insertColumns(after: number, howMany: number): void {
    this.parent.checkGrowth(howMany * this.maxRows);
    for (const line of this.rows) {
      if (line) openGap(line, after, howMany);
    }
    shiftKeys(this.columnWidths, after, howMany);
    shiftSet(this.hiddenColumns, after, howMany);
    this.merges = shiftMerges(this.merges, 'col', after, howMany);
    for (const [key, col] of this.formColumns)
      if (col > after) this.formColumns.set(key, col + howMany);
    this.shiftFilterViews(after, howMany);
    this.maxCols += howMany;
  }

  deleteRows(start: number, howMany: number): void {
    // Commonly reported Sheets messages; the reference pages do not list them.
    if (start < 1 || start + howMany - 1 > this.maxRows) {
      throw new ScriptError('Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows - this.frozenRows) {
      throw new ScriptError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.rows.splice(start - 1, howMany);
    this.merges = shiftMerges(this.merges, 'row', start - 1, -howMany);
    this.maxRows -= howMany;
  }

  deleteColumns(start: number, howMany: number): void {
    if (start < 1 || start + howMany - 1 > this.maxCols) {
      throw new ScriptError('Those columns are out of bounds.');
    }
    if (howMany >= this.maxCols - this.frozenColumns) {
      throw new ScriptError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const line of this.rows) if (line) line.splice(start - 1, howMany);
    shiftKeys(this.columnWidths, start - 1 + howMany, -howMany, start - 1);
    shiftSet(this.hiddenColumns, start - 1 + howMany, -howMany, start - 1);
    this.merges = shiftMerges(this.merges, 'col', start - 1, -howMany);
    for (const [key, col] of this.formColumns) {
      if (col >= start + howMany) this.formColumns.set(key, col - howMany);
      else if (col >= start) this.formColumns.delete(key);
    }
    this.shiftFilterViews(start - 1, -howMany);
    this.maxCols -= howMany;
  }

  /**
   * Filter views follow their columns when columns are inserted (howMany > 0) at 0-based `from` or
   * deleted (howMany < 0) from `from`; a spec on a deleted column goes with it.
   */
  private shiftFilterViews(from: number, howMany: number): void {
    const moved = (index: number): number | null => {
      if (index < from) return index;
      if (howMany < 0 && index < from - howMany) return null;
      return index + howMany;
    };
    for (const view of this.filterViews) {
      view.filterSpecs = view.filterSpecs.flatMap((spec) => {
        const at = moved(spec.columnIndex);
        return at === null ? [] : [{ ...spec, columnIndex: at }];
      });
      view.sortSpecs = view.sortSpecs.flatMap((spec) => {
        const at = moved(spec.dimensionIndex);
        return at === null ? [] : [{ ...spec, dimensionIndex: at }];
      });
      if (view.range.endColumnIndex !== undefined)
        view.range.endColumnIndex = Math.max(from, view.range.endColumnIndex + howMany);
    }
  }

  /** Grows the grid so (rows, cols) fit, checking the workbook cell limit first. */
  growTo(rows: number, cols: number): void {
    const newRows = Math.max(rows, this.maxRows);
    const newCols = Math.max(cols, this.maxCols);
    this.parent.checkGrowth(newRows * newCols - this.cellCount);
    this.maxRows = newRows;
    this.maxCols = newCols;
  }

  /** Sheet.clear / clearContents / clearFormats. */
  clear(options: { contents: boolean; formats: boolean }): void {
    for (const line of this.rows) {
      if (!line) continue;
      line.forEach((cell) => {
        if (!cell) return;
        if (options.contents) {
          cell.value = '';
          delete cell.formula;
        }
        if (options.formats) {
          delete cell.format;
          delete cell.style;
        }
      });
    }
  }

  /** The displayed values of the used range (A1 to last row/column with content). */
  displayGrid(): string[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: string[] = [];
      for (let c = 1; c <= cols; c++) line.push(this.display(r, c));
      out.push(line);
    }
    return out;
  }
}

/** Inserts `howMany` holes after index `after` without spreading (grids can grow by millions). */
function openGap<T>(list: T[], after: number, howMany: number): void {
  if (after >= list.length) return;
  const tail = list.splice(after);
  list.length = after + howMany;
  for (const item of tail) list.push(item);
}

/** Moves map keys >= `from + 1` by `delta` (column insert/delete); keys in the deleted span go. */
function shiftKeys<V>(map: Map<number, V>, from: number, delta: number, deletedFrom = from): void {
  const entries = [...map.entries()];
  map.clear();
  for (const [k, v] of entries) {
    if (k > from) map.set(k + delta, v);
    else if (delta > 0 || k <= deletedFrom) map.set(k, v);
  }
}

function shiftSet(set: Set<number>, from: number, delta: number, deletedFrom = from): void {
  const map = new Map([...set].map((k) => [k, true] as const));
  shiftKeys(map, from, delta, deletedFrom);
  set.clear();
  for (const k of map.keys()) set.add(k);
}
