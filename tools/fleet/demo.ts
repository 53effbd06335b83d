// `npm run fleet:demo`: a release rehearsal for ministry staff on a fresh clone, with no Google
// account and no network. It starts a local fake of the Apps Script API on loopback with 300 fake
// entities in three rings (a few with the faults the real fleet has: no access, the API turned
// off, a deleted script, quota and server hiccups), then runs status, plan, a rollout of the pilot
// ring, status and a rollback, printing each report. `-- --serve` keeps the fake running afterwards
// so the same commands can be typed by hand.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { ACCESS_TOKEN_ENV } from './credentials';
import { fakeEntities, fakeProject, writeRegistry } from './fake-fleet';
import { startFakeScriptApi } from './fake-script-api';
import { LIBRARY_ID_ENV, saveRingTargets } from './fleet-config';

const serve = process.argv.includes('--serve');
const LIBRARY_ID = '1PQRSdemoLibraryVentanillaMinisterio0000000000000000000AB';

const EXIT_MEANING: Record<number, string> = {
  0: 'todo bien',
  1: 'alguna entidad falló o no se pudo leer',
  2: 'el comando no pudo ejecutarse',
  3: 'error inesperado',
  130: 'interrumpido',
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pqrs-fleet-demo-'));
  const registry = join(dir, 'registry.csv');
  const journal = join(dir, 'journal-piloto-5.jsonl');
  const token = `demo-${randomBytes(12).toString('hex')}`;

  const rows = fakeEntities({ piloto: 15, temprana: 60, general: 225 });
  writeRegistry(registry, rows);
  saveRingTargets(join(dir, 'rings.json'), { piloto: '4', temprana: '4', general: '4' });

  const fake = await startFakeScriptApi({ token, latencyMs: 3 });
  rows.forEach((row, i) => fake.addProject(fakeProject(row.scriptId, LIBRARY_ID, '4', i)));
  const piloto = rows.filter((r) => r.ring === 'piloto');
  const temprana = rows.filter((r) => r.ring === 'temprana');
  const general = rows.filter((r) => r.ring === 'general');
  const id = (list: typeof rows, i: number): string => (list[i] as (typeof rows)[number]).scriptId;
  // What the real fleet shows sooner or later:
  fake.setFaults(id(piloto, 3), [{ kind: 'permission-denied' }]); // not shared with the ministry
  // Quota and server hiccups during the rollout's writes, retried with back-off:
  fake.setFaults(id(piloto, 7), [
    { kind: 'rate-limit', times: 2, retryAfterSeconds: 1, on: ['versions.create'] },
  ]);
  fake.setFaults(id(piloto, 10), [{ kind: 'unavailable', times: 1, on: ['content.update'] }]);
  fake.setFaults(id(temprana, 5), [{ kind: 'api-disabled' }]); // Apps Script API turned off
  fake.projects.delete(id(general, 20)); // script deleted
  const noWebApp = fake.projects.get(id(piloto, 12));
  if (noWebApp) noWebApp.deployments = noWebApp.deployments.filter((d) => d.versionNumber === null);

  const env = { ...process.env, [ACCESS_TOKEN_ENV]: token, [LIBRARY_ID_ENV]: LIBRARY_ID };
  const common = ['--registry', registry, '--api-root', fake.url];
  const out = (text: string): void => {
    process.stdout.write(text);
  };
  const step = async (title: string, args: string[]): Promise<void> => {
    out(`\n=== ${title}\n$ npm run -s fleet -- ${[...args, ...common].join(' ')}\n\n`);
    const code = await runCli([...args, ...common], {
      stdout: out,
      stderr: (text) => process.stderr.write(text),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      env,
    });
    out(`(código de salida ${code}: ${EXIT_MEANING[code] ?? 'otro'})\n`);
  };

  out(
    `Ensayo de despliegue con una API de Apps Script falsa en ${fake.url}\n` +
      `${rows.length} entidades: ${piloto.length} piloto, ${temprana.length} temprana, ${general.length} general; todas en la versión 4.\n` +
      `Archivos del ensayo en ${dir} (registry.csv, rings.json y el diario).\n`,
  );
  await step('1. Estado de la flota', ['status']);
  await step('2. Plan: anillo piloto a la versión 5 (no escribe nada)', [
    'plan',
    '--to',
    '5',
    '--ring',
    'piloto',
  ]);
  await step('3. Despliegue del anillo piloto a la versión 5', [
    'rollout',
    '--to',
    '5',
    '--ring',
    'piloto',
    '--journal',
    journal,
  ]);
  await step('4. Estado del anillo piloto después del despliegue', [
    'status',
    '--ring',
    'piloto',
    '--all',
  ]);
  await step('5. Reversión del anillo piloto', [
    'rollback',
    '--ring',
    'piloto',
    '--journal',
    journal,
  ]);
  await step('6. Estado del anillo piloto después de la reversión', ['status', '--ring', 'piloto']);

  const counts = Object.entries(fake.counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  out(`\nSolicitudes que recibió la API falsa: ${fake.totalRequests()} (${counts}).\n`);
  if (serve) {
    out(
      `\nLa API falsa sigue en ${fake.url} (Ctrl+C para terminar). Pruebe, por ejemplo:\n` +
        `  export ${ACCESS_TOKEN_ENV}=${token} ${LIBRARY_ID_ENV}=${LIBRARY_ID}\n` +
        `  npm run -s fleet -- status --registry ${registry} --api-root ${fake.url}\n`,
    );
    process.on('SIGINT', () => {
      void fake.close().then(() => process.exit(0));
    });
    return;
  }
  await fake.close();
  out(`\nFin del ensayo. El registro, rings.json y el diario quedan en ${dir}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`fleet:demo: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
