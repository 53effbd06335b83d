// Issue 4, "Idempotency and recovery": events that arrive twice, at once, late or never; a lock
// held elsewhere; no mail quota. Each submission ends up in exactly one row with one radicado (or
// is visibly left for the sweep), keeps its original receipt time, and gets one acknowledgement.
import {
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  expectEachResponseOnce,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const HOUR = 60 * 60 * 1000;
const AT = bogota('2026-02-03T10:00:00');

function acks(desk: Desk, radicado: string) {
  return desk.outbox().filter((m) => m.kind === 'acuse' && m.radicado === radicado);
}

describe('intake faults', () => {
  it('gives two submissions in the same second two distinct consecutive radicados', () => {
    const desk = new Desk();
    // Both responses exist before either trigger runs (Google queues the two events).
    const a = desk.submit(citizen({ subject: 'Primera' }), AT, { triggerNotFired: true });
    const b = desk.submit(citizen({ subject: 'Segunda' }), AT, { triggerNotFired: true });
    expect(desk.response(a.responseId).timestampMs).toBe(desk.response(b.responseId).timestampMs);
    desk.deliver(a.responseId);
    desk.deliver(b.responseId);
    const ra = desk.casesFor(a.responseId);
    const rb = desk.casesFor(b.responseId);
    expect(ra.map((c) => c.radicado)).toEqual(['2026-000001']);
    expect(rb.map((c) => c.radicado)).toEqual(['2026-000002']);
    expect(ra[0].receivedAt).toBe(new Date(AT).toISOString());
    expect(rb[0].receivedAt).toBe(new Date(AT).toISOString());
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(2);
    expectEachResponseOnce(desk);
  });

  it('radicates a response delivered twice only once, with one acknowledgement', () => {
    const desk = new Desk();
    const result = desk.submit(citizen(), AT, { deliveredTwice: true });
    expect(result.runs).toHaveLength(2);
    expect(result.runs.map((r) => r.error)).toEqual([null, null]);
    const cases = desk.casesFor(result.responseId);
    expect(cases).toHaveLength(1);
    expect(acks(desk, cases[0].radicado)).toHaveLength(1);
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    // A later sweep adds no case and no acknowledgement; it sends the assignee's notice once.
    desk.advance(2 * HOUR);
    expect(desk.casesFor(result.responseId)).toHaveLength(1);
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    expect(desk.mailTo(CLERK)).toHaveLength(1);
  });

  it('ignores a blank form-submit event (no response) and leaves the sheet alone', () => {
    const desk = new Desk();
    const trigger = desk.entity.triggers.list().find((t) => t.eventType === 'ON_FORM_SUBMIT')!;
    const run = desk.ws.run({
      entity: desk.name,
      fn: trigger.handler,
      kind: 'trigger',
      triggerOwner: trigger.owner,
      args: [{ authMode: 'FULL', triggerUid: trigger.uid }],
    });
    expect(run.error).toBeNull();
    expect(desk.cases()).toEqual([]);
    expect(desk.ws.mail.sent).toEqual([]);
  });

  it('defers on a lock time-out, then the sweep radicates it once with its original time', () => {
    const desk = new Desk();
    const history = desk.history().length;
    const result = desk.submit(citizen(), AT, { lockHeldForMs: 60_000 });
    const [run] = result.runs;
    expect(run.error).toBeNull();
    expect(run.value).toEqual(expect.objectContaining({ status: 'deferred' }));
    // Nothing written, and the deferral is visible in the execution log.
    expect(desk.rowsOf(result.responseId)).toEqual([]);
    expect(desk.outbox()).toEqual([]);
    expect(desk.history()).toHaveLength(history);
    expect(desk.ws.mail.sent).toEqual([]);
    expect(run.record.logs.some((l) => l.includes(desk.keyOf(result.responseId)))).toBe(true);
    desk.advance(HOUR); // the next hourly sweep
    const cases = desk.casesFor(result.responseId);
    expect(cases).toHaveLength(1);
    // No number was spent on the failed attempt.
    expect(cases[0].radicado).toBe('2026-000001');
    expect(cases[0].receivedAt).toBe(new Date(AT).toISOString());
    expect(cases[0].channel).toBe('formulario');
    const [ack] = desk.mailTo(CITIZEN_EMAIL);
    expect(ack.body).toContain('03/02/2026 10:00');
    desk.advance(2 * HOUR);
    expect(desk.casesFor(result.responseId)).toHaveLength(1);
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    expectEachResponseOnce(desk);
  });

  it('radicates with the mail quota at zero, keeps the mail pending, and sends it once later', () => {
    const desk = new Desk();
    const result = desk.submit(citizen(), AT, { mailQuotaExhausted: true });
    const [record] = desk.casesFor(result.responseId);
    expect(record.radicado).toBe('2026-000001');
    expect(desk.ws.mail.sent).toEqual([]);
    const [pending] = acks(desk, record.radicado);
    expect(pending.status).toBe('pendiente');
    expect(pending.lastError).toBe('MAIL_QUOTA_EXHAUSTED');
    // The outbox sheet names the citizen masked; the address comes from the data store at send.
    expect(pending.to).toBe('m•••@example.com');
    // Hourly sweeps while the quota is still spent send nothing.
    desk.advance(20 * HOUR);
    expect(desk.mailTo(CITIZEN_EMAIL)).toEqual([]);
    // The quota resets 24 hours after its window opened; the next sweep sends it.
    desk.advance(6 * HOUR);
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    expect(desk.mailTo(CITIZEN_EMAIL)[0].subject).toContain('2026-000001');
    expect(acks(desk, record.radicado).map((m) => m.status)).toEqual(['enviado']);
    // The assignee's notice, once (their daily digest is another mail).
    expect(desk.mailTo(CLERK).filter((m) => /Caso asignado/.test(m.subject))).toHaveLength(1);
    desk.advance(3 * HOUR);
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    expect(desk.casesFor(result.responseId)).toHaveLength(1);
  });

  it('radicates a response whose trigger never fired at the next sweep; a second sweep changes nothing', () => {
    const desk = new Desk();
    const result = desk.submit(citizen(), AT, { triggerNotFired: true });
    expect(result.runs).toEqual([]);
    expect(desk.rowsOf(result.responseId)).toEqual([]);
    desk.advance(HOUR);
    const cases = desk.casesFor(result.responseId);
    expect(cases).toHaveLength(1);
    expect(cases[0].radicado).toBe('2026-000001');
    expect(cases[0].receivedAt).toBe(new Date(AT).toISOString());
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    const before = {
      cases: desk.model.getDisplayGrid('Radicados'),
      outbox: desk.model.getDisplayGrid('Bandeja de salida'),
      history: desk.history().length,
      mails: desk.ws.mail.sent.length,
      counter: desk.entity.properties.snapshot(),
    };
    const again = desk.runSweepTrigger();
    expect(again.error).toBeNull();
    expect({
      cases: desk.model.getDisplayGrid('Radicados'),
      outbox: desk.model.getDisplayGrid('Bandeja de salida'),
      history: desk.history().length,
      mails: desk.ws.mail.sent.length,
      counter: desk.entity.properties.snapshot(),
    }).toEqual(before);
    expectEachResponseOnce(desk);
  });
});
