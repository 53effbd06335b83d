// Speed is measured by `npm run bench` (clock.compute), never asserted here. These tests check that
// the indexed arithmetic agrees with the plain day-by-day definition over long spans, and that the
// benchmark reports in the shape the bench table expects.
import { addDays, dayOfWeek } from '../../../src/core/calendar/calendar-date';
import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import { colombianHolidays } from '../../../src/core/calendar/holidays';
import { benchClock } from '../../../tools/bench/clock-bench';

/** The definition, walked one day at a time: Monday–Friday, not a national holiday. */
function naiveAddBusinessDays(from: string, n: number): string {
  const holidays = new Set<string>();
  let d = from;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const year = Number(d.slice(0, 4));
    if (!holidays.has(`${year}`)) {
      holidays.add(`${year}`);
      for (const h of colombianHolidays(year)) holidays.add(h.date);
    }
    const weekday = dayOfWeek(d);
    if (weekday !== 0 && weekday !== 6 && !holidays.has(d)) left -= 1;
  }
  return d;
}

describe('indexed business-day arithmetic', () => {
  const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });

  it.each([
    ['1984-01-02', 1],
    ['1999-12-31', 250],
    ['2025-12-24', 15],
    ['2026-07-06', 15],
    ['2010-03-01', 6000],
  ])('agrees with the day-by-day definition from %s plus %i business days', (from, n) => {
    expect(cal.addBusinessDays(from, n)).toBe(naiveAddBusinessDays(from, n));
    expect(cal.businessDaysBetween(from, cal.addBusinessDays(from, n))).toBe(n);
  });
});

describe('benchClock', () => {
  it('reports a pure operation: no service calls, no simulated time', () => {
    expect(benchClock(1_000)).toMatchObject({
      name: 'clock',
      size: 1_000,
      calls: 0,
      simulatedMs: 0,
    });
  });
});
