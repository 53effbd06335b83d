// Publishing the library: its built files become the project's code (projects.updateContent), and
// an immutable version is cut from them (projects.versions.create) with the CHANGELOG entry as its
// description. A library project holds a limited number of versions, which cannot be deleted, so
// the count is checked before and reported after.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleaseEntry } from './changelog.mjs';
import { FleetError } from '../fleet/fleet-errors';
import type { ScriptFile } from '../fleet/script-api';

/** Versions one Apps Script project can hold (the platform's figure; they cannot be deleted). */
export const VERSION_LIMIT = 200;
/** Below this many versions left, release warns that the move to a fresh project is near. */
export const VERSIONS_LOW = 20;

export interface ReleaseApi {
  updateContent(scriptId: string, files: ScriptFile[]): Promise<ScriptFile[]>;
  createVersion(scriptId: string, description: string): Promise<number>;
  listVersions(scriptId: string): Promise<Array<{ versionNumber: number; description: string }>>;
}

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

/** dist/library as Apps Script files: Code.js (server), the dialogs (HTML), the manifest (JSON). */
export function libraryFilesOf(dir: string): ScriptFile[] {
  const files: ScriptFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const source = readFileSync(join(dir, name), 'utf8');
    if (name === 'appsscript.json') files.push({ name: 'appsscript', type: 'JSON', source });
    else if (name.endsWith('.js'))
      files.push({ name: name.replace(/\.js$/, ''), type: 'SERVER_JS', source });
    else if (name.endsWith('.html'))
      files.push({ name: name.replace(/\.html$/, ''), type: 'HTML', source });
  }
  if (!files.some((f) => f.name === 'appsscript') || !files.some((f) => f.type === 'SERVER_JS'))
    throw new ReleaseError(
      `${dir} no tiene una biblioteca construida (falta appsscript.json o Code.js).`,
    );
  return files;
}

/** The version's description: the release and its changes, one line, kept short. */
export function versionDescription(entry: ReleaseEntry): string {
  const text = `${entry.version} (${entry.date}): ${entry.notes.join(' · ')}`;
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** The versions the project holds, or an error when it cannot take one more. */
export async function assertRoomForVersion(api: ReleaseApi, scriptId: string): Promise<number> {
  const used = (await api.listVersions(scriptId)).length;
  if (used >= VERSION_LIMIT)
    throw new ReleaseError(
      `La biblioteca ${scriptId} ya tiene ${used} versiones, el máximo de un proyecto de Apps Script. Pase a un proyecto de biblioteca nuevo (README, "Cuando se acaban las versiones") antes de publicar.`,
    );
  return used;
}

/** The version an earlier run already cut for this release (its description names it), if any. */
export async function findPublished(
  api: ReleaseApi,
  scriptId: string,
  entry: ReleaseEntry,
): Promise<number | null> {
  const ours = (await api.listVersions(scriptId)).filter((v) =>
    v.description.startsWith(`${entry.version} (`),
  );
  return ours.length > 0 ? Math.max(...ours.map((v) => v.versionNumber)) : null;
}

/** A failure after which the server may still have done it (timeout, dropped connection, 5xx). */
function mayHaveLanded(error: unknown): boolean {
  return error instanceof FleetError && error.retryable && error.code !== 'RESOURCE_EXHAUSTED';
}

export interface PublishResult {
  readonly versionNumber: number;
  /** Versions the project holds now, this one included. */
  readonly used: number;
  readonly remaining: number;
}

/**
 * Pushes the files and cuts the version. Refuses, before writing anything, when the project has no
 * room for another version: the README says how to move to a fresh library project. Cutting a
 * version is not idempotent, so it is never retried blindly: after a failure the server may have
 * acted on, the versions are listed again and one this release cut is taken as the result.
 */
export async function publishLibrary(
  api: ReleaseApi,
  scriptId: string,
  files: ScriptFile[],
  entry: ReleaseEntry,
): Promise<PublishResult> {
  const before = await assertRoomForVersion(api, scriptId);
  await api.updateContent(scriptId, files);
  const description = versionDescription(entry);
  let versionNumber: number;
  try {
    versionNumber = await api.createVersion(scriptId, description);
  } catch (error) {
    if (!mayHaveLanded(error)) throw error;
    const landed = await findPublished(api, scriptId, entry);
    if (landed === null) throw error;
    versionNumber = landed;
  }
  const used = (await api.listVersions(scriptId)).length || before + 1;
  return { versionNumber, used, remaining: Math.max(0, VERSION_LIMIT - used) };
}
