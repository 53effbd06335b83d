// Displayed values: what getDisplayValues returns and what a person sees in the grid.
// developers.google.com/sheets/api/guides/formats: number and date-time format patterns.

import { MONTHS } from './utilities-format-date';
import { type Cell, type CellValue, isDateValue } from './spreadsheet-cell';
import { fromSerial, toSerial, wallClock } from './spreadsheet-time';

/**
 * The format a date cell shows when it has none of its own. Sheets gives a date written by a
 * script its locale's date-time format; for es_CO that reads like `20/07/2026 20:30:00`. We chose
 * `d/MM/yyyy H:mm:ss` for Spanish locales and `M/d/yyyy H:mm:ss` otherwise (not in the docs).
 */
export function defaultDateFormat(locale: string): string {
  return isSpanish(locale) ? 'd/MM/yyyy H:mm:ss' : 'M/d/yyyy H:mm:ss';
}

function isSpanish(locale: string): boolean {
  return locale.toLowerCase().startsWith('es');
}

/** Decimal and grouping symbols: Spanish (and most continental) locales swap them. */
export function numberSymbols(locale: string): { decimal: string; group: string } {
  return /^(es|pt|de|it|fr|nl)/i.test(locale)
    ? { decimal: ',', group: '.' }
    : { decimal: '.', group: ',' };
}

/** The displayed text of one cell, in the spreadsheet's time zone and locale. */
export function displayCell(cell: Cell | undefined, timeZone: string, locale: string): string {
  if (!cell) return '';
  return displayValue(cell.value, cell.format, timeZone, locale);
}

export function displayValue(
  value: CellValue,
  format: string | undefined,
  timeZone: string,
  locale: string,
): string {
  if (value === '') return '';
  // Booleans show as TRUE/FALSE (the brief's choice; a Spanish UI may localise them).
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const pattern = format && format !== '@' ? format : undefined;
  if (isDateValue(value)) {
    if (pattern && !isDatePattern(pattern)) {
      return formatNumber(toSerial(value.dateMs, timeZone), pattern, locale);
    }
    return formatDate(value.dateMs, pattern ?? defaultDateFormat(locale), timeZone, locale);
  }
  if (pattern && isDatePattern(pattern)) {
    return formatDate(fromSerial(value, timeZone), pattern, timeZone, locale);
  }
  return pattern ? formatNumber(value, pattern, locale) : generalNumber(value, locale);
}

/** A pattern is a date pattern when, outside quoted text, it uses date letters and no digit placeholders. */
export function isDatePattern(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhsm]/i.test(bare) && !/[0#]/.test(bare);
}

/** Sheets' "Automatic" number display: integers as is, fractions without float noise. */
export function generalNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : n < 0 ? '-#NUM!' : '#NUM!';
  let text =
    Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : String(Number(n.toPrecision(15)));
  text = text.replace('e+', 'E+').replace('e-', 'E-');
  return text.replace('.', numberSymbols(locale).decimal);
}

const NUMBER_PATTERN = /^(.*?)([#0,]*0[#0,]*|[#,]*#)(?:\.([0#]+))?(.*)$/;

/** Formats with `0`, `0.00`, `#,##0`, `#,##0.00`, `0%` and literal prefixes/suffixes. */
export function formatNumber(n: number, pattern: string, locale: string): string {
  const sections = pattern.split(';');
  const negative = n < 0 && sections.length > 1;
  const section = negative ? sections[1] : sections[0];
  const m = NUMBER_PATTERN.exec(section);
  if (!m) return generalNumber(n, locale);
  const [, prefix, intPart, fracPart = '', suffix] = m;
  const percent = (prefix + suffix).includes('%');
  let x = Math.abs(percent ? n * 100 : n);
  const decimals = fracPart.length;
  x = Number(x.toFixed(decimals));
  const [intDigits, fracDigits = ''] = x.toFixed(decimals).split('.');
  const minInt = (intPart.match(/0/g) ?? []).length;
  let intText = intDigits.padStart(minInt, '0');
  if (minInt === 0 && intText === '0') intText = '';
  const { decimal, group } = numberSymbols(locale);
  if (intPart.includes(',')) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const frac = trimOptional(fracDigits, fracPart);
  const body = frac ? `${intText}${decimal}${frac}` : intText;
  const sign = n < 0 && !negative && Number(x) !== 0 ? '-' : '';
  return `${sign}${literal(prefix)}${body}${literal(suffix)}`;
}

/** `#` fraction places drop trailing zeros; `0` places keep them. */
function trimOptional(digits: string, pattern: string): string {
  let out = digits;
  for (let i = pattern.length - 1; i >= 0 && pattern[i] === '#' && out.endsWith('0'); i--) {
    out = out.slice(0, -1);
  }
  return out;
}

function literal(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const DAYS_ES = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const DATE_TOKEN = /"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi;

/**
 * Formats an instant with a Sheets date pattern. Letters are case-insensitive; `m`/`mm` mean
 * minutes right after an hour token or right before a seconds token, months otherwise
 * (developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns).
 */
export function formatDate(ms: number, pattern: string, timeZone: string, locale: string): string {
  const w = wallClock(ms, timeZone);
  const tokens = pattern.match(DATE_TOKEN) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  const kinds = tokens.map((t) => t[0].toLowerCase());
  const months = isSpanish(locale) ? MONTHS_ES : MONTHS;
  const days = isSpanish(locale) ? DAYS_ES : DAYS_EN;
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const kind = kinds[i];
    const pad = (n: number): string => (token.length >= 2 ? String(n).padStart(2, '0') : String(n));
    if (token.startsWith('"')) out.push(token.slice(1, -1));
    else if (token.startsWith('\\')) out.push(token.slice(1));
    else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else if (kind === 'y')
      out.push(token.length <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year));
    else if (kind === 'd') {
      if (token.length >= 4) out.push(days[w.weekday]);
      else if (token.length === 3) out.push(days[w.weekday].slice(0, 3));
      else out.push(pad(w.day));
    } else if (kind === 'h') out.push(pad(ampm ? w.hour % 12 || 12 : w.hour));
    else if (kind === 's') out.push(pad(w.second));
    else if (kind === 'm') {
      if (isMinute(kinds, i) && token.length <= 2) out.push(pad(w.minute));
      else if (token.length >= 4) out.push(months[w.month - 1]);
      else if (token.length === 3) out.push(months[w.month - 1].slice(0, 3));
      else out.push(pad(w.month));
    } else out.push(token);
  });
  return out.join('');
}

function isMinute(kinds: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (kinds[j] === 'h') return true;
    if (/[ydms]/.test(kinds[j])) break;
  }
  for (let j = i + 1; j < kinds.length; j++) {
    if (kinds[j] === 's') return true;
    if (/[ydmh]/.test(kinds[j])) break;
  }
  return false;
}
