// The fleet registry: the CSV the ministry keeps of every entity running the desk, with the ring
// each one is released in. It is validated whole on load, and every problem names its line, so an
// operator fixes the file in one pass instead of one error per run.
import { readFileSync } from 'node:fs';
import { CsvSyntaxError, parseCsv } from './csv';

export const RINGS = ['piloto', 'temprana', 'general'] as const;
export type Ring = (typeof RINGS)[number];

export const REGISTRY_COLUMNS = [
  'entity',
  'daneCode',
  'department',
  'scriptId',
  'ring',
  'contact',
] as const;

export interface FleetEntity {
  entity: string;
  daneCode: string;
  department: string;
  scriptId: string;
  ring: Ring;
  contact: string;
  /** Line of the registry the entity was read from. */
  line: number;
}

export interface RegistryProblem {
  line: number;
  message: string;
}

export class RegistryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RegistryProblem[],
  ) {
    super(
      `El registro ${file} tiene ${problems.length} error(es):\n` +
        problems.map((p) => `  ${file}:${p.line}: línea ${p.line}: ${p.message}`).join('\n'),
    );
    this.name = 'RegistryError';
  }
}

// Script IDs are Drive file IDs: URL-safe base64 characters. Real ones are 57 characters long; the
// lower bound only rejects obvious typos and placeholders, so other ID schemes (a test server's)
// still load.
const SCRIPT_ID = /^[A-Za-z0-9_-]{10,200}$/;

export function isValidScriptId(id: string): boolean {
  return SCRIPT_ID.test(id) && !id.startsWith('SET_');
}

export function isRing(value: string): value is Ring {
  return (RINGS as readonly string[]).includes(value);
}

export function loadRegistry(file: string): FleetEntity[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RegistryError(file, [
      { line: 0, message: `no se pudo leer el archivo (${(error as Error).message})` },
    ]);
  }
  return parseRegistry(text, file);
}

export function parseRegistry(text: string, file = 'registro'): FleetEntity[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new RegistryError(file, [{ line: error.line, message: error.message }]);
    }
    throw error;
  }
  const header = records[0];
  if (!header) throw new RegistryError(file, [{ line: 1, message: 'el archivo está vacío' }]);
  const names = header.fields.map((f) => f.trim());
  const expected = REGISTRY_COLUMNS.join(',');
  if (names.join(',') !== expected) {
    throw new RegistryError(file, [
      {
        line: header.line,
        message: `el encabezado debe ser exactamente "${expected}" (se leyó "${names.join(',')}")`,
      },
    ]);
  }

  const problems: RegistryProblem[] = [];
  const entities: FleetEntity[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { line, fields } = record;
    if (fields.length !== REGISTRY_COLUMNS.length) {
      problems.push({
        line,
        message: `se esperaban ${REGISTRY_COLUMNS.length} columnas y hay ${fields.length} (¿una coma en un nombre sin comillas?)`,
      });
      continue;
    }
    const [entity, daneCode, department, scriptId, ringText, contact] = fields.map((f) =>
      f.trim(),
    ) as [string, string, string, string, string, string];
    const before = problems.length;
    if (entity === '') problems.push({ line, message: 'falta el nombre de la entidad (entity)' });
    if (!isValidScriptId(scriptId)) {
      problems.push({
        line,
        message:
          scriptId === ''
            ? 'falta el scriptId'
            : `scriptId inválido "${scriptId}" (solo letras, dígitos, "-" y "_", de 10 a 200 caracteres)`,
      });
    } else {
      const first = firstLineOf.get(scriptId);
      if (first !== undefined) {
        problems.push({
          line,
          message: `scriptId duplicado "${scriptId}" (ya aparece en la línea ${first})`,
        });
      } else {
        firstLineOf.set(scriptId, line);
      }
    }
    const ring = ringText.toLowerCase();
    if (!isRing(ring)) {
      problems.push({
        line,
        message: `anillo desconocido "${ringText}" (use ${RINGS.join(', ')})`,
      });
    }
    if (problems.length === before && isRing(ring)) {
      entities.push({ entity, daneCode, department, scriptId, ring, contact, line });
    }
  }
  if (problems.length > 0) throw new RegistryError(file, problems);
  return entities;
}
