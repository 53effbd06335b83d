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
const quick = process.argv.includes('--quick');

const projects = loadBuiltProjects(join(root, 'dist'));
const report = runSuite(projects, quick ? QUICK_SUITE : FULL_SUITE, (line) =>
  process.stderr.write(`  · ${line}\n`),
);

console.log('');
console.log(formatTable(report.results));
console.log('');
for (const verdict of report.verdicts) console.log(verdict.line);
console.log('');
console.log(
  'calls and simulated ms: the measured execution only (intake: the form-submit trigger; rpc.act: the',
);
console.log(
  `rpc gateway; sweep: the time-driven trigger), averaged over ${(quick ? QUICK_SUITE : FULL_SUITE).repeats} runs after a warm-up (sweep: its first run).`,
);
console.log(
  `Pre-filled sheets keep ${HEADROOM_ROWS} blank rows below the cases: SheetTable.append never grows the grid.`,
);
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
