// `npm run bench`: benchmarks of the built bundle (dist/) on the workspace simulator. Prints a table
// of Apps Script service calls, simulated Apps Script time and Node wall time per operation and
// size, then whether each operation's calls stayed constant as the data grew. `-- --json` also
// writes out/bench.json; `-- --quick` runs small sizes only. Benchmarks report; they never fail.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HEADROOM_ROWS } from '../bench/prefill';
import { formatTable, toJsonRows } from '../bench/report';
import { FULL_SUITE, QUICK_SUITE, runSuite } from '../bench/suite';
import { loadBuiltProjects } from '../scenario/run-scenario';

const root = resolve(__dirname, '..', '..');
const json = process.argv.includes('--json');
const suite = process.argv.includes('--quick') ? QUICK_SUITE : FULL_SUITE;

const projects = loadBuiltProjects(join(root, 'dist'));
const report = runSuite(projects, suite, (line) => process.stderr.write(`  · ${line}\n`));

console.log('');
console.log(formatTable(report.results));
console.log('');
for (const verdict of report.verdicts) console.log(verdict.line);
console.log('');
const notes = [
  'calls and simulated ms count the measured execution only: the form-submit trigger',
  '(intake.submission, one valid email acknowledged), the rpc gateway (rpc.act, an extension),',
  `each averaged over ${suite.repeats} runs after a warm-up; the time-driven trigger (sweep.run,`,
  "the day's first run: clocks, integrity, anchors; sweep.idle, the next hourly run, nothing due).",
  'intake.burst: filings at uniform random instants in the window, each trigger starting at its',
  'instant, so executions overlap and wait on the entity lock in simulated time; calls and ms per',
  'execution, deferred = lock waits that ran out, p95 ack ms = filing to acknowledgement sent.',
  `Pre-filled Radicados sheets keep ${HEADROOM_ROWS} blank rows below the cases, as a sheet in use has.`,
  'clock.compute: Node wall time of the pure legal clock, the median of three runs per size.',
];
for (const note of notes) console.log(note);
if (report.problems.length > 0) {
  console.log('');
  console.log(`Problems (${report.problems.length}):`);
  for (const problem of report.problems) console.log(`  ! ${problem}`);
}
if (json) {
  const outDir = join(root, 'out');
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, 'bench.json');
  writeFileSync(path, JSON.stringify(toJsonRows(report.results), null, 2) + '\n');
  console.log('');
  console.log(`Wrote ${path}`);
}
console.log(`Total ${(report.wallMs / 1000).toFixed(1)} s.`);
