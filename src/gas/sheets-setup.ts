// Creates or repairs every sheet of the tracking spreadsheet: headers, formats, frozen header,
// warning-only protection of system columns, data validation and seeded configuration rows.
import type { EntitySettings } from '../core/settings';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '../core/cases/case-record';
import { REQUEST_TYPE_CODES, REQUEST_TYPE_LABELS } from '../core/request-types';
import { CLOSED_DAY_KINDS, ROLE_LABELS, STRATEGY_LABELS } from './config-sheets';
import { SETTING_ROWS } from './settings-rows';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  TEMPLATE_KINDS,
  TEMPLATE_LABELS,
} from '../core/notifications/templates';
import {
  ALL_SHEETS,
  CASES_SHEET,
  CLOSED_DAYS_SHEET,
  ROUTING_SHEET,
  TEMPLATES_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  type SheetSpec,
} from './sheet-schema';
import { SheetTable } from './sheet-table';
import { columnLetters } from './case-sheet';
import { SEMAPHORE_LABELS } from '../core/cases/semaphore';

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

export function ensureSheet(
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
export function ensureHeaders(sheet: Sheet, spec: SheetSpec): string[] {
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

/** The traffic light's colours: overdue red, due soon amber, suspended grey, closed muted. */
const SEMAPHORE_FORMATS: ReadonlyArray<{
  readonly label: string;
  readonly background?: string;
  readonly fontColor?: string;
}> = [
  { label: SEMAPHORE_LABELS.overdue, background: '#f4c7c3' },
  { label: SEMAPHORE_LABELS.dueSoon, background: '#fce8b2' },
  { label: SEMAPHORE_LABELS.suspended, background: '#e8eaed' },
  { label: SEMAPHORE_LABELS.closed, fontColor: '#80868b' },
];

/**
 * `Radicados` as a clerk reads it: the radicado column frozen with the header, each row coloured by
 * its traffic light (the admin's own conditional formats are kept), and no free dropdown on Estado
 * (a status changes through the desk's acts, which keep the legal clock and the Historial).
 */
function layOutCasesSheet(cases: Sheet): void {
  if (cases.getFrozenColumns() !== 1) cases.setFrozenColumns(1);
  const table = new SheetTable(cases, CASES_SHEET);
  const light = table.column('semaphore');
  const status = table.column('status');
  const maxRows = cases.getMaxRows();
  const width = cases.getLastColumn();
  if (maxRows < 2 || width < 1) return;
  if (status !== null) cases.getRange(2, status + 1, maxRows - 1, 1).clearDataValidations();
  // A filter over the whole table (the header's drop-downs), put back when columns or rows
  // outgrew it.
  const filter = cases.getFilter();
  const range = filter?.getRange();
  if (
    !filter ||
    !range ||
    range.getRow() !== 1 ||
    range.getColumn() !== 1 ||
    range.getNumRows() < maxRows ||
    range.getNumColumns() < width
  ) {
    filter?.remove();
    cases.getRange(1, 1, maxRows, width).createFilter();
  }
  if (light === null) return;
  const column = columnLetters(light);
  // Ours, wherever the column was when they were made: replaced, never piled up.
  const OURS = new RegExp(`^=\\$[A-Z]+2="(${SEMAPHORE_FORMATS.map((f) => f.label).join('|')})"$`);
  const kept = cases.getConditionalFormatRules().filter((rule) => {
    const values = rule.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !(values.length === 1 && OURS.test(String(values[0])));
  });
  const rows = cases.getRange(2, 1, maxRows - 1, width);
  const rules = SEMAPHORE_FORMATS.map((f) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${column}2="${f.label}"`)
      .setRanges([rows]);
    if (f.background) builder = builder.setBackground(f.background);
    if (f.fontColor) builder = builder.setFontColor(f.fontColor);
    return builder.build();
  });
  cases.setConditionalFormatRules([...kept, ...rules]);
}

const SETTINGS_PROTECTION_NOTE = 'Ventanilla PQRSD: configuración, solo administradores';

/** Who may write what: from the mode in Configuración and the admins listed in Dependencias. */
export interface ProtectionPlan {
  /** Strict mode: every sheet editable only by the owner and the admins. */
  readonly strict: boolean;
  /** Admins' emails (the owner can always edit; Protection reference). */
  readonly admins: readonly string[];
}

/**
 * Real protection (not a warning): only the owner and the admins edit. Removing the domain's
 * edit right throws for consumer (gmail.com) files, where there is no domain to remove.
 */
function restrict(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  admins: readonly string[],
): void {
  protection.setWarningOnly(false);
  // The Protection reference's owner-only pattern: add the running admin, remove everyone the
  // protection lists (the owner and the running user cannot be removed), then add the admins.
  // Until the editor list is changed, a new protection mirrors the file's own sharing.
  protection.addEditor(Session.getEffectiveUser());
  protection.removeEditors(protection.getEditors());
  if (admins.length > 0) protection.addEditors([...admins]);
  try {
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  } catch {
    // developers.google.com/apps-script/reference/spreadsheet/protection#setDomainEdit(Boolean): not for consumer accounts.
  }
}

/**
 * Settings sheets: real protection, admins only. Tracking sheets: in editors mode a warning over
 * the system columns (clerks' sidebar acts run as the clerk and must write them; the seals and the
 * integrity pass catch hand edits); in strict mode real protection of the whole sheet.
 */
function ensureProtection(sheet: Sheet, spec: SheetSpec, plan: ProtectionPlan): void {
  const settings = !spec.columns.some((c) => c.system);
  const note = settings ? SETTINGS_PROTECTION_NOTE : PROTECTION_NOTE;
  let protection =
    sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .find((p) => p.getDescription() === note) ?? null;
  if (!protection) {
    protection = sheet.protect().setDescription(note);
    if (!settings) {
      const table = new SheetTable(sheet, spec);
      const maxRows = sheet.getMaxRows();
      const free = spec.columns
        .filter((c) => !c.system)
        .map((c) => table.column(c.key))
        .filter((at): at is number => at !== null);
      if (free.length > 0 && maxRows > 1)
        protection.setUnprotectedRanges(
          free.map((at) => sheet.getRange(2, at + 1, maxRows - 1, 1)),
        );
    }
  }
  if (settings || plan.strict) restrict(protection, plan.admins);
  else if (!protection.isWarningOnly()) protection.setWarningOnly(true);
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

/** Writes one setting's value (setup records what it made, such as the data store's address). */
export function writeSetting(ss: Spreadsheet, key: keyof EntitySettings, value: string): void {
  const sheet = ss.getSheetByName(SETTINGS_SHEET.name);
  const label = SETTING_ROWS.find((r) => r.key === key)?.label;
  if (!sheet || !label) return;
  const table = new SheetTable(sheet, SETTINGS_SHEET);
  const row = table
    .readFrom(2)
    .find((r) => String(r.values.key).trim().toLowerCase() === label.toLowerCase());
  if (row) table.writeRows([{ row: row.row, values: { value } }]);
}

/** One row per kind with its default text, for kinds the sheet does not list yet. */
function seedTemplates(sheet: Sheet): number {
  const table = new SheetTable(sheet, TEMPLATES_SHEET);
  const present = new Set(table.readFrom(2).map((r) => String(r.values.kind).trim().toLowerCase()));
  const missing = TEMPLATE_KINDS.filter((k) => !present.has(TEMPLATE_LABELS[k].toLowerCase()));
  if (missing.length === 0) return 0;
  table.append(
    missing.map((kind) => ({
      kind: TEMPLATE_LABELS[kind],
      subject: DEFAULT_TEMPLATES[kind].subject,
      body: DEFAULT_TEMPLATES[kind].body,
      placeholders: PLACEHOLDERS[kind].map((p) => `{{${p}}}`).join(' '),
    })),
  );
  return missing.length;
}

export interface SheetsSetupResult {
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly string[];
  readonly seededSettings: number;
}

export function ensureTrackingSheets(
  ss: Spreadsheet,
  plan: ProtectionPlan | null = null,
): SheetsSetupResult {
  ss.setSpreadsheetTimeZone('America/Bogota');
  const createdSheets: string[] = [];
  const addedColumns: string[] = [];
  ALL_SHEETS.forEach((spec, index) => {
    const { sheet, created } = ensureSheet(ss, spec, index);
    if (created) createdSheets.push(spec.name);
    const added = ensureHeaders(sheet, spec);
    if (!created) addedColumns.push(...added.map((key) => `${spec.name}.${key}`));
    // Protection is set by setup (which knows the mode and the admins), not by a self-repair.
    if (plan) ensureProtection(sheet, spec, plan);
    if (spec.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  });
  const cases = ss.getSheetByName(CASES_SHEET.name)!;
  layOutCasesSheet(cases);
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
  seedTemplates(ss.getSheetByName(TEMPLATES_SHEET.name)!);
  return { createdSheets, addedColumns, seededSettings };
}

const RESPONSES_PROTECTION_NOTE =
  'Ventanilla PQRSD: respuestas del formulario, solo el complemento';
const RESPONSES_COPY_NOTE =
  'Ventanilla PQRSD: copia de respuestas del formulario con datos personales (Ley 1581)';
/** The names Forms gives a responses tab (es and en). */
const RESPONSES_TAB = /^(Respuestas de formulario|Form Responses)\s*\d+$/;

/**
 * The workbook as clerks first see it (Ley 1581: no second raw copy in plain sight). The citizen
 * form writes its responses to the data store; a responses tab still linked here (the store could
 * not be set up) is hidden, protected for the owner and the admins, and never first, and one left
 * from an earlier set-up goes. `Radicados` is the first tab and the active one; an empty tab left
 * from the new file ("Hoja 1") goes.
 */
export function tidyWorkbook(ss: Spreadsheet, plan: ProtectionPlan): string[] {
  const done: string[] = [];
  const ours = new Set(ALL_SHEETS.map((spec) => spec.name));
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (ours.has(name)) continue;
    const ourResponses = sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .some((p) => p.getDescription() === RESPONSES_PROTECTION_NOTE);
    if (!sheet.getFormUrl() && ourResponses) {
      // The responses tab of an earlier set-up, unlinked now that the form writes to the data
      // store (which received a copy of every response, as Forms does on a new destination).
      ss.deleteSheet(sheet);
      done.push(`hoja ${name} (copia de las respuestas) eliminada`);
    } else if (sheet.getFormUrl() || RESPONSES_TAB.test(name)) {
      // Still linked (no data store yet), or a responses tab someone linked here by hand and the
      // form has left: hidden and protected, never deleted (only the add-on's own tab is).
      if (!sheet.isSheetHidden()) {
        sheet.hideSheet();
        done.push(`hoja ${name} oculta`);
      }
      const note = sheet.getFormUrl() ? RESPONSES_PROTECTION_NOTE : RESPONSES_COPY_NOTE;
      const protectedAlready = sheet
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)
        .some(
          (p) => p.getDescription() === note || p.getDescription() === RESPONSES_PROTECTION_NOTE,
        );
      if (!protectedAlready) restrict(sheet.protect().setDescription(note), plan.admins);
    } else if (
      /^(Hoja|Sheet)\s*\d+$/.test(name) &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0
    ) {
      ss.deleteSheet(sheet);
      done.push(`hoja vacía ${name} eliminada`);
    }
  }
  const cases = ss.getSheetByName(CASES_SHEET.name);
  if (cases) {
    ss.setActiveSheet(cases);
    if (cases.getIndex() !== 1) ss.moveActiveSheet(1);
  }
  return done;
}
