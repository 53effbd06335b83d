// Two entities on one library in one simulation: each keeps its own numbering, sheet and mail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../tools/scenario/scenario-types';
import { loadBuiltProjects, runScenario } from '../../tools/scenario/run-scenario';
import { writeOutputs } from '../../tools/scenario/write-outputs';
import { readCases } from '../../tools/scenario/read-back';

const root = join(__dirname, '..', '..');

it('keeps numbering, cases and mail apart, and writes outputs per entity', () => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
  const scenario = parseScenario(
    JSON.parse(readFileSync(join(root, 'scenarios', 'two-entities.json'), 'utf8')),
  );
  const result = runScenario(scenario, loadBuiltProjects(join(root, 'dist')));
  const a = readCases(result.workspace.entity('san-jeronimo').spreadsheet);
  const b = readCases(result.workspace.entity('sopetran').spreadsheet);
  expect(a.map((c) => c.radicado)).toEqual(['05656-2026-000001', '05656-2026-000002']);
  expect(b.map((c) => c.radicado)).toEqual(['05761-2026-000001']);
  expect(a.map((c) => c.subject).join(' ')).not.toContain('Sopetrán');
  expect(b[0].status).toBe('respondido');
  // Each entity's mail leaves from its own people: the acknowledgement from the trigger owner, the
  // answer's notice from the clerk whose desk sent it (MailApp sends as the user running it).
  const toBeto = result.workspace.mail.sent.filter((m) => m.to.includes('beto@example.com'));
  expect(toBeto.length).toBeGreaterThanOrEqual(2);
  expect(toBeto.every((m) => m.from.endsWith('@sopetran-antioquia.gov.co'))).toBe(true);
  expect(toBeto.find((m) => /recibimos su solicitud/.test(m.subject))?.from).toBe(
    'admin@sopetran-antioquia.gov.co',
  );
  expect(result.workspace.libraryScopedUses).toEqual([]);

  const out = mkdtempSync(join(tmpdir(), 'pqrs-out-'));
  writeOutputs(result, out);
  for (const id of ['san-jeronimo', 'sopetran']) {
    for (const file of [
      'cases.json',
      'outbox.json',
      'actions.json',
      'calls.json',
      'tracking.csv',
      'tracking.html',
    ]) {
      expect(existsSync(join(out, 'two-entities', id, file))).toBe(true);
    }
  }
  const actions = JSON.parse(
    readFileSync(join(out, 'two-entities', 'sopetran', 'actions.json'), 'utf8'),
  );
  expect(actions).toEqual([expect.objectContaining({ kind: 'answer', case: '#2', ok: true })]);
}, 60_000);
