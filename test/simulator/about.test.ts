// Ventanilla PQRSD › Acerca de: anyone who opens the spreadsheet can see which release of the
// library it runs (package.json's version, as build.mjs embeds it) and what that release changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogEntry } from '../../tools/release/changelog.mjs';
import { CLERK, Desk, ROOT, useBuiltBundle } from './fixtures';

useBuiltBundle();

describe('Acerca de', () => {
  it('shows a clerk the release and its changes', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const entry = changelogEntry(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
    const desk = new Desk();
    const run = desk.harness.menu(desk.name, CLERK, 'Acerca de');
    expect(run.error).toBeNull();
    const alert = desk.entity.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Acerca de Ventanilla PQRSD');
    expect(alert.prompt).toContain(`versión ${version} (publicada el ${entry.date})`);
    expect(alert.prompt).toContain(entry.notes[0]);
  });
});
