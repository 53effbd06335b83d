// Sheet: developers.google.com/apps-script/reference/spreadsheet/sheet
// Names, ranges, rows and columns here; layout, protections and rules in spreadsheet-sheet-settings.ts.

import { ScriptError } from '../kernel';
import { parseA1, splitSheetPrefix } from './spreadsheet-a1';
import { bindSheet, intArg, sheetState, signatureError, type SheetsApi } from './spreadsheet-api';
import { checkRect, scriptValue } from './spreadsheet-range-state';
import type { SheetModel } from './spreadsheet-sheet-model';
import { type SheetSettingsMethods, sheetSettingsMethods } from './spreadsheet-sheet-settings';
import { checkLength } from './spreadsheet-values';

// The settings methods are installed on the prototype below; this tells TypeScript about them.
export interface SheetApi extends SheetSettingsMethods {}

export class SheetApi {
  constructor(api: SheetsApi, model: SheetModel) {
    bindSheet(this, { api, model });
  }

  get #api(): SheetsApi {
    return sheetState(this).api;
  }

  get #model(): SheetModel {
    return sheetState(this).model;
  }

  #charge(method: string, units = 0): void {
    this.#api.exec.charge(`Sheet.${method}`, units);
  }

  #int(value: unknown, method: string, args: readonly unknown[]): number {
    return intArg(value, `SpreadsheetApp.Sheet.${method}`, args);
  }

  getName(): string {
    this.#charge('getName');
    return this.#model.name;
  }

  getSheetName(): string {
    this.#charge('getSheetName');
    return this.#model.name;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String): names are unique in the file.
  setName(name: string): this {
    this.#charge('setName');
    const taken = this.#model.parent.sheets.some(
      (s) => s !== this.#model && s.name.toLowerCase() === String(name).toLowerCase(),
    );
    if (taken) {
      throw new ScriptError(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.#model.name = String(name);
    return this;
  }

  getSheetId(): number {
    this.#charge('getSheetId');
    return this.#model.sheetId;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getIndex(): 1-based position.
  getIndex(): number {
    this.#charge('getIndex');
    return this.#model.parent.sheets.indexOf(this.#model) + 1;
  }

  getParent(): object {
    this.#charge('getParent');
    return this.#api.spreadsheet(this.#model.parent);
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer), and the A1 form.
  getRange(a: unknown, col?: unknown, numRows?: unknown, numCols?: unknown): object {
    this.#charge('getRange');
    const args = [a, col, numRows, numCols].filter((x) => x !== undefined);
    if (typeof a === 'string' && args.length === 1) {
      const rect = parseA1(splitSheetPrefix(a).ref, this.#model.maxRows, this.#model.maxCols);
      return this.#api.range(this.#model, checkRect(this.#model, rect));
    }
    if (args.length < 2) throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    const rect = checkRect(this.#model, {
      row: this.#int(a, 'getRange', args),
      col: this.#int(col, 'getRange', args),
      numRows: numRows === undefined ? 1 : this.#int(numRows, 'getRange', args),
      numCols: numCols === undefined ? 1 : this.#int(numCols, 'getRange', args),
    });
    return this.#api.range(this.#model, rect);
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow(): last row with content, 0 when empty.
  getLastRow(): number {
    this.#charge('getLastRow');
    return this.#model.lastRow();
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getLastColumn()
  getLastColumn(): number {
    this.#charge('getLastColumn');
    return this.#model.lastColumn();
  }

  getMaxRows(): number {
    this.#charge('getMaxRows');
    return this.#model.maxRows;
  }

  getMaxColumns(): number {
    this.#charge('getMaxColumns');
    return this.#model.maxCols;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange(): A1 to the last row/column with content.
  getDataRange(): object {
    this.#charge('getDataRange');
    const numRows = Math.max(1, this.#model.lastRow());
    const numCols = Math.max(1, this.#model.lastColumn());
    return this.#api.range(this.#model, { row: 1, col: 1, numRows, numCols });
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object): after the last row with content; grows the grid.
  appendRow(rowContents: unknown): this {
    const values = Array.isArray(rowContents) ? (rowContents as unknown[]) : null;
    this.#charge('appendRow', values?.length ?? 0);
    if (!values) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    appendRowTo(this.#model, values);
    return this;
  }

  /**
   * developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer):
   * "A -1 value given as the row or column position is equivalent to getting the very last row or
   * column that has data in the sheet" — read here as: -1 for a start is the last row/column with
   * content, -1 for a count runs to it.
   */
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const args = [startRow, startColumn, numRows, numColumns];
    const int = (v: unknown): number => this.#int(v, 'getSheetValues', args);
    const lastRow = this.#model.lastRow();
    const lastCol = this.#model.lastColumn();
    const row = int(startRow) === -1 ? lastRow : int(startRow);
    const col = int(startColumn) === -1 ? lastCol : int(startColumn);
    const rect = checkRect(this.#model, {
      row,
      col,
      numRows: int(numRows) === -1 ? lastRow - row + 1 : int(numRows),
      numCols: int(numColumns) === -1 ? lastCol - col + 1 : int(numColumns),
    });
    this.#charge('getSheetValues', rect.numRows * rect.numCols);
    const out: unknown[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const line: unknown[] = [];
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        line.push(scriptValue(this.#model.cell(r, c)?.value ?? ''));
      }
      out.push(line);
    }
    return out;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.#charge('insertRowsAfter');
    this.#model.insertRows(
      this.#int(afterPosition, 'insertRowsAfter', [afterPosition, howMany]),
      howMany,
    );
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.#charge('insertRowAfter');
    this.#model.insertRows(this.#int(afterPosition, 'insertRowAfter', [afterPosition]), 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.#charge('insertRowsBefore');
    this.#model.insertRows(
      this.#int(beforePosition, 'insertRowsBefore', [beforePosition]) - 1,
      howMany,
    );
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.#charge('insertRowBefore');
    this.#model.insertRows(this.#int(beforePosition, 'insertRowBefore', [beforePosition]) - 1, 1);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.#charge('insertColumnsAfter');
    this.#model.insertColumns(
      this.#int(afterPosition, 'insertColumnsAfter', [afterPosition]),
      howMany,
    );
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.#charge('insertColumnAfter');
    this.#model.insertColumns(this.#int(afterPosition, 'insertColumnAfter', [afterPosition]), 1);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.#charge('insertColumnsBefore');
    this.#model.insertColumns(
      this.#int(beforePosition, 'insertColumnsBefore', [beforePosition]) - 1,
      howMany,
    );
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
  deleteRows(rowPosition: number, howMany: number): void {
    this.#charge('deleteRows');
    this.#model.deleteRows(this.#int(rowPosition, 'deleteRows', [rowPosition, howMany]), howMany);
  }

  deleteRow(rowPosition: number): this {
    this.#charge('deleteRow');
    this.#model.deleteRows(this.#int(rowPosition, 'deleteRow', [rowPosition]), 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.#charge('deleteColumns');
    this.#model.deleteColumns(
      this.#int(columnPosition, 'deleteColumns', [columnPosition]),
      howMany,
    );
  }

  deleteColumn(columnPosition: number): this {
    this.#charge('deleteColumn');
    this.#model.deleteColumns(this.#int(columnPosition, 'deleteColumn', [columnPosition]), 1);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl(): null unless a form writes here.
  getFormUrl(): string | null {
    this.#charge('getFormUrl');
    return this.#model.formUrl;
  }

  activate(): this {
    this.#charge('activate');
    this.#model.parent.activeSheet = this.#model;
    return this;
  }

  toString(): string {
    return 'Sheet';
  }
}

Object.assign(SheetApi.prototype, sheetSettingsMethods);

/** Sheet.appendRow and Spreadsheet.appendRow: the row after the last one with content. */
export function appendRowTo(model: SheetModel, values: readonly unknown[]): void {
  for (const v of values) if (typeof v === 'string') checkLength(v);
  const row = model.lastRow() + 1;
  model.growTo(row, values.length);
  model.write(row, 1, [values]);
}
