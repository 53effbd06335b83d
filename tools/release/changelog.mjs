// The CHANGELOG's entries, read by the build (the library shows its own release) and by
// `npm run release` (the Apps Script version's description). Plain JS: build.mjs imports it too.

/**
 * @typedef {{ version: string, date: string, notes: string[] }} ReleaseEntry
 */

const HEADING = /^## (\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?) — (\d{4}-\d{2}-\d{2})\s*$/;

/**
 * Entries newest first; a `## ` line that is not `## <semver> — <date>` is an error naming it.
 * @param {string} text
 * @returns {ReleaseEntry[]}
 */
export function parseChangelog(text) {
  /** @type {ReleaseEntry[]} */
  const entries = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.startsWith('## ')) {
      const match = HEADING.exec(line);
      if (!match)
        throw new Error(
          `CHANGELOG.md, línea ${index + 1}: el título de una versión debe ser "## X.Y.Z — AAAA-MM-DD".`,
        );
      entries.push({ version: match[1], date: match[2], notes: [] });
    } else if (entries.length > 0 && /^\s*- /.test(line)) {
      entries[entries.length - 1].notes.push(line.replace(/^\s*- /, '').trim());
    } else if (entries.length > 0 && /^\s+\S/.test(line)) {
      // A note wrapped onto an indented line continues it.
      const notes = entries[entries.length - 1].notes;
      if (notes.length > 0) notes[notes.length - 1] += ` ${line.trim()}`;
    }
  });
  return entries;
}

/**
 * The entry for `version`, or an error saying what to add.
 * @param {string} text
 * @param {string} version
 * @returns {ReleaseEntry}
 */
export function changelogEntry(text, version) {
  const entry = parseChangelog(text).find((e) => e.version === version);
  if (!entry || entry.notes.length === 0)
    throw new Error(
      `CHANGELOG.md no tiene una entrada con cambios para la versión ${version} (la de package.json): agregue "## ${version} — AAAA-MM-DD" y sus cambios.`,
    );
  return entry;
}
