// versions.create is not idempotent and a project's versions can never be deleted: an answer lost
// after the server created the version, a version that lands after the client gave up, or a kill
// before the journal recorded its number must never give an entity a second version for the same
// target. Over HTTP against the fake: `commit-then-hang` creates the version at once and holds the
// answer past the client's timeout; `hang` holds the request and creates it afterwards. Fixtures:
// every entity pins 4 and has versions 1 and 2, so the rollout's version is number 3.
import { FAST, type TestFleet, readJournalLines, startTestFleet, webAppOf } from './fleet-harness';

jest.setTimeout(90_000);

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

interface Entity {
  scriptId: string;
  status: string;
  versionNumber: number | null;
  changes: string[];
  error: { code: string; message: string } | null;
}

const ROLLOUT = ['rollout', '--to', '5', '--ring', 'piloto'];
const rollout = async (f: TestFleet): Promise<{ code: number; entities: Entity[] }> => {
  const r = await f.run([...ROLLOUT, '--journal', f.journal, '--json', ...FAST]);
  return { code: r.code, entities: (JSON.parse(r.stdout) as { entities: Entity[] }).entities };
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('does not retry versions.create after a timeout or a 5xx, and takes the version that landed', async () => {
  fleet = await startTestFleet({ piloto: 3 }, { hangMs: 3_000 });
  const [lost, failed, quota] = fleet.rows.map((r) => r.scriptId) as [string, string, string];
  fleet.fake.setFaults(lost, [{ kind: 'commit-then-hang', on: ['versions.create'] }]);
  fleet.fake.setFaults(failed, [{ kind: 'unavailable', on: ['versions.create'] }]);
  fleet.fake.setFaults(quota, [{ kind: 'rate-limit', on: ['versions.create'] }]);

  const first = await rollout(fleet);
  expect(first.code).toBe(1);
  // Created, answer lost: one request, then the version is found by listing.
  expect(first.entities[0]).toMatchObject({ status: 'ok', versionNumber: 3 });
  expect(first.entities[0]?.changes).toContain(
    'versión 3 reutilizada (la creó un intento anterior)',
  );
  expect(fleet.fake.countsFor(lost)['versions.create']).toBe(1);
  expect(fleet.project(lost).versions).toHaveLength(3);
  expect(fleet.pinOfVersion(lost, 3)).toBe('5');
  expect(webAppOf(fleet.project(lost)).versionNumber).toBe(3);
  // A 503 may have landed: not retried; none was created, so the entity fails for a rerun.
  expect(first.entities[1]?.status).toBe('failed');
  expect(first.entities[1]?.error?.code).toBe('UNAVAILABLE');
  expect(first.entities[1]?.error?.message).toMatch(/pudo crearse/);
  expect(fleet.fake.countsFor(failed)['versions.create']).toBe(1);
  expect(fleet.project(failed).versions).toHaveLength(2);
  // A 429 is refused before anything is done: retried as before.
  expect(first.entities[2]).toMatchObject({ status: 'ok', versionNumber: 3 });
  expect(fleet.fake.countsFor(quota)['versions.create']).toBe(2);
  expect(fleet.project(quota).versions).toHaveLength(3);

  const second = await rollout(fleet);
  expect(second.code).toBe(0);
  expect(second.entities.map((e) => e.status)).toEqual(['skipped', 'ok', 'skipped']);
  expect(fleet.fake.countsFor(failed)['versions.create']).toBe(2);
  for (const id of [lost, failed, quota]) {
    expect(fleet.project(id).versions).toHaveLength(3);
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);
  }

  fleet.fake.resetCounts();
  expect((await rollout(fleet)).code).toBe(0);
  expect(fleet.fake.totalRequests()).toBe(0);
});

it('takes a version that landed after the client gave up, on the rerun', async () => {
  fleet = await startTestFleet({ piloto: 1 }, { hangMs: 3_000 });
  const [id] = fleet.rows.map((r) => r.scriptId) as [string];
  fleet.fake.setFaults(id, [{ kind: 'hang', on: ['versions.create'] }]);

  const first = await rollout(fleet);
  expect(first.entities[0]?.status).toBe('failed');
  expect(first.entities[0]?.error?.code).toBe('TIMEOUT');
  expect(fleet.fake.countsFor(id)['versions.create']).toBe(1);
  await waitFor(() => fleet.project(id).versions.length === 3, 10_000);

  const second = await rollout(fleet);
  expect(second.code).toBe(0);
  expect(second.entities[0]).toMatchObject({ status: 'ok', versionNumber: 3 });
  expect(fleet.fake.countsFor(id)['versions.create']).toBe(1);
  expect(fleet.project(id).versions).toHaveLength(3);
  expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);
});

it('after a kill between creating the version and journaling it, the rerun reuses it', async () => {
  fleet = await startTestFleet({ piloto: 1 }, { hangMs: 60_000 });
  const [id] = fleet.rows.map((r) => r.scriptId) as [string];
  fleet.fake.setFaults(id, [{ kind: 'commit-then-hang', on: ['versions.create'] }]);
  const killed = fleet.spawn([
    ...ROLLOUT,
    '--journal',
    fleet.journal,
    '--timeout-ms',
    '60000',
    '--retry-base-ms',
    '5',
  ]);
  // The server has created version 3; its answer is still held when the process dies.
  await waitFor(() => fleet.project(id).versions.length === 3, 30_000);
  killed.child.kill('SIGKILL');
  await killed.done;
  const steps = readJournalLines(fleet.journal)
    .filter((r) => r.scriptId === id)
    .map((r) => r.step);
  expect(steps).toEqual(['started', 'content-written']);

  const rerun = await rollout(fleet);
  expect(rerun.code).toBe(0);
  expect(rerun.entities[0]).toMatchObject({ status: 'ok', versionNumber: 3 });
  expect(fleet.fake.countsFor(id)['versions.create']).toBe(1);
  expect(fleet.project(id).versions).toHaveLength(3);
  expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);
});
