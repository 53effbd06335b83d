// The fleet CLI against the fake Apps Script API over real HTTP on loopback: retries, errors,
// byte-for-byte preservation, deployments, plan, status --json, the failure threshold, resume and
// rollback. Expected values follow from the fixtures (every entity pins version 4, its web app
// deployment runs version 2 of 2, HEAD has no version) and the rules of the rollout.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../tools/fleet/cli';
import { writeRegistry } from '../../../tools/fleet/fake-fleet';
import { FAKE_WRITE_KINDS } from '../../../tools/fleet/fake-script-api';
import {
  FAST,
  LIBRARY_ID,
  STATUS_ROW_KEYS,
  ROOT,
  type TestFleet,
  env,
  headOf,
  readJournalLines,
  startTestFleet,
  webAppOf,
} from './fleet-harness';

jest.setTimeout(60_000);

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

interface JsonReport {
  stopped: boolean;
  stopReason: string | null;
  target: { from: string | null; to: string | null; changed: boolean };
  entities: {
    scriptId: string;
    status: string;
    from: string | null;
    to: string | null;
    versionNumber: number | null;
    warnings: string[];
    error: { code: string; message: string } | null;
  }[];
}

const ids = (f: TestFleet): string[] => f.rows.map((r) => r.scriptId);
const rollout = (f: TestFleet, ...extra: string[]) =>
  f.run(['rollout', '--to', '5', '--ring', 'piloto', '--journal', f.journal, ...FAST, ...extra]);
const writesTotal = (f: TestFleet): number =>
  FAKE_WRITE_KINDS.reduce((sum, kind) => sum + f.fake.counts[kind], 0);

it('retries 429s (waiting the Retry-After) and 5xx responses, then finishes the ring', async () => {
  fleet = await startTestFleet({ piloto: 3 });
  const [a, b, c] = ids(fleet) as [string, string, string];
  fleet.fake.setFaults(a, [
    { kind: 'rate-limit', times: 2, retryAfterSeconds: 1, on: ['content.get'] },
  ]);
  fleet.fake.setFaults(b, [{ kind: 'server-error', times: 2, on: ['content.update'] }]);
  fleet.fake.setFaults(c, [{ kind: 'unavailable', times: 1, on: ['deployments.update'] }]);
  const started = Date.now();
  const result = await rollout(fleet);
  expect(result.code).toBe(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  for (const id of [a, b, c]) expect(fleet.pinOf(id)).toBe('5');
  // Two 429s, then the read and the read-back.
  expect(fleet.fake.countsFor(a)['content.get']).toBe(4);
  expect(fleet.fake.countsFor(b)['content.update']).toBe(3);
  expect(fleet.fake.countsFor(c)['deployments.update']).toBe(2);
  expect(result.stderr).toMatch(
    /reintento de content\.get para .*RESOURCE_EXHAUSTED; espera 1000 ms/,
  );
  expect(result.stderr).toMatch(/reintento de content\.update para .*UNAVAILABLE/);
});

it('retries a request that times out; one that keeps hanging fails with TIMEOUT', async () => {
  fleet = await startTestFleet({ piloto: 2 }, { hangMs: 5_000 });
  const [a, b] = ids(fleet) as [string, string];
  fleet.fake.setFaults(a, [{ kind: 'hang', times: 1, on: ['content.get'] }]);
  fleet.fake.setFaults(b, [{ kind: 'hang', times: 99, on: ['content.get'] }]);
  const result = await rollout(fleet, '--max-attempts', '2', '--json');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(report.entities.map((e) => e.status)).toEqual(['ok', 'failed']);
  expect(report.entities[1]?.error?.code).toBe('TIMEOUT');
  expect(fleet.pinOf(a)).toBe('5');
  expect(fleet.pinOf(b)).toBe('4');
  expect(fleet.fake.countsFor(b)['content.get']).toBe(2);
  expect(fleet.fake.writesFor(b)).toBe(0);
});

it('reports no access, the API turned off and a missing script without retrying them', async () => {
  fleet = await startTestFleet({ piloto: 4 });
  const [denied, disabled, missing, fine] = ids(fleet) as [string, string, string, string];
  fleet.fake.setFaults(denied, [{ kind: 'permission-denied' }]);
  fleet.fake.setFaults(disabled, [{ kind: 'api-disabled' }]);
  fleet.fake.projects.delete(missing);
  const result = await rollout(fleet);
  expect(result.code).toBe(1);
  for (const id of [denied, disabled, missing]) {
    expect(fleet.fake.countsFor(id)['content.get']).toBe(1);
    expect(fleet.fake.writesFor(id)).toBe(0);
  }
  expect(fleet.pinOf(fine)).toBe('5');
  const names = fleet.rows.map((r) => r.entity);
  expect(result.stdout).toMatch(/No se pudieron actualizar:/);
  expect(result.stdout).toContain(`${names[0]} (${denied}): PERMISSION_DENIED`);
  expect(result.stdout).toContain(`${names[1]} (${disabled}): API_DISABLED`);
  expect(result.stdout).toMatch(/usersettings/);
  expect(result.stdout).toContain(`${names[2]} (${missing}): NOT_FOUND`);
  expect(result.stdout).not.toContain(`(${fine})`);
  const failed = readJournalLines(fleet.journal).filter((r) => r.step === 'failed');
  expect(failed.map((r) => (r.error as { code: string }).code).sort()).toEqual([
    'API_DISABLED',
    'NOT_FOUND',
    'PERMISSION_DENIED',
  ]);
});

it('changes only our version characters: other files, libraries and keys go back byte for byte', async () => {
  // Entity #4 (index 3) has a compact one-line manifest; the others are indented.
  fleet = await startTestFleet({ piloto: 4 });
  const before = new Map(
    ids(fleet).map((id) => [id, fleet.project(id).files.map((f) => ({ ...f }))]),
  );
  expect((await rollout(fleet)).code).toBe(0);
  for (const id of ids(fleet)) {
    const old = before.get(id) ?? [];
    const now = fleet.project(id).files;
    expect(now.map((f) => [f.name, f.type])).toEqual(old.map((f) => [f.name, f.type]));
    for (const [i, file] of now.entries()) {
      const previous = old[i]?.source ?? '';
      if (file.name !== 'appsscript') {
        expect(file.source).toBe(previous);
        continue;
      }
      const ours = previous.indexOf(LIBRARY_ID);
      const at = previous.indexOf('"4"', previous.indexOf('"version"', ours));
      expect(file.source).toBe(`${previous.slice(0, at)}"5"${previous.slice(at + 3)}`);
    }
  }
  expect(fleet.fake.counts['content.update']).toBe(4);
});

it('moves the web app deployment to a new version pinning the target, never HEAD', async () => {
  fleet = await startTestFleet({ piloto: 3 });
  const [a, noWebApp, notOurs] = ids(fleet) as [string, string, string];
  const headBefore = { ...headOf(fleet.project(a)) };
  const webBefore = { ...webAppOf(fleet.project(a)) };
  fleet.project(noWebApp).deployments = fleet
    .project(noWebApp)
    .deployments.filter((d) => d.versionNumber === null);
  const manifest = fleet.project(notOurs).files.find((f) => f.name === 'appsscript');
  if (manifest)
    manifest.source = manifest.source
      .split(LIBRARY_ID)
      .join('1SomeOtherLibrary0000000000000000000000000000000000000000');

  const result = await rollout(fleet, '--json');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(report.entities.map((e) => e.status)).toEqual(['ok', 'ok', 'failed']);

  const project = fleet.project(a);
  const web = webAppOf(project);
  expect(web.versionNumber).toBe(3);
  expect(fleet.pinOfVersion(a, 3)).toBe('5');
  expect(project.versions.find((v) => v.versionNumber === 3)?.description).toBe(
    'PQRS 5 (rollout piloto)',
  );
  expect(web.description).toBe(webBefore.description);
  expect(web.manifestFileName).toBe(webBefore.manifestFileName);
  expect(headOf(project)).toEqual(headBefore);
  expect(report.entities[0]).toMatchObject({ from: '4', to: '5', versionNumber: 3 });

  // No web app: the manifest is updated, a warning says so, no version is created.
  expect(fleet.pinOf(noWebApp)).toBe('5');
  expect(report.entities[1]?.warnings.join(' ')).toMatch(/sin despliegue de aplicación web/);
  expect(fleet.fake.countsFor(noWebApp)['versions.create']).toBe(0);

  // A manifest without our library: a clear failure, nothing written, nothing added.
  expect(report.entities[2]?.error?.code).toBe('LIBRARY_NOT_REFERENCED');
  expect(fleet.fake.writesFor(notOurs)).toBe(0);
});

it('plans without a single write request', async () => {
  fleet = await startTestFleet({ piloto: 5 });
  const [denied] = ids(fleet) as [string];
  fleet.fake.setFaults(denied, [{ kind: 'permission-denied' }]);
  const result = await fleet.run(['plan', '--to', '5', '--ring', 'piloto', '--json', ...FAST]);
  expect(result.code).toBe(1);
  const rows = JSON.parse(result.stdout) as {
    action: string;
    from: string;
    deployments: unknown[];
  }[];
  expect(rows.map((r) => r.action)).toEqual(['error', 'update', 'update', 'update', 'update']);
  expect(rows[1]).toMatchObject({ from: '4', deployments: [{ versionNumber: 2 }] });
  expect(writesTotal(fleet)).toBe(0);

  fleet.fake.clearFaults();
  expect((await rollout(fleet)).code).toBe(0);
  fleet.fake.resetCounts();
  const after = await fleet.run(['plan', '--to', '5', '--ring', 'piloto', ...FAST]);
  expect(after.code).toBe(0);
  expect(after.stdout).toMatch(/ya en 5 5/);
  expect(writesTotal(fleet)).toBe(0);
});

it('status --json prints only a JSON array of { scriptId, entity, ring, pinnedVersion, error }', async () => {
  fleet = await startTestFleet({ piloto: 2, temprana: 1, general: 1 });
  const [p0, p1, t0, g0] = ids(fleet) as [string, string, string, string];
  fleet.rows[0] = { ...fleet.rows[0]!, entity: 'Alcaldía de Santa Marta, Distrito Turístico' };
  writeRegistry(fleet.registry, fleet.rows);
  const manifest = fleet.project(p1).files.find((f) => f.name === 'appsscript');
  if (manifest)
    manifest.source = manifest.source.replace(
      '"version": "4",\n        "developmentMode"',
      '"version": "5",\n        "developmentMode"',
    );
  fleet.fake.setFaults(t0, [{ kind: 'permission-denied' }]);
  fleet.fake.projects.delete(g0);

  const { done } = fleet.spawn(['status', '--json', ...FAST]);
  const result = await done;
  expect(result.code).toBe(1);
  const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
  expect(rows.map((r) => r.scriptId)).toEqual([p0, p1, t0, g0]);
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(STATUS_ROW_KEYS);
  expect(rows[0]).toMatchObject({
    entity: 'Alcaldía de Santa Marta, Distrito Turístico',
    ring: 'piloto',
    pinnedVersion: 4,
    error: null,
    target: '4',
    drift: 0,
  });
  expect(rows[1]).toMatchObject({ pinnedVersion: 5, error: null, drift: 1 });
  expect(rows[2]).toMatchObject({
    ring: 'temprana',
    pinnedVersion: null,
    error: { code: 'PERMISSION_DENIED', message: expect.any(String) },
  });
  expect(rows[3]).toMatchObject({
    ring: 'general',
    pinnedVersion: null,
    error: { code: 'NOT_FOUND' },
  });
  expect(result.stderr).toMatch(/Estado \[/);
});

it('status --json through `npm run -s` prints nothing but the JSON, as the usage text says', async () => {
  fleet = await startTestFleet({ piloto: 2 });
  const help = await fleet.run(['--help']);
  expect(help.stdout).toMatch(/^Uso: npm run -s fleet -- /);
  const result = await new Promise<{ code: number | null; stdout: string }>((done) => {
    const child = spawn(
      'npm',
      [
        'run',
        '-s',
        'fleet',
        '--',
        'status',
        '--json',
        '--registry',
        fleet.registry,
        '--api-root',
        fleet.fake.url,
        ...FAST,
      ],
      { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.on('close', (code) => done({ code, stdout }));
  });
  expect(result.code).toBe(0);
  const rows = JSON.parse(result.stdout) as { scriptId: string; pinnedVersion: number }[];
  expect(rows.map((r) => [r.scriptId, r.pinnedVersion])).toEqual(ids(fleet).map((id) => [id, 4]));
});

it('leaves the ring target alone when every entity the rollout finished failed', async () => {
  fleet = await startTestFleet({ piloto: 2 });
  for (const id of ids(fleet)) fleet.fake.setFaults(id, [{ kind: 'permission-denied' }]);
  const result = await rollout(fleet, '--json');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as JsonReport;
  // Two of two failed, under --min-finished: not stopped, but no entity is on 5.
  expect(report.stopped).toBe(false);
  expect(report.entities.map((e) => e.status)).toEqual(['failed', 'failed']);
  expect(report.target).toEqual({ from: '4', to: '4', changed: false });
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '4' });
});

it('refuses a rollback whose journal does not exist, without creating it', async () => {
  fleet = await startTestFleet({ piloto: 1 });
  const missing = join(fleet.dir, 'piloto-5.jsonl');
  const result = await fleet.run(['rollback', '--ring', 'piloto', '--journal', missing, ...FAST]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^fleet: el diario .*piloto-5\.jsonl no existe/);
  expect(existsSync(missing)).toBe(false);
  expect(existsSync(`${missing}.lock`)).toBe(false);
  expect(fleet.fake.totalRequests()).toBe(0);
});

it('exits 3, not 1, on an unexpected error', async () => {
  fleet = await startTestFleet({ piloto: 1 });
  // A journal path that is a directory cannot be read: nothing an entity did.
  const { done } = fleet.spawn([
    'rollout',
    '--to',
    '5',
    '--ring',
    'piloto',
    '--journal',
    fleet.dir,
    ...FAST,
  ]);
  const result = await done;
  expect(result.code).toBe(3);
  expect(result.stderr).toMatch(/^fleet: error inesperado: /m);
  expect(existsSync(`${fleet.dir}.lock`)).toBe(false);
  expect(fleet.fake.totalRequests()).toBe(0);
});

it('stops starting entities once the failure rate passes the threshold', async () => {
  fleet = await startTestFleet({ piloto: 20 });
  for (const id of ids(fleet).slice(0, 4))
    fleet.fake.setFaults(id, [{ kind: 'permission-denied' }]);
  const result = await rollout(
    fleet,
    '--concurrency',
    '1',
    '--max-failure-rate',
    '0.2',
    '--min-finished',
    '5',
    '--json',
  );
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as JsonReport;
  // Four failures, one success: 80 % of 5 finished > 20 %; the other 15 are never started.
  expect(report.stopped).toBe(true);
  expect(report.stopReason).toMatch(/fallaron 4 de 5 entidades/);
  expect(report.entities.map((e) => e.status)).toEqual([
    ...Array(4).fill('failed'),
    'ok',
    ...Array(15).fill('not-attempted'),
  ]);
  for (const id of ids(fleet).slice(5)) expect(fleet.fake.countsFor(id)['content.get']).toBe(0);
  expect(report.target).toEqual({ from: '4', to: '4', changed: false });
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '4' });
});

it('reruns without touching finished entities and continues a half-done one from the journal', async () => {
  fleet = await startTestFleet({ piloto: 3 });
  const [a, half, c] = ids(fleet) as [string, string, string];
  fleet.fake.setFaults(half, [{ kind: 'permission-denied', on: ['deployments.update'] }]);
  expect((await rollout(fleet)).code).toBe(1);
  expect(fleet.pinOf(half)).toBe('5');
  expect(webAppOf(fleet.project(half)).versionNumber).toBe(2);

  fleet.fake.clearFaults();
  fleet.fake.resetCounts();
  const rerun = await rollout(fleet, '--json');
  expect(rerun.code).toBe(0);
  const report = JSON.parse(rerun.stdout) as JsonReport;
  expect(report.entities.map((e) => e.status)).toEqual(['skipped', 'ok', 'skipped']);
  for (const id of [a, c])
    expect(Object.values(fleet.fake.countsFor(id)).reduce((x, y) => x + y, 0)).toBe(0);
  // The manifest already pins 5 and version 3 was created: neither is done again.
  expect(fleet.fake.countsFor(half)['content.update']).toBe(0);
  expect(fleet.fake.countsFor(half)['versions.create']).toBe(0);
  expect(fleet.fake.countsFor(half)['deployments.update']).toBe(1);
  expect(webAppOf(fleet.project(half)).versionNumber).toBe(3);
  expect(fleet.project(half).versions).toHaveLength(3);
});

it('rolls back pins and deployments from the journal, restores the ring target, and reruns as a no-op', async () => {
  fleet = await startTestFleet({ piloto: 4, temprana: 2 });
  const piloto = ids(fleet).slice(0, 4);
  const manifestsBefore = new Map(piloto.map((id) => [id, fleet.project(id).files[0]?.source]));
  expect((await rollout(fleet)).code).toBe(0);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({
    piloto: '5',
    temprana: '4',
  });
  for (const id of piloto) expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);

  fleet.fake.resetCounts();
  const back = await fleet.run([
    'rollback',
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    ...FAST,
  ]);
  expect(back.code).toBe(0);
  for (const id of piloto) {
    expect(fleet.pinOf(id)).toBe('4');
    expect(fleet.project(id).files[0]?.source).toBe(manifestsBefore.get(id));
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(2);
    expect(headOf(fleet.project(id)).versionNumber).toBeNull();
  }
  // Old versions already pin the old library: no version is created on the way back.
  expect(fleet.fake.counts['versions.create']).toBe(0);
  expect(fleet.fake.counts['content.update']).toBe(4);
  expect(fleet.fake.counts['deployments.update']).toBe(4);
  for (const id of ids(fleet).slice(4)) expect(fleet.fake.countsFor(id)['content.get']).toBe(0);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({
    piloto: '4',
    temprana: '4',
  });
  expect(back.stdout).toMatch(/Objetivo del anillo piloto: 5 → 4/);

  fleet.fake.resetCounts();
  const again = await fleet.run([
    'rollback',
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    ...FAST,
  ]);
  expect(again.code).toBe(0);
  expect(fleet.fake.totalRequests()).toBe(0);
});

it('restores the target the ring had before a rollout that was rerun after failures', async () => {
  fleet = await startTestFleet({ piloto: 2 });
  const [, b] = ids(fleet) as [string, string];
  fleet.fake.setFaults(b, [{ kind: 'unavailable', times: 99, on: ['versions.create'] }]);
  expect((await rollout(fleet, '--max-attempts', '2')).code).toBe(1);
  // The run went through the whole ring: the target moves, and the failure shows as drift.
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '5' });
  fleet.fake.clearFaults();
  expect((await rollout(fleet)).code).toBe(0);
  expect(webAppOf(fleet.project(b)).versionNumber).toBe(3);
  expect(
    (await fleet.run(['rollback', '--ring', 'piloto', '--journal', fleet.journal, ...FAST])).code,
  ).toBe(0);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '4' });
  expect(fleet.pinOf(b)).toBe('4');
  expect(webAppOf(fleet.project(b)).versionNumber).toBe(2);
});

it('refuses a wrong token per entity, and runs nothing without credentials', async () => {
  fleet = await startTestFleet({ piloto: 1 });
  const io = (overrides: NodeJS.ProcessEnv) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: {
        stdout: (t: string) => void (out.stdout += t),
        stderr: (t: string) => void (out.stderr += t),
        stderrIsTTY: false,
        env: { ...env(), ...overrides },
      },
    };
  };
  const args = [
    'status',
    '--json',
    '--registry',
    fleet.registry,
    '--api-root',
    fleet.fake.url,
    ...FAST,
  ];
  const wrong = io({ PQRS_FLEET_ACCESS_TOKEN: 'not-the-token' });
  expect(await runCli(args, wrong.io)).toBe(1);
  expect(JSON.parse(wrong.out.stdout)[0].error.code).toBe('UNAUTHENTICATED');

  const none = io({
    PQRS_FLEET_ACCESS_TOKEN: '',
    clasp_config_auth: `${fleet.dir}/no-such-clasprc.json`,
  });
  expect(await runCli(args, none.io)).toBe(2);
  expect(none.out.stderr).toMatch(/No hay credenciales: ejecute "npx clasp login"/);
  expect(fleet.fake.totalRequests()).toBe(1);
});

it('rejects bad usage with exit code 2 before any request', async () => {
  fleet = await startTestFleet({ piloto: 1 });
  for (const args of [
    ['rollout', '--to', '5', '--ring', 'piloto'],
    ['rollout', '--to', 'cinco', '--ring', 'piloto', '--journal', fleet.journal],
    ['plan', '--to', '5', '--ring', 'beta'],
    ['deploy'],
  ]) {
    const result = await fleet.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fleet: /);
  }
  expect(fleet.fake.totalRequests()).toBe(0);
});
