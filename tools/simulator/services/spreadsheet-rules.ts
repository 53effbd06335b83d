// Stored protections, conditional-format rules and data-validation checks. Tests and the harness
// read these through the model; the API objects in spreadsheet-protection.ts and
// spreadsheet-builders.ts only edit them.

import { type GridRect, rectA1, rectContains } from './spreadsheet-a1';
import type { CellValue, DataValidationModel } from './spreadsheet-cell';
import { isDateValue } from './spreadsheet-cell';
import type { SheetModel } from './spreadsheet-sheet-model';

export type ProtectionKind = 'RANGE' | 'SHEET';

export interface ProtectionModel {
  readonly id: number;
  readonly type: ProtectionKind;
  readonly sheet: SheetModel;
  /** The protected rectangle; a sheet protection covers the whole sheet. */
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  /** Explicit editors (emails, lower-cased). */
  editors: string[];
  /**
   * developers.google.com/apps-script/reference/spreadsheet/sheet#protect(): "Until the script
   * actually changes the list of editors ... the permissions mirror those of the spreadsheet
   * itself, which effectively means that the sheet remains unprotected."
   */
  editorsCustomized: boolean;
  domainEdit: boolean;
  unprotected: GridRect[];
  removed: boolean;
}

export interface ConditionalFormatRuleModel {
  /** Sheets' BooleanCriteria name: CUSTOM_FORMULA, TEXT_EQUAL_TO, CELL_EMPTY, ... */
  readonly condition: { readonly type: string; readonly values: readonly string[] };
  readonly format: {
    readonly background?: string;
    readonly fontColor?: string;
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly strikethrough?: boolean;
  };
  readonly ranges: readonly { readonly sheet: SheetModel; readonly rect: GridRect }[];
}

/** True when the protection covers (row, col): inside its rectangle and outside its unprotected ranges. */
export function protectionCovers(p: ProtectionModel, row: number, col: number): boolean {
  if (p.removed) return false;
  if (p.type === 'RANGE') return p.rect !== null && rectContains(p.rect, row, col);
  return !p.unprotected.some((r) => rectContains(r, row, col));
}

/**
 * Whether `email` may edit under one protection. Warning-only protections let anyone edit after a
 * warning (developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)).
 */
export function protectionAllows(p: ProtectionModel, email: string, owner: string): boolean {
  const who = email.toLowerCase();
  if (who === owner.toLowerCase()) return true;
  if (p.warningOnly || !p.editorsCustomized) return true;
  if (p.editors.includes(who)) return true;
  // developers.google.com/apps-script/reference/spreadsheet/protection#setDomainEdit(Boolean): the owner's domain may edit.
  return p.domainEdit && domainOf(who) !== '' && domainOf(who) === domainOf(owner.toLowerCase());
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}

/**
 * Whether a value passes a validation rule. Blank cells always pass; criteria the simulator does
 * not evaluate (dates, custom formulas) pass too, so they never block a write by mistake.
 */
export function validationAccepts(rule: DataValidationModel, value: CellValue): boolean {
  if (value === '') return true;
  const text = isDateValue(value) ? String(value.dateMs) : String(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return rule.values.some((v) => String(v) === text);
    case 'CHECKBOX':
      if (rule.values.length === 0) return typeof value === 'boolean';
      return rule.values.some((v) => String(v) === text);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(rule.values[0] ?? ''));
    case 'NUMBER_BETWEEN':
      return (
        typeof value === 'number' &&
        value >= Number(rule.values[0]) &&
        value <= Number(rule.values[1])
      );
    default:
      return true;
  }
}

/**
 * The error a rejecting rule raises on a script write (commonly reported text; the docs are silent):
 * "The data you entered in cell F1 violates the data validation rules set on this cell."
 */
export function validationMessage(row: number, col: number): string {
  const a1 = rectA1({ row, col, numRows: 1, numCols: 1 });
  return `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
}
