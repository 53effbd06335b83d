// A spreadsheet created with another locale and zone (an admin abroad, an English account): the
// legal instants are Bogotá's whatever the spreadsheet or the machine says.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseScenario } from '../../tools/scenario/scenario-types';
import { loadBuiltProjects, runScenario } from '../../tools/scenario/run-scenario';
import { readCases } from '../../tools/scenario/read-back';

const root = join(__dirname, '..', '..');

it('radicates on Bogotá time in a spreadsheet created in en_US and Asia/Tokyo', () => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
  const scenario = parseScenario({
    name: 'locale-zone',
    start: '2026-12-31T20:00:00-05:00',
    entity: {
      name: 'Alcaldía de Prueba',
      spreadsheetLocale: 'en_US',
      spreadsheetTimeZone: 'Asia/Tokyo',
      officeHoursCutoff: '17:00',
    },
    staff: [
      {
        email: 'ventanilla@prueba.gov.co',
        name: 'Ana',
        dependency: 'Ventanilla Única',
        role: 'clerk',
      },
    ],
    steps: [
      {
        // 23:30 of 31 December in Bogotá is already 1 January in Tokyo: still a 2026 filing.
        at: '2026-12-31T23:30:00-05:00',
        submit: {
          type: 'peticion_general',
          anonymous: false,
          applicantKind: 'Persona natural',
          name: 'Luisa Gómez',
          idType: 'Cédula de ciudadanía',
          idNumber: '1020304050',
          email: 'luisa@example.com',
          preferredChannel: 'Correo electrónico',
          acceptsEmailNotification: true,
          subject: 'Certificado de residencia',
          description: 'Solicito un certificado de residencia.',
          consent: true,
        },
      },
    ],
  });
  const result = runScenario(scenario, loadBuiltProjects(join(root, 'dist')));
  const failed = result.workspace.executions.filter((e) => e.error);
  expect(failed.map((e) => e.error)).toEqual([]);
  const model = result.workspace.entity('entity').spreadsheet;
  // Setup puts the tracking spreadsheet on the legal zone; the locale stays the admin's.
  expect(model.timeZone).toBe('America/Bogota');
  expect(model.locale).toBe('en_US');
  const [record] = readCases(model);
  expect(record.radicado).toBe('2026-000001');
  expect(record.receivedAt).toBe('2027-01-01T04:30:00.000Z');
  // Filed after the 17:00 cutoff on Thursday 31 December: received the next business day, which
  // is Monday 4 January 2027 (1 January is a holiday, Ley 51 de 1983; then a weekend).
  expect(record.effectiveReceiptDate).toBe('2027-01-04');
});
