// `npm run release`: build, test, push the library and cut an immutable version described by the
// CHANGELOG entry of package.json's version; record it, pin it for new entity scripts, and say how
// many versions the library project has left. Entities move to it with `npm run fleet -- rollout`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changelogEntry, type ReleaseEntry } from './changelog.mjs';
import { resolveCredentials } from '../fleet/credentials';
import { resolveLibraryId } from '../fleet/fleet-config';
import { createScriptApi } from '../fleet/script-api';
import {
  libraryFilesOf,
  assertRoomForVersion,
  findPublished,
  publishLibrary,
  ReleaseError,
  VERSION_LIMIT,
  VERSIONS_LOW,
  type ReleaseApi,
} from './publish';

const REPO_ROOT = resolve(__dirname, '..', '..');

export interface ReleaseRecord {
  readonly version: string;
  readonly versionNumber: number;
  readonly date: string;
  readonly scriptId: string;
}

export interface ReleaseOptions {
  /** Where package.json, CHANGELOG.md and build.mjs are. */
  readonly repoRoot: string;
  /** config/: library.json (the pin new entity scripts get) and releases.json (what was published). */
  readonly configDir: string;
  readonly distDir: string;
  readonly skipTests: boolean;
  readonly allowDirty: boolean;
  readonly env: NodeJS.ProcessEnv;
  /** The API to publish through (tests hand one pointed at a fake). */
  readonly api: ReleaseApi;
  readonly log: (line: string) => void;
}

function readReleases(file: string): ReleaseRecord[] {
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as ReleaseRecord[];
}

function run(command: string, args: string[], cwd: string, what: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0)
    throw new ReleaseError(
      `${what} falló (código ${result.status ?? result.signal}): no se publica nada.`,
    );
}

/** What is about to be released, or why it cannot be. */
export function releaseEntryOf(repoRoot: string, releases: readonly ReleaseRecord[]): ReleaseEntry {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const entry = changelogEntry(readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8'), version);
  const done = releases.find((r) => r.version === version);
  if (done)
    throw new ReleaseError(
      `La versión ${version} ya se publicó (versión ${done.versionNumber} de la biblioteca, ${done.date}). Las versiones publicadas no cambian: suba la versión en package.json y agregue su entrada en CHANGELOG.md.`,
    );
  return entry;
}

/**
 * Writes the release into releases.json and, when library.json names the library released to,
 * pins its new version there (new entity scripts and the template get it).
 */
function recordRelease(
  options: ReleaseOptions,
  entry: ReleaseEntry,
  versionNumber: number,
  scriptId: string,
  releases: readonly ReleaseRecord[],
): ReleaseRecord {
  const record: ReleaseRecord = {
    version: entry.version,
    versionNumber,
    date: new Date().toISOString().slice(0, 10),
    scriptId,
  };
  const releasesFile = join(options.configDir, 'releases.json');
  writeFileSync(releasesFile, JSON.stringify([record, ...releases], null, 2) + '\n');
  const libraryConfig = join(options.configDir, 'library.json');
  const pin = existsSync(libraryConfig)
    ? (JSON.parse(readFileSync(libraryConfig, 'utf8')) as Record<string, unknown>)
    : {};
  if (pin.scriptId === scriptId) {
    writeFileSync(
      libraryConfig,
      JSON.stringify({ ...pin, version: String(versionNumber) }, null, 2) + '\n',
    );
    options.log(`${releasesFile} y ${libraryConfig} actualizados: confírmelos en git.`);
  } else {
    // PQRS_LIBRARY_ID named another project: its version means nothing for library.json's.
    options.log(
      `${releasesFile} actualizado; ${libraryConfig} no (nombra otra biblioteca que ${scriptId}): confírmelo en git.`,
    );
  }
  return record;
}

export async function runRelease(options: ReleaseOptions): Promise<ReleaseRecord> {
  const { repoRoot, configDir, log } = options;
  const releasesFile = join(configDir, 'releases.json');
  const releases = readReleases(releasesFile);
  const entry = releaseEntryOf(repoRoot, releases);
  const libraryConfig = join(configDir, 'library.json');
  const scriptId = resolveLibraryId(options.env, libraryConfig);
  if (!options.allowDirty) {
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' });
    if (status.status !== 0)
      throw new ReleaseError(
        'No se pudo comprobar con git que no haya cambios sin confirmar: publique desde una copia del repositorio (o use --allow-dirty para un ensayo).',
      );
    if (status.stdout.trim() !== '')
      throw new ReleaseError(
        'Hay cambios sin confirmar: una versión publicada debe salir de un commit. Confírmelos (o use --allow-dirty para un ensayo).',
      );
  }
  log(`Publicando Ventanilla PQRSD ${entry.version} (${entry.date}) en la biblioteca ${scriptId}.`);
  // Before the build and the tests (minutes): a full project fails now, not after them.
  await assertRoomForVersion(options.api, scriptId);
  // A run killed after cutting its version but before recording it: record, never cut again.
  const earlier = await findPublished(options.api, scriptId, entry);
  if (earlier !== null) {
    const record = recordRelease(options, entry, earlier, scriptId, releases);
    log(
      `La versión ${entry.version} ya estaba publicada como versión ${earlier} (una ejecución anterior no alcanzó a registrarla): quedó registrada, no se creó otra.`,
    );
    return record;
  }
  run('node', [join(repoRoot, 'build.mjs'), '--out', options.distDir], repoRoot, 'La construcción');
  if (options.skipTests) log('Pruebas omitidas (--skip-tests).');
  else run('npm', ['test'], repoRoot, 'Las pruebas');
  const files = libraryFilesOf(join(options.distDir, 'library'));
  const published = await publishLibrary(options.api, scriptId, files, entry);
  const record = recordRelease(options, entry, published.versionNumber, scriptId, releases);
  log(`Versión ${published.versionNumber} creada: "${entry.version}".`);
  log(
    `La biblioteca tiene ${published.used} de ${VERSION_LIMIT} versiones; quedan ${published.remaining}.`,
  );
  if (published.remaining < VERSIONS_LOW)
    log(
      'ATENCIÓN: quedan pocas versiones. Prepare un proyecto de biblioteca nuevo (README, "Cuando se acaban las versiones").',
    );
  // The first release into a fresh library project: entities still name the previous one.
  const previous = releases[0]?.scriptId;
  const move = previous && previous !== scriptId ? ` --from-library ${previous}` : '';
  log(
    `Siguiente paso: npm run -s fleet -- plan --to ${published.versionNumber} --ring piloto${move} --registry <registro.csv>`,
  );
  return record;
}

const USAGE = `Uso: npm run release -- [--api-root URL] [--skip-tests] [--allow-dirty] [--timeout-ms N]
Construye, ejecuta las pruebas, sube la biblioteca y crea una versión inmutable con la entrada de
CHANGELOG.md de la versión de package.json. Credenciales: las de "npx clasp login", o un token en
PQRS_FLEET_ACCESS_TOKEN. La biblioteca: config/library.json o PQRS_LIBRARY_ID.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'api-root': { type: 'string' },
      'skip-tests': { type: 'boolean', default: false },
      'allow-dirty': { type: 'boolean', default: false },
      'timeout-ms': { type: 'string', default: '60000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeoutMs = Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new ReleaseError('--timeout-ms debe ser un número entero positivo.');
  const scriptApi = createScriptApi({
    auth: resolveCredentials(process.env).client,
    apiRoot: values['api-root'],
    timeoutMs,
  });
  await runRelease({
    repoRoot: REPO_ROOT,
    configDir: join(REPO_ROOT, 'config'),
    distDir: join(REPO_ROOT, 'dist'),
    skipTests: values['skip-tests'] ?? false,
    allowDirty: values['allow-dirty'] ?? false,
    env: process.env,
    api: scriptApi,
    log: (line) => console.log(line),
  });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
