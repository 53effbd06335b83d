// Sheets and the grid: defaults, appendRow/getLastRow, growth and the 10-million-cell limit.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const CELL_LIMIT =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

function setup(): { ss: Api; sheet: Api; store: SpreadsheetStore; exec: Execution } {
  const store = new SpreadsheetStore();
  const model = store.create('Libro');
  const exec = new Execution({ name: 'test', startMs: 0 });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const ss = app.getActiveSpreadsheet();
  return { ss, sheet: ss.getActiveSheet(), store, exec };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('a new spreadsheet', () => {
  it("has one 1000 x 26 sheet named 'Hoja 1'", () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets()).toHaveLength(1);
    expect(sheet.getName()).toBe('Hoja 1');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
  });
});

describe('appendRow and getLastRow', () => {
  it('appends after the last row with content', () => {
    const { sheet } = setup();
    sheet.appendRow(['Radicado', 'Estado']);
    sheet.getRange('A5').setValue('suelto');
    sheet.appendRow(['R-2', 'Abierto']);
    expect(sheet.getLastRow()).toBe(6);
    expect(sheet.getRange('A6:B6').getValues()).toEqual([['R-2', 'Abierto']]);
    expect(sheet.getLastColumn()).toBe(2);
  });

  it('ignores formatting when finding the last row', () => {
    const { sheet } = setup();
    sheet.appendRow(['a']);
    sheet.getRange('A10').setNumberFormat('@').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(1);
  });

  it('grows the grid when the sheet is full', () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setValue('último');
    sheet.appendRow(new Array(30).fill('x'));
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getLastRow()).toBe(1001);
  });

  it('getDataRange spans A1 to the last row and column with content', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 'b', 'c']);
    sheet.appendRow(['d']);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
  });
});

describe('sheets', () => {
  it('rejects a taken name with Sheets message', () => {
    const { ss } = setup();
    ss.insertSheet('Casos');
    expect(thrown(() => ss.insertSheet('Casos')).message).toBe(
      'A sheet with the name "Casos" already exists. Please enter another name.',
    );
  });

  it('getSheetByName returns null when absent', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('No existe')).toBeNull();
  });

  it('inserts at a 0-based index and makes the new sheet active', () => {
    const { ss } = setup();
    ss.insertSheet('Config', 0);
    expect(ss.getSheets().map((s: Api) => s.getName())).toEqual(['Config', 'Hoja 1']);
    expect(ss.getActiveSheet().getName()).toBe('Config');
    expect(ss.insertSheet().getName()).toBe('Hoja 3');
  });

  it('refuses to delete the only sheet', () => {
    const { ss, sheet } = setup();
    expect(thrown(() => ss.deleteSheet(sheet)).message).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  it('hides columns and sheets, freezes rows', () => {
    const { ss, sheet } = setup();
    ss.insertSheet('Otra');
    sheet.hideColumns(2, 2);
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(sheet.isColumnHiddenByUser(4)).toBe(false);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.isSheetHidden()).toBe(true);
  });
});

describe('10 million cells per spreadsheet', () => {
  it('refuses to insert rows past the limit', () => {
    const { sheet } = setup();
    // 1000 x 26 = 26,000 cells; 384,000 more rows of 26 columns would pass 10,000,000.
    expect(thrown(() => sheet.insertRowsAfter(1000, 384_000)).message).toBe(CELL_LIMIT);
    sheet.insertRowsAfter(1000, 383_615); // 26 x 384,615 = 9,999,990 cells: allowed
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(thrown(() => sheet.insertColumnsAfter(26, 1)).message).toBe(CELL_LIMIT);
  });

  it('refuses appendRow and insertSheet on a full workbook', () => {
    const { ss, sheet } = setup();
    sheet.deleteColumns(26, 1); // 1000 x 25
    sheet.insertRowsAfter(1000, 399_000); // 400,000 x 25 = exactly 10,000,000
    sheet.getRange(400_000, 1).setValue('fin');
    expect(thrown(() => sheet.appendRow(['uno más'])).message).toBe(CELL_LIMIT);
    expect(thrown(() => ss.insertSheet('Nueva')).message).toBe(CELL_LIMIT);
    expect(sheet.getMaxRows()).toBe(400_000);
  });
});
