// The data store when things go wrong: it cannot be opened, the case has no contact, the citizen
// left a long address or asked for a printed answer. Nothing the citizen or a competent entity is
// owed is dropped, and no contact data reaches the tracking spreadsheet on the way.
import {
  act,
  ADMIN,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  everyCellText,
  typeAsPerson,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const HOUR = 3600_000;

/** The admin types the data store's address in Configuración (the edit trigger fires). */
function typeStoreUrl(desk: Desk, url: string): void {
  const sheet = desk.model.requireSheet('Configuración');
  for (let r = 2; r <= sheet.lastRow(); r += 1)
    if (sheet.cell(r, 1)?.value === 'Hoja de datos de peticionarios')
      return void typeAsPerson(desk, ADMIN, 'Configuración', r, 2, [[url]]);
  throw new Error('no setting row');
}

describe('when the data store cannot be opened', () => {
  it('keeps it (no empty store is started), and citizen mail waits until it opens again', () => {
    const desk = new Desk();
    const result = desk.submit(citizen(), AT);
    const [record] = desk.casesFor(result.responseId);
    desk.sweep();
    const stores = desk.ws.spreadsheets.all().length;
    const url = desk.dataStore().url;
    // The address points nowhere the owner can open (a file deleted, or not shared).
    typeStoreUrl(desk, 'https://docs.google.com/spreadsheets/d/1NoSuchFile/edit');
    expect(
      act(desk, CLERK, {
        radicado: record.radicado,
        kind: 'extend',
        newDueDate: '2026-03-10',
        reason: 'Visita',
      }),
    ).toMatchObject({ ok: true });
    desk.advance(25 * HOUR); // the day's review included
    expect(desk.ws.spreadsheets.all()).toHaveLength(stores);
    expect(desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject))).toEqual([]);
    expect(desk.outbox().find((m) => m.kind === 'prorroga')?.status).toBe('pendiente');
    // The address is put right: the notice goes with the next review.
    typeStoreUrl(desk, url);
    desk.advance(HOUR);
    expect(desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject))).toHaveLength(1);
  });
});

describe('a transfer of an anonymous petition', () => {
  it('still sends the forwarding letter to the competent entity', () => {
    const desk = new Desk();
    const result = desk.submit(
      citizen({ anonymous: true, type: 'denuncia', email: '', phone: '' }),
      AT,
    );
    const [record] = desk.casesFor(result.responseId);
    desk.sweep();
    expect(
      act(desk, CLERK, {
        radicado: record.radicado,
        kind: 'transfer',
        toEntity: 'Procuraduría Provincial',
        email: 'quejas@procuraduria.gov.co',
        reason: 'Conducta de un servidor público',
      }),
    ).toMatchObject({ ok: true });
    desk.advance(2 * HOUR);
    const [letter] = desk.mailTo('quejas@procuraduria.gov.co');
    expect(letter?.body).toContain('Anónimo');
  });
});

describe('contact data the citizen typed at length or asked to receive on paper', () => {
  it('keeps a long address and phone whole in the data store, and out of Textos largos', () => {
    const desk = new Desk();
    const address = `Vereda La Estrella, ${'kilómetro 4 vía al mar, '.repeat(15)}finca El Paraíso`;
    const phone = `${'3001234567 / '.repeat(6)}6041234567`;
    const result = desk.submit(citizen({ address, phone }), AT);
    const [record] = desk.casesFor(result.responseId);
    desk.sweep();
    expect(address.length).toBeGreaterThan(300);
    expect(desk.contactOf(record.radicado)).toMatchObject({ address, phone });
    const cells = everyCellText(desk)
      .map((c) => c.text)
      .join('\n');
    expect(cells).not.toContain('kilómetro 4');
    expect(cells).not.toContain('3001234567');
  });

  it('flags a printed answer for the people who hold the address, without writing it', () => {
    const desk = new Desk();
    const result = desk.submit(citizen({ preferredChannel: 'Dirección física' }), AT);
    const [record] = desk.casesFor(result.responseId);
    expect(
      act(desk, CLERK, { radicado: record.radicado, kind: 'answer', summary: 'Respuesta' }),
    ).toMatchObject({ ok: true });
    const [after] = desk.cases();
    const alert = after.alerts.find((a) => a.includes('respuesta impresa'));
    expect(alert).toContain('la dirección que dejó el peticionario');
    expect(alert).not.toContain('•••');
    expect(alert).not.toContain('Calle 10');
  });
});
