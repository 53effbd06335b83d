// Creates or repairs every sheet of the tracking spreadsheet: headers, formats, frozen header,
// warning-only protection of system columns, data validation and seeded configuration rows.
import { CASE_STATUSES, CASE_STATUS_LABELS } from '../core/cases/case-record';
import { REQUEST_TYPE_CODES, REQUEST_TYPE_LABELS } from '../core/request-types';
import { CLOSED_DAY_KINDS, ROLE_LABELS, STRATEGY_LABELS } from './config-sheets';
import { SETTING_ROWS } from './settings-rows';
import {
  ALL_SHEETS,
  CASES_SHEET,
  CLOSED_DAYS_SHEET,
  ROUTING_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  type SheetSpec,
} from './sheet-schema';
import { SheetTable } from './sheet-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PROTECTION_NOTE = 'Ventanilla PQRSD: columnas que escribe el complemento';
const HEADER_BACKGROUND = '#1f4e79';
const SYSTEM_BACKGROUND = '#f3f6f9';

function listRule(values: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .build();
}

function ensureSheet(
  ss: Spreadsheet,
  spec: SheetSpec,
  index: number,
): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(spec.name);
  if (existing) return { sheet: existing, created: false };
  return { sheet: ss.insertSheet(spec.name, index), created: true };
}

/**
 * Adds missing header cells at the end, styles the header, and reapplies column formats on every
 * run so a column whose format was lost is repaired. Returns the keys that were added.
 */
function ensureHeaders(sheet: Sheet, spec: SheetSpec): string[] {
  const lastColumn = sheet.getLastColumn();
  const missing =
    lastColumn === 0 ? [...spec.columns] : new SheetTable(sheet, spec).missingColumns();
  if (missing.length > 0) {
    const start = lastColumn + 1;
    // Ranges cannot reach past the grid (Sheet.getRange throws), so grow it first.
    const maxColumns = sheet.getMaxColumns();
    if (start + missing.length - 1 > maxColumns)
      sheet.insertColumnsAfter(maxColumns, start + missing.length - 1 - maxColumns);
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
    missing.forEach((column, i) => {
      if (column.width) sheet.setColumnWidth(start + i, column.width);
      if (column.hidden) sheet.hideColumns(start + i);
    });
  }
  const table = new SheetTable(sheet, spec);
  const maxRows = sheet.getMaxRows();
  for (const column of spec.columns) {
    const at = table.column(column.key);
    if (column.format && at !== null && maxRows > 1)
      sheet.getRange(2, at + 1, maxRows - 1, 1).setNumberFormat(column.format);
  }
  sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setFontColor('#ffffff');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return missing.map((c) => c.key);
}

/** One warning-only protection over the whole sheet, leaving the free columns editable. */
function ensureProtection(sheet: Sheet, spec: SheetSpec): void {
  if (!spec.columns.some((c) => c.system)) return;
  const exists = sheet
    .getProtections(SpreadsheetApp.ProtectionType.SHEET)
    .some((p) => p.getDescription() === PROTECTION_NOTE);
  if (exists) return;
  const protection = sheet.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
  const table = new SheetTable(sheet, spec);
  const maxRows = sheet.getMaxRows();
  const free = spec.columns
    .filter((c) => !c.system)
    .map((c) => table.column(c.key))
    .filter((at): at is number => at !== null);
  if (free.length > 0 && maxRows > 1)
    protection.setUnprotectedRanges(free.map((at) => sheet.getRange(2, at + 1, maxRows - 1, 1)));
}

function validateColumn(
  sheet: Sheet,
  spec: SheetSpec,
  key: string,
  values: readonly string[],
): void {
  const at = new SheetTable(sheet, spec).column(key);
  const maxRows = sheet.getMaxRows();
  if (at === null || maxRows < 2) return;
  sheet.getRange(2, at + 1, maxRows - 1, 1).setDataValidation(listRule(values));
}

function seedSettings(sheet: Sheet): number {
  const table = new SheetTable(sheet, SETTINGS_SHEET);
  const present = new Set(table.readFrom(2).map((r) => String(r.values.key).trim().toLowerCase()));
  const missing = SETTING_ROWS.filter((r) => !present.has(r.label.toLowerCase()));
  if (missing.length === 0) return 0;
  const first = table.append(
    missing.map((r) => ({
      key: r.label,
      value: r.shown /* the Valor column is plain text: no quote prefix */,
      help: r.help,
    })),
  );
  const valueColumn = table.column('value');
  if (valueColumn !== null) {
    missing.forEach((r, i) => {
      if (r.choices)
        sheet.getRange(first + i, valueColumn + 1).setDataValidation(listRule(r.choices));
    });
  }
  return missing.length;
}

export interface SheetsSetupResult {
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly string[];
  readonly seededSettings: number;
}

export function ensureTrackingSheets(ss: Spreadsheet): SheetsSetupResult {
  ss.setSpreadsheetTimeZone('America/Bogota');
  const createdSheets: string[] = [];
  const addedColumns: string[] = [];
  ALL_SHEETS.forEach((spec, index) => {
    const { sheet, created } = ensureSheet(ss, spec, index);
    if (created) createdSheets.push(spec.name);
    const added = ensureHeaders(sheet, spec);
    if (!created) addedColumns.push(...added.map((key) => `${spec.name}.${key}`));
    ensureProtection(sheet, spec);
    if (spec.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  });
  const cases = ss.getSheetByName(CASES_SHEET.name)!;
  validateColumn(
    cases,
    CASES_SHEET,
    'status',
    CASE_STATUSES.map((s) => CASE_STATUS_LABELS[s]),
  );
  validateColumn(
    ss.getSheetByName(STAFF_SHEET.name)!,
    STAFF_SHEET,
    'role',
    Object.values(ROLE_LABELS),
  );
  validateColumn(ss.getSheetByName(STAFF_SHEET.name)!, STAFF_SHEET, 'onLeave', ['Sí', 'No']);
  validateColumn(
    ss.getSheetByName(ROUTING_SHEET.name)!,
    ROUTING_SHEET,
    'type',
    REQUEST_TYPE_CODES.map((c) => REQUEST_TYPE_LABELS[c]),
  );
  validateColumn(
    ss.getSheetByName(ROUTING_SHEET.name)!,
    ROUTING_SHEET,
    'strategy',
    Object.values(STRATEGY_LABELS),
  );
  validateColumn(
    ss.getSheetByName(CLOSED_DAYS_SHEET.name)!,
    CLOSED_DAYS_SHEET,
    'kind',
    Object.values(CLOSED_DAY_KINDS),
  );
  const seededSettings = seedSettings(ss.getSheetByName(SETTINGS_SHEET.name)!);
  return { createdSheets, addedColumns, seededSettings };
}
