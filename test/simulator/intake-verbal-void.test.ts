// Issue 4: verbal and walk-in filings (Decreto 1166 de 2016) share the form's radicado series with
// their channel recorded; voiding (Acuerdo 060 de 2001 art. 5 parágrafo) keeps the number, says
// who, when and why, and the number is never given again.
import {
  act,
  bogota,
  citizen,
  CLERK,
  Desk,
  OUTSIDER,
  SUPERVISOR,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');

const WALK_IN = {
  type: 'Queja',
  name: 'Jorge Iván Zapata',
  idType: 'Cédula de ciudadanía',
  idNumber: '70123456',
  email: 'jorge.zapata@example.com',
  subject: 'Queja presentada en la ventanilla',
  description: 'El ciudadano se queja verbalmente por la demora en la atención.',
  consent: 'Sí',
};

interface Reply {
  ok: boolean;
  code?: string;
  data?: { radicado?: string; status?: string };
}

describe('verbal filing from the sidebar', () => {
  it('radicates a walk-in petition from the same series with channel Presencial', () => {
    const desk = new Desk();
    const first = desk.submit(citizen(), AT);
    desk.harness.advanceTo(AT + 10 * 60_000);
    const run = desk.rpc(CLERK, 'registerVerbal', {
      requestId: 'ventanilla-0001',
      channel: 'presencial',
      answers: WALK_IN,
    });
    expect(run.error).toBeNull();
    const reply = run.value as Reply;
    expect(reply.ok).toBe(true);
    expect(reply.data?.radicado).toBe('2026-000002');
    const record = desk.cases().find((c) => c.radicado === '2026-000002')!;
    expect(record.subject).toBe(WALK_IN.subject);
    expect(record.type).toBe('queja');
    expect(desk.value('Radicados', desk.rowOfRadicado('2026-000002'), 'Canal')).toBe('Presencial');
    expect(desk.casesFor(first.responseId)[0].radicado).toBe('2026-000001');
    // The next form filing continues the same series.
    const next = desk.submit(citizen(), AT + 20 * 60_000);
    expect(desk.casesFor(next.responseId)[0].radicado).toBe('2026-000003');
  });

  it('does not create a second case when the same request is sent again', () => {
    const desk = new Desk();
    desk.harness.advanceTo(AT);
    const payload = { requestId: 'ventanilla-0002', channel: 'presencial', answers: WALK_IN };
    const first = desk.rpc(CLERK, 'registerVerbal', payload).value as Reply;
    const again = desk.rpc(CLERK, 'registerVerbal', payload).value as Reply;
    expect(first.ok).toBe(true);
    expect(first.data?.radicado).toBe('2026-000001');
    expect(again.ok).toBe(true);
    expect(again.data?.radicado).toBe('2026-000001');
    expect(desk.cases()).toHaveLength(1);
    expect(desk.ws.mail.sentTo(WALK_IN.email)).toHaveLength(1);
  });

  it('refuses a user who is not in the staff directory', () => {
    const desk = new Desk();
    const run = desk.rpc(OUTSIDER, 'registerVerbal', {
      requestId: 'x-1',
      channel: 'presencial',
      answers: WALK_IN,
    });
    expect(run.value).toEqual(expect.objectContaining({ ok: false, code: 'NOT_STAFF' }));
    expect(desk.cases()).toEqual([]);
  });
});

describe('voiding a radicado', () => {
  function twoCases() {
    // The supervisor is the entity's PQRSD supervisor (Configuración): they oversee every dependency.
    const desk = new Desk({ settings: { supervisorEmails: [SUPERVISOR] } });
    desk.submit(citizen({ subject: 'Primera' }), AT);
    const second = desk.submit(citizen({ subject: 'Registrada por error' }), AT + 5 * 60_000);
    return { desk, radicado: desk.casesFor(second.responseId)[0].radicado };
  }

  it('keeps the row and the number, marks it Anulado, and records who, when and why', () => {
    const { desk, radicado } = twoCases();
    expect(radicado).toBe('2026-000002');
    const reason = 'Radicado dos veces por error de la ventanilla';
    desk.harness.advanceTo(AT + 60 * 60_000);
    const when = desk.ws.now;
    expect(act(desk, SUPERVISOR, { radicado, kind: 'void', reason })).toEqual(
      expect.objectContaining({ ok: true }),
    );
    const cases = desk.cases();
    expect(cases.map((c) => c.radicado)).toEqual(['2026-000001', '2026-000002']);
    const row = desk.rowOfRadicado(radicado);
    expect(row).toBe(3);
    expect(desk.value('Radicados', row, 'Estado')).toBe('Anulado');
    expect(desk.value('Radicados', row, 'Asunto')).toBe('Registrada por error');
    const entry = desk
      .history()
      .filter((h) => h.radicado === radicado)
      .find((h) => String(h.details).includes(reason));
    expect(entry).toBeDefined();
    expect(entry!.by).toBe(SUPERVISOR);
    expect(entry!.at).toBeInstanceOf(Date);
    const at = (entry!.at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(when);
    expect(at - when).toBeLessThan(60_000);
  });

  it('refuses a clerk with NOT_ALLOWED and changes nothing', () => {
    const { desk, radicado } = twoCases();
    const before = desk.model.getDisplayGrid('Radicados');
    const run = desk.rpc(CLERK, 'act', { radicado, kind: 'void', reason: 'No me corresponde' });
    expect(run.value).toEqual(expect.objectContaining({ ok: false, code: 'NOT_ALLOWED' }));
    expect(desk.model.getDisplayGrid('Radicados')).toEqual(before);
  });

  it('never gives a voided number again', () => {
    const { desk, radicado } = twoCases();
    desk.rpc(SUPERVISOR, 'act', { radicado, kind: 'void', reason: 'Duplicado' });
    const next = desk.submit(citizen(), AT + 2 * 60 * 60_000);
    expect(desk.casesFor(next.responseId)[0].radicado).toBe('2026-000003');
    expect(desk.cases().map((c) => c.radicado)).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
    ]);
  });
});
