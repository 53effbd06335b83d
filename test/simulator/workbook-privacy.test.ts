// Ley 1581 de 2012 (restricted access and circulation): the tracking spreadsheet, which every clerk
// can read cell by cell, holds no raw copy of the form's responses; they go to the data store,
// shared with the data stewards only. The workbook opens on Radicados; no empty tab is left.
import {
  linkDestination,
  unlinkDestination,
} from '../../tools/simulator/services/form-destination';
import { ADMIN, citizen, CLERK, Desk, SUPERVISOR, useBuiltBundle } from './fixtures';

useBuiltBundle();

const RESPONSES = /^Respuestas de formulario/;

describe('the workbook as a clerk first sees it', () => {
  it('opens on Radicados; no copy of the form responses in it; no empty tab', () => {
    const desk = new Desk();
    const model = desk.model;
    const names = model.sheets.map((s) => s.name);
    expect(names[0]).toBe('Radicados');
    expect(model.activeSheet.name).toBe('Radicados');
    expect(names).not.toContain('Hoja 1');
    expect(names.filter((n) => RESPONSES.test(n))).toEqual([]);
    // The form writes its responses to the data store, a spreadsheet of its own.
    const store = desk.dataStore();
    expect(desk.form().destination?.spreadsheetId).toBe(store.id);
    expect(store.sheets.some((s) => RESPONSES.test(s.name))).toBe(true);
    expect(store.name).toBe('Datos de peticionarios - Alcaldía de Prueba');
    // Shared with nobody but its owner and the stewards (default: the admins of Dependencias).
    expect(store.owner).toBe(ADMIN);
    expect(store.canOpen(ADMIN)).toBe(true);
    expect(store.canOpen(CLERK)).toBe(false);
    expect(store.canOpen(SUPERVISOR)).toBe(false);
    // Setting up again changes nothing of this.
    desk.setupOk();
    expect(model.sheets.map((s) => s.name)).toEqual(names);
    expect(model.activeSheet.name).toBe('Radicados');
    expect(desk.dataStore().id).toBe(store.id);
  });

  it('shares the data store with the people Configuración names, and with nobody else', () => {
    const desk = new Desk({ settings: { dataStewards: [SUPERVISOR] } });
    const store = desk.dataStore();
    expect(store.canOpen(SUPERVISOR)).toBe(true);
    expect(store.canOpen(CLERK)).toBe(false);
    // Someone shared it by hand with a clerk: the next setup takes it back.
    store.shares!.set(CLERK, 'viewer');
    desk.typeSettings({ dataStewards: [] });
    desk.setupOk();
    expect(store.canOpen(CLERK)).toBe(false);
    expect(store.canOpen(SUPERVISOR)).toBe(false); // the default again: the admins only
  });

  it('a responses tab linked here by hand goes back to the data store, hidden and protected', () => {
    const desk = new Desk();
    desk.submit(citizen(), desk.ws.now);
    // Someone picks the tracking spreadsheet as the form's destination in the Forms editor.
    unlinkDestination(desk.ws.spreadsheets, desk.form());
    linkDestination(desk.ws.spreadsheets, desk.form(), desk.model.id);
    const tab = desk.model.sheets.find((s) => RESPONSES.test(s.name))!;
    expect(tab.hidden).toBeFalsy();
    desk.setupOk();
    expect(desk.form().destination?.spreadsheetId).toBe(desk.dataStore().id);
    expect(tab.hidden).toBe(true);
    expect(desk.model.canUserEdit(tab.name, 2, 2, CLERK)).toBe(false);
    expect(desk.model.sheets[0].name).toBe('Radicados');
  });
});

describe('the privacy notice of the form', () => {
  it('names the controller, NIT, purpose, rights and where to exercise them, from Configuración', () => {
    const desk = new Desk({
      settings: {
        dataController: 'Municipio de Prueba',
        controllerNit: '890.980.000-1',
        dataRequestsEmail: 'datos@prueba.gov.co',
        privacyPolicyUrl: 'https://prueba.gov.co/politica-datos',
      },
    });
    const consent = desk.form().items.find((i) => /Tratamiento de datos/.test(i.title));
    expect(consent?.helpText).toContain(
      'Responsable del tratamiento: Municipio de Prueba, NIT 890.980.000-1',
    );
    expect(consent?.helpText).toContain('conocer, actualizar, rectificar y suprimir');
    expect(consent?.helpText).toContain('datos@prueba.gov.co');
    expect(consent?.helpText).toContain('https://prueba.gov.co/politica-datos');
  });
});
