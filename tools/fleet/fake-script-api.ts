// A local stand-in for the Apps Script API (script.googleapis.com/v1), speaking its REST shapes:
// projects.getContent / updateContent, projects.versions.create / list, projects.deployments.list /
// get / update, with Google JSON errors. It keeps projects in memory, checks the bearer token,
// counts requests by kind and by script, and injects faults per script ID (429 with Retry-After,
// 500/503, a hang past the client's timeout, a write carried out whose answer never arrives in
// time, a file changed right after a write, 403 permission denied, the Apps Script API turned off,
// 404), so the fleet CLI's demo, tests and bench run over real HTTP on loopback.
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequestKind =
  | 'content.get'
  | 'content.update'
  | 'versions.create'
  | 'versions.list'
  | 'deployments.list'
  | 'deployments.get'
  | 'deployments.update'
  | 'other';

export const FAKE_WRITE_KINDS: readonly FakeRequestKind[] = [
  'content.update',
  'versions.create',
  'deployments.update',
];

export interface FakeFile {
  name: string;
  type: 'SERVER_JS' | 'HTML' | 'JSON';
  source: string;
  createTime: string;
  updateTime: string;
}

export interface FakeVersion {
  versionNumber: number;
  description: string;
  createTime: string;
  files: FakeFile[];
}

export interface FakeDeployment {
  deploymentId: string;
  /** null: the HEAD deployment. */
  versionNumber: number | null;
  manifestFileName: string;
  description: string;
  updateTime: string;
  webApp: boolean;
}

export interface FakeProject {
  scriptId: string;
  files: FakeFile[];
  versions: FakeVersion[];
  deployments: FakeDeployment[];
}

export type FaultKind =
  | 'rate-limit'
  | 'server-error'
  | 'unavailable'
  /** Holds the request past the client's timeout, then carries it out (a write lands late). */
  | 'hang'
  /** Carries the request out at once, then holds the answer past the client's timeout. */
  | 'commit-then-hang'
  /** content.update: the write lands, then another file changes (an edit saved right after). */
  | 'alter-after-write'
  | 'permission-denied'
  | 'api-disabled'
  | 'not-found';

export interface Fault {
  kind: FaultKind;
  /** How many requests it hits; transient kinds default to 1, the others to every request. */
  times?: number;
  /** Only these kinds of request (default: all). */
  on?: FakeRequestKind[];
  /** rate-limit: the Retry-After header, in seconds (default 0). */
  retryAfterSeconds?: number;
}

export interface FakeScriptApiOptions {
  /** The bearer token the server accepts. */
  token: string;
  /** Delay before answering each request, to make timing realistic. */
  latencyMs?: number;
  /** How long a `hang` or `commit-then-hang` fault holds a request (default 60 s). */
  hangMs?: number;
  /** Page size of deployments.list when the client gives none (the real API's default is 50). */
  deploymentsPageSize?: number;
}

export interface FakeScriptApi {
  url: string;
  projects: Map<string, FakeProject>;
  addProject(project: FakeProject): void;
  setFaults(scriptId: string, faults: Fault[]): void;
  clearFaults(): void;
  /** Requests by kind, every script together (faulted ones included). */
  counts: Record<FakeRequestKind, number>;
  /** Requests by kind for one script. */
  countsFor(scriptId: string): Record<FakeRequestKind, number>;
  /** Write requests (content.update, versions.create, deployments.update) for one script. */
  writesFor(scriptId: string): number;
  totalRequests(): number;
  resetCounts(): void;
  close(): Promise<void>;
}

function emptyCounts(): Record<FakeRequestKind, number> {
  return {
    'content.get': 0,
    'content.update': 0,
    'versions.create': 0,
    'versions.list': 0,
    'deployments.list': 0,
    'deployments.get': 0,
    'deployments.update': 0,
    other: 0,
  };
}

const TRANSIENT: readonly FaultKind[] = [
  'rate-limit',
  'server-error',
  'unavailable',
  'hang',
  'commit-then-hang',
  'alter-after-write',
];

/** What `alter-after-write` adds to the first file that is not the manifest. */
export const ALTERED_LINE = '\n// Guardado en el editor justo después de la escritura.\n';

const API_DISABLED_MESSAGE =
  'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.';

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    readonly reason = 'badRequest',
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function googleError(error: HttpError): string {
  return JSON.stringify({
    error: {
      code: error.code,
      message: error.message,
      errors: [{ message: error.message, domain: 'global', reason: error.reason }],
      status: error.status,
    },
  });
}

function faultError(fault: Fault): HttpError {
  switch (fault.kind) {
    case 'rate-limit':
      return new HttpError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Management requests' and limit 'Management requests per minute per user' of service 'script.googleapis.com'.",
        'rateLimitExceeded',
        { 'Retry-After': String(fault.retryAfterSeconds ?? 0) },
      );
    case 'server-error':
      return new HttpError(500, 'INTERNAL', 'Internal error encountered.', 'backendError');
    case 'unavailable':
      return new HttpError(
        503,
        'UNAVAILABLE',
        'The service is currently unavailable.',
        'backendError',
      );
    case 'permission-denied':
      return new HttpError(
        403,
        'PERMISSION_DENIED',
        'The caller does not have permission',
        'forbidden',
      );
    case 'api-disabled':
      return new HttpError(403, 'PERMISSION_DENIED', API_DISABLED_MESSAGE, 'forbidden');
    case 'not-found':
    default:
      return new HttpError(404, 'NOT_FOUND', 'Requested entity was not found.', 'notFound');
  }
}

function now(): string {
  return new Date().toISOString();
}

function fileResource(file: FakeFile): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    name: file.name,
    type: file.type,
    source: file.source,
    lastModifyUser: { name: 'Ministerio', email: 'ministerio@example.gov.co' },
    createTime: file.createTime,
    updateTime: file.updateTime,
  };
  if (file.type === 'SERVER_JS') {
    const names = [...file.source.matchAll(/function\s+([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]);
    resource.functionSet = { values: names.map((name) => ({ name })) };
  }
  return resource;
}

function deploymentResource(scriptId: string, d: FakeDeployment): Record<string, unknown> {
  const config: Record<string, unknown> = {
    scriptId,
    manifestFileName: d.manifestFileName,
    description: d.description,
  };
  if (d.versionNumber !== null) config.versionNumber = d.versionNumber;
  const url = `https://script.google.com/macros/s/${d.deploymentId}/${d.versionNumber === null ? 'dev' : 'exec'}`;
  return {
    deploymentId: d.deploymentId,
    deploymentConfig: config,
    updateTime: d.updateTime,
    entryPoints: d.webApp
      ? [
          {
            entryPointType: 'WEB_APP',
            webApp: {
              url,
              entryPointConfig: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' },
            },
          },
        ]
      : [],
  };
}

const WRITABLE_FILE_KEYS = new Set(['name', 'type', 'source']);

function validateFiles(body: unknown): { name: string; type: FakeFile['type']; source: string }[] {
  const files = (body as { files?: unknown })?.files;
  if (!Array.isArray(files) || files.length === 0) {
    throw new HttpError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument: files.');
  }
  const seen = new Set<string>();
  let manifests = 0;
  const result = files.map((raw, i) => {
    const file = raw as Record<string, unknown>;
    for (const key of Object.keys(file ?? {})) {
      if (!WRITABLE_FILE_KEYS.has(key)) {
        throw new HttpError(
          400,
          'INVALID_ARGUMENT',
          `Invalid value at 'files[${i}]': unknown field "${key}".`,
        );
      }
    }
    const { name, type, source } = file;
    if (typeof name !== 'string' || name === '' || typeof source !== 'string') {
      throw new HttpError(400, 'INVALID_ARGUMENT', `Invalid value at 'files[${i}]'.`);
    }
    if (type !== 'SERVER_JS' && type !== 'HTML' && type !== 'JSON') {
      throw new HttpError(400, 'INVALID_ARGUMENT', `Invalid value at 'files[${i}].type'.`);
    }
    if (seen.has(name)) {
      throw new HttpError(400, 'INVALID_ARGUMENT', `Duplicate file name: ${name}.`);
    }
    seen.add(name);
    if (type === 'JSON') {
      if (name !== 'appsscript') {
        throw new HttpError(400, 'INVALID_ARGUMENT', 'Only the manifest may be of type JSON.');
      }
      manifests++;
      try {
        JSON.parse(source);
      } catch {
        throw new HttpError(
          400,
          'INVALID_ARGUMENT',
          'Syntax error: the manifest is not valid JSON.',
        );
      }
    }
    return { name, type: type as FakeFile['type'], source };
  });
  if (manifests !== 1) {
    throw new HttpError(
      400,
      'INVALID_ARGUMENT',
      'The project must have exactly one manifest file named appsscript.',
    );
  }
  return result;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
}

function classify(method: string, parts: string[]): FakeRequestKind {
  // parts: ['v1', 'projects', id, resource, ...]
  const resource = parts[3];
  if (resource === 'content')
    return method === 'GET' ? 'content.get' : method === 'PUT' ? 'content.update' : 'other';
  if (resource === 'versions' && parts.length === 4) {
    return method === 'POST' ? 'versions.create' : method === 'GET' ? 'versions.list' : 'other';
  }
  if (resource === 'deployments') {
    if (parts.length === 4 && method === 'GET') return 'deployments.list';
    if (parts.length === 5 && method === 'GET') return 'deployments.get';
    if (parts.length === 5 && method === 'PUT') return 'deployments.update';
  }
  return 'other';
}

export async function startFakeScriptApi(options: FakeScriptApiOptions): Promise<FakeScriptApi> {
  const projects = new Map<string, FakeProject>();
  const faults = new Map<string, Fault[]>();
  let counts = emptyCounts();
  let perScript = new Map<string, Record<FakeRequestKind, number>>();
  const timers = new Set<NodeJS.Timeout>();
  const hangMs = options.hangMs ?? 60_000;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const takeFault = (scriptId: string, kind: FakeRequestKind): Fault | undefined => {
    const list = faults.get(scriptId);
    if (!list) return undefined;
    const index = list.findIndex((f) => !f.on || f.on.includes(kind));
    if (index < 0) return undefined;
    const fault = list[index] as Fault;
    const remaining = fault.times ?? (TRANSIENT.includes(fault.kind) ? 1 : Infinity);
    if (remaining <= 1) list.splice(index, 1);
    else list[index] = { ...fault, times: remaining - 1 };
    return fault;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const isProjects = parts[0] === 'v1' && parts[1] === 'projects' && parts.length >= 4;
    const kind = isProjects ? classify(method, parts) : 'other';
    const scriptId = isProjects ? (parts[2] as string) : '';
    counts[kind]++;
    if (scriptId) {
      let mine = perScript.get(scriptId);
      if (!mine) {
        mine = emptyCounts();
        perScript.set(scriptId, mine);
      }
      mine[kind]++;
    }
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        'authError',
      );
    }
    // The whole request is in before any delay: a held write is carried out even after the
    // client has given up on it, as a server that received it would.
    const body = method === 'GET' ? {} : await readBody(req);
    if (options.latencyMs) await wait(options.latencyMs);

    if (kind === 'other') throw new HttpError(404, 'NOT_FOUND', 'Method not found.', 'notFound');

    const fault = takeFault(scriptId, kind);
    if (fault?.kind === 'hang') {
      await wait(hangMs);
    } else if (fault && fault.kind !== 'commit-then-hang' && fault.kind !== 'alter-after-write') {
      throw faultError(fault);
    }
    const project = projects.get(scriptId);
    if (!project) throw faultError({ kind: 'not-found' });

    const send = (body: unknown): void => {
      const text = JSON.stringify(body);
      const answer = (): void => {
        if (res.destroyed) return;
        res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
        res.end(text);
      };
      // The work is done above, synchronously; only the answer waits.
      if (fault?.kind === 'commit-then-hang') void wait(hangMs).then(answer);
      else answer();
    };

    switch (kind) {
      case 'content.get': {
        const versionParam = url.searchParams.get('versionNumber');
        let files = project.files;
        if (versionParam !== null) {
          const version = project.versions.find((v) => v.versionNumber === Number(versionParam));
          if (!version) throw faultError({ kind: 'not-found' });
          files = version.files;
        }
        send({ scriptId, files: files.map(fileResource) });
        return;
      }
      case 'content.update': {
        const bodyScriptId = (body as { scriptId?: unknown }).scriptId;
        if (bodyScriptId !== undefined && bodyScriptId !== scriptId) {
          throw new HttpError(
            400,
            'INVALID_ARGUMENT',
            'scriptId in the body does not match the URL.',
          );
        }
        const written = validateFiles(body);
        const stamp = now();
        const before = new Map(project.files.map((f) => [f.name, f]));
        project.files = written.map((f) => ({
          ...f,
          createTime: before.get(f.name)?.createTime ?? stamp,
          updateTime: stamp,
        }));
        if (fault?.kind === 'alter-after-write') {
          const other = project.files.find((f) => f.type !== 'JSON');
          if (other) other.source += ALTERED_LINE;
        }
        send({ scriptId, files: project.files.map(fileResource) });
        return;
      }
      case 'versions.create': {
        const { description } = body as { description?: unknown };
        const versionNumber =
          project.versions.reduce((max, v) => Math.max(max, v.versionNumber), 0) + 1;
        const version: FakeVersion = {
          versionNumber,
          description: typeof description === 'string' ? description : '',
          createTime: now(),
          files: project.files.map((f) => ({ ...f })),
        };
        project.versions.push(version);
        send({
          scriptId,
          versionNumber,
          description: version.description,
          createTime: version.createTime,
        });
        return;
      }
      case 'versions.list': {
        // Paged like deployments.list: a project near its version limit spans several pages.
        const size = Number(url.searchParams.get('pageSize') ?? 50);
        const start = Number(url.searchParams.get('pageToken') ?? 0);
        const next = start + size < project.versions.length ? String(start + size) : undefined;
        send({
          versions: project.versions.slice(start, start + size).map((v) => ({
            scriptId,
            versionNumber: v.versionNumber,
            description: v.description,
            createTime: v.createTime,
          })),
          ...(next ? { nextPageToken: next } : {}),
        });
        return;
      }
      case 'deployments.list': {
        const size = Number(url.searchParams.get('pageSize') ?? options.deploymentsPageSize ?? 50);
        const start = Number(url.searchParams.get('pageToken') ?? 0);
        const page = project.deployments.slice(start, start + size);
        const next = start + size < project.deployments.length ? String(start + size) : undefined;
        send({
          deployments: page.map((d) => deploymentResource(scriptId, d)),
          ...(next ? { nextPageToken: next } : {}),
        });
        return;
      }
      case 'deployments.get': {
        const deployment = project.deployments.find((d) => d.deploymentId === parts[4]);
        if (!deployment) throw faultError({ kind: 'not-found' });
        send(deploymentResource(scriptId, deployment));
        return;
      }
      case 'deployments.update': {
        const deployment = project.deployments.find((d) => d.deploymentId === parts[4]);
        if (!deployment) throw faultError({ kind: 'not-found' });
        const config = (body as { deploymentConfig?: Record<string, unknown> }).deploymentConfig;
        if (!config || typeof config !== 'object') {
          throw new HttpError(400, 'INVALID_ARGUMENT', 'deploymentConfig is required.');
        }
        if (config.scriptId !== undefined && config.scriptId !== scriptId) {
          throw new HttpError(
            400,
            'INVALID_ARGUMENT',
            'deploymentConfig.scriptId does not match the URL.',
          );
        }
        if (deployment.versionNumber === null) {
          throw new HttpError(
            400,
            'FAILED_PRECONDITION',
            'The HEAD deployment cannot be updated.',
            'failedPrecondition',
          );
        }
        const versionNumber = config.versionNumber;
        if (
          typeof versionNumber !== 'number' ||
          !project.versions.some((v) => v.versionNumber === versionNumber)
        ) {
          throw new HttpError(
            400,
            'INVALID_ARGUMENT',
            `Version ${String(versionNumber)} does not exist.`,
          );
        }
        deployment.versionNumber = versionNumber;
        // The update replaces the configuration: what the client leaves out is cleared.
        deployment.manifestFileName =
          typeof config.manifestFileName === 'string' ? config.manifestFileName : '';
        deployment.description = typeof config.description === 'string' ? config.description : '';
        deployment.updateTime = now();
        send(deploymentResource(scriptId, deployment));
        return;
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', 'Method not found.', 'notFound');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((raw: unknown) => {
      const error =
        raw instanceof HttpError
          ? raw
          : new HttpError(500, 'INTERNAL', `Internal error: ${String(raw)}`, 'backendError');
      if (res.destroyed || res.headersSent) return;
      res.writeHead(error.code, {
        'Content-Type': 'application/json; charset=UTF-8',
        ...error.headers,
      });
      res.end(googleError(error));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    projects,
    addProject(project) {
      projects.set(project.scriptId, project);
    },
    setFaults(scriptId, list) {
      faults.set(scriptId, [...list]);
    },
    clearFaults() {
      faults.clear();
    },
    get counts() {
      return counts;
    },
    countsFor(scriptId) {
      return perScript.get(scriptId) ?? emptyCounts();
    },
    writesFor(scriptId) {
      const c = perScript.get(scriptId);
      return c ? FAKE_WRITE_KINDS.reduce((sum, k) => sum + c[k], 0) : 0;
    },
    totalRequests() {
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    resetCounts() {
      counts = emptyCounts();
      perScript = new Map();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A random-looking but valid script or deployment ID. */
export function fakeId(prefix = '1', length = 57): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = randomBytes(length);
  let id = prefix;
  for (let i = id.length; i < length; i++) id += alphabet[(bytes[i] as number) % alphabet.length];
  return id;
}
