// The event objects Apps Script passes to installable form-submit handlers
// (developers.google.com/apps-script/guides/triggers/events): the form-side one carries the
// FormResponse, the spreadsheet-side one carries the row as text and no response id.

import type { Execution } from '../kernel';
import { createFormsApi } from './form-app';
import { destinationSheet, headerTitles } from './form-destination';
import { formResponseApi } from './form-response';
import type { FormModel, FormResponseModel, FormStore } from './form-model';
import { createSheetsApi } from './spreadsheet-app';
import type { SpreadsheetStore } from './spreadsheet-model';
import type { SheetModel } from './spreadsheet-sheet-model';

export interface FormSubmitEvent {
  readonly authMode: string;
  readonly response: object;
  readonly source: object;
  readonly triggerUid: string;
}

export interface SheetFormSubmitEvent {
  readonly authMode: string;
  readonly namedValues: Record<string, string[]>;
  readonly range?: object;
  readonly values: string[];
  readonly triggerUid: string;
}

/** Forms "Form submit" event: authMode, response (FormResponse), source (Form), triggerUid. */
export function buildFormSubmitEvent(
  exec: Execution,
  store: FormStore,
  response: FormResponseModel,
  triggerUid: string,
): FormSubmitEvent {
  const form = store.get(response.formId);
  if (!form) throw new Error(`buildFormSubmitEvent: no form ${response.formId}`);
  const api = createFormsApi(exec, store);
  return {
    authMode: exec.authMode,
    response: formResponseApi(api, form, response),
    source: api.form(form),
    triggerUid,
  };
}

/**
 * Sheets "Form submit" event: authMode, namedValues ({title: [text]}), range (the new row),
 * values (the row as text, in sheet order) and triggerUid. The timestamp is shown as the sheet
 * shows it; answers are the submitted text (checkboxes joined with ", "), so an ID typed as
 * "0012345" keeps its zeros here even where the sheet shows 12345 — the docs do not say which
 * text the event carries; this is our reading.
 */
export function buildSheetFormSubmitEvent(
  exec: Execution,
  spreadsheets: SpreadsheetStore,
  form: FormModel,
  response: FormResponseModel,
  triggerUid: string,
): SheetFormSubmitEvent {
  const sheet = requireSheet(spreadsheets, form);
  if (!response.row || response.row.sheetId !== sheet.sheetId) {
    throw new Error(
      `buildSheetFormSubmitEvent: response ${response.id} has no row in the linked sheet`,
    );
  }
  const headers = headerTitles(sheet);
  const row = response.row.row;
  const submitted = new Map<string, string>();
  for (const answer of response.answers) {
    const item = form.item(answer.itemId);
    if (item)
      submitted.set(
        item.title,
        typeof answer.value === 'string' ? answer.value : answer.value.join(', '),
      );
  }
  const values = headers.map((title, i) =>
    i === 0 ? sheet.display(row, 1) : (submitted.get(title) ?? sheet.display(row, i + 1)),
  );
  const api = createSheetsApi(exec, spreadsheets, {
    activeSpreadsheetId: sheet.parent.id,
    ui: null,
  });
  return {
    authMode: exec.authMode,
    namedValues: named(headers, values),
    range: api.range(sheet, { row, col: 1, numRows: 1, numCols: headers.length }),
    values,
    triggerUid,
  };
}

/**
 * Fault injection: the duplicate, blank spreadsheet form-submit event people report receiving
 * next to the real one — every value empty and no range, so handlers must ignore it.
 */
export function buildBlankSheetFormSubmitEvent(
  exec: Execution,
  spreadsheets: SpreadsheetStore,
  form: FormModel,
  triggerUid: string,
): SheetFormSubmitEvent {
  const headers = headerTitles(requireSheet(spreadsheets, form));
  const values = headers.map(() => '');
  return { authMode: exec.authMode, namedValues: named(headers, values), values, triggerUid };
}

function requireSheet(spreadsheets: SpreadsheetStore, form: FormModel): SheetModel {
  const sheet = destinationSheet(spreadsheets, form);
  if (!sheet) throw new Error(`form ${form.id} has no response sheet`);
  return sheet;
}

function named(headers: readonly string[], values: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  headers.forEach((h, i) => {
    (out[h] ??= []).push(values[i]);
  });
  return out;
}
