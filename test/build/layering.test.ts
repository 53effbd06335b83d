// The architecture's import rules: core is pure, app sees core and ports, only gas (and the
// library surface) touch Apps Script. tsconfig.core.json enforces the types; this checks imports
// and service globals in the source text.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = join(__dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SERVICE_GLOBALS =
  /\b(SpreadsheetApp|FormApp|MailApp|GmailApp|PropertiesService|CacheService|LockService|ScriptApp|HtmlService|ContentService|DriveApp|UrlFetchApp|Session|Utilities|Logger)\./;
const IMPORT = /from '([^']+)'/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]);
}

function layerOf(file: string): string {
  return relative(src, file).split('/')[0];
}

const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  ports: ['core', 'ports'],
  app: ['core', 'ports', 'app'],
  gas: ['core', 'ports', 'app', 'gas', 'shim'],
  ui: ['ui'],
};

describe('layers', () => {
  const files = filesUnder(src);

  it.each(
    files
      .filter((f) => ['core', 'app', 'ports', 'ui'].includes(layerOf(f)))
      .map((f) => [relative(src, f), f]),
  )('%s uses no Apps Script service', (_name, file) => {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
      .join('\n');
    expect(code).not.toMatch(SERVICE_GLOBALS);
  });

  it.each(files.filter((f) => ALLOWED[layerOf(f)]).map((f) => [relative(src, f), f]))(
    '%s imports only allowed layers',
    (_name, file) => {
      for (const spec of importsOf(file)) {
        expect(spec.startsWith('.')).toBe(true); // no packages: the bundle must stay small and self-contained
        const target = relative(src, join(file, '..', spec)).split('/')[0];
        expect(ALLOWED[layerOf(file)]).toContain(target);
      }
    },
  );

  it('library code never opens its own script properties, cache or lock', () => {
    for (const file of files.filter((f) => layerOf(f) !== 'shim')) {
      expect(readFileSync(file, 'utf8')).not.toMatch(
        /getScriptProperties|getScriptCache|getScriptLock|getDocumentLock|getDocumentProperties|getDocumentCache/,
      );
    }
  });
});
