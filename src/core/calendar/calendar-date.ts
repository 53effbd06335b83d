// Calendar dates ('YYYY-MM-DD') and their arithmetic. Legal terms run on dates, never on instants:
// a due date is a whole day in Colombia, so every instant is first turned into its Bogotá date.

/** A civil date in Colombia, written 'YYYY-MM-DD' (ISO 8601, no time, no zone). */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;

/**
 * Colombia keeps UTC−5 all year (America/Bogota has had no daylight saving time since 1993; the
 * 1992–1993 energy-rationing hour is outside any case this library handles).
 */
export const BOGOTA_UTC_OFFSET_MS = -5 * 3_600_000;

const CODE_0 = 48;
const DASH = 45;

function readDigits(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = s.charCodeAt(i) - CODE_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the Gregorian calendar (month 1–12). Example: daysInMonth(2028, 2) → 29. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads a date as written in a sheet or JSON. Only 'YYYY-MM-DD' with a real day is accepted
 * (surrounding spaces are trimmed), so a typo never becomes a silently wrong holiday or closed day.
 * Example: parseCalendarDate(' 2026-07-13 ') → '2026-07-13'; parseCalendarDate('2026-02-30') → null.
 */
export function parseCalendarDate(s: string): CalendarDate | null {
  if (typeof s !== 'string') return null; // a sheet cell may hold a Date or a number
  if (s.length === 10) {
    // Nothing to trim: a space at either end would leave fewer than 10 characters, and is no digit.
    return wellFormedDayNumber(s) >= FIRST_DAY_OF_YEAR_1 ? s : null;
  }
  const text = s.trim();
  if (text.length !== 10 || text.charAt(4) !== '-' || text.charAt(7) !== '-') return null;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return text;
}

/**
 * The day number of a date: days since 1970-01-01 (negative before it). Pure integer arithmetic
 * (H. Hinnant's days_from_civil), so no Date object and no time zone is involved.
 * Example: dayNumberOf('1970-01-02') → 1. Throws RangeError for anything but a valid 'YYYY-MM-DD'.
 */
export function dayNumberOf(d: CalendarDate): number {
  const dayNumber = wellFormedDayNumber(d);
  return dayNumber === dayNumber ? dayNumber : checkedDayNumberOf(d); // NaN: throws
}

/** dayNumberOf('0001-01-01'): parseCalendarDate refuses year 0000. */
const FIRST_DAY_OF_YEAR_1 = -719162;

/**
 * The day number of a well-formed 'YYYY-MM-DD' date, or NaN. The hottest function of a sweep:
 * integer arithmetic only, no exception.
 */
function wellFormedDayNumber(d: CalendarDate): number {
  if (d.length !== 10 || d.charCodeAt(4) !== DASH || d.charCodeAt(7) !== DASH) return NaN;
  const y0 = d.charCodeAt(0) - CODE_0;
  const y1 = d.charCodeAt(1) - CODE_0;
  const y2 = d.charCodeAt(2) - CODE_0;
  const y3 = d.charCodeAt(3) - CODE_0;
  const m0 = d.charCodeAt(5) - CODE_0;
  const m1 = d.charCodeAt(6) - CODE_0;
  const d0 = d.charCodeAt(8) - CODE_0;
  const d1 = d.charCodeAt(9) - CODE_0;
  // `>>> 0` turns a negative difference (a character below '0') into a large number.
  if (!(
    y0 >>> 0 <= 9 &&
    y1 >>> 0 <= 9 &&
    y2 >>> 0 <= 9 &&
    y3 >>> 0 <= 9 &&
    m0 >>> 0 <= 9 &&
    m1 >>> 0 <= 9 &&
    d0 >>> 0 <= 9 &&
    d1 >>> 0 <= 9
  )) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return daysFromCivil(year, month, day);
}

function checkedDayNumberOf(d: CalendarDate): number {
  // A non-digit gives NaN, which fails the check.
  const year = digitAt(d, 0) * 1000 + digitAt(d, 1) * 100 + digitAt(d, 2) * 10 + digitAt(d, 3);
  const month = digitAt(d, 5) * 10 + digitAt(d, 6);
  const day = digitAt(d, 8) * 10 + digitAt(d, 9);
  if (
    !(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) ||
    d.length !== 10 ||
    d.charCodeAt(4) !== DASH ||
    d.charCodeAt(7) !== DASH ||
    day > daysInMonth(year, month)
  ) {
    throw new RangeError(`Fecha inválida: "${d}" (se espera AAAA-MM-DD)`);
  }
  return daysFromCivil(year, month, day);
}

/**
 * The day number of the date that `text` begins with, read as parseCalendarDate reads a date
 * (year 0001 or later, a real day), or NaN when it does not begin with one. For readers of longer
 * text, such as instants, that would otherwise cut the date out and parse it twice.
 * Example: dayNumberAtStart('1970-01-02T10:00Z') → 1; dayNumberAtStart('2026-02-30T10:00') → NaN.
 */
export function dayNumberAtStart(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return NaN;
  if (day > daysInMonth(year, month)) return NaN;
  return daysFromCivil(year, month, day);
}

/** H. Hinnant's days_from_civil, for a date already checked; from a table for 1900–2200. */
function daysFromCivil(year: number, month: number, day: number): number {
  const row = year - TABLE_FIRST_YEAR;
  if (row >= 0 && row < YEAR_STARTS.length) {
    const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
    return (YEAR_STARTS[row] as number) + (DAYS_BEFORE_MONTH[month] as number) + leapDay + day - 1;
  }
  return civilDayNumber(year, month, day);
}

function civilDayNumber(civilYear: number, month: number, day: number): number {
  const year = civilYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days before each month (1–12) in a common year. */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Day numbers of 1 January of the years 1900–2200: no division left in the common case. */
const TABLE_FIRST_YEAR = 1900;
const YEAR_STARTS = Int32Array.from({ length: 301 }, (_, row) =>
  civilDayNumber(TABLE_FIRST_YEAR + row, 1, 1),
);

function digitAt(s: string, i: number): number {
  const digit = s.charCodeAt(i) - CODE_0;
  return digit >= 0 && digit <= 9 ? digit : NaN;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/**
 * Dates already written, by day number, in blocks of 1024 days (a plain array of 110 000 would not
 * stay a fast array): a sweep asks for the same few hundred days again and again.
 */
const CACHED_DAYS_FROM = -25567; // 1900-01-01
const CACHED_DAYS_TO = 84006; // 2200-01-01
const BLOCK_BITS = 10;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;
const writtenDates = new Array<CalendarDate[] | undefined>(
  ((CACHED_DAYS_TO - CACHED_DAYS_FROM) >> BLOCK_BITS) + 1,
).fill(undefined);

/**
 * The date of a day number (inverse of dayNumberOf; H. Hinnant's civil_from_days).
 * Example: dateOfDayNumber(0) → '1970-01-01'.
 */
export function dateOfDayNumber(dayNumber: number): CalendarDate {
  if (!(dayNumber >= CACHED_DAYS_FROM && dayNumber < CACHED_DAYS_TO && dayNumber % 1 === 0)) {
    return writeDate(dayNumber);
  }
  const at = dayNumber - CACHED_DAYS_FROM;
  let block = writtenDates[at >> BLOCK_BITS];
  if (block === undefined) writtenDates[at >> BLOCK_BITS] = block = new Array(BLOCK_MASK + 1);
  const cached = block[at & BLOCK_MASK];
  if (cached !== undefined) return cached;
  return (block[at & BLOCK_MASK] = writeDate(dayNumber));
}

function writeDate(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return String(year) + '-' + pad2(month) + '-' + pad2(day);
}

/** The calendar year of a date. Example: yearOf('2026-07-13') → 2026. */
export function yearOf(d: CalendarDate): number {
  return readDigits(d, 0, 4);
}

/**
 * The date in Colombia (America/Bogota, UTC−5) of an instant. An evening filing is already the
 * next day in UTC, so UTC date parts must never be used.
 * Example: bogotaDateOf(Date.parse('2026-07-20T20:30:00-05:00')) → '2026-07-20' (UTC says the 21st).
 */
export function bogotaDateOf(instantMs: number): CalendarDate {
  if (!isFinite(instantMs)) throw new RangeError(`Instante inválido: ${instantMs}`);
  return dateOfDayNumber(Math.floor((instantMs + BOGOTA_UTC_OFFSET_MS) / MS_PER_DAY));
}

/**
 * Milliseconds since Bogotá midnight of an instant, for the office-hours cutoff (to the millisecond,
 * so "strictly after 17:00" excludes 17:00:00.000 and includes 17:00:00.001).
 * Example: bogotaMsOfDay(Date.parse('2026-07-21T01:30:00Z')) → 73_800_000 (20:30 on the 20th).
 */
export function bogotaMsOfDay(instantMs: number): number {
  const local = instantMs + BOGOTA_UTC_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/**
 * Whole minutes since Bogotá midnight of an instant.
 * Example: bogotaMinutesOf(Date.parse('2026-07-20T20:30:59-05:00')) → 1230.
 */
export function bogotaMinutesOf(instantMs: number): number {
  return Math.floor(bogotaMsOfDay(instantMs) / 60_000);
}

/** The date n calendar days after d (before it when n < 0). Example: addDays('2026-12-31', 1) → '2027-01-01'. */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  return dateOfDayNumber(dayNumberOf(d) + n);
}

/**
 * The same day number n months later, or the month's last day when it has no such day. Terms in
 * months run on the calendar and end on the same day number (Ley 4 de 1913, arts. 59 and 62).
 * Example: addMonths('2026-07-20', 1) → '2026-08-20'; addMonths('2027-01-31', 1) → '2027-02-28'.
 */
export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const months = yearOf(d) * 12 + (readDigits(d, 5, 2) - 1) + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  const day = Math.min(readDigits(d, 8, 2), daysInMonth(year, month));
  return String(year) + '-' + pad2(month) + '-' + pad2(day);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. Example: dayOfWeek('2026-07-13') → 1 (Monday). */
export function dayOfWeek(d: CalendarDate): number {
  return weekdayOfDayNumber(dayNumberOf(d));
}

/** Day of the week of a day number (1970-01-01 was a Thursday). Example: weekdayOfDayNumber(0) → 4. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive as a is before, equal to or after b. Example: compareDates('2026-01-02', '2026-01-10') < 0. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date as Colombians write it, 'DD/MM/YYYY'. Example: formatDateEs('2026-07-14') → '14/07/2026'. */
export function formatDateEs(d: CalendarDate): string {
  let written = writtenEs.get(d);
  if (written === undefined) {
    written = d.slice(8, 10) + '/' + d.slice(5, 7) + '/' + d.slice(0, 4);
    if (writtenEs.size >= 100_000) writtenEs.clear(); // bounded: dates are few, junk is not
    writtenEs.set(d, written);
  }
  return written;
}

/** Explanations repeat the same dates in thousands of cases; each is written once. */
const writtenEs = new Map<CalendarDate, string>();
