// The service globals one project sees in one execution. The role decides scoping: library code
// gets the library's own Lock, Script Properties and Cache (one instance for every entity); ScriptApp,
// the active spreadsheet and its UI, MailApp, Session, Logger and user properties resolve to the
// calling shim (developers.google.com/apps-script/guides/libraries#resource_scoping).
import type { Execution } from './kernel';
import { SimDate } from './kernel';
import { manifestAdvancedServices, manifestTimeZone } from './project-loader';
import { createCacheService } from './services/cache';
import { createContentService } from './services/content';
import { ChartType } from './services/spreadsheet-charts';
import { createFormApp } from './services/form-app';
import { createHtmlService } from './services/html';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logger';
import { createMailApp } from './services/mail';
import { createPropertiesService, PropertyStore } from './services/properties';
import { createScriptApp } from './services/script-app';
import { scriptIntl } from './services/script-time-zone';
import { createSession } from './services/session';
import { createSheetsAdvancedService } from './services/sheets-advanced';
import { createSpreadsheetApp } from './services/spreadsheet-app';
import { createUtilities } from './services/utilities';
import { CacheStore } from './services/cache';
import { LockStore } from './services/lock';
import type { Entity, LibraryStores, OpenBehaviours, RunKind, Workspace } from './workspace';

export type ProjectRole = 'library' | 'shim';

export interface GlobalsInput {
  readonly role: ProjectRole;
  readonly entity: Entity;
  readonly exec: Execution;
  readonly kind: RunKind;
  readonly workspace: Workspace;
  readonly runInProject: (source: string) => unknown;
  readonly files: ReadonlyMap<string, string>;
  readonly libraryStores: LibraryStores;
  readonly openBehaviours: OpenBehaviours;
  readonly getOrCreate: <K, V>(map: Map<K, V>, key: K, make: () => V) => V;
}

/** UI exists for menus, sidebars and simple triggers; not for installable triggers or web apps. */
function hasUi(kind: RunKind): boolean {
  return kind === 'simple' || kind === 'menu' || kind === 'rpc' || kind === 'direct';
}

export function buildGlobals(input: GlobalsInput): Record<string, unknown> {
  const { role, entity, exec, workspace, libraryStores: lib, getOrCreate } = input;
  const user = exec.effectiveUser || entity.owner;
  const inLibrary = role === 'library';
  const documentKey = `${entity.spreadsheet.id}`;
  const libraryOwned = <T>(what: string, store: T): T => {
    workspace.noteLibraryScopedUse(what);
    return store;
  };
  const openDocumentStore = <T>(what: string, make: () => T): T | null => {
    workspace.noteUnverifiedUse(`${what} called from library code`);
    return input.openBehaviours.documentStoresInLibrary === 'null' ? null : make();
  };

  const userProperties = () => getOrCreate(entity.userProperties, user, () => new PropertyStore());
  const properties = createPropertiesService(exec, {
    script: () =>
      inLibrary
        ? libraryOwned('PropertiesService.getScriptProperties', lib.properties)
        : entity.properties,
    // User properties are "shared": library code gets the calling script's store for this user.
    user: userProperties,
    document: () =>
      inLibrary
        ? openDocumentStore('PropertiesService.getDocumentProperties', () =>
            getOrCreate(lib.documentProperties, documentKey, () => new PropertyStore()),
          )
        : entity.documentProperties,
  });
  const cache = createCacheService(exec, {
    script: () =>
      inLibrary ? libraryOwned('CacheService.getScriptCache', lib.cache) : entity.cache,
    user: () =>
      inLibrary
        ? libraryOwned(
            'CacheService.getUserCache',
            getOrCreate(lib.userCaches, user, () => new CacheStore()),
          )
        : getOrCreate(entity.userCaches, user, () => new CacheStore()),
    document: () =>
      inLibrary
        ? openDocumentStore('CacheService.getDocumentCache', () =>
            getOrCreate(lib.documentCaches, documentKey, () => new CacheStore()),
          )
        : entity.documentCache,
  });
  const locks = createLockService(exec, {
    script: () => (inLibrary ? libraryOwned('LockService.getScriptLock', lib.lock) : entity.lock),
    user: () =>
      inLibrary
        ? libraryOwned(
            'LockService.getUserLock',
            getOrCreate(lib.userLocks, user, () => new LockStore()),
          )
        : getOrCreate(entity.userLocks, user, () => new LockStore()),
    document: () =>
      inLibrary
        ? openDocumentStore('LockService.getDocumentLock', () =>
            getOrCreate(lib.documentLocks, documentKey, () => new LockStore()),
          )
        : entity.documentLock,
  });

  // Advanced services are the project's own: a global under the userSymbol its manifest gives
  // (developers.google.com/apps-script/manifest/dependencies#EnabledAdvancedService).
  const advanced: Record<string, unknown> = {};
  for (const service of manifestAdvancedServices(input.files)) {
    if (service.serviceId === 'sheets' && service.version === 'v4')
      advanced[service.userSymbol] = createSheetsAdvancedService(exec, workspace.spreadsheets);
  }
  const ui = hasUi(input.kind) ? entity.ui : null;
  // Each project has its own manifest: Session and clock triggers report that project's zone.
  const timeZone = manifestTimeZone(input.files);
  return {
    Date: SimDate,
    Intl: scriptIntl(),
    SpreadsheetApp: createSpreadsheetApp(exec, workspace.spreadsheets, {
      activeSpreadsheetId: entity.spreadsheet.id,
      ui,
    }),
    FormApp: createFormApp(exec, workspace.forms),
    MailApp: createMailApp(exec, workspace.mail),
    PropertiesService: properties,
    CacheService: cache,
    LockService: locks,
    // ScriptApp is shared: triggers, script id and URL are the calling shim's.
    ScriptApp: createScriptApp(exec, {
      triggers: entity.triggers,
      scriptId: entity.scriptId,
      serviceUrl: entity.webAppUrl,
      owner: entity.owner,
      timeZone,
    }),
    Session: createSession(exec, { timeZone, locale: 'es' }),
    Utilities: createUtilities(exec, { random: workspace.random }),
    // HTML files come from the project whose code made the call; scriptlets run in its scope.
    HtmlService: createHtmlService(exec, { files: input.files, runInProject: input.runInProject }),
    ContentService: createContentService(exec),
    // developers.google.com/apps-script/reference/charts: only the ChartType enum is used.
    Charts: { ChartType },
    Logger: createLogger(exec),
    console: createConsole(exec),
    ...advanced,
  };
}
