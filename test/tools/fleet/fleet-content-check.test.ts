// A write whose read-back fails has still landed: HEAD pins the target with a file that is not the
// entity's. A rerun must not cut a version from that content and publish it (it fails the entity
// again, every time, and says to check by hand), and a rollback restores only the pin, reporting
// the file it does not rewrite. Over HTTP against the fake, whose `alter-after-write` changes the
// first non-manifest file (Code) right after the write lands.
import { ALTERED_LINE } from '../../../tools/fleet/fake-script-api';
import { FAST, type TestFleet, startTestFleet, webAppOf } from './fleet-harness';

jest.setTimeout(60_000);

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

interface Entity {
  scriptId: string;
  status: string;
  changes: string[];
  warnings: string[];
  error: { code: string; message: string } | null;
}

const codeOf = (f: TestFleet, id: string): string | undefined =>
  f.project(id).files.find((x) => x.name === 'Code')?.source;
const manifestOf = (f: TestFleet, id: string): string | undefined =>
  f.project(id).files.find((x) => x.name === 'appsscript')?.source;

it('never publishes content that failed verification, however often the rollout is rerun', async () => {
  fleet = await startTestFleet({ piloto: 2 });
  const [a, b] = fleet.rows.map((r) => r.scriptId) as [string, string];
  const codeBefore = codeOf(fleet, a) as string;
  const manifestBefore = manifestOf(fleet, a) as string;
  fleet.fake.setFaults(a, [{ kind: 'alter-after-write', on: ['content.update'] }]);
  const rollout = async (): Promise<{ code: number; entities: Entity[] }> => {
    const r = await fleet.run([
      'rollout',
      '--to',
      '5',
      '--ring',
      'piloto',
      '--journal',
      fleet.journal,
      '--json',
      ...FAST,
    ]);
    return { code: r.code, entities: (JSON.parse(r.stdout) as { entities: Entity[] }).entities };
  };

  const first = await rollout();
  expect(first.code).toBe(1);
  expect(first.entities[0]?.error?.code).toBe('VERIFY_FAILED');
  // The write landed, then Code changed: HEAD pins 5 with a file the entity did not have.
  expect(fleet.pinOf(a)).toBe('5');
  expect(codeOf(fleet, a)).toBe(codeBefore + ALTERED_LINE);

  // plan, reading the same journal, says what the rollout will refuse, not "redeploy".
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
  const rows = JSON.parse(plan.stdout) as { action: string; error: { code: string } | null }[];
  expect(rows.map((r) => [r.action, r.error?.code ?? null])).toEqual([
    ['error', 'VERIFY_FAILED'],
    ['done-in-journal', null],
  ]);

  for (let rerun = 0; rerun < 2; rerun++) {
    fleet.fake.resetCounts();
    const again = await rollout();
    expect(again.code).toBe(1);
    expect(again.entities.map((e) => e.status)).toEqual(['failed', 'skipped']);
    const error = again.entities[0]?.error;
    expect(error?.code).toBe('VERIFY_FAILED');
    expect(error?.message).toMatch(/"Code" cambió/);
    expect(error?.message).toMatch(/revisar el contenido a mano/);
    // Nothing cut, nothing moved, nothing written: the web app still runs version 2 (pins 4).
    const counts = fleet.fake.countsFor(a);
    expect(counts['versions.create']).toBe(0);
    expect(counts['deployments.update']).toBe(0);
    expect(counts['content.update']).toBe(0);
    expect(fleet.project(a).versions).toHaveLength(2);
    expect(webAppOf(fleet.project(a)).versionNumber).toBe(2);
  }

  fleet.fake.resetCounts();
  const back = await fleet.run([
    'rollback',
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    '--json',
    ...FAST,
  ]);
  expect(back.code).toBe(0);
  const entities = (JSON.parse(back.stdout) as { entities: Entity[] }).entities;
  expect(entities.map((e) => [e.scriptId, e.status])).toEqual([
    [a, 'ok'],
    [b, 'ok'],
  ]);
  // The pin goes back by the same textual edit; Code is left as it is, and the report says so.
  expect(manifestOf(fleet, a)).toBe(manifestBefore);
  expect(codeOf(fleet, a)).toBe(codeBefore + ALTERED_LINE);
  expect(entities[0]?.warnings.join(' ')).toMatch(
    /"Code" cambió.*solo restaura la versión fijada.*revíselos a mano/,
  );
  expect(entities[1]?.warnings).toEqual([]);
  expect(fleet.fake.countsFor(a)['content.update']).toBe(1);
  expect(webAppOf(fleet.project(a)).versionNumber).toBe(2);
  expect(fleet.pinOf(b)).toBe('4');
});
