// Where the fleet CLI takes its settings from: our library's script ID (config/library.json, the
// same file the build pins entities to, or PQRS_LIBRARY_ID) and the ring targets file, which says
// what version each ring should be on so `status` can show drift.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RINGS, type Ring, isRing, isValidScriptId } from './registry';

export const LIBRARY_ID_ENV = 'PQRS_LIBRARY_ID';
export const LIBRARY_CONFIG = resolve(__dirname, '..', '..', 'config', 'library.json');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function resolveLibraryId(
  env: NodeJS.ProcessEnv = process.env,
  configFile = LIBRARY_CONFIG,
): string {
  const fromEnv = env[LIBRARY_ID_ENV]?.trim();
  let id = fromEnv;
  if (!id) {
    try {
      id = (JSON.parse(readFileSync(configFile, 'utf8')) as { scriptId?: string }).scriptId;
    } catch (error) {
      throw new ConfigError(`No se pudo leer ${configFile}: ${(error as Error).message}`);
    }
  }
  if (!id || !isValidScriptId(id)) {
    throw new ConfigError(
      `El scriptId de la librería no está configurado ("${id ?? ''}"): escríbalo en config/library.json o defina ${LIBRARY_ID_ENV}.`,
    );
  }
  return id;
}

export type RingTargets = Partial<Record<Ring, string>>;

export function defaultRingsFile(registryFile: string): string {
  return join(dirname(resolve(registryFile)), 'rings.json');
}

export function loadRingTargets(file: string): RingTargets {
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      `El archivo de anillos ${file} no es JSON válido: ${(error as Error).message}`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(
      `El archivo de anillos ${file} debe ser un objeto { "piloto": "5", ... }`,
    );
  }
  const targets: RingTargets = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isRing(key)) {
      throw new ConfigError(`${file}: anillo desconocido "${key}" (use ${RINGS.join(', ')})`);
    }
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) {
      targets[key] = String(value).trim();
    } else if (value !== null) {
      throw new ConfigError(`${file}: la versión objetivo de "${key}" debe ser un texto como "5"`);
    }
  }
  return targets;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export function saveRingTargets(file: string, targets: RingTargets): void {
  const ordered: Record<string, string> = {};
  for (const ring of RINGS) {
    const target = targets[ring];
    if (target !== undefined) ordered[ring] = target;
  }
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(ordered, null, 2) + '\n');
  renameSync(temporary, file);
}

/** Versions are given as the manifest writes them: a decimal integer ("5"). */
export function isVersionText(version: string): boolean {
  return /^[1-9]\d*$/.test(version);
}
