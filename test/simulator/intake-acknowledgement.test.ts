// Issue 4: the acknowledgement (CPACA art. 61: the radicado, the date and time of receipt) with the
// type and the legal due date. Terms: CPACA art. 14 (Ley 1755 de 2015) — 15 business days for
// petitions, 10 for documents and information, 30 for consultations — counted from the day after
// receipt. February 2026 has no Colombian holidays, so the dates below are counted by hand:
//   received Tue 03/02/2026 → day 1 is Wed 04/02; 10 business days → Tue 17/02/2026;
//   15 business days → Tue 24/02/2026; 30 business days → Tue 17/03/2026 (no holiday before 23/03).
import {
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  ENTITY_NAME,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

describe('acknowledgement of receipt', () => {
  it('mails the citizen the radicado, Bogotá date and time of receipt, type and due date', () => {
    const desk = new Desk();
    const result = desk.submit(citizen(), bogota('2026-02-03T16:47:30'));
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    const mails = desk.mailTo(CITIZEN_EMAIL);
    expect(mails).toHaveLength(1);
    const [ack] = mails;
    expect(ack.to).toEqual([CITIZEN_EMAIL]);
    expect(ack.subject).toContain('2026-000001');
    expect(ack.body).toContain('2026-000001');
    expect(ack.body).toContain('03/02/2026');
    expect(ack.body).toContain('16:47');
    expect(ack.body).not.toContain('21:47'); // the UTC clock time
    expect(ack.body).toContain('Petición de interés general');
    expect(ack.body).toContain('24/02/2026');
    expect(ack.body).toContain(ENTITY_NAME);
    expect(ack.htmlBody).toContain('2026-000001');
    expect(ack.htmlBody).toContain('24/02/2026');
  });

  it('uses the Bogotá calendar date for a filing late at night (already tomorrow in UTC)', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T23:30:00'));
    const [ack] = desk.mailTo(CITIZEN_EMAIL);
    expect(ack.body).toContain('03/02/2026 23:30');
    expect(ack.body).not.toContain('04/02/2026 04:30');
    expect(ack.body).toContain('24/02/2026');
  });

  it('states the term of the type filed: 10 days for documents, 30 for consultations', () => {
    const desk = new Desk();
    desk.submit(
      citizen({ type: 'peticion_documentos', email: 'docs@example.com' }),
      bogota('2026-02-03T09:00:00'),
    );
    desk.submit(
      citizen({ type: 'consulta', email: 'consulta@example.com' }),
      bogota('2026-02-03T09:30:00'),
    );
    const [docs] = desk.mailTo('docs@example.com');
    expect(docs.body).toContain('Petición de documentos o información');
    expect(docs.body).toContain('17/02/2026');
    const [query] = desk.mailTo('consulta@example.com');
    expect(query.body).toContain('Consulta');
    expect(query.body).toContain('17/03/2026');
  });

  it('radicates an anonymous filing without email and acknowledges nobody', () => {
    const desk = new Desk();
    const result = desk.submit(
      {
        type: 'denuncia',
        anonymous: true,
        preferredChannel: 'Recoger en la entidad',
        acceptsEmailNotification: false,
        subject: 'Cobros irregulares',
        description: 'Un funcionario cobra por trámites gratuitos.',
        consent: true,
      },
      bogota('2026-02-03T11:00:00'),
    );
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    expect(record.petitioner.anonymous).toBe(true);
    expect(record.petitioner.name).toBe('');
    expect(desk.outbox().filter((m) => m.kind === 'acuse')).toEqual([]);
    // The only mail is the assignee's notice, sent with the next sweep.
    expect(desk.ws.mail.sent).toEqual([]);
    desk.sweep();
    expect(desk.ws.mail.sent.map((m) => m.to)).toEqual([[CLERK]]);
  });
});
