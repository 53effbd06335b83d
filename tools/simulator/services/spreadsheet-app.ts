// The SpreadsheetApp global: developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app

import { type Execution, ScriptError } from '../kernel';
import type { SheetsApi, SpreadsheetEnv } from './spreadsheet-api';
import { DataValidationBuilderApi, DataValidationCriteria } from './spreadsheet-builders';
import { ConditionalFormatRuleBuilderApi } from './spreadsheet-conditional';
import type { SpreadsheetModel, SpreadsheetStore } from './spreadsheet-model';
import { RangeApi } from './spreadsheet-range';
import { SheetApi } from './spreadsheet-sheet';
import { SpreadsheetApi } from './spreadsheet-document';
import { createUi } from './ui';

export type { SpreadsheetEnv } from './spreadsheet-api';

/** developers.google.com/apps-script/reference/spreadsheet/protection-type */
export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

/** developers.google.com/apps-script/reference/spreadsheet/boolean-criteria (the ones the builder emits). */
export const BooleanCriteria = Object.freeze({
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
});

/** developers.google.com/apps-script/reference/spreadsheet/border-style (values only; borders are not stored). */
export const BorderStyle = Object.freeze({
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
});

/** developers.google.com/apps-script/reference/spreadsheet/dimension */
export const Dimension = Object.freeze({ COLUMNS: 'COLUMNS', ROWS: 'ROWS' });

/** Builds the API factory bound to one execution. */
export function createSheetsApi(
  exec: Execution,
  store: SpreadsheetStore,
  env: SpreadsheetEnv,
): SheetsApi {
  const api: SheetsApi = {
    exec,
    store,
    env,
    spreadsheet: (model) => new SpreadsheetApi(api, model),
    sheet: (model) => new SheetApi(api, model),
    range: (sheet, rect) => new RangeApi(api, sheet, rect),
  };
  return api;
}

// Commonly reported text when openById gets an id that does not exist or is not shared.
const OPEN_FAILED =
  'Unexpected error while getting the method or property openById on object SpreadsheetApp.';

export function createSpreadsheetApp(
  exec: Execution,
  store: SpreadsheetStore,
  env: SpreadsheetEnv,
): object {
  const api = createSheetsApi(exec, store, env);
  const active = (): SpreadsheetModel | null =>
    env.activeSpreadsheetId === null ? null : (store.get(env.activeSpreadsheetId) ?? null);
  const open = (id: string, method: string): object => {
    if (id !== env.activeSpreadsheetId) exec.requireAuthorization(`SpreadsheetApp.${method}`);
    const model = store.get(id);
    if (!model) throw new ScriptError(OPEN_FAILED.replace('openById', method));
    // A file not shared with the user running fails the same way as a missing one (commonly reported).
    if (id !== env.activeSpreadsheetId && !model.canOpen(exec.effectiveUser))
      throw new ScriptError(OPEN_FAILED.replace('openById', method));
    return api.spreadsheet(model);
  };
  return {
    ProtectionType,
    DataValidationCriteria,
    BooleanCriteria,
    BorderStyle,
    Dimension,
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet(): null for standalone scripts.
    getActiveSpreadsheet(): object | null {
      exec.charge('SpreadsheetApp.getActiveSpreadsheet');
      const model = active();
      return model ? api.spreadsheet(model) : null;
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActive()
    getActive(): object | null {
      exec.charge('SpreadsheetApp.getActive');
      const model = active();
      return model ? api.spreadsheet(model) : null;
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSheet()
    getActiveSheet(): object | null {
      exec.charge('SpreadsheetApp.getActiveSheet');
      const model = active();
      return model ? api.sheet(model.activeSheet) : null;
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openById(String): other files need authorization.
    openById(id: string): object {
      exec.charge('SpreadsheetApp.openById');
      return open(String(id), 'openById');
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#openByUrl(String)
    openByUrl(url: string): object {
      exec.charge('SpreadsheetApp.openByUrl');
      const m = /\/spreadsheets\/d\/([^/]+)/.exec(String(url));
      return open(m ? m[1] : String(url), 'openByUrl');
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String)
    create(name: string): object {
      exec.charge('SpreadsheetApp.create');
      exec.requireAuthorization('SpreadsheetApp.create');
      const model = store.create(String(name), { owner: exec.effectiveUser || undefined });
      // A new file is the creator's alone until shared (Drive).
      model.shares = new Map();
      return api.spreadsheet(model);
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush(): writes are applied at once here.
    flush(): void {
      exec.charge('SpreadsheetApp.flush');
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi(): only with an open editor (commonly reported text).
    getUi(): object {
      exec.charge('SpreadsheetApp.getUi');
      if (!env.ui) throw new ScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
      return createUi(exec, env.ui);
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#newDataValidation()
    newDataValidation(): object {
      exec.charge('SpreadsheetApp.newDataValidation');
      return new DataValidationBuilderApi(api);
    },
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#newConditionalFormatRule()
    newConditionalFormatRule(): object {
      exec.charge('SpreadsheetApp.newConditionalFormatRule');
      return new ConditionalFormatRuleBuilderApi(api);
    },
    toString: (): string => 'SpreadsheetApp',
  };
}
