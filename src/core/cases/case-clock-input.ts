// The legal clock of a stored case. The clock replays events from the type the case was FILED
// with: a reclassification is itself an event, so replaying from the current type would apply it
// twice and could void an extension that was lawful when granted.
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CalendarDate } from '../calendar/calendar-date';
import {
  computeCaseClock,
  type CaseClock,
  type CaseClockInput,
  type ClockSettings,
} from '../clock/case-clock';
import type { RequestTypeCode } from '../request-types';
import type { CaseRecord } from './case-record';

/** The type intake gave the case: the declared one, or a general petition when none was declared. */
export function filingTypeOf(record: Pick<CaseRecord, 'declaredType'>): RequestTypeCode {
  return record.declaredType ?? 'peticion_general';
}

export function clockInputOf(
  record: Pick<CaseRecord, 'declaredType' | 'receivedAt' | 'events'>,
  context: {
    readonly today: CalendarDate;
    readonly settings: ClockSettings;
    readonly calendar: BusinessCalendar;
  },
): CaseClockInput {
  return {
    type: filingTypeOf(record),
    receivedAt: Date.parse(record.receivedAt),
    events: record.events,
    today: context.today,
    settings: context.settings,
    calendar: context.calendar,
  };
}

export function clockOfCase(
  record: Pick<CaseRecord, 'declaredType' | 'receivedAt' | 'events'>,
  context: {
    readonly today: CalendarDate;
    readonly settings: ClockSettings;
    readonly calendar: BusinessCalendar;
  },
): CaseClock {
  return computeCaseClock(clockInputOf(record, context));
}
