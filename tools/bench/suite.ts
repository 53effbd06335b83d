// Runs every benchmark configuration against the built bundle and gathers the results, the
// problems met on the way, and whether each operation's service calls stayed constant with size.
import { performance } from 'node:perf_hooks';
import type { BuiltProjects } from '../scenario/run-scenario';
import { setUpBenchEntity } from './bench-entity';
import { benchClock } from './clock-bench';
import {
  ACT,
  NOTICES,
  takeNoticesResult,
  BURST,
  CLOCK,
  INTAKE,
  SWEEP,
  SWEEP_IDLE,
  measureAct,
  measureBurst,
  measureIntake,
  measureSweep,
  measureSweepIdle,
  measureReport,
  REPORT,
  type BenchOutcome,
  type BenchResult,
} from './operations';
import { prefillCases, type PrefillMix } from './prefill';
import { constantCallsVerdicts, type Verdict } from './report';

export interface SuiteConfig {
  /** Radicados rows pre-filled before the measured submissions. */
  readonly intakeSizes: readonly number[];
  /** Open cases the sweep refreshes. */
  readonly sweepSizes: readonly number[];
  /** Radicados rows pre-filled before the measured clerk actions. */
  readonly actSizes: readonly number[];
  /** Synthetic cases whose clocks `benchClock` computes. */
  readonly clockSizes: readonly number[];
  /** Measured runs per configuration (after one warm-up) for intake and rpc.act. */
  readonly repeats: number;
  /** `intake.burst`: this many filings within `burstWindowMs` (none when absent). */
  readonly burstFilings?: number;
  readonly burstWindowMs?: number;
}

export const FULL_SUITE: SuiteConfig = {
  intakeSizes: [100, 10_000, 100_000],
  sweepSizes: [1_000, 10_000, 100_000],
  actSizes: [100, 10_000, 100_000],
  clockSizes: [1_000, 10_000, 100_000],
  repeats: 3,
  burstFilings: 300,
  burstWindowMs: 60_000,
};

/** A few seconds end to end, for trying the runner out (`npm run bench -- --quick`). */
export const QUICK_SUITE: SuiteConfig = {
  intakeSizes: [10, 200],
  sweepSizes: [10, 200],
  actSizes: [200],
  clockSizes: [200, 2_000],
  repeats: 2,
  burstFilings: 60,
  burstWindowMs: 12_000,
};

export interface SuiteReport {
  /** In operation order (intake, sweep, act, clock), each by increasing size. */
  readonly results: readonly BenchResult[];
  readonly problems: readonly string[];
  readonly verdicts: readonly Verdict[];
  readonly wallMs: number;
}

const ORDER = [INTAKE, BURST, SWEEP, SWEEP_IDLE, ACT, NOTICES, REPORT, CLOCK];

function sortedUnique(sizes: readonly number[]): number[] {
  return [...new Set(sizes)].sort((a, b) => a - b);
}

export function runSuite(
  projects: BuiltProjects,
  config: SuiteConfig,
  progress: (line: string) => void = () => {},
): SuiteReport {
  const started = performance.now();
  const outcomes: BenchOutcome[] = [];
  // A fresh entity per configuration, so no measurement inherits another's rows.
  const prepare = (rows: number, mix: PrefillMix) => {
    const desk = setUpBenchEntity(projects);
    const prefill = prefillCases(desk, { rows, mix });
    progress(
      `${rows.toLocaleString('en-US')} cases (${mix}) pre-filled in ${(prefill.wallMs / 1000).toFixed(1)} s`,
    );
    return { desk, prefill };
  };

  // The pure clock first, before the simulated sheets fill the heap: its wall time is the clock's.
  const clockSizes = sortedUnique(config.clockSizes);
  if (clockSizes.length > 0) benchClock(clockSizes[0]); // warm-up, not reported
  for (const size of clockSizes) {
    // Wall time is noisy (garbage collection, other processes): the median of three runs.
    const runs = [benchClock(size), benchClock(size), benchClock(size)].sort(
      (a, b) => a.wallMs - b.wallMs,
    );
    const r = runs[1];
    outcomes.push({
      result: { name: CLOCK, size, calls: r.calls, simulatedMs: r.simulatedMs, wallMs: r.wallMs },
      problems: [],
    });
    progress(`${CLOCK} @ ${size.toLocaleString('en-US')} measured`);
  }

  // Intake and clerk actions share an entity per size: one pre-fill serves both.
  for (const rows of sortedUnique([...config.intakeSizes, ...config.actSizes])) {
    const { desk, prefill } = prepare(rows, 'mixed');
    if (config.intakeSizes.includes(rows)) {
      outcomes.push(measureIntake(desk, prefill, config.repeats));
      progress(`${INTAKE} @ ${rows.toLocaleString('en-US')} measured`);
    }
    if (config.actSizes.includes(rows)) {
      outcomes.push(measureAct(desk, prefill, config.repeats));
      outcomes.push({ result: takeNoticesResult(rows), problems: [] });
      progress(`${ACT} @ ${rows.toLocaleString('en-US')} measured`);
    }
  }
  for (const rows of sortedUnique(config.sweepSizes)) {
    const { desk, prefill } = prepare(rows, 'open');
    outcomes.push(measureSweep(desk, prefill));
    progress(`${SWEEP} @ ${rows.toLocaleString('en-US')} measured`);
    // The next hourly run of the same day finds nothing due.
    outcomes.push(measureSweepIdle(desk, prefill));
    progress(`${SWEEP_IDLE} @ ${rows.toLocaleString('en-US')} measured`);
    outcomes.push(measureReport(desk, prefill));
    progress(`${REPORT} @ ${rows.toLocaleString('en-US')} measured`);
  }
  if (config.burstFilings) {
    const desk = setUpBenchEntity(projects);
    outcomes.push(
      measureBurst(desk, {
        filings: config.burstFilings,
        windowMs: config.burstWindowMs ?? 60_000,
      }),
    );
    progress(`${BURST} @ ${config.burstFilings} measured`);
  }
  const results = outcomes
    .map((o) => o.result)
    .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name) || a.size - b.size);
  return {
    results,
    problems: outcomes.flatMap((o) => o.problems),
    verdicts: constantCallsVerdicts(results, [INTAKE, SWEEP, SWEEP_IDLE, ACT, NOTICES, REPORT]),
    wallMs: performance.now() - started,
  };
}
