// Business days (días hábiles) of one entity: Monday to Friday (and Saturday where the entity works
// it) minus national holidays and the entity's closed days. Years are indexed lazily, each with a
// cumulative count, so adding or counting business days never walks day by day.
import {
  type CalendarDate,
  dateOfDayNumber,
  dayNumberOf,
  parseCalendarDate,
  weekdayOfDayNumber,
  yearOf,
} from './calendar-date';
import { colombianHolidays } from './holidays';

// Read once: under tsx and jest these modules run as CommonJS, where each use of an imported
// binding goes through two getters, and the index below is consulted millions of times a sweep.
const toDayNumber = dayNumberOf;
const toDate = dateOfDayNumber;
const weekdayOf = weekdayOfDayNumber;
const yearOfDate = yearOf;

/** The entity's `Días no hábiles` sheet and Saturday setting, as data. */
export interface CalendarOverrides {
  readonly worksSaturdays: boolean;
  /** Days the entity closes by its own act (e.g. 24 and 31 December); never national holidays. */
  readonly closedDays: readonly string[];
  /** National holidays missing from the rules (a new law before a code release). */
  readonly extraHolidays?: readonly string[];
  /** Dates the rules give as holidays that are not (a holiday repealed or moved by law). */
  readonly removedHolidays?: readonly string[];
}

export interface BusinessCalendar {
  isBusinessDay(d: CalendarDate): boolean;
  /** The first business day strictly after d. */
  nextBusinessDay(d: CalendarDate): CalendarDate;
  /** The n-th business day strictly after d (strictly before when n < 0); d itself when n = 0. */
  addBusinessDays(d: CalendarDate, n: number): CalendarDate;
  /** Signed count of business days in (from, to]; negative when to is before from. */
  businessDaysBetween(from: CalendarDate, to: CalendarDate): number;
  /** Name of the national (or entity-added) holiday on d, or null. */
  holidayName(d: CalendarDate): string | null;
  /** Why d is not a business day, in Spanish (holiday name, closure, weekend), or null. */
  nonBusinessReason(d: CalendarDate): string | null;
  /** Override entries that are not valid 'YYYY-MM-DD' dates and were ignored. */
  readonly invalidEntries: readonly string[];
}

/** Years the index accepts: the checked holiday range 1984–2100 with room for terms around it. */
export const MIN_CALENDAR_YEAR = 1900;
export const MAX_CALENDAR_YEAR = 2200;

const ADDED_HOLIDAY_NAME = 'Festivo agregado por la entidad';
const CLOSED_DAY_REASON = 'Día de cierre de la entidad';

interface YearIndex {
  readonly year: number;
  readonly firstDay: number;
  /** through[i] = business days from 1 January up to and including day i of the year. */
  readonly through: Int32Array;
  /** The year's business days, in order: the k-th is businessDays[k - 1]. */
  readonly businessDays: readonly CalendarDate[];
  /** Their day numbers. */
  readonly businessDayNumbers: Int32Array;
  /** nonBusinessReason of each day of the year, by offset, once asked (bounded by the year). */
  readonly reasons: (string | undefined)[];
}

function groupByYear(dates: readonly CalendarDate[]): Map<number, Set<number>> {
  const byYear = new Map<number, Set<number>>();
  for (const date of dates) {
    const year = yearOfDate(date);
    let days = byYear.get(year);
    if (!days) byYear.set(year, (days = new Set()));
    days.add(toDayNumber(date));
  }
  return byYear;
}

/**
 * Builds the business calendar of an entity. Business days are Monday–Friday, plus Saturday when
 * the entity works it (Ley 4 de 1913, art. 62: terms in days exclude non-working days), minus the
 * national holidays and the entity's closed days.
 * Example: createBusinessCalendar({ worksSaturdays: false, closedDays: ['2026-12-24'] })
 * .addBusinessDays('2026-07-10', 1) → '2026-07-14' (Sat 11, Sun 12, Mon 13 holiday, Tue 14).
 */
export function createBusinessCalendar(o: CalendarOverrides): BusinessCalendar {
  return new IndexedCalendar(o);
}

function isOpen(index: YearIndex, offset: number): boolean {
  const before = offset === 0 ? 0 : (index.through[offset - 1] as number);
  return (index.through[offset] as number) > before;
}

/**
 * A class rather than closures: every calendar shares the same methods, so code compiled for one
 * entity's calendar stays valid for the next one a sweep builds.
 */
class IndexedCalendar implements BusinessCalendar {
  readonly invalidEntries: string[] = [];
  private readonly overrides: CalendarOverrides;
  private readonly closed: Map<number, Set<number>>;
  private readonly extra: Map<number, Set<number>>;
  private readonly removed: Map<number, Set<number>>;
  private readonly noDays: ReadonlySet<number> = new Set();
  private readonly holidayNames = new Map<number, Map<number, string>>();
  /** Year indexes by year − MIN_CALENDAR_YEAR (at most 301). */
  private readonly years: (YearIndex | undefined)[] = new Array<YearIndex | undefined>(
    MAX_CALENDAR_YEAR - MIN_CALENDAR_YEAR + 1,
  ).fill(undefined);
  private lastIndex: YearIndex | null = null;

  // Offset within its year of the date last passed to locate(); a scratch value rather than a
  // returned object, because a sweep locates millions of dates. Dates are remembered where they
  // were found, so that asking again costs no parsing: the last two dates located (a clock asks
  // about its receipt date several times) and the last date addBusinessDays returned (a due date,
  // counted next). businessDaysBetween also remembers its first dates: every clock counts from the
  // same `today`. Only positions of dates already checked are kept, so nothing changes but speed.
  private located = 0;
  private lastDate = '';
  private lastYear: YearIndex | null = null;
  private lastOffset = 0;
  private previousDate = '';
  private previousYear: YearIndex | null = null;
  private previousOffset = 0;
  private resultDate = '';
  private resultYear: YearIndex | null = null;
  private resultOffset = 0;
  // The first dates of the last two counts, where they are: every clock counts from `today`, and
  // a closed case counts from its closing date in between.
  private countFrom = '';
  private countFromYear: YearIndex | null = null;
  private countFromOffset = 0;
  private otherFrom = '';
  private otherFromYear: YearIndex | null = null;
  private otherFromOffset = 0;

  constructor(o: CalendarOverrides) {
    this.overrides = o;
    this.closed = groupByYear(this.readDates(o.closedDays));
    this.extra = groupByYear(this.readDates(o.extraHolidays));
    this.removed = groupByYear(this.readDates(o.removedHolidays));
  }

  private readDates(entries: readonly string[] | undefined): CalendarDate[] {
    const dates: CalendarDate[] = [];
    for (const entry of entries ?? []) {
      const date = parseCalendarDate(String(entry));
      if (date === null) this.invalidEntries.push(String(entry));
      else dates.push(date);
    }
    return dates;
  }

  private holidaysOf(year: number): Map<number, string> {
    let names = this.holidayNames.get(year);
    if (names) return names;
    names = new Map();
    const removedDays = this.removed.get(year) ?? this.noDays;
    for (const holiday of colombianHolidays(year)) {
      const dayNumber = toDayNumber(holiday.date);
      if (!removedDays.has(dayNumber)) names.set(dayNumber, holiday.name);
    }
    for (const dayNumber of this.extra.get(year) ?? this.noDays) {
      if (!names.has(dayNumber)) names.set(dayNumber, ADDED_HOLIDAY_NAME);
    }
    this.holidayNames.set(year, names);
    return names;
  }

  private indexOf(year: number): YearIndex {
    const lastIndex = this.lastIndex;
    if (lastIndex !== null && lastIndex.year === year) return lastIndex;
    if (!(year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR)) {
      throw new RangeError(
        `Año fuera del calendario (${MIN_CALENDAR_YEAR}–${MAX_CALENDAR_YEAR}): ${year}`,
      );
    }
    const found = this.years[year - MIN_CALENDAR_YEAR];
    if (found !== undefined) return (this.lastIndex = found);
    const firstDay = toDayNumber(`${year}-01-01`);
    const length = toDayNumber(`${year + 1}-01-01`) - firstDay;
    const holidays = this.holidaysOf(year);
    const closedDays = this.closed.get(year) ?? this.noDays;
    const through = new Int32Array(length);
    const business: CalendarDate[] = [];
    const businessNumbers: number[] = [];
    for (let i = 0; i < length; i++) {
      const dayNumber = firstDay + i;
      const weekday = weekdayOf(dayNumber);
      const open =
        weekday !== 0 &&
        (weekday !== 6 || this.overrides.worksSaturdays) &&
        !holidays.has(dayNumber) &&
        !closedDays.has(dayNumber);
      if (open) {
        business.push(toDate(dayNumber));
        businessNumbers.push(dayNumber);
      }
      through[i] = business.length;
    }
    const index: YearIndex = {
      year,
      firstDay,
      through,
      businessDays: business,
      businessDayNumbers: Int32Array.from(businessNumbers),
      reasons: [],
    };
    this.years[year - MIN_CALENDAR_YEAR] = index;
    return (this.lastIndex = index);
  }

  /** The year index of d; its offset in that year is left in `located`. */
  private locate(d: CalendarDate): YearIndex {
    if (d === this.lastDate && this.lastYear !== null) {
      this.located = this.lastOffset;
      return this.lastYear;
    }
    if (d === this.previousDate && this.previousYear !== null) {
      this.located = this.previousOffset;
      return this.previousYear;
    }
    if (d === this.resultDate && this.resultYear !== null) {
      // A result asked about is often asked about again (a term counted from it): keep it too.
      const index = this.resultYear;
      this.located = this.resultOffset;
      this.remember(d, index, this.resultOffset);
      return index;
    }
    const dayNumber = toDayNumber(d);
    const lastIndex = this.lastIndex;
    const sameYear =
      lastIndex !== null &&
      dayNumber >= lastIndex.firstDay &&
      dayNumber < lastIndex.firstDay + lastIndex.through.length;
    const index = sameYear ? (lastIndex as YearIndex) : this.indexOf(yearOfDate(d));
    this.located = dayNumber - index.firstDay;
    this.remember(d, index, this.located);
    return index;
  }

  private remember(d: CalendarDate, index: YearIndex, offset: number): void {
    this.previousDate = this.lastDate;
    this.previousYear = this.lastYear;
    this.previousOffset = this.lastOffset;
    this.lastDate = d;
    this.lastYear = index;
    this.lastOffset = offset;
  }

  isBusinessDay(d: CalendarDate): boolean {
    const index = this.locate(d);
    return isOpen(index, this.located);
  }

  nextBusinessDay(d: CalendarDate): CalendarDate {
    return this.addBusinessDays(d, 1);
  }

  addBusinessDays(d: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n)) throw new RangeError(`Número de días inválido: ${n}`);
    let index = this.locate(d);
    const offset = this.located;
    let year = index.year;
    if (n === 0) return d;
    const upTo = index.through[offset] as number;
    // k is the 1-based position, within `year`, of the business day sought.
    let k = n > 0 ? upTo + n : upTo - (isOpen(index, offset) ? 1 : 0) + n + 1;
    while (k > index.businessDays.length) {
      k -= index.businessDays.length;
      index = this.indexOf(++year);
    }
    while (k < 1) {
      index = this.indexOf(--year);
      k += index.businessDays.length;
    }
    const result = index.businessDays[k - 1] as CalendarDate;
    this.resultDate = result;
    this.resultYear = index;
    this.resultOffset = (index.businessDayNumbers[k - 1] as number) - index.firstDay;
    return result;
  }

  /** Business days in (start, end], both given by locate(); start must not be after end. */
  private countUpTo(start: YearIndex, startOffset: number, end: YearIndex, endOffset: number) {
    let count = (end.through[endOffset] as number) - (start.through[startOffset] as number);
    for (let year = start.year; year < end.year; year++) {
      count += this.indexOf(year).businessDays.length;
    }
    return count;
  }

  businessDaysBetween(from: CalendarDate, to: CalendarDate): number {
    let start: YearIndex;
    let startOffset: number;
    let end: YearIndex;
    let endOffset: number;
    if (from === this.countFrom && this.countFromYear !== null) {
      start = this.countFromYear;
      startOffset = this.countFromOffset;
      end = this.locate(to);
      endOffset = this.located;
    } else {
      if (from === this.otherFrom && this.otherFromYear !== null) {
        start = this.otherFromYear;
        startOffset = this.otherFromOffset;
        end = this.locate(to);
        endOffset = this.located;
      } else if (from <= to) {
        start = this.locate(from);
        startOffset = this.located;
        end = this.locate(to);
        endOffset = this.located;
      } else {
        // The earlier date is read first, as a count from it would.
        end = this.locate(to);
        endOffset = this.located;
        start = this.locate(from);
        startOffset = this.located;
      }
      this.otherFrom = this.countFrom;
      this.otherFromYear = this.countFromYear;
      this.otherFromOffset = this.countFromOffset;
      this.countFrom = from;
      this.countFromYear = start;
      this.countFromOffset = startOffset;
    }
    // Day numbers order located dates as their text does, and compare faster.
    return start.firstDay + startOffset <= end.firstDay + endOffset
      ? this.countUpTo(start, startOffset, end, endOffset)
      : 0 - this.countUpTo(end, endOffset, start, startOffset); // never -0
  }

  holidayName(d: CalendarDate): string | null {
    return this.holidaysOf(yearOfDate(d)).get(toDayNumber(d)) ?? null;
  }

  nonBusinessReason(d: CalendarDate): string | null {
    const index = this.locate(d);
    const offset = this.located;
    if (isOpen(index, offset)) return null;
    const known = index.reasons[offset];
    if (known !== undefined) return known;
    const year = index.year;
    const dayNumber = index.firstDay + offset;
    const holiday = this.holidaysOf(year).get(dayNumber);
    let reason: string;
    if (holiday !== undefined) reason = `festivo: ${holiday}`;
    else if ((this.closed.get(year) ?? this.noDays).has(dayNumber)) reason = CLOSED_DAY_REASON;
    else reason = weekdayOf(dayNumber) === 0 ? 'domingo' : 'sábado';
    return (index.reasons[offset] = reason);
  }
}
