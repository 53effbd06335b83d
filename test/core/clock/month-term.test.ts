import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import { monthTermEnd } from '../../../src/core/clock/month-term';

const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: ['2026-12-31'] });

describe('monthTermEnd: calendar months, last day moved to a business day (Ley 4 de 1913)', () => {
  it.each([
    ['2026-07-21', 1, '2026-08-21'], // Tue → Fri 21 Aug
    ['2026-07-07', 1, '2026-08-10'], // → Fri 7 Aug (Boyacá), Sat, Sun → Mon 10
    ['2026-07-18', 1, '2026-08-18'], // → Tue 18 Aug, a business day
    ['2026-07-15', 1, '2026-08-18'], // → Sat 15 Aug, Sun 16, Mon 17 (Asunción) → Tue 18
    ['2027-01-29', 1, '2027-03-01'], // → 28 Feb 2027 (no 29th), a Sunday → Mon 1 Mar
    ['2026-11-30', 1, '2026-12-30'], // → Wed 30 Dec, a business day
    ['2026-10-31', 2, '2027-01-04'], // → Thu 31 Dec (entity closed), Fri 1 Jan, weekend → Mon 4
  ])('%s + %i month(s) → %s', (start, months, expected) => {
    expect(monthTermEnd(start, months, cal)).toBe(expected);
  });
});
