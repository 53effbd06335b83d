// The events that move a case's legal clock, and their ordering: the clock replays them in time
// order, each at the Bogotá date of its instant.
import {
  BOGOTA_UTC_OFFSET_MS,
  type CalendarDate,
  bogotaDateOf,
  dayNumberOf,
} from '../calendar/calendar-date';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../calendar/business-calendar';
import { parseInstant } from '../calendar/instant';
import type { ErrorCode } from '../errors';
import type { RequestTypeCode } from '../request-types';

// Read once: under tsx and jest these modules run as CommonJS, where each use of an imported
// binding goes through two getters, and a sweep times every event of every case.
const readInstant = parseInstant;
const dateOfInstant = bogotaDateOf;
const MIN_YEAR = MIN_CALENDAR_YEAR;
const MAX_YEAR = MAX_CALENDAR_YEAR;
const OFFSET_MS = BOGOTA_UTC_OFFSET_MS;
/** Day numbers bounding the calendar's years: 1 January of the first, and of the year after the last. */
const FIRST_CALENDAR_DAY = dayNumberOf(`${MIN_CALENDAR_YEAR}-01-01`);
const END_CALENDAR_DAY = dayNumberOf(`${MAX_CALENDAR_YEAR + 1}-01-01`);

/** `at` is an ISO 8601 instant; without a zone it is read as Bogotá time. */
export type ClockEvent =
  | { kind: 'reclassified'; at: string; type: RequestTypeCode }
  | { kind: 'extended'; at: string; newDueDate: CalendarDate; reason: string }
  | { kind: 'info_requested'; at: string }
  /** The petitioner asked for the extra month to complete the petition (CPACA art. 17). */
  | { kind: 'info_deadline_extended'; at: string }
  | { kind: 'info_received'; at: string }
  | { kind: 'transferred'; at: string }
  | { kind: 'answered'; at: string }
  | { kind: 'voided'; at: string }
  /** Tacit withdrawal: the petitioner did not complete the petition in time (CPACA art. 17). */
  | { kind: 'desisted'; at: string };

/** A desk act among a case's events (assignment, note, archive): the clock passes over it. */
export type PassingEvent = { kind: 'assigned' | 'noted' | 'archived'; at: string };

/** What a case's events may hold, as the clock reads them. */
export type CaseClockEvent = ClockEvent | PassingEvent;

export interface TimedEvent {
  readonly event: CaseClockEvent;
  readonly ms: number;
  /** Bogotá date of the instant. */
  readonly on: CalendarDate;
  /** The extension being checked by checkExtension, not yet recorded. */
  readonly probe: boolean;
}

/**
 * Records a problem once, keeping the order of first occurrence for the reader.
 * Example: adding 'INVALID_DATE' twice to [] leaves ['INVALID_DATE'].
 */
export function addFlag(flags: ErrorCode[], code: ErrorCode): void {
  if (flags.indexOf(code) < 0) flags.push(code);
}

function timeEvent(event: CaseClockEvent, probe: boolean): TimedEvent | null {
  const ms = event && typeof event.at === 'string' ? readInstant(event.at) : null;
  if (ms === null) return null;
  const on = dateOfInstant(ms);
  const dayNumber = Math.floor((ms + OFFSET_MS) / 86_400_000);
  if (dayNumber < FIRST_CALENDAR_DAY || dayNumber >= END_CALENDAR_DAY) {
    // Outside the calendar's years, or a date written otherwise: the year as written decides.
    const year = Number(on.slice(0, 4));
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
  }
  return { event, ms, on, probe };
}

function byInstant(a: TimedEvent, b: TimedEvent): number {
  return a.ms - b.ms;
}

/** The stable sort of timed.sort(byInstant), in place, without its work array: a case has few events. */
function sortFew(timed: TimedEvent[]): void {
  for (let i = 1; i < timed.length; i++) {
    const entry = timed[i] as TimedEvent;
    let j = i;
    while (j > 0 && (timed[j - 1] as TimedEvent).ms > entry.ms) {
      timed[j] = timed[j - 1] as TimedEvent;
      j--;
    }
    timed[j] = entry;
  }
}

/**
 * Puts events in time order (stable: equal instants keep their recorded order, a probe goes last)
 * and drops the ones the clock cannot place: an unreadable instant, or a date before the receipt
 * date (imported data). Each dropped recorded event adds INVALID_DATE to `flags` instead of
 * failing; a dropped probe is simply absent, and the caller reports it.
 * Example: events at 10:00 and 09:00 of the same day come back 09:00 first.
 */
export function orderEvents(
  events: readonly CaseClockEvent[],
  receivedOn: CalendarDate,
  flags: ErrorCode[],
  probe?: ClockEvent,
): TimedEvent[] {
  const timed: TimedEvent[] = [];
  for (const event of events) {
    const entry = timeEvent(event, false);
    if (entry === null || entry.on < receivedOn) addFlag(flags, 'INVALID_DATE');
    else timed.push(entry);
  }
  if (timed.length > 8) timed.sort(byInstant);
  else sortFew(timed);
  if (probe) {
    const entry = timeEvent(probe, true);
    if (entry !== null && entry.on >= receivedOn) {
      let i = timed.length;
      while (i > 0 && (timed[i - 1] as TimedEvent).ms > entry.ms) i--;
      timed.splice(i, 0, entry);
    }
  }
  return timed;
}
