// What a person does by hand in the Sheets UI (sort the sheet, insert or delete a column, delete
// rows, rename a tab, type into a cell), applied straight to the spreadsheet model: no script runs
// and no execution is charged. The harness then fires the entity's installable ON_EDIT / ON_CHANGE
// triggers with the event objects built here.
import type { Execution } from './kernel';
import type { GridRect } from './services/spreadsheet-a1';
import { createSheetsApi } from './services/spreadsheet-app';
import { type Cell, type CellValue, isDateValue } from './services/spreadsheet-cell';
import type { SpreadsheetModel, SpreadsheetStore } from './services/spreadsheet-model';
import { protectionAllows, protectionCovers } from './services/spreadsheet-rules';
import type { SheetModel } from './services/spreadsheet-sheet-model';
import { toSerial } from './services/spreadsheet-time';

/** One hand edit; exactly one key, the op's name. Columns are named by their header in row 1. */
export type EditOp =
  | { readonly sort: { readonly column: string; readonly descending?: boolean } }
  | { readonly deleteColumn: { readonly column: string } }
  | { readonly insertColumnBefore: { readonly column: string } }
  | { readonly deleteRows: { readonly from: number; readonly count: number } }
  | { readonly renameSheet: { readonly to: string } }
  | {
      readonly setCell: {
        readonly radicado: string;
        readonly column: string;
        readonly value: string | number | boolean;
      };
    }
  | { readonly deleteCaseRow: { readonly radicado: string } };

export const EDIT_OP_KINDS = [
  'sort',
  'deleteColumn',
  'insertColumnBefore',
  'deleteRows',
  'renameSheet',
  'setCell',
  'deleteCaseRow',
] as const;
export type EditOpKind = (typeof EDIT_OP_KINDS)[number];

/** The values of the Change event's changeType (developers.google.com/apps-script/guides/triggers/events). */
export type ChangeType =
  | 'EDIT'
  | 'INSERT_ROW'
  | 'INSERT_COLUMN'
  | 'REMOVE_ROW'
  | 'REMOVE_COLUMN'
  | 'INSERT_GRID'
  | 'REMOVE_GRID'
  | 'FORMAT'
  | 'OTHER';

/** The header of the column that holds the radicado, for the ops that name a case. */
export const RADICADO_HEADER = 'Radicado';

/** A hand edit that cannot be done: `field` is the op's path (`sheet`, `op.sort.column`…). */
export class HandEditError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandEditError';
  }
}

/** What the edit did, enough to build the trigger events. */
export interface AppliedEdit {
  readonly kind: EditOpKind;
  readonly sheet: SheetModel;
  /** The cells whose values changed (an Edit event), or null when no value was edited. */
  readonly edited: {
    readonly rect: GridRect;
    /** Single-cell edits only: the values as the event carries them (text), absent when empty. */
    readonly oldValue?: string;
    readonly value?: string;
  } | null;
  /** The Change event's changeType. */
  readonly changeType: ChangeType;
}

/** The op's name, or null when `op` is not exactly one known op. */
export function editOpKind(op: unknown): EditOpKind | null {
  if (typeof op !== 'object' || op === null || Array.isArray(op)) return null;
  const keys = Object.keys(op);
  if (keys.length !== 1) return null;
  return (EDIT_OP_KINDS as readonly string[]).includes(keys[0]) ? (keys[0] as EditOpKind) : null;
}

/** 1-based column whose row-1 text is `header` (exact after trimming, else ignoring case), or 0. */
export function columnByHeader(sheet: SheetModel, header: string): number {
  const wanted = header.trim();
  const texts: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1) texts.push(sheet.display(1, c).trim());
  const exact = texts.indexOf(wanted);
  if (exact >= 0) return exact + 1;
  return texts.findIndex((t) => t.toLowerCase() === wanted.toLowerCase()) + 1;
}

/** Row numbers (from 2) whose Radicado cell shows `radicado`. */
export function rowsOfRadicado(sheet: SheetModel, radicado: string): number[] {
  const at = columnByHeader(sheet, RADICADO_HEADER);
  if (at === 0) return [];
  const rows: number[] = [];
  for (let r = 2; r <= sheet.lastRow(); r += 1)
    if (sheet.display(r, at).trim() === radicado.trim()) rows.push(r);
  return rows;
}

function requireColumn(sheet: SheetModel, header: unknown, field: string): number {
  if (typeof header !== 'string' || header.trim() === '')
    throw new HandEditError(field, 'a column header (text of row 1) is required');
  const at = columnByHeader(sheet, header);
  if (at === 0)
    throw new HandEditError(field, `sheet "${sheet.name}" has no column headed "${header}"`);
  return at;
}

function requireCaseRow(sheet: SheetModel, radicado: unknown, field: string): number {
  if (typeof radicado !== 'string' || radicado.trim() === '')
    throw new HandEditError(field, 'a radicado is required');
  if (columnByHeader(sheet, RADICADO_HEADER) === 0)
    throw new HandEditError(field, `sheet "${sheet.name}" has no "${RADICADO_HEADER}" column`);
  const rows = rowsOfRadicado(sheet, radicado);
  if (rows.length === 0)
    throw new HandEditError(field, `no row of sheet "${sheet.name}" holds radicado ${radicado}`);
  return rows[0];
}

/**
 * Protected cells refuse a person who may not edit them; warning-only protections let anyone
 * through after the warning (developers.google.com/apps-script/reference/spreadsheet/protection).
 */
function requireEditable(
  model: SpreadsheetModel,
  sheet: SheetModel,
  rect: GridRect,
  by: string,
  field: string,
): void {
  const blocking = model
    .activeProtections(undefined, sheet)
    .filter((p) => !protectionAllows(p, by, model.owner));
  if (blocking.length === 0) return;
  for (let r = rect.row; r < rect.row + rect.numRows; r += 1)
    for (let c = rect.col; c < rect.col + rect.numCols; c += 1)
      if (blocking.some((p) => protectionCovers(p, r, c)))
        throw new HandEditError(
          field,
          `${by} may not edit protected cells of sheet "${sheet.name}" (row ${r}, column ${c})`,
        );
}

/** A cell's value as the Edit event carries it: text; dates as their serial number. */
export function eventText(value: CellValue, timeZone: string): string | undefined {
  if (value === '') return undefined;
  if (isDateValue(value)) return String(toSerial(value.dateMs, timeZone));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

type Kind = 0 | 1 | 2;
/** Sort rank by type: numbers and dates, then text, then booleans (blanks are handled apart). */
function typeRank(v: CellValue): Kind {
  if (typeof v === 'number' || isDateValue(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareValues(a: CellValue, b: CellValue): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const na = isDateValue(a) ? a.dateMs : (a as number);
    const nb = isDateValue(b) ? b.dateMs : (b as number);
    return na - nb;
  }
  if (ra === 1) return (a as string).localeCompare(b as string, 'es', { sensitivity: 'base' });
  return Number(a) - Number(b);
}

function cloneCell(cell: Cell | undefined): Cell | undefined {
  return cell ? structuredClone(cell) : undefined;
}

/** Moves whole rows (values, formulas, formats, notes, validations) into `order`. */
function reorderRows(sheet: SheetModel, first: number, order: readonly number[]): void {
  const width = sheet.maxCols;
  const snapshot = order.map((from) => {
    const line: (Cell | undefined)[] = [];
    for (let c = 1; c <= width; c += 1) line.push(cloneCell(sheet.cell(from, c)));
    return line;
  });
  snapshot.forEach((line, i) => {
    const row = first + i;
    line.forEach((cell, j) => {
      const col = j + 1;
      if (!cell && !sheet.cell(row, col)) return;
      const target = sheet.ensureCell(row, col);
      for (const key of Object.keys(target) as (keyof Cell)[]) delete target[key];
      Object.assign(target, cell ?? { value: '' });
    });
  });
}

function sortSheet(
  model: SpreadsheetModel,
  sheet: SheetModel,
  by: string,
  spec: { column: string; descending?: boolean },
): AppliedEdit {
  const col = requireColumn(sheet, spec.column, 'op.sort.column');
  if (spec.descending !== undefined && typeof spec.descending !== 'boolean')
    throw new HandEditError('op.sort.descending', 'true or false');
  const last = sheet.lastRow();
  const count = Math.max(0, last - 1);
  const rect = { row: 2, col: 1, numRows: count, numCols: Math.max(1, sheet.lastColumn()) };
  if (count > 0) requireEditable(model, sheet, rect, by, 'op.sort');
  const rows = Array.from({ length: count }, (_, i) => i + 2);
  const sign = spec.descending ? -1 : 1;
  // support.google.com/docs "Sort & filter your data": Data > Sort sheet with a frozen header row
  // sorts rows 2 to the last, whole rows. Stable order, blanks last in both directions and the
  // order between types (numbers and dates, text, booleans) are our reading: Google documents none.
  const sorted = [...rows].sort((a, b) => {
    const va = sheet.cell(a, col)?.value ?? '';
    const vb = sheet.cell(b, col)?.value ?? '';
    if (va === '' || vb === '') return (va === '' ? 1 : 0) - (vb === '' ? 1 : 0);
    return sign * compareValues(va, vb);
  });
  reorderRows(sheet, 2, sorted);
  // A sort rewrites the values of the sorted block: people report both onEdit (with the block as
  // range, no value) and onChange firing when rows move with their data (theappsscriptlab.com,
  // "onEdit vs onChange"); EDIT is the changeType for a change of values (guides/triggers/events).
  return { kind: 'sort', sheet, edited: count > 0 ? { rect } : null, changeType: 'EDIT' };
}

/** Applies one hand edit by `by` to `sheetName`; throws HandEditError naming the bad field. */
export function applyHandEdit(
  model: SpreadsheetModel,
  sheetName: string,
  by: string,
  op: EditOp,
): AppliedEdit {
  if (typeof sheetName !== 'string' || sheetName === '')
    throw new HandEditError('sheet', 'a sheet name is required');
  const sheet = model.sheet(sheetName);
  if (!sheet)
    throw new HandEditError(
      'sheet',
      `no sheet named "${sheetName}" (sheets: ${model.sheets.map((s) => s.name).join(', ')})`,
    );
  const kind = editOpKind(op);
  if (!kind)
    throw new HandEditError('op', `exactly one of ${EDIT_OP_KINDS.join(', ')} (an object)`);
  const args = (op as Record<string, unknown>)[kind];
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw new HandEditError(`op.${kind}`, 'must be an object');
  const a = args as Record<string, unknown>;
  const structural = (fn: () => void, field: string): void => {
    try {
      fn();
    } catch (caught) {
      throw new HandEditError(field, caught instanceof Error ? caught.message : String(caught));
    }
  };
  switch (kind) {
    case 'sort':
      return sortSheet(model, sheet, by, a as { column: string; descending?: boolean });
    case 'deleteColumn': {
      const col = requireColumn(sheet, a.column, 'op.deleteColumn.column');
      requireEditable(
        model,
        sheet,
        { row: 1, col, numRows: sheet.maxRows, numCols: 1 },
        by,
        'op.deleteColumn',
      );
      structural(() => sheet.deleteColumns(col, 1), 'op.deleteColumn.column');
      // guides/triggers/events, Change: changeType REMOVE_COLUMN; deleting a column is no value edit.
      return { kind, sheet, edited: null, changeType: 'REMOVE_COLUMN' };
    }
    case 'insertColumnBefore': {
      const col = requireColumn(sheet, a.column, 'op.insertColumnBefore.column');
      structural(() => sheet.insertColumns(col - 1, 1), 'op.insertColumnBefore.column');
      // guides/triggers/events, Change: changeType INSERT_COLUMN.
      return { kind, sheet, edited: null, changeType: 'INSERT_COLUMN' };
    }
    case 'deleteRows': {
      const from = a.from;
      const count = a.count;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < 1)
        throw new HandEditError('op.deleteRows.from', 'a sheet row number (1 or more)');
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
        throw new HandEditError('op.deleteRows.count', 'a whole number of rows (1 or more)');
      if (from + count - 1 > sheet.maxRows)
        throw new HandEditError(
          'op.deleteRows',
          `rows ${from}–${from + count - 1} are past the sheet's ${sheet.maxRows} rows`,
        );
      requireEditable(
        model,
        sheet,
        { row: from, col: 1, numRows: count, numCols: sheet.maxCols },
        by,
        'op.deleteRows',
      );
      structural(() => sheet.deleteRows(from, count), 'op.deleteRows');
      // guides/triggers/events, Change: changeType REMOVE_ROW.
      return { kind, sheet, edited: null, changeType: 'REMOVE_ROW' };
    }
    case 'deleteCaseRow': {
      const row = requireCaseRow(sheet, a.radicado, 'op.deleteCaseRow.radicado');
      requireEditable(
        model,
        sheet,
        { row, col: 1, numRows: 1, numCols: sheet.maxCols },
        by,
        'op.deleteCaseRow',
      );
      structural(() => sheet.deleteRows(row, 1), 'op.deleteCaseRow.radicado');
      // guides/triggers/events, Change: changeType REMOVE_ROW.
      return { kind, sheet, edited: null, changeType: 'REMOVE_ROW' };
    }
    case 'renameSheet': {
      const to = a.to;
      if (typeof to !== 'string' || to.trim() === '')
        throw new HandEditError('op.renameSheet.to', 'a new, non-empty sheet name');
      if (model.sheets.some((s) => s !== sheet && s.name.toLowerCase() === to.toLowerCase()))
        throw new HandEditError('op.renameSheet.to', `a sheet named "${to}" already exists`);
      const sheetLock = model
        .activeProtections('SHEET', sheet)
        .some((p) => !protectionAllows(p, by, model.owner));
      if (sheetLock)
        throw new HandEditError('op.renameSheet', `${by} may not rename protected sheet`);
      sheet.name = to;
      // A tab rename is neither a value edit nor a grid insert/remove nor formatting, so of the
      // documented changeTypes (guides/triggers/events, Change) only OTHER fits; it is also what
      // people report for renaming a sheet.
      return { kind, sheet, edited: null, changeType: 'OTHER' };
    }
    case 'setCell': {
      const row = requireCaseRow(sheet, a.radicado, 'op.setCell.radicado');
      const col = requireColumn(sheet, a.column, 'op.setCell.column');
      const value = a.value;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        throw new HandEditError('op.setCell.value', 'text, a number or true/false');
      const rect = { row, col, numRows: 1, numCols: 1 };
      requireEditable(model, sheet, rect, by, 'op.setCell');
      const before = sheet.cell(row, col)?.value ?? '';
      // A person types characters: the text goes through the same parsing as typed input.
      const typed = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
      structural(() => model.setCellsAsUser(sheet.name, row, col, [[typed]]), 'op.setCell.value');
      const after = sheet.cell(row, col)?.value ?? '';
      const oldValue = eventText(before, model.timeZone);
      const newValue = eventText(after, model.timeZone);
      // guides/triggers/events, Edit: value and oldValue for a single cell (oldValue undefined
      // when the cell was empty); typing a value also fires onChange with changeType EDIT.
      return {
        kind,
        sheet,
        edited: {
          rect,
          ...(oldValue !== undefined ? { oldValue } : {}),
          ...(newValue !== undefined ? { value: newValue } : {}),
        },
        changeType: 'EDIT',
      };
    }
  }
}

/** `User` of an event: the editor's email, blank outside the entity's domain. */
function eventUser(exec: Execution, email: string) {
  return {
    getEmail() {
      exec.charge('User.getEmail');
      return email;
    },
  };
}

/**
 * Sheets Edit event (developers.google.com/apps-script/guides/triggers/events): authMode, range,
 * source, triggerUid, user, and value/oldValue only when one cell was edited (oldValue only when
 * the cell had content). Values are text, as people report them (numbers as digits, dates as
 * serial numbers, checkboxes as TRUE/FALSE).
 */
export function buildEditEvent(
  exec: Execution,
  store: SpreadsheetStore,
  model: SpreadsheetModel,
  applied: AppliedEdit,
  triggerUid: string,
  userEmail: string,
): Record<string, unknown> {
  if (!applied.edited) throw new Error('buildEditEvent: the edit changed no values');
  const api = createSheetsApi(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const { rect, oldValue, value } = applied.edited;
  const single = rect.numRows === 1 && rect.numCols === 1;
  return {
    authMode: exec.authMode,
    range: api.range(applied.sheet, rect),
    source: api.spreadsheet(model),
    triggerUid,
    user: eventUser(exec, userEmail),
    ...(single && value !== undefined ? { value } : {}),
    ...(single && oldValue !== undefined ? { oldValue } : {}),
  };
}

/** Sheets Change event (guides/triggers/events): authMode, changeType, source, triggerUid, user. */
export function buildChangeEvent(
  exec: Execution,
  store: SpreadsheetStore,
  model: SpreadsheetModel,
  applied: AppliedEdit,
  triggerUid: string,
  userEmail: string,
): Record<string, unknown> {
  const api = createSheetsApi(exec, store, { activeSpreadsheetId: model.id, ui: null });
  return {
    authMode: exec.authMode,
    changeType: applied.changeType,
    source: api.spreadsheet(model),
    triggerUid,
    user: eventUser(exec, userEmail),
  };
}
