// The events that move a case's legal clock, and their ordering: the clock replays them in time
// order, each at the Bogotá date of its instant.
import { type CalendarDate, bogotaDateOf, compareDates } from '../calendar/calendar-date';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from '../calendar/business-calendar';
import { parseInstant } from '../calendar/instant';
import type { ErrorCode } from '../errors';
import type { RequestTypeCode } from '../request-types';

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
  | { kind: 'voided'; at: string };

export interface TimedEvent {
  readonly event: ClockEvent;
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

function timeEvent(event: ClockEvent, probe: boolean): TimedEvent | null {
  const ms = event && typeof event.at === 'string' ? parseInstant(event.at) : null;
  if (ms === null) return null;
  const on = bogotaDateOf(ms);
  const year = Number(on.slice(0, 4));
  if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) return null;
  return { event, ms, on, probe };
}

function byInstant(a: TimedEvent, b: TimedEvent): number {
  return a.ms - b.ms;
}

/**
 * Puts events in time order (stable: equal instants keep their recorded order, a probe goes last)
 * and drops the ones the clock cannot place: an unreadable instant, or a date before the receipt
 * date (imported data). Each dropped recorded event adds INVALID_DATE to `flags` instead of
 * failing; a dropped probe is simply absent, and the caller reports it.
 * Example: events at 10:00 and 09:00 of the same day come back 09:00 first.
 */
export function orderEvents(
  events: readonly ClockEvent[],
  receivedOn: CalendarDate,
  flags: ErrorCode[],
  probe?: ClockEvent,
): TimedEvent[] {
  const timed: TimedEvent[] = [];
  for (const event of events) {
    const entry = timeEvent(event, false);
    if (entry === null || compareDates(entry.on, receivedOn) < 0) addFlag(flags, 'INVALID_DATE');
    else timed.push(entry);
  }
  if (timed.length > 1) timed.sort(byInstant);
  if (probe) {
    const entry = timeEvent(probe, true);
    if (entry !== null && compareDates(entry.on, receivedOn) >= 0) {
      let i = timed.length;
      while (i > 0 && (timed[i - 1] as TimedEvent).ms > entry.ms) i--;
      timed.splice(i, 0, entry);
    }
  }
  return timed;
}
