// Scenario steps `edit` (a person's hand edit in the spreadsheet) and `fault`
// ("scriptPropertiesLost"), their validation and errors; cases.json reading renamed or archived
// copies of Radicados; and the CSV-injection guard of tracking.csv.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllCases, readCases } from '../../tools/scenario/read-back';
import { runScenario } from '../../tools/scenario/run-scenario';
import { ScenarioError, parseScenario } from '../../tools/scenario/scenario-types';
import { csvCell, renderSafeCsv, writeOutputs } from '../../tools/scenario/write-outputs';
import { projects } from '../simulator/fixtures';
import { SpreadsheetStore } from '../../tools/simulator/services/spreadsheet-model';
import { CASES_SHEET } from '../../src/gas/sheet-schema';

const ADMIN = 'admin@prueba.gov.co';
const CLERK = 'ventanilla@prueba.gov.co';

function submission(subject: string) {
  return {
    type: 'peticion_general',
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'Ciudadana de prueba',
    idType: 'Cédula de ciudadanía',
    idNumber: '1000000',
    email: 'ana@example.com',
    preferredChannel: 'Correo electrónico',
    acceptsEmailNotification: true,
    subject,
    description: 'Descripción de la solicitud.',
    consent: true,
  };
}

function scenario(steps: unknown[]): Record<string, unknown> {
  return {
    name: 'edits',
    start: '2026-03-02T08:00:00-05:00',
    entity: { name: 'Alcaldía de Prueba', mailQuotaPerDay: 100 },
    staff: [
      { email: ADMIN, name: 'Admin', dependency: 'Secretaría General', role: 'admin' },
      { email: CLERK, name: 'Ventanilla', dependency: 'Ventanilla Única', role: 'clerk' },
    ],
    steps,
  };
}

const at = (hhmm: string) => `2026-03-02T${hhmm}:00-05:00`;
const submitAt = (hhmm: string, subject: string) => ({
  at: at(hhmm),
  submit: submission(subject),
});

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (caught) {
    return caught as Error;
  }
  throw new Error('expected an error');
}

describe('parseScenario: edit and fault steps', () => {
  it('accepts every op and the fault', () => {
    const parsed = parseScenario(
      scenario([
        submitAt('09:00', 'Uno'),
        {
          at: at('10:00'),
          edit: {
            by: CLERK,
            sheet: 'Radicados',
            op: { sort: { column: 'Asunto', descending: true } },
          },
        },
        {
          at: at('10:01'),
          edit: { by: CLERK, sheet: 'Radicados', op: { deleteColumn: { column: 'Canal' } } },
        },
        {
          at: at('10:02'),
          edit: { by: CLERK, sheet: 'Radicados', op: { insertColumnBefore: { column: 'Tipo' } } },
        },
        {
          at: at('10:03'),
          edit: { by: CLERK, sheet: 'Radicados', op: { deleteRows: { from: 5, count: 2 } } },
        },
        {
          at: at('10:04'),
          edit: { by: CLERK, sheet: 'Radicados', op: { renameSheet: { to: 'Archivo' } } },
        },
        {
          at: at('10:05'),
          edit: {
            by: CLERK,
            sheet: 'Archivo',
            op: { setCell: { radicado: '#1', column: 'Observaciones', value: 'x' } },
          },
        },
        {
          at: at('10:06'),
          edit: { by: CLERK, sheet: 'Archivo', op: { deleteCaseRow: { radicado: '2026-000001' } } },
        },
        { at: at('10:07'), fault: 'scriptPropertiesLost' },
      ]),
    );
    expect(parsed.steps).toHaveLength(9);
  });

  it('names the step index and field of every bad edit or fault', () => {
    const error = errorOf(() =>
      parseScenario(
        scenario([
          { at: at('10:00'), edit: { by: 'nadie', sheet: '', op: { sort: {} } } },
          { at: at('10:01'), edit: { by: CLERK, sheet: 'Radicados', op: { explode: {} } } },
          {
            at: at('10:02'),
            edit: {
              by: CLERK,
              sheet: 'Radicados',
              op: { setCell: { radicado: '#0', column: 'Estado', value: null } },
            },
          },
          {
            at: at('10:03'),
            edit: { by: CLERK, sheet: 'Radicados', op: { deleteRows: { from: 0, count: 1.5 } } },
          },
          { at: at('10:04'), fault: 'everythingLost' },
          { at: at('10:05'), fault: 'scriptPropertiesLost', advanceTo: at('11:00') },
        ]),
      ),
    );
    expect(error).toBeInstanceOf(ScenarioError);
    for (const expected of [
      'steps[0].edit.by:',
      'steps[0].edit.sheet:',
      'steps[0].edit.op.sort.column:',
      'steps[1].edit.op: an object with exactly one of sort, deleteColumn',
      'steps[2].edit.op.setCell.radicado:',
      'steps[2].edit.op.setCell.value:',
      'steps[3].edit.op.deleteRows.from:',
      'steps[3].edit.op.deleteRows.count:',
      'steps[4].fault: one of scriptPropertiesLost',
      'steps[5]: exactly one of submit, action, run, advanceTo, edit, fault',
    ])
      expect(error.message).toContain(expected);
    // A clear message, not a stack trace.
    expect(error.stack).not.toMatch(/\n\s+at /);
  });
});

describe('runScenario: edit steps', () => {
  it('applies the edits with #k resolved, and cases.json keeps the renamed sheet’s cases', () => {
    const parsed = parseScenario(
      scenario([
        submitAt('09:00', 'Primera'),
        submitAt('09:10', 'Segunda'),
        {
          at: at('10:00'),
          edit: {
            by: CLERK,
            sheet: 'Radicados',
            op: {
              setCell: { radicado: '#2', column: 'Observaciones', value: 'llamó la ciudadana' },
            },
          },
        },
        {
          at: at('10:05'),
          edit: {
            by: CLERK,
            sheet: 'Radicados',
            op: { sort: { column: 'Radicado', descending: true } },
          },
        },
        {
          at: at('10:10'),
          edit: { by: ADMIN, sheet: 'Radicados', op: { renameSheet: { to: 'Archivo 2026' } } },
        },
        { at: at('10:20'), run: 'menuSetup', as: ADMIN },
        submitAt('11:00', 'Tercera'),
      ]),
    );
    const result = runScenario(parsed, projects());
    const model = result.workspace.entity('entity').spreadsheet;
    const archive = model.requireSheet('Archivo 2026');
    const grid = model.getDisplayGrid('Archivo 2026');
    const radicadoAt = grid[0].indexOf('Radicado');
    const notesAt = grid[0].indexOf('Observaciones');
    expect(grid.slice(1, archive.lastRow()).map((r) => r[radicadoAt])).toEqual([
      '2026-000002',
      '2026-000001',
    ]);
    expect(grid[1][notesAt]).toBe('llamó la ciudadana');

    const out = mkdtempSync(join(tmpdir(), 'pqrs-edits-'));
    writeOutputs(result, out);
    const cases = JSON.parse(readFileSync(join(out, 'edits', 'cases.json'), 'utf8')) as Array<{
      radicado: string;
      submission: string | null;
    }>;
    const fromArchive = cases.filter(
      (c) => c.radicado === '2026-000001' || c.radicado === '2026-000002',
    );
    expect(fromArchive.map((c) => c.submission).sort()).toEqual(['#1', '#2']);
    expect(new Set(cases.map((c) => c.radicado)).size).toBe(cases.length);
    // Whatever the product did with the third submission, every case it issued is listed.
    expect(cases.map((c) => c.radicado).sort()).toEqual(
      readAllCases(model)
        .map((c) => c.radicado)
        .sort(),
    );
  }, 60_000);

  it('stops with a clear error naming the step and field for an unknown sheet, column or #k', () => {
    const bad: Array<[unknown, RegExp]> = [
      [
        {
          at: at('10:00'),
          edit: { by: CLERK, sheet: 'Casos', op: { sort: { column: 'Radicado' } } },
        },
        /^steps\[1\]\.edit\.sheet: no sheet named "Casos"/,
      ],
      [
        {
          at: at('10:00'),
          edit: { by: CLERK, sheet: 'Radicados', op: { sort: { column: 'Nada' } } },
        },
        /^steps\[1\]\.edit\.op\.sort\.column: sheet "Radicados" has no column headed "Nada"/,
      ],
      [
        {
          at: at('10:00'),
          edit: { by: CLERK, sheet: 'Radicados', op: { deleteCaseRow: { radicado: '#7' } } },
        },
        /^steps\[1\]\.edit\.op\.deleteCaseRow\.radicado: #7 names no submission/,
      ],
    ];
    for (const [step, message] of bad) {
      const parsed = parseScenario(scenario([submitAt('09:00', 'Primera'), step]));
      const error = errorOf(() => runScenario(parsed, projects()));
      expect(error).toBeInstanceOf(ScenarioError);
      expect(error.message).toMatch(message);
      expect(error.stack).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe('runScenario: fault scriptPropertiesLost', () => {
  it('empties the entity script properties at that step', () => {
    const parsed = parseScenario(
      scenario([submitAt('09:00', 'Primera'), { at: at('09:30'), fault: 'scriptPropertiesLost' }]),
    );
    const result = runScenario(parsed, projects());
    const ent = result.workspace.entity('entity');
    expect(ent.properties.keys()).toEqual([]);
    // The sheets keep their cases: only the script's store is gone.
    expect(readCases(ent.spreadsheet)).toHaveLength(1);
  }, 60_000);
});

describe('readAllCases', () => {
  const headers = CASES_SHEET.columns.map((c) => c.header);
  const row = (radicado: string, subject: string) =>
    headers.map((h) => (h === 'Radicado' ? `'${radicado}` : h === 'Asunto' ? subject : ''));

  it('reads Radicados and every sheet with its headers, one record per radicado, Radicados first', () => {
    const model = new SpreadsheetStore().create('Libro');
    model.requireSheet('Hoja 1').name = 'Radicados';
    model.setCellsAsUser('Radicados', 1, 1, [
      headers,
      row('2026-000003', 'Nueva'),
      row('2026-000001', 'Versión vigente'),
    ]);
    model.addSheet('Archivo 2025', 0);
    model.setCellsAsUser('Archivo 2025', 1, 1, [
      // A person deleted two columns of the archived copy: it still has the Radicados headers.
      headers.filter((h) => h !== 'Canal' && h !== 'Tipo'),
      ...[row('2026-000001', 'Copia vieja'), row('2026-000002', 'Solo en el archivo')].map((r) =>
        r.filter((_, i) => headers[i] !== 'Canal' && headers[i] !== 'Tipo'),
      ),
    ]);
    model.addSheet('Notas');
    model.setCellsAsUser('Notas', 1, 1, [
      ['Radicado', 'Asunto', 'Nota'],
      ["'2026-000009", 'x', 'no es una hoja de casos'],
    ]);
    expect(readAllCases(model).map((c) => [c.radicado, c.subject])).toEqual([
      ['2026-000003', 'Nueva'],
      ['2026-000001', 'Versión vigente'],
      ['2026-000002', 'Solo en el archivo'],
    ]);
    expect(readCases(model).map((c) => c.radicado)).toEqual(['2026-000003', '2026-000001']);
  });

  it('still finds the cases when Radicados itself was renamed', () => {
    const model = new SpreadsheetStore().create('Libro');
    model.requireSheet('Hoja 1').name = 'Radicados viejos';
    model.setCellsAsUser('Radicados viejos', 1, 1, [headers, row('2026-000001', 'Uno')]);
    expect(readAllCases(model).map((c) => c.radicado)).toEqual(['2026-000001']);
  });
});

describe('tracking.csv: CSV injection', () => {
  it.each([
    ['=', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+', '+57 300 123 4567', `"'+57 300 123 4567"`],
    ['-', '-2+3', `"'-2+3"`],
    ['- (a negative number too)', '-3', `"'-3"`],
    ['@', '@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('prefixes a quote and quotes a cell starting with %s', (_what, text, expected) => {
    expect(csvCell(text)).toBe(expected);
  });

  it('leaves ordinary cells as Sheets exports them (RFC 4180)', () => {
    expect(csvCell('2026-000001')).toBe('2026-000001');
    expect(csvCell('Ruido, "fiestas"')).toBe('"Ruido, ""fiestas"""');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
  });

  it('renders the sheet with every field neutralised, and nothing for a missing sheet', () => {
    const model = new SpreadsheetStore().create('Libro');
    model.requireSheet('Hoja 1').name = 'Radicados';
    model.setCellsAsUser('Radicados', 1, 1, [
      ['Radicado', 'Asunto'],
      ["'2026-000001", '\'=IMPORTXML("http://x","//a")'],
    ]);
    expect(renderSafeCsv(model, 'Radicados')).toBe(
      `Radicado,Asunto\r\n2026-000001,"'=IMPORTXML(""http://x"",""//a"")"`,
    );
    expect(renderSafeCsv(model, 'Otra')).toBe('');
  });
});
