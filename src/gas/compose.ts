// The composition root of one execution: adapters are built lazily, so an entry point only pays
// for the services it touches (onOpen reads nothing; intake reads each configuration sheet once).
import type { IntakeDeps } from '../app/intake';
import type { SweepDeps } from '../app/sweep';
import { formatMessage } from '../core/messages';
import { SheetAuditLog } from './audit-log-sheet';
import { SheetCaseStore } from './case-store-sheet';
import { SheetConfigSource } from './config-sheets';
import { assertEntityServices, type EntityServices } from './entity-services';
import { FORM_ID_KEY, GasFormSource, readItemMap } from './form-responses';
import { SheetOutbox } from './outbox-sheet';
import {
  consoleLogger,
  entityMutex,
  executionClock,
  gasTokens,
  mailAppMailer,
  propertiesStore,
} from './platform';
import {
  CASES_SHEET,
  CLOSED_DAYS_SHEET,
  HISTORY_SHEET,
  LONG_TEXT_SHEET,
  OUTBOX_SHEET,
  ROUTING_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  type SheetSpec,
} from './sheet-schema';
import { SheetTable } from './sheet-table';

export class SetupRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupRequiredError';
  }
}

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
}

export function compose(rawServices: unknown): Composition {
  assertEntityServices(rawServices);
  const services = rawServices;
  const startedAt = Date.now();
  const spreadsheet = once(() => SpreadsheetApp.getActiveSpreadsheet());
  const table = (spec: SheetSpec) =>
    once(() => {
      const sheet = spreadsheet().getSheetByName(spec.name);
      if (!sheet)
        throw new SetupRequiredError(formatMessage('SHEET_MISSING', { sheet: spec.name }));
      return new SheetTable(sheet, spec);
    });
  const state = propertiesStore(services.properties);
  const configSource = new SheetConfigSource({
    settings: table(SETTINGS_SHEET),
    staff: table(STAFF_SHEET),
    routing: table(ROUTING_SHEET),
    closedDays: table(CLOSED_DAYS_SHEET),
  });
  const config = once(() => {
    const loaded = configSource.load();
    if (loaded.settings.followUpUrl) return loaded;
    // Without a configured address, the follow-up link points at this entity's own web app, if deployed.
    const url = ScriptApp.getService().getUrl() ?? '';
    return { ...loaded, settings: { ...loaded.settings, followUpUrl: url } };
  });
  const forms = once(() => {
    const id = state.get(FORM_ID_KEY);
    return id ? new GasFormSource(FormApp.openById(id), readItemMap(state)) : null;
  });
  const mailer = once(() => mailAppMailer(config().settings.name));
  return {
    services,
    spreadsheet,
    get config() {
      return config();
    },
    cases: new SheetCaseStore(table(CASES_SHEET), table(LONG_TEXT_SHEET)),
    audit: new SheetAuditLog(table(HISTORY_SHEET)),
    outbox: new SheetOutbox(table(OUTBOX_SHEET), state),
    get mailer() {
      return mailer();
    },
    state,
    lock: entityMutex(services),
    clock: executionClock(startedAt),
    tokens: gasTokens,
    log: consoleLogger,
    get forms() {
      return forms();
    },
  };
}
