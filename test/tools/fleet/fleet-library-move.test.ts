// Moving entities from the previous library project (out of versions) to the configured one with
// `--from-library OLD`, over HTTP against the fake. Fixtures: every entity's manifest names OLD at
// version 198 next to another library; versions 1 and 2 exist and the web app runs version 2; the
// configured library (PQRS_LIBRARY_ID) is LIBRARY_ID, released into from version 1. Expected values
// follow from the rules: only the characters of the entry's libraryId and version change, every
// other byte and file stays, and the web app moves to a new version naming LIBRARY_ID at 1.
import { readFileSync } from 'node:fs';
import { fakeProject } from '../../../tools/fleet/fake-fleet';
import { FAKE_WRITE_KINDS, type FakeProject } from '../../../tools/fleet/fake-script-api';
import { saveRingTargets } from '../../../tools/fleet/fleet-config';
import { findManifest, readLibraryPin } from '../../../tools/fleet/manifest-pin';
import {
  FAST,
  LIBRARY_ID,
  STATUS_ROW_KEYS,
  type TestFleet,
  headOf,
  readJournalLines,
  startTestFleet,
  webAppOf,
} from './fleet-harness';

jest.setTimeout(90_000);

const OLD = '1PQRSoldLibraryVentanillaAgotada0000000000000000000000XY';
const OTHER = '1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF';

// The installer's indented manifest, written out by hand: the fixture before the move is this with
// (OLD, "198"); after it, exactly this with (LIBRARY_ID, "1").
const manifestText = (libraryId: string, version: string): string => `{
  "timeZone": "America/Bogota",
  "dependencies": {
    "enabledAdvancedServices": [
      {
        "userSymbol": "Drive",
        "serviceId": "drive",
        "version": "v3"
      }
    ],
    "libraries": [
      {
        "userSymbol": "OAuth2",
        "libraryId": "${OTHER}",
        "version": "43"
      },
      {
        "userSymbol": "PQRS",
        "libraryId": "${libraryId}",
        "version": "${version}",
        "developmentMode": false
      }
    ]
  },
  "exceptionLogging": "STACKDRIVER",
  "runtimeVersion": "V8",
  "webapp": {
    "executeAs": "USER_DEPLOYING",
    "access": "ANYONE_ANONYMOUS"
  },
  "oauthScopes": [
    "https://www.googleapis.com/auth/spreadsheets.currentonly",
    "https://www.googleapis.com/auth/forms",
    "https://www.googleapis.com/auth/script.send_mail"
  ]
}`;

let fleet: TestFleet;
afterEach(async () => {
  await fleet?.close();
});

interface Entity {
  scriptId: string;
  status: string;
  from: string | null;
  to: string | null;
  library?: { from: string; to: string };
  versionNumber: number | null;
  changes: string[];
  warnings: string[];
  error: { code: string; message: string } | null;
}
interface Report {
  target: { from: string | null; to: string | null; changed: boolean };
  entities: Entity[];
}

const ids = (f: TestFleet): string[] => f.rows.map((r) => r.scriptId);
const manifestOf = (p: { files: { name: string; source: string }[] }): string =>
  p.files.find((x) => x.name === 'appsscript')?.source ?? '';
const snapshot = (p: FakeProject) => p.files.map((x) => ({ ...x }));
const requestsFor = (f: TestFleet, id: string): number =>
  Object.values(f.fake.countsFor(id)).reduce((a, b) => a + b, 0);
const writesTotal = (f: TestFleet): number =>
  FAKE_WRITE_KINDS.reduce((sum, kind) => sum + f.fake.counts[kind], 0);
const MOVE = ['rollout', '--to', '1', '--ring', 'piloto', '--from-library', OLD];
const run = async (f: TestFleet, args: string[]): Promise<{ code: number; report: Report }> => {
  const r = await f.run([...args, '--journal', f.journal, '--json', ...FAST]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
};

/** Names both libraries: the entity's PQRS entry on OLD and a second one on LIBRARY_ID. */
function addSecondEntry(project: FakeProject): void {
  const manifest = project.files.find((x) => x.name === 'appsscript');
  if (!manifest) throw new Error('no manifest');
  manifest.source = manifest.source.replace(
    '"libraries": [',
    `"libraries": [\n      { "userSymbol": "PQRSNueva", "libraryId": "${LIBRARY_ID}", "version": "1" },`,
  );
}

it('moves an entity off the previous library changing only the libraryId and version characters', async () => {
  // a: indented manifest on OLD; b: already on LIBRARY_ID at 1 (handled as any rollout); c: names
  // both libraries; d: a compact one-line manifest on OLD; e: names neither.
  fleet = await startTestFleet({ piloto: 5 }, { libraryId: OLD, version: '198' });
  const [a, b, c, d, e] = ids(fleet) as [string, string, string, string, string];
  fleet.fake.addProject(fakeProject(b, LIBRARY_ID, '1', 1));
  addSecondEntry(fleet.project(c));
  const eManifest = fleet.project(e).files.find((x) => x.name === 'appsscript');
  if (eManifest) eManifest.source = eManifest.source.split(OLD).join(OTHER.replace('1B', '1C'));

  expect(manifestOf(fleet.project(a))).toBe(manifestText(OLD, '198'));
  const before = new Map([a, d].map((id) => [id, snapshot(fleet.project(id))]));
  const webBefore = { ...webAppOf(fleet.project(a)) };
  const headBefore = { ...headOf(fleet.project(a)) };

  const first = await run(fleet, MOVE);
  expect(first.code).toBe(1);
  expect(first.report.entities.map((x) => [x.scriptId, x.status, x.error?.code ?? null])).toEqual([
    [a, 'ok', null],
    [b, 'ok', null],
    [c, 'failed', 'LIBRARY_AMBIGUOUS'],
    [d, 'ok', null],
    [e, 'failed', 'LIBRARY_NOT_REFERENCED'],
  ]);

  // a: the manifest is the hand-written one with the new library at 1; nothing else changed.
  const projectA = fleet.project(a);
  expect(manifestOf(projectA)).toBe(manifestText(LIBRARY_ID, '1'));
  // d: compact layout; the two values' characters are replaced where they stand.
  const dBefore = manifestOf({ files: before.get(d) ?? [] });
  const at = dBefore.indexOf(`"libraryId":"${OLD}"`) + '"libraryId":'.length;
  const v = dBefore.indexOf('"version":"198"', at) + '"version":'.length;
  expect(manifestOf(fleet.project(d))).toBe(
    `${dBefore.slice(0, at)}"${LIBRARY_ID}"${dBefore.slice(at + OLD.length + 2, v)}"1"${dBefore.slice(v + 5)}`,
  );
  for (const id of [a, d]) {
    const old = before.get(id) ?? [];
    const now = fleet.project(id).files;
    expect(now.map((x) => [x.name, x.type])).toEqual(old.map((x) => [x.name, x.type]));
    for (const [i, file] of now.entries()) {
      if (file.name !== 'appsscript') expect(file.source).toBe(old[i]?.source);
    }
    expect(fleet.fake.countsFor(id)['content.update']).toBe(1);
  }

  // The web app runs a new version whose manifest names the new library at 1; HEAD untouched.
  const web = webAppOf(projectA);
  expect(web.versionNumber).toBe(3);
  const v3 = projectA.versions.find((x) => x.versionNumber === 3);
  expect(v3?.description).toBe('PQRS 1 (rollout piloto)');
  expect(manifestOf(v3 ?? { files: [] })).toBe(manifestText(LIBRARY_ID, '1'));
  expect(readLibraryPin(findManifest(v3?.files ?? []).source, LIBRARY_ID).version).toBe('1');
  expect(web.description).toBe(webBefore.description);
  expect(headOf(projectA)).toEqual(headBefore);
  expect(first.report.entities[0]).toMatchObject({
    from: '198',
    to: '1',
    versionNumber: 3,
    library: { from: OLD, to: LIBRARY_ID },
  });
  expect(first.report.entities[0]?.changes[0]).toMatch(/^manifiesto: librería anterior .* v198 → /);

  // b was already on the new library at 1, its web app too: no write at all, no library change.
  expect(fleet.fake.writesFor(b)).toBe(0);
  expect(first.report.entities[1]?.library).toBeUndefined();
  // c and e: a clear Spanish reason, nothing written.
  expect(first.report.entities[2]?.error?.message).toMatch(
    /usa a la vez la librería anterior .* y la nueva/,
  );
  expect(first.report.entities[4]?.error?.message).toMatch(/no usa la librería .* ni la anterior/);
  for (const id of [c, e]) expect(fleet.fake.writesFor(id)).toBe(0);

  // The journal's started record keeps what a rollback needs: the old library and version.
  const started = readJournalLines(fleet.journal).find(
    (r) => r.op === 'rollout' && r.step === 'started' && r.scriptId === a,
  );
  expect(started).toMatchObject({
    from: '198',
    fromLibrary: OLD,
    toLibrary: LIBRARY_ID,
    manifest: manifestText(OLD, '198'),
    deployments: [{ deploymentId: webBefore.deploymentId, versionNumber: 2 }],
    versionsBefore: 2,
  });

  // The rerun: nothing sent for the finished entities; the failing ones are only read again.
  fleet.fake.resetCounts();
  const again = await run(fleet, MOVE);
  expect(again.code).toBe(1);
  expect(again.report.entities.map((x) => x.status)).toEqual([
    'skipped',
    'skipped',
    'failed',
    'skipped',
    'failed',
  ]);
  for (const id of [a, b, d]) expect(requestsFor(fleet, id)).toBe(0);
  expect(writesTotal(fleet)).toBe(0);
});

it('rolls a moved entity back to the previous library, its old version and its web app version', async () => {
  fleet = await startTestFleet({ piloto: 2, temprana: 1 }, { libraryId: OLD, version: '198' });
  const [a, b, t] = ids(fleet) as [string, string, string];
  const before = new Map(ids(fleet).map((id) => [id, snapshot(fleet.project(id))]));

  const moved = await run(fleet, MOVE);
  expect(moved.code).toBe(0);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({
    piloto: '1',
    temprana: '198',
  });
  for (const id of [a, b]) {
    expect(manifestOf(fleet.project(id))).toBe(manifestText(LIBRARY_ID, '1'));
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(3);
  }

  // rollback takes the library from the journal: --from-library is refused before any request.
  fleet.fake.resetCounts();
  const refused = await fleet.run([
    'rollback',
    '--ring',
    'piloto',
    '--journal',
    fleet.journal,
    '--from-library',
    OLD,
  ]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/rollback no usa --from-library/);
  expect(fleet.fake.totalRequests()).toBe(0);

  const back = await run(fleet, ['rollback', '--ring', 'piloto']);
  expect(back.code).toBe(0);
  expect(back.report.entities.map((x) => [x.scriptId, x.status])).toEqual([
    [a, 'ok'],
    [b, 'ok'],
  ]);
  expect(back.report.entities[0]).toMatchObject({
    from: '1',
    to: '198',
    library: { from: LIBRARY_ID, to: OLD },
    warnings: [],
  });
  for (const id of [a, b]) {
    // Byte for byte what the entity had: the old library at 198, every file.
    expect(fleet.project(id).files.map((x) => x.source)).toEqual(
      (before.get(id) ?? []).map((x) => x.source),
    );
    expect(manifestOf(fleet.project(id))).toBe(manifestText(OLD, '198'));
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(2);
    expect(fleet.project(id).versions).toHaveLength(3);
  }
  expect(fleet.fake.counts['versions.create']).toBe(0);
  expect(fleet.fake.counts['content.update']).toBe(2);
  expect(fleet.fake.counts['deployments.update']).toBe(2);
  expect(requestsFor(fleet, t)).toBe(0);
  expect(JSON.parse(readFileSync(fleet.rings, 'utf8'))).toMatchObject({ piloto: '198' });

  // Moved again after the rollback: version 3, already naming the new library at 1, is reused.
  fleet.fake.resetCounts();
  const redo = await run(fleet, MOVE);
  expect(redo.code).toBe(0);
  for (const id of [a, b]) {
    expect(manifestOf(fleet.project(id))).toBe(manifestText(LIBRARY_ID, '1'));
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(4);
  }
});

it('a rerun finishes a half-moved entity without the flag, and refuses content that changed', async () => {
  fleet = await startTestFleet({ piloto: 2 }, { libraryId: OLD, version: '198' });
  const [half, altered] = ids(fleet) as [string, string];
  const codeBefore = fleet.project(altered).files.find((x) => x.name === 'Code')?.source;
  fleet.fake.setFaults(half, [{ kind: 'permission-denied', on: ['deployments.update'] }]);
  fleet.fake.setFaults(altered, [{ kind: 'alter-after-write', on: ['content.update'] }]);
  const first = await run(fleet, MOVE);
  expect(first.code).toBe(1);
  expect(first.report.entities.map((x) => x.error?.code)).toEqual([
    'PERMISSION_DENIED',
    'VERIFY_FAILED',
  ]);
  // Both writes landed: HEAD names the new library at 1.
  for (const id of [half, altered]) {
    expect(manifestOf(fleet.project(id))).toBe(manifestText(LIBRARY_ID, '1'));
  }

  // Without --from-library: the journal names the previous library of each half-done entity.
  fleet.fake.clearFaults();
  fleet.fake.resetCounts();
  const rerun = await run(fleet, ['rollout', '--to', '1', '--ring', 'piloto']);
  expect(rerun.code).toBe(1);
  // half: HEAD is the original with only the libraryId and version changed, so it is published.
  expect(rerun.report.entities[0]).toMatchObject({ status: 'ok', versionNumber: 3 });
  expect(fleet.fake.countsFor(half)['content.update']).toBe(0);
  expect(fleet.fake.countsFor(half)['versions.create']).toBe(0);
  expect(webAppOf(fleet.project(half)).versionNumber).toBe(3);
  // altered: the manifest passes the same check; the changed Code file does not.
  expect(rerun.report.entities[1]?.error?.code).toBe('VERIFY_FAILED');
  expect(rerun.report.entities[1]?.error?.message).toMatch(/"Code" cambió/);
  expect(fleet.fake.writesFor(altered)).toBe(0);
  expect(webAppOf(fleet.project(altered)).versionNumber).toBe(2);

  // The rollback puts the old library back on both, and leaves the changed Code file alone.
  const back = await run(fleet, ['rollback', '--ring', 'piloto']);
  expect(back.code).toBe(0);
  for (const id of [half, altered]) {
    expect(manifestOf(fleet.project(id))).toBe(manifestText(OLD, '198'));
    expect(webAppOf(fleet.project(id)).versionNumber).toBe(2);
  }
  expect(fleet.project(altered).files.find((x) => x.name === 'Code')?.source).not.toBe(codeBefore);
  expect(back.report.entities[1]?.warnings.join(' ')).toMatch(/"Code" cambió/);
});

describe('status and plan with and without --from-library', () => {
  // a on OLD at 198, b on LIBRARY_ID at 1 (web app too), c naming both; the ring's target is 1.
  const setUp = async (): Promise<[string, string, string]> => {
    fleet = await startTestFleet({ piloto: 3 }, { libraryId: OLD, version: '198' });
    const [a, b, c] = ids(fleet) as [string, string, string];
    fleet.fake.addProject(fakeProject(b, LIBRARY_ID, '1', 1));
    addSecondEntry(fleet.project(c));
    saveRingTargets(fleet.rings, { piloto: '1' });
    return [a, b, c];
  };

  it('status: without the flag an entity on the previous library is an error; with it, a note', async () => {
    const [a, b, c] = await setUp();
    const plain = await fleet.run(['status', '--json', ...FAST]);
    expect(plain.code).toBe(1);
    const rows = JSON.parse(plain.stdout) as Record<string, unknown>[];
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(STATUS_ROW_KEYS);
    expect(rows[0]).toMatchObject({
      scriptId: a,
      pinnedVersion: null,
      error: { code: 'LIBRARY_NOT_REFERENCED' },
    });
    expect(rows[1]).toMatchObject({ scriptId: b, pinnedVersion: 1, error: null, drift: 0 });
    // Unchanged behaviour: only the configured library's entry is read.
    expect(rows[2]).toMatchObject({ scriptId: c, pinnedVersion: 1, error: null, drift: 0 });

    const flagged = await fleet.run(['status', '--json', '--from-library', OLD, ...FAST]);
    expect(flagged.code).toBe(1);
    const withFlag = JSON.parse(flagged.stdout) as Record<string, unknown>[];
    for (const row of withFlag) {
      expect(Object.keys(row).sort()).toEqual([...STATUS_ROW_KEYS, 'library'].sort());
    }
    expect(withFlag[0]).toEqual(
      expect.objectContaining({
        scriptId: a,
        pinnedVersion: 198,
        pinnedText: '198',
        error: null,
        library: 'previous',
        target: '1',
        drift: null,
      }),
    );
    expect(withFlag[1]).toMatchObject({ pinnedVersion: 1, error: null, library: 'current' });
    expect(withFlag[2]).toMatchObject({
      pinnedVersion: null,
      library: null,
      error: { code: 'LIBRARY_AMBIGUOUS' },
    });

    const text = await fleet.run(['status', '--from-library', OLD, ...FAST]);
    expect(text.stdout).toMatch(/En la librería anterior \(--from-library\): 1;/);
    const line = text.stdout.split('\n').find((l) => l.includes('todavía en la librería anterior'));
    expect(line).toMatch(/piloto\s+198\s+1\s+lib\. anterior/);
    expect(writesTotal(fleet)).toBe(0);
  });

  it('plan --from-library lists the move and sends no write', async () => {
    const [a] = await setUp();
    const plan = await fleet.run([
      'plan',
      '--to',
      '1',
      '--ring',
      'piloto',
      '--from-library',
      OLD,
      '--json',
      ...FAST,
    ]);
    expect(plan.code).toBe(1);
    const rows = JSON.parse(plan.stdout) as Record<string, unknown>[];
    expect(
      rows.map((r) => [r.action, r.library ?? null, (r.error as { code: string })?.code]),
    ).toEqual([
      ['update', 'previous', undefined],
      ['none', 'current', undefined],
      ['error', null, 'LIBRARY_AMBIGUOUS'],
    ]);
    expect(rows[0]).toMatchObject({
      scriptId: a,
      from: '198',
      deployments: [{ versionNumber: 2 }],
    });
    const text = await fleet.run(['plan', '--to', '1', '--ring', 'piloto', '--from-library', OLD]);
    expect(text.stdout).toMatch(/por actualizar 1 \(1 desde la librería anterior\)/);
    expect(text.stdout).toMatch(/manifiesto: librería anterior v198 → esta librería v1/);
    expect(writesTotal(fleet)).toBe(0);
    expect(manifestOf(fleet.project(a))).toBe(manifestText(OLD, '198'));
  });

  it('refuses a --from-library that is the configured library or not a script ID', async () => {
    await setUp();
    for (const [value, message] of [
      [LIBRARY_ID, /es la librería configurada/],
      ['no es un id', /--from-library debe ser el scriptId/],
    ] as const) {
      const r = await fleet.run([...MOVE.slice(0, -1), value, '--journal', fleet.journal]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(fleet.fake.totalRequests()).toBe(0);
  });
});
