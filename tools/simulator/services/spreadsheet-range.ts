// Range: developers.google.com/apps-script/reference/spreadsheet/range
// Bound to one execution; every call is charged with the cells it reads or writes as units.
// Format, validation, note and style methods live in spreadsheet-range-format.ts.

import { ScriptError } from '../kernel';
import { type GridRect, rectA1 } from './spreadsheet-a1';
import { intArg, type SheetsApi } from './spreadsheet-api';
import { ProtectionApi } from './spreadsheet-protection';
import { type RangeFormatMethods, rangeFormatMethods } from './spreadsheet-range-format';
import { rangeFilterMethods } from './spreadsheet-filter';
import { type RangeMergeMethods, rangeMergeMethods } from './spreadsheet-range-merge';
import {
  cellCount,
  chargeRange,
  checkRect,
  checkShape,
  fillGrid,
  initRange,
  rangeState,
  readGrid,
  scriptValue,
} from './spreadsheet-range-state';
import type { SheetModel } from './spreadsheet-sheet-model';
import { TextFinderApi } from './spreadsheet-text-finder';

export { checkRect, scriptValue } from './spreadsheet-range-state';

// The format methods are installed on the prototype below; this tells TypeScript about them.
export interface RangeApi extends RangeFormatMethods, RangeMergeMethods {}

export class RangeApi {
  constructor(api: SheetsApi, sheet: SheetModel, rect: GridRect) {
    initRange(this, { api, sheet, rect });
  }

  getRow(): number {
    const s = rangeState(this);
    chargeRange(s, 'getRow');
    return s.rect.row;
  }

  getColumn(): number {
    const s = rangeState(this);
    chargeRange(s, 'getColumn');
    return s.rect.col;
  }

  getNumRows(): number {
    const s = rangeState(this);
    chargeRange(s, 'getNumRows');
    return s.rect.numRows;
  }

  getNumColumns(): number {
    const s = rangeState(this);
    chargeRange(s, 'getNumColumns');
    return s.rect.numCols;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getLastRow(): the range's end row, not the data's.
  getLastRow(): number {
    const s = rangeState(this);
    chargeRange(s, 'getLastRow');
    return s.rect.row + s.rect.numRows - 1;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getLastColumn()
  getLastColumn(): number {
    const s = rangeState(this);
    chargeRange(s, 'getLastColumn');
    return s.rect.col + s.rect.numCols - 1;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getA1Notation()
  getA1Notation(): string {
    const s = rangeState(this);
    chargeRange(s, 'getA1Notation');
    return rectA1(s.rect);
  }

  getSheet(): object {
    const s = rangeState(this);
    chargeRange(s, 'getSheet');
    return s.api.sheet(s.sheet);
  }

  getGridId(): number {
    const s = rangeState(this);
    chargeRange(s, 'getGridId');
    return s.sheet.sheetId;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getValues(): '' for empty cells, Date for date cells.
  getValues(): unknown[][] {
    const s = rangeState(this);
    chargeRange(s, 'getValues', cellCount(s.rect));
    return readGrid(s, (cell) => scriptValue(cell?.value ?? ''));
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getValue(): the top-left cell.
  getValue(): unknown {
    const s = rangeState(this);
    chargeRange(s, 'getValue', 1);
    return scriptValue(s.sheet.cell(s.rect.row, s.rect.col)?.value ?? '');
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object): dimensions must match; '=' starts a formula.
  setValues(values: unknown): this {
    const s = rangeState(this);
    chargeRange(s, 'setValues', cellCount(s.rect));
    s.sheet.write(s.rect.row, s.rect.col, checkShape(s.rect, values, 'setValues'));
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object): every cell of the range gets the value.
  setValue(value: unknown): this {
    const s = rangeState(this);
    chargeRange(s, 'setValue', cellCount(s.rect));
    s.sheet.write(s.rect.row, s.rect.col, fillGrid(s.rect, value));
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues(): formatted in the spreadsheet's time zone.
  getDisplayValues(): string[][] {
    const s = rangeState(this);
    chargeRange(s, 'getDisplayValues', cellCount(s.rect));
    return readGrid(s, (_cell, row, col) => s.sheet.display(row, col));
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValue()
  getDisplayValue(): string {
    const s = rangeState(this);
    chargeRange(s, 'getDisplayValue', 1);
    return s.sheet.display(s.rect.row, s.rect.col);
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getFormulas(): '' where a cell has no formula.
  getFormulas(): string[][] {
    const s = rangeState(this);
    chargeRange(s, 'getFormulas', cellCount(s.rect));
    return readGrid(s, (cell) => cell?.formula ?? '');
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getFormula()
  getFormula(): string {
    const s = rangeState(this);
    chargeRange(s, 'getFormula', 1);
    return s.sheet.cell(s.rect.row, s.rect.col)?.formula ?? '';
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String): written like a value starting with '='.
  setFormula(formula: string): this {
    const s = rangeState(this);
    chargeRange(s, 'setFormula', cellCount(s.rect));
    s.sheet.write(s.rect.row, s.rect.col, fillGrid(s.rect, String(formula)));
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#setFormulas(String)
  setFormulas(formulas: unknown): this {
    const s = rangeState(this);
    chargeRange(s, 'setFormulas', cellCount(s.rect));
    s.sheet.write(s.rect.row, s.rect.col, checkShape(s.rect, formulas, 'setFormulas'));
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#isBlank()
  isBlank(): boolean {
    const s = rangeState(this);
    chargeRange(s, 'isBlank', cellCount(s.rect));
    let blank = true;
    s.sheet.each(s.rect, (cell) => {
      if (cell && (cell.value !== '' || cell.formula !== undefined)) blank = false;
    });
    return blank;
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#protect(): always a new range protection.
  protect(): object {
    const s = rangeState(this);
    chargeRange(s, 'protect');
    return new ProtectionApi(s.api, s.sheet.parent.addProtection(s.sheet, 'RANGE', s.rect));
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String)
  createTextFinder(text: string): object {
    const s = rangeState(this);
    chargeRange(s, 'createTextFinder');
    return new TextFinderApi(s.api, s.sheet, s.rect, text);
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer)
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): object {
    const s = rangeState(this);
    chargeRange(s, 'offset');
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    const int = (v: unknown): number => intArg(v, 'SpreadsheetApp.Range.offset', args);
    const rect = checkRect(s.sheet, {
      row: s.rect.row + int(rowOffset),
      col: s.rect.col + int(columnOffset),
      numRows: numRows === undefined ? s.rect.numRows : int(numRows),
      numCols: numColumns === undefined ? s.rect.numCols : int(numColumns),
    });
    return s.api.range(s.sheet, rect);
  }

  // developers.google.com/apps-script/reference/spreadsheet/range#getCell(Integer,Integer): relative to the range.
  getCell(row: number, column: number): object {
    const s = rangeState(this);
    chargeRange(s, 'getCell');
    if (row < 1 || column < 1 || row > s.rect.numRows || column > s.rect.numCols) {
      // Commonly reported text for a cell outside the range.
      throw new ScriptError('Cell reference out of range');
    }
    const rect = {
      row: s.rect.row + row - 1,
      col: s.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    };
    return s.api.range(s.sheet, rect);
  }

  activate(): this {
    const s = rangeState(this);
    chargeRange(s, 'activate');
    s.sheet.parent.activeSheet = s.sheet;
    return this;
  }

  toString(): string {
    return 'Range';
  }
}

Object.assign(RangeApi.prototype, rangeFormatMethods, rangeMergeMethods, rangeFilterMethods);
