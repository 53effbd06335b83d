// Sheet methods for layout (frozen rows, hidden columns, widths, visibility), clearing,
// protections, text search and conditional formats: installed on SheetApi's prototype
// (spreadsheet-sheet.ts) to keep each file small.
// developers.google.com/apps-script/reference/spreadsheet/sheet

import { ScriptError } from '../kernel';
import { intArg, sheetState, signatureError, type SheetsApi } from './spreadsheet-api';
import { conditionalRuleApi, conditionalRuleOf } from './spreadsheet-conditional';
import { chartApi, chartOf, EmbeddedChartBuilderApi } from './spreadsheet-charts';
import { filterApi } from './spreadsheet-filter';
import { ProtectionApi } from './spreadsheet-protection';
import { DEFAULT_COLUMN_WIDTH, type SheetModel } from './spreadsheet-sheet-model';
import { TextFinderApi } from './spreadsheet-text-finder';

function charge(sheet: object, method: string): void {
  sheetState(sheet).api.exec.charge(`Sheet.${method}`);
}

function model(sheet: object): SheetModel {
  return sheetState(sheet).model;
}

function api(sheet: object): SheetsApi {
  return sheetState(sheet).api;
}

export const sheetSettingsMethods = {
  setFrozenRows(this: object, rows: number): void {
    charge(this, 'setFrozenRows');
    model(this).frozenRows = intArg(rows, 'SpreadsheetApp.Sheet.setFrozenRows', [rows]);
  },

  getFrozenRows(this: object): number {
    charge(this, 'getFrozenRows');
    return model(this).frozenRows;
  },

  setFrozenColumns(this: object, columns: number): void {
    charge(this, 'setFrozenColumns');
    model(this).frozenColumns = intArg(columns, 'SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
  },

  getFrozenColumns(this: object): number {
    charge(this, 'getFrozenColumns');
    return model(this).frozenColumns;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#hideColumns(Integer,Integer)
  hideColumns(this: object, columnIndex: number, numColumns = 1): void {
    charge(this, 'hideColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) model(this).hiddenColumns.add(c);
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#showColumns(Integer,Integer)
  showColumns(this: object, columnIndex: number, numColumns = 1): void {
    charge(this, 'showColumns');
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      model(this).hiddenColumns.delete(c);
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#isColumnHiddenByUser(Integer)
  isColumnHiddenByUser(this: object, columnPosition: number): boolean {
    charge(this, 'isColumnHiddenByUser');
    return model(this).hiddenColumns.has(columnPosition);
  },

  setColumnWidth<T extends object>(this: T, columnPosition: number, width: number): T {
    charge(this, 'setColumnWidth');
    model(this).columnWidths.set(columnPosition, width);
    return this;
  },

  setColumnWidths<T extends object>(
    this: T,
    startColumn: number,
    numColumns: number,
    width: number,
  ): T {
    charge(this, 'setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++)
      model(this).columnWidths.set(c, width);
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getColumnWidth(Integer): 100 px by default.
  getColumnWidth(this: object, columnPosition: number): number {
    charge(this, 'getColumnWidth');
    return model(this).columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  },

  autoResizeColumns<T extends object>(this: T, startColumn: number, numColumns: number): T {
    charge(this, 'autoResizeColumns');
    void startColumn;
    void numColumns;
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet(): one sheet must stay visible (our wording).
  hideSheet<T extends object>(this: T): T {
    charge(this, 'hideSheet');
    const visible = model(this).parent.sheets.filter((s) => !s.hidden && s !== model(this));
    if (visible.length === 0) throw new ScriptError("You can't hide all the sheets in a document.");
    model(this).hidden = true;
    return this;
  },

  showSheet<T extends object>(this: T): T {
    charge(this, 'showSheet');
    model(this).hidden = false;
    return this;
  },

  isSheetHidden(this: object): boolean {
    charge(this, 'isSheetHidden');
    return model(this).hidden;
  },

  setTabColor<T extends object>(this: T, color: string | null): T {
    charge(this, 'setTabColor');
    model(this).tabColor = color;
    return this;
  },

  getTabColor(this: object): string | null {
    charge(this, 'getTabColor');
    return model(this).tabColor;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#clear(): content and formatting.
  clear<T extends object>(this: T): T {
    charge(this, 'clear');
    model(this).clear({ contents: true, formats: true });
    return this;
  },

  clearContents<T extends object>(this: T): T {
    charge(this, 'clearContents');
    model(this).clear({ contents: true, formats: false });
    return this;
  },

  clearFormats<T extends object>(this: T): T {
    charge(this, 'clearFormats');
    model(this).clear({ contents: false, formats: true });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#protect(): returns the existing sheet protection if any.
  protect(this: object): object {
    charge(this, 'protect');
    const parent = model(this).parent;
    const existing = parent.activeProtections('SHEET', model(this))[0];
    return new ProtectionApi(
      api(this),
      existing ?? parent.addProtection(model(this), 'SHEET', null),
    );
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getProtections(ProtectionType)
  getProtections(this: object, type: string): object[] {
    charge(this, 'getProtections');
    const kind = String(type) === 'SHEET' ? 'SHEET' : 'RANGE';
    return model(this)
      .parent.activeProtections(kind, model(this))
      .map((p) => new ProtectionApi(api(this), p));
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#createTextFinder(String)
  createTextFinder(this: object, findText: string): object {
    charge(this, 'createTextFinder');
    const all = { row: 1, col: 1, numRows: model(this).maxRows, numCols: model(this).maxCols };
    return new TextFinderApi(api(this), model(this), all, findText);
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getConditionalFormatRules()
  getConditionalFormatRules(this: object): object[] {
    charge(this, 'getConditionalFormatRules');
    return model(this).conditionalRules.map((r) => conditionalRuleApi(api(this), r));
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule): replaces all rules.
  setConditionalFormatRules(this: object, rules: readonly unknown[]): void {
    charge(this, 'setConditionalFormatRules');
    model(this).conditionalRules = [...rules].map((r) => {
      const model = conditionalRuleOf(r);
      if (!model) throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      return model;
    });
  },

  clearConditionalFormatRules(this: object): void {
    charge(this, 'clearConditionalFormatRules');
    model(this).conditionalRules = [];
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getFilter(): null when none.
  getFilter(this: object): object | null {
    charge(this, 'getFilter');
    return model(this).filter ? filterApi(api(this), model(this)) : null;
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#newChart()
  newChart(this: object): object {
    charge(this, 'newChart');
    return new EmbeddedChartBuilderApi(api(this));
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart)
  insertChart(this: object, chart: unknown): void {
    charge(this, 'insertChart');
    const found = chartOf(chart);
    if (!found) throw signatureError('SpreadsheetApp.Sheet.insertChart', [chart]);
    model(this).charts.push(found);
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#getCharts()
  getCharts(this: object): object[] {
    charge(this, 'getCharts');
    return model(this).charts.map((c) => chartApi(api(this), c));
  },

  // developers.google.com/apps-script/reference/spreadsheet/sheet#removeChart(EmbeddedChart)
  removeChart(this: object, chart: unknown): void {
    charge(this, 'removeChart');
    const found = chartOf(chart);
    model(this).charts = model(this).charts.filter((c) => c.id !== found?.id);
  },
};

export type SheetSettingsMethods = typeof sheetSettingsMethods;
