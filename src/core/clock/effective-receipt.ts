// The effective receipt date: the Bogotá date from which a legal term is counted, after the
// entity's office-hours cutoff and the rule for filings on non-business days.
import type { BusinessCalendar } from '../calendar/business-calendar';
import {
  type CalendarDate,
  addDays,
  bogotaDateOf,
  bogotaMsOfDay,
  formatDateEs,
} from '../calendar/calendar-date';
import type { EntitySettings } from '../settings';

// Read once: under tsx and jest these modules run as CommonJS, where each use of an imported
// binding goes through two getters, and a sweep takes the receipt of every case.
const nextDay = addDays;
const dateOfInstant = bogotaDateOf;
const msOfDayOf = bogotaMsOfDay;
const formatEs = formatDateEs;

export type ReceiptSettings = Pick<EntitySettings, 'officeHoursCutoff' | 'nonBusinessDayFiling'>;

export interface EffectiveReceipt {
  /** The date the term counts from: day 1 is the first business day after it. */
  readonly date: CalendarDate;
  /** Short Spanish clause naming the rule applied, for the due date's explanation. */
  readonly rule: string;
  /** The Bogotá date of the receipt instant itself. */
  readonly receivedOn: CalendarDate;
}

/**
 * Minutes after midnight of an 'HH:MM' (or 'H:MM') cutoff, or null when it is not one.
 * Example: parseOfficeHoursCutoff('17:00') → 1020; parseOfficeHoursCutoff('5pm') → null.
 */
export function parseOfficeHoursCutoff(text: string): number | null {
  if (text === lastCutoff.text) return lastCutoff.minutes;
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const parsed = hours <= 23 && minutes <= 59 ? hours * 60 + minutes : null;
  lastCutoff = { text, minutes: parsed };
  return parsed;
}

/** An entity has one cutoff: remember the last one read instead of parsing it per case. */
let lastCutoff: { text: string; minutes: number | null } = { text: '', minutes: null };

/** The rule clause of an ordinary filing, the one nearly every case gets. */
export const ON_A_BUSINESS_DAY = 'recibido en día hábil';

function writeTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
}

/** 'HH:MM' of every minute of a day, written once: a quarter of all filings come after hours. */
const CLOCK_TIMES: readonly string[] = Array.from({ length: 1440 }, (_, minutes) =>
  writeTime(minutes),
);

function formatTime(msOfDay: number): string {
  const minutes = Math.floor(msOfDay / 60_000);
  return CLOCK_TIMES[minutes] ?? writeTime(minutes);
}

/**
 * Turns a receipt instant into the date the term is counted from:
 * 1. the Bogotá date of the instant (never the UTC date);
 * 2. when the entity set an office-hours cutoff and the filing came strictly after it, the next day
 *    (entity regulation, CPACA art. 22; no national rule exists);
 * 3. when that day is not a business day: with `next_business_day` (default) the filing counts as
 *    received on the next business day (Consejo de Estado, Exp. 27219 of 31 Oct 2024), so the term
 *    starts the day after that; with `actual_day` the date stays and the count simply starts on
 *    the next business day, one business day earlier (reference §9, question 0).
 * An unreadable cutoff is treated as no cutoff, the conservative (earliest) reading.
 * Example: a filing on Fri 2026-07-10 at 18:00 with cutoff '17:00' → Sat 11, non-business →
 * `next_business_day`: { date: '2026-07-14' } (Sun 12, Mon 13 holiday); `actual_day`: '2026-07-11'.
 */
export function effectiveReceiptDate(
  receivedAtMs: number,
  settings: ReceiptSettings,
  cal: BusinessCalendar,
): EffectiveReceipt {
  const receivedOn = dateOfInstant(receivedAtMs);
  const cutoff =
    settings.officeHoursCutoff === null ? null : parseOfficeHoursCutoff(settings.officeHoursCutoff);
  const msOfDay = msOfDayOf(receivedAtMs);
  const afterCutoff = cutoff !== null && msOfDay > cutoff * 60_000;
  const date = afterCutoff ? nextDay(receivedOn, 1) : receivedOn;
  const open = cal.isBusinessDay(date);
  if (open && !afterCutoff) return { date, rule: ON_A_BUSINESS_DAY, receivedOn };
  const received = 'recibido el ' + formatEs(receivedOn);
  const cutoffClause = afterCutoff
    ? received +
      ' a las ' +
      formatTime(msOfDay) +
      ', después de la hora de corte (' +
      formatTime((cutoff as number) * 60_000) +
      ')'
    : '';
  if (open)
    return { date, rule: `${cutoffClause}: se tiene por recibido el día siguiente`, receivedOn };
  const reason = cal.nonBusinessReason(date) ?? 'día no hábil';
  const where = afterCutoff
    ? `${cutoffClause}, y el día siguiente no es hábil (${reason})`
    : `${received}, día no hábil (${reason})`;
  if (settings.nonBusinessDayFiling === 'actual_day') {
    return { date, rule: `${where}: cuenta desde el siguiente día hábil`, receivedOn };
  }
  return {
    date: cal.nextBusinessDay(date),
    rule: `${where}: se tiene por recibido el siguiente día hábil, según el Consejo de Estado, Exp. 27219 de 2024`,
    receivedOn,
  };
}
