// National holidays of Colombia, computed from the rules of the law rather than kept as a list,
// so any year works and a new law is one line here (or one row in the entity's override sheet).
import {
  type CalendarDate,
  addDays,
  dateOfDayNumber,
  dayNumberOf,
  weekdayOfDayNumber,
} from './calendar-date';

export interface Holiday {
  readonly date: CalendarDate;
  /** Spanish name; two holidays on one day are joined with ' / ' (e.g. 2025-06-30). */
  readonly name: string;
}

/** First year of the Ley 51 de 1983 Monday rule, and the range this module is checked against. */
export const FIRST_HOLIDAY_RULE_YEAR = 1984;
export const LAST_CHECKED_HOLIDAY_YEAR = 2100;
/** Ley 2578 de 2026, art. 6: 9 July becomes a holiday (moved to Monday) from 2026 on. */
const CHIQUINQUIRA_FIRST_YEAR = 2026;

/** Never moved, even when they fall on a weekend (Ley 51 de 1983, art. 1, num. 1). */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'Año Nuevo'],
  ['05-01', 'Día del Trabajo'],
  ['07-20', 'Día de la Independencia'],
  ['08-07', 'Batalla de Boyacá'],
  ['12-08', 'Inmaculada Concepción'],
  ['12-25', 'Navidad'],
];

/** Moved to the following Monday unless they fall on one (Ley 51 de 1983, art. 1, num. 2). */
const MOVED_TO_MONDAY: ReadonlyArray<readonly [string, string]> = [
  ['01-06', 'Día de los Reyes Magos'],
  ['03-19', 'Día de San José'],
  ['06-29', 'San Pedro y San Pablo'],
  ['08-15', 'Asunción de la Virgen'],
  ['10-12', 'Día de la Raza'],
  ['11-01', 'Día de Todos los Santos'],
  ['11-11', 'Independencia de Cartagena'],
];

/** Offsets from Easter Sunday of the observed day: Thursday and Friday fixed, the rest on Monday. */
const EASTER_BASED: ReadonlyArray<readonly [number, string]> = [
  [-3, 'Jueves Santo'],
  [-2, 'Viernes Santo'],
  [43, 'Ascensión del Señor'], // Thursday E+39 moved to Monday
  [64, 'Corpus Christi'], // Thursday E+60 moved to Monday
  [71, 'Sagrado Corazón de Jesús'], // Friday E+68 moved to Monday
];

/**
 * Easter Sunday of a Gregorian year (Meeus/Jones/Butcher computus), the anchor of Holy Week and
 * of the Ascension, Corpus Christi and Sacred Heart holidays (Ley 51 de 1983).
 * Example: easterSunday(2026) → '2026-04-05'; easterSunday(2025) → '2025-04-20'.
 */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function nextMondayOrSame(d: CalendarDate): CalendarDate {
  const dayNumber = dayNumberOf(d);
  return dateOfDayNumber(dayNumber + ((8 - weekdayOfDayNumber(dayNumber)) % 7));
}

const cache = new Map<number, ReadonlyArray<Holiday>>();

/**
 * The observed national holidays of a year, sorted, one entry per date: fixed dates, the Ley 51 de
 * 1983 dates moved to Monday, the Easter-based dates, and 9 July (moved to Monday) from 2026 only
 * (Ley 2578 de 2026, art. 6). Checked for 1984–2100; other years get the same rules extrapolated.
 * Example: colombianHolidays(2026) has 19 dates, among them { date: '2026-07-13', name:
 * 'Nuestra Señora del Rosario de Chiquinquirá' } (9 July 2026 is a Thursday → Monday 13).
 */
export function colombianHolidays(year: number): ReadonlyArray<Holiday> {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Año fuera del calendario gregoriano soportado: ${year}`);
  }
  const cached = cache.get(year);
  if (cached) return cached;
  const names = new Map<CalendarDate, string>();
  const add = (date: CalendarDate, name: string): void => {
    const existing = names.get(date);
    names.set(date, existing === undefined ? name : existing + ' / ' + name);
  };
  for (const [monthDay, name] of FIXED) add(`${year}-${monthDay}`, name);
  const moved = MOVED_TO_MONDAY.slice();
  if (year >= CHIQUINQUIRA_FIRST_YEAR) {
    moved.push(['07-09', 'Nuestra Señora del Rosario de Chiquinquirá']);
  }
  for (const [monthDay, name] of moved) add(nextMondayOrSame(`${year}-${monthDay}`), name);
  const easter = easterSunday(year);
  for (const [offset, name] of EASTER_BASED) add(addDays(easter, offset), name);
  const holidays = Array.from(names, ([date, name]) => Object.freeze({ date, name }));
  holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(holidays);
  cache.set(year, frozen);
  return frozen;
}
