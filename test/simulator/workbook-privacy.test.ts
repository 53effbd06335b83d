// Ley 1581 de 2012 (restricted access and circulation): the form's raw responses are not the tab the
// workbook opens on, nor visible or editable to clerks; no empty tab is left from the new file.
import { CLERK, Desk, useBuiltBundle } from './fixtures';

useBuiltBundle();

describe('the workbook as a clerk first sees it', () => {
  it('opens on Radicados; the form responses tab is hidden, protected and not first; no empty tab', () => {
    const desk = new Desk();
    const model = desk.model;
    const names = model.sheets.map((s) => s.name);
    expect(names[0]).toBe('Radicados');
    expect(model.activeSheet.name).toBe('Radicados');
    expect(names).not.toContain('Hoja 1');
    const responses = model.sheets.find((s) => /^Respuestas de formulario/.test(s.name));
    expect(responses).toBeDefined();
    expect(responses?.hidden).toBe(true);
    expect(model.canUserEdit(responses!.name, 2, 2, CLERK)).toBe(false);
    // Setting up again changes nothing of this.
    desk.setupOk();
    expect(model.sheets.map((s) => s.name)).toEqual(names);
    expect(model.activeSheet.name).toBe('Radicados');
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
