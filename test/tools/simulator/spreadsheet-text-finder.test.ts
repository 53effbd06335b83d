// TextFinder: matching options, findNext/findAll order, and charging by cells scanned.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup(): { sheet: Api; exec: Execution } {
  const store = new SpreadsheetStore();
  const model = store.create('Libro');
  // Only TextFinder costs time here, 1 ms per cell scanned, so simulatedMs counts the cells.
  const exec = new Execution({
    name: 'test',
    startMs: 0,
    costs: {
      '*': { baseMs: 0 },
      'TextFinder.findNext': { baseMs: 0, perUnitMs: 1 },
      'TextFinder.findAll': { baseMs: 0, perUnitMs: 1 },
    },
  });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const sheet = app.getActiveSheet();
  sheet.getRange('A1:C3').setValues([
    ['Radicado', 'Estado', 'Nota'],
    ['2026-000123', 'abierto', 'reabierto por queja'],
    ['2026-000124', 'ABIERTO', 'cerrado'],
  ]);
  return { sheet, exec };
}

const a1 = (r: Api): string => r.getA1Notation();

describe('TextFinder', () => {
  it('matches inside cells, case-insensitively, by default', () => {
    const { sheet } = setup();
    expect(sheet.createTextFinder('abierto').findAll().map(a1)).toEqual(['B2', 'C2', 'B3']);
  });

  it('matchEntireCell skips partial matches; matchCase respects case', () => {
    const { sheet } = setup();
    const entire = sheet.createTextFinder('abierto').matchEntireCell(true);
    expect(entire.findAll().map(a1)).toEqual(['B2', 'B3']);
    const exact = sheet.createTextFinder('abierto').matchEntireCell(true).matchCase(true);
    expect(exact.findAll().map(a1)).toEqual(['B2']);
  });

  it('supports regular expressions', () => {
    const { sheet } = setup();
    const finder = sheet.createTextFinder('^2026-0+12[34]$').useRegularExpression(true);
    expect(finder.findAll().map(a1)).toEqual(['A2', 'A3']);
  });

  it('findNext walks row by row and ends with null', () => {
    const { sheet } = setup();
    const finder = sheet.createTextFinder('abierto').matchEntireCell(true);
    expect(a1(finder.findNext())).toBe('B2');
    expect(a1(finder.findNext())).toBe('B3');
    expect(finder.findNext()).toBeNull();
  });

  it('searches only the range it was created on', () => {
    const { sheet } = setup();
    expect(sheet.getRange('C1:C3').createTextFinder('abierto').findAll().map(a1)).toEqual(['C2']);
  });

  it('counts calls and charges the cells scanned', () => {
    const { sheet, exec } = setup();
    const finder = sheet.createTextFinder('2026-000123').matchEntireCell(true);
    finder.findNext(); // scans A1, B1, C1, A2: 4 cells
    expect(exec.simulatedMs).toBe(4);
    finder.findAll(); // scans the 3 x 3 used range
    expect(exec.simulatedMs).toBe(13);
    expect(exec.calls.get('Sheet.createTextFinder')).toBe(1);
    expect(exec.calls.get('TextFinder.matchEntireCell')).toBe(1);
    expect(exec.calls.get('TextFinder.findNext')).toBe(1);
    expect(exec.calls.get('TextFinder.findAll')).toBe(1);
  });
});
