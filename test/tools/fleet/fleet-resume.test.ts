// A rollout killed (SIGKILL) midway, then run again with the same journal: the entities the journal
// calls done get no second request at all, the half-done ones are finished without a second
// manifest write, a torn journal line is ignored, and every entity ends on the target with its web
// app deployment running a version that pins it. The same for a move off the previous library
// project (--from-library): every entity ends naming the configured library, none the old one.
import { appendFileSync } from 'node:fs';
import { findManifest, readLibraryPin } from '../../../tools/fleet/manifest-pin';
import {
  FAST,
  LIBRARY_ID,
  type TestFleet,
  readJournalLines,
  startTestFleet,
  webAppOf,
} from './fleet-harness';

jest.setTimeout(90_000);

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

function doneIds(journal: string): string[] {
  return readJournalLines(journal)
    .filter((r) => r.op === 'rollout' && r.step === 'done')
    .map((r) => r.scriptId as string);
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const OLD = '1PQRSoldLibraryVentanillaAgotada0000000000000000000000XY';

async function killAndResume(move: { from: string; to: string; library?: string }): Promise<void> {
  // 20 ms per request, 6 requests per entity, 2 at a time: about 60 ms per finished entity.
  fleet = await startTestFleet(
    { piloto: 30 },
    { latencyMs: 20, version: move.from, libraryId: move.library },
  );
  const args = [
    'rollout',
    '--to',
    move.to,
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    '--concurrency',
    '2',
    ...(move.library ? ['--from-library', move.library] : []),
    ...FAST,
  ];

  const first = fleet.spawn(args);
  await waitFor(() => {
    try {
      return doneIds(fleet.journal).length >= 6;
    } catch {
      return false;
    }
  }, 60_000);
  first.child.kill('SIGKILL');
  const killed = await first.done;
  expect(killed.code).not.toBe(0);

  const finished = doneIds(fleet.journal);
  expect(finished.length).toBeGreaterThanOrEqual(6);
  expect(finished.length).toBeLessThan(30);
  const requestsBefore = new Map(
    fleet.rows.map((r) => [
      r.scriptId,
      Object.values(fleet.fake.countsFor(r.scriptId)).reduce((a, b) => a + b, 0),
    ]),
  );
  const journaled = (step: string): Set<string> =>
    new Set(
      readJournalLines(fleet.journal)
        .filter((r) => r.op === 'rollout' && r.step === step)
        .map((r) => r.scriptId as string),
    );
  const contentWritten = journaled('content-written');
  const versionCreated = journaled('version-created');
  // As if the kill had landed inside a write: half a record, no newline.
  appendFileSync(fleet.journal, '{"v":1,"at":"2026-03-02T10:00:00.000Z","op":"rollout","step":"do');

  const second = fleet.spawn([...args, '--json']);
  const result = await second.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/línea\(s\) ilegible\(s\)/);
  const report = JSON.parse(result.stdout) as { entities: { scriptId: string; status: string }[] };
  const status = new Map(report.entities.map((e) => [e.scriptId, e.status]));

  for (const row of fleet.rows) {
    const id = row.scriptId;
    const project = fleet.project(id);
    expect(fleet.pinOf(id)).toBe(move.to);
    const web = webAppOf(project);
    expect(fleet.pinOfVersion(id, web.versionNumber as number)).toBe(move.to);
    if (move.library) {
      const version = project.versions.find((v) => v.versionNumber === web.versionNumber);
      for (const files of [project.files, version?.files ?? []]) {
        const manifest = findManifest(files).source;
        expect(manifest).not.toContain(move.library);
        expect(readLibraryPin(manifest, LIBRARY_ID).userSymbol).toBe('PQRS');
      }
    }
    expect(project.deployments.find((d) => d.versionNumber === null)).toBeDefined();
    const counts = fleet.fake.countsFor(id);
    if (finished.includes(id)) {
      expect(status.get(id)).toBe('skipped');
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(requestsBefore.get(id));
      expect(counts['content.update']).toBe(1);
      expect(counts['versions.create']).toBe(1);
      expect(counts['deployments.update']).toBe(1);
    } else {
      expect(status.get(id)).toBe('ok');
      // What the killed run journaled is not done again. (A write cut off in flight may have
      // reached the server unfinished; then the rerun writes once more.)
      if (contentWritten.has(id)) expect(counts['content.update']).toBe(1);
      else expect(counts['content.update']).toBeLessThanOrEqual(2);
      if (versionCreated.has(id)) expect(counts['versions.create']).toBe(1);
    }
  }
  // Every entity is done once in the journal after the rerun.
  const doneAfter = doneIds(fleet.journal);
  expect(new Set(doneAfter).size).toBe(30);
  expect(doneAfter).toHaveLength(30);
}

it('resumes a killed rollout from the journal without rewriting finished entities', async () => {
  await killAndResume({ from: '4', to: '5' });
});

it('resumes a killed move off the previous library: every entity ends on the new one', async () => {
  await killAndResume({ from: '198', to: '1', library: OLD });
});
