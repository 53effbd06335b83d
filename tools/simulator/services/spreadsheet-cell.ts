// What one cell holds, shared by the sheet model, the value parser and the display formatter.

/** A date cell; kept as epoch milliseconds so the model never holds a realm-bound Date. */
export interface DateValue {
  readonly dateMs: number;
}

/** A computed cell value: '' for empty, numbers, booleans, text or a date. */
export type CellValue = string | number | boolean | DateValue;

export interface CellStyle {
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

/** A stored data-validation rule (see spreadsheet-rules.ts for how it is checked). */
export interface DataValidationModel {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
  readonly showDropdown: boolean;
}

export interface Cell {
  value: CellValue;
  formula?: string;
  /** Sheets number format pattern; undefined is the "Automatic" format. */
  format?: string;
  note?: string;
  validation?: DataValidationModel;
  style?: CellStyle;
}

export function isDateValue(v: CellValue): v is DateValue {
  return typeof v === 'object' && v !== null && 'dateMs' in v;
}

/** Content is a value or a formula; formats, notes and validations alone are not content. */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}
