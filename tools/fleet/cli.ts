// `npm run -s fleet -- <command> --registry FILE [--api-root URL] [--concurrency N] ...`: the
// ministry's view of every entity's copy of the desk, and the release of a library version ring by
// ring through the Apps Script API. Screen text is Spanish (the operators'); stdout carries only
// reports (a JSON document with --json), everything else goes to stderr. Through npm, `npm run -s`
// keeps npm's own "> pkg script" banner off stdout, so --json output parses whole.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CredentialsError, resolveCredentials } from './credentials';
import type { FleetContext } from './fleet-context';
import {
  ConfigError,
  defaultRingsFile,
  isVersionText,
  loadRingTargets,
  resolveLibraryId,
} from './fleet-config';
import { Journal, JournalError, foldEntityStates, readJournal } from './journal';
import { formatPlan, planRollout } from './plan';
import {
  type FleetEntity,
  RINGS,
  type Ring,
  RegistryError,
  isRing,
  isValidScriptId,
  loadRegistry,
} from './registry';
import { formatRunReport, runReportJson } from './report';
import { DEFAULT_RETRY_POLICY } from './retry';
import { runRollback } from './rollback';
import { runRollout } from './rollout';
import { DEFAULT_API_ROOT, type ScriptApi, createScriptApi } from './script-api';
import { collectStatus, formatStatus } from './status';

export const EXIT_OK = 0;
/** Some entity failed (or could not be read), or the ring was stopped by the threshold. */
export const EXIT_ENTITY_FAILURES = 1;
/** The command could not run: usage, registry, configuration, credentials, journal lock. */
export const EXIT_USAGE = 2;
/** An unexpected error (a bug, an I/O failure): not an entity's failure, so not 1. */
export const EXIT_CRASH = 3;
/** Interrupted by the operator (Ctrl+C) before the ring was finished. */
export const EXIT_INTERRUPTED = 130;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** True once the operator asked to stop. */
  interrupted?: () => boolean;
  /** Tests and the demo may hand in an API (e.g. to count requests); otherwise one is built. */
  api?: ScriptApi;
}

export const USAGE = `Uso: npm run -s fleet -- <comando> --registry ARCHIVO [opciones]
(-s: sin él, npm escribe su encabezado en la salida estándar y la de --json deja de ser JSON puro)

Comandos:
  status    [--json] [--all] [--ring R] [--to V] [--from-library ID]
            versión fijada por entidad y deriva del objetivo
  plan      --to V --ring R [--journal ARCHIVO] [--from-library ID] [--json]
            qué cambiaría (no escribe nada)
  rollout   --to V --ring R --journal ARCHIVO [--from-library ID] [--json]
            actualiza el anillo (reanudable)
  rollback  --ring R --journal ARCHIVO [--json]
            vuelve a la versión (y librería) anterior según el diario

Opciones:
  --registry ARCHIVO        CSV entity,daneCode,department,scriptId,ring,contact
  --rings ARCHIVO           objetivos por anillo (por defecto rings.json junto al registro)
  --api-root URL            raíz de la API (por defecto ${DEFAULT_API_ROOT})
  --concurrency N           entidades a la vez (por defecto 4)
  --timeout-ms N            tiempo máximo por solicitud (por defecto 30000)
  --max-attempts N          intentos por solicitud ante 429, 5xx o tiempo agotado (por defecto ${DEFAULT_RETRY_POLICY.maxAttempts})
  --retry-base-ms N         espera base del reintento exponencial (por defecto ${DEFAULT_RETRY_POLICY.baseDelayMs})
  --max-failure-rate X      detiene el anillo si falla más de esta fracción (por defecto 0.2)
  --min-finished N          ...evaluada tras N entidades terminadas (por defecto 10)
  --from-library ID         scriptId del proyecto de librería anterior (cuando se agotaron sus
                            versiones): las entidades que aún lo usan pasan a la librería
                            configurada, cambiando en su manifiesto solo libraryId y version

Anillos: ${RINGS.join(', ')}. Credenciales: "npx clasp login" o PQRS_FLEET_ACCESS_TOKEN.
Librería: config/library.json "scriptId" o PQRS_LIBRARY_ID.
Salida: 0 bien; 1 alguna entidad falló o el anillo se detuvo; 2 el comando no pudo ejecutarse;
3 error inesperado; 130 interrumpido.`;

class UsageError extends Error {}

interface ParsedCli {
  command: string;
  registry: string;
  ringsFile: string;
  apiRoot: string | undefined;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  maxFailureRate: number;
  minFinished: number;
  ring: Ring | undefined;
  to: string | undefined;
  journal: string | undefined;
  fromLibrary: string | undefined;
  json: boolean;
  all: boolean;
}

function positiveInteger(
  value: string | undefined,
  flag: string,
  fallback: number,
  min = 1,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(
      `${flag} debe ser un entero mayor o igual a ${min} (se recibió "${value}")`,
    );
  }
  return Number(value);
}

function parseCli(argv: readonly string[]): ParsedCli | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        registry: { type: 'string' },
        rings: { type: 'string' },
        'api-root': { type: 'string' },
        concurrency: { type: 'string' },
        'timeout-ms': { type: 'string' },
        'max-attempts': { type: 'string' },
        'retry-base-ms': { type: 'string' },
        'max-failure-rate': { type: 'string' },
        'min-finished': { type: 'string' },
        ring: { type: 'string' },
        to: { type: 'string' },
        journal: { type: 'string' },
        'from-library': { type: 'string' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') return 'help';
  if (!['status', 'plan', 'rollout', 'rollback'].includes(command)) {
    throw new UsageError(`comando desconocido "${command}"`);
  }
  if (positionals.length > 1) throw new UsageError(`argumento de más: "${positionals[1]}"`);
  if (!values.registry) throw new UsageError('falta --registry ARCHIVO');
  const ring = values.ring;
  if (ring !== undefined && !isRing(ring)) {
    throw new UsageError(`anillo desconocido "${ring}" (use ${RINGS.join(', ')})`);
  }
  const to = values.to;
  if (to !== undefined && !isVersionText(to)) {
    throw new UsageError(
      `--to debe ser un número de versión de la librería, como 5 (se recibió "${to}")`,
    );
  }
  if ((command === 'plan' || command === 'rollout') && (to === undefined || ring === undefined)) {
    throw new UsageError(`${command} necesita --to V y --ring R`);
  }
  if (command === 'rollback' && ring === undefined)
    throw new UsageError('rollback necesita --ring R');
  if ((command === 'rollout' || command === 'rollback') && !values.journal) {
    throw new UsageError(
      `${command} necesita --journal ARCHIVO (el diario que permite retomar y revertir)`,
    );
  }
  const fromLibrary = values['from-library']?.trim();
  if (fromLibrary !== undefined) {
    if (command === 'rollback') {
      throw new UsageError(
        'rollback no usa --from-library: la librería y la versión que restaura están en el diario',
      );
    }
    if (!isValidScriptId(fromLibrary)) {
      throw new UsageError(
        `--from-library debe ser el scriptId del proyecto de librería anterior (se recibió "${fromLibrary}")`,
      );
    }
  }
  const rate = values['max-failure-rate'];
  const maxFailureRate = rate === undefined ? 0.2 : Number(rate);
  if (!Number.isFinite(maxFailureRate) || maxFailureRate < 0 || maxFailureRate > 1) {
    throw new UsageError(`--max-failure-rate debe estar entre 0 y 1 (se recibió "${rate}")`);
  }
  const apiRoot = values['api-root'];
  if (apiRoot !== undefined) {
    try {
      new URL(apiRoot);
    } catch {
      throw new UsageError(`--api-root no es una URL: "${apiRoot}"`);
    }
  }
  return {
    command,
    registry: values.registry,
    ringsFile: values.rings ? resolve(values.rings) : defaultRingsFile(values.registry),
    apiRoot,
    concurrency: positiveInteger(values.concurrency, '--concurrency', 4),
    timeoutMs: positiveInteger(values['timeout-ms'], '--timeout-ms', 30_000),
    maxAttempts: positiveInteger(
      values['max-attempts'],
      '--max-attempts',
      DEFAULT_RETRY_POLICY.maxAttempts,
    ),
    retryBaseMs: positiveInteger(
      values['retry-base-ms'],
      '--retry-base-ms',
      DEFAULT_RETRY_POLICY.baseDelayMs,
      0,
    ),
    maxFailureRate,
    minFinished: positiveInteger(values['min-finished'], '--min-finished', 10),
    ring,
    to,
    journal: values.journal,
    fromLibrary,
    json: values.json ?? false,
    all: values.all ?? false,
  };
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const err = (line: string): void => io.stderr(`${line}\n`);
  let options: ParsedCli | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`fleet: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const opts = options;

  let entities: FleetEntity[];
  let ctx: FleetContext;
  try {
    entities = loadRegistry(opts.registry);
    const libraryId = resolveLibraryId(io.env);
    if (opts.fromLibrary === libraryId) {
      throw new ConfigError(
        `--from-library ${opts.fromLibrary} es la librería configurada (config/library.json o PQRS_LIBRARY_ID): indique el proyecto anterior y configure el nuevo`,
      );
    }
    const log = (line: string): void =>
      io.stderr(`${io.stderrIsTTY ? '\r\x1b[K' : ''}  · ${line}\n`);
    let api = io.api;
    if (!api) {
      const credentials = resolveCredentials(io.env);
      if (opts.apiRoot && new URL(opts.apiRoot).protocol === 'http:' && !isLoopback(opts.apiRoot)) {
        err(`ADVERTENCIA: --api-root ${opts.apiRoot} no usa https: el token viaja sin cifrar.`);
      }
      api = createScriptApi({
        auth: credentials.client,
        apiRoot: opts.apiRoot,
        timeoutMs: opts.timeoutMs,
        retry: {
          ...DEFAULT_RETRY_POLICY,
          maxAttempts: opts.maxAttempts,
          baseDelayMs: opts.retryBaseMs,
        },
        onRetry: (kind, scriptId, error, delayMs) =>
          log(`reintento de ${kind} para ${scriptId}: ${error.code}; espera ${delayMs} ms`),
      });
    }
    ctx = {
      api,
      libraryId,
      ...(opts.fromLibrary !== undefined ? { previousLibraryId: opts.fromLibrary } : {}),
      concurrency: opts.concurrency,
      log,
      progress: { write: io.stderr, isTTY: io.stderrIsTTY },
      interrupted: io.interrupted ?? (() => false),
    };
  } catch (error) {
    if (
      error instanceof RegistryError ||
      error instanceof ConfigError ||
      error instanceof CredentialsError
    ) {
      err(`fleet: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }

  try {
    switch (opts.command) {
      case 'status':
        return await runStatus(opts, entities, ctx, io);
      case 'plan':
        return await runPlan(opts, entities, ctx, io);
      default:
        return await runJournaled(opts, entities, ctx, io);
    }
  } catch (error) {
    if (error instanceof JournalError || error instanceof ConfigError) {
      err(`fleet: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function runStatus(
  opts: ParsedCli,
  entities: FleetEntity[],
  ctx: FleetContext,
  io: CliIo,
): Promise<number> {
  const selected = opts.ring ? entities.filter((e) => e.ring === opts.ring) : entities;
  const rows = await collectStatus(selected, loadRingTargets(opts.ringsFile), ctx, opts.to);
  if (opts.json) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    io.stdout(`${formatStatus(rows, opts.all)}\n`);
  }
  return rows.some((r) => r.error) ? EXIT_ENTITY_FAILURES : EXIT_OK;
}

async function runPlan(
  opts: ParsedCli,
  entities: FleetEntity[],
  ctx: FleetContext,
  io: CliIo,
): Promise<number> {
  const ring = opts.ring as Ring;
  const to = opts.to as string;
  // Read-only: the journal is read, never opened for writing or locked.
  const states = opts.journal ? foldEntityStates(readJournal(opts.journal).records) : undefined;
  const rows = await planRollout(
    entities.filter((e) => e.ring === ring),
    to,
    ctx,
    states ? (id) => states.get(id) : undefined,
  );
  io.stdout(opts.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatPlan(rows, ring, to)}\n`);
  return rows.some((r) => r.error) ? EXIT_ENTITY_FAILURES : EXIT_OK;
}

async function runJournaled(
  opts: ParsedCli,
  entities: FleetEntity[],
  ctx: FleetContext,
  io: CliIo,
): Promise<number> {
  const ring = opts.ring as Ring;
  const run = `${new Date().toISOString()}-${process.pid}`;
  // A rollback reads what a rollout journaled; a wrong path would otherwise create an empty
  // journal and report success having reverted nothing.
  if (opts.command === 'rollback' && !existsSync(opts.journal as string)) {
    throw new JournalError(
      `el diario ${resolve(opts.journal as string)} no existe: indique con --journal el archivo que usó el despliegue que quiere revertir`,
    );
  }
  const journal = await Journal.open(opts.journal as string, run);
  try {
    if (journal.skippedLines > 0) {
      ctx.log(
        `el diario tenía ${journal.skippedLines} línea(s) ilegible(s) (p. ej. cortada por una interrupción); se ignoran`,
      );
    }
    const threshold = { maxFailureRate: opts.maxFailureRate, minFinished: opts.minFinished };
    const report =
      opts.command === 'rollout'
        ? await runRollout(
            entities,
            { ...threshold, ring, to: opts.to as string, journal, ringsFile: opts.ringsFile },
            ctx,
          )
        : await runRollback(
            entities,
            { ...threshold, ring, journal, ringsFile: opts.ringsFile },
            ctx,
          );
    const requests = { ...ctx.api.requestCounts };
    io.stdout(
      opts.json
        ? `${JSON.stringify(runReportJson(report, requests), null, 2)}\n`
        : `${formatRunReport(report, requests, journal.file)}\n`,
    );
    if (report.interrupted) return EXIT_INTERRUPTED;
    const failed = report.outcomes.some((o) => o.status === 'failed');
    return failed || report.stopped ? EXIT_ENTITY_FAILURES : EXIT_OK;
  } finally {
    await journal.close();
  }
}

if (require.main === module) {
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write(
      '\nInterrupción: no se empiezan más entidades; las que están en curso terminan (Ctrl+C otra vez para salir ya).\n',
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    interrupted: () => interrupts > 0,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `fleet: error inesperado: ${(error as Error)?.stack ?? String(error)}\n`,
      );
      process.exitCode = EXIT_CRASH;
    },
  );
}
