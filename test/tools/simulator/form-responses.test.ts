// Submitting responses: ids, timestamps, item responses, getResponses(timestamp) and the
// linked response sheet.
import { Execution, SimDate } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const T1 = Date.parse('2026-07-20T20:30:00-05:00');
const T2 = Date.parse('2026-07-21T08:15:30-05:00');

function setup() {
  const spreadsheets = new SpreadsheetStore();
  const ss = spreadsheets.create('PQRSD - Alcaldía');
  const store = new FormStore(spreadsheets);
  const exec = new Execution({ name: 'setup', startMs: 0 });
  const FormApp: Api = createFormApp(exec, store);
  const form = FormApp.create('PQRSD');
  const doc = form.addTextItem().setTitle('Número de documento');
  const kind = form.addListItem().setTitle('Tipo');
  kind.setChoiceValues(['Petición', 'Queja']);
  const note = form.addParagraphTextItem().setTitle('Descripción');
  const channels = form.addCheckboxItem().setTitle('Medios');
  channels.setChoiceValues(['Correo', 'SMS']);
  const ids = {
    doc: doc.getId(),
    kind: kind.getId(),
    note: note.getId(),
    channels: channels.getId(),
  };
  return { spreadsheets, ss, store, exec, FormApp, form, ids };
}

describe('responses', () => {
  it('records responses with unique opaque ids and the submit timestamp', () => {
    const { store, form, ids } = setup();
    const a = store.submit(form.getId(), new Map([[ids.doc, '111']]), T1);
    const b = store.submit(form.getId(), new Map([[ids.doc, '222']]), T2);
    expect(a.id).not.toBe(b.id);
    expect(a.id.length).toBeGreaterThan(20);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a.id).not.toContain(form.getId());
    const responses = form.getResponses();
    expect(responses.map((r: Api) => r.getId())).toEqual([a.id, b.id]);
    const ts = responses[1].getTimestamp();
    expect(ts).toBeInstanceOf(SimDate);
    expect(ts.getTime()).toBe(T2);
  });

  it('lists only answered items, in form order, checkboxes as arrays', () => {
    const { store, form, ids } = setup();
    store.submit(
      form.getId(),
      new Map<number, string | string[]>([
        [ids.channels, ['Correo', 'SMS']],
        [ids.doc, '0012345'],
        [ids.note, ''],
      ]),
      T1,
    );
    const [response] = form.getResponses();
    expect(
      response.getItemResponses().map((r: Api) => [r.getItem().getTitle(), r.getResponse()]),
    ).toEqual([
      ['Número de documento', '0012345'],
      ['Medios', ['Correo', 'SMS']],
    ]);
    expect(response.getResponseForItem(form.getItemById(ids.kind))).toBeNull();
    expect(response.getResponseForItem(form.getItemById(ids.doc)).getResponse()).toBe('0012345');
    expect(response.getRespondentEmail()).toBe('');
  });

  it('keeps the respondent email only when the form collects emails', () => {
    const { store, form, ids } = setup();
    form.setCollectEmail(true);
    store.submit(form.getId(), new Map([[ids.doc, '1']]), T1, 'ciudadano@correo.co');
    expect(form.getResponses()[0].getRespondentEmail()).toBe('ciudadano@correo.co');
  });

  it('getResponses(timestamp) returns responses after the timestamp', () => {
    const { store, form, ids } = setup();
    store.submit(form.getId(), new Map([[ids.doc, '1']]), T1);
    store.submit(form.getId(), new Map([[ids.doc, '2']]), T2);
    expect(form.getResponses(new Date(T1 - 1))).toHaveLength(2);
    expect(form.getResponses(new Date(T1))).toHaveLength(1);
    expect(form.getResponses(new Date(T2))).toHaveLength(0);
  });

  it('charges getResponses by responses returned', () => {
    const { store, form, ids, exec } = setup();
    store.submit(form.getId(), new Map([[ids.doc, '1']]), T1);
    form.getResponses();
    expect(exec.calls.get('Form.getResponses')).toBe(1);
  });

  it('rejects harness mistakes with plain errors', () => {
    const { store, form, ids } = setup();
    expect(() => store.submit(form.getId(), new Map([[999, 'x']]), T1)).toThrow(Error);
    expect(() => store.submit(form.getId(), new Map([[ids.kind, 'Otra']]), T1)).toThrow(
      'is not a choice',
    );
    form.setAcceptingResponses(false);
    expect(() => store.submit(form.getId(), new Map([[ids.doc, '1']]), T1)).toThrow(
      'not accepting responses',
    );
  });
});

describe('the response spreadsheet', () => {
  it("creates 'Respuestas de formulario 1' with 'Marca temporal' and the question titles", () => {
    const { ss, form, FormApp } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    expect(form.getDestinationId()).toBe(ss.id);
    expect(form.getDestinationType()).toBe('SPREADSHEET');
    expect(ss.sheets.map((s) => s.name)).toEqual(['Respuestas de formulario 1', 'Hoja 1']);
    expect(ss.getDisplayGrid('Respuestas de formulario 1')).toEqual([
      ['Marca temporal', 'Número de documento', 'Tipo', 'Descripción', 'Medios'],
    ]);
  });

  it('appends one row per response; checkboxes joined with ", "', () => {
    const { ss, store, form, ids, FormApp } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    const r = store.submit(
      form.getId(),
      new Map<number, string | string[]>([
        [ids.doc, '0012345'],
        [ids.kind, 'Queja'],
        [ids.channels, ['Correo', 'SMS']],
      ]),
      T1,
    );
    expect(r.row?.row).toBe(2);
    const sheet = ss.requireSheet('Respuestas de formulario 1');
    expect(sheet.cell(2, 1)?.value).toEqual({ dateMs: T1 });
    // Typed-text parsing: the number loses its leading zeros unless the column is plain text.
    expect(sheet.cell(2, 2)?.value).toBe(12345);
    expect(ss.getDisplayGrid('Respuestas de formulario 1')[1].slice(2)).toEqual([
      'Queja',
      '',
      'Correo, SMS',
    ]);
  });

  it('keeps leading zeros once the column is plain text', () => {
    const { ss, store, form, ids, FormApp } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    const sheet = ss.requireSheet('Respuestas de formulario 1');
    sheet.update({ row: 2, col: 2, numRows: 10, numCols: 1 }, (c) => {
      c.format = '@';
    });
    store.submit(form.getId(), new Map([[ids.doc, '0012345']]), T1);
    expect(sheet.cell(2, 2)?.value).toBe('0012345');
  });

  it('renames the column of a retitled question and numbers later links 2, 3…', () => {
    const { ss, store, form, ids, FormApp } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    store.submit(form.getId(), new Map([[ids.doc, '1']]), T1);
    form.getItemById(ids.doc).setTitle('Documento de identidad');
    store.submit(form.getId(), new Map([[ids.doc, '2']]), T2);
    const grid = ss.getDisplayGrid('Respuestas de formulario 1');
    expect(grid[0]).toEqual([
      'Marca temporal',
      'Documento de identidad',
      'Tipo',
      'Descripción',
      'Medios',
    ]);
    expect(grid.map((line) => line[1])).toEqual(['Documento de identidad', '1', '2']);
    form.removeDestination();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    expect(ss.sheets.map((s) => s.name)).toEqual([
      'Respuestas de formulario 2',
      'Respuestas de formulario 1',
      'Hoja 1',
    ]);
    // Responses the form already has are copied into the new sheet.
    expect(ss.getDisplayGrid('Respuestas de formulario 2')).toHaveLength(3);
  });
});
