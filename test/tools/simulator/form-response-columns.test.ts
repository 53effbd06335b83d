// The response sheet follows the form at once: new questions get their columns when added, the
// email column appears when collection is turned on, and answers land by question, not by title.
import { Execution } from '../../../tools/simulator/kernel';
import { createFormApp } from '../../../tools/simulator/services/form-app';
import { FormStore } from '../../../tools/simulator/services/form-model';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const T1 = Date.parse('2026-07-20T20:30:00-05:00');
const SHEET = 'Respuestas de formulario 1';

function linked() {
  const spreadsheets = new SpreadsheetStore();
  const ss = spreadsheets.create('PQRSD');
  const store = new FormStore(spreadsheets);
  const exec = new Execution({ name: 'setup', startMs: 0 });
  const FormApp: Api = createFormApp(exec, store);
  const form = FormApp.create('PQRSD');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.id);
  return { ss, store, form };
}

describe('response sheet columns', () => {
  it('adds each question column as soon as the item is added, in form order', () => {
    const { ss, form } = linked();
    expect(ss.getDisplayGrid(SHEET)).toEqual([['Marca temporal']]);
    form.addTextItem().setTitle('Nombre');
    form.addPageBreakItem().setTitle('Sección');
    form.addSectionHeaderItem().setTitle('Encabezado');
    form.addParagraphTextItem().setTitle('Descripción');
    form.addMultipleChoiceItem().setTitle('Tipo').setChoiceValues(['A', 'B']);
    form.addCheckboxItem().setTitle('Medios').setChoiceValues(['Correo']);
    form.addListItem().setTitle('Dependencia').setChoiceValues(['Gobierno']);
    expect(ss.getDisplayGrid(SHEET)).toEqual([
      ['Marca temporal', 'Nombre', 'Descripción', 'Tipo', 'Medios', 'Dependencia'],
    ]);
  });

  it('inserts the email column after the timestamp when collection is turned on', () => {
    const { ss, store, form } = linked();
    const name = form.addTextItem().setTitle('Nombre');
    store.submit(form.getId(), new Map([[name.getId(), 'Ana']]), T1);
    form.setCollectEmail(true);
    expect(ss.getDisplayGrid(SHEET)[0]).toEqual([
      'Marca temporal',
      'Dirección de correo electrónico',
      'Nombre',
    ]);
    store.submit(form.getId(), new Map([[name.getId(), 'Luis']]), T1, 'luis@correo.co');
    const grid = ss.getDisplayGrid(SHEET);
    expect(grid.map((line) => line.slice(1))).toEqual([
      ['Dirección de correo electrónico', 'Nombre'],
      ['', 'Ana'],
      ['luis@correo.co', 'Luis'],
    ]);
    // Turning collection off and on again reuses the column.
    form.setCollectEmail(false);
    form.setCollectEmail(true);
    expect(ss.getDisplayGrid(SHEET)[0]).toHaveLength(3);
  });

  it('writes answers by question even with duplicate titles or a moved column', () => {
    const { ss, store, form } = linked();
    const first = form.addTextItem().setTitle('Dato');
    const second = form.addTextItem().setTitle('Dato');
    const sheet = ss.requireSheet(SHEET);
    sheet.insertColumns(1, 1); // someone adds a column after the timestamp
    store.submit(
      form.getId(),
      new Map([
        [first.getId(), 'uno'],
        [second.getId(), 'dos'],
      ]),
      T1,
    );
    expect(ss.getDisplayGrid(SHEET)[1].slice(1)).toEqual(['', 'uno', 'dos']);
  });

  it('keeps a deleted question column and adds a new question after it', () => {
    const { ss, form } = linked();
    const gone = form.addTextItem().setTitle('Antigua');
    form.deleteItem(gone);
    form.addTextItem().setTitle('Nueva');
    expect(ss.getDisplayGrid(SHEET)[0]).toEqual(['Marca temporal', 'Antigua', 'Nueva']);
  });

  it('leaves a form without destination alone', () => {
    const spreadsheets = new SpreadsheetStore();
    const ss = spreadsheets.create('x');
    const FormApp: Api = createFormApp(
      new Execution({ name: 'x', startMs: 0 }),
      new FormStore(spreadsheets),
    );
    FormApp.create('f').addTextItem().setTitle('Nombre');
    expect(ss.sheets.map((s) => s.name)).toEqual(['Hoja 1']);
  });
});
