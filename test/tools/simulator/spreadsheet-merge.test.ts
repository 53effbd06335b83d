// Range.merge, mergeAcross, mergeVertically, breakApart, isPartOfMerge and getMergedRanges.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup() {
  const store = new SpreadsheetStore();
  const model = store.create('Libro');
  const exec = new Execution({ name: 'test', startMs: 0 });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  return { sheet: app.getActiveSpreadsheet().getActiveSheet(), exec };
}

const notations = (ranges: Api[]): string[] => ranges.map((r) => r.getA1Notation());

describe('merging cells', () => {
  it('merges into one block keeping only the upper-left value', () => {
    const { sheet, exec } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Título', 'x'],
      ['y', 'z'],
    ]);
    expect(sheet.getRange('A1:B2').merge().getA1Notation()).toBe('A1:B2');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Título', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B2').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('C1').isPartOfMerge()).toBe(false);
    expect(notations(sheet.getRange('B1:D5').getMergedRanges())).toEqual(['A1:B2']);
    expect(exec.calls.get('Range.merge')).toBe(1);
  });

  it('merges across rows and vertically by column', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').mergeAcross();
    sheet.getRange('E1:F3').mergeVertically();
    expect(notations(sheet.getRange('A1:Z10').getMergedRanges())).toEqual([
      'A1:C1',
      'A2:C2',
      'E1:E3',
      'F1:F3',
    ]);
  });

  it('absorbs merges inside the range and refuses to cut through one', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').merge();
    sheet.getRange('A1:C3').merge();
    expect(notations(sheet.getRange('A1:C3').getMergedRanges())).toEqual(['A1:C3']);
    const partial = 'You must select all cells in a merged range to merge or unmerge them.';
    expect(() => sheet.getRange('B2:D4').merge()).toThrow(partial);
    expect(() => sheet.getRange('A1:B2').breakApart()).toThrow(partial);
    sheet.getRange('A1:D4').breakApart();
    expect(sheet.getRange('A1:C3').isPartOfMerge()).toBe(false);
  });

  it('moves merges with inserted and deleted rows and columns', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C3').merge();
    sheet.insertRowsBefore(1, 2);
    expect(notations(sheet.getRange('A1:Z20').getMergedRanges())).toEqual(['B4:C5']);
    sheet.insertColumnAfter(2);
    expect(notations(sheet.getRange('A1:Z20').getMergedRanges())).toEqual(['B4:D5']);
    sheet.deleteRow(5);
    expect(notations(sheet.getRange('A1:Z20').getMergedRanges())).toEqual(['B4:D4']);
    sheet.deleteColumns(3, 2);
    expect(sheet.getRange('A1:Y20').isPartOfMerge()).toBe(false);
  });
});
