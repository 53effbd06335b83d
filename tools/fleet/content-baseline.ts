// What an entity's project held before a rollout attempt first touched it: a sha256 of every file's
// source and the manifest's text. A write that fails its read-back has still landed, so a rerun
// finds the manifest already on the target; only this baseline can tell it whether the rest of the
// project is still what the entity had, before a version is cut from it and published.
import { createHash } from 'node:crypto';
import { FleetError } from './fleet-errors';
import { type PinRef, findManifest, setLibraryPin } from './manifest-pin';
import type { ScriptFile } from './script-api';

export interface FileHash {
  name: string;
  type: string;
  sha256: string;
}

export interface ContentBaseline {
  files: FileHash[];
  manifest: string;
  /** The library the manifest's entry named then: the previous project for an entity moved off it. */
  libraryId: string;
}

export function sha256Of(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

export function fileKey(file: { name: string; type: string }): string {
  return `${file.type}\u0000${file.name}`;
}

/** Same JSON value: a server may re-indent the manifest it stores. */
export function sameJson(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

export function contentBaseline(files: readonly ScriptFile[]): Omit<ContentBaseline, 'libraryId'> {
  return {
    files: files.map((f) => ({ name: f.name, type: f.type, sha256: sha256Of(f.source) })),
    manifest: findManifest(files).source,
  };
}

/**
 * Why HEAD is not the baseline with only our library's entry set to `next`, or null when it is:
 * the same files, every one but the manifest byte for byte, the manifest the textual edit of the
 * original (its version, and its libraryId for an entity moved from the previous library project;
 * or the same JSON, as the write's own read-back accepts).
 */
export function describeBaselineMismatch(
  current: readonly ScriptFile[],
  baseline: ContentBaseline,
  next: PinRef,
): string | null {
  const now = new Map(current.map((f) => [fileKey(f), f]));
  if (now.size !== baseline.files.length || current.length !== baseline.files.length) {
    return `había ${baseline.files.length} archivos y ahora hay ${current.length}`;
  }
  const manifest = findManifest(current);
  for (const before of baseline.files) {
    const file = now.get(fileKey(before));
    if (!file) return `falta el archivo "${before.name}"`;
    if (file === manifest) {
      const expected = setLibraryPin(baseline.manifest, baseline.libraryId, next);
      if (file.source !== expected && !sameJson(file.source, expected)) {
        return baseline.libraryId === next.libraryId
          ? 'el manifiesto cambió en algo más que la versión de la librería'
          : 'el manifiesto cambió en algo más que la librería y su versión';
      }
    } else if (sha256Of(file.source) !== before.sha256) {
      return `el archivo "${file.name}" cambió`;
    }
  }
  return null;
}

/**
 * The error of a resumed attempt whose HEAD already pins `next` but is not the baseline with
 * only that pin changed (a write whose read-back failed, an edit since): nothing may be published
 * from it until a person has looked. Null when HEAD is what the attempt would have written.
 */
export function resumedContentError(
  current: readonly ScriptFile[],
  baseline: ContentBaseline,
  next: PinRef,
): FleetError | null {
  const mismatch = describeBaselineMismatch(current, baseline, next);
  if (mismatch === null) return null;
  return new FleetError(
    'VERIFY_FAILED',
    `el manifiesto ya fija la versión ${next.version}, pero el resto del contenido no es el que la entidad tenía antes del despliegue (${mismatch}). ` +
      'Hay que revisar el contenido a mano; no se creó versión ni se movió ningún despliegue. ' +
      'Si el cambio es legítimo, ejecute rollback y luego rollout otra vez; si no, restaure el archivo y vuelva a ejecutar.',
  );
}
