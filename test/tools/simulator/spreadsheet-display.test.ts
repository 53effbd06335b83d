// Displayed values: number formats, date formats in the spreadsheet's time zone, defaults.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

// 20 July 2026, 8:30 pm in Bogotá (UTC-5, no daylight saving): already 21 July in UTC.
const EVENING = new Date(Date.parse('2026-07-20T20:30:00-05:00'));

type Api = any;

function setup(options: { timeZone?: string; locale?: string } = {}): { ss: Api; sheet: Api } {
  const store = new SpreadsheetStore();
  const model = store.create('Libro', options);
  const exec = new Execution({ name: 'test', startMs: EVENING.getTime() });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const ss = app.getActiveSpreadsheet();
  return { ss, sheet: ss.getActiveSheet() };
}

function shown(sheet: Api, value: unknown, format?: string): string {
  const cell = sheet.getRange('A1');
  if (format !== undefined) cell.setNumberFormat(format);
  cell.setValue(value);
  return cell.getDisplayValue();
}

describe('date formats in the spreadsheet time zone', () => {
  it('defaults to America/Bogota', () => {
    const { ss } = setup();
    expect(ss.getSpreadsheetTimeZone()).toBe('America/Bogota');
  });

  it.each([
    ['dd/mm/yyyy', '20/07/2026'],
    ['yyyy-mm-dd', '2026-07-20'],
    ['dd/mm/yyyy hh:mm', '20/07/2026 20:30'],
    ['dd/mm/yyyy hh:mm:ss', '20/07/2026 20:30:00'],
    ['yyyy-mm-dd hh:mm:ss', '2026-07-20 20:30:00'],
  ])('%s shows %s (mm after hh is minutes)', (format, expected) => {
    const { sheet } = setup();
    expect(shown(sheet, EVENING, format)).toBe(expected);
  });

  it('follows a time-zone change of the spreadsheet', () => {
    const { ss, sheet } = setup();
    ss.setSpreadsheetTimeZone('Etc/UTC');
    expect(shown(sheet, EVENING, 'dd/mm/yyyy hh:mm')).toBe('21/07/2026 01:30');
  });

  it('shows dates without a format as d/MM/yyyy H:mm:ss in Spanish locales', () => {
    const { sheet } = setup();
    expect(shown(sheet, new Date(Date.parse('2026-03-05T07:04:09-05:00')))).toBe(
      '5/03/2026 7:04:09',
    );
  });

  it('keeps the date style a person typed', () => {
    const { sheet } = setup();
    sheet.appendRow(['2026-01-05']);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-01-05');
  });
});

describe('number formats', () => {
  it.each([
    ['0', 1234.6, '1235'],
    ['0.00', 3.14159, '3,14'],
    ['#,##0', 1234567, '1.234.567'],
    ['0%', 0.25, '25%'],
  ])('%s shows %p as %s in es_CO', (format, value, expected) => {
    const { sheet } = setup();
    expect(shown(sheet, value, format)).toBe(expected);
  });

  it('uses English separators in en_US', () => {
    const { sheet } = setup({ locale: 'en_US' });
    expect(shown(sheet, 1234567.5, '#,##0.00')).toBe('1,234,567.50');
  });

  it('shows plain text (@) as entered', () => {
    const { sheet } = setup();
    expect(shown(sheet, '0012345', '@')).toBe('0012345');
  });

  it('shows booleans as TRUE/FALSE and unformatted numbers as they are', () => {
    const { sheet } = setup({ locale: 'en_US' });
    expect(shown(sheet, true)).toBe('TRUE');
    expect(shown(sheet, false)).toBe('FALSE');
    expect(shown(sheet, 12345)).toBe('12345');
    expect(shown(sheet, 0.1 + 0.2)).toBe('0.3');
  });

  it('reads formats back', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormats([['@', 'dd/mm/yyyy']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['@', 'dd/mm/yyyy']]);
  });
});

describe('getDisplayValues', () => {
  it('formats a whole range at once', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setNumberFormats([['dd/mm/yyyy', '0.00', '@']]);
    sheet.getRange('A1:C1').setValues([[EVENING, 2, '007']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['20/07/2026', '2,00', '007', '']]);
  });
});
