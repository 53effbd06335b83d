// Terms set in months (the petitioner's month to complete a petition, CPACA art. 17) run on the
// calendar, not in business days.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type CalendarDate, addMonths } from '../calendar/calendar-date';

// Read once: under tsx and jest this module runs as CommonJS, where each use of an imported
// binding goes through two getters.
const monthsAfter = addMonths;

/**
 * The last day of a term of `months` calendar months starting on `start`: the same day number in
 * the later month (its last day when it has none), moved to the next business day when it is not
 * one (Ley 4 de 1913, arts. 59 and 62).
 * Example: monthTermEnd('2026-07-20', 1, cal) → '2026-08-20' (Thursday, a business day);
 * monthTermEnd('2026-07-07', 1, cal) → '2026-08-10' (Fri Aug 7 is a holiday, then the weekend).
 */
export function monthTermEnd(
  start: CalendarDate,
  months: number,
  cal: BusinessCalendar,
): CalendarDate {
  const end = monthsAfter(start, months);
  return cal.isBusinessDay(end) ? end : cal.nextBusinessDay(end);
}
