// What the harness does to a workspace built from a tiny library and shim written for the test
// (not the product): opening read-only, Sheets-side form-submit events with the reported blank
// duplicate, and the optional start-up cost per KB of code.
import { Harness } from '../../../tools/simulator/harness';
import { Workspace } from '../../../tools/simulator/workspace';

const ADMIN = 'admin@a.gov.co';
const START = Date.parse('2026-07-06T08:00:00-05:00');

const LIBRARY = `
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var form = FormApp.create('Prueba');
  var doc = form.addTextItem().setTitle('Documento');
  var channels = form.addCheckboxItem().setTitle('Medios');
  channels.setChoiceValues(['Correo', 'SMS']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('onFormSide').forForm(form).onFormSubmit().create();
  return JSON.stringify({ formId: form.getId(), doc: doc.getId(), channels: channels.getId() });
}
function installElsewhere() {
  var other = SpreadsheetApp.create('Otra hoja');
  ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(other).onFormSubmit().create();
}
function describeSheetEvent(e) {
  return JSON.stringify({
    keys: Object.keys(e).sort(),
    values: e.values,
    namedValues: e.namedValues,
    row: e.range ? e.range.getRow() : null,
    a1: e.range ? e.range.getA1Notation() : null,
    triggerUid: e.triggerUid,
    authMode: String(e.authMode),
    at: new Date().getTime()
  });
}
function describeFormEvent(e) { return 'form:' + e.response.getId(); }
function menu() { SpreadsheetApp.getUi().createMenu('Prueba').addItem('Uno', 'setup').addToUi(); }
`;

const SHIM = `
function onOpen(e) { PQRS.menu(); return 'opened'; }
function setup() { return PQRS.setup(); }
function installElsewhere() { return PQRS.installElsewhere(); }
function onSheetSubmit(e) { return PQRS.describeSheetEvent(e); }
function onFormSide(e) { return PQRS.describeFormEvent(e); }
function noop() { return 1; }
`;

function makeWorkspace(options: { shimCode?: string; startupMsPerKb?: number } = {}) {
  const ws = new Workspace({
    library: { code: LIBRARY },
    shimCode: options.shimCode ?? SHIM,
    startMs: START,
    startupMsPerKb: options.startupMsPerKb,
  });
  ws.addEntity({ name: 'a', owner: ADMIN });
  return ws;
}

function setUp() {
  const ws = makeWorkspace();
  const harness = new Harness(ws);
  const setup = ws.run({ entity: 'a', fn: 'setup', kind: 'direct', user: ADMIN });
  expect(setup.error).toBeNull();
  const ids = JSON.parse(String(setup.value)) as { formId: string; doc: number; channels: number };
  const answers = new Map<number, string | readonly string[]>([
    [ids.doc, '0012345'],
    [ids.channels, ['Correo', 'SMS']],
  ]);
  return { ws, harness, ids, answers };
}

type SheetEvent = {
  keys: string[];
  values: string[];
  namedValues: Record<string, string[]>;
  row: number | null;
  a1: string | null;
  triggerUid: string;
  authMode: string;
  at: number;
};
const sheetEvent = (value: unknown) => JSON.parse(String(value)) as SheetEvent;

describe('open', () => {
  it('runs the shim onOpen for an editor', () => {
    const ws = makeWorkspace();
    const opened = new Harness(ws).open('a', ADMIN);
    expect(opened.value).toBe('opened');
    expect(ws.entity('a').ui.menus.map((m) => m.menu)).toEqual(['Prueba']);
  });

  it('does not run onOpen for a person who opens the file read-only', () => {
    const ws = makeWorkspace();
    const harness = new Harness(ws);
    expect(harness.open('a', 'viewer@a.gov.co', { readOnly: true })).toBeNull();
    expect(ws.executions).toHaveLength(0);
    expect(ws.entity('a').ui.menus).toEqual([]);
    expect(harness.open('a', ADMIN, { readOnly: false })?.value).toBe('opened');
  });
});

describe('submitResponse with a Sheets-side form-submit trigger', () => {
  it('delivers namedValues, range and values, and no response id', () => {
    const { ws, harness, ids, answers } = setUp();
    const at = START + 60 * 60 * 1000;
    const result = harness.submitResponse('a', ids.formId, answers, at);
    expect(result.deliveries.map((d) => [d.source, d.blank])).toEqual([
      ['FORMS', false],
      ['SPREADSHEETS', false],
    ]);
    expect(result.runs).toHaveLength(2);
    expect(result.deliveries[0].run.value).toBe(`form:${result.responseId}`);
    const sheetRun = result.deliveries[1].run;
    expect(sheetRun.error).toBeNull();
    expect(sheetRun.record.kind).toBe('trigger');
    const e = sheetEvent(sheetRun.value);
    expect(e.keys).toEqual(['authMode', 'namedValues', 'range', 'triggerUid', 'values']);
    expect(e.keys).not.toContain('response');
    // The timestamp column as the response sheet shows it, then the answers as submitted.
    const stamp = ws.entity('a').spreadsheet.sheet('Respuestas de formulario 1')?.display(2, 1);
    expect(stamp).toMatch(/2026/);
    expect(e.values).toEqual([stamp, '0012345', 'Correo, SMS']);
    expect(e.namedValues).toEqual({
      'Marca temporal': [stamp],
      Documento: ['0012345'],
      Medios: ['Correo, SMS'],
    });
    expect(e.row).toBe(2);
    expect(e.a1).toBe('A2:C2');
    expect(e.authMode).toBe('FULL');
    const sheetTrigger = ws
      .entity('a')
      .triggers.list()
      .find((t) => t.source === 'SPREADSHEETS');
    expect(e.triggerUid).toBe(sheetTrigger?.uid);
  });

  it('fault injection: a blank duplicate reaches the sheet-side trigger a few seconds later', () => {
    const { harness, ids, answers } = setUp();
    const at = START + 60 * 60 * 1000;
    const result = harness.submitResponse('a', ids.formId, answers, at, {
      sheetSideBlankDuplicate: true,
    });
    expect(result.deliveries.map((d) => [d.source, d.blank])).toEqual([
      ['FORMS', false],
      ['SPREADSHEETS', false],
      ['SPREADSHEETS', true],
    ]);
    const real = sheetEvent(result.deliveries[1].run.value);
    const blank = sheetEvent(result.deliveries[2].run.value);
    expect(blank.keys).toEqual(['authMode', 'namedValues', 'triggerUid', 'values']);
    expect(blank.values).toEqual(['', '', '']);
    expect(blank.namedValues).toEqual({ 'Marca temporal': [''], Documento: [''], Medios: [''] });
    expect(blank.row).toBeNull();
    expect(blank.triggerUid).toBe(real.triggerUid);
    expect(blank.at).toBeGreaterThanOrEqual(at + 3_000);
    expect(
      harness.submitResponse('a', ids.formId, answers, at + 60_000, {
        sheetSideBlankDuplicate: true,
        sheetSideBlankDelayMs: 10_000,
      }).deliveries[2].run.record.startedAt,
    ).toBe(new Date(at + 70_000).toISOString());
  });

  it('deliveredTwice repeats both sides; triggerNotFired fires nothing', () => {
    const { harness, ids, answers } = setUp();
    const twice = harness.submitResponse('a', ids.formId, answers, START + 1000, {
      deliveredTwice: true,
    });
    expect(twice.deliveries.map((d) => d.source)).toEqual([
      'FORMS',
      'FORMS',
      'SPREADSHEETS',
      'SPREADSHEETS',
    ]);
    const none = harness.submitResponse('a', ids.formId, answers, START + 2000, {
      triggerNotFired: true,
      sheetSideBlankDuplicate: true,
    });
    expect(none.runs).toEqual([]);
  });

  it('a sheet-side trigger on another spreadsheet does not fire', () => {
    const { ws, harness, ids, answers } = setUp();
    ws.run({ entity: 'a', fn: 'installElsewhere', kind: 'direct', user: ADMIN });
    const result = harness.submitResponse('a', ids.formId, answers, START + 1000);
    expect(result.deliveries.filter((d) => d.source === 'SPREADSHEETS')).toHaveLength(1);
  });
});

describe('startupMsPerKb', () => {
  it('adds simulated time in proportion to the code loaded', () => {
    const padding = `/*${'x'.repeat(100 * 1024)}*/`;
    const small = makeWorkspace({ startupMsPerKb: 5 });
    const large = makeWorkspace({ shimCode: SHIM + padding, startupMsPerKb: 5 });
    const none = makeWorkspace({ shimCode: SHIM + padding });
    const run = (ws: Workspace) =>
      ws.run({ entity: 'a', fn: 'noop', kind: 'direct', user: ADMIN }).record.simulatedMs;
    const extraKb = padding.length / 1024;
    expect(run(large) - run(small)).toBeCloseTo(extraKb * 5, 2);
    expect(run(small)).toBeCloseTo(((SHIM.length + LIBRARY.length) / 1024) * 5, 2);
    expect(run(none)).toBe(0);
  });
});
