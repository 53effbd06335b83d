// The fleet registry: RFC 4180 CSV (names with commas and quotes), validated whole on load, every
// problem naming its line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../tools/fleet/csv';
import { RegistryError, loadRegistry, parseRegistry } from '../../../tools/fleet/registry';

const HEADER = 'entity,daneCode,department,scriptId,ring,contact';
const ID_A = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQ';
const ID_B = '1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-ZyXwVuTsRqPoNmLkJ';
const ID_C = '1QqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQqQ';

function problemsOf(text: string): { line: number; message: string }[] {
  try {
    parseRegistry(text, 'flota.csv');
  } catch (error) {
    if (error instanceof RegistryError) return error.problems;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

it('reads a name with a quoted comma (and doubled quotes) as one field', () => {
  const text =
    `${HEADER}\r\n` +
    `"Alcaldía Distrital de Santa Marta, Distrito Turístico",47001,Magdalena,${ID_A},piloto,pqrsd@santamarta.gov.co\r\n` +
    `"E.S.E. Hospital ""San Rafael"", Nivel II",05001,"Bogotá, D.C.",${ID_B},general,\r\n`;
  const entities = parseRegistry(text);
  expect(entities).toHaveLength(2);
  expect(entities[0]).toMatchObject({
    entity: 'Alcaldía Distrital de Santa Marta, Distrito Turístico',
    daneCode: '47001',
    department: 'Magdalena',
    scriptId: ID_A,
    ring: 'piloto',
    contact: 'pqrsd@santamarta.gov.co',
    line: 2,
  });
  expect(entities[1]).toMatchObject({
    entity: 'E.S.E. Hospital "San Rafael", Nivel II',
    department: 'Bogotá, D.C.',
    ring: 'general',
    contact: '',
    line: 3,
  });
});

it('loads a UTF-8 file with a byte order mark and LF line ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqrs-registry-'));
  const file = join(dir, 'flota.csv');
  writeFileSync(
    file,
    `\ufeff${HEADER}\n"Personería de Cúcuta, N. de S.",54001,Norte de Santander,${ID_A},temprana,a@b.co\n`,
  );
  const [entity] = loadRegistry(file);
  expect(entity?.entity).toBe('Personería de Cúcuta, N. de S.');
  expect(entity?.ring).toBe('temprana');
});

it('names the line of a duplicate script ID, an unknown ring and a bad script ID, all at once', () => {
  const text = [
    HEADER,
    `Alcaldía de Cali,76001,Valle del Cauca,${ID_A},piloto,`,
    `Personería de Cali,76001,Valle del Cauca,${ID_B},beta,`,
    `Concejo de Cali,76001,Valle del Cauca,${ID_A},general,`,
    `Contraloría de Cali,76001,Valle del Cauca,no es un id,general,`,
    `Tránsito de Cali,76001,Valle del Cauca,abc,general,`,
  ].join('\n');
  const problems = problemsOf(text);
  expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
  expect(problems[0]?.message).toMatch(/anillo desconocido "beta"/);
  expect(problems[1]?.message).toMatch(/scriptId duplicado .*línea 2/);
  expect(problems[2]?.message).toMatch(/scriptId inválido "no es un id"/);
  expect(problems[3]?.message).toMatch(/scriptId inválido "abc"/);
  expect(() => parseRegistry(text, 'flota.csv')).toThrow(
    /flota\.csv:3: línea 3: anillo desconocido/,
  );
  expect(() => parseRegistry(text, 'flota.csv')).toThrow(
    /flota\.csv:4: línea 4: scriptId duplicado/,
  );
});

it('counts physical lines, so a quoted line break does not shift later line numbers', () => {
  const text = [
    HEADER,
    `"Alcaldía de Pasto,\nNariño",52001,Nariño,${ID_A},piloto,`,
    `Alcaldía de Tunja,15001,Boyacá,${ID_C},lejana,`,
  ].join('\n');
  expect(problemsOf(text)).toEqual([
    { line: 4, message: expect.stringMatching(/anillo desconocido "lejana"/) },
  ]);
});

it('refuses a wrong header, and a row whose unquoted comma makes an extra column', () => {
  expect(problemsOf('entity,scriptId,ring\n')).toEqual([
    { line: 1, message: expect.stringMatching(/el encabezado debe ser exactamente/) },
  ]);
  const extra = `${HEADER}\nAlcaldía de Santa Marta, Magdalena,47001,Magdalena,${ID_A},piloto,\n`;
  expect(problemsOf(extra)).toEqual([
    { line: 2, message: expect.stringMatching(/se esperaban 6 columnas y hay 7/) },
  ]);
});

it('reports an unclosed quote with the line it starts on', () => {
  expect(problemsOf(`${HEADER}\n"Alcaldía de Neiva,41001,Huila,${ID_A},piloto,\n`)).toEqual([
    { line: 2, message: 'comillas sin cerrar' },
  ]);
});

it('parses RFC 4180 records: empty fields, CRLF, escaped quotes, blank lines skipped', () => {
  expect(parseCsv('a,,"b ""c"""\r\n\r\n"x\r\ny",z\n')).toEqual([
    { line: 1, fields: ['a', '', 'b "c"'] },
    { line: 3, fields: ['x\r\ny', 'z'] },
  ]);
});
