// One small configuration of each benchmark, through the same functions `npm run bench` uses.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { formatTable, toJsonRows } from '../../../tools/bench/report';
import { runSuite, type SuiteReport } from '../../../tools/bench/suite';
import { loadBuiltProjects } from '../../../tools/scenario/run-scenario';

const root = resolve(__dirname, '..', '..', '..');
let report: SuiteReport;

beforeAll(() => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root, stdio: 'pipe' });
  report = runSuite(loadBuiltProjects(join(root, 'dist')), {
    intakeSizes: [10, 200],
    sweepSizes: [10],
    actSizes: [200],
    clockSizes: [200],
    repeats: 2,
    burstFilings: 40,
    burstWindowMs: 8_000,
  });
}, 60_000);

describe('benchmark runner', () => {
  test('a burst of overlapping filings queues on the lock: every one acknowledged, later ones wait', () => {
    const burst = report.results.find((r) => r.name === 'intake.burst')!;
    expect(burst.deferred).toBe(0);
    // Each filing waits at most for the ones before it in the queue, never more than the window.
    expect(burst.p95AckMs).toBeGreaterThan(0);
    expect(burst.p95AckMs).toBeLessThan(8_000);
  });

  test('an idle hourly sweep only looks: the state and the count of recent responses', () => {
    const idle = report.results.find((r) => r.name === 'sweep.idle')!;
    expect(idle.calls).toBeLessThanOrEqual(8);
  });

  test('every configuration yields one well-formed result, in operation order', () => {
    expect(report.results.map((r) => [r.name, r.size])).toEqual([
      ['intake.submission', 10],
      ['intake.submission', 200],
      ['intake.burst', 40],
      ['sweep.run', 10],
      ['sweep.idle', 10],
      ['rpc.act', 200],
      ['rpc.notices', 200],
      ['report.semestral', 10],
      ['clock.compute', 200],
    ]);
    for (const row of toJsonRows(report.results)) {
      const burst = row.name === 'intake.burst';
      expect(Object.keys(row).sort()).toEqual(
        burst
          ? ['calls', 'deferred', 'name', 'p95AckMs', 'simulatedMs', 'size', 'wallMs']
          : ['calls', 'name', 'simulatedMs', 'size', 'wallMs'],
      );
      for (const n of [row.size, row.calls, row.simulatedMs, row.wallMs]) {
        expect(Number.isFinite(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(0);
      }
    }
    expect(report.problems).toEqual([]);
  });

  test('service operations make calls and spend simulated time; the pure clock does neither', () => {
    for (const r of report.results.filter((x) => x.name !== 'clock.compute')) {
      expect(r.calls).toBeGreaterThan(0);
      expect(r.simulatedMs).toBeGreaterThan(0);
    }
    const clock = report.results.find((r) => r.name === 'clock.compute')!;
    expect(clock.calls).toBe(0);
    expect(clock.simulatedMs).toBe(0);
  });

  test('a submission costs the same service calls with 10 or 200 cases in the sheet', () => {
    const intake = report.results.filter((r) => r.name === 'intake.submission');
    expect(intake).toHaveLength(2);
    expect(Number.isInteger(intake[0].calls)).toBe(true);
    expect(intake[1].calls).toBe(intake[0].calls);
    const verdict = report.verdicts.find((v) => v.name === 'intake.submission')!;
    expect(verdict.constant).toBe(true);
    expect(verdict.line).toContain('CONSTANT');
  });

  test('the table has a header, a rule and one aligned line per result', () => {
    const lines = formatTable(report.results).split('\n');
    expect(lines[0]).toMatch(
      /^name\s+size\s+calls\s+simulated ms\s+wall ms\s+deferred\s+p95 ack ms$/,
    );
    expect(lines).toHaveLength(report.results.length + 2);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});
