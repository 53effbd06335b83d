// The few Apps Script API calls the fleet makes, through the official client (@googleapis/script),
// each with a timeout, our own retry policy and errors mapped to FleetError. The client's built-in
// retry is turned off: it retries only some methods, ignores Retry-After, and would multiply with
// ours. versions.create is the one request that is not idempotent: each call that lands adds a
// version the project can never delete, so it is retried only after a 429 (refused before acting),
// never after a timeout, a dropped connection or a 5xx; the caller looks for the version instead.
import { script_v1 } from '@googleapis/script';
import type { OAuth2Client } from 'google-auth-library';
import { FleetError, fleetErrorFromHttp, mayHaveActed } from './fleet-errors';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, withRetry } from './retry';

export interface ScriptFile {
  name: string;
  type: string;
  source: string;
}

export interface ScriptVersion {
  versionNumber: number;
  description: string;
}

export interface ScriptDeployment {
  deploymentId: string;
  /** Absent for the HEAD deployment, which always runs the latest saved code. */
  versionNumber: number | null;
  manifestFileName: string | null;
  description: string | null;
  hasWebApp: boolean;
}

export type RequestKind =
  | 'content.get'
  | 'content.update'
  | 'versions.create'
  | 'versions.list'
  | 'deployments.list'
  | 'deployments.update';

export const WRITE_KINDS: readonly RequestKind[] = [
  'content.update',
  'versions.create',
  'deployments.update',
];

/** What the rollout needs from the Apps Script API; tests may stand in their own. */
export interface ScriptApi {
  getContent(scriptId: string, versionNumber?: number): Promise<ScriptFile[]>;
  updateContent(scriptId: string, files: ScriptFile[]): Promise<ScriptFile[]>;
  createVersion(scriptId: string, description: string): Promise<number>;
  /** Every version the project holds (all pages), with its description ('' when it has none). */
  listVersions(scriptId: string): Promise<ScriptVersion[]>;
  listDeployments(scriptId: string): Promise<ScriptDeployment[]>;
  updateDeployment(
    scriptId: string,
    deployment: ScriptDeployment,
    versionNumber: number,
  ): Promise<ScriptDeployment>;
  /** HTTP requests sent so far by kind, retries included. */
  readonly requestCounts: Record<RequestKind, number>;
}

export interface ScriptApiOptions {
  auth: OAuth2Client;
  /** Root of the API, e.g. https://script.googleapis.com (or a local fake). */
  apiRoot?: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  onRetry?: (kind: RequestKind, scriptId: string, error: FleetError, delayMs: number) => void;
}

export const DEFAULT_API_ROOT = 'https://script.googleapis.com/';

/** Keeps only what updateContent accepts; the rest of a File (times, users, functions) is output. */
export function toWritableFile(file: ScriptFile): ScriptFile {
  return { name: file.name, type: file.type, source: file.source };
}

export function createScriptApi(options: ScriptApiOptions): ScriptApi {
  const client = new script_v1.Script({ auth: options.auth });
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const requestCounts: Record<RequestKind, number> = {
    'content.get': 0,
    'content.update': 0,
    'versions.create': 0,
    'versions.list': 0,
    'deployments.list': 0,
    'deployments.update': 0,
  };
  // Per call (not on the client): the client would keep only the origin of a root given to its
  // constructor, and a proxy or fake may live under a path.
  const methodOptions = {
    rootUrl: options.apiRoot ?? DEFAULT_API_ROOT,
    timeout: options.timeoutMs,
    retry: false,
    // Node's own fetch: the client's default (node-fetch, an ES module loaded on demand) cannot be
    // loaded inside Jest, and the built-in one pools connections just as well.
    fetchImplementation: fetch,
  };

  const call = <T>(kind: RequestKind, scriptId: string, run: () => Promise<T>): Promise<T> =>
    withRetry(
      async () => {
        requestCounts[kind]++;
        try {
          return await run();
        } catch (error) {
          throw fleetErrorFromClient(error, options.timeoutMs);
        }
      },
      policy,
      {
        onRetry: (error, _attempt, delay) => options.onRetry?.(kind, scriptId, error, delay),
        shouldRetry: (error) => kind !== 'versions.create' || !mayHaveActed(error),
      },
    );

  return {
    requestCounts,
    async getContent(scriptId, versionNumber) {
      const res = await call('content.get', scriptId, () =>
        client.projects.getContent(
          versionNumber === undefined ? { scriptId } : { scriptId, versionNumber },
          methodOptions,
        ),
      );
      return readFiles(res.data.files);
    },
    async updateContent(scriptId, files) {
      const res = await call('content.update', scriptId, () =>
        client.projects.updateContent(
          { scriptId, requestBody: { scriptId, files: files.map(toWritableFile) } },
          methodOptions,
        ),
      );
      return readFiles(res.data.files);
    },
    async createVersion(scriptId, description) {
      const res = await call('versions.create', scriptId, () =>
        client.projects.versions.create({ scriptId, requestBody: { description } }, methodOptions),
      );
      const versionNumber = res.data.versionNumber;
      if (typeof versionNumber !== 'number') {
        throw new FleetError(
          'INVALID_ARGUMENT',
          'la API no devolvió el número de la versión creada',
        );
      }
      return versionNumber;
    },
    async listVersions(scriptId) {
      const versions: ScriptVersion[] = [];
      let pageToken: string | undefined;
      do {
        const res = await call('versions.list', scriptId, () =>
          client.projects.versions.list(
            pageToken ? { scriptId, pageToken } : { scriptId },
            methodOptions,
          ),
        );
        for (const v of res.data.versions ?? []) {
          if (typeof v.versionNumber === 'number') {
            versions.push({ versionNumber: v.versionNumber, description: v.description ?? '' });
          }
        }
        pageToken = res.data.nextPageToken ?? undefined;
      } while (pageToken);
      return versions;
    },
    async listDeployments(scriptId) {
      const deployments: ScriptDeployment[] = [];
      let pageToken: string | undefined;
      do {
        const res = await call('deployments.list', scriptId, () =>
          client.projects.deployments.list(
            pageToken ? { scriptId, pageToken } : { scriptId },
            methodOptions,
          ),
        );
        for (const d of res.data.deployments ?? []) deployments.push(readDeployment(d));
        pageToken = res.data.nextPageToken ?? undefined;
      } while (pageToken);
      return deployments;
    },
    async updateDeployment(scriptId, deployment, versionNumber) {
      const deploymentConfig: script_v1.Schema$DeploymentConfig = { scriptId, versionNumber };
      // The update replaces the whole config: carry over what the entity had.
      if (deployment.manifestFileName !== null) {
        deploymentConfig.manifestFileName = deployment.manifestFileName;
      }
      if (deployment.description !== null) deploymentConfig.description = deployment.description;
      const res = await call('deployments.update', scriptId, () =>
        client.projects.deployments.update(
          { scriptId, deploymentId: deployment.deploymentId, requestBody: { deploymentConfig } },
          methodOptions,
        ),
      );
      return readDeployment(res.data);
    },
  };
}

function readFiles(files: script_v1.Schema$File[] | undefined): ScriptFile[] {
  return (files ?? []).map((f) => ({
    name: f.name ?? '',
    type: f.type ?? '',
    source: f.source ?? '',
  }));
}

function readDeployment(d: script_v1.Schema$Deployment): ScriptDeployment {
  const config = d.deploymentConfig ?? {};
  return {
    deploymentId: d.deploymentId ?? '',
    versionNumber: typeof config.versionNumber === 'number' ? config.versionNumber : null,
    manifestFileName: config.manifestFileName ?? null,
    description: config.description ?? null,
    hasWebApp: (d.entryPoints ?? []).some((e) => e.entryPointType === 'WEB_APP'),
  };
}

interface ClientErrorShape {
  name?: string;
  code?: string | number;
  status?: number;
  message?: string;
  cause?: { name?: string; code?: string; message?: string };
  error?: { name?: string; code?: string; message?: string };
  response?: { status?: number; data?: unknown; headers?: unknown };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** Maps what the client throws (a GaxiosError, a fetch failure) to a FleetError. */
export function fleetErrorFromClient(error: unknown, timeoutMs: number): FleetError {
  if (error instanceof FleetError) return error;
  const e = (error ?? {}) as ClientErrorShape;
  const status = e.response?.status ?? e.status;
  if (typeof status === 'number' && status >= 400) {
    return fleetErrorFromHttp(
      status,
      e.response?.data,
      headerOf(e.response?.headers, 'retry-after'),
    );
  }
  const names = [e.name, e.code, e.cause?.name, e.cause?.code, e.error?.name, e.error?.code]
    .filter((x) => x !== undefined)
    .map(String);
  const text = [e.message, e.cause?.message, e.error?.message].filter(Boolean).join(' / ');
  if (names.some((n) => /timeout|abort/i.test(n)) || /timeout|aborted/i.test(text)) {
    return new FleetError(
      'TIMEOUT',
      `el servidor no respondió en ${timeoutMs} ms (ajuste --timeout-ms si la red es lenta)`,
      true,
    );
  }
  if (
    names.some((n) => /^(E[A-Z]+|UND_ERR_\w+)$/.test(n)) ||
    /fetch failed|socket|network/i.test(text)
  ) {
    return new FleetError(
      'NETWORK',
      `falló la conexión con la API (${text || names.join(', ')})`,
      true,
    );
  }
  return new FleetError('UNKNOWN', `error inesperado del cliente: ${text || String(error)}`);
}
