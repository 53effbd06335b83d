// Spreadsheet.getFormUrl, Spreadsheet.appendRow, Sheet.getSheetValues and whole-row/column A1.
import { Execution, SimDate } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup() {
  const store = new SpreadsheetStore();
  const model = store.create('Libro');
  const exec = new Execution({ name: 'test', startMs: 0 });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const ss = app.getActiveSpreadsheet();
  return { ss, sheet: ss.getActiveSheet(), store, model, exec };
}

const a1 = (range: Api): string =>
  `${range.getRow()},${range.getColumn()},${range.getNumRows()},${range.getNumColumns()}`;

describe('Spreadsheet.getFormUrl', () => {
  it('is null without a linked form and the form URL once one sends responses here', () => {
    const { ss, store, model } = setup();
    expect(ss.getFormUrl()).toBeNull();
    const FormApp: Api = createFormApp(
      new Execution({ name: 'f', startMs: 0 }),
      new FormStore(store),
    );
    const form = FormApp.create('PQRSD');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, model.id);
    expect(ss.getFormUrl()).toBe(form.getPublishedUrl());
    expect(ss.getSheetByName('Respuestas de formulario 1').getFormUrl()).toBe(ss.getFormUrl());
    form.removeDestination();
    expect(ss.getFormUrl()).toBeNull();
  });
});

describe('Spreadsheet.appendRow', () => {
  it('appends to the active sheet and returns it', () => {
    const { ss, exec } = setup();
    const other = ss.insertSheet('Otra');
    other.getRange('A1:A3').setValues([[1], [2], [3]]);
    const result = ss.appendRow(['x', 5]);
    expect(result.getName()).toBe('Otra');
    expect(other.getRange('A4:B4').getValues()).toEqual([['x', 5]]);
    expect(ss.getSheetByName('Hoja 1').getLastRow()).toBe(0);
    expect(exec.calls.get('Spreadsheet.appendRow')).toBe(1);
    expect(() => ss.appendRow('x')).toThrow("don't match the method signature");
  });
});

describe('Sheet.getSheetValues', () => {
  it('reads a rectangle; -1 runs to the last row or column with content', () => {
    const { sheet } = setup();
    const date = new Date(Date.UTC(2026, 6, 20, 15));
    sheet.getRange('A1:C3').setValues([
      ['a', 'b', 'c'],
      [1, 2, date],
      [4, 5, 6],
    ]);
    expect(sheet.getSheetValues(2, 1, 1, 2)).toEqual([[1, 2]]);
    expect(sheet.getSheetValues(1, 2, -1, -1)).toEqual([
      ['b', 'c'],
      [2, expect.any(SimDate)],
      [5, 6],
    ]);
    expect(sheet.getSheetValues(2, 3, 1, 1)[0][0].getTime()).toBe(date.getTime());
    expect(sheet.getSheetValues(-1, -1, 1, 1)).toEqual([[6]]);
    expect(() => sheet.getSheetValues(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
  });
});

describe('whole-row and whole-column A1 ranges', () => {
  it('parses B1:1, 2:2, A:A and B2:B on a sheet and with a sheet name', () => {
    const { ss, sheet } = setup();
    expect(a1(sheet.getRange('B1:1'))).toBe('1,2,1,25');
    expect(a1(sheet.getRange('2:2'))).toBe('2,1,1,26');
    expect(a1(sheet.getRange('A:A'))).toBe('1,1,1000,1');
    expect(a1(sheet.getRange('B2:B'))).toBe('2,2,999,1');
    expect(a1(sheet.getRange('$B$3:$3'))).toBe('3,2,1,25');
    expect(a1(ss.getRange("'Hoja 1'!B1:1"))).toBe('1,2,1,25');
    expect(a1(ss.getRange('Hoja 1!A:B'))).toBe('1,1,1000,2');
    sheet.getRange('B1:1').setValues([Array.from({ length: 25 }, (_, i) => i)]);
    expect(sheet.getLastColumn()).toBe(26);
    expect(() => sheet.getRange('B1:0')).toThrow();
  });
});
