// Sheets start with 1,000 rows and a range may not reach past the grid (Sheet.getRange reference):
// intake must grow the sheet instead of failing on case 1,000.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadBuiltProjects, runScenario } from '../../tools/scenario/run-scenario';
import { readCases } from '../../tools/scenario/read-back';

const root = join(__dirname, '..', '..');

beforeAll(() => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
});

it('radicates past the first 1,000 rows of Radicados and Historial', () => {
  const result = runScenario(
    {
      name: 'growth',
      description: '',
      start: '2026-07-06T08:00:00-05:00',
      single: true,
      entities: [
        {
          id: 'e',
          entity: { name: 'Pueblo' },
          staff: [
            { email: 'a@p.gov.co', name: 'A', dependency: 'Ventanilla Única', role: 'admin' },
          ],
          routing: [],
        },
      ],
      steps: [],
    },
    loadBuiltProjects(join(root, 'dist')),
  );
  const model = result.workspace.entity('e').spreadsheet;
  for (const sheet of ['Radicados', 'Historial']) {
    const grid = model.sheet(sheet)!;
    const filler = Array.from({ length: grid.maxRows - 1 }, (_, i) => [`relleno ${i}`]);
    model.setCellsAsUser(sheet, 2, 2, filler);
    expect(grid.lastRow()).toBe(grid.maxRows);
  }
  const { runs } = result.harness.submit(
    'e',
    {
      type: 'queja',
      anonymous: true,
      subject: 'Ruido',
      description: 'Música',
      preferredChannel: 'Recoger en la entidad',
      acceptsEmailNotification: false,
      consent: true,
    },
    Date.parse('2026-07-06T10:00:00-05:00'),
  );
  expect(runs[0].error).toBeNull();
  expect(readCases(model).map((c) => c.radicado)).toEqual(['2026-000001']);
});
