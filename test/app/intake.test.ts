import { radicateSubmission } from '../../src/app/intake';
import { makeDeps } from '../fakes/in-memory';

const answers = {
  type: 'Queja',
  anonymous: 'No',
  name: 'Ana Ruiz',
  email: 'ana@example.com',
  subject: 'Ruido',
  description: 'Música a alto volumen.',
  consent: ['Autorizo'],
};
const monday = Date.parse('2026-07-06T08:15:00-05:00'); // Monday 6 July 2026

/** The standard form filing of these tests, as the form-submit trigger hands it over. */
function file(deps: ReturnType<typeof makeDeps>['deps'], responseId = 'r1', receivedAt = monday) {
  return radicateSubmission(deps, {
    responseId,
    receivedAt,
    answers,
    channel: 'formulario',
    by: 'f',
  });
}

describe('radicateSubmission', () => {
  it('takes the next number of the year under the lock, once, and releases it', () => {
    const { deps } = makeDeps();
    deps.state.set('radicado.last.2026', '41');
    const outcome = file(deps);
    expect(outcome).toMatchObject({ status: 'radicated', radicado: '2026-000042' });
    expect(deps.state.get('radicado.last.2026')).toBe('42');
    expect(deps.lock.acquired).toBe(1);
    expect(deps.lock.released).toBe(1);
  });

  it('prefixes the DANE code when the entity asks for it', () => {
    const { deps } = makeDeps({ settings: { radicadoPrefix: true } });
    const outcome = file(deps);
    expect(outcome).toMatchObject({ radicado: '05001-2026-000001' });
  });

  it('restarts numbering with the year of receipt in Bogotá', () => {
    const { deps } = makeDeps();
    deps.state.set('radicado.last.2026', '900');
    // 31 Dec 2026 23:30 in Bogotá is already 2027 in UTC; it belongs to 2026.
    const lateDec = Date.parse('2026-12-31T23:30:00-05:00');
    expect(file(deps, 'a', lateDec)).toMatchObject({ radicado: '2026-000901' });
    const newYear = Date.parse('2027-01-01T00:10:00-05:00');
    expect(file(deps, 'b', newYear)).toMatchObject({ radicado: '2027-000001' });
  });

  it('changes nothing for a response already radicated', () => {
    const { deps } = makeDeps();
    file(deps);
    const again = file(deps);
    expect(again).toEqual({ status: 'duplicate', radicado: '2026-000001' });
    expect(deps.cases.rows).toHaveLength(1);
    expect(deps.mailer.sent).toHaveLength(2); // acknowledgement + assignee notice, once
    expect(deps.state.get('radicado.last.2026')).toBe('1');
  });

  it('defers without writing anything when the lock is busy', () => {
    const { deps, logs } = makeDeps();
    deps.lock.available = false;
    const outcome = file(deps);
    expect(outcome).toEqual({ status: 'deferred', code: 'LOCK_TIMEOUT' });
    expect(deps.cases.rows).toHaveLength(0);
    expect(deps.state.get('radicado.last.2026')).toBeNull();
    expect(logs.join('\n')).toContain('r1');
  });

  it('computes the legal due date: a queja filed Monday 6 July 2026 is due 29 July', () => {
    // 15 business days from Tue 7 Jul, skipping Mon 13 Jul (Ley 2578 de 2026) and Mon 20 Jul.
    const { deps } = makeDeps();
    file(deps);
    expect(deps.cases.rows[0]).toMatchObject({
      effectiveReceiptDate: '2026-07-06',
      dueDate: '2026-07-29',
      status: 'radicado',
      assignee: 'clerk@x.gov.co',
    });
  });

  it('keeps the acknowledgement queued when the quota is spent', () => {
    const { deps } = makeDeps();
    deps.mailer.quota = 0;
    const outcome = file(deps);
    expect(outcome).toMatchObject({ status: 'radicated', mailsSent: 0 });
    expect(deps.outbox.pending().map((e) => [e.kind, e.lastError])).toEqual([
      ['acuse', 'MAIL_QUOTA_EXHAUSTED'],
      ['asignacion', 'MAIL_QUOTA_EXHAUSTED'],
    ]);
  });

  it('stores only the hash of the follow-up token', () => {
    const { deps } = makeDeps({
      settings: { followUpUrl: 'https://script.google.com/macros/s/x/exec' },
    });
    file(deps);
    expect(deps.cases.rows[0].tokenHash).toBe('hash(token-1)');
    const ack = deps.mailer.sent.find((m) => m.kind === 'acuse')!;
    expect(ack.body).toContain('https://script.google.com/macros/s/x/exec?r=2026-000001&t=token-1');
    expect(JSON.stringify(deps.cases.rows[0])).not.toContain('"token-1"');
  });

  it('records a number it could not use, and never gives it again', () => {
    const { deps } = makeDeps();
    jest.spyOn(deps.cases, 'append').mockImplementationOnce(() => {
      throw new Error('Service Spreadsheets timed out');
    });
    expect(() => file(deps)).toThrow('timed out');
    expect(deps.audit.entries).toEqual([
      expect.objectContaining({ radicado: '2026-000001', event: 'numero_no_utilizado' }),
    ]);
    expect(deps.lock.released).toBe(1);
    // The retry (the sweep) gets the next number; 000001 stays explained in the audit log.
    expect(file(deps)).toMatchObject({ radicado: '2026-000002' });
  });

  it('keeps the case and still sends the acknowledgement when the audit log fails, then reports the failure', () => {
    const { deps } = makeDeps();
    jest.spyOn(deps.audit, 'append').mockImplementationOnce(() => {
      throw new Error('Historial protegido');
    });
    expect(() => file(deps)).toThrow('Historial protegido');
    expect(deps.cases.rows).toHaveLength(1);
    expect(deps.mailer.sent.map((m) => m.kind)).toEqual(['acuse', 'asignacion']);
  });
});
