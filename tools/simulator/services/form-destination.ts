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
 * emails are collected, then one column per question in form order. Responses the form already
 * has are copied in, as Forms does when a destination is chosen later.
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
  writeHeaders(sheet, [labels.timestamp]);
  sheet.formColumns.set(TIMESTAMP, 1);
  form.destination = { spreadsheetId, sheetId: sheet.sheetId, titles: new Map() };
  syncResponseColumns(spreadsheets, form);
  for (const response of form.responses) appendResponseRow(spreadsheets, form, response);
}

const TIMESTAMP = 'timestamp';
const EMAIL = 'email';

/**
 * Keeps the response sheet's header in step with the form, as Forms does at once rather than on
 * the next response: a question added to a linked form gets its column at the end (so columns
 * follow form order), turning email collection on inserts the email column after the timestamp,
 * and a retitled question renames its column's header. Columns are never removed (a deleted
 * question's answers stay). developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)
 */
export function syncResponseColumns(spreadsheets: SpreadsheetStore, form: FormModel): void {
  const sheet = destinationSheet(spreadsheets, form);
  if (!sheet || !form.destination) return;
  const labels = responseLabels(sheet.parent.locale);
  const cols = sheet.formColumns;
  const nextColumn = (): number => Math.max(sheet.lastColumn(), 0, ...cols.values()) + 1;
  if (!cols.has(TIMESTAMP)) {
    const col = nextColumn();
    writeHeaders(sheet, [labels.timestamp], col);
    cols.set(TIMESTAMP, col);
  }
  if (form.settings.collectEmail && !cols.has(EMAIL)) {
    const after = cols.get(TIMESTAMP) as number;
    sheet.insertColumns(after, 1);
    writeHeaders(sheet, [labels.email], after + 1);
    cols.set(EMAIL, after + 1);
  }
  const titles = form.destination.titles;
  for (const item of form.items) {
    if (!isQuestion(item)) continue;
    const key = String(item.id);
    let col = cols.get(key);
    if (col === undefined) {
      col = nextColumn();
      cols.set(key, col);
    } else if (titles.get(item.id) === item.title) {
      continue;
    }
    writeHeaders(sheet, [item.title], col);
    titles.set(item.id, item.title);
  }
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
 * answer in its question's column. Checkbox answers are joined with ", ". Answers are parsed like
 * typed text (numbers lose leading zeros unless the column is plain text — widely reported),
 * except text starting with "=" which Forms writes as text, never as a formula.
 */
export function appendResponseRow(
  spreadsheets: SpreadsheetStore,
  form: FormModel,
  response: FormResponseModel,
): void {
  const sheet = destinationSheet(spreadsheets, form);
  if (!sheet) return;
  syncResponseColumns(spreadsheets, form);
  const cells = new Map<number, unknown>();
  const put = (key: string, value: unknown): void => {
    const col = sheet.formColumns.get(key);
    if (col !== undefined) cells.set(col, value);
  };
  put(TIMESTAMP, new Date(response.timestampMs));
  if (form.settings.collectEmail) put(EMAIL, response.respondentEmail);
  for (const answer of response.answers) {
    if (!form.item(answer.itemId)) continue;
    const full = typeof answer.value === 'string' ? answer.value : answer.value.join(', ');
    // Undocumented: what Forms writes for an answer longer than a cell holds. The response itself
    // keeps the whole text; the simulator cuts the sheet copy to the 50,000-character cell limit.
    const text = full.length > CELL_LIMIT ? full.slice(0, CELL_LIMIT) : full;
    put(String(answer.itemId), text.startsWith('=') ? `'${text}` : text);
  }
  const row = sheet.lastRow() + 1;
  sheet.growTo(row, Math.max(0, ...cells.keys()));
  for (const [col, value] of cells) sheet.write(row, col, [[value]], false);
  response.row = { spreadsheetId: sheet.parent.id, sheetId: sheet.sheetId, row };
}

/** Characters one cell holds (support.google.com/drive/answer/37603). */
const CELL_LIMIT = 50000;

function writeHeaders(sheet: SheetModel, titles: readonly string[], startCol = 1): void {
  // The apostrophe keeps a title literal (a title like "2026" stays text).
  sheet.write(1, startCol, [titles.map((t) => `'${t}`)], false);
}
