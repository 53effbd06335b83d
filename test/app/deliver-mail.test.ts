import { deliverMail, MAX_ATTEMPTS } from '../../src/app/deliver-mail';
import { FixedClock, MemoryMailer, MemoryOutbox } from '../fakes/in-memory';

const mail = (key: string) => ({
  key,
  radicado: '2026-000001',
  kind: 'acuse' as const,
  to: 'a@b.co',
  subject: 's',
  body: 'b',
  htmlBody: '<p>b</p>',
});
const log = { info: () => undefined, error: () => undefined };

describe('deliverMail', () => {
  it('sends within the quota and leaves the rest pending', () => {
    const outbox = new MemoryOutbox();
    const mailer = new MemoryMailer(1);
    const entries = outbox.enqueue([mail('a'), mail('b')], '2026-07-06T13:00:00.000Z');
    const report = deliverMail(entries, {
      mailer,
      outbox,
      log,
      clock: new FixedClock(Date.parse('2026-07-06T13:00:00Z')),
    });
    expect(report).toEqual({ sent: 1, deferred: 1, failed: 0 });
    expect(outbox.entries.map((e) => e.status)).toEqual(['enviado', 'pendiente']);
  });

  it('retries a failing send and gives up after the last attempt', () => {
    const outbox = new MemoryOutbox();
    const mailer = new MemoryMailer(100, 'Invalid email: a@b.co');
    outbox.enqueue([mail('a')], 'then');
    for (let i = 0; i < MAX_ATTEMPTS; i += 1)
      deliverMail(outbox.pending(), {
        mailer,
        outbox,
        log,
        clock: new FixedClock(Date.parse('2026-07-06T13:00:00Z')),
      });
    expect(outbox.entries[0]).toMatchObject({
      status: 'fallido',
      attempts: MAX_ATTEMPTS,
      lastError: 'Invalid email: a@b.co',
    });
    expect(outbox.pending()).toEqual([]);
  });

  it('asks for the quota only when there is something to send', () => {
    const mailer = new MemoryMailer();
    const spy = jest.spyOn(mailer, 'remainingDailyQuota');
    deliverMail([], {
      mailer,
      outbox: new MemoryOutbox(),
      log,
      clock: new FixedClock(Date.parse('2026-07-06T13:00:00Z')),
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('stops sending when the execution is about to run out of time, leaving the rest pending', () => {
    const outbox = new MemoryOutbox();
    const mailer = new MemoryMailer(100);
    const clock = new FixedClock(0);
    let left = 3;
    jest.spyOn(clock, 'remainingMs').mockImplementation(() => (left-- > 0 ? 200_000 : 10_000));
    outbox.enqueue([mail('a'), mail('b'), mail('c'), mail('d'), mail('e')], 'then');
    const report = deliverMail(outbox.pending(), { mailer, outbox, log, clock });
    expect(report).toEqual({ sent: 3, deferred: 2, failed: 0 });
    expect(outbox.pending().map((e) => e.key)).toEqual(['d', 'e']);
  });
});
