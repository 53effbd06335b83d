// FormApp and Form: creating a form with items and page navigation, reading it back.
import { Execution } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup(authMode: 'FULL' | 'LIMITED' = 'FULL') {
  const store = new FormStore(new SpreadsheetStore());
  const exec = new Execution({ name: 'setup', startMs: 0, authMode });
  const FormApp: Api = createFormApp(exec, store);
  return { store, exec, FormApp };
}

describe('FormApp', () => {
  it('creates a form (authorization needed) and reopens it by id', () => {
    const { FormApp, store, exec } = setup();
    const form = FormApp.create('Radicación de PQRSD');
    expect(form.getTitle()).toBe('Radicación de PQRSD');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('Radicación de PQRSD');
    expect(store.all()).toHaveLength(1);
    expect(exec.calls.get('FormApp.create')).toBe(1);
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform$/,
    );
  });

  it('refuses create in a simple trigger', () => {
    const { FormApp } = setup('LIMITED');
    expect(() => FormApp.create('x')).toThrow('You do not have permission to call FormApp.create.');
  });

  it('fails openById on an unknown id with the reported message', () => {
    const { FormApp } = setup();
    expect(() => FormApp.openById('nada')).toThrow(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
  });

  it('has no active form in a spreadsheet-bound script', () => {
    const { FormApp } = setup();
    expect(FormApp.getActiveForm()).toBeNull();
  });
});

describe('items and navigation', () => {
  function build() {
    const ctx = setup();
    const { FormApp } = ctx;
    const form = FormApp.create('PQRSD')
      .setDescription('Ventanilla única')
      .setConfirmationMessage('Recibimos su solicitud')
      .setCollectEmail(true);
    const kind = form
      .addMultipleChoiceItem()
      .setTitle('¿Desea radicar anónimamente?')
      .setRequired(true);
    const identity = form.addPageBreakItem().setTitle('Sus datos');
    const id = form.addTextItem().setTitle('Número de documento').setRequired(true);
    const request = form.addPageBreakItem().setTitle('Su solicitud');
    const type = form.addListItem().setTitle('Tipo de solicitud');
    type.setChoiceValues(['Petición', 'Queja', 'Reclamo']);
    const body = form.addParagraphTextItem().setTitle('Descripción');
    const channels = form.addCheckboxItem().setTitle('Medios de respuesta');
    channels.setChoiceValues(['Correo electrónico', 'Dirección física']);
    kind.setChoices([
      kind.createChoice('Sí', request),
      kind.createChoice('No', identity),
      kind.createChoice('Cancelar', FormApp.PageNavigationType.SUBMIT),
    ]);
    identity.setGoToPage(request);
    return { ...ctx, form, kind, identity, id, request, type, body, channels };
  }

  it('keeps items in order with their types', () => {
    const { form, FormApp } = build();
    expect(form.getItems().map((i: Api) => [i.getType(), i.getTitle(), i.getIndex()])).toEqual([
      ['MULTIPLE_CHOICE', '¿Desea radicar anónimamente?', 0],
      ['PAGE_BREAK', 'Sus datos', 1],
      ['TEXT', 'Número de documento', 2],
      ['PAGE_BREAK', 'Su solicitud', 3],
      ['LIST', 'Tipo de solicitud', 4],
      ['PARAGRAPH_TEXT', 'Descripción', 5],
      ['CHECKBOX', 'Medios de respuesta', 6],
    ]);
    expect(form.getItems(FormApp.ItemType.PAGE_BREAK)).toHaveLength(2);
    expect(form.collectsEmail()).toBe(true);
    expect(form.getDescription()).toBe('Ventanilla única');
  });

  it('stores choice navigation and page-break targets', () => {
    const { form, kind, request, identity, FormApp } = build();
    const choices = form.getItemById(kind.getId()).asMultipleChoiceItem().getChoices();
    expect(choices.map((c: Api) => [c.getValue(), c.getPageNavigationType()])).toEqual([
      ['Sí', 'GO_TO_PAGE'],
      ['No', 'GO_TO_PAGE'],
      ['Cancelar', FormApp.PageNavigationType.SUBMIT],
    ]);
    expect(choices[0].getGotoPage().getId()).toBe(request.getId());
    expect(choices[1].getGotoPage().getTitle()).toBe('Sus datos');
    expect(choices[2].getGotoPage()).toBeNull();
    const page = form.getItemById(identity.getId()).asPageBreakItem();
    expect(page.getPageNavigationType()).toBe('GO_TO_PAGE');
    expect(page.getGoToPage().getId()).toBe(request.getId());
  });

  it('returns distinct integer ids and null for unknown ids', () => {
    const { form } = build();
    const ids = form.getItems().map((i: Api) => i.getId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Number.isInteger(id)).toBe(true);
    expect(form.getItemById(12345)).toBeNull();
  });

  it('refuses conversion to the wrong item type', () => {
    const { form, identity, type } = build();
    expect(() => form.getItemById(identity.getId()).asListItem()).toThrow(
      'Invalid conversion for item type: PAGE_BREAK',
    );
    expect(form.getItemById(type.getId()).asListItem().getChoices()).toHaveLength(3);
  });

  it('deletes and moves items', () => {
    const { form, body, channels } = build();
    form.deleteItem(form.getItemById(body.getId()));
    form.moveItem(form.getItemById(channels.getId()), 0);
    expect(
      form
        .getItems()
        .map((i: Api) => i.getTitle())
        .slice(0, 2),
    ).toEqual(['Medios de respuesta', '¿Desea radicar anónimamente?']);
    expect(form.getItemById(body.getId())).toBeNull();
  });

  it('charges the class the script holds', () => {
    const { form, exec, type } = build();
    form.getItemById(type.getId()).getTitle();
    form.getItemById(type.getId()).asListItem().getTitle();
    expect(exec.calls.get('Item.getTitle')).toBe(1);
    expect(exec.calls.get('ListItem.getTitle')).toBe(1);
    expect(exec.calls.get('Form.addListItem')).toBe(1);
  });

  it('has no destination until one is set', () => {
    const { form } = build();
    expect(() => form.getDestinationId()).toThrow(
      'The form currently has no response destination.',
    );
  });
});
