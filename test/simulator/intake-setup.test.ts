// Issue 4, part 1: "Configurar o reparar" builds the tracking spreadsheet, the citizen form and the
// triggers; running it again changes nothing; running it after damage repairs the damage.
import { FORM_QUESTIONS } from '../../src/core/intake/form-definition';
import { ALL_SHEETS } from '../../src/gas/sheet-schema';
import { visitedItemIds, type FormModel } from '../../tools/simulator/services/form-model';
import { SETUP_MENU } from '../../tools/scenario/run-scenario';
import {
  ADMIN,
  bogota,
  citizen,
  Desk,
  ENTITY_NAME,
  expectEachResponseOnce,
  itemIds,
  STAFF,
  SUPERVISOR,
  useBuiltBundle,
} from './fixtures';

const STAFF_ADMINS = STAFF.filter((m) => m.role === 'admin').map((m) => m.email);

useBuiltBundle();

const SHEET_NAMES = [
  'Radicados',
  'Historial',
  'Bandeja de salida',
  'Textos largos',
  'Configuración',
  'Dependencias',
  'Enrutamiento',
  'Días no hábiles',
];

function headerRow(desk: Desk, name: string): string[] {
  const sheet = desk.model.requireSheet(name);
  const out: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1) out.push(String(sheet.cell(1, c)?.value ?? ''));
  return out;
}

/** Everything setup owns, as plain data, to compare two states. */
function snapshot(desk: Desk) {
  const form = desk.form();
  return {
    forms: desk.ws.forms.all().length,
    triggers: desk.entity.triggers
      .list()
      .map((t) => ({ uid: t.uid, handler: t.handler, event: t.eventType, source: t.sourceId })),
    items: form.items.map((i) => ({
      id: i.id,
      type: i.type,
      title: i.title,
      required: i.required,
      choices: i.choices.map((c) => ({ ...c })),
    })),
    itemMap: itemIds(desk),
    destination: form.destination,
    sheets: desk.model.sheets.map((s) => ({
      name: s.name,
      frozen: s.frozenRows,
      hidden: s.hidden,
      lastRow: s.name === 'Historial' ? -1 : s.lastRow(),
      maxColumns: s.maxCols,
    })),
    headers: Object.fromEntries(SHEET_NAMES.map((n) => [n, headerRow(desk, n)])),
    settings: desk.model.getDisplayGrid('Configuración'),
    protections: desk.model
      .activeProtections()
      .map((p) => ({ sheet: p.sheet.name, type: p.type, warningOnly: p.warningOnly })),
  };
}

function pageIndex(form: FormModel, title: string): number {
  return form.items.findIndex((i) => i.type === 'PAGE_BREAK' && i.title === title);
}

describe('setup ("Configurar o reparar")', () => {
  it('creates every tracking sheet with its Spanish headers and a frozen header row', () => {
    const desk = new Desk();
    for (const name of SHEET_NAMES) {
      const sheet = desk.model.sheet(name);
      expect(sheet).toBeDefined();
      expect(sheet!.frozenRows).toBe(1);
      const spec = ALL_SHEETS.find((s) => s.name === name)!;
      expect(headerRow(desk, name)).toEqual(spec.columns.map((c) => c.header));
    }
    // A few headers the architecture page and the law name, in Spanish.
    expect(headerRow(desk, 'Radicados')).toEqual(
      expect.arrayContaining([
        'Radicado',
        'Fecha y hora de radicación',
        'Canal',
        'Tipo',
        'Asunto',
        'Dependencia',
        'Responsable',
        'Estado',
        'Vence',
        'Días hábiles restantes',
      ]),
    );
    expect(headerRow(desk, 'Historial')).toEqual(
      expect.arrayContaining(['Fecha y hora', 'Quién', 'Radicado', 'Evento', 'Detalle']),
    );
  });

  it('warns on the system sheets, leaves the clerk column free, and locks the settings sheets', () => {
    const desk = new Desk();
    for (const name of ['Radicados', 'Historial', 'Bandeja de salida', 'Textos largos']) {
      const sheet = desk.model.requireSheet(name);
      const protections = desk.model.activeProtections('SHEET', sheet);
      expect(protections).toHaveLength(1);
      expect(protections[0].warningOnly).toBe(true);
    }
    // Observaciones is the clerks' own column in Radicados: outside the protection.
    const cases = desk.model.requireSheet('Radicados');
    const [protection] = desk.model.activeProtections('SHEET', cases);
    const notes = desk.column('Radicados', 'Observaciones');
    expect(notes).toBeGreaterThan(0);
    expect(protection.unprotected.some((r) => r.col === notes && r.row === 2)).toBe(true);
    // The settings sheets are really protected: only the owner and the admins may edit them.
    for (const name of ['Configuración', 'Dependencias', 'Enrutamiento', 'Días no hábiles']) {
      const [settings, ...more] = desk.model.activeProtections(
        'SHEET',
        desk.model.requireSheet(name),
      );
      expect(more).toEqual([]);
      expect(settings.warningOnly).toBe(false);
      expect(settings.editorsCustomized).toBe(true);
      expect(settings.editors.every((e) => e === desk.owner || STAFF_ADMINS.includes(e))).toBe(
        true,
      );
    }
  });

  it('adds data validation lists to role and yes/no columns, and none to Estado', () => {
    const desk = new Desk();
    const rule = (sheet: string, row: number, header: string) =>
      desk.model.requireSheet(sheet).cell(row, desk.column(sheet, header))?.validation;
    // A status changes through the desk's acts (legal clock, Historial), never from a dropdown.
    expect(rule('Radicados', 2, 'Estado')).toBeUndefined();
    const role = rule('Dependencias', 50, 'Rol');
    expect(role!.values).toEqual(
      expect.arrayContaining(['Funcionario', 'Supervisor', 'Administrador']),
    );
    expect(rule('Dependencias', 50, 'Ausente')!.values).toEqual(['Sí', 'No']);
  });

  it('creates the citizen form with the standard questions, its responses kept in the data store', () => {
    const desk = new Desk();
    const form = desk.form();
    expect(desk.ws.forms.all()).toHaveLength(1);
    // Never the tracking spreadsheet, which every clerk reads (Ley 1581).
    expect(form.destination?.spreadsheetId).toBe(desk.dataStore().id);
    expect(form.destination?.spreadsheetId).not.toBe(desk.model.id);
    expect(form.settings.title).toContain(ENTITY_NAME);
    const map = itemIds(desk);
    for (const q of FORM_QUESTIONS) {
      const item = form.item(map[q.code]!);
      expect(item).toBeDefined();
      expect(item!.title).toBe(q.title);
      expect(item!.required).toBe(q.required);
    }
    const titles = form.items.map((i) => i.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Tipo de solicitud',
        '¿Desea presentar la solicitud de forma anónima?',
        'Número de documento',
        'Correo electrónico',
        'Asunto',
        'Tratamiento de datos personales (Ley 1581 de 2012)',
      ]),
    );
    const type = form.items.find((i) => i.title === 'Tipo de solicitud')!;
    expect(type.choices.map((c) => c.value)).toEqual(
      expect.arrayContaining(['Queja', 'Reclamo', 'Denuncia', 'Sugerencia', 'Consulta']),
    );
    // The dependency list comes from the staff directory typed before the second setup.
    const dependency = form.item(map.dependency!)!;
    expect(dependency.choices.map((c) => c.value)).toEqual(
      expect.arrayContaining(['Ventanilla Única', 'Secretaría de Gobierno']),
    );
  });

  it('sends anonymous filers past the identity page ("Sí" skips it, "No" shows it)', () => {
    const desk = new Desk();
    const form = desk.form();
    const map = itemIds(desk);
    const anonymous = form.item(map.anonymous!)!;
    const identity = pageIndex(form, 'Sus datos');
    const request = pageIndex(form, 'Su solicitud');
    expect(identity).toBeGreaterThan(form.items.indexOf(anonymous));
    expect(request).toBeGreaterThan(identity);
    const yes = anonymous.choices.find((c) => c.value === 'Sí')!;
    expect(yes.navigation).toEqual({ type: 'GO_TO_PAGE', pageId: form.items[request].id });
    // Identity questions live on the identity page.
    for (const code of ['idNumber', 'name', 'idType', 'applicantKind'] as const) {
      const at = form.items.findIndex((i) => i.id === map[code]);
      expect(at).toBeGreaterThan(identity);
      expect(at).toBeLessThan(request);
    }
    const seenWhen = (answer: string) => visitedItemIds(form, new Map([[anonymous.id, answer]]));
    expect(seenWhen('Sí').has(map.idNumber!)).toBe(false);
    expect(seenWhen('Sí').has(map.subject!)).toBe(true);
    expect(seenWhen('No').has(map.idNumber!)).toBe(true);
    // And the form really takes an anonymous filing without any identity answer.
    const result = desk.submit(
      {
        type: 'denuncia',
        anonymous: true,
        preferredChannel: 'Recoger en la entidad',
        acceptsEmailNotification: false,
        subject: 'Basuras en el parque',
        description: 'Arrojan basuras cada noche en el parque principal.',
        consent: true,
      },
      bogota('2026-02-03T10:00:00'),
    );
    expect(desk.casesFor(result.responseId)).toHaveLength(1);
  });

  it('installs exactly one form-submit trigger, one sweep, one edit and one change trigger', () => {
    const desk = new Desk();
    const triggers = desk.entity.triggers.list();
    const submit = triggers.filter((t) => t.eventType === 'ON_FORM_SUBMIT');
    const clock = triggers.filter((t) => t.eventType === 'CLOCK');
    expect(triggers).toHaveLength(4);
    expect(triggers.filter((t) => t.eventType === 'ON_EDIT')).toHaveLength(1);
    expect(triggers.filter((t) => t.eventType === 'ON_CHANGE')).toHaveLength(1);
    expect(submit).toHaveLength(1);
    expect(submit[0].sourceId).toBe(desk.formId());
    expect(clock).toHaveLength(1);
    // Triggers belong to the entity's script (the shim), never to the shared library.
    expect(desk.ws.libraryScopedUses).toEqual([]);
  });

  it('changes nothing when run again: same triggers, item ids, sheets and settings rows', () => {
    const desk = new Desk();
    const before = snapshot(desk);
    const run = desk.setup();
    expect(run.error).toBeNull();
    expect(snapshot(desk)).toEqual(before);
    // No duplicate settings rows: every label once.
    const labels = desk.model
      .getDisplayGrid('Configuración')
      .slice(1)
      .map((r) => r[0]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('recreates a deleted form-submit trigger, and intake works again', () => {
    const desk = new Desk();
    const sweep = desk.entity.triggers.list().find((t) => t.eventType === 'CLOCK')!;
    const submit = desk.entity.triggers.list().find((t) => t.eventType === 'ON_FORM_SUBMIT')!;
    desk.entity.triggers.remove(submit.uid); // someone deletes it on the Triggers page
    expect(desk.setup().error).toBeNull();
    const after = desk.entity.triggers.list();
    expect(after.filter((t) => t.eventType === 'ON_FORM_SUBMIT')).toHaveLength(1);
    expect(after.filter((t) => t.eventType === 'CLOCK').map((t) => t.uid)).toEqual([sweep.uid]);
    const result = desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    expect(result.runs).toHaveLength(1);
    expect(desk.casesFor(result.responseId).map((c) => c.radicado)).toEqual(['2026-000001']);
  });

  it('recreates a deleted sweep trigger', () => {
    const desk = new Desk();
    const sweep = desk.entity.triggers.list().find((t) => t.eventType === 'CLOCK')!;
    desk.entity.triggers.remove(sweep.uid);
    expect(desk.setup().error).toBeNull();
    expect(desk.entity.triggers.list().filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    expect(desk.entity.triggers.list()).toHaveLength(4);
  });

  it('recreates a deleted question in its section, and its answers reach the sheet', () => {
    const desk = new Desk();
    const form = desk.form();
    const before = itemIds(desk);
    const subject = form.items.findIndex((i) => i.id === before.subject);
    form.items.splice(subject, 1); // a clerk deletes "Asunto" in the Forms editor
    const idNumber = form.items.findIndex((i) => i.id === before.idNumber);
    form.items.splice(idNumber, 1); // and "Número de documento"
    expect(desk.setup().error).toBeNull();
    const after = itemIds(desk);
    const asunto = form.items.filter((i) => i.title === 'Asunto');
    expect(asunto).toHaveLength(1);
    expect(asunto[0].required).toBe(true);
    expect(after.subject).toBe(asunto[0].id);
    // Untouched questions keep their ids.
    expect(after.description).toBe(before.description);
    expect(after.email).toBe(before.email);
    // The identity question goes back to the identity page (anonymous filers must not see it).
    const at = form.items.findIndex((i) => i.id === after.idNumber);
    expect(at).toBeGreaterThan(pageIndex(form, 'Sus datos'));
    expect(at).toBeLessThan(pageIndex(form, 'Su solicitud'));
    const result = desk.submit(
      citizen({ subject: 'Asunto tras la reparación', idNumber: '71234567' }),
      bogota('2026-02-03T10:00:00'),
    );
    const [record] = desk.casesFor(result.responseId);
    expect(record.subject).toBe('Asunto tras la reparación');
    expect(record.alerts).toEqual([]);
  });

  it('re-adds a deleted column header, and new rows fill it', () => {
    const desk = new Desk();
    const channel = desk.column('Radicados', 'Canal');
    desk.model.setCellsAsUser('Radicados', 1, channel, [['']]); // the header text is deleted
    expect(desk.column('Radicados', 'Canal')).toBe(0);
    expect(desk.setup().error).toBeNull();
    const headers = headerRow(desk, 'Radicados');
    expect(headers.filter((h) => h === 'Canal')).toHaveLength(1);
    const result = desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const [row] = desk.rowsOf(result.responseId);
    expect(desk.value('Radicados', row, 'Canal')).toBe('Formulario web');
  });

  it('recreates a deleted sheet, and intake logs to it again', () => {
    const desk = new Desk();
    desk.model.removeSheet(desk.model.requireSheet('Historial'));
    desk.model.removeSheet(desk.model.requireSheet('Textos largos'));
    expect(desk.setup().error).toBeNull();
    for (const name of ['Historial', 'Textos largos']) {
      const sheet = desk.model.requireSheet(name);
      expect(sheet.frozenRows).toBe(1);
      expect(headerRow(desk, name)).toEqual(
        ALL_SHEETS.find((s) => s.name === name)!.columns.map((c) => c.header),
      );
    }
    expect(desk.model.requireSheet('Textos largos').hidden).toBe(true);
    // Once repaired, a further run changes nothing.
    const repaired = snapshot(desk);
    expect(desk.setup().error).toBeNull();
    expect(snapshot(desk)).toEqual(repaired);
    const result = desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const [record] = desk.casesFor(result.responseId);
    // The radication's lines reach the Historial with the next sweep.
    desk.sweep();
    expect(desk.history().some((h) => h.radicado === record.radicado)).toBe(true);
    expectEachResponseOnce(desk);
  });
});

describe('setup by someone else than the installer', () => {
  it('is refused to a supervisor, who may not configure the entity', () => {
    const desk = new Desk();
    const before = desk.entity.triggers.list().length;
    const again = desk.harness.menu(desk.name, SUPERVISOR, SETUP_MENU);
    expect(again.error).toBeNull();
    expect(again.value).toBeNull();
    expect(desk.entity.triggers.list()).toHaveLength(before);
    const alert = desk.entity.ui.alerts[desk.entity.ui.alerts.length - 1];
    expect(alert.prompt).toContain('Administrador');
  });

  it('by a second admin installs no second set of triggers (each filing would run twice)', () => {
    const second = 'otra.admin@prueba.gov.co';
    const desk = new Desk({
      staff: [
        ...STAFF,
        { email: second, name: 'Otra Admin', dependency: 'Secretaría General', role: 'admin' },
      ],
    });
    const before = desk.entity.triggers.list().map((t) => t.uid);
    const again = desk.harness.menu(desk.name, second, SETUP_MENU);
    expect(again.error).toBeNull();
    expect(desk.entity.triggers.list().map((t) => t.uid)).toEqual(before);
    expect(new Set(desk.entity.triggers.list().map((t) => t.owner))).toEqual(new Set([ADMIN]));
    const alert = desk.entity.ui.alerts[desk.entity.ui.alerts.length - 1];
    expect(alert.prompt).toContain(ADMIN);
    expect(alert.prompt).toContain('activadores');
  });
});
