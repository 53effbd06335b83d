// The measured operations. Each runs real executions of the built bundle in the simulator and
// reports what that execution cost: its Apps Script service calls and simulated Apps Script time
// (from the execution records, so set-up and pre-fill never count), plus Node wall time.
import { performance } from 'node:perf_hooks';
import { bogotaDateOf } from '../../src/core/calendar/calendar-date';
import { formatRadicado, parseRadicado } from '../../src/core/radicado';
import type { ExecutionRecord, RunResult } from '../simulator/workspace';
import { BENCH_ANSWERS, BENCH_CLERK, BENCH_ENTITY, type BenchDesk } from './bench-entity';
import type { BenchResult } from './clock-bench';
import type { PrefillReport } from './prefill';

export type { BenchResult } from './clock-bench';

/** A measurement and whatever went wrong while taking it (benchmarks report; they never fail). */
export interface BenchOutcome {
  readonly result: BenchResult;
  readonly problems: readonly string[];
}

export const INTAKE = 'intake.submission';
export const SWEEP = 'sweep.run';
export const ACT = 'rpc.act';
export const CLOCK = 'clock.compute';

const OPEN = new Set(['radicado', 'en_tramite', 'suspendido']);

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

/**
 * `rpc.act`: a clerk answers one case through the sidebar gateway (`google.script.run.rpc`).
 * Targets are the most recent open pre-filled cases (the TextFinder scans down to them); one
 * warm-up, then `repeats` averaged.
 */
export function measureAct(desk: BenchDesk, prefill: PrefillReport, repeats: number): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${ACT} @ ${size}`;
  const problems: string[] = [];
  const targets = prefill.cases.filter((c) => OPEN.has(c.status)).slice(-(repeats + 1));
  if (targets.length < repeats + 1)
    problems.push(`${label}: only ${targets.length} open cases to act on`);
  const measured: Array<{ record: ExecutionRecord; wallMs: number }> = [];
  const before = desk.ws.executions.length;
  targets.forEach((target, k) => {
    const started = performance.now();
    const run = desk.harness.scriptRun(desk.entity, BENCH_CLERK, 'rpc', 'act', {
      radicado: target.radicado,
      kind: 'answer',
      summary: 'Se dio respuesta de fondo al peticionario por correo electrónico.',
    });
    const wallMs = performance.now() - started;
    const error = runError(run);
    const reply = run.value as { ok?: boolean; code?: string } | undefined;
    if (error || !reply?.ok) {
      problems.push(
        `${label}: answer on ${target.radicado} failed (${error ?? reply?.code ?? 'no reply'})`,
      );
      return;
    }
    if (k > 0) measured.push({ record: run.record, wallMs });
  });
  checkNoOtherExecutions(label, desk, before, targets.length, problems);
  checkSteady(label, measured, problems);
  return { result: averaged(ACT, size, measured), problems };
}

/**
 * `sweep.run`: the hourly sweep's trigger execution over the pre-filled cases (all open, their
 * stored clocks stale), i.e. the day's first sweep, which rewrites every changed clock.
 */
export function measureSweep(desk: BenchDesk, prefill: PrefillReport): BenchOutcome {
  const size = prefill.cases.length;
  const label = `${SWEEP} @ ${size}`;
  const problems: string[] = [];
  const trigger = desk.ws
    .entity(desk.entity)
    .triggers.list()
    .find((t) => t.eventType === 'CLOCK');
  if (!trigger) {
    problems.push(`${label}: setup installed no time-driven trigger`);
    return { result: { name: SWEEP, size, calls: 0, simulatedMs: 0, wallMs: 0 }, problems };
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
  const report = run.value as { stoppedEarly?: boolean; clocksUpdated?: number } | undefined;
  if (error) problems.push(`${label}: sweep failed (${error})`);
  else if (report?.stoppedEarly) problems.push(`${label}: sweep stopped early (time budget)`);
  else if (size > 0 && !report?.clocksUpdated)
    problems.push(`${label}: sweep refreshed no clock (stale clocks expected)`);
  return { result: averaged(SWEEP, size, [{ record: run.record, wallMs }]), problems };
}
