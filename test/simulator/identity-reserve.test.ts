// Reserva de identidad: a denunciante who fears retaliation asks on the form that their identity
// be kept from the officials handling the case. Staff then see no name anywhere (sheet, desk,
// staff mail, Historial); only the data stewards, in the data store. The citizen is still owed
// everything (acknowledgement, notices, answer), under their own name.
import {
  act,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  everyCellText,
  historyOf,
  useBuiltBundle,
  type RpcResult,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const NAME = 'María Fernanda Ruiz';

function reservedDenuncia(desk: Desk, type = 'denuncia') {
  const result = desk.submit(citizen({ type, identityReserved: true }), AT);
  const [record] = desk.casesFor(result.responseId);
  desk.sweep(); // the data moves to the data store; the radication's lines reach the Historial
  return record;
}

describe('reserva de identidad', () => {
  it('is asked on the form, for the types Configuración names', () => {
    const desk = new Desk({ settings: { identityReserveTypes: ['denuncia', 'queja'] } });
    const question = desk.form().items.find((i) => i.title === '¿Solicita reserva de identidad?');
    expect(question?.helpText).toContain('Solo para: Denuncia, Queja.');
  });

  it('keeps the name of a denunciante out of every cell, the desk and staff mail', () => {
    const desk = new Desk();
    const record = reservedDenuncia(desk);
    expect(record.petitioner).toMatchObject({
      name: 'Identidad reservada',
      identityReserved: true,
    });
    expect(record.alerts).toEqual([]);
    const row = desk.rowOfRadicado(record.radicado);
    expect(desk.value('Radicados', row, 'Reserva de identidad')).toBe('Sí');
    expect(everyCellText(desk).filter((c) => c.text.includes('María'))).toEqual([]);
    // The desk: the case and the clerk's list of cases.
    const view = desk.rpc(CLERK, 'getCase', { radicado: record.radicado }).value as RpcResult;
    expect(view.ok).toBe(true);
    expect(JSON.stringify(view.data)).not.toContain('María');
    expect(JSON.stringify(view.data)).toContain('Identidad reservada');
    const mine = desk.rpc(CLERK, 'myCases', {}).value as RpcResult;
    expect(JSON.stringify(mine)).not.toContain('María');
    // The assignee's notice, and every other mail to staff.
    const staffMail = desk.ws.mail.sent.filter((m) => !m.to.includes(CITIZEN_EMAIL));
    expect(staffMail.length).toBeGreaterThan(0);
    for (const mail of staffMail) expect(`${mail.subject} ${mail.body}`).not.toContain('María');
    // The Historial says the reservation was asked for, and never by whom.
    const lines = historyOf(desk, record.radicado);
    expect(lines.map((l) => l.event)).toContain('Reserva de identidad');
    // Only the data store names the petitioner.
    expect(desk.contactOf(record.radicado)).toMatchObject({ name: NAME, identityReserved: 'Sí' });
  });

  it('still gives the denunciante, under their own name, the acknowledgement and the answer', () => {
    const desk = new Desk();
    const record = reservedDenuncia(desk);
    const [ack] = desk.mailTo(CITIZEN_EMAIL);
    expect(ack.body).toContain(NAME);
    expect(
      act(desk, CLERK, {
        radicado: record.radicado,
        kind: 'answer',
        summary: 'Se abrió indagación preliminar.',
      }),
    ).toMatchObject({ ok: true });
    desk.rpc(CLERK, 'sendNotices', {});
    desk.sweep();
    const answer = desk.mailTo(CITIZEN_EMAIL).find((m) => m.body.includes('indagación'));
    expect(answer?.body).toContain(NAME);
    expect(everyCellText(desk).filter((c) => c.text.includes('María'))).toEqual([]);
  });

  it('is honoured on another type too, with an alert for the data stewards to decide', () => {
    const desk = new Desk();
    const record = reservedDenuncia(desk, 'peticion_general');
    expect(record.petitioner.name).toBe('Identidad reservada');
    expect(record.alerts.join(' ')).toContain('reserva de identidad');
  });

  it('is not asked of an anonymous filer, who has no identity to reserve', () => {
    const desk = new Desk();
    const result = desk.submit(
      citizen({ type: 'denuncia', anonymous: true, identityReserved: true }),
      AT,
    );
    const [record] = desk.casesFor(result.responseId);
    expect(record.petitioner.identityReserved).toBeUndefined();
    expect(record.petitioner.anonymous).toBe(true);
  });
});
