// Types of changelog.mjs (plain JS so build.mjs can import it).
export interface ReleaseEntry {
  version: string;
  date: string;
  notes: string[];
}
export function parseChangelog(text: string): ReleaseEntry[];
export function changelogEntry(text: string, version: string): ReleaseEntry;
