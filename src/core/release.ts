// Which release of the library this is: build.mjs replaces PQRS_RELEASE with package.json's
// version and its CHANGELOG entry, so every Apps Script version carries its own.

export interface ReleaseInfo {
  readonly version: string;
  /** YYYY-MM-DD, '' when the CHANGELOG has no entry for the version. */
  readonly date: string;
  readonly notes: readonly string[];
}

declare const PQRS_RELEASE: ReleaseInfo | undefined;

/** The running release; in code not built by build.mjs (unit tests), a development marker. */
export function currentRelease(): ReleaseInfo {
  return typeof PQRS_RELEASE === 'undefined'
    ? { version: 'desarrollo', date: '', notes: [] }
    : PQRS_RELEASE;
}

/** The "Acerca de" text an admin or clerk reads (Spanish). */
export function aboutText(release: ReleaseInfo): string {
  const lines = [
    `Ventanilla PQRSD, versión ${release.version}${release.date ? ` (publicada el ${release.date})` : ''}.`,
    'Biblioteca compartida que publica el ministerio; esta hoja usa la versión que fija su script.',
  ];
  if (release.notes.length > 0) {
    lines.push('', 'Novedades de esta versión:');
    for (const note of release.notes) lines.push(`• ${note}`);
  }
  return lines.join('\n');
}
