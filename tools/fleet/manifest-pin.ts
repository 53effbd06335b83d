// Reading and changing which version of our library an entity's manifest pins. The entry is found
// by libraryId (an entity may rename the userSymbol), and the change touches only the characters of
// its "version" value, so every other byte of the manifest goes back as the entity had it.
import { FleetError } from './fleet-errors';
import { type JsonNode, JsonSpanError, memberOf, parseJsonSpans } from './json-spans';
import type { ScriptFile } from './script-api';

export const MANIFEST_NAME = 'appsscript';

export interface LibraryPin {
  /** The version text as written in the manifest ("5"), or null when the entry has none. */
  version: string | null;
  developmentMode: boolean;
  userSymbol: string | null;
}

interface LocatedPin extends LibraryPin {
  versionNode: JsonNode | undefined;
}

export function findManifest(files: readonly ScriptFile[]): ScriptFile {
  const manifest = files.find((f) => f.name === MANIFEST_NAME && f.type === 'JSON');
  if (!manifest) {
    throw new FleetError(
      'MANIFEST_MISSING',
      'el proyecto no tiene manifiesto (archivo "appsscript" de tipo JSON)',
    );
  }
  return manifest;
}

function locatePin(manifestSource: string, libraryId: string): LocatedPin {
  let root: JsonNode;
  try {
    root = parseJsonSpans(manifestSource);
  } catch (error) {
    if (error instanceof JsonSpanError) {
      throw new FleetError('MANIFEST_INVALID', `el manifiesto no es JSON válido: ${error.message}`);
    }
    throw error;
  }
  const libraries = memberOf(memberOf(root, 'dependencies'), 'libraries');
  const entries =
    libraries?.kind === 'array'
      ? libraries.items.filter((item) => {
          const id = memberOf(item, 'libraryId');
          return id?.kind === 'string' && id.value === libraryId;
        })
      : [];
  if (entries.length === 0) {
    throw new FleetError(
      'LIBRARY_NOT_REFERENCED',
      `el manifiesto no usa la librería ${libraryId} (dependencies.libraries); no se agrega sola: instale la entidad primero`,
    );
  }
  if (entries.length > 1) {
    throw new FleetError(
      'LIBRARY_AMBIGUOUS',
      `el manifiesto declara la librería ${libraryId} ${entries.length} veces; deje una sola entrada`,
    );
  }
  const entry = entries[0] as JsonNode;
  const versionNode = memberOf(entry, 'version');
  const symbol = memberOf(entry, 'userSymbol');
  const development = memberOf(entry, 'developmentMode');
  let version: string | null = null;
  if (versionNode?.kind === 'string') version = versionNode.value;
  else if (versionNode?.kind === 'number') version = String(versionNode.value);
  return {
    version,
    developmentMode: development?.kind === 'literal' && development.value === true,
    userSymbol: symbol?.kind === 'string' ? symbol.value : null,
    versionNode,
  };
}

/** The pin of our library in a manifest's source. */
export function readLibraryPin(manifestSource: string, libraryId: string): LibraryPin {
  const { versionNode: _node, ...pin } = locatePin(manifestSource, libraryId);
  return pin;
}

/** The pinned version as a number when it is a plain decimal integer ("12"), otherwise null. */
export function pinnedVersionNumber(version: string | null): number | null {
  return version !== null && /^\d+$/.test(version) ? Number(version) : null;
}

/**
 * The manifest source with our library's version replaced by `version`, every other character
 * unchanged. A version written as a JSON number stays a number when the new one is an integer.
 */
export function repinLibrary(manifestSource: string, libraryId: string, version: string): string {
  const { versionNode } = locatePin(manifestSource, libraryId);
  if (!versionNode || (versionNode.kind !== 'string' && versionNode.kind !== 'number')) {
    throw new FleetError(
      'MANIFEST_INVALID',
      `la entrada de la librería ${libraryId} no tiene "version"; corríjala a mano`,
    );
  }
  const literal =
    versionNode.kind === 'number' && /^\d+$/.test(version) ? version : JSON.stringify(version);
  return (
    manifestSource.slice(0, versionNode.start) + literal + manifestSource.slice(versionNode.end)
  );
}

/** All files with the manifest's pin changed; the other files are the same objects, unchanged. */
export function repinFiles(
  files: readonly ScriptFile[],
  libraryId: string,
  version: string,
): ScriptFile[] {
  const manifest = findManifest(files);
  return files.map((file) =>
    file === manifest
      ? { ...file, source: repinLibrary(file.source, libraryId, version) }
      : { ...file },
  );
}
