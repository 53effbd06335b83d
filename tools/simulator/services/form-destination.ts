// A form's response spreadsheet: linking creates the response sheet, each submission appends a
// row to it (what Google does server-side, so nothing here is charged to a script).
// developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)

import { ScriptError } from '../kernel';
import type { FormModel, FormResponseModel } from './form-model';
import { isQuestion } from './form-model';
import type { SpreadsheetModel, SpreadsheetStore } from './spreadsheet-model';
import type { SheetModel } from './spreadsheet-sheet-model';

/** Drive's text for an id that does not exist or is not shared (commonly reported). */
export const NO_ITEM_WITH_ID =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** The names Forms gives the response sheet and its fixed columns, by spreadsheet locale. */
export function responseLabels(locale: string): {
  sheet: string;
  timestamp: string;
  email: string;
} {
  return locale.toLowerCase().startsWith('es')
    ? {
        sheet: 'Respuestas de formulario',
        timestamp: 'Marca temporal',
        email: 'Dirección de correo electrónico',
      }
    : { sheet: 'Form Responses', timestamp: 'Timestamp', email: 'Email Address' };
}

/**
 * Links `form` to a spreadsheet: a new sheet "Respuestas de formulario N" (N the first free number)
 * is inserted as the first tab with a frozen header row: "Marca temporal", the email column when
 * emails are collected, then one column per question title. Responses the form already has are
 * copied in, as Forms does when a destination is chosen later.
 */
export function linkDestination(
  spreadsheets: SpreadsheetStore,
  form: FormModel,
  spreadsheetId: string,
): void {
  const ss = spreadsheets.get(spreadsheetId);
  if (!ss) throw new ScriptError(NO_ITEM_WITH_ID);
  const labels = responseLabels(ss.locale);
  let n = 1;
  while (ss.sheet(`${labels.sheet} ${n}`)) n++;
  const sheet = ss.addSheet(`${labels.sheet} ${n}`, 0);
  sheet.frozenRows = 1;
  sheet.formUrl = form.publishedUrl;
  const headers = [labels.timestamp];
  if (form.settings.collectEmail) headers.push(labels.email);
  for (const item of form.items) if (isQuestion(item)) headers.push(item.title);
  writeHeaders(sheet, headers);
  form.destination = { spreadsheetId, sheetId: sheet.sheetId };
  for (const response of form.responses) appendResponseRow(spreadsheets, form, response);
}

export function unlinkDestination(spreadsheets: SpreadsheetStore, form: FormModel): void {
  const sheet = form.destination ? destinationSheet(spreadsheets, form) : null;
  if (sheet) sheet.formUrl = null;
  form.destination = null;
}

/** The linked spreadsheet and response sheet, or null when unlinked or the sheet was deleted. */
export function destinationSheet(
  spreadsheets: SpreadsheetStore,
  form: FormModel,
): SheetModel | null {
  if (!form.destination) return null;
  const ss: SpreadsheetModel | undefined = spreadsheets.get(form.destination.spreadsheetId);
  const sheetId = form.destination.sheetId;
  return ss?.sheets.find((s) => s.sheetId === sheetId) ?? null;
}

/** The header texts of a response sheet (row 1). */
export function headerTitles(sheet: SheetModel): string[] {
  const out: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c++) out.push(sheet.display(1, c));
  return out;
}

/**
 * Appends one response after the last row with content: timestamp, email when collected, and each
 * answer under the column titled like the item now; a title with no column gets a new column at
 * the end. Checkbox answers are joined with ", ". Answers are parsed like typed text (numbers lose
 * leading zeros unless the column is plain text — widely reported), except text starting with "="
 * which Forms writes as text, never as a formula.
 */
export function appendResponseRow(
  spreadsheets: SpreadsheetStore,
  form: FormModel,
  response: FormResponseModel,
): void {
  const sheet = destinationSheet(spreadsheets, form);
  if (!sheet) return;
  const labels = responseLabels(sheet.parent.locale);
  const headers = headerTitles(sheet);
  const columnFor = (title: string): number => {
    let i = headers.indexOf(title);
    if (i < 0) {
      headers.push(title);
      i = headers.length - 1;
      sheet.growTo(1, headers.length);
      writeHeaders(sheet, [title], i + 1);
    }
    return i;
  };
  const values: unknown[] = [];
  values[columnFor(labels.timestamp)] = new Date(response.timestampMs);
  if (form.settings.collectEmail) values[columnFor(labels.email)] = response.respondentEmail;
  for (const answer of response.answers) {
    const item = form.item(answer.itemId);
    if (!item) continue;
    const full = typeof answer.value === 'string' ? answer.value : answer.value.join(', ');
    // Undocumented: what Forms writes for an answer longer than a cell holds. The response itself
    // keeps the whole text; the simulator cuts the sheet copy to the 50,000-character cell limit.
    const text = full.length > CELL_LIMIT ? full.slice(0, CELL_LIMIT) : full;
    values[columnFor(item.title)] = text.startsWith('=') ? `'${text}` : text;
  }
  const row = sheet.lastRow() + 1;
  sheet.growTo(row, headers.length);
  const line = Array.from({ length: headers.length }, (_, i) => values[i] ?? '');
  sheet.write(row, 1, [line], false);
  response.row = { spreadsheetId: sheet.parent.id, sheetId: sheet.sheetId, row };
}

/** Characters one cell holds (support.google.com/drive/answer/37603). */
const CELL_LIMIT = 50000;

function writeHeaders(sheet: SheetModel, titles: readonly string[], startCol = 1): void {
  // The apostrophe keeps a title literal (a title like "2026" stays text).
  sheet.write(1, startCol, [titles.map((t) => `'${t}`)], false);
}
