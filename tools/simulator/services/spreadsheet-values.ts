// How a written value becomes cell content: Apps Script writes (setValue/setValues/appendRow)
// are parsed the way Sheets parses text a person types, and the per-cell limits apply.

import { isDate, ScriptError } from '../kernel';
import type { CellValue } from './spreadsheet-cell';
import { numberSymbols } from './spreadsheet-format';
import { fromWallClock } from './spreadsheet-time';

/** Google Sheets' published limit of 50,000 characters in one cell. */
export const MAX_CELL_CHARS = 50_000;
/** support.google.com/drive/answer/37603: up to 10 million cells per spreadsheet. */
export const MAX_WORKBOOK_CELLS = 10_000_000;

export const CELL_TOO_LONG =
  'Your input contains more than the maximum of 50000 characters in a single cell.';
export const WORKBOOK_TOO_BIG =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

/** What a write leaves in a cell: the value, maybe a formula, maybe a format Sheets picked. */
export interface Entered {
  readonly value: CellValue;
  readonly formula?: string;
  readonly autoFormat?: string;
}

export interface ParseContext {
  readonly timeZone: string;
  readonly locale: string;
  /** The cell's current number format; plain text (`@`) turns parsing off. */
  readonly format: string | undefined;
}

/**
 * Parses one written value. developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object):
 * "The value can be numeric, string, boolean or date. If it begins with '=' it is interpreted as a
 * formula." Strings otherwise go through the same rules as text typed in the Sheets UI (the
 * USER_ENTERED option of developers.google.com/sheets/api/reference/rest/v4/ValueInputOption):
 * "00123" becomes the number 123 (widely reported: leading zeros are lost unless the cell is
 * formatted as plain text `@` or the text starts with an apostrophe).
 */
export function parseEntered(input: unknown, ctx: ParseContext): Entered {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: input };
  if (typeof input === 'boolean') return { value: input };
  if (isDate(input)) {
    const ms = input.getTime();
    return Number.isNaN(ms) ? { value: '' } : { value: { dateMs: ms } };
  }
  const text = typeof input === 'string' ? input : String(input);
  checkLength(text);
  // Plain-text cells keep whatever is written, formulas and apostrophes included.
  if (ctx.format === '@') return { value: text };
  // An apostrophe forces text and is not part of the value (Sheets "'" prefix, as in Excel).
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1)
    return { value: computeFormula(text), formula: text };
  return parseTyped(text, ctx);
}

export function checkLength(text: string): void {
  // Sheets' 50,000-character cell limit; the message is the one Sheets returns (widely reported).
  if (text.length > MAX_CELL_CHARS) throw new ScriptError(CELL_TOO_LONG);
}

const BOOLEAN = /^(true|false)$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Text typed into an Automatic-format cell: booleans, numbers, percentages, dates, else text. */
function parseTyped(text: string, ctx: ParseContext): Entered {
  const t = text.trim();
  if (t === '') return { value: text };
  if (BOOLEAN.test(t)) return { value: t.toLowerCase() === 'true' };
  const number = parseNumber(t, ctx.locale);
  if (number !== null) return { value: number };
  if (t.endsWith('%')) {
    const pct = parseNumber(t.slice(0, -1).trim(), ctx.locale);
    if (pct !== null) return { value: pct / 100, autoFormat: '0%' };
  }
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = makeDate(ctx.timeZone, y, mo, d, iso[4], iso[5], iso[6]);
    if (date) return { value: date, autoFormat: iso[4] ? 'yyyy-mm-dd hh:mm:ss' : 'yyyy-mm-dd' };
  }
  const slash = SLASH_DATE.exec(t);
  if (slash) {
    // Day first in Spanish locales (20/07/2026), month first in en_US (7/20/2026).
    const dayFirst = ctx.locale.toLowerCase().startsWith('es');
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    const [d, mo] = dayFirst ? [a, b] : [b, a];
    const date = makeDate(ctx.timeZone, Number(slash[3]), mo, d, slash[4], slash[5], slash[6]);
    const fmt = dayFirst ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
    if (date) return { value: date, autoFormat: slash[4] ? `${fmt} hh:mm:ss` : fmt };
  }
  return { value: text };
}

/**
 * Digits with an optional sign and the locale's decimal separator ("+573001234567" is a number,
 * "+57 300 1234567" stays text). Grouping separators and currency symbols are not parsed here:
 * Sheets does accept some of them, but the exact rules per locale are not documented.
 */
function parseNumber(t: string, locale: string): number | null {
  const { decimal } = numberSymbols(locale);
  const d = decimal === ',' ? ',' : '\\.';
  const re = new RegExp(`^[+-]?(\\d+(${d}\\d*)?|${d}\\d+)([eE][+-]?\\d+)?$`);
  if (!re.test(t)) return null;
  const n = Number(t.replace(decimal, '.'));
  return Number.isFinite(n) ? n : null;
}

function makeDate(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h?: string,
  mi?: string,
  s?: string,
): CellValue | null {
  const hour = h ? Number(h) : 0;
  const minute = mi ? Number(mi) : 0;
  const second = s ? Number(s) : 0;
  if (mo < 1 || mo > 12 || d < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return { dateMs: fromWallClock(timeZone, y, mo, d, hour, minute, second) };
}

/**
 * The simulator has no formula engine. It computes formulas made only of numbers, + - * / and
 * parentheses (`=1+1` gives 2; a division by zero gives Sheets' '#DIV/0!'). Any other formula
 * fails loudly AT WRITE TIME (setValue, setValues, setFormula, appendRow, a person typing it):
 * reading back a made-up value would let a test pass on a result Sheets never produced, and the
 * writer's stack trace points at the code to change. Write the value instead, or teach
 * evaluateFormula the function.
 */
export function computeFormula(formula: string): CellValue {
  const value = evaluateFormula(formula);
  if (value === null) {
    throw new Error(
      `Simulator: cannot compute the formula ${formula} (only numbers, + - * / and parentheses are evaluated)`,
    );
  }
  return value;
}

/** The value of an arithmetic-only formula, or null when it is anything else. */
export function evaluateFormula(formula: string): CellValue | null {
  const src = formula.slice(1).replace(/\s+/g, '');
  let pos = 0;
  const fail = (): never => {
    throw new Error('formula');
  };
  const number = (): number => {
    const m = /^\d+(\.\d+)?/.exec(src.slice(pos));
    if (!m) return fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  const factor = (): number => {
    if (src[pos] === '-') return (pos++, -factor());
    if (src[pos] === '+') return (pos++, factor());
    if (src[pos] === '(') {
      pos++;
      const v = expr();
      if (src[pos++] !== ')') fail();
      return v;
    }
    return number();
  };
  const term = (): number => {
    let v = factor();
    while (src[pos] === '*' || src[pos] === '/') {
      const op = src[pos++];
      const r = factor();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  };
  const expr = (): number => {
    let v = term();
    while (src[pos] === '+' || src[pos] === '-') {
      const op = src[pos++];
      const r = term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  try {
    const v = expr();
    if (pos !== src.length) return null;
    // Sheets shows #DIV/0! for a division by zero.
    return Number.isFinite(v) ? v : '#DIV/0!';
  } catch {
    return null;
  }
}
