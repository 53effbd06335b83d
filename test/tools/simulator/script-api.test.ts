// The in-memory Apps Script API the fleet tool will call: one test per emulated rule.
import {
  DEFAULT_BASE_MANIFEST,
  ScriptApiError,
  ScriptApiModel,
  type ScriptApiOptions,
  type ScriptFileInput,
} from '../../../tools/simulator/services/script-api';

const T0 = Date.parse('2026-07-06T08:00:00-05:00');
const HOUR = 60 * 60 * 1000;
const MINISTRY = 'fleet@mintic.gov.co';
const OTHER = 'other@mintic.gov.co';

function model(options: Partial<ScriptApiOptions> = {}) {
  const clock = { now: T0 };
  const api = new ScriptApiModel({ nowMs: () => clock.now, ...options });
  return { api, clock };
}

const manifest = (source = '{"timeZone":"America/Bogota"}'): ScriptFileInput => ({
  name: 'appsscript',
  type: 'JSON',
  source,
});
const code = (name: string, source = 'function f() {}'): ScriptFileInput => ({
  name,
  type: 'SERVER_JS',
  source,
});

function caught(fn: () => unknown): ScriptApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScriptApiError) return error;
    throw error;
  }
  throw new Error('expected a ScriptApiError');
}

describe('projects.create', () => {
  it('creates a project bound to parentId, holding only the base manifest', () => {
    const { api } = model();
    const project = api.createProject(MINISTRY, { title: 'PQRSD', parentId: 'sheet-1' });
    expect(project).toMatchObject({
      title: 'PQRSD',
      parentId: 'sheet-1',
      creator: { email: MINISTRY },
      createTime: new Date(T0).toISOString(),
    });
    const content = api.getContent(project.scriptId);
    expect(content.files.map((f) => [f.name, f.type, f.source])).toEqual([
      ['appsscript', 'JSON', DEFAULT_BASE_MANIFEST],
    ]);
  });

  it('without parentId the project is standalone', () => {
    const { api } = model();
    expect('parentId' in api.createProject(MINISTRY, { title: 'Librería' })).toBe(false);
  });

  it('allows 50 creations per user in the 24 h after the first one, then answers 429', () => {
    const { api, clock } = model();
    for (let i = 0; i < 50; i += 1) {
      api.createProject(MINISTRY, { title: `shim ${i}` });
      clock.now += 10 * 60 * 1000; // spread over 8 h 20 min
    }
    const error = caught(() => api.createProject(MINISTRY, { title: 'one too many' }));
    expect(error.code).toBe(429);
    expect(error.status).toBe('RESOURCE_EXHAUSTED');
    expect(error.message).toBe('Resource has been exhausted (e.g. check quota).');
    expect(error.reason).toBe('rateLimitExceeded');
    expect(api.remainingProjectCreations(MINISTRY)).toBe(0);
    // Another user has a quota of their own.
    expect(() => api.createProject(OTHER, { title: 'x' })).not.toThrow();
    // Still refused just before 24 h from the first creation, allowed at 24 h.
    clock.now = T0 + 24 * HOUR - 1;
    expect(() => api.createProject(MINISTRY, { title: 'early' })).toThrow(ScriptApiError);
    clock.now = T0 + 24 * HOUR;
    expect(() => api.createProject(MINISTRY, { title: 'next day' })).not.toThrow();
    expect(api.remainingProjectCreations(MINISTRY)).toBe(49);
  });

  it('takes the daily cap as an option', () => {
    const { api } = model({ projectCreationsPerDay: 2 });
    api.createProject(MINISTRY, { title: 'a' });
    api.createProject(MINISTRY, { title: 'b' });
    expect(caught(() => api.createProject(MINISTRY, { title: 'c' })).code).toBe(429);
  });
});

describe('projects.getContent', () => {
  it('answers 404 for an unknown project', () => {
    const { api } = model();
    const error = caught(() => api.getContent('nope'));
    expect(error.toJSON()).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
  });
});

describe('projects.updateContent', () => {
  it('replaces every file: files left out are deleted', () => {
    const { api, clock } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    api.updateContent(MINISTRY, scriptId, [manifest(), code('Code'), code('Menu')]);
    clock.now += HOUR;
    const after = api.updateContent(OTHER, scriptId, [manifest('{"v":2}'), code('Code', '//v2')]);
    expect(after.files.map((f) => f.name)).toEqual(['appsscript', 'Code']);
    const read = api.getContent(scriptId);
    expect(read.files.map((f) => [f.name, f.source])).toEqual([
      ['appsscript', '{"v":2}'],
      ['Code', '//v2'],
    ]);
    expect(read.files[1].lastModifyUser).toEqual({ email: OTHER });
    expect(read.files[1].updateTime).toBe(new Date(T0 + HOUR).toISOString());
  });

  it('refuses content without the manifest "appsscript" of type JSON, and keeps the old files', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    api.updateContent(MINISTRY, scriptId, [manifest(), code('Code')]);
    const missing = caught(() => api.updateContent(MINISTRY, scriptId, [code('Code')]));
    expect(missing.code).toBe(400);
    expect(missing.status).toBe('INVALID_ARGUMENT');
    expect(missing.message).toBe('Project contents must include a manifest file named appsscript.');
    // A script file named appsscript is not a manifest.
    expect(caught(() => api.updateContent(MINISTRY, scriptId, [code('appsscript')])).message).toBe(
      'Project contents must include a manifest file named appsscript.',
    );
    expect(api.getContent(scriptId).files.map((f) => f.name)).toEqual(['appsscript', 'Code']);
  });

  it('refuses two manifests, other JSON files and duplicate files', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    const attempts: ScriptFileInput[][] = [
      [manifest(), manifest()],
      [manifest(), { name: 'config', type: 'JSON', source: '{}' }],
      [manifest(), code('Code'), code('Code')],
      [manifest(), { name: 'x', type: 'CSS' as never, source: '' }],
      [manifest(), code('')],
    ];
    for (const files of attempts) {
      expect(caught(() => api.updateContent(MINISTRY, scriptId, files)).code).toBe(400);
    }
    // A script and an HTML file may share a name.
    expect(() =>
      api.updateContent(MINISTRY, scriptId, [
        manifest(),
        code('Sidebar'),
        { name: 'Sidebar', type: 'HTML', source: '<p></p>' },
      ]),
    ).not.toThrow();
  });

  it('answers 404 for an unknown project', () => {
    const { api } = model();
    expect(caught(() => api.updateContent(MINISTRY, 'nope', [manifest()])).code).toBe(404);
  });
});

describe('projects.versions', () => {
  it('numbers versions 1, 2, … and keeps each as an immutable snapshot of HEAD', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'Librería' });
    api.updateContent(MINISTRY, scriptId, [manifest(), code('Code', '// v1')]);
    const v1 = api.createVersion(MINISTRY, scriptId, 'first');
    api.updateContent(MINISTRY, scriptId, [manifest(), code('Code', '// v2')]);
    const v2 = api.createVersion(MINISTRY, scriptId);
    expect([v1.versionNumber, v2.versionNumber]).toEqual([1, 2]);
    expect(v1).toEqual({
      scriptId,
      versionNumber: 1,
      description: 'first',
      createTime: new Date(T0).toISOString(),
    });
    expect('description' in v2).toBe(false);
    api.updateContent(MINISTRY, scriptId, [manifest(), code('Code', '// HEAD')]);
    const source = (versionNumber?: number) =>
      api.getContent(scriptId, { versionNumber }).files.find((f) => f.name === 'Code')?.source;
    expect([source(1), source(2), source()]).toEqual(['// v1', '// v2', '// HEAD']);
    expect(caught(() => api.getContent(scriptId, { versionNumber: 3 })).code).toBe(404);
  });

  it('caps versions per project at 200 by default (unverified figure), with no way to delete', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'Librería' });
    for (let i = 0; i < 200; i += 1) api.createVersion(MINISTRY, scriptId, `v${i + 1}`);
    const error = caught(() => api.createVersion(MINISTRY, scriptId, 'v201'));
    expect(error.code).toBe(400);
    expect(error.status).toBe('FAILED_PRECONDITION');
    expect(api.versionCount(scriptId)).toBe(200);
    expect('deleteVersion' in api).toBe(false);
  });

  it('takes the version cap as an option', () => {
    const { api } = model({ maxVersionsPerProject: 2 });
    const { scriptId } = api.createProject(MINISTRY, { title: 'Librería' });
    api.createVersion(MINISTRY, scriptId);
    api.createVersion(MINISTRY, scriptId);
    expect(() => api.createVersion(MINISTRY, scriptId)).toThrow(/maximum/);
  });

  it('lists versions 50 a page by default, and answers {} when there are none', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'Librería' });
    expect(api.listVersions(scriptId)).toEqual({});
    for (let i = 0; i < 120; i += 1) api.createVersion(MINISTRY, scriptId);
    const first = api.listVersions(scriptId);
    expect(first.versions).toHaveLength(50);
    expect(first.versions?.[0].versionNumber).toBe(1);
    const second = api.listVersions(scriptId, { pageToken: first.nextPageToken });
    const third = api.listVersions(scriptId, { pageToken: second.nextPageToken });
    expect(third.versions?.map((v) => v.versionNumber)).toEqual(
      Array.from({ length: 20 }, (_, i) => 101 + i),
    );
    expect(third.nextPageToken).toBeUndefined();
    expect(api.listVersions(scriptId, { pageSize: 200 }).versions).toHaveLength(120);
  });
});

describe('per-minute limits', () => {
  it('none apply by default', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    for (let i = 0; i < 1000; i += 1) api.getContent(scriptId, { user: MINISTRY });
    expect(api.calls.byMethod['projects.getContent']).toBe(1000);
  });

  it('a configured method limit answers 429 within 60 s, per user, and frees up after', () => {
    const { api, clock } = model({ perMinuteLimit: { 'projects.updateContent': 2 } });
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    api.updateContent(MINISTRY, scriptId, [manifest()]);
    clock.now += 30_000;
    api.updateContent(MINISTRY, scriptId, [manifest()]);
    clock.now += 29_999;
    const error = caught(() => api.updateContent(MINISTRY, scriptId, [manifest()]));
    expect(error.code).toBe(429);
    expect(error.status).toBe('RESOURCE_EXHAUSTED');
    expect(error.message).toMatch(/per minute per user.*script\.googleapis\.com/);
    // Other users and other methods are not limited.
    expect(() => api.updateContent(OTHER, scriptId, [manifest()])).not.toThrow();
    expect(() => api.getContent(scriptId, { user: MINISTRY })).not.toThrow();
    // 60 s after the first call one slot is free again.
    clock.now = T0 + 60_000;
    expect(() => api.updateContent(MINISTRY, scriptId, [manifest()])).not.toThrow();
    expect(() => api.updateContent(MINISTRY, scriptId, [manifest()])).toThrow(ScriptApiError);
  });
});

describe('call counters', () => {
  it('count every call per method and per user, failures included', () => {
    const { api } = model();
    const { scriptId } = api.createProject(MINISTRY, { title: 'shim' });
    api.updateContent(MINISTRY, scriptId, [manifest()]);
    expect(() => api.updateContent(OTHER, scriptId, [])).toThrow(ScriptApiError);
    api.createVersion(OTHER, scriptId);
    api.getContent(scriptId);
    api.listVersions(scriptId, { user: MINISTRY });
    expect(api.calls.total).toBe(6);
    expect(api.calls.byMethod).toEqual({
      'projects.create': 1,
      'projects.getContent': 1,
      'projects.updateContent': 2,
      'projects.versions.create': 1,
      'projects.versions.list': 1,
    });
    expect(api.calls.byUser).toEqual({
      [MINISTRY]: {
        'projects.create': 1,
        'projects.updateContent': 1,
        'projects.versions.list': 1,
      },
      [OTHER]: { 'projects.updateContent': 1, 'projects.versions.create': 1 },
      '': { 'projects.getContent': 1 },
    });
    expect(api.calls.failedByMethod['projects.updateContent']).toBe(1);
  });
});
