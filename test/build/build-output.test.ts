// What Apps Script will load: checked on the real build output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import ENTRY_POINTS from '../../src/shim/entry-points.json';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

beforeAll(() => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
});

describe('dist/library', () => {
  it('declares every library function the shim calls as a top-level function', () => {
    const code = read('dist/library/Code.js');
    for (const entry of ENTRY_POINTS.entries) {
      expect(code).toMatch(new RegExp(`^function ${entry.calls}\\(`, 'm'));
    }
  });

  it('exposes no other public global: internals sit behind a name ending in _', () => {
    const sandbox: Record<string, unknown> = {};
    vm.runInNewContext(read('dist/library/Code.js'), sandbox);
    const visible = Object.keys(sandbox).filter((name) => !name.endsWith('_'));
    const called = new Set(ENTRY_POINTS.entries.map((e) => e.calls));
    expect(new Set(visible)).toEqual(called);
  });

  it('is ES2019: no optional chaining, nullish coalescing or class fields survive', () => {
    const code = read('dist/library/Code.js');
    expect(code).not.toMatch(/\?\.[a-zA-Z_$([]/);
    expect(code).not.toMatch(/[^?]\?\?[^?]/);
    expect(code).not.toMatch(/^\s+static\s+\w+\s*=/m);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('ships the sidebar HTML and a V8 manifest in America/Bogota with explicit scopes', () => {
    expect(read('dist/library/sidebar.html')).toContain('google.script.run');
    const manifest = JSON.parse(read('dist/library/appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('America/Bogota');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    // MailApp's narrow scope, never full Gmail (restricted scope).
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
  });
});

describe('dist/entity', () => {
  it('has one forwarding line per entry point, each handing over the shim services', () => {
    const code = read('dist/entity/Code.js');
    for (const entry of ENTRY_POINTS.entries) {
      const line = code.split('\n').find((l) => l.startsWith(`function ${entry.name}(`));
      expect(line).toBeDefined();
      expect(line).toContain(
        `${ENTRY_POINTS.userSymbol}.${entry.calls}(${ENTRY_POINTS.servicesFunction}()`,
      );
    }
    expect(code).toContain('PropertiesService.getScriptProperties()');
    expect(code).toContain('LockService.getScriptLock()');
    expect(code).toContain('CacheService.getScriptCache()');
  });

  it('pins the library by symbol, id and version, never in development mode', () => {
    const manifest = JSON.parse(read('dist/entity/appsscript.json'));
    const [library] = manifest.dependencies.libraries;
    expect(library.userSymbol).toBe(ENTRY_POINTS.userSymbol);
    expect(library.developmentMode).toBe(false);
    expect(library.libraryId).toBe(JSON.parse(read('config/library.json')).scriptId);
    expect(library.version).toBe(JSON.parse(read('config/library.json')).version);
    expect(manifest.webapp.executeAs).toBe('USER_DEPLOYING');
  });

  it('takes the pinned library from the environment when given', () => {
    const out = mkdtempSync(join(tmpdir(), 'pqrs-build-'));
    execFileSync('node', ['build.mjs', '--out', out], {
      cwd: root,
      env: { ...process.env, PQRS_LIBRARY_ID: 'lib-xyz', PQRS_LIBRARY_VERSION: '42' },
    });
    const manifest = JSON.parse(readFileSync(join(out, 'entity', 'appsscript.json'), 'utf8'));
    expect(manifest.dependencies.libraries[0]).toMatchObject({
      libraryId: 'lib-xyz',
      version: '42',
    });
    rmSync(out, { recursive: true, force: true });
  });
});
