// `npm start`: runs a scenario (the default municipality unless --scenario) and writes out/.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario, ScenarioError } from '../scenario/scenario-types';
import { loadBuiltProjects, runScenario } from '../scenario/run-scenario';
import { writeOutputs } from '../scenario/write-outputs';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const root = resolve(__dirname, '..', '..');
const scenarioPath = resolve(option('--scenario', join(root, 'scenarios', 'default.json')));
const outDir = resolve(option('--out', join(root, 'out')));

/** A scenario's own mistake is reported in one line naming the step and field, never a stack. */
function orExit<T>(run: () => T): T {
  try {
    return run();
  } catch (caught) {
    if (!(caught instanceof ScenarioError) && !(caught instanceof SyntaxError)) throw caught;
    console.error(`Escenario inválido (${scenarioPath}): ${caught.message}`);
    process.exit(2);
  }
}

const scenario = orExit(() => parseScenario(JSON.parse(readFileSync(scenarioPath, 'utf8'))));
const started = Date.now();
const result = orExit(() => runScenario(scenario, loadBuiltProjects(join(root, 'dist'))));
const summaries = writeOutputs(result, outDir);

console.log(
  `Escenario "${scenario.name}": ${scenario.steps.length} pasos en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
for (const s of summaries) {
  console.log(`\n${s.entity}`);
  console.log(
    `  Casos radicados: ${s.cases} (${Object.entries(s.byStatus)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')})`,
  );
  console.log(`  Correos enviados: ${s.mailsSent}; en espera: ${s.mailsPending}`);
  console.log(
    `  Acciones de funcionarios: ${s.actionsOk} aplicadas, ${s.actionsRefused} rechazadas (códigos en actions.json)`,
  );
  console.log(
    `  Ejecuciones: ${s.executions} (${s.failedExecutions} con error); la más larga: ${(s.maxSimulatedMs / 1000).toFixed(2)} s simulados`,
  );
  console.log(`  Salidas en ${s.dir}`);
}
const failed = summaries.reduce((n, s) => n + s.failedExecutions, 0);
if (failed > 0) {
  const errors = result.workspace.executions.filter((e) => e.error).slice(0, 5);
  for (const e of errors) console.log(`  ! ${e.entity} ${e.fn} ${e.startedAt}: ${e.error}`);
}
