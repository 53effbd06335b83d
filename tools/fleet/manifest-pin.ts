// Reading and changing which version of our library an entity's manifest pins. The entry is found
// by libraryId (an entity may rename the userSymbol), and the change touches only the characters of
// its "version" value (and, when an entity moves from the previous library project to the current
// one, of its "libraryId" value), so every other byte of the manifest goes back as the entity had it.
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

/** A pin to write: which library an entry names and the version it pins. */
export interface PinRef {
  libraryId: string;
  version: string;
}

/**
 * The pin of an entity that may still be on the previous library project: `library` says which of
 * the two its manifest names, `libraryId` is that library's script ID.
 */
export interface ResolvedPin extends LibraryPin {
  library: 'current' | 'previous';
  libraryId: string;
}

interface LocatedPin extends LibraryPin {
  versionNode: JsonNode | undefined;
  libraryIdNode: JsonNode;
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

function parseManifest(manifestSource: string): JsonNode {
  try {
    return parseJsonSpans(manifestSource);
  } catch (error) {
    if (error instanceof JsonSpanError) {
      throw new FleetError('MANIFEST_INVALID', `el manifiesto no es JSON válido: ${error.message}`);
    }
    throw error;
  }
}

/** The entries of dependencies.libraries whose libraryId is `libraryId`. */
function entriesOf(root: JsonNode, libraryId: string): JsonNode[] {
  const libraries = memberOf(memberOf(root, 'dependencies'), 'libraries');
  return libraries?.kind === 'array'
    ? libraries.items.filter((item) => {
        const id = memberOf(item, 'libraryId');
        return id?.kind === 'string' && id.value === libraryId;
      })
    : [];
}

function notReferenced(libraryId: string): FleetError {
  return new FleetError(
    'LIBRARY_NOT_REFERENCED',
    `el manifiesto no usa la librería ${libraryId} (dependencies.libraries); no se agrega sola: instale la entidad primero` +
      ' (si usa todavía el proyecto de librería anterior, indíquelo con --from-library)',
  );
}

function locateIn(root: JsonNode, libraryId: string): LocatedPin {
  const entries = entriesOf(root, libraryId);
  if (entries.length === 0) throw notReferenced(libraryId);
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
    libraryIdNode: memberOf(entry, 'libraryId') as JsonNode,
  };
}

function locatePin(manifestSource: string, libraryId: string): LocatedPin {
  return locateIn(parseManifest(manifestSource), libraryId);
}

/** The pin of our library in a manifest's source. */
export function readLibraryPin(manifestSource: string, libraryId: string): LibraryPin {
  const { versionNode: _node, libraryIdNode: _id, ...pin } = locatePin(manifestSource, libraryId);
  return pin;
}

/**
 * The pin of an entity that is on the current library or, when `previousId` is given, still on the
 * previous one. A manifest naming both, or neither, is refused: moving it would leave two entries
 * of the same library under two IDs, or add one.
 */
export function resolveLibraryPin(
  manifestSource: string,
  currentId: string,
  previousId?: string,
): ResolvedPin {
  const root = parseManifest(manifestSource);
  if (previousId === undefined || previousId === currentId) {
    const { versionNode: _v, libraryIdNode: _i, ...pin } = locateIn(root, currentId);
    return { ...pin, library: 'current', libraryId: currentId };
  }
  const current = entriesOf(root, currentId).length;
  const previous = entriesOf(root, previousId).length;
  if (current > 0 && previous > 0) {
    throw new FleetError(
      'LIBRARY_AMBIGUOUS',
      `el manifiesto usa a la vez la librería anterior ${previousId} y la nueva ${currentId}; deje una sola entrada (la de la nueva) y vuelva a ejecutar`,
    );
  }
  if (current === 0 && previous === 0) {
    throw new FleetError(
      'LIBRARY_NOT_REFERENCED',
      `el manifiesto no usa la librería ${currentId} ni la anterior ${previousId} (dependencies.libraries); no se agrega sola: instale la entidad primero`,
    );
  }
  const libraryId = current > 0 ? currentId : previousId;
  const { versionNode: _v, libraryIdNode: _i, ...pin } = locateIn(root, libraryId);
  return { ...pin, library: current > 0 ? 'current' : 'previous', libraryId };
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
  return setLibraryPin(manifestSource, libraryId, { libraryId, version });
}

/**
 * The manifest source with the entry of `entryLibraryId` changed to name `next.libraryId` and pin
 * `next.version`: only the characters of those two string values change (the libraryId's only when
 * it differs), every other byte stays. Moving an entry to a library the manifest already names is
 * refused, so no manifest ever ends with two entries for one library.
 */
export function setLibraryPin(
  manifestSource: string,
  entryLibraryId: string,
  next: PinRef,
): string {
  const root = parseManifest(manifestSource);
  const { versionNode, libraryIdNode } = locateIn(root, entryLibraryId);
  if (!versionNode || (versionNode.kind !== 'string' && versionNode.kind !== 'number')) {
    throw new FleetError(
      'MANIFEST_INVALID',
      `la entrada de la librería ${entryLibraryId} no tiene "version"; corríjala a mano`,
    );
  }
  const edits: { start: number; end: number; text: string }[] = [];
  if (next.libraryId !== entryLibraryId) {
    if (entriesOf(root, next.libraryId).length > 0) {
      throw new FleetError(
        'LIBRARY_AMBIGUOUS',
        `el manifiesto usa a la vez la librería ${entryLibraryId} y la ${next.libraryId}; deje una sola entrada`,
      );
    }
    edits.push({
      start: libraryIdNode.start,
      end: libraryIdNode.end,
      text: JSON.stringify(next.libraryId),
    });
  }
  const literal =
    versionNode.kind === 'number' && /^\d+$/.test(next.version)
      ? next.version
      : JSON.stringify(next.version);
  edits.push({ start: versionNode.start, end: versionNode.end, text: literal });
  // From the end backwards, so each edit's offsets still hold.
  let text = manifestSource;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return text;
}

/** All files with the manifest's pin changed; the other files are the same objects, unchanged. */
export function repinFiles(
  files: readonly ScriptFile[],
  libraryId: string,
  version: string,
): ScriptFile[] {
  return setPinInFiles(files, libraryId, { libraryId, version });
}

/** All files with the manifest's entry of `entryLibraryId` set to `next`; the others as they were. */
export function setPinInFiles(
  files: readonly ScriptFile[],
  entryLibraryId: string,
  next: PinRef,
): ScriptFile[] {
  const manifest = findManifest(files);
  return files.map((file) =>
    file === manifest
      ? { ...file, source: setLibraryPin(file.source, entryLibraryId, next) }
      : { ...file },
  );
}
