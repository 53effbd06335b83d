// The measured operations. Each runs real executions of the built bundle in the simulator and
// reports what that execution cost: its Apps Script service calls and simulated Apps Script time
// (from the execution records, so set-up and pre-fill never count), plus Node wall time.
import { performance } from 'node:perf_hooks';
import { bogotaDateOf } from '../../src/core/calendar/calendar-date';
import { formatRadicado, parseRadicado } from '../../src/core/radicado';
import type { ExecutionRecord, RunResult } from '../simulator/workspace';
import type { FieldCode } from '../../src/core/intake/form-definition';
import { formAnswers } from '../simulator/harness';
import { buildFormSubmitEvent } from '../simulator/services/form-events';
import { BENCH_ANSWERS, BENCH_CLERK, BENCH_ENTITY, type BenchDesk } from './bench-entity';
import { randomFrom, type BenchResult } from './clock-bench';
import type { PrefillReport } from './prefill';

export type { BenchResult } from './clock-bench';

/** A measurement and whatever went wrong while taking it (benchmarks report; they never fail). */
export interface BenchOutcome {
  readonly result: BenchResult;
  readonly problems: readonly string[];
}

export const INTAKE = 'intake.submission';
export const BURST = 'intake.burst';
export const SWEEP = 'sweep.run';
export const SWEEP_IDLE = 'sweep.idle';
export const ACT = 'rpc.act';
/** The desk's call right after an act: queue the act's notices and send them. */
export const NOTICES = 'rpc.notices';
export const CLOCK = 'clock.compute';
/** The semiannual PQRSD report over every pre-filled case (its period spans them all). */
export const REPORT = 'report.semestral';

/** Cases whose clock runs (a suspended one cannot be extended). */
const RUNNING = new Set(['radicado', 'en_tramite']);

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function averaged(
  name: string,
  size: number,
  measured: ReadonlyArray<{ record: ExecutionRecord; wallMs: number }>,
): BenchResult {
  return {
    name,
    size,
    calls: mean(measured.map((m) => m.record.totalCalls)),
    simulatedMs: mean(measured.map((m) => m.record.simulatedMs)),
    wallMs: mean(measured.map((m) => m.wallMs)),
  };
}

/** Per-run call counts should be equal: when they are not, say how they differ. */
function checkSteady(
  label: string,
  measured: ReadonlyArray<{ record: ExecutionRecord }>,
  problems: string[],
): void {
  const counts = measured.map((m) => m.record.totalCalls);
  if (new Set(counts).size > 1)
    problems.push(`${label}: calls differ between runs (${counts.join(', ')})`);
}

/** Fails loudly in the report when an unrelated execution (a due sweep) slipped in. */
function checkNoOtherExecutions(
  label: string,
  desk: BenchDesk,
  before: number,
  expected: number,
  problems: string[],
): void {
  const extra = desk.ws.executions.slice(before).length - expected;
  if (extra !== 0) {
    const names = desk.ws.executions.slice(before).map((e) => e.fn);
    problems.push(
      `${label}: ${extra} unexpected executions during measurement (${names.join(', ')})`,
    );
  }
}

function runError(run: RunResult): string | null {
  return run.error ? run.error.message : run.record.error;
}

/**
 * `intake.submission`: one citizen form submission, measured on the form-submit trigger's
 * execution. The first submission is a warm-up (the outbox is still empty then, and V8 is cold);
 * the next `repeats` are averaged. Checks that numbering continues after the pre-filled cases.
 */
export function measureIntake(
  desk: BenchDesk,
  prefill: PrefillReport,
  repeats: number,
): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${INTAKE} @ ${size}`;
  const problems: string[] = [];
  const { entity } = BENCH_ENTITY;
  const measured: Array<{ record: ExecutionRecord; wallMs: number }> = [];
  const before = desk.ws.executions.length;
  let previous: number | null = null;
  for (let k = 0; k <= repeats; k += 1) {
    const at = desk.ws.now; // never advance the clock: no time-driven trigger may fire
    const started = performance.now();
    const submitted = desk.harness.submit(desk.entity, BENCH_ANSWERS[k % BENCH_ANSWERS.length], at);
    const wallMs = performance.now() - started;
    if (submitted.runs.length !== 1) {
      problems.push(`${label}: ${submitted.runs.length} trigger executions for one submission`);
      continue;
    }
    const run = submitted.runs[0];
    const error = runError(run);
    const value = run.value as { status?: string; radicado?: string } | undefined;
    if (error || value?.status !== 'radicated') {
      problems.push(`${label}: submission not radicated (${error ?? JSON.stringify(value)})`);
      continue;
    }
    const year = Number(bogotaDateOf(at).slice(0, 4));
    const got: number = parseRadicado(value.radicado ?? '')?.number ?? NaN;
    const expected: number =
      previous === null ? (prefill.counters.get(year) ?? 0) + 1 : previous + 1;
    if (got !== expected) {
      const want = formatRadicado({
        prefix: entity.radicadoPrefix ? (entity.daneCode ?? '') : '',
        year,
        number: expected,
      });
      problems.push(`${label}: got radicado ${value.radicado}, expected ${want}`);
    }
    previous = got;
    if (k > 0) measured.push({ record: run.record, wallMs });
  }
  checkNoOtherExecutions(label, desk, before, repeats + 1, problems);
  checkSteady(label, measured, problems);
  return { result: averaged(INTAKE, size, measured), problems };
}

/** A day in the future of `date` (YYYY-MM-DD), calendar days. */
function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `rpc.act`: a clerk extends one case's term through the sidebar gateway
 * (`google.script.run.rpc`), seven calendar days past its due date (well inside the cap of twice
 * the initial term, CPACA art. 14 parágrafo), with the reason the law requires. Targets are the
 * most recent cases still running and not yet due; one warm-up, then `repeats` averaged.
 */
export function measureAct(desk: BenchDesk, prefill: PrefillReport, repeats: number): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${ACT} @ ${size}`;
  const problems: string[] = [];
  const today = bogotaDateOf(desk.ws.now);
  const targets = prefill.cases
    .filter((c) => RUNNING.has(c.status) && c.dueDate > today)
    .slice(-(repeats + 1));
  if (targets.length < repeats + 1)
    problems.push(`${label}: only ${targets.length} open cases to act on`);
  const measured: Array<{ record: ExecutionRecord; wallMs: number }> = [];
  const before = desk.ws.executions.length;
  targets.forEach((target, k) => {
    // The clerk who holds the case opened it at the desk (not measured): the act carries its version.
    const clerk = target.assignee || BENCH_CLERK;
    const opened = desk.harness.scriptRun(desk.entity, clerk, 'rpc', 'getCase', {
      radicado: target.radicado,
    }).value as { ok?: boolean; data?: { version?: string } } | undefined;
    const started = performance.now();
    const run = desk.harness.scriptRun(desk.entity, clerk, 'rpc', 'act', {
      radicado: target.radicado,
      version: opened?.data?.version ?? '',
      kind: 'extend',
      newDueDate: daysAfter(target.dueDate, 7),
      reason: 'Se requiere el concepto técnico de otra dependencia para responder de fondo.',
    });
    const wallMs = performance.now() - started;
    const error = runError(run);
    const reply = run.value as { ok?: boolean; code?: string } | undefined;
    if (error || !reply?.ok) {
      problems.push(
        `${label}: extension of ${target.radicado} failed (${error ?? reply?.code ?? 'no reply'})`,
      );
      return;
    }
    if (k > 0) measured.push({ record: run.record, wallMs });
    // The desk then asks for the act's notices (the citizen's prórroga): a call of its own.
    const noticesStarted = performance.now();
    const notices = desk.harness.scriptRun(desk.entity, clerk, 'rpc', 'sendNotices', {});
    const noticesWallMs = performance.now() - noticesStarted;
    const noticesReply = notices.value as
      { ok?: boolean; data?: { sent?: number; queued?: number } } | undefined;
    // The clerk cannot open the data store: the citizen's notice is queued for the owner's review
    // (Ley 1581), which addresses and sends it; either way it must have left the desk's hands.
    const handled = (noticesReply?.data?.sent ?? 0) + (noticesReply?.data?.queued ?? 0);
    if (runError(notices) || !noticesReply?.ok || handled < 1)
      problems.push(
        `${label}: the extension's notice of ${target.radicado} was neither sent nor queued (${runError(notices) ?? JSON.stringify(noticesReply)})`,
      );
    else if (k > 0) noticeRuns.push({ record: notices.record, wallMs: noticesWallMs });
  });
  checkNoOtherExecutions(label, desk, before, 3 * targets.length, problems);
  checkSteady(label, measured, problems);
  checkSteady(`${NOTICES} @ ${size}`, noticeRuns, problems);
  return { result: averaged(ACT, size, measured), problems };
}

/** The `rpc.notices` runs measured alongside the last `measureAct` (one per measured act). */
const noticeRuns: Array<{ record: ExecutionRecord; wallMs: number }> = [];

/** `rpc.notices`: what the desk's `sendNotices` cost after each measured act of `measureAct`. */
export function takeNoticesResult(size: number): BenchResult {
  const result = averaged(NOTICES, size, noticeRuns);
  noticeRuns.length = 0;
  return result;
}

/**
 * `sweep.run`: the hourly sweep's trigger execution over the pre-filled cases (all open, their
 * stored clocks stale), i.e. the day's first sweep, which rewrites every changed clock.
 */
export function measureSweep(desk: BenchDesk, prefill: PrefillReport): BenchOutcome {
  return measureSweepRun(desk, prefill, SWEEP, (report, size) => {
    if (report?.stoppedEarly) return 'sweep stopped early (time budget)';
    if (size > 0 && !report?.clocksUpdated)
      return 'sweep refreshed no clock (stale clocks expected)';
    return null;
  });
}

/**
 * `sweep.idle`: the hourly run after the day's first one, with nothing due (no new response, no
 * pending mail or filing): what every entity pays every hour.
 */
export function measureSweepIdle(desk: BenchDesk, prefill: PrefillReport): BenchOutcome {
  return measureSweepRun(desk, prefill, SWEEP_IDLE, (report) =>
    report?.idle ? null : `the sweep found work to do (${JSON.stringify(report)})`,
  );
}

type SweepValue = { stoppedEarly?: boolean; clocksUpdated?: number; idle?: boolean } | undefined;

/** One run of the installed time-driven trigger, checked by `problemOf`. */
function measureSweepRun(
  desk: BenchDesk,
  prefill: PrefillReport,
  name: string,
  problemOf: (report: SweepValue, size: number) => string | null,
): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${name} @ ${size}`;
  const problems: string[] = [];
  const trigger = desk.ws
    .entity(desk.entity)
    .triggers.list()
    .find((t) => t.eventType === 'CLOCK');
  if (!trigger) {
    problems.push(`${label}: setup installed no time-driven trigger`);
    return { result: { name, size, calls: 0, simulatedMs: 0, wallMs: 0 }, problems };
  }
  const started = performance.now();
  const run = desk.ws.run({
    entity: desk.entity,
    fn: trigger.handler,
    kind: 'trigger',
    triggerOwner: trigger.owner,
    args: [{ authMode: 'FULL', triggerUid: trigger.uid }],
  });
  const wallMs = performance.now() - started;
  const error = runError(run);
  const problem = error ? `sweep failed (${error})` : problemOf(run.value as SweepValue, size);
  if (problem) problems.push(`${label}: ${problem}`);
  return { result: averaged(name, size, [{ record: run.record, wallMs }]), problems };
}

export interface BurstOptions {
  readonly filings: number;
  readonly windowMs: number;
}

/**
 * `intake.burst`: `filings` citizens submit within `windowMs` (uniform random instants, as when a
 * form link goes viral); each submission's trigger starts at its instant, so executions overlap and
 * queue on the entity's lock in virtual time. Reports the executions that gave up waiting
 * (`deferred`, left for the hourly sweep) and the 95th percentile of the time from filing to the
 * acknowledgement's sending (`p95AckMs`); calls and simulated ms are per execution, averaged.
 */
export function measureBurst(desk: BenchDesk, options: BurstOptions): BenchOutcome {
  const label = `${BURST} @ ${options.filings}`;
  const problems: string[] = [];
  const ent = desk.ws.entity(desk.entity);
  const formId = ent.properties.get('form.id');
  if (!formId) {
    problems.push(`${label}: the entity has no form`);
    return {
      result: { name: BURST, size: options.filings, calls: 0, simulatedMs: 0, wallMs: 0 },
      problems,
    };
  }
  const itemIds = JSON.parse(ent.properties.get('form.items') ?? '{}') as Partial<
    Record<FieldCode, number>
  >;
  const random = randomFrom(20261127);
  const start = desk.ws.now + 60_000;
  const instants = Array.from({ length: options.filings }, () =>
    Math.floor(start + random() * options.windowMs),
  ).sort((a, b) => a - b);
  const measured: Array<{ record: ExecutionRecord; wallMs: number }> = [];
  const acks: number[] = [];
  let deferred = 0;
  const triggers = ent.triggers.formSubmitTriggers(formId);
  instants.forEach((at, k) => {
    const answers = {
      ...BENCH_ANSWERS[k % BENCH_ANSWERS.length],
      email: `ciudadano${k}@example.com`,
    };
    const response = desk.ws.forms.submit(formId, formAnswers(answers, itemIds), at);
    for (const trigger of triggers) {
      const started = performance.now();
      const run = desk.ws.run({
        entity: desk.entity,
        fn: trigger.handler,
        kind: 'trigger',
        triggerOwner: trigger.owner,
        startAt: at,
        args: (exec) => [buildFormSubmitEvent(exec, desk.ws.forms, response, trigger.uid)],
      });
      measured.push({ record: run.record, wallMs: performance.now() - started });
      const error = runError(run);
      const value = run.value as { status?: string } | undefined;
      if (error) problems.push(`${label}: filing ${k} failed (${error})`);
      else if (value?.status === 'deferred') deferred += 1;
    }
    const ack = desk.ws.mail.sent.find(
      (m) => m.to.includes(`ciudadano${k}@example.com`) && m.subject.startsWith('Radicado'),
    );
    if (ack) acks.push(ack.sentAtMs - at);
  });
  if (acks.length + deferred < options.filings)
    problems.push(
      `${label}: ${options.filings - acks.length - deferred} filings got no acknowledgement`,
    );
  const sorted = [...acks].sort((a, b) => a - b);
  const p95 =
    sorted.length === 0
      ? 0
      : sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
  return {
    result: { ...averaged(BURST, options.filings, measured), deferred, p95AckMs: p95 },
    problems,
  };
}

/**
 * `report.semestral`: the supervisor generates the semiannual PQRSD report from the menu's dialog
 * (the rpc gateway), over a period that holds every pre-filled case: one read of the cases, the
 * clock of each, and one write of the report's sheet.
 */
export function measureReport(desk: BenchDesk, prefill: PrefillReport): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${REPORT} @ ${size}`;
  const problems: string[] = [];
  const supervisor = BENCH_ENTITY.staff.find((m) => m.role === 'supervisor')?.email ?? BENCH_CLERK;
  const started = performance.now();
  const run = desk.harness.scriptRun(desk.entity, supervisor, 'rpc', 'generateReport', {
    kind: 'pqrs_semestral',
    from: '2000-01-01',
    to: '2100-12-31',
  });
  const wallMs = performance.now() - started;
  const error = runError(run);
  const reply = run.value as {
    ok?: boolean;
    code?: string;
    data?: { report?: { total?: number } };
  };
  if (error || !reply?.ok)
    problems.push(`${label}: failed (${error ?? reply?.code ?? 'no reply'})`);
  else if (reply.data?.report?.total !== size)
    problems.push(`${label}: the report counts ${reply.data?.report?.total} cases, not ${size}`);
  return { result: averaged(REPORT, size, [{ record: run.record, wallMs }]), problems };
}
