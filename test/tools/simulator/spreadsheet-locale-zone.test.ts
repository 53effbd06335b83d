// A spreadsheet created with its own locale and time zone: names, typed-text parsing, display,
// Utilities.formatDate with the spreadsheet's zone and the form response sheet all follow them.
import { Execution } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';
import { createUtilities } from '../../../tools/simulator/services/utilities';

type Api = any;

// 20 Jul 2026 20:30 in Bogotá = 21 Jul 2026 10:30 in Tokyo.
const T = Date.UTC(2026, 6, 21, 1, 30);

function setup(options: { timeZone?: string; locale?: string }) {
  const store = new SpreadsheetStore();
  const model = store.create('Book', options);
  const exec = new Execution({ name: 'test', startMs: T });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const Utilities: Api = createUtilities(exec, { random: () => 0.5 });
  const ss = app.getActiveSpreadsheet();
  return { store, model, exec, ss, sheet: ss.getActiveSheet(), Utilities };
}

describe('a spreadsheet in en_US and Asia/Tokyo', () => {
  it('reports its locale and zone and names its first sheet in English', () => {
    const { ss, sheet } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    expect(ss.getSpreadsheetLocale()).toBe('en_US');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(sheet.getName()).toBe('Sheet1');
    expect(ss.insertSheet().getName()).toBe('Sheet2');
  });

  it('parses typed dates month first at midnight in Tokyo, and numbers with a decimal point', () => {
    const { sheet } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    sheet.appendRow(['7/20/2026', '1.5', '1,5']);
    const [[date, n, text]] = sheet.getRange('A1:C1').getValues();
    expect(date.getTime()).toBe(Date.UTC(2026, 6, 19, 15));
    expect(n).toBe(1.5);
    expect(text).toBe('1,5');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('07/20/2026');
  });

  it('displays dates in Tokyo time with the locale default format', () => {
    const { sheet } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    sheet.getRange('A1').setValue(new Date(T));
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/21/2026 10:30:00');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-07-21 10:30');
  });

  it('formats with Utilities.formatDate in the zone the spreadsheet reports', () => {
    const { ss, Utilities } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    expect(Utilities.formatDate(new Date(T), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm')).toBe(
      '2026-07-21 10:30',
    );
  });

  it('labels a form response sheet in English', () => {
    const { store, model, ss } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    const forms = new FormStore(store);
    const FormApp: Api = createFormApp(new Execution({ name: 'f', startMs: T }), forms);
    const form = FormApp.create('Survey');
    const name = form.addTextItem().setTitle('Name');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, model.id);
    forms.submit(form.getId(), new Map([[name.getId(), 'Ana']]), T);
    expect(ss.getSheets()[0].getName()).toBe('Form Responses 1');
    expect(model.getDisplayGrid('Form Responses 1')).toEqual([
      ['Timestamp', 'Name'],
      ['7/21/2026 10:30:00', 'Ana'],
    ]);
  });

  it('switches parsing and display with setSpreadsheetLocale', () => {
    const { ss, sheet } = setup({ locale: 'en_US', timeZone: 'Asia/Tokyo' });
    ss.setSpreadsheetLocale('es_CO');
    sheet.appendRow(['1,5']);
    expect(sheet.getRange('A1').getValue()).toBe(1.5);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1,5');
  });

  it('refuses a zone Sheets does not know', () => {
    expect(() => new SpreadsheetStore().create('x', { timeZone: 'Mars/Olympus' })).toThrow(
      'unknown time zone',
    );
  });
});
