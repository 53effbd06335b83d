// Prefilled URLs and script-built responses: Form.createResponse, Item.createResponse,
// FormResponse.withItemResponse / toPrefilledUrl / submit.
import { Execution } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const T1 = Date.parse('2026-07-20T20:30:00-05:00');

function setup() {
  const spreadsheets = new SpreadsheetStore();
  const ss = spreadsheets.create('PQRSD - Alcaldía');
  const store = new FormStore(spreadsheets);
  const exec = new Execution({ name: 'run', startMs: T1, activeUser: 'clerk@alcaldia.gov.co' });
  const FormApp: Api = createFormApp(exec, store);
  const form = FormApp.create('PQRSD');
  const name = form.addTextItem().setTitle('Nombre');
  form.addPageBreakItem().setTitle('Detalle');
  const kind = form.addMultipleChoiceItem().setTitle('Tipo');
  kind.setChoiceValues(['Petición', 'Queja']);
  const note = form.addParagraphTextItem().setTitle('Descripción');
  const channels = form.addCheckboxItem().setTitle('Medios');
  channels.setChoiceValues(['Correo', 'SMS', 'Teléfono']);
  const dependency = form.addListItem().setTitle('Dependencia');
  dependency.setChoiceValues(['Secretaría de Gobierno', 'Hacienda']);
  return { spreadsheets, ss, store, exec, FormApp, form, name, kind, note, channels, dependency };
}

describe('entry ids', () => {
  it('gives each question a stable entry id different from every item id', () => {
    const { store, form } = setup();
    const model = store.get(form.getId())!;
    const itemIds = new Set(model.items.map((i) => i.id));
    const entryIds = model.items.map((i) => i.entryId);
    expect(new Set(entryIds).size).toBe(entryIds.length);
    for (const id of entryIds) {
      expect(itemIds.has(id)).toBe(false);
      expect(Number.isInteger(id) && id > 0).toBe(true);
    }
    // Stable: the same form built again gets the same ids.
    const again = setup();
    expect(again.store.get(again.form.getId())!.items.map((i) => i.entryId)).toEqual(entryIds);
  });

  it('gives a duplicated item its own entry id', () => {
    const { store, form, name } = setup();
    const copy = name.duplicate();
    const model = store.get(form.getId())!;
    expect(model.item(copy.getId())!.entryId).not.toBe(model.item(name.getId())!.entryId);
  });
});

describe('toPrefilledUrl', () => {
  const entry = (store: FormStore, formId: string, itemId: number): number =>
    store.get(formId)!.item(itemId)!.entryId;

  it('builds the published URL with one entry per answer, in form order', () => {
    const { store, exec, form, name, kind, note, channels } = setup();
    const url = form
      .createResponse()
      .withItemResponse(channels.createResponse(['SMS', 'Correo']))
      .withItemResponse(note.createResponse('Calle 10 # 5-20 & "barrio" ñ'))
      .withItemResponse(name.createResponse('Ana María'))
      .withItemResponse(kind.createResponse('Queja'))
      .toPrefilledUrl();
    const id = form.getId();
    expect(url).toBe(
      `${form.getPublishedUrl()}?usp=pp_url` +
        `&entry.${entry(store, id, name.getId())}=Ana%20Mar%C3%ADa` +
        `&entry.${entry(store, id, kind.getId())}=Queja` +
        `&entry.${entry(store, id, note.getId())}=${encodeURIComponent('Calle 10 # 5-20 & "barrio" ñ')}` +
        `&entry.${entry(store, id, channels.getId())}=SMS` +
        `&entry.${entry(store, id, channels.getId())}=Correo`,
    );
    expect(url).not.toContain(`entry.${name.getId()}=`);
    expect(exec.calls.get('FormResponse.toPrefilledUrl')).toBe(1);
  });

  it('works on a submitted response', () => {
    const { store, form, name, dependency } = setup();
    store.submit(
      form.getId(),
      new Map([
        [dependency.getId(), 'Hacienda'],
        [name.getId(), 'Luis'],
      ]),
      T1,
    );
    const [response] = form.getResponses();
    const id = form.getId();
    expect(response.toPrefilledUrl()).toBe(
      `${form.getPublishedUrl()}?usp=pp_url&entry.${entry(store, id, name.getId())}=Luis` +
        `&entry.${entry(store, id, dependency.getId())}=Hacienda`,
    );
  });

  it('is the bare pp_url link for a response without answers', () => {
    const { form } = setup();
    expect(form.createResponse().toPrefilledUrl()).toBe(`${form.getPublishedUrl()}?usp=pp_url`);
  });
});

describe('createResponse and withItemResponse', () => {
  it('item responses carry their item and answer; a later answer replaces the earlier one', () => {
    const { form, name, channels, exec } = setup();
    const r = name.createResponse('Ana');
    expect(r.getItem().getId()).toBe(name.getId());
    expect(r.getResponse()).toBe('Ana');
    expect(channels.createResponse(['Correo']).getResponse()).toEqual(['Correo']);
    const response = form.createResponse();
    expect(response.withItemResponse(r)).toBe(response);
    response.withItemResponse(name.createResponse('Beatriz'));
    expect(response.getItemResponses().map((x: Api) => x.getResponse())).toEqual(['Beatriz']);
    expect(response.getResponseForItem(name).getResponse()).toBe('Beatriz');
    expect(exec.calls.get('TextItem.createResponse')).toBe(2);
    expect(exec.calls.get('Form.createResponse')).toBe(1);
  });

  it('rejects a choice the item does not offer unless it shows "other"', () => {
    const { kind, channels, dependency } = setup();
    expect(() => kind.createResponse('Reclamo')).toThrow('is not a choice');
    expect(() => channels.createResponse(['Correo', 'Fax'])).toThrow('is not a choice');
    expect(() => dependency.createResponse('Otra')).toThrow('is not a choice');
    kind.showOtherOption(true);
    channels.showOtherOption(true);
    expect(kind.createResponse('Reclamo').getResponse()).toBe('Reclamo');
    expect(channels.createResponse(['Correo', 'Fax']).getResponse()).toEqual(['Correo', 'Fax']);
  });

  it('refuses an item response from another form', () => {
    const { FormApp, form } = setup();
    const other = FormApp.create('Otro').addTextItem();
    expect(() => form.createResponse().withItemResponse(other.createResponse('x'))).toThrow(
      'Invalid argument',
    );
  });

  it('an unsubmitted response has no id or timestamp and is not among the responses', () => {
    const { form, name, ss, FormApp } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    const draft = form.createResponse().withItemResponse(name.createResponse('Ana'));
    expect(draft.getId()).toBeNull();
    expect(draft.getTimestamp()).toBeNull();
    expect(() => draft.getEditResponseUrl()).toThrow('not been submitted');
    expect(form.getResponses()).toHaveLength(0);
    expect(ss.getDisplayGrid('Respuestas de formulario 1')).toHaveLength(1);
  });
});

describe('FormResponse.submit', () => {
  it('records the response at the virtual time and appends it to the response sheet', () => {
    const { form, name, channels, ss, FormApp, exec } = setup();
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
    const response = form
      .createResponse()
      .withItemResponse(name.createResponse('Ana'))
      .withItemResponse(channels.createResponse(['SMS', 'Correo']));
    expect(response.submit()).toBe(response);
    const submittedAt = exec.now();
    expect(response.getId()).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(response.getTimestamp().getTime()).toBe(submittedAt);
    const stored = form.getResponses();
    expect(stored.map((r: Api) => r.getId())).toEqual([response.getId()]);
    expect(stored[0].getResponseForItem(channels).getResponse()).toEqual(['SMS', 'Correo']);
    const grid = ss.getDisplayGrid('Respuestas de formulario 1');
    expect(grid).toHaveLength(2);
    expect(grid[1].slice(1)).toEqual(['Ana', '', '', 'SMS, Correo', '']);
  });

  it('keeps the running user as respondent only when the form collects emails', () => {
    const { form, name } = setup();
    form.createResponse().withItemResponse(name.createResponse('Ana')).submit();
    form.setCollectEmail(true);
    form.createResponse().withItemResponse(name.createResponse('Luis')).submit();
    expect(form.getResponses().map((r: Api) => r.getRespondentEmail())).toEqual([
      '',
      'clerk@alcaldia.gov.co',
    ]);
  });

  it('fails loudly when re-submitting a stored response (editing is not emulated)', () => {
    const { form, name } = setup();
    const response = form.createResponse().withItemResponse(name.createResponse('Ana')).submit();
    expect(() => response.submit()).toThrow('not emulated');
  });
});
