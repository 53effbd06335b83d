import { runSweep, RECONCILED_THROUGH_KEY } from '../../src/app/sweep';
import { radicateSubmission } from '../../src/app/intake';
import type { FormSource, FormSubmission } from '../../src/ports/form-source';
import { makeDeps } from '../fakes/in-memory';

const at = (iso: string) => Date.parse(iso);

function formWith(responses: FormSubmission[]): FormSource & { asked: Array<number | null> } {
  const asked: Array<number | null> = [];
  return {
    asked,
    responsesSince: (since) => {
      asked.push(since);
      return responses
        .filter((r) => since === null || r.receivedAt > since)
        .map((r) => ({ responseId: r.responseId, receivedAt: r.receivedAt, read: () => r }));
    },
  };
}

const response = (id: string, iso: string): FormSubmission => ({
  responseId: id,
  receivedAt: at(iso),
  answers: {
    type: 'Queja',
    email: 'ciudadano@example.com',
    subject: id,
    description: 'd',
    consent: ['x'],
  },
  missingQuestions: [],
});

function radicate(deps: ReturnType<typeof makeDeps>['deps'], submission: FormSubmission) {
  return radicateSubmission(deps, { ...submission, channel: 'formulario', by: 'formulario' });
}

/** Radicates `count` filings while the mail quota is spent, leaving their mail in the outbox. */
function queueUnsentFilings(deps: ReturnType<typeof makeDeps>['deps'], count: number): void {
  for (let i = 0; i < count; i += 1) radicate(deps, response(`r${i}`, '2026-07-06T08:00:00-05:00'));
}

describe('runSweep', () => {
  it('radicates responses whose trigger never ran, keeping the original receipt time, once', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T12:00:00-05:00') });
    const forms = formWith([
      response('a', '2026-07-06T08:00:00-05:00'),
      response('b', '2026-07-06T09:00:00-05:00'),
    ]);
    radicate(deps, response('a', '2026-07-06T08:00:00-05:00'));
    const first = runSweep({ ...deps, forms });
    expect(first.reconciled).toEqual(['2026-000002']);
    expect(deps.cases.rows.find((r) => r.responseId === 'b')?.receivedAt).toBe(
      '2026-07-06T14:00:00.000Z',
    );
    const second = runSweep({ ...deps, forms });
    expect(second.reconciled).toEqual([]);
    expect(deps.cases.rows).toHaveLength(2);
  });

  it('looks back from its checkpoint instead of rereading every response', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T12:00:00-05:00') });
    const forms = formWith([response('a', '2026-07-06T08:00:00-05:00')]);
    runSweep({ ...deps, forms });
    runSweep({ ...deps, forms });
    expect(forms.asked[0]).toBeNull();
    expect(forms.asked[1]).toBe(at('2026-07-06T08:00:00-05:00') - 6 * 60 * 60 * 1000);
    expect(deps.state.get(RECONCILED_THROUGH_KEY)).toBe(String(at('2026-07-06T08:00:00-05:00')));
  });

  it('does not move the checkpoint past a response it had to defer', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T12:00:00-05:00') });
    deps.lock.available = false;
    const report = runSweep({
      ...deps,
      forms: formWith([response('a', '2026-07-06T08:00:00-05:00')]),
    });
    expect(report.deferred).toBe(1);
    expect(deps.state.get(RECONCILED_THROUGH_KEY)).toBeNull();
  });

  it('refreshes business days left as days pass and sends what the outbox holds', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T09:00:00-05:00') });
    deps.mailer.quota = 0;
    radicate(deps, response('a', '2026-07-06T08:00:00-05:00'));
    expect(deps.cases.rows[0].businessDaysLeft).toBe(15);
    deps.clock.ms = at('2026-07-08T09:00:00-05:00');
    deps.mailer.quota = 10;
    const report = runSweep({ ...deps, forms: null });
    expect(report.clocksUpdated).toBe(1);
    expect(deps.cases.rows[0].businessDaysLeft).toBe(13); // 7 and 8 July have passed
    expect(report.mail.sent).toBe(2);
    const reads = deps.cases.reads;
    expect(runSweep({ ...deps, forms: null }).mail.sent).toBe(0);
    expect(deps.cases.reads).toBe(reads); // same local day: no second full read
  });

  it('leaves the clocks for the next sweep when the lock is busy, so no clerk act is overwritten', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T09:00:00-05:00') });
    radicate(deps, response('a', '2026-07-06T08:00:00-05:00'));
    deps.clock.ms = at('2026-07-08T09:00:00-05:00');
    deps.lock.available = false;
    expect(runSweep({ ...deps, forms: null }).clocksUpdated).toBe(0);
    expect(deps.cases.rows[0].businessDaysLeft).toBe(15);
    deps.lock.available = true;
    expect(runSweep({ ...deps, forms: null }).clocksUpdated).toBe(1);
    expect(deps.lock.released).toBe(deps.lock.acquired);
  });

  it('still sends mail when a malformed row breaks a case clock', () => {
    const { deps, logs } = makeDeps({ now: at('2026-07-06T09:00:00-05:00') });
    deps.mailer.quota = 0;
    radicate(deps, response('a', '2026-07-06T08:00:00-05:00'));
    deps.cases.rows[0] = { ...deps.cases.rows[0], receivedAt: '' }; // a clerk cleared the cell
    deps.clock.ms = at('2026-07-07T09:00:00-05:00');
    deps.mailer.quota = 10;
    const report = runSweep({ ...deps, forms: null });
    expect(report.mail.sent).toBe(2);
    expect(report.failures).toEqual([]);
    expect(logs.join('\n')).toContain('2026-000001');
  });

  it('sends a large outbox in chunks, each under the lock', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T09:00:00-05:00') });
    deps.mailer.quota = 0;
    queueUnsentFilings(deps, 25);
    deps.mailer.quota = 1000;
    const locksBefore = deps.lock.acquired;
    const report = runSweep({ ...deps, forms: null });
    expect(report.mail.sent).toBe(50);
    // One hold for the clocks, then ceil(50 / 20) holds for the mail.
    expect(deps.lock.acquired - locksBefore).toBe(1 + 3);
    expect(deps.lock.released).toBe(deps.lock.acquired);
  });

  it('tries a failing address once per sweep, not once per chunk', () => {
    const { deps } = makeDeps({ now: at('2026-07-06T09:00:00-05:00') });
    deps.mailer.quota = 0;
    queueUnsentFilings(deps, 25);
    deps.mailer.quota = 1000;
    deps.mailer.failWith = 'Invalid email';
    runSweep({ ...deps, forms: null });
    expect(new Set(deps.outbox.entries.map((e) => e.attempts))).toEqual(new Set([1]));
  });
});
