// The CHANGELOG is the release's description and the library's "Acerca de": its format is checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogEntry, parseChangelog } from '../../../tools/release/changelog.mjs';

const ROOT = join(__dirname, '..', '..', '..');

describe('the CHANGELOG', () => {
  it('reads entries newest first with their notes', () => {
    const text = [
      '# Changelog',
      'intro',
      '## 0.2.0 — 2026-12-01',
      '- Uno,',
      '  continuado.',
      '- Dos.',
      '## 0.1.0 — 2026-11-27',
      '- Primero.',
    ].join('\n');
    expect(parseChangelog(text)).toEqual([
      { version: '0.2.0', date: '2026-12-01', notes: ['Uno, continuado.', 'Dos.'] },
      { version: '0.1.0', date: '2026-11-27', notes: ['Primero.'] },
    ]);
  });

  it('names the line of a malformed heading, and says what to add for a version without entry', () => {
    expect(() => parseChangelog('# C\n\n## 0.2 del 1 de diciembre\n- x')).toThrow(/línea 3/);
    expect(() => changelogEntry('## 0.1.0 — 2026-11-27\n- x', '0.2.0')).toThrow(
      /## 0\.2\.0 — AAAA-MM-DD/,
    );
  });

  it('has an entry with changes for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const entry = changelogEntry(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
    expect(entry.notes.length).toBeGreaterThan(0);
  });
});
