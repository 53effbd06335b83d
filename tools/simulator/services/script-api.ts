// An in-memory model of the Apps Script API (script.googleapis.com v1) for the ministry's fleet
// tool, which runs in Node and manages thousands of entity shims: create projects, read and
// rewrite their files, cut versions. It is not a script service, so nothing is charged to an
// `Execution`; instead every call is counted per method and per user, and the quotas the brief
// lists (../../../shared/reference/apps-script-library-scoping.md, item 21) are enforced.
import { IdSource } from '../kernel';

export type ScriptApiMethod =
  | 'projects.create'
  | 'projects.getContent'
  | 'projects.updateContent'
  | 'projects.versions.create'
  | 'projects.versions.list';

export const SCRIPT_API_METHODS: readonly ScriptApiMethod[] = [
  'projects.create',
  'projects.getContent',
  'projects.updateContent',
  'projects.versions.create',
  'projects.versions.list',
];

// developers.google.com/apps-script/api/reference/rest/v1/File#FileType: SERVER_JS, HTML, JSON (manifest only).
export type ScriptFileType = 'SERVER_JS' | 'HTML' | 'JSON';

/** What a caller sends in `updateContent`: the REST File's writable fields. */
export interface ScriptFileInput {
  readonly name: string;
  readonly type: ScriptFileType;
  readonly source: string;
}

export interface ScriptApiUser {
  readonly email: string;
}

/** developers.google.com/apps-script/api/reference/rest/v1/File: name, type, source and read-only metadata. */
export interface ScriptFile extends ScriptFileInput {
  readonly lastModifyUser: ScriptApiUser;
  readonly createTime: string;
  readonly updateTime: string;
}

/** developers.google.com/apps-script/api/reference/rest/v1/projects#Project (the fields modelled). */
export interface ScriptProject {
  readonly scriptId: string;
  readonly title: string;
  readonly parentId?: string;
  readonly createTime: string;
  readonly updateTime: string;
  readonly creator: ScriptApiUser;
  readonly lastModifyUser: ScriptApiUser;
}

/** developers.google.com/apps-script/api/reference/rest/v1/Content. */
export interface ScriptContent {
  readonly scriptId: string;
  readonly files: readonly ScriptFile[];
}

/** developers.google.com/apps-script/api/reference/rest/v1/projects.versions#Version. */
export interface ScriptVersion {
  readonly scriptId: string;
  readonly versionNumber: number;
  readonly description?: string;
  readonly createTime: string;
}

/** developers.google.com/apps-script/api/reference/rest/v1/projects.versions/list: ListVersionsResponse. */
export interface ListVersionsResponse {
  readonly versions?: readonly ScriptVersion[];
  readonly nextPageToken?: string;
}

/** developers.google.com/apps-script/guides/services/quotas: "Apps Script projects created", 50 per user per day. */
export const PROJECT_CREATIONS_PER_DAY = 50;
/** developers.google.com/apps-script/guides/services/quotas: "Quotas are per user and reset 24 hours after the first request". */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;
/** UNVERIFIED: a 200-versions-per-project cap is reported only by community notes (e.g. google/clasp#1015). */
export const DEFAULT_MAX_VERSIONS_PER_PROJECT = 200;
/** developers.google.com/apps-script/api/reference/rest/v1/projects.versions/list: pageSize defaults to 50. */
export const DEFAULT_VERSIONS_PAGE_SIZE = 50;
export const PER_MINUTE_WINDOW_MS = 60 * 1000;
export const MANIFEST_NAME = 'appsscript';

/**
 * The manifest a new project gets. projects.create promises "a base manifest file"
 * (developers.google.com/apps-script/api/reference/rest/v1/projects/create) but not its text;
 * these keys are the defaults new projects show in the editor (inference).
 */
export const DEFAULT_BASE_MANIFEST = JSON.stringify(
  { timeZone: 'America/New_York', exceptionLogging: 'STACKDRIVER', runtimeVersion: 'V8' },
  null,
  2,
);

/** An API error as the client library surfaces Google's `{error: {code, message, status}}` body. */
export class ScriptApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
    /** Legacy `errors[].reason`, where one is known (e.g. rateLimitExceeded). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ScriptApiError';
  }

  /** The JSON body the REST API would send. */
  toJSON(): { error: { code: number; message: string; status: string } } {
    return { error: { code: this.code, message: this.message, status: this.status } };
  }
}

export interface ScriptApiOptions {
  /** The scenario clock, in ms since the epoch (e.g. `() => ws.now`). */
  readonly nowMs: () => number;
  /** Per-minute caps per method and user. Google does not publish them, so none apply by default. */
  readonly perMinuteLimit?: Partial<Record<ScriptApiMethod, number>>;
  /** Projects a user may create per rolling day (quotas page: 50). */
  readonly projectCreationsPerDay?: number;
  /** Versions a project may hold. UNVERIFIED community figure: 200. */
  readonly maxVersionsPerProject?: number;
  /** Source of the manifest `createProject` writes. */
  readonly baseManifest?: string;
}

export interface ScriptApiCalls {
  total: number;
  readonly byMethod: Record<ScriptApiMethod, number>;
  /** user → method → calls. Calls made without a user are counted under ''. */
  readonly byUser: Record<string, Partial<Record<ScriptApiMethod, number>>>;
  /** Calls answered with an error, by method (they are in `byMethod` too). */
  readonly failedByMethod: Record<ScriptApiMethod, number>;
}

interface StoredProject {
  project: ScriptProject;
  files: ScriptFile[];
  readonly versions: Array<{ version: ScriptVersion; files: readonly ScriptFile[] }>;
}

interface CreationWindow {
  startMs: number;
  count: number;
}

const zeroCounts = (): Record<ScriptApiMethod, number> =>
  Object.fromEntries(SCRIPT_API_METHODS.map((m) => [m, 0])) as Record<ScriptApiMethod, number>;

const iso = (ms: number): string => new Date(ms).toISOString();

// The generic texts Google APIs send with these codes; the 400 wordings below that are not quoted
// from a report are invented (marked), as Google does not document them.
const notFound = () =>
  // Google's generic NOT_FOUND text (as returned by googleapis.com services, e.g. badrisnarayanan/antigravity-claude-proxy#204).
  new ScriptApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
const invalid = (message: string) => new ScriptApiError(400, 'INVALID_ARGUMENT', message);

export class ScriptApiModel {
  readonly calls: ScriptApiCalls = {
    total: 0,
    byMethod: zeroCounts(),
    byUser: {},
    failedByMethod: zeroCounts(),
  };
  private readonly nowMs: () => number;
  private readonly perMinuteLimit: Partial<Record<ScriptApiMethod, number>>;
  private readonly creationsPerDay: number;
  private readonly maxVersions: number;
  private readonly baseManifest: string;
  private readonly projects = new Map<string, StoredProject>();
  private readonly creationWindows = new Map<string, CreationWindow>();
  /** `${method} ${user}` → times of accepted calls in the last minute. */
  private readonly recent = new Map<string, number[]>();
  private readonly ids = new IdSource('1SimScript');

  constructor(options: ScriptApiOptions) {
    this.nowMs = options.nowMs;
    this.perMinuteLimit = { ...options.perMinuteLimit };
    this.creationsPerDay = options.projectCreationsPerDay ?? PROJECT_CREATIONS_PER_DAY;
    this.maxVersions = options.maxVersionsPerProject ?? DEFAULT_MAX_VERSIONS_PER_PROJECT;
    this.baseManifest = options.baseManifest ?? DEFAULT_BASE_MANIFEST;
  }

  /** projects.create: a new project holding only the base manifest; bound when `parentId` is set. */
  createProject(user: string, request: { title: string; parentId?: string }): ScriptProject {
    return this.call('projects.create', user, (now) => {
      const window = this.creationWindow(user, now);
      if (window.count >= this.creationsPerDay) {
        // Text and reason as google/clasp#196 reports for `clasp create` (429); that this exact
        // body is what the 50/day cap returns is unverified.
        throw new ScriptApiError(
          429,
          'RESOURCE_EXHAUSTED',
          'Resource has been exhausted (e.g. check quota).',
          'rateLimitExceeded',
        );
      }
      window.count += 1;
      const scriptId = this.ids.take();
      const by = { email: user };
      const project: ScriptProject = {
        scriptId,
        title: request.title,
        // developers.google.com/apps-script/api/reference/rest/v1/projects/create: no parentId makes a standalone project.
        ...(request.parentId ? { parentId: request.parentId } : {}),
        createTime: iso(now),
        updateTime: iso(now),
        creator: by,
        lastModifyUser: by,
      };
      // developers.google.com/apps-script/api/reference/rest/v1/projects/create: "no script files and a base manifest file".
      const manifest: ScriptFile = {
        name: MANIFEST_NAME,
        type: 'JSON',
        source: this.baseManifest,
        lastModifyUser: by,
        createTime: iso(now),
        updateTime: iso(now),
      };
      this.projects.set(scriptId, { project, files: [manifest], versions: [] });
      return { ...project };
    });
  }

  /** projects.getContent: HEAD, or the snapshot of `versionNumber`. */
  getContent(
    scriptId: string,
    options: { user?: string; versionNumber?: number } = {},
  ): ScriptContent {
    return this.call('projects.getContent', options.user ?? '', () => {
      const stored = this.require(scriptId);
      // developers.google.com/apps-script/api/reference/rest/v1/projects/getContent: "If not provided, the project's HEAD version is returned."
      if (options.versionNumber === undefined)
        return { scriptId, files: stored.files.map((f) => ({ ...f })) };
      const found = stored.versions.find((v) => v.version.versionNumber === options.versionNumber);
      if (!found) throw notFound();
      return { scriptId, files: found.files.map((f) => ({ ...f })) };
    });
  }

  /** projects.updateContent: replaces every file; files left out are deleted. */
  updateContent(user: string, scriptId: string, files: readonly ScriptFileInput[]): ScriptContent {
    return this.call('projects.updateContent', user, (now) => {
      const stored = this.require(scriptId);
      validateFiles(files);
      const by = { email: user };
      const before = new Map(stored.files.map((f) => [`${f.type} ${f.name}`, f]));
      // developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent: "This clears all the existing files in the project."
      stored.files = files.map((f) => ({
        name: f.name,
        type: f.type,
        source: f.source,
        lastModifyUser: by,
        // Keeping createTime for a file that survives under the same name and type is inference.
        createTime: before.get(`${f.type} ${f.name}`)?.createTime ?? iso(now),
        updateTime: iso(now),
      }));
      stored.project = { ...stored.project, updateTime: iso(now), lastModifyUser: by };
      return { scriptId, files: stored.files.map((f) => ({ ...f })) };
    });
  }

  /** projects.versions.create: an immutable snapshot of HEAD, numbered 1, 2, … */
  createVersion(user: string, scriptId: string, description?: string): ScriptVersion {
    return this.call('projects.versions.create', user, (now) => {
      const stored = this.require(scriptId);
      if (stored.versions.length >= this.maxVersions) {
        // UNVERIFIED cap (community notes, e.g. google/clasp#1015 "over the 200 version limit");
        // the API has no versions.delete (developers.google.com/apps-script/api/how-tos/manage-versions
        // lists create, list and get only), so only the IDE can free room. Error text invented.
        throw new ScriptApiError(
          400,
          'FAILED_PRECONDITION',
          `Script project ${scriptId} already has ${stored.versions.length} versions, the maximum; delete old versions in the Apps Script editor.`,
        );
      }
      // developers.google.com/apps-script/api/reference/rest/v1/projects.versions#Version: versionNumber is an incremental, system-assigned id.
      const version: ScriptVersion = {
        scriptId,
        versionNumber: stored.versions.length + 1,
        ...(description ? { description } : {}),
        createTime: iso(now),
      };
      // developers.google.com/apps-script/api/how-tos/manage-versions: "The project's current saved code is used for the version."
      stored.versions.push({ version, files: stored.files.map((f) => ({ ...f })) });
      return { ...version };
    });
  }

  /** projects.versions.list, paged (default 50 a page). Oldest first: the real order is unverified. */
  listVersions(
    scriptId: string,
    options: { user?: string; pageSize?: number; pageToken?: string } = {},
  ): ListVersionsResponse {
    return this.call('projects.versions.list', options.user ?? '', () => {
      const stored = this.require(scriptId);
      const size =
        options.pageSize && options.pageSize > 0 ? options.pageSize : DEFAULT_VERSIONS_PAGE_SIZE;
      const start = options.pageToken === undefined ? 0 : Number(options.pageToken);
      if (!Number.isInteger(start) || start < 0) throw invalid('Invalid page token.'); // invented text
      const page = stored.versions.slice(start, start + size).map((v) => ({ ...v.version }));
      const next = start + size < stored.versions.length ? String(start + size) : undefined;
      // protobuf.dev/programming-guides/json: empty repeated fields are omitted, so a project
      // without versions answers `{}` (that script.googleapis.com does so is inference).
      return {
        ...(page.length > 0 ? { versions: page } : {}),
        ...(next !== undefined ? { nextPageToken: next } : {}),
      };
    });
  }

  /** How many projects `user` may still create in the current day window (no call counted). */
  remainingProjectCreations(user: string): number {
    return Math.max(0, this.creationsPerDay - this.creationWindow(user, this.nowMs()).count);
  }

  /** The number of versions a project holds (no call counted). */
  versionCount(scriptId: string): number {
    return this.projects.get(scriptId)?.versions.length ?? 0;
  }

  /** Counts the call, applies the per-minute limit, runs it, and counts failures. */
  private call<T>(method: ScriptApiMethod, user: string, body: (now: number) => T): T {
    const now = this.nowMs();
    this.calls.total += 1;
    this.calls.byMethod[method] += 1;
    const mine = (this.calls.byUser[user] ??= {});
    mine[method] = (mine[method] ?? 0) + 1;
    try {
      this.checkPerMinute(method, user, now);
      return body(now);
    } catch (error) {
      this.calls.failedByMethod[method] += 1;
      throw error;
    }
  }

  private checkPerMinute(method: ScriptApiMethod, user: string, now: number): void {
    const limit = this.perMinuteLimit[method];
    if (limit === undefined) return;
    const key = `${method} ${user}`;
    // A sliding 60-second window of accepted calls; rejected calls do not use up quota (inference).
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - PER_MINUTE_WINDOW_MS);
    if (times.length >= limit) {
      this.recent.set(key, times);
      // Wording follows Google's per-minute quota errors on other APIs (e.g. r-lib/gargle#160 for
      // sheets.googleapis.com); the Apps Script API's metric and limit names are invented here.
      throw new ScriptApiError(
        429,
        'RESOURCE_EXHAUSTED',
        `Quota exceeded for quota metric '${method}' and limit '${method} per minute per user' of service 'script.googleapis.com' for consumer 'project_number:0'.`,
        'rateLimitExceeded',
      );
    }
    times.push(now);
    this.recent.set(key, times);
  }

  private creationWindow(user: string, now: number): CreationWindow {
    let window = this.creationWindows.get(user);
    // developers.google.com/apps-script/guides/services/quotas: the count resets 24 hours after the first request.
    if (!window || now >= window.startMs + QUOTA_WINDOW_MS) {
      window = { startMs: now, count: 0 };
      this.creationWindows.set(user, window);
    }
    return window;
  }

  private require(scriptId: string): StoredProject {
    const stored = this.projects.get(scriptId);
    if (!stored) throw notFound();
    return stored;
  }
}

/** The file rules of updateContent. */
function validateFiles(files: readonly ScriptFileInput[]): void {
  const manifests = files.filter((f) => f.name === MANIFEST_NAME && f.type === 'JSON');
  if (manifests.length === 0) {
    // developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent: one file must be the manifest "appsscript" of type JSON;
    // the text is what clasp push reports (labnol/apps-script-starter#2).
    throw invalid('Project contents must include a manifest file named appsscript.');
  }
  if (manifests.length > 1)
    throw invalid('Project contents must include only one manifest file named appsscript.'); // invented text
  const seen = new Set<string>();
  for (const f of files) {
    if (typeof f.name !== 'string' || f.name === '') throw invalid('A file has no name.'); // invented text
    if (f.type !== 'SERVER_JS' && f.type !== 'HTML' && f.type !== 'JSON')
      throw invalid(`Invalid file type for file ${String(f.name)}.`); // invented text
    // developers.google.com/apps-script/api/reference/rest/v1/File#FileType: JSON is used only for the manifest.
    if (f.type === 'JSON' && f.name !== MANIFEST_NAME)
      throw invalid(`File ${f.name}: only the manifest "${MANIFEST_NAME}" may be of type JSON.`); // invented text
    // Two files with one name and type cannot coexist in a project (inference); text invented.
    const key = `${f.type} ${f.name}`;
    if (seen.has(key)) throw invalid(`Duplicate file: ${f.name} (${f.type}).`);
    seen.add(key);
  }
}
