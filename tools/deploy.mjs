// `npm run deploy -- <target>`: pushes a built project with `clasp push -f` (a push without -f
// silently skips in a non-interactive run when the manifest changed).
//   library            -> .clasp.json           (rootDir dist/library)
//   entity:<name>      -> .clasp-entity-<name>.json (rootDir dist/entity)
//   entities           -> every .clasp-entity-*.json in turn
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url)).replace(/\/tools$/, '');

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function projectFiles(target) {
  if (target === 'library') return ['.clasp.json'];
  if (target === 'entities')
    return readdirSync(root).filter((f) => /^\.clasp-entity-.+\.json$/.test(f));
  const match = /^entity:([a-z0-9-]+)$/.exec(target ?? '');
  if (match) return [`.clasp-entity-${match[1]}.json`];
  fail('usage: npm run deploy -- library | entity:<name> | entities');
  return [];
}

function readProject(file) {
  const path = join(root, file);
  if (!existsSync(path))
    fail(`${file} does not exist. Create it as described in README.md (Deploy).`);
  // clasp reads project files as JSON5; strip line comments for this check.
  const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const project = JSON.parse(text);
  if (!project.scriptId || project.scriptId.startsWith('SET_'))
    fail(`${file}: set "scriptId" to the Apps Script project's ID.`);
  if (!project.rootDir || !existsSync(join(root, project.rootDir, 'appsscript.json'))) {
    fail(`${file}: rootDir "${project.rootDir}" has no appsscript.json. Run npm run build first.`);
  }
  return project;
}

const credentials = process.env.clasp_config_auth || join(homedir(), '.clasprc.json');
if (!existsSync(credentials)) {
  fail(
    `no clasp credentials at ${credentials}. Run "npx clasp login" (or write the CI account's .clasprc.json there) and enable the Apps Script API at script.google.com/home/usersettings.`,
  );
}

const target = process.argv[2];
const files = projectFiles(target);
if (files.length === 0) fail('no .clasp-entity-*.json files found.');
if (target !== 'library') {
  const pin = JSON.parse(readFileSync(join(root, 'dist/entity/appsscript.json'), 'utf8'))
    .dependencies.libraries[0];
  if (!pin.libraryId || pin.libraryId.startsWith('SET_'))
    fail(
      'config/library.json (or PQRS_LIBRARY_ID) must name the published library before entities are pushed.',
    );
}
for (const file of files) {
  readProject(file);
  console.log(`clasp push -f -P ${file}`);
  const result = spawnSync('npx', ['clasp', '-P', file, 'push', '-f'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail(`clasp push failed for ${file} (exit ${result.status}).`);
}
