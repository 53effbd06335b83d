import { actOnCase } from '../../src/app/act-on-case';
import { RECONCILE_OVERLAP_MS, runSweep } from '../../src/app/sweep';
import { radicateSubmission } from '../../src/app/intake';
import { caseSnapshot, lineHash, restoreSnapshot } from '../../src/core/cases/case-seal';
import { keyFromDetails } from '../../src/core/cases/radication-lines';
import type { RawAnswers } from '../../src/core/intake/normalize-submission';
import { FORM_ENTRIES_KEY } from '../../src/core/intake/prefilled-url';
import {
  filingKey,
  FILING_PREFIX,
  MAIL_PREFIX,
  ROWS_KEY,
  type FilingEntry,
  type RowAnchors,
} from '../../src/core/state/entity-state';
import {
  currentVersion,
  ENTRY_MAP,
  makeDeps,
  nextExecution,
  QUEJA,
  QUOTA_ERROR,
  SECRET,
  setUpStore,
  submitForm,
  type TestDeps,
} from '../fakes/in-memory';

const at = (iso: string): number => Date.parse(iso);
const monday = at('2026-07-06T08:15:00-05:00');

const answers = (subject: string): RawAnswers => ({ ...QUEJA, subject });
const file = (deps: TestDeps, subject: string, receivedAt = monday) =>
  submitForm(deps, answers(subject), receivedAt);

/** The sweep as its hourly trigger runs it: a new execution at `iso`. */
function sweepAt(deps: TestDeps, iso: string) {
  deps.clock.ms = at(iso);
  nextExecution(deps);
  return runSweep(deps);
}

const keysWith = (deps: TestDeps, prefix: string): string[] =>
  Object.keys(deps.store.data).filter((k) => k.startsWith(prefix));

describe('runSweep: an idle run', () => {
  it('only looks when nothing is due: no lock, no reads of cases, no writes', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    file(deps, 'b', monday + 60_000);
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const before = {
      acquired: deps.lock.acquired,
      reads: deps.store.reads,
      writes: deps.store.writes + deps.store.replaces,
      caseCalls: deps.cases.locates + deps.cases.fullReads,
      historyReads: deps.history.reads,
      formReads: deps.forms.readCalls + deps.forms.timestampCalls,
      quotaReads: deps.mailer.quotaReads,
    };
    const report = sweepAt(deps, '2026-07-06T11:00:00-05:00');
    expect(report).toMatchObject({
      idle: true,
      reconciled: [],
      journaled: 0,
      clocksUpdated: 0,
      mail: { sent: 0, deferred: 0, failed: 0 },
      failures: [],
    });
    expect(deps.lock.acquired).toBe(before.acquired);
    expect(deps.store.reads).toBe(before.reads + 1);
    expect(deps.store.writes + deps.store.replaces).toBe(before.writes);
    expect(deps.cases.locates + deps.cases.fullReads).toBe(before.caseCalls);
    expect(deps.history.reads).toBe(before.historyReads);
    // The number of responses costs no call on a response.
    expect(deps.forms.readCalls + deps.forms.timestampCalls).toBe(before.formReads);
    expect(deps.mailer.quotaReads).toBe(before.quotaReads);
  });

  it('is not idle on a new local day: the daily pass is due', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(sweepAt(deps, '2026-07-07T07:00:00-05:00').idle).toBe(false);
  });
});

describe('runSweep: reconciliation', () => {
  it('radicates a response whose trigger never ran, with its own time of receipt, once', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    const missed = submitForm(deps, answers('b'), at('2026-07-06T09:00:00-05:00'), false);
    const first = sweepAt(deps, '2026-07-06T12:00:00-05:00');
    expect(first.reconciled).toEqual(['2026-000002']);
    expect(deps.cases.at(3)).toMatchObject({
      radicado: '2026-000002',
      receivedAt: '2026-07-06T14:00:00.000Z',
      responseId: missed.key,
      subject: 'b',
    });
    // Its radication was folded into the Historial in the same run.
    expect(deps.history.of('2026-000002').map((l) => l.event)).toEqual(['radicado', 'asignado']);
    expect(deps.history.of('2026-000002')[0].by).toBe('revisión periódica');
    const second = sweepAt(deps, '2026-07-06T13:00:00-05:00');
    expect(second.reconciled).toEqual([]);
    expect(deps.cases.rows).toHaveLength(2);
  });

  it('reads the answers only of responses at a timestamp with more responses than filings', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    file(deps, 'b', monday + 60_000);
    submitForm(deps, answers('c'), monday + 120_000, false);
    sweepAt(deps, '2026-07-06T12:00:00-05:00');
    expect(deps.forms.readCalls).toBe(1);
  });

  it('looks back from its checkpoint instead of rereading every response', () => {
    const { deps } = makeDeps();
    submitForm(deps, answers('a'), monday, false);
    sweepAt(deps, '2026-07-06T12:00:00-05:00');
    file(deps, 'b', at('2026-07-06T12:30:00-05:00'));
    sweepAt(deps, '2026-07-06T13:00:00-05:00');
    expect(deps.forms.asked[0]).toBeNull();
    expect(deps.forms.asked[1]).toBe(monday - RECONCILE_OVERLAP_MS);
    // Every response in the window is now a known filing: the checkpoint moves to the last one.
    expect(deps.store.record()!.checkpoint).toBe(at('2026-07-06T12:30:00-05:00'));
  });

  it('does not move the checkpoint past a response it had to defer', () => {
    const { deps } = makeDeps();
    submitForm(deps, answers('a'), monday, false);
    deps.lock.available = false;
    const report = sweepAt(deps, '2026-07-06T12:00:00-05:00');
    expect(report.deferred).toBe(1);
    expect(report.failures).toEqual([
      'bloqueo: otra ejecución lo tiene; se reintenta en la próxima revisión',
    ]);
    expect(deps.store.record()!.checkpoint).toBeNull();
    deps.lock.available = true;
    expect(sweepAt(deps, '2026-07-06T13:00:00-05:00').reconciled).toEqual(['2026-000001']);
    expect(deps.store.record()!.checkpoint).toBe(monday);
  });

  it('asks setup to relearn the form when the entry map was lost, then radicates', () => {
    const store = setUpStore();
    delete store[FORM_ENTRIES_KEY];
    const { deps } = makeDeps({ store });
    submitForm(deps, answers('a'), monday, false);
    let repairs = 0;
    const report = runSweep({
      ...deps,
      repairForm: () => {
        repairs += 1;
        deps.store.write({ [FORM_ENTRIES_KEY]: JSON.stringify(ENTRY_MAP) });
      },
    });
    expect(repairs).toBe(1);
    expect(report.reconciled).toEqual(['2026-000001']);
  });
});

describe('runSweep: folding filings into the Historial', () => {
  it('appends the lines of every unjournaled filing in one write and marks them journaled', () => {
    const { deps } = makeDeps();
    const a = file(deps, 'a');
    const b = file(deps, 'b', monday + 60_000);
    expect(deps.history.lines).toHaveLength(0);
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.journaled).toBe(2);
    expect(deps.history.appendCalls).toBeGreaterThanOrEqual(1);
    expect(deps.history.lines.map((l) => [l.radicado, l.event])).toEqual([
      ['2026-000001', 'radicado'],
      ['2026-000001', 'asignado'],
      ['2026-000002', 'radicado'],
      ['2026-000002', 'asignado'],
    ]);
    expect(keyFromDetails(deps.history.lines[0].details)).toBe(a.key);
    for (const key of [a.key, b.key])
      expect(deps.store.json<FilingEntry>(filingKey(key)).journaled).toBe(true);
    // Each line verifies, and the chain of each case ends at its row's head.
    for (const line of deps.history.lines) expect(line.hash).toBe(lineHash(SECRET, line));
    expect(deps.cases.at(2).chainHead).toBe(deps.history.lines[1].hash);
    expect(deps.history.lines[1].prev).toBe(deps.history.lines[0].hash);
  });

  it('records with the radication the row as written, as a snapshot its seal verifies', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const [radication, last] = deps.history.lines;
    expect(radication.after ?? '').toBe('');
    // The snapshot rides on the radication's last line: the row's chain head at that moment.
    const restored = restoreSnapshot(SECRET, last.after!);
    expect(restored).toEqual({ ...deps.cases.at(2), businessDaysLeft: 15 });
    expect(restored!.chainHead).toBe(last.hash);
    // A snapshot edited by hand (or read with another secret) is refused.
    const forged = last.after!.replace('"status":"radicado"', '"status":"respondido"');
    expect(forged).not.toBe(last.after);
    expect(restoreSnapshot(SECRET, forged)).toBeNull();
    expect(restoreSnapshot('otro secreto', last.after!)).toBeNull();
  });

  it('says in the Historial that a burnt number was not used, once the filing is radicated again', () => {
    const { deps } = makeDeps();
    deps.cases.failNextAppend = new Error('Service Spreadsheets timed out');
    expect(() => file(deps, 'a')).toThrow('timed out');
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.reconciled).toEqual(['2026-000002']);
    const burnt = deps.history.of('2026-000001');
    expect(burnt.map((l) => l.event)).toEqual(['numero_no_utilizado']);
    expect(burnt[0].details).toContain('Service Spreadsheets timed out');
    expect(burnt[0].after ?? '').toBe('');
    expect(deps.history.of('2026-000002').map((l) => l.event)).toEqual(['radicado', 'asignado']);
    for (const line of deps.history.lines) expect(line.hash).toBe(lineHash(SECRET, line));
    // Said once: the next sweep does not write it again.
    sweepAt(deps, '2026-07-06T11:00:00-05:00');
    expect(deps.history.of('2026-000001')).toHaveLength(1);
  });

  it('rebuilds from the form response a row edited before its radication was folded in', () => {
    const { deps } = makeDeps();
    const a = file(deps, 'a');
    const radicated = deps.cases.at(2);
    deps.cases.editByHand(2, { assignee: 'otro@x.gov.co', status: 'respondido' });
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    // The row is the case as radicated again, and says so in the Historial.
    const row = deps.cases.at(2);
    expect(row.assignee).toBe(radicated.assignee);
    expect(row.status).toBe('radicado');
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true });
    expect(report.restored).toEqual(['2026-000001']);
    const lines = deps.history.of('2026-000001');
    expect(lines.map((l) => l.event)).toEqual(['radicado', 'asignado', 'restaurado']);
    expect(keyFromDetails(lines[0].details)).toBe(a.key);
    expect(lines[1].hash).toBe(radicated.chainHead);
    expect(lines[2].prev).toBe(lines[1].hash);
    expect(row.chainHead).toBe(lines[2].hash);
  });

  it('records what the state knows when a verbal filing was edited before it was folded in', () => {
    const { deps } = makeDeps();
    radicateSubmission(deps, {
      key: 'verbal:v1',
      receivedAt: monday,
      answers: answers('v'),
      channel: 'presencial',
      by: 'clerk@x.gov.co',
    });
    nextExecution(deps);
    deps.cases.editByHand(2, { assignee: 'otro@x.gov.co' });
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const [line] = deps.history.of('2026-000001');
    expect(line).toMatchObject({ event: 'radicado', prev: '' });
    expect(line.details).toContain('la fila no estaba intacta');
    expect(line.after ?? '').toBe('');
    // No form response to rebuild it from, nothing verifiable to restore: the pass reports it.
    expect(report.restored).toEqual([]);
    expect(report.integrity.join('\n')).toContain('2026-000001');
  });

  // Regression (src/app/sweep.ts, journal), once a bug: the filings are marked journaled in the state changes
  // before `history.append` runs; when the append throws, the phase's failure is caught and the
  // changes are committed anyway, so the lines never reach the Historial.
  it('keeps filings unjournaled when the Historial cannot be written, and folds them in later', () => {
    const { deps } = makeDeps();
    const a = file(deps, 'a');
    deps.history.failNext = new Error('Historial protegido');
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.failures.join('\n')).toContain('Historial protegido');
    expect(report.mail.sent).toBe(1); // the other phases still ran
    expect(deps.store.json<FilingEntry>(filingKey(a.key)).journaled).toBe(false);
    sweepAt(deps, '2026-07-06T11:00:00-05:00');
    expect(deps.history.of('2026-000001').map((l) => l.event)).toEqual(['radicado', 'asignado']);
  });
});

describe('runSweep: mail', () => {
  /** One filing made while the day's quota was spent: both its mails wait in the state. */
  function withPendingMail(settings = {}) {
    const made = makeDeps({ settings });
    made.deps.mailer.quota = 0;
    file(made.deps, 'a');
    made.deps.mailer.quota = 100;
    return made;
  }

  it('sends pending mail within quota, records it in the outbox sheet, and drops it from the state', () => {
    const { deps } = withPendingMail({ followUpUrl: 'https://script.google.com/macros/s/x/exec' });
    // The refused acknowledgement waits in its own entry; the notice rides on the filing.
    expect(keysWith(deps, MAIL_PREFIX)).toEqual(['m.acuse:2026-000001']);
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.mail).toEqual({ sent: 2, deferred: 0, failed: 0 });
    expect(deps.mailer.sent.map((m) => [m.kind, m.to])).toEqual([
      ['acuse', 'ana@example.com'],
      ['asignacion', 'clerk@x.gov.co'],
    ]);
    const [ack, notice] = deps.mailer.sent;
    expect(ack.body).toContain('2026-000001');
    expect(ack.body).toContain('06/07/2026 08:15');
    expect(ack.body).toContain('https://script.google.com/macros/s/x/exec?r=2026-000001&t=');
    expect(notice.body).toContain('29/07/2026');
    expect(deps.outboxLog.byKey.get('acuse:2026-000001')).toMatchObject({
      status: 'enviado',
      attempts: 1,
      sentAt: '2026-07-06T15:00:00.000Z',
    });
    expect(deps.outboxLog.byKey.get('asignacion:2026-000001:clerk@x.gov.co')).toMatchObject({
      status: 'enviado',
    });
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([]);
  });

  it('records an acknowledgement intake already sent, without sending it again', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(deps.mailer.sent.map((m) => m.kind)).toEqual(['acuse', 'asignacion']);
    expect(deps.outboxLog.byKey.get('acuse:2026-000001')).toMatchObject({ status: 'enviado' });
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([]);
  });

  it('leaves mail pending when the quota is spent, without trying to send', () => {
    const { deps } = withPendingMail();
    deps.mailer.quota = 0;
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.mail).toEqual({ sent: 0, deferred: 2, failed: 0 });
    expect(deps.mailer.sent).toHaveLength(0);
    const ack = deps.store.json<{ status: string; lastError: string; recorded: boolean }>(
      `${MAIL_PREFIX}acuse:2026-000001`,
    );
    expect(ack).toMatchObject({
      status: 'pendiente',
      lastError: 'MAIL_QUOTA_EXHAUSTED',
      recorded: true,
    });
    expect(deps.outboxLog.byKey.get('acuse:2026-000001')).toMatchObject({ status: 'pendiente' });
    // The next day's quota sends them.
    deps.mailer.quota = 100;
    expect(sweepAt(deps, '2026-07-07T07:00:00-05:00').mail.sent).toBe(2);
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([]);
  });

  it('sends what the quota allows and stops at MailApp’s quota error', () => {
    const { deps } = withPendingMail();
    deps.mailer.quota = 1;
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.mail).toEqual({ sent: 1, deferred: 1, failed: 0 });
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([
      `${MAIL_PREFIX}asignacion:2026-000001:clerk@x.gov.co`,
    ]);
    deps.mailer.quota = 5;
    deps.mailer.failWith = QUOTA_ERROR; // the counter said 5, MailApp disagrees
    expect(sweepAt(deps, '2026-07-06T11:00:00-05:00').mail).toEqual({
      sent: 0,
      deferred: 1,
      failed: 0,
    });
    expect(keysWith(deps, MAIL_PREFIX)).toHaveLength(1);
  });

  it('sends a backlog in chunks, releasing the lock between them and saving after each', () => {
    const { deps } = makeDeps();
    deps.mailer.quota = 0;
    for (let k = 0; k < 25; k += 1) file(deps, `s${k}`, monday + k * 60_000);
    deps.mailer.quota = 1000;
    const before = deps.lock.acquired;
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    // 25 refused acknowledgements and 25 assignment notices: 50 mails, in chunks of 20.
    expect(report.mail).toEqual({ sent: 50, deferred: 0, failed: 0 });
    expect(deps.mailer.sent).toHaveLength(50);
    // The main pass, then three chunks (20 + 20 + 10), each its own hold of the lock.
    expect(deps.lock.acquired - before).toBe(4);
    expect(deps.lock.released).toBe(deps.lock.acquired);
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([]);
  });

  it('gives up on an address MailApp refuses, and records it as failed', () => {
    const { deps } = withPendingMail();
    deps.mailer.failFor.set('ana@example.com', 'Invalid email: ana@example.com');
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.mail).toEqual({ sent: 1, deferred: 0, failed: 1 });
    // The outbox sheet is read by every clerk: the address MailApp quotes is masked there.
    expect(deps.outboxLog.byKey.get('acuse:2026-000001')).toMatchObject({
      status: 'fallido',
      attempts: 1,
      lastError: 'Invalid email: a•••@example.com',
    });
    expect(keysWith(deps, MAIL_PREFIX)).toEqual([]);
    // The case shows it, so staff reach the citizen another way, and the Historial says so,
    // naming the address masked: the Historial keeps its lines forever (Ley 1581).
    const row = deps.cases.at(2);
    expect(row.alerts.some((a) => a.includes('a•••@example.com') && a.includes('rechazado'))).toBe(
      true,
    );
    expect(JSON.stringify(deps.history.lines)).not.toContain('ana@example.com');
    const lines = deps.history.of('2026-000001');
    expect(lines[lines.length - 1].event).toBe('correo_rechazado');
    expect(lines[lines.length - 1].prev).toBe(lines[lines.length - 2].hash);
    expect(row.chainHead).toBe(lines[lines.length - 1].hash);
  });

  it('does not start a send with too little time left', () => {
    const { deps } = withPendingMail();
    deps.clock.remaining = 80_000;
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    // Held back for lack of time, with quota left: a continuation of the review will send it.
    expect(report.mail).toEqual({ sent: 0, deferred: 2, failed: 0, unfinished: true });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  // Regression (src/app/sweep.ts, deliver), once a bug: mail is sent before anything is written; when recording
  // in `Bandeja de salida` throws, the new statuses are never put in the state changes, so every
  // mail just sent is still 'pendiente' and is sent again by the next sweep.
  it('does not send a mail twice when the outbox sheet cannot be written', () => {
    const { deps } = withPendingMail();
    const record = deps.outboxLog.record.bind(deps.outboxLog);
    let failures = 1;
    deps.outboxLog.record = (entries) => {
      if (failures-- > 0) throw new Error('Bandeja de salida protegida');
      record(entries);
    };
    const first = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(first.failures.join('\n')).toContain('Bandeja de salida protegida');
    expect(deps.mailer.sent).toHaveLength(2);
    sweepAt(deps, '2026-07-06T11:00:00-05:00');
    expect(deps.mailer.sent).toHaveLength(2);
  });
});

describe('runSweep: the daily pass', () => {
  it('refreshes business days left as days pass, once a local day', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    expect(deps.cases.at(2).businessDaysLeft).toBe(15);
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const report = sweepAt(deps, '2026-07-08T09:00:00-05:00');
    expect(report.clocksUpdated).toBe(1);
    expect(deps.cases.at(2)).toMatchObject({ businessDaysLeft: 13, dueDate: '2026-07-29' });
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true });
    const reads = deps.cases.fullReads;
    expect(sweepAt(deps, '2026-07-08T15:00:00-05:00').idle).toBe(true);
    expect(deps.cases.fullReads).toBe(reads); // same local day: no second full read
  });

  it('leaves closed cases’ clocks alone', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    actOnCase(deps, {
      radicado: '2026-000001',
      version: currentVersion(deps, '2026-000001'),
      action: { kind: 'answer', summary: 'Respondido' },
      by: 'clerk@x.gov.co',
    });
    expect(sweepAt(deps, '2026-07-10T09:00:00-05:00').clocksUpdated).toBe(0);
  });

  it('rebuilds the row anchors and starts counting appends again', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    file(deps, 'b', monday + 60_000);
    file(deps, 'c', monday + 120_000);
    expect(deps.store.record()!.appends).toBe(3);
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(deps.store.json<RowAnchors>(ROWS_KEY)).toEqual({
      runs: [{ row: 2, year: 2026, number: 1, count: 3 }],
      tailRow: 4,
    });
    expect(deps.store.record()).toMatchObject({ appends: 0, dailyOn: '2026-07-06' });
  });

  it('leaves the clocks for the next sweep when the lock is busy, so no clerk act is overwritten', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    deps.lock.available = false;
    expect(sweepAt(deps, '2026-07-08T09:00:00-05:00').clocksUpdated).toBe(0);
    expect(deps.cases.at(2).businessDaysLeft).toBe(15);
    deps.lock.available = true;
    expect(sweepAt(deps, '2026-07-08T10:00:00-05:00').clocksUpdated).toBe(1);
    expect(deps.lock.released).toBe(deps.lock.acquired);
  });

  it('prunes a verbal filing a day after it was folded in, keeping the rest of the store', () => {
    const { deps } = makeDeps();
    radicateSubmission(deps, {
      key: 'verbal:v1',
      receivedAt: monday,
      answers: answers('v'),
      channel: 'presencial',
      by: 'clerk@x.gov.co',
    });
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(keysWith(deps, FILING_PREFIX)).toEqual([filingKey('verbal:v1')]);
    const replaces = deps.store.replaces;
    sweepAt(deps, '2026-07-07T09:00:00-05:00');
    expect(deps.store.replaces).toBe(replaces + 1);
    expect(keysWith(deps, FILING_PREFIX)).toEqual([]);
    expect(deps.store.data[FORM_ENTRIES_KEY]).toBe(JSON.stringify(ENTRY_MAP));
    expect(deps.store.record()).toMatchObject({ secret: SECRET, counters: { '2026': 1 } });
  });

  it('prunes form filings older than the window of the reconciliation checkpoint', () => {
    const { deps } = makeDeps();
    const a = file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const c = submitForm(deps, answers('c'), at('2026-07-08T08:00:00-05:00'), false);
    expect(sweepAt(deps, '2026-07-08T09:00:00-05:00').reconciled).toEqual(['2026-000002']);
    expect(deps.store.record()!.checkpoint).toBe(at('2026-07-08T08:00:00-05:00'));
    expect(deps.store.data[filingKey(a.key)]).toBeUndefined();
    expect(keysWith(deps, FILING_PREFIX)).toEqual([filingKey(c.key)]);
    // The pruned response is not radicated again: it is older than the window now asked for.
    expect(sweepAt(deps, '2026-07-09T09:00:00-05:00').reconciled).toEqual([]);
    expect(deps.cases.rows).toHaveLength(2);
  });

  // Regression (src/app/sweep.ts, runSweep), once a bug: the checkpoint moves only when the counts differ and
  // `reconcile` runs. When every form-submit trigger works, it never moves, so no form filing is
  // ever pruned (formCutoff is -Infinity, or stuck at an old checkpoint) and the store grows by
  // one `f.<key>` entry, with its journal lines, per filing until the 500 KB properties quota.
  it('prunes form filings its triggers radicated once a sweep has seen them', () => {
    const { deps } = makeDeps();
    const a = file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    const c = file(deps, 'c', at('2026-07-08T08:00:00-05:00'));
    sweepAt(deps, '2026-07-08T09:00:00-05:00');
    sweepAt(deps, '2026-07-09T09:00:00-05:00');
    expect(deps.store.data[filingKey(a.key)]).toBeUndefined();
    expect(keysWith(deps, FILING_PREFIX)).toEqual([filingKey(c.key)]);
  });
});

describe('runSweep: integrity', () => {
  /** One case, radicated and folded into the Historial on Monday. */
  function journaled() {
    const made = makeDeps();
    file(made.deps, 'a');
    sweepAt(made.deps, '2026-07-06T10:00:00-05:00');
    made.deps.mailer.sent.length = 0;
    return made;
  }

  it('finds nothing to report on sheets only the add-on wrote', () => {
    const { deps } = journaled();
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report).toMatchObject({ restored: [], integrity: [], failures: [] });
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it('restores a row edited by hand from its Historial snapshot, with a line saying so', () => {
    const { deps } = journaled();
    const original = deps.cases.at(2);
    const headBefore = original.chainHead;
    deps.cases.editByHand(2, { status: 'respondido', assignee: 'otro@x.gov.co' });
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.restored).toEqual(['2026-000001']);
    expect(report.integrity).toEqual([]);
    const row = deps.cases.at(2);
    expect(row).toMatchObject({ status: 'radicado', assignee: 'clerk@x.gov.co' });
    const line = deps.history.lines[deps.history.lines.length - 1];
    expect(line).toMatchObject({
      radicado: '2026-000001',
      event: 'restaurado',
      by: 'revisión periódica',
      prev: headBefore,
    });
    expect(line.hash).toBe(lineHash(SECRET, line));
    expect(row.chainHead).toBe(line.hash);
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true });
    // The restoration is itself verifiable the next day.
    expect(sweepAt(deps, '2026-07-08T07:00:00-05:00')).toMatchObject({
      restored: [],
      integrity: [],
    });
  });

  it('restores a row whose events cell was overwritten', () => {
    const { deps } = journaled();
    deps.cases.corruptEvents(2);
    expect(sweepAt(deps, '2026-07-07T07:00:00-05:00').restored).toEqual(['2026-000001']);
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ readable: true, sealOk: true });
  });

  it('appends again a case whose row was deleted by hand', () => {
    const { deps } = journaled();
    file(deps, 'b', monday + 60_000);
    sweepAt(deps, '2026-07-06T11:00:00-05:00');
    deps.cases.deleteByHand(2);
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.restored).toEqual(['2026-000001']);
    expect(deps.cases.rows.map((r) => r!.record.radicado)).toEqual(['2026-000002', '2026-000001']);
    expect(deps.cases.locate('2026-000001', 3)).toMatchObject({ sealOk: true });
    // The anchors follow the rows as they are now.
    expect(deps.store.json<RowAnchors>(ROWS_KEY)).toEqual({
      runs: [
        { row: 2, year: 2026, number: 2, count: 1 },
        { row: 3, year: 2026, number: 1, count: 1 },
      ],
      tailRow: 3,
    });
  });

  it('reports a Historial line altered by hand', () => {
    const { deps } = journaled();
    deps.history.lines[1] = { ...deps.history.lines[1], details: 'Asignado a nadie' };
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.integrity).toHaveLength(1);
    expect(report.integrity[0]).toContain('fila 3');
    expect(report.integrity[0]).toContain('2026-000001');
  });

  it('reports a Historial line deleted by hand', () => {
    const { deps } = journaled();
    deps.history.lines.splice(0, 1);
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.integrity.join('\n')).toContain('2026-000001');
  });

  it('mails the supervisors what it restored and what it found', () => {
    const { deps } = journaled();
    deps.cases.editByHand(2, { subject: 'Otro asunto' });
    deps.history.lines[0] = { ...deps.history.lines[0], by: 'alguien@x.gov.co' };
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.restored).toEqual(['2026-000001']);
    expect(report.integrity).toHaveLength(1);
    const alert = deps.mailer.sent.find((m) => m.kind === 'notificacion');
    expect(alert).toMatchObject({ to: 'boss@x.gov.co' });
    expect(alert!.subject).toContain('2 hallazgos');
    expect(alert!.body).toContain('2026-000001: restaurado desde el Historial.');
    expect(alert!.body).toContain(report.integrity[0]);
    expect([...deps.outboxLog.byKey.values()].some((e) => e.kind === 'notificacion')).toBe(true);
  });

  it('keeps the alert pending when there is no quota left', () => {
    const { deps } = journaled();
    deps.cases.editByHand(2, { subject: 'Otro asunto' });
    deps.mailer.quota = 0;
    sweepAt(deps, '2026-07-07T07:00:00-05:00');
    const [key] = keysWith(deps, MAIL_PREFIX);
    expect(deps.store.json(key)).toMatchObject({
      kind: 'notificacion',
      to: 'boss@x.gov.co',
      status: 'pendiente',
    });
  });

  it('does not report a burnt number as a deleted row', () => {
    const { deps } = makeDeps();
    deps.cases.failNextAppend = new Error('Service Spreadsheets timed out');
    expect(() => file(deps, 'a')).toThrow('timed out');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(deps.cases.rows.map((r) => r!.record.radicado)).toEqual(['2026-000002']);
    const report = sweepAt(deps, '2026-07-07T07:00:00-05:00');
    expect(report.integrity).toEqual([]);
    expect(deps.mailer.sent.some((m) => m.kind === 'notificacion')).toBe(false);
  });

  // Regression (src/app/act-on-case.ts with sweep.ts journal), once a bug: an act taken before the sweep folds
  // the radication in is appended to the Historial first, chained after the radication's head;
  // the radication lines come after it, from '' again, so the daily pass reports both the act's
  // line and the radication's first line as "alterada, borrada o insertada a mano".
  it('raises no alarm for a case acted on before its radication was folded in', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    deps.clock.ms = at('2026-07-06T09:30:00-05:00');
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        version: currentVersion(deps, '2026-000001'),
        action: { kind: 'reclassify', type: 'peticion_documentos' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true });
    const report = sweepAt(deps, '2026-07-06T10:00:00-05:00');
    expect(report.integrity).toEqual([]);
    expect(deps.mailer.sent.some((m) => m.kind === 'notificacion')).toBe(false);
  });

  /** Case 2026-000001 answered on Monday afternoon, then its subject typed over by hand. */
  function answeredThenEdited() {
    const made = journaled();
    const { deps } = made;
    deps.clock.ms = at('2026-07-06T15:00:00-05:00');
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        version: currentVersion(deps, '2026-000001'),
        action: { kind: 'answer', summary: 'Respuesta enviada' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true });
    const answered = deps.cases.at(2);
    deps.cases.editByHand(2, { subject: 'Otro asunto' });
    return { ...made, answered };
  }

  // Regression (src/app/act-on-case.ts with sweep.ts verifyIntegrity), once a bug: an act's Historial line has
  // no snapshot (`after`), so a row edited by hand after an act is restored from the radication's
  // snapshot: the act (here the answer) is undone.
  it('restores a row edited after an act to its state after the act', () => {
    const { deps, answered } = answeredThenEdited();
    expect(sweepAt(deps, '2026-07-07T07:00:00-05:00').restored).toEqual(['2026-000001']);
    expect(deps.cases.at(2)).toMatchObject({
      status: 'respondido',
      answeredAt: answered.answeredAt,
      subject: 'a',
    });
  });

  // Regression (same cause), once a bug: the 'restaurado' line is chained to the snapshot's head (the
  // radication's last line), not to the act's line, the case's real head; the next daily pass
  // reports the sweep's own line as "alterada, borrada o insertada a mano".
  it('chains the restoration after the case’s last Historial line', () => {
    const { deps } = answeredThenEdited();
    const actLine = deps.history.lines[deps.history.lines.length - 1];
    expect(actLine.event).toBe('respuesta');
    sweepAt(deps, '2026-07-07T07:00:00-05:00');
    const restoration = deps.history.lines[deps.history.lines.length - 1];
    expect(restoration.event).toBe('restaurado');
    expect(restoration.prev).toBe(actLine.hash);
    expect(sweepAt(deps, '2026-07-08T07:00:00-05:00').integrity).toEqual([]);
  });
});

describe('runSweep: a lost store', () => {
  // Regression (src/app/sweep.ts with the seal key of src/gas/compose.ts), once a bug: after a rebuild the sweep
  // reseals every row before it writes the rebuilt state, so the case store (whose seal key is the
  // secret of the state as stored) seals them with the empty secret; the state then gets the new
  // secret and every case is refused as CASE_TAMPERED.
  it('reseals every row with the new secret so cases can be acted on again', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    file(deps, 'b', monday + 60_000);
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    deps.store.data = {};
    sweepAt(deps, '2026-07-06T11:00:00-05:00');
    const state = deps.store.record()!;
    expect(state.secret).not.toBe(SECRET);
    expect(state.counters).toEqual({ '2026': 2 });
    expect(state.resealNeeded).toBeFalsy();
    nextExecution(deps);
    expect(deps.cases.all().map((c) => c.sealOk)).toEqual([true, true]);
    expect(
      actOnCase(deps, {
        radicado: '2026-000002',
        version: currentVersion(deps, '2026-000002'),
        action: { kind: 'answer', summary: 'R' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true });
  });

  it('numbers the next filing above every radicado found', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    sweepAt(deps, '2026-07-06T10:00:00-05:00');
    deps.store.data = { [FORM_ENTRIES_KEY]: JSON.stringify(ENTRY_MAP) };
    deps.cases.archived.push('2026-000040');
    nextExecution(deps);
    expect(file(deps, 'b', at('2026-07-06T10:30:00-05:00')).outcome).toMatchObject({
      radicado: '2026-000041',
    });
  });
});

describe('runSweep: the snapshot helper', () => {
  it('snapshots leave out the clerk’s notes', () => {
    const { deps } = makeDeps();
    file(deps, 'a');
    const record = { ...deps.cases.at(2), notes: 'nota privada' };
    expect(caseSnapshot(SECRET, record)).not.toContain('nota privada');
  });
});
