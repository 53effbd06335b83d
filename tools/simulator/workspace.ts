// The simulated Google Workspace: one shared library project, any number of entities (each a
// tracking spreadsheet with its bound shim script), the citizen forms, mail, and a virtual clock.
// It runs each execution the way Apps Script would and applies the library scoping rules of
// ../shared/reference/apps-script-library-scoping.md ("What a faithful simulator must do").
import {
  DEFAULT_COSTS,
  Execution,
  IdSource,
  SIMPLE_TRIGGER_LIMIT_MS,
  SimDate,
  setVirtualNow,
  type AuthMode,
  type CostRule,
} from './kernel';
import {
  compileProject,
  loadProject,
  type CompiledProject,
  type LoadedProject,
} from './project-loader';
import { CacheStore } from './services/cache';
import { LockStore } from './services/lock';
import { MailStore } from './services/mail';
import { PropertyStore } from './services/properties';
import { SpreadsheetStore, type SpreadsheetModel } from './services/spreadsheet-model';
import { FormStore } from './services/form-model';
import { TriggerStore } from './services/triggers';
import { UiHost } from './services/ui';
import { buildGlobals, type ProjectRole } from './globals';

/** Behaviours the documentation leaves open: a switch each, and every use is reported. */
export interface OpenBehaviours {
  /** What `getDocumentProperties()`/`getDocumentCache()`/`getDocumentLock()` give library code. */
  readonly documentStoresInLibrary: 'null' | 'library-and-document';
}

export interface WorkspaceOptions {
  readonly library: {
    readonly code: string;
    readonly files?: ReadonlyMap<string, string>;
    readonly userSymbol?: string;
  };
  readonly shimCode: string;
  /** The entity script's other files: its manifest (`appsscript`) sets its time zone. */
  readonly shimFiles?: ReadonlyMap<string, string>;
  readonly startMs: number;
  readonly costs?: Readonly<Record<string, CostRule>>;
  readonly openBehaviours?: Partial<OpenBehaviours>;
  /** Seed for getUuid and other randomness, so runs are reproducible. */
  readonly seed?: number;
  /** Adds start-up time per execution proportional to the code loaded (libraries guide warns of it). */
  readonly startupMsPerKb?: number;
}

export interface EntityOptions {
  readonly name: string;
  readonly owner: string;
  readonly projectTitle?: string;
  /** The tracking spreadsheet's file name. */
  readonly spreadsheetName?: string;
  /** Google Workspace domain of the entity's accounts; active-user email is visible within it. */
  readonly domain?: string;
  readonly mailQuotaPerDay?: number;
  /** The tracking spreadsheet's locale and time zone (File > Settings); es_CO and Bogotá by default. */
  readonly spreadsheetLocale?: string;
  readonly spreadsheetTimeZone?: string;
}

export interface Entity {
  readonly name: string;
  readonly owner: string;
  readonly domain: string;
  readonly scriptId: string;
  readonly spreadsheet: SpreadsheetModel;
  readonly properties: PropertyStore;
  readonly cache: CacheStore;
  readonly lock: LockStore;
  readonly documentProperties: PropertyStore;
  readonly documentCache: CacheStore;
  readonly documentLock: LockStore;
  readonly userProperties: Map<string, PropertyStore>;
  readonly userCaches: Map<string, CacheStore>;
  readonly userLocks: Map<string, LockStore>;
  readonly triggers: TriggerStore;
  readonly ui: UiHost;
  readonly webAppUrl: string;
}

export type RunKind = 'simple' | 'trigger' | 'menu' | 'rpc' | 'webapp' | 'direct';

export interface RunRequest {
  readonly entity: string;
  readonly fn: string;
  /** Arguments, or a function building them inside the execution (event objects bind to it). */
  readonly args?: readonly unknown[] | ((exec: Execution) => readonly unknown[]);
  readonly kind: RunKind;
  /** The person at the keyboard (menu, rpc, simple trigger); '' for anonymous web visitors. */
  readonly user?: string;
  /** For installable triggers: the trigger's creator. */
  readonly triggerOwner?: string;
  /**
   * Virtual start time when it is earlier than the workspace's clock: an execution that overlaps
   * ones already run (a burst of submissions). Locks they released later make it wait.
   */
  readonly startAt?: number;
}

export interface ExecutionRecord {
  readonly entity: string;
  readonly fn: string;
  readonly kind: RunKind;
  readonly startedAt: string;
  readonly simulatedMs: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly totalCalls: number;
  readonly error: string | null;
  readonly logs: readonly string[];
}

export interface RunResult {
  readonly value: unknown;
  readonly error: Error | null;
  readonly record: ExecutionRecord;
}

/** Library-wide stores: one instance shared by every entity (libraries guide, "Resource scoping"). */
export interface LibraryStores {
  readonly properties: PropertyStore;
  readonly cache: CacheStore;
  readonly lock: LockStore;
  readonly documentProperties: Map<string, PropertyStore>;
  readonly documentCaches: Map<string, CacheStore>;
  readonly documentLocks: Map<string, LockStore>;
  readonly userCaches: Map<string, CacheStore>;
  readonly userLocks: Map<string, LockStore>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export class Workspace {
  now: number;
  readonly spreadsheets = new SpreadsheetStore();
  readonly forms: FormStore;
  readonly mail = new MailStore();
  readonly entities = new Map<string, Entity>();
  readonly executions: ExecutionRecord[] = [];
  /** Each library call of a scoped-per-library service, as `Service.method` (what the product must never do). */
  readonly libraryScopedUses: string[] = [];
  /** Each use of a behaviour the documentation leaves open. */
  readonly unverifiedUses: string[] = [];
  readonly userSymbol: string;
  readonly library: CompiledProject;
  readonly shim: CompiledProject;
  readonly libraryStores: LibraryStores;
  readonly random: () => number;
  private readonly costs: Readonly<Record<string, CostRule>>;
  private readonly openBehaviours: OpenBehaviours;
  private readonly scriptIds = new IdSource('script-');
  private readonly startupMsPerKb: number;

  constructor(options: WorkspaceOptions) {
    this.now = options.startMs;
    this.forms = new FormStore(this.spreadsheets);
    this.userSymbol = options.library.userSymbol ?? 'PQRS';
    this.library = compileProject(
      'library',
      options.library.code,
      options.library.files ?? new Map(),
    );
    this.shim = compileProject('entity', options.shimCode, options.shimFiles ?? new Map());
    this.costs = options.costs ?? DEFAULT_COSTS;
    this.openBehaviours = { documentStoresInLibrary: 'null', ...options.openBehaviours };
    this.random = mulberry32(options.seed ?? 20261126);
    this.startupMsPerKb = options.startupMsPerKb ?? 0;
    this.libraryStores = {
      properties: new PropertyStore(),
      cache: new CacheStore(),
      lock: new LockStore(),
      documentProperties: new Map(),
      documentCaches: new Map(),
      documentLocks: new Map(),
      userCaches: new Map(),
      userLocks: new Map(),
    };
  }

  addEntity(options: EntityOptions): Entity {
    if (this.entities.has(options.name)) throw new Error(`entity ${options.name} exists`);
    const spreadsheet = this.spreadsheets.create(
      options.spreadsheetName ?? `PQRSD - ${options.name}`,
      {
        timeZone: options.spreadsheetTimeZone ?? 'America/Bogota',
        locale: options.spreadsheetLocale ?? 'es_CO',
        owner: options.owner,
      },
    );
    const scriptId = this.scriptIds.take();
    const domain = options.domain ?? options.owner.split('@')[1] ?? '';
    const entity: Entity = {
      name: options.name,
      owner: options.owner,
      domain,
      scriptId,
      spreadsheet,
      properties: new PropertyStore(),
      cache: new CacheStore(),
      lock: new LockStore(),
      documentProperties: new PropertyStore(),
      documentCache: new CacheStore(),
      documentLock: new LockStore(),
      userProperties: new Map(),
      userCaches: new Map(),
      userLocks: new Map(),
      triggers: new TriggerStore(),
      ui: new UiHost(options.projectTitle ?? 'Ventanilla PQRSD'),
      webAppUrl: `https://script.google.com/macros/s/${scriptId}/exec`,
    };
    if (options.mailQuotaPerDay !== undefined)
      this.mail.setDailyQuota(options.owner, options.mailQuotaPerDay);
    this.entities.set(options.name, entity);
    return entity;
  }

  entity(name: string): Entity {
    const entity = this.entities.get(name);
    if (!entity) throw new Error(`no entity ${name}`);
    return entity;
  }

  /** Who Apps Script says is running, per the Session reference and the triggers guide. */
  private users(
    entity: Entity,
    request: RunRequest,
  ): { active: string; effective: string; authMode: AuthMode } {
    const user = request.user ?? '';
    const sameDomain = (email: string) =>
      email !== '' && (email === entity.owner || email.endsWith(`@${entity.domain}`));
    switch (request.kind) {
      case 'simple':
        // Simple triggers run as the user at the keyboard in LIMITED mode; the email shows only within the domain.
        return { active: sameDomain(user) ? user : '', effective: user, authMode: 'LIMITED' };
      case 'trigger': {
        // Installable triggers run as their creator (developers.google.com/apps-script/guides/triggers/installable).
        const owner = request.triggerOwner ?? entity.owner;
        return { active: owner, effective: owner, authMode: 'FULL' };
      }
      case 'webapp':
        // Execute-as-me web app: effective user is the deployer; visitors outside the domain are blank.
        return { active: sameDomain(user) ? user : '', effective: entity.owner, authMode: 'FULL' };
      default:
        return { active: user, effective: user || entity.owner, authMode: 'FULL' };
    }
  }

  run(request: RunRequest): RunResult {
    const entity = this.entity(request.entity);
    const who = this.users(entity, request);
    const exec = new Execution({
      name: request.fn,
      startMs: request.startAt ?? this.now,
      limitMs: request.kind === 'simple' ? SIMPLE_TRIGGER_LIMIT_MS : undefined,
      costs: this.costs,
      authMode: who.authMode,
      activeUser: who.active,
      effectiveUser: who.effective,
    });
    setVirtualNow(() => exec.now());
    let value: unknown;
    let error: Error | null = null;
    try {
      exec.spend(((this.shim.codeSize + this.library.codeSize) / 1024) * this.startupMsPerKb);
      const shim = this.loadShim(entity, exec, request.kind);
      const fn = shim.getFunction(request.fn);
      const reachable =
        request.kind === 'rpc' ? shim.publicFunctions().includes(request.fn) : fn !== null;
      // Trigger handlers, menu items and google.script.run name functions of the calling project only.
      if (!fn || !reachable) throw new Error(`Script function not found: ${request.fn}`);
      const args = typeof request.args === 'function' ? request.args(exec) : (request.args ?? []);
      value = fn(...args);
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
      exec.log(`ERROR ${error.message}`);
    } finally {
      exec.finish();
    }
    this.now = Math.max(this.now, exec.now());
    setVirtualNow(() => this.now);
    const record: ExecutionRecord = {
      entity: entity.name,
      fn: request.fn,
      kind: request.kind,
      startedAt: new Date(exec.startMs).toISOString(),
      simulatedMs: Math.round(exec.simulatedMs * 1000) / 1000,
      calls: Object.fromEntries([...exec.calls.entries()].sort(([a], [b]) => a.localeCompare(b))),
      totalCalls: exec.totalCalls,
      error: error ? error.message : null,
      logs: exec.logs,
    };
    this.executions.push(record);
    return { value, error, record };
  }

  private loadShim(entity: Entity, exec: Execution, kind: RunKind): LoadedProject {
    let library: LoadedProject | null = null;
    const libraryFacade: Record<string, unknown> = {};
    const loadLibrary = (): LoadedProject => {
      if (!library)
        library = loadProject(
          this.library,
          this.globalsFor('library', entity, exec, kind, () => library!),
        );
      return library;
    };
    // Only the library's public top-level names are visible to its users (libraries guide).
    const probe = this.publicLibraryNames();
    for (const name of probe) {
      libraryFacade[name] = (...args: unknown[]) => {
        const fn = loadLibrary().getFunction(name);
        if (!fn) throw new Error(`TypeError: ${this.userSymbol}.${name} is not a function`);
        return fn(...args);
      };
    }
    let shim: LoadedProject | null = null;
    const globals = this.globalsFor('shim', entity, exec, kind, () => shim!);
    globals[this.userSymbol] = libraryFacade;
    shim = loadProject(this.shim, globals);
    return shim;
  }

  private publicNamesCache: string[] | null = null;

  /** The library's public functions, found by loading it once with no services. */
  publicLibraryNames(): string[] {
    if (!this.publicNamesCache) {
      this.publicNamesCache = loadProject(this.library, { Date: SimDate }).publicFunctions();
    }
    return this.publicNamesCache;
  }

  private globalsFor(
    role: ProjectRole,
    entity: Entity,
    exec: Execution,
    kind: RunKind,
    self: () => LoadedProject,
  ): Record<string, unknown> {
    return buildGlobals({
      role,
      entity,
      exec,
      kind,
      workspace: this,
      runInProject: (source) => self().run(source),
      files: role === 'library' ? this.library.files : this.shim.files,
      libraryStores: this.libraryStores,
      openBehaviours: this.openBehaviours,
      getOrCreate,
    });
  }

  noteLibraryScopedUse(what: string): void {
    this.libraryScopedUses.push(what);
  }

  noteUnverifiedUse(what: string): void {
    this.unverifiedUses.push(what);
  }
}
