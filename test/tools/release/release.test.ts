// `npm run release` against the fake Apps Script API over HTTP: the built library becomes the
// project's code, an immutable version is cut with the CHANGELOG entry as its description, the
// versions left are reported, and nothing is written when a release cannot be made.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { type FakeScriptApi, startFakeScriptApi } from '../../../tools/fleet/fake-script-api';
import { createScriptApi } from '../../../tools/fleet/script-api';
import { releaseEntryOf, runRelease } from '../../../tools/release/release';

const ROOT = resolve(__dirname, '..', '..', '..');
const TOKEN = 'release-test-token';
const LIBRARY = '1PQRSreleaseTestLibrary000000000000000000000000000000000AB';
const STAMP = '2026-11-01T00:00:00Z';

function libraryProject(versions: number) {
  return {
    scriptId: LIBRARY,
    files: [
      {
        name: 'appsscript',
        type: 'JSON' as const,
        source: '{"timeZone":"America/Bogota"}',
        createTime: STAMP,
        updateTime: STAMP,
      },
    ],
    versions: Array.from({ length: versions }, (_, i) => ({
      versionNumber: i + 1,
      description: `v${i + 1}`,
      createTime: STAMP,
      files: [],
    })),
    deployments: [],
  };
}

describe('npm run release', () => {
  let fake: FakeScriptApi;
  let dir: string;
  const lines: string[] = [];
  /** A rehearsal release into the fake (no test run, no git check), as the CLI would make it. */
  const release = (env: NodeJS.ProcessEnv = {}, timeoutMs = 5000) =>
    runRelease({
      repoRoot: ROOT,
      configDir: dir,
      distDir: join(dir, 'dist'),
      skipTests: true,
      allowDirty: true,
      env,
      api: createScriptApi({ auth: authed(), apiRoot: fake.url, timeoutMs }),
      log: (line) => lines.push(line),
    });
  const authed = () => {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: TOKEN, token_type: 'Bearer' });
    return client;
  };

  beforeEach(async () => {
    fake = await startFakeScriptApi({ token: TOKEN });
    dir = mkdtempSync(join(tmpdir(), 'pqrs-release-'));
    writeFileSync(
      join(dir, 'library.json'),
      JSON.stringify({ '//': 'kept', scriptId: LIBRARY, version: '1' }),
    );
    lines.length = 0;
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const packageVersion = () =>
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('pushes the built library, cuts a version described by the CHANGELOG and records it', async () => {
    fake.addProject(libraryProject(130)); // more than one page of versions.list
    const record = await release();
    // The entry as written: its heading and its first change, read without the release's parser.
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8').split('\n');
    const heading = changelog.findIndex((l) => l.startsWith(`## ${packageVersion()} — `));
    const entry = {
      version: packageVersion(),
      date: changelog[heading].slice(`## ${packageVersion()} — `.length).trim(),
      notes: [
        changelog
          .slice(heading + 1)
          .find((l) => l.startsWith('- '))!
          .slice(2),
      ],
    };
    const project = fake.projects.get(LIBRARY)!;
    // The project's code is the build: Code.js (with its release embedded), the dialogs, the manifest.
    const code = project.files.find((f) => f.name === 'Code')!;
    expect(code.type).toBe('SERVER_JS');
    expect(code.source).toBe(readFileSync(join(dir, 'dist', 'library', 'Code.js'), 'utf8'));
    expect(code.source).toContain(`version: "${entry.version}"`);
    expect(project.files.some((f) => f.name === 'sidebar' && f.type === 'HTML')).toBe(true);
    expect(project.files.find((f) => f.name === 'appsscript')!.source).toBe(
      readFileSync(join(ROOT, 'appsscript.json'), 'utf8'),
    );
    const created = project.versions.at(-1)!;
    expect(created.versionNumber).toBe(131);
    expect(
      created.description.startsWith(`${entry.version} (${entry.date}): ${entry.notes[0]}`),
    ).toBe(true);
    expect(record).toMatchObject({ version: entry.version, versionNumber: 131, scriptId: LIBRARY });
    // 200 per project, 131 used.
    expect(lines.join('\n')).toContain('tiene 131 de 200 versiones; quedan 69');
    const releases = JSON.parse(readFileSync(join(dir, 'releases.json'), 'utf8'));
    expect(releases[0]).toMatchObject({ version: entry.version, versionNumber: 131 });
    // New entity scripts pin it; the file's other keys stay.
    expect(JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8'))).toEqual({
      '//': 'kept',
      scriptId: LIBRARY,
      version: '131',
    });
  });

  it('never publishes the same version twice, and writes nothing when refused', async () => {
    fake.addProject(libraryProject(3));
    await release();
    fake.resetCounts();
    await expect(release()).rejects.toThrow(/ya se publicó \(versión 4 de la biblioteca/);
    expect(fake.writesFor(LIBRARY)).toBe(0);
  });

  it('refuses before writing when the library project has no version left', async () => {
    fake.addProject(libraryProject(200));
    await expect(release()).rejects.toThrow(/ya tiene 200 versiones, el máximo/);
    expect(fake.writesFor(LIBRARY)).toBe(0);
    expect(fake.projects.get(LIBRARY)!.versions).toHaveLength(200);
  });

  it('warns when few versions remain', async () => {
    fake.addProject(libraryProject(185));
    await release();
    expect(lines.join('\n')).toContain('quedan 14');
    expect(lines.join('\n')).toContain('ATENCIÓN: quedan pocas versiones');
  });

  it('records, without cutting another, a version an interrupted run already published', async () => {
    const project = libraryProject(7);
    project.versions.push({
      versionNumber: 8,
      description: `${packageVersion()} (2026-11-27): cambios`,
      createTime: STAMP,
      files: [],
    });
    fake.addProject(project);
    const record = await release();
    expect(record.versionNumber).toBe(8);
    expect(fake.writesFor(LIBRARY)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'releases.json'), 'utf8'))[0]).toMatchObject({
      version: packageVersion(),
      versionNumber: 8,
    });
  });

  it('takes the version the server cut when its answer was lost, and cuts no second one', async () => {
    await fake.close();
    fake = await startFakeScriptApi({ token: TOKEN, hangMs: 1500 });
    fake.addProject(libraryProject(4));
    fake.setFaults(LIBRARY, [{ kind: 'commit-then-hang', on: ['versions.create'], times: 1 }]);
    const record = await release({}, 300);
    expect(record.versionNumber).toBe(5);
    expect(fake.projects.get(LIBRARY)!.versions).toHaveLength(5);
    expect(fake.counts['versions.create']).toBe(1);
  });

  it('leaves library.json alone when PQRS_LIBRARY_ID names another library', async () => {
    const other = '1PQRSotherLibraryProject00000000000000000000000000000000AB';
    fake.addProject({ ...libraryProject(2), scriptId: other });
    await release({ PQRS_LIBRARY_ID: other });
    expect(fake.projects.get(other)!.versions).toHaveLength(3);
    expect(JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')).version).toBe('1');
  });

  it('after a move to a fresh library project, the next step moves entities off the old one', async () => {
    const old = '1PQRSpreviousLibraryProject000000000000000000000000000000AB';
    writeFileSync(
      join(dir, 'releases.json'),
      JSON.stringify([{ version: '0.0.9', versionNumber: 199, date: '2026-10-01', scriptId: old }]),
    );
    fake.addProject(libraryProject(0));
    const record = await release();
    expect(record.versionNumber).toBe(1);
    expect(lines.join('\n')).toContain(`--to 1 --ring piloto --from-library ${old}`);
  });

  it('says what to add when package.json has a version the CHANGELOG lacks', () => {
    const repo = mkdtempSync(join(tmpdir(), 'pqrs-release-repo-'));
    try {
      writeFileSync(join(repo, 'package.json'), JSON.stringify({ version: '9.9.9' }));
      writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## 0.1.0 — 2026-11-27\n\n- Uno.\n');
      expect(() => releaseEntryOf(repo, [])).toThrow(/## 9\.9\.9 — AAAA-MM-DD/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
