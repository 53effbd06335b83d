// A fleet for the CLI tests: a temporary folder with a registry and rings.json, and the fake Apps
// Script API on loopback holding one project per entity. Commands run either in this process
// (runCli, fast) or as a child process (the real entry point, for stdout/stderr and kills).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../tools/fleet/cli';
import {
  type FakeEntityRow,
  fakeEntities,
  fakeProject,
  writeRegistry,
} from '../../../tools/fleet/fake-fleet';
import {
  type FakeProject,
  type FakeScriptApi,
  startFakeScriptApi,
} from '../../../tools/fleet/fake-script-api';
import { findManifest, readLibraryPin } from '../../../tools/fleet/manifest-pin';
import { saveRingTargets } from '../../../tools/fleet/fleet-config';
import type { Ring } from '../../../tools/fleet/registry';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const LIBRARY_ID = '1PQRStestLibraryVentanilla00000000000000000000000000000AB';
export const TOKEN = 'test-token-fleet';

/** The keys of a `status --json` row as the README documents them, no more and no fewer (sorted). */
export const STATUS_ROW_KEYS = [
  'scriptId',
  'entity',
  'ring',
  'pinnedVersion',
  'error',
  'pinnedText',
  'target',
  'drift',
  'developmentMode',
  'daneCode',
  'department',
].sort();

/** Flags that keep retries and timeouts short in tests. */
export const FAST = ['--retry-base-ms', '5', '--timeout-ms', '400'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestFleet {
  dir: string;
  registry: string;
  rings: string;
  journal: string;
  rows: FakeEntityRow[];
  fake: FakeScriptApi;
  project(scriptId: string): FakeProject;
  /** The version our library's entry pins in the HEAD manifest. */
  pinOf(scriptId: string): string | null;
  /** The version the manifest of an entity version pins. */
  pinOfVersion(scriptId: string, versionNumber: number): string | null;
  run(args: string[]): Promise<CliResult>;
  spawn(args: string[]): { child: ChildProcess; done: Promise<CliResult> };
  close(): Promise<void>;
}

export const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  PQRS_FLEET_ACCESS_TOKEN: TOKEN,
  PQRS_LIBRARY_ID: LIBRARY_ID,
});

export async function startTestFleet(
  counts: Partial<Record<Ring, number>>,
  options: {
    latencyMs?: number;
    hangMs?: number;
    version?: string;
    /** The library the entities' manifests name (default LIBRARY_ID, the configured one). */
    libraryId?: string;
  } = {},
): Promise<TestFleet> {
  const dir = mkdtempSync(join(tmpdir(), 'pqrs-fleet-test-'));
  const registry = join(dir, 'registry.csv');
  const rings = join(dir, 'rings.json');
  const rows = fakeEntities({ piloto: 0, temprana: 0, general: 0, ...counts });
  writeRegistry(registry, rows);
  const version = options.version ?? '4';
  saveRingTargets(rings, { piloto: version, temprana: version, general: version });
  const fake = await startFakeScriptApi({
    token: TOKEN,
    latencyMs: options.latencyMs,
    hangMs: options.hangMs ?? 5_000,
  });
  const pinned = options.libraryId ?? LIBRARY_ID;
  rows.forEach((row, i) => fake.addProject(fakeProject(row.scriptId, pinned, version, i)));
  const children: ChildProcess[] = [];

  const project = (scriptId: string): FakeProject => {
    const p = fake.projects.get(scriptId);
    if (!p) throw new Error(`no project ${scriptId}`);
    return p;
  };
  return {
    dir,
    registry,
    rings,
    journal: join(dir, 'journal.jsonl'),
    rows,
    fake,
    project,
    pinOf: (scriptId) =>
      readLibraryPin(findManifest(project(scriptId).files).source, LIBRARY_ID).version,
    pinOfVersion: (scriptId, versionNumber) => {
      const version = project(scriptId).versions.find((v) => v.versionNumber === versionNumber);
      if (!version) throw new Error(`no version ${versionNumber} of ${scriptId}`);
      return readLibraryPin(findManifest(version.files).source, LIBRARY_ID).version;
    },
    async run(args) {
      let stdout = '';
      let stderr = '';
      const code = await runCli([...args, '--registry', registry, '--api-root', fake.url], {
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        stderrIsTTY: false,
        env: env(),
      });
      return { code, stdout, stderr };
    },
    spawn(args) {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'tools/fleet/cli.ts',
          ...args,
          '--registry',
          registry,
          '--api-root',
          fake.url,
        ],
        { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const done = new Promise<CliResult>((resolveDone) => {
        child.on('close', (code, signal) =>
          resolveDone({ code: code ?? (signal ? 128 : -1), stdout, stderr }),
        );
      });
      return { child, done };
    },
    async close() {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function readJournalLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** The versioned web app deployment of a fake project (the fixtures have exactly one). */
export function webAppOf(project: FakeProject) {
  const d = project.deployments.find((x) => x.webApp && x.versionNumber !== null);
  if (!d) throw new Error(`no web app deployment in ${project.scriptId}`);
  return d;
}

export function headOf(project: FakeProject) {
  const d = project.deployments.find((x) => x.versionNumber === null);
  if (!d) throw new Error(`no HEAD deployment in ${project.scriptId}`);
  return d;
}
