// Writing an entity's content and reading it back. updateContent replaces every file of the
// project, so the whole set goes back as read (only the manifest's pin differs), and the re-read
// proves the server kept it: every other file byte for byte, the manifest with the new pin.
import { fileKey, sameJson } from './content-baseline';
import { FleetError } from './fleet-errors';
import { findManifest, readLibraryPin } from './manifest-pin';
import type { ScriptApi, ScriptDeployment, ScriptFile } from './script-api';

/** Why the files read back differ from the files written, or null when they match. */
export function describeContentMismatch(
  written: readonly ScriptFile[],
  readBack: readonly ScriptFile[],
  libraryId: string,
  version: string,
): string | null {
  const back = new Map(readBack.map((f) => [fileKey(f), f]));
  if (back.size !== written.length || readBack.length !== written.length) {
    return `se escribieron ${written.length} archivos y se leyeron ${readBack.length}`;
  }
  const manifest = findManifest(written);
  for (const file of written) {
    const other = back.get(fileKey(file));
    if (!other) return `falta el archivo "${file.name}" al releer`;
    if (file === manifest) {
      // A server may re-indent the manifest; what matters is the same JSON with our pin.
      if (other.source !== file.source && !sameJson(other.source, file.source)) {
        return 'el manifiesto releído no es el que se escribió';
      }
      if (readLibraryPin(other.source, libraryId).version !== version) {
        return `el manifiesto releído no fija la versión ${version}`;
      }
    } else if (other.source !== file.source) {
      return `el archivo "${file.name}" cambió al escribir`;
    }
  }
  return null;
}

export async function writeContentVerified(
  api: ScriptApi,
  scriptId: string,
  files: ScriptFile[],
  libraryId: string,
  version: string,
): Promise<void> {
  await api.updateContent(scriptId, files);
  const readBack = await api.getContent(scriptId);
  const mismatch = describeContentMismatch(files, readBack, libraryId, version);
  if (mismatch) {
    throw new FleetError('VERIFY_FAILED', `la verificación después de escribir falló: ${mismatch}`);
  }
}

/** Versioned deployments with a web app entry point: the citizen page and the desk. */
export function webAppDeployments(deployments: readonly ScriptDeployment[]): ScriptDeployment[] {
  return deployments.filter((d) => d.hasWebApp && d.versionNumber !== null);
}

/**
 * The web app deployments whose version does not pin `version` of our library. Used when the
 * entity's HEAD already pins it (an earlier run, or a hand edit): each deployment's version is read
 * once to see whether it needs a new version at all.
 */
export async function webAppsBehind(
  api: ScriptApi,
  scriptId: string,
  webApps: readonly ScriptDeployment[],
  libraryId: string,
  version: string,
): Promise<ScriptDeployment[]> {
  const pinOf = new Map<number, string | null>();
  const behind: ScriptDeployment[] = [];
  for (const d of webApps) {
    const number = d.versionNumber as number;
    if (!pinOf.has(number)) {
      const files = await api.getContent(scriptId, number);
      let pinned: string | null = null;
      try {
        pinned = readLibraryPin(findManifest(files).source, libraryId).version;
      } catch {
        pinned = null; // that version predates our library: it is behind
      }
      pinOf.set(number, pinned);
    }
    if (pinOf.get(number) !== version) behind.push(d);
  }
  return behind;
}
