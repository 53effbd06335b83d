// Reads the product's sheets back out of the simulated spreadsheet, the way a person exporting
// them would, and decodes rows with the product's own mappers (so outputs match what the add-on sees).
import {
  FILING_PREFIX,
  MAIL_PREFIX,
  type FilingEntry,
  type MailEntry,
} from '../../src/core/state/entity-state';
import { rowToCase } from '../../src/gas/case-rows';
import {
  CASES_SHEET,
  CONTACTS_SHEET,
  OUTBOX_SHEET,
  SETTINGS_SHEET,
  type SheetSpec,
} from '../../src/gas/sheet-schema';
import { SETTING_ROWS } from '../../src/gas/settings-rows';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { isDateValue } from '../simulator/services/spreadsheet-cell';
import type { SpreadsheetModel } from '../simulator/services/spreadsheet-model';
import type { SheetModel } from '../simulator/services/spreadsheet-sheet-model';

export type RowObject = Record<string, unknown>;

/** Raw cell values of a sheet as objects keyed by the spec's column keys (dates as Date). */
export function readSheetObjects(model: SpreadsheetModel, spec: SheetSpec): RowObject[] {
  const sheet = model.sheet(spec.name);
  return sheet ? readRows(sheet, spec) : [];
}

function headersOf(sheet: SheetModel): string[] {
  const headers: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1)
    headers.push(
      String(sheet.cell(1, c)?.value ?? '')
        .trim()
        .toLowerCase(),
    );
  return headers;
}

function readRows(sheet: SheetModel, spec: SheetSpec): RowObject[] {
  const lastRow = sheet.lastRow();
  const headers = headersOf(sheet);
  const columns = spec.columns
    .map((col) => ({ key: col.key, at: headers.indexOf(col.header.toLowerCase()) + 1 }))
    .filter((c) => c.at > 0);
  const rows: RowObject[] = [];
  for (let r = 2; r <= lastRow; r += 1) {
    const row: RowObject = {};
    for (const { key, at } of columns) {
      const value = sheet.cell(r, at)?.value ?? '';
      row[key] = isDateValue(value) ? new Date(value.dateMs) : value;
    }
    rows.push(row);
  }
  return rows;
}

/** The cases of the `Radicados` sheet, in sheet order. */
export function readCases(model: SpreadsheetModel): CaseRecord[] {
  return readSheetObjects(model, CASES_SHEET)
    .filter((row) => String(row.radicado ?? '') !== '')
    .map(rowToCase);
}

/**
 * Whether a sheet other than `Radicados` holds cases: a renamed or archived copy. Its header row
 * must have the Radicado header and at least half of the Radicados headers (a person may have
 * deleted a column or two of the copy; a sheet that merely has a "Radicado" column does not count).
 */
export function looksLikeCasesSheet(sheet: SheetModel): boolean {
  const headers = new Set(headersOf(sheet));
  const wanted = CASES_SHEET.columns.map((c) => c.header.toLowerCase());
  const radicado = CASES_SHEET.columns.find((c) => c.key === 'radicado')!.header.toLowerCase();
  const present = wanted.filter((h) => headers.has(h)).length;
  return headers.has(radicado) && present * 2 >= wanted.length;
}

/**
 * Every case the entity has issued, wherever the spreadsheet keeps it: `Radicados` first, then
 * every other sheet with the Radicados headers (in tab order), one record per radicado — the
 * `Radicados` row wins, then the first copy found.
 */
export function readAllCases(model: SpreadsheetModel): CaseRecord[] {
  const seen = new Set<string>();
  const out: CaseRecord[] = [];
  const main = model.sheet(CASES_SHEET.name);
  const others = model.sheets.filter((s) => s !== main && looksLikeCasesSheet(s));
  for (const sheet of main ? [main, ...others] : others) {
    for (const row of readRows(sheet, CASES_SHEET)) {
      const radicado = String(row.radicado ?? '').trim();
      if (radicado === '' || seen.has(radicado)) continue;
      seen.add(radicado);
      out.push(rowToCase(row));
    }
  }
  return out;
}

export interface OutboxRow {
  readonly key: string;
  readonly to: string;
  readonly kind: string;
  readonly radicado: string;
  readonly subject: string;
  readonly status: string;
  readonly attempts: number;
  readonly sentAt: string | null;
  readonly lastError: string;
}

/**
 * Every mail of the entity: the rows of `Bandeja de salida`, updated by the entries the entity's
 * state still holds (a mail sent at intake is recorded in the sheet by the next sweep).
 */
export function readOutbox(
  model: SpreadsheetModel,
  properties?: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): OutboxRow[] {
  const rows = readOutboxSheet(model);
  if (!properties) return rows;
  const entries =
    properties instanceof Map ? [...properties.entries()] : Object.entries(properties);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  // A filing not yet folded in holds its acknowledgement (sent) and its assignee's notice (pending).
  for (const [key, value] of entries) {
    if (!key.startsWith(FILING_PREFIX)) continue;
    let filing: FilingEntry;
    try {
      filing = JSON.parse(value) as FilingEntry;
    } catch {
      continue;
    }
    if (filing.journaled || filing.failed) continue;
    const ackKey = `acuse:${filing.radicado}`;
    if (filing.ack && !byKey.has(ackKey))
      byKey.set(ackKey, {
        key: ackKey,
        to: filing.ack,
        kind: 'acuse',
        radicado: filing.radicado,
        subject: `Radicado ${filing.radicado}: recibimos su solicitud`,
        status: 'enviado',
        attempts: 1,
        sentAt: filing.at ?? null,
        lastError: '',
      });
    const noticeKey = `asignacion:${filing.radicado}:${filing.assignee}`;
    if (filing.assignee && !byKey.has(noticeKey))
      byKey.set(noticeKey, {
        key: noticeKey,
        to: filing.assignee,
        kind: 'asignacion',
        radicado: filing.radicado,
        subject: `Caso asignado ${filing.radicado}`,
        status: 'pendiente',
        attempts: 0,
        sentAt: null,
        lastError: '',
      });
  }
  for (const [key, value] of entries) {
    if (!key.startsWith(MAIL_PREFIX)) continue;
    let entry: MailEntry;
    try {
      entry = JSON.parse(value) as MailEntry;
    } catch {
      continue;
    }
    byKey.set(entry.key, {
      key: entry.key,
      to: entry.to,
      kind: entry.kind,
      radicado: entry.radicado,
      subject: entry.subject,
      status: entry.status,
      attempts: entry.attempts,
      sentAt: entry.sentAt || null,
      lastError: entry.lastError,
    });
  }
  return [...byKey.values()];
}

function readOutboxSheet(model: SpreadsheetModel): OutboxRow[] {
  return readSheetObjects(model, OUTBOX_SHEET)
    .filter((row) => String(row.key ?? '') !== '')
    .map((row) => ({
      key: String(row.key),
      to: String(row.to ?? ''),
      kind: String(row.kind ?? ''),
      radicado: String(row.radicado ?? ''),
      subject: String(row.subject ?? ''),
      status: String(row.status ?? ''),
      attempts: Number(row.attempts ?? 0),
      sentAt: row.sentAt instanceof Date ? row.sentAt.toISOString() : null,
      lastError: String(row.lastError ?? ''),
    }));
}

/** The data store an entity's setup created: the spreadsheet its `Configuración` names. */
export function dataStoreOf(
  spreadsheets: { get(id: string): SpreadsheetModel | undefined },
  entity: SpreadsheetModel,
): SpreadsheetModel | null {
  const label = SETTING_ROWS.find((r) => r.key === 'contactStoreUrl')!.label.toLowerCase();
  const url = readSheetObjects(entity, SETTINGS_SHEET)
    .map((r) => ({ key: String(r.key ?? '').toLowerCase(), value: String(r.value ?? '') }))
    .find((r) => r.key === label)?.value;
  const id = url ? /\/spreadsheets\/d\/([^/]+)/.exec(url)?.[1] : undefined;
  return id ? (spreadsheets.get(id) ?? null) : null;
}

/** What the data store holds, one object per case (column keys of `CONTACTS_SHEET`). */
export function readContacts(store: SpreadsheetModel | null): RowObject[] {
  return store ? readSheetObjects(store, CONTACTS_SHEET) : [];
}
