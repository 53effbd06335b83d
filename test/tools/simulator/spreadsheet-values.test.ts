// Writing and reading values: dimension checks, the 50,000-character cell limit, formulas,
// apostrophes, how typed text is parsed, and what getValues returns.
import { Execution, ScriptError, SimDate } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

const START = Date.parse('2026-07-20T20:30:00-05:00');

type Api = any;

function setup(): { exec: Execution; sheet: Api; store: SpreadsheetStore } {
  const store = new SpreadsheetStore();
  const model = store.create('PQRSD - Pruebas');
  const exec = new Execution({ name: 'test', startMs: START });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  return { exec, sheet: app.getActiveSpreadsheet().getActiveSheet(), store };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

describe('Range.setValues dimensions', () => {
  it('rejects more rows than the range has, with Apps Script message', () => {
    const { sheet } = setup();
    const err = thrown(() =>
      sheet.getRange(1, 1, 1, 2).setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    );
    expect(err).toBeInstanceOf(ScriptError);
    expect(err.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 1.',
    );
  });

  it('rejects fewer columns than the range has', () => {
    const { sheet } = setup();
    const err = thrown(() => sheet.getRange(1, 1, 1, 3).setValues([['a', 'b']]));
    expect(err.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('rejects more columns than the range has, and writes nothing', () => {
    const { sheet } = setup();
    const err = thrown(() => sheet.getRange(1, 1, 1, 2).setValues([['a', 'b', 'c']]));
    expect(err.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('50,000 characters per cell', () => {
  const limitMessage =
    'Your input contains more than the maximum of 50000 characters in a single cell.';

  it('accepts exactly 50,000 characters', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expect(String(sheet.getRange('A1').getValue()).length).toBe(50_000);
  });

  it('rejects 50,001 characters through setValue, setValues and appendRow', () => {
    const { sheet } = setup();
    const long = 'x'.repeat(50_001);
    expect(thrown(() => sheet.getRange('A1').setValue(long)).message).toBe(limitMessage);
    expect(thrown(() => sheet.getRange('A1:B1').setValues([['ok', long]])).message).toBe(
      limitMessage,
    );
    expect(thrown(() => sheet.appendRow(['ok', long])).message).toBe(limitMessage);
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('formulas and apostrophes', () => {
  it('turns a string starting with = into a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=1+1', '=(7-1)/0']]);
    sheet.appendRow(['=2*(3+4)']);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=1+1', '=(7-1)/0']]);
    expect(sheet.getRange('A2').getFormula()).toBe('=2*(3+4)');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [2, '#DIV/0!'],
      [14, ''],
    ]);
  });

  it('fails loudly, at write time, on a formula the simulator cannot compute', () => {
    const { sheet } = setup();
    const message = 'Simulator: cannot compute the formula =VLOOKUP(A1,B:C,2,FALSE)';
    expect(() => sheet.getRange('A1:B1').setValues([['ok', '=VLOOKUP(A1,B:C,2,FALSE)']])).toThrow(
      message,
    );
    expect(() => sheet.getRange('A1').setFormula('=SUM(A2:A3)')).toThrow('=SUM(A2:A3)');
    expect(() => sheet.appendRow(['=TODAY()'])).toThrow('=TODAY()');
    // All or nothing: the computable cell of the failed write was not stored either.
    expect(sheet.getLastRow()).toBe(0);
    // Plain-text cells and an apostrophe keep formula text as text.
    sheet.getRange('A1').setNumberFormat('@').setValue('=SUM(A2:A3)');
    sheet.getRange('B1').setValue("'=TODAY()");
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=SUM(A2:A3)', '=TODAY()']]);
  });

  it('stores text after a leading apostrophe without it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'0012345", "'=1+1", "'TRUE"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['0012345', '=1+1', 'TRUE']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  it('getFormulas is empty for plain values', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });
});

describe('parsing written text like typed text', () => {
  it('reads digit strings as numbers, so leading zeros are lost', () => {
    const { sheet } = setup();
    sheet.appendRow(['0012345', '+573001234567', '-12']);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[12345, 573001234567, -12]]);
  });

  it('keeps leading zeros in plain-text (@) cells, formulas included', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['0012345', '=1+1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['0012345', '=1+1']]);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('leaves text with spaces alone', () => {
    const { sheet } = setup();
    sheet.appendRow(['+57 300 1234567', 'Calle 10 # 5-20']);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['+57 300 1234567', 'Calle 10 # 5-20']]);
  });

  it('reads ISO dates as dates at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.appendRow(['2026-01-05', '2026-01-05 14:30']);
    const [[day, dateTime]] = sheet.getRange('A1:B1').getValues();
    expect(day).toBeInstanceOf(Date);
    expect((day as Date).getTime()).toBe(Date.parse('2026-01-05T00:00:00-05:00'));
    expect((dateTime as Date).getTime()).toBe(Date.parse('2026-01-05T14:30:00-05:00'));
  });

  it('reads day-first dates in a Spanish-locale spreadsheet', () => {
    const { sheet } = setup();
    sheet.appendRow(['05/01/2026']);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(
      Date.parse('2026-01-05T00:00:00-05:00'),
    );
  });

  it('reads TRUE/FALSE as booleans', () => {
    const { sheet } = setup();
    sheet.appendRow(['TRUE', 'false']);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[true, false]]);
  });
});

describe('getValues', () => {
  it("returns '' for empty cells, numbers, booleans and Dates", () => {
    const { sheet } = setup();
    const when = new SimDate(START);
    sheet.getRange('A1:D1').setValues([[42, true, when, null]]);
    const [[n, b, d, empty]] = sheet.getRange('A1:D1').getValues();
    expect(n).toBe(42);
    expect(b).toBe(true);
    expect(d).toBeInstanceOf(SimDate);
    expect((d as Date).getTime()).toBe(START);
    expect(empty).toBe('');
    expect(sheet.getRange('Z1000').getValue()).toBe('');
  });
});

describe('getRange coordinates', () => {
  it('throws the Apps Script messages for bad coordinates', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe(
      'The starting row of the range is too small.',
    );
    expect(thrown(() => sheet.getRange(1, 0)).message).toBe(
      'The starting column of the range is too small.',
    );
    expect(thrown(() => sheet.getRange(2, 1, 0, 1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(thrown(() => sheet.getRange(2, 1, 1, 0)).message).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  it('refuses ranges past the grid instead of growing it', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange(1001, 1)).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange('AA1')).message).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it('reports A1 notation', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    expect(sheet.getRange('B7').getA1Notation()).toBe('B7');
  });
});

describe('charges', () => {
  it('counts each call under Class.method, with cells as units', () => {
    const store = new SpreadsheetStore();
    const model = store.create('Libro');
    const exec = new Execution({
      name: 'test',
      startMs: START,
      costs: { '*': { baseMs: 0 }, 'Range.setValues': { baseMs: 0, perUnitMs: 1 } },
    });
    const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
    const sheet = app.getActiveSheet();
    sheet.getRange(1, 1, 3, 4).setValues([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    sheet.getRange(1, 1, 3, 4).getValues();
    expect(exec.calls.get('Range.setValues')).toBe(1);
    expect(exec.calls.get('Range.getValues')).toBe(1);
    expect(exec.calls.get('Sheet.getRange')).toBe(2);
    expect(exec.calls.get('SpreadsheetApp.getActiveSheet')).toBe(1);
    expect(exec.simulatedMs).toBe(12);
  });
});
