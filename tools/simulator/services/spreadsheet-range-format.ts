// Range methods for number formats, data validations, notes, styles and clearing: installed on
// RangeApi's prototype (spreadsheet-range.ts) to keep each file small.
// developers.google.com/apps-script/reference/spreadsheet/range

import { signatureError } from './spreadsheet-api';
import { dataValidationApi, validationOf } from './spreadsheet-builders';
import { type Cell, type CellStyle, isDateValue } from './spreadsheet-cell';
import { defaultDateFormat } from './spreadsheet-format';
import {
  cellCount,
  chargeRange,
  checkShape,
  type RangeState,
  rangeState,
  readGrid,
} from './spreadsheet-range-state';

/** "Automatic" reads back as this pattern; date cells report their locale's date-time pattern. */
const AUTOMATIC_FORMAT = '0.###############';

function formatOf(state: RangeState, cell: Cell | undefined): string {
  if (cell?.format !== undefined) return cell.format;
  return cell && isDateValue(cell.value)
    ? defaultDateFormat(state.sheet.parent.locale)
    : AUTOMATIC_FORMAT;
}

function style<T extends object>(range: T, method: string, patch: CellStyle): T {
  const s = rangeState(range);
  chargeRange(s, method, cellCount(s.rect));
  s.sheet.update(s.rect, (cell) => {
    cell.style = { ...cell.style, ...patch };
  });
  return range;
}

function topLeft(state: RangeState): Cell | undefined {
  return state.sheet.cell(state.rect.row, state.rect.col);
}

export const rangeFormatMethods = {
  // developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormats()
  getNumberFormats(this: object): string[][] {
    const s = rangeState(this);
    chargeRange(s, 'getNumberFormats', cellCount(s.rect));
    return readGrid(s, (cell) => formatOf(s, cell));
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat()
  getNumberFormat(this: object): string {
    const s = rangeState(this);
    chargeRange(s, 'getNumberFormat', 1);
    return formatOf(s, topLeft(s));
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String): '@' is plain text.
  setNumberFormat<T extends object>(this: T, format: string): T {
    const s = rangeState(this);
    chargeRange(s, 'setNumberFormat', cellCount(s.rect));
    s.sheet.update(s.rect, (cell) => {
      cell.format = String(format);
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormats(Object)
  setNumberFormats<T extends object>(this: T, formats: unknown): T {
    const s = rangeState(this);
    chargeRange(s, 'setNumberFormats', cellCount(s.rect));
    const grid = checkShape(s.rect, formats, 'setNumberFormats');
    s.sheet.update(s.rect, (cell, row, col) => {
      cell.format = String(grid[row - s.rect.row][col - s.rect.col]);
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation): null clears.
  setDataValidation<T extends object>(this: T, rule: unknown): T {
    const s = rangeState(this);
    chargeRange(s, 'setDataValidation', cellCount(s.rect));
    const model = rule === null ? undefined : validationOf(rule);
    if (rule !== null && !model) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    s.sheet.update(s.rect, (cell) => {
      if (model) cell.validation = model;
      else delete cell.validation;
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#setDataValidations(DataValidation)
  setDataValidations<T extends object>(this: T, rules: unknown): T {
    const s = rangeState(this);
    chargeRange(s, 'setDataValidations', cellCount(s.rect));
    const grid = checkShape(s.rect, rules, 'setDataValidations');
    s.sheet.update(s.rect, (cell, row, col) => {
      const model = validationOf(grid[row - s.rect.row][col - s.rect.col]);
      if (model) cell.validation = model;
      else delete cell.validation;
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getDataValidation(): null when the cell has none.
  getDataValidation(this: object): object | null {
    const s = rangeState(this);
    chargeRange(s, 'getDataValidation', 1);
    const model = topLeft(s)?.validation;
    return model ? dataValidationApi(s.api, model) : null;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getDataValidations()
  getDataValidations(this: object): (object | null)[][] {
    const s = rangeState(this);
    chargeRange(s, 'getDataValidations', cellCount(s.rect));
    return readGrid(s, (cell) =>
      cell?.validation ? dataValidationApi(s.api, cell.validation) : null,
    );
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#clearDataValidations()
  clearDataValidations<T extends object>(this: T): T {
    const s = rangeState(this);
    chargeRange(s, 'clearDataValidations', cellCount(s.rect));
    s.sheet.each(s.rect, (cell) => {
      if (cell) delete cell.validation;
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#clearContent(): formats stay.
  clearContent<T extends object>(this: T): T {
    const s = rangeState(this);
    chargeRange(s, 'clearContent', cellCount(s.rect));
    s.sheet.each(s.rect, (cell) => {
      if (!cell) return;
      cell.value = '';
      delete cell.formula;
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#clearFormat()
  clearFormat<T extends object>(this: T): T {
    const s = rangeState(this);
    chargeRange(s, 'clearFormat', cellCount(s.rect));
    s.sheet.each(s.rect, (cell) => {
      if (!cell) return;
      delete cell.format;
      delete cell.style;
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#clear(): contents and formats.
  clear<T extends object>(this: T): T {
    const s = rangeState(this);
    chargeRange(s, 'clear', cellCount(s.rect));
    s.sheet.each(s.rect, (cell) => {
      if (!cell) return;
      cell.value = '';
      delete cell.formula;
      delete cell.format;
      delete cell.style;
    });
    return this;
  },

  setFontWeight<T extends object>(this: T, weight: string | null): T {
    return style(this, 'setFontWeight', { fontWeight: weight ?? undefined });
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getFontWeight(): 'normal' when unset.
  getFontWeight(this: object): string {
    const s = rangeState(this);
    chargeRange(s, 'getFontWeight', 1);
    return topLeft(s)?.style?.fontWeight ?? 'normal';
  },

  setFontColor<T extends object>(this: T, color: string | null): T {
    return style(this, 'setFontColor', { fontColor: color ?? undefined });
  },

  setBackground<T extends object>(this: T, color: string | null): T {
    return style(this, 'setBackground', { background: color ?? undefined });
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getBackground(): white when unset.
  getBackground(this: object): string {
    const s = rangeState(this);
    chargeRange(s, 'getBackground', 1);
    return topLeft(s)?.style?.background ?? '#ffffff';
  },

  setWrap<T extends object>(this: T, wrap: boolean): T {
    return style(this, 'setWrap', { wrap: Boolean(wrap) });
  },

  setHorizontalAlignment<T extends object>(this: T, alignment: string | null): T {
    return style(this, 'setHorizontalAlignment', { horizontalAlignment: alignment ?? undefined });
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#setNote(String): null or '' clears.
  setNote<T extends object>(this: T, note: string | null): T {
    const s = rangeState(this);
    chargeRange(s, 'setNote', cellCount(s.rect));
    s.sheet.update(s.rect, (cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this;
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getNote(): '' without a note.
  getNote(this: object): string {
    const s = rangeState(this);
    chargeRange(s, 'getNote', 1);
    return topLeft(s)?.note ?? '';
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getNotes()
  getNotes(this: object): string[][] {
    const s = rangeState(this);
    chargeRange(s, 'getNotes', cellCount(s.rect));
    return readGrid(s, (cell) => cell?.note ?? '');
  },
};

export type RangeFormatMethods = typeof rangeFormatMethods;
