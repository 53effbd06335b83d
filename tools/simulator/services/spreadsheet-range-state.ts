// What a Range API object is bound to (execution, sheet, rectangle), kept out of the script's
// reach in a WeakMap, and the helpers the Range method groups share.

import { ScriptError, SimDate } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import { bindRange, signatureError, type SheetsApi } from './spreadsheet-api';
import { type Cell, type CellValue, isDateValue } from './spreadsheet-cell';
import type { SheetModel } from './spreadsheet-sheet-model';

export interface RangeState {
  readonly api: SheetsApi;
  readonly sheet: SheetModel;
  readonly rect: GridRect;
}

const states = new WeakMap<object, RangeState>();

export function initRange(range: object, state: RangeState): void {
  states.set(range, state);
  bindRange(range, { sheet: state.sheet, rect: state.rect });
}

export function rangeState(range: object): RangeState {
  const state = states.get(range);
  if (!state) throw new TypeError('Illegal invocation');
  return state;
}

export function chargeRange(state: RangeState, method: string, units = 0): void {
  state.api.exec.charge(`Range.${method}`, units);
}

export function cellCount(rect: GridRect): number {
  return rect.numRows * rect.numCols;
}

/**
 * Checks range coordinates as Sheet.getRange does (messages as Apps Script reports them):
 * developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
 */
export function checkRect(sheet: SheetModel, rect: GridRect): GridRect {
  if (rect.row < 1) throw new ScriptError('The starting row of the range is too small.');
  if (rect.col < 1) throw new ScriptError('The starting column of the range is too small.');
  if (rect.numRows < 1) {
    throw new ScriptError('The number of rows in the range must be at least 1.');
  }
  if (rect.numCols < 1) {
    throw new ScriptError('The number of columns in the range must be at least 1.');
  }
  // Ranges never grow the grid: past the last row or column Apps Script refuses the range.
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols) {
    throw new ScriptError('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}

/** What getValues hands the script: SimDate for dates so `instanceof Date` holds in the script. */
export function scriptValue(value: CellValue): unknown {
  return isDateValue(value) ? new SimDate(value.dateMs) : value;
}

/** A numRows × numCols grid computed cell by cell. */
export function readGrid<T>(
  state: RangeState,
  fn: (cell: Cell | undefined, row: number, col: number) => T,
): T[][] {
  const { sheet, rect } = state;
  const out: T[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const line: T[] = [];
    for (let j = 0; j < rect.numCols; j++) {
      line.push(fn(sheet.cell(rect.row + i, rect.col + j), rect.row + i, rect.col + j));
    }
    out.push(line);
  }
  return out;
}

/** The same value in every cell of the range. */
export function fillGrid(rect: GridRect, value: unknown): unknown[][] {
  return Array.from({ length: rect.numRows }, () => new Array<unknown>(rect.numCols).fill(value));
}

/**
 * developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object): the data must
 * match the range; the messages are the ones Apps Script reports.
 */
export function checkShape(
  rect: GridRect,
  values: unknown,
  method: string,
): readonly (readonly unknown[])[] {
  if (!Array.isArray(values)) throw signatureError(`SpreadsheetApp.Range.${method}`, [values]);
  if (values.length !== rect.numRows) {
    throw new ScriptError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${rect.numRows}.`,
    );
  }
  for (const line of values) {
    if (!Array.isArray(line)) throw signatureError(`SpreadsheetApp.Range.${method}`, [values]);
    if (line.length !== rect.numCols) {
      throw new ScriptError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${rect.numCols}.`,
      );
    }
  }
  return values as unknown[][];
}
