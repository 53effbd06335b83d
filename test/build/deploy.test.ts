// Deploying must fail loudly, never skip silently.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('npm run deploy', () => {
  it('refuses to run without clasp credentials, saying how to get them', () => {
    const home = mkdtempSync(join(tmpdir(), 'no-clasp-'));
    const result = spawnSync('node', ['tools/deploy.mjs', 'library'], {
      cwd: root,
      env: { ...process.env, HOME: home, clasp_config_auth: '' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no clasp credentials');
    expect(result.stderr).toContain('clasp login');
  });

  it('refuses a project file whose scriptId is still the placeholder', () => {
    const home = mkdtempSync(join(tmpdir(), 'clasp-'));
    const auth = join(home, '.clasprc.json');
    writeFileSync(auth, '{"tokens":{}}');
    const result = spawnSync('node', ['tools/deploy.mjs', 'library'], {
      cwd: root,
      env: { ...process.env, HOME: home, clasp_config_auth: auth },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('scriptId');
  });

  it('explains its usage for an unknown target', () => {
    const home = mkdtempSync(join(tmpdir(), 'clasp-'));
    const auth = join(home, '.clasprc.json');
    writeFileSync(auth, '{}');
    const result = spawnSync('node', ['tools/deploy.mjs', 'everything'], {
      cwd: root,
      env: { ...process.env, clasp_config_auth: auth },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('usage');
  });
});
