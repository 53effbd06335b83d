// The event objects of installable form-submit triggers, bound to the handler's execution.
import { Execution } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import {
  buildBlankSheetFormSubmitEvent,
  buildFormSubmitEvent,
  buildSheetFormSubmitEvent,
} from '../../../tools/simulator/services/form-events';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const T1 = Date.parse('2026-07-20T20:30:00-05:00');

function setup() {
  const spreadsheets = new SpreadsheetStore();
  const ss = spreadsheets.create('PQRSD - Alcaldía');
  const store = new FormStore(spreadsheets);
  const setupExec = new Execution({ name: 'setup', startMs: 0 });
  const FormApp: Api = createFormApp(setupExec, store);
  const form = FormApp.create('PQRSD');
  const doc = form.addTextItem().setTitle('Número de documento');
  const channels = form.addCheckboxItem().setTitle('Medios');
  channels.setChoiceValues(['Correo', 'SMS']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
  const response = store.submit(
    form.getId(),
    new Map<number, string | string[]>([
      [doc.getId(), '0012345'],
      [channels.getId(), ['Correo', 'SMS']],
    ]),
    T1,
  );
  const handlerExec = new Execution({ name: 'onFormSubmit', startMs: T1 + 2_000 });
  return { spreadsheets, ss, store, form, response, handlerExec, model: store.get(form.getId())! };
}

describe('form-side submit event', () => {
  it('has authMode, response, source and triggerUid, bound to the handler execution', () => {
    const { store, response, handlerExec, form } = setup();
    const e: Api = buildFormSubmitEvent(handlerExec, store, response, 'trigger-1');
    expect(Object.keys(e).sort()).toEqual(['authMode', 'response', 'source', 'triggerUid']);
    expect(e.authMode).toBe('FULL');
    expect(e.triggerUid).toBe('trigger-1');
    expect(e.response.getId()).toBe(response.id);
    expect(e.response.getTimestamp().getTime()).toBe(T1);
    expect(e.source.getId()).toBe(form.getId());
    expect(handlerExec.calls.get('FormResponse.getId')).toBe(1);
    expect(handlerExec.calls.get('Form.getId')).toBe(1);
  });
});

describe('spreadsheet-side submit event', () => {
  it('has namedValues, range, values and no response id', () => {
    const { spreadsheets, model, response, handlerExec } = setup();
    const e: Api = buildSheetFormSubmitEvent(
      handlerExec,
      spreadsheets,
      model,
      response,
      'trigger-2',
    );
    expect(Object.keys(e).sort()).toEqual([
      'authMode',
      'namedValues',
      'range',
      'triggerUid',
      'values',
    ]);
    expect(e.response).toBeUndefined();
    expect(e.values).toEqual(['20/07/2026 20:30:00', '0012345', 'Correo, SMS']);
    expect(e.namedValues).toEqual({
      'Marca temporal': ['20/07/2026 20:30:00'],
      'Número de documento': ['0012345'],
      Medios: ['Correo, SMS'],
    });
    expect(e.range.getRow()).toBe(2);
    expect(e.range.getA1Notation()).toBe('A2:C2');
    expect(e.range.getSheet().getName()).toBe('Respuestas de formulario 1');
    expect(handlerExec.calls.get('Range.getRow')).toBe(1);
  });

  it('can build the reported blank duplicate: empty values, no range', () => {
    const { spreadsheets, model, handlerExec } = setup();
    const e: Api = buildBlankSheetFormSubmitEvent(handlerExec, spreadsheets, model, 'trigger-2');
    expect(e.values).toEqual(['', '', '']);
    expect(e.namedValues['Número de documento']).toEqual(['']);
    expect(e.range).toBeUndefined();
  });
});
