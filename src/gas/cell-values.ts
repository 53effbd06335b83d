// Converting between domain values and cell values. Every string goes in with a leading apostrophe,
// which Sheets keeps as a quote prefix: the text is stored literally, so citizen text can never
// become a formula and ID numbers keep their leading zeros.
import { bogotaDateOf, parseCalendarDate, type CalendarDate } from '../core/calendar/calendar-date';

export type CellValue = string | number | boolean | Date;

export function textCell(value: string): string {
  return value === '' ? '' : `'${value}`;
}

/** A calendar date as a Date at 00:00 in Bogotá (UTC−5, no daylight saving). */
export function dateCell(value: string): Date | string {
  const parsed = parseCalendarDate(value);
  if (!parsed) return '';
  const [y, m, d] = parsed.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 5));
}

export function instantCell(iso: string): Date | string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : new Date(ms);
}

export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function readText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isDateValue(value)) return value.toISOString();
  return String(value);
}

export function readCalendarDate(value: unknown): CalendarDate | '' {
  if (isDateValue(value)) return bogotaDateOf(value.getTime());
  if (typeof value === 'string') {
    // A plain-text cell keeps a typed quote prefix as part of the text.
    const text = value.trim().replace(/^'/, '');
    // Colombians write dates day first: 24/12/2026 as well as 2026-12-24.
    const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const iso = dayFirst
      ? `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}`
      : text;
    return parseCalendarDate(iso) ?? '';
  }
  return '';
}

export function readInstant(value: unknown): string {
  if (isDateValue(value)) return value.toISOString();
  if (typeof value === 'string' && value && !Number.isNaN(Date.parse(value)))
    return new Date(value).toISOString();
  return '';
}

export function readNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

const YES_WORDS = new Set(['sí', 'si', 'true', 'x', 'yes', '1', 'verdadero']);

export function readBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return YES_WORDS.has(String(value).trim().toLowerCase());
}

export function yesNo(value: boolean): string {
  return value ? 'Sí' : 'No';
}
