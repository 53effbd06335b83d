// The composition root of one execution: adapters are built lazily, so an entry point only pays
// for the services it touches (onOpen reads nothing; intake reads the state once, with the
// compiled configuration in it).
import type { ContinuationPort, SweepDeps } from '../app/sweep';
import { sha256Hex } from '../core/crypto/sha256';
import { formatMessage } from '../core/messages';
import { semaphoreOf } from '../core/cases/semaphore';
import { findStaff } from '../core/routing/staff';
import { parseEntityState, STATE_KEY } from '../core/state/entity-state';
import type { EntityConfig } from '../ports/config-source';
import type { KeyValueStore, StateStore } from '../ports/entity-state';
import { SetupRequiredError, SheetCaseStore } from './case-sheet';
import { SheetConfigSource } from './config-sheets';
import {
  decodeSnapshot,
  encodeSnapshot,
  layoutOf,
  type ConfigSnapshot,
  type SheetLayout,
} from './config-snapshot';
import { assertEntityServices, type EntityServices } from './entity-services';
import { FORM_ID_KEY, GasFormSource } from './form-responses';
import { SheetContactBook } from './contact-store';
import { writeDashboard } from './dashboard-sheet';
import { dashboardFigures } from '../core/reports/dashboard';
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { SheetHistoryLog } from './history-sheet';
import { SheetOutboxLog } from './outbox-log';
import { consoleLogger, entityMutex, executionClock, mailAppMailer } from './platform';
import {
  CASES_SHEET,
  CLOSED_DAYS_SHEET,
  HISTORY_SHEET,
  LONG_TEXT_SHEET,
  OUTBOX_SHEET,
  ROUTING_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  TEMPLATES_SHEET,
  type SheetSpec,
} from './sheet-schema';
import { ensureTrackingSheets } from './sheets-setup';
import { SheetTable } from './sheet-table';
import { propertiesStateStore } from './state-store';

export { SetupRequiredError } from './case-sheet';

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export interface Composition extends SweepDeps {
  readonly services: EntityServices;
  readonly spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Single keys of the state store (setup, triggers), read from its one cached read. */
  readonly state: KeyValueStore;
  /** Rebuilds the configuration snapshot from the sheets and stores it (setup, edits). */
  readonly rebuildSnapshot: () => ConfigSnapshot;
  readonly snapshot: () => ConfigSnapshot;
}

const missingSheet = (name: string): Error =>
  new SetupRequiredError(formatMessage('SHEET_MISSING', { sheet: name }));

export interface ComposeOptions {
  /** The time-driven review: it may schedule its own continuation. */
  readonly continuation?: ContinuationPort;
  /** Re-learns the citizen form's ids when the store lost them (owner-run maintenance). */
  readonly repairForm?: () => void;
  /** Re-creates and re-shares the data store (owner-run maintenance). */
  readonly repairDataStore?: () => readonly string[];
  /**
   * Owner-run maintenance (sweep, edit triggers, setup) puts back sheets and columns a hand
   * removed; the citizen page and clerks' calls only report the problem.
   */
  readonly selfRepair?: boolean;
}

export function compose(rawServices: unknown, options: ComposeOptions = {}): Composition {
  assertEntityServices(rawServices);
  const services = rawServices;
  const startedAt = Date.now();
  const spreadsheet = once(() => SpreadsheetApp.getActiveSpreadsheet());
  const sheetOf = (spec: SheetSpec): GoogleAppsScript.Spreadsheet.Sheet => {
    const sheet = spreadsheet().getSheetByName(spec.name);
    if (!sheet) throw missingSheet(spec.name);
    return sheet;
  };
  const table = (spec: SheetSpec) => once(() => new SheetTable(sheetOf(spec), spec));
  const store: StateStore = propertiesStateStore(() => services.properties);
  // Single keys go through the same store, so what setup writes is what the next read sees.
  const state: KeyValueStore = {
    get: (key) => store.load()[key] ?? null,
    set: (key, value) => store.write({ [key]: value }),
  };

  const headerLayout = (spec: SheetSpec): SheetLayout | null => {
    const sheet = spreadsheet().getSheetByName(spec.name);
    if (!sheet) return null;
    const width = sheet.getLastColumn();
    if (width < 1) return null;
    return layoutOf(spec, sheet.getRange(1, 1, 1, width).getValues()[0]);
  };
  const buildSnapshot = (): ConfigSnapshot => {
    const loaded = new SheetConfigSource({
      settings: table(SETTINGS_SHEET),
      staff: table(STAFF_SHEET),
      routing: table(ROUTING_SHEET),
      closedDays: table(CLOSED_DAYS_SHEET),
      templates: () =>
        spreadsheet().getSheetByName(TEMPLATES_SHEET.name) ? table(TEMPLATES_SHEET)() : null,
    }).load();
    // Without a configured address, follow-up links point at this entity's own web app, if deployed.
    const config: EntityConfig = loaded.settings.followUpUrl
      ? loaded
      : {
          ...loaded,
          settings: { ...loaded.settings, followUpUrl: ScriptApp.getService().getUrl() ?? '' },
        };
    return {
      builtAt: Date.now(),
      config,
      cases: headerLayout(CASES_SHEET),
      history: headerLayout(HISTORY_SHEET),
      outbox: headerLayout(OUTBOX_SHEET),
    };
  };
  let snapshotMemo: ConfigSnapshot | null = null;
  const rebuildSnapshot = (): ConfigSnapshot => {
    snapshotMemo = buildSnapshot();
    store.write(encodeSnapshot(snapshotMemo));
    return snapshotMemo;
  };
  const snapshot = (): ConfigSnapshot => {
    if (snapshotMemo) return snapshotMemo;
    snapshotMemo = decodeSnapshot(store.load());
    if (snapshotMemo) return snapshotMemo;
    try {
      return rebuildSnapshot();
    } catch (error) {
      // A settings sheet deleted by hand: keep serving the last good configuration, and say so.
      const stale = decodeSnapshot(store.load(), true);
      if (!stale) throw error;
      consoleLogger.error(
        `Configuración no releída (${error instanceof Error ? error.message : String(error)}); se usa la última válida.`,
      );
      snapshotMemo = stale;
      return stale;
    }
  };
  const layout =
    (spec: SheetSpec, pick: (s: ConfigSnapshot) => SheetLayout | null) => (): SheetLayout => {
      const found = pick(snapshot());
      if (found) return found;
      // The layout changed (a column deleted or renamed): read it again, then put back what is
      // missing (setup's own repair) before giving up.
      const fresh = pick(rebuildSnapshot());
      if (fresh) return fresh;
      if (!options.selfRepair) throw missingSheet(spec.name);
      ensureTrackingSheets(spreadsheet());
      const repaired = pick(rebuildSnapshot());
      if (!repaired) throw missingSheet(spec.name);
      return repaired;
    };
  // Read for every row sealed or checked: parsed again only when the store was read again.
  let secretOf: { raw: Readonly<Record<string, string>>; secret: string } | null = null;
  const secret = (): string => {
    const raw = store.load();
    if (secretOf?.raw !== raw)
      secretOf = {
        raw,
        secret: parseEntityState({ [STATE_KEY]: raw[STATE_KEY] ?? '' }).record?.secret ?? '',
      };
    return secretOf.secret;
  };
  const semaphore = (record: Parameters<typeof semaphoreOf>[0]): string =>
    semaphoreOf(record, Math.max(0, ...snapshot().config.settings.reminderOffsets));
  const cases = new SheetCaseStore({
    spreadsheet,
    layout: layout(CASES_SHEET, (s) => s.cases),
    secret,
    longTexts: table(LONG_TEXT_SHEET),
    missingSheet,
    semaphore,
    derived: (record) => ({
      assigneeName: findStaff(snapshot().config.staff, record.assignee)?.name ?? '',
      semaphore: semaphore(record),
    }),
  });
  // Not memoised while missing: a repair in this execution may find the form again.
  let formsMemo: GasFormSource | null = null;
  const forms = (): GasFormSource | null => {
    if (formsMemo) return formsMemo;
    const id = store.load()[FORM_ID_KEY];
    formsMemo = id ? new GasFormSource(FormApp.openById(id)) : null;
    return formsMemo;
  };
  const mailer = once(() =>
    mailAppMailer(snapshot().config.settings.name, snapshot().config.settings.replyTo),
  );
  return {
    services,
    spreadsheet,
    state,
    store,
    snapshot,
    rebuildSnapshot,
    get config() {
      return snapshot().config;
    },
    cases,
    history: new SheetHistoryLog(
      spreadsheet,
      layout(HISTORY_SHEET, (s) => s.history),
      missingSheet,
    ),
    outboxLog: new SheetOutboxLog(
      spreadsheet,
      layout(OUTBOX_SHEET, (s) => s.outbox),
      missingSheet,
    ),
    get mailer() {
      return mailer();
    },
    lock: entityMutex(services),
    clock: executionClock(startedAt),
    tokens: {
      newSecret: () => `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, ''),
      hash: sha256Hex,
    },
    log: consoleLogger,
    get forms() {
      return forms();
    },
    repairForm: options.repairForm ?? (() => {}),
    ...(options.repairDataStore ? { repairDataStore: options.repairDataStore } : {}),
    // Staff mail links to the tracking sheet (and a case's row): two calls, only when such mail goes.
    deskLink: once(() => {
      const ss = spreadsheet();
      const sheet = ss.getSheetByName(CASES_SHEET.name);
      return `${ss.getUrl()}#gid=${sheet ? sheet.getSheetId() : 0}`;
    }),
    refreshDashboard: (records) => {
      const config = snapshot().config;
      const figures = dashboardFigures(records, {
        today: bogotaDateOf(Date.now()),
        settings: config.settings,
        calendar: createBusinessCalendar(config.calendar),
      });
      writeDashboard(spreadsheet(), figures, config.settings.name);
    },
    // Opened only when citizen mail is sent or a titular's data is asked for.
    contacts: new SheetContactBook(() => snapshot().config.settings.contactStoreUrl),
    ...(options.continuation ? { continuation: options.continuation } : {}),
  };
}
