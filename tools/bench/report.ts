// Presenting benchmark results: the aligned table, the constant-calls verdicts and the JSON rows.
import type { BenchResult } from './clock-bench';

export interface Verdict {
  readonly name: string;
  /** null when fewer than two sizes were measured. */
  readonly constant: boolean | null;
  readonly line: string;
}

const UNITS: Readonly<Record<string, string>> = {
  'intake.submission': 'rows',
  'rpc.act': 'rows',
  'rpc.notices': 'rows',
  'sweep.run': 'open cases',
  'sweep.idle': 'open cases',
  'clock.compute': 'cases',
};

function thousands(n: number, decimals = 0): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

function callsText(calls: number): string {
  return Number.isInteger(calls) ? thousands(calls) : thousands(calls, 1);
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The results as an aligned table: name left, numbers right. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['name', 'size', 'calls', 'simulated ms', 'wall ms', 'deferred', 'p95 ack ms'];
  const rows = results.map((r) => [
    r.name,
    thousands(r.size),
    callsText(r.calls),
    thousands(r.simulatedMs, 1),
    thousands(r.wallMs, 1),
    r.deferred === undefined ? '' : thousands(r.deferred),
    r.p95AckMs === undefined ? '' : thousands(r.p95AckMs, 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** For each named operation: were its service calls per run the same at every size? */
export function constantCallsVerdicts(
  results: readonly BenchResult[],
  names: readonly string[],
): Verdict[] {
  return names.map((name) => {
    const runs = results.filter((r) => r.name === name).sort((a, b) => a.size - b.size);
    const unit = UNITS[name] ?? 'items';
    if (runs.length < 2) {
      return {
        name,
        constant: null,
        line: `${name}: measured at ${runs.length} size(s); nothing to compare`,
      };
    }
    const sizes = runs.map((r) => thousands(r.size));
    const simulated = `simulated ms ${thousands(runs[0].simulatedMs, 1)} → ${thousands(runs[runs.length - 1].simulatedMs, 1)}`;
    const constant = runs.every((r) => r.calls === runs[0].calls);
    const line = constant
      ? `${name}: calls CONSTANT across sizes (${callsText(runs[0].calls)} calls at ${listed(sizes)} ${unit}; ${simulated})`
      : `${name}: calls NOT constant across sizes (${listed(runs.map((r) => `${callsText(r.calls)} at ${thousands(r.size)}`))} ${unit}; ${simulated})`;
    return { name, constant, line };
  });
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The rows of out/bench.json: name, size, calls, simulatedMs, wallMs (and the burst's own two). */
export function toJsonRows(results: readonly BenchResult[]): BenchResult[] {
  return results.map((r) => ({
    name: r.name,
    size: r.size,
    calls: round3(r.calls),
    simulatedMs: round3(r.simulatedMs),
    wallMs: round3(r.wallMs),
    ...(r.deferred !== undefined ? { deferred: r.deferred } : {}),
    ...(r.p95AckMs !== undefined ? { p95AckMs: round3(r.p95AckMs) } : {}),
  }));
}
