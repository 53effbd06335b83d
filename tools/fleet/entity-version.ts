// The entity version a rollout points the web apps at, cut at most once per entity and target.
// versions.create is not idempotent and a project's versions can never be deleted, so a request
// that may have landed (timeout, dropped connection, 5xx) or a kill before the journal recorded
// the new number must not lead to another one: the versions created since the attempt began are
// listed, and one described as ours for this target whose manifest pins it is taken instead.
import { FleetError, mayHaveActed, toFleetError } from './fleet-errors';
import { findManifest, readLibraryPin } from './manifest-pin';
import type { Ring } from './registry';
import type { ScriptApi } from './script-api';

export function versionDescription(to: string, ring: Ring): string {
  return `PQRS ${to} (rollout ${ring})`;
}

/** Ours for `to`, whatever ring the entity was in when it was cut. */
function isOurDescription(description: string, to: string): boolean {
  return description.startsWith(`PQRS ${to} (rollout `);
}

/**
 * The newest version above `versionsBefore` that a rollout to `to` cut and whose manifest pins
 * `to`, or null. One versions.list, plus one content read per candidate (normally one).
 */
export async function findCutVersion(
  api: ScriptApi,
  scriptId: string,
  libraryId: string,
  to: string,
  versionsBefore: number,
): Promise<number | null> {
  const candidates = (await api.listVersions(scriptId))
    .filter((v) => v.versionNumber > versionsBefore && isOurDescription(v.description, to))
    .map((v) => v.versionNumber)
    .sort((a, b) => b - a);
  for (const versionNumber of candidates) {
    const files = await api.getContent(scriptId, versionNumber);
    try {
      if (readLibraryPin(findManifest(files).source, libraryId).version === to)
        return versionNumber;
    } catch {
      // not a manifest we can read: not the version we cut
    }
  }
  return null;
}

export interface CutVersion {
  versionNumber: number;
  /** Found from an earlier try rather than created now. */
  reused: boolean;
}

/**
 * The version to deploy: when the attempt is resumed, one it already cut is looked for first;
 * otherwise (or when there is none) one is created, and after a failure the server may have acted
 * on, the versions are listed again. `versionsBefore` null (a journal from before it was recorded):
 * nothing can be told apart as ours, so a version is created.
 */
export async function cutEntityVersion(
  api: ScriptApi,
  scriptId: string,
  libraryId: string,
  to: string,
  ring: Ring,
  versionsBefore: number | null,
  resumed: boolean,
): Promise<CutVersion> {
  if (resumed && versionsBefore !== null) {
    const found = await findCutVersion(api, scriptId, libraryId, to, versionsBefore);
    if (found !== null) return { versionNumber: found, reused: true };
  }
  try {
    return {
      versionNumber: await api.createVersion(scriptId, versionDescription(to, ring)),
      reused: false,
    };
  } catch (raw) {
    const error = toFleetError(raw);
    if (!mayHaveActed(error) || versionsBefore === null) throw error;
    const found = await findCutVersion(api, scriptId, libraryId, to, versionsBefore);
    if (found !== null) return { versionNumber: found, reused: true };
    // Not there yet; it may still land. A rerun looks again before creating one.
    throw new FleetError(
      error.code,
      `${error.message}; la versión pudo crearse de todos modos: al volver a ejecutar se reutiliza si aparece`,
      error.retryable,
      error.retryAfterSeconds,
    );
  }
}
