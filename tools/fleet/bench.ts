// `npm run bench:fleet`: a rollout of 10,000 fake entities through the fleet CLI, over HTTP to the
// local fake of the Apps Script API (in a child process, so it does not share the CLI's core), with
// the journal on disk before each step as in production. Prints the
// total time, the time per entity and the requests per entity (all and by kind), so a change that
// adds a request per entity, or serialises the run, shows up. Options: `-- --entities N`,
// `--concurrency N`, `--latency-ms N` (simulated API latency). Benchmarks report; they never fail.
import { randomBytes } from 'node:crypto';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from './cli';
import { ACCESS_TOKEN_ENV } from './credentials';
import { fakeEntities, writeRegistry } from './fake-fleet';
import type { FakeFleetRequest, FakeFleetSpec } from './fake-fleet-process';
import type { FakeRequestKind } from './fake-script-api';
import { LIBRARY_ID_ENV, saveRingTargets } from './fleet-config';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    'latency-ms': { type: 'string', default: '0' },
  },
});
const entities = Number(values.entities);
const concurrency = Number(values.concurrency);
const latencyMs = Number(values['latency-ms']);
const LIBRARY_ID = '1PQRSbenchLibraryVentanillaMinisterio000000000000000000AB';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pqrs-fleet-bench-'));
  const registry = join(dir, 'registry.csv');
  const journal = join(dir, 'journal.jsonl');
  const token = `bench-${randomBytes(12).toString('hex')}`;
  const rows = fakeEntities({ piloto: entities, temprana: 0, general: 0 });
  writeRegistry(registry, rows);
  saveRingTargets(join(dir, 'rings.json'), { piloto: '4' });
  const spec: FakeFleetSpec = {
    token,
    libraryId: LIBRARY_ID,
    version: '4',
    counts: { piloto: entities, temprana: 0, general: 0 },
    latencyMs,
  };
  const child = fork(join(__dirname, 'fake-fleet-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(request: FakeFleetRequest, reply: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: { type: string }): void => {
        if (message.type !== reply) return;
        child.off('message', onMessage);
        resolve(message as T);
      };
      child.on('message', onMessage);
      child.once('error', reject);
      child.send(request);
    });
  const { url } = await ask<{ url: string }>({ type: 'start', spec }, 'ready');

  let stdout = '';
  const started = process.hrtime.bigint();
  const code = await runCli(
    [
      'rollout',
      '--to',
      '5',
      '--ring',
      'piloto',
      '--journal',
      journal,
      '--registry',
      registry,
      '--api-root',
      url,
      '--concurrency',
      String(concurrency),
      '--json',
    ],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => process.stderr.write(text),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      env: { ...process.env, [ACCESS_TOKEN_ENV]: token, [LIBRARY_ID_ENV]: LIBRARY_ID },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(stdout) as { entities: { status: string }[] };
  const ok = report.entities.filter((e) => e.status === 'ok').length;
  const { counts, atVersion } = await ask<{
    counts: Record<FakeRequestKind, number>;
    atVersion: number;
  }>({ type: 'report', version: '5' }, 'report');
  await ask({ type: 'close' }, 'closed');
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const journalBytes = statSync(journal).size;

  const kinds = (Object.entries(counts) as [FakeRequestKind, number][]).filter(([, n]) => n > 0);
  const lines = [
    `Rollout de ${entities} entidades falsas (concurrencia ${concurrency}, latencia simulada ${latencyMs} ms)`,
    `  código de salida ${code}; actualizadas ${ok}; con la versión 5 en el manifiesto ${atVersion}`,
    `  tiempo total        ${seconds.toFixed(1)} s`,
    `  por entidad         ${((seconds * 1000) / entities).toFixed(2)} ms (${(entities / seconds).toFixed(0)} entidades/s)`,
    `  solicitudes         ${total} (${(total / entities).toFixed(2)} por entidad)`,
    ...kinds.map(
      ([kind, n]) =>
        `    ${kind.padEnd(20)}${String(n).padStart(8)}  ${(n / entities).toFixed(2)} por entidad`,
    ),
    `  diario              ${(journalBytes / 1024 / 1024).toFixed(1)} MiB, ${(journalBytes / entities).toFixed(0)} bytes por entidad`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:fleet: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
