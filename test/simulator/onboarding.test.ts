// A new entity is not open to citizens before it has a name and someone to receive the cases:
// setup keeps the form closed, with a message, and lists what is missing; once done, it opens.
import { STAFF_SHEET } from '../../src/gas/sheet-schema';
import { bogota, citizen, Desk, STAFF, typeRowsByHeader, useBuiltBundle } from './fixtures';
import { ROLE_LABELS } from '../../src/gas/config-sheets';

useBuiltBundle();

describe('onboarding a new entity', () => {
  it('keeps the form closed until the entity has a name and staff, then opens it', () => {
    const desk = new Desk({ settings: { name: '' }, staff: [] });
    const form = desk.form();
    expect(form.settings.acceptingResponses).toBe(false);
    expect(form.settings.customClosedFormMessage).toContain('todavía no recibe solicitudes');
    // Forms itself refuses a filing while closed: nothing is radicated.
    expect(() => desk.submit(citizen(), bogota('2026-02-03T10:00:00'))).toThrow();
    expect(desk.cases()).toEqual([]);
    // The admin's setup alert lists what is missing.
    const alert = desk.entity.ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).toContain('✘ Nombre de la entidad (Configuración) (obligatorio)');
    expect(alert).toContain('✘ Al menos un funcionario en la hoja Dependencias (obligatorio)');
    // Done: setup opens it.
    desk.typeSettings({ name: 'Alcaldía de Prueba' });
    typeRowsByHeader(
      desk.model,
      STAFF_SHEET.name,
      STAFF.map((m) => ({
        Correo: m.email,
        Nombre: m.name,
        Dependencia: m.dependency,
        Rol: ROLE_LABELS[m.role],
        Ausente: 'No',
      })),
    );
    desk.setupOk();
    expect(desk.form().settings.acceptingResponses).toBe(true);
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    expect(desk.cases()).toHaveLength(1);
    expect(desk.entity.ui.alerts.at(-1)?.prompt).toContain('Enlace para los ciudadanos');
  });

  it('leaves closed a form an admin closed in Google Forms', () => {
    const desk = new Desk();
    desk.form().settings.acceptingResponses = false;
    desk.form().settings.customClosedFormMessage = 'Cerrado por vacaciones colectivas.';
    desk.setupOk();
    expect(desk.form().settings.acceptingResponses).toBe(false);
  });
});
