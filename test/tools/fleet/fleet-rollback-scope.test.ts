// What a rollback undoes and what a rollout after it redoes, over HTTP against the fake. A rollback
// undoes the latest rollout of the ring only: entities an earlier rollout moved and the latest one
// never reached stay where the ring goes back to. A rollback that fails midway leaves the entity
// half undone, so the next rollout redoes it from the baseline of its first attempt instead of
// skipping it as done. Fixtures: every entity pins 4, its web app runs version 2 of 2.
import { readFileSync } from 'node:fs';
import { FAST, type TestFleet, startTestFleet, webAppOf } from './fleet-harness';

jest.setTimeout(60_000);

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

interface Report {
  stopped: boolean;
  target: { from: string | null; to: string | null; changed: boolean };
  entities: {
    scriptId: string;
    status: string;
    from: string | null;
    versionNumber: number | null;
    error: { code: string } | null;
  }[];
}

const ids = (f: TestFleet): string[] => f.rows.map((r) => r.scriptId);
const run = async (f: TestFleet, args: string[]): Promise<{ code: number; report: Report }> => {
  const r = await f.run([...args, '--journal', f.journal, '--json', ...FAST]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};
const rollout = (f: TestFleet, to: string, ...extra: string[]) =>
  run(f, ['rollout', '--to', to, '--ring', 'piloto', ...extra]);
const rollback = (f: TestFleet) => run(f, ['rollback', '--ring', 'piloto']);

it('rolls back only the entities the latest rollout of the ring touched', async () => {
  fleet = await startTestFleet({ piloto: 4 });
  const [a, b, c, d] = ids(fleet) as [string, string, string, string];
  expect((await rollout(fleet, '5')).code).toBe(0);
  // Every entity on 5, its web app on version 3; the ring's target is 5.
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '5' });

  // A rollout to 6, one at a time, stopped after a's success and b's failure (1 of 2 > 40 %).
  fleet.fake.setFaults(b, [{ kind: 'permission-denied', on: ['content.update'] }]);
  const six = await rollout(
    fleet,
    '6',
    '--concurrency',
    '1',
    '--min-finished',
    '2',
    '--max-failure-rate',
    '0.4',
  );
  expect(six.report.stopped).toBe(true);
  expect(six.report.entities.map((e) => e.status)).toEqual([
    'ok',
    'failed',
    'not-attempted',
    'not-attempted',
  ]);
  expect(fleet.pinOf(a)).toBe('6');
  expect(webAppOf(fleet.project(a)).versionNumber).toBe(4);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '5' });

  fleet.fake.clearFaults();
  fleet.fake.resetCounts();
  const back = await rollback(fleet);
  expect(back.code).toBe(0);
  expect(back.report.entities.map((e) => [e.scriptId, e.status])).toEqual([
    [a, 'ok'],
    [b, 'ok'],
  ]);
  // The ring goes back to 5, and so does every entity: a from 6, b and the untouched c, d stay.
  for (const id of [a, b, c, d]) {
    expect(fleet.pinOf(id)).toBe('5');
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);
  }
  for (const id of [c, d]) {
    expect(Object.values(fleet.fake.countsFor(id)).reduce((x, y) => x + y, 0)).toBe(0);
  }
  expect(back.report.target).toEqual({ from: '5', to: '5', changed: false });
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '5' });
});

it('redoes an entity whose rollback failed midway, from the baseline of its first attempt', async () => {
  fleet = await startTestFleet({ piloto: 2 });
  const [a, b] = ids(fleet) as [string, string];
  expect((await rollout(fleet, '5')).code).toBe(0);
  expect(webAppOf(fleet.project(a)).versionNumber).toBe(3);

  // The rollback restores a's manifest, then cannot move its web app back.
  fleet.fake.setFaults(a, [{ kind: 'permission-denied', on: ['deployments.update'] }]);
  const back = await rollback(fleet);
  expect(back.code).toBe(1);
  expect(back.report.entities[0]).toMatchObject({
    status: 'failed',
    error: { code: 'PERMISSION_DENIED' },
  });
  expect(fleet.pinOf(a)).toBe('4');
  expect(webAppOf(fleet.project(a)).versionNumber).toBe(3);

  // The journal's rollout of a is done, but a is half undone: plan and rollout both see work.
  fleet.fake.clearFaults();
  const plan = await fleet.run([
    'plan',
    '--to',
    '5',
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    '--json',
    ...FAST,
  ]);
  expect((JSON.parse(plan.stdout) as { action: string }[]).map((r) => r.action)).toEqual([
    'update',
    'update',
  ]);

  fleet.fake.resetCounts();
  const again = await rollout(fleet, '5');
  expect(again.code).toBe(0);
  expect(again.report.entities[0]).toMatchObject({
    status: 'ok',
    from: '4',
    versionNumber: 3,
  });
  expect(fleet.pinOf(a)).toBe('5');
  expect(webAppOf(fleet.project(a)).versionNumber).toBe(3);
  // Version 3, cut by the first attempt for 5, is taken again: no second version for 5.
  expect(fleet.fake.countsFor(a)['versions.create']).toBe(0);
  expect(fleet.project(a).versions).toHaveLength(3);
  // b was fully rolled back: a new rollout of it, with a version of its own.
  expect(again.report.entities[1]).toMatchObject({ status: 'ok', from: '4', versionNumber: 4 });

  // Rolling back now returns a to what it had before the first attempt: 4, version 2.
  expect((await rollback(fleet)).code).toBe(0);
  for (const id of [a, b]) {
    expect(fleet.pinOf(id)).toBe('4');
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(2);
  }
});
