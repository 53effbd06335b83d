import fc from 'fast-check';
import {
  type CalendarOverrides,
  createBusinessCalendar,
} from '../../../src/core/calendar/business-calendar';
import {
  addDays,
  dateOfDayNumber,
  dayNumberOf,
  dayOfWeek,
} from '../../../src/core/calendar/calendar-date';
import { colombianHolidays } from '../../../src/core/calendar/holidays';

const FIRST = dayNumberOf('1984-01-01');
const LAST = dayNumberOf('2100-12-31');
const anyDate = fc.integer({ min: FIRST, max: LAST }).map(dateOfDayNumber);
/** Dates around the years the desk actually handles, where closed days make a difference. */
const recentDate = fc
  .integer({ min: dayNumberOf('2024-01-01'), max: dayNumberOf('2028-12-31') })
  .map(dateOfDayNumber);
const overridesArb: fc.Arbitrary<CalendarOverrides> = fc.record({
  worksSaturdays: fc.boolean(),
  closedDays: fc.array(recentDate, { maxLength: 30 }),
  extraHolidays: fc.array(recentDate, { maxLength: 5 }),
  removedHolidays: fc.array(recentDate, { maxLength: 5 }),
});

/** The reference algorithm of §2.2, day by day: slow, obviously right, independent of the index. */
function naiveIsBusinessDay(o: CalendarOverrides, d: string): boolean {
  const weekday = dayOfWeek(d);
  if (weekday === 0 || (weekday === 6 && !o.worksSaturdays)) return false;
  if (o.closedDays.includes(d) || (o.extraHolidays ?? []).includes(d)) return false;
  const national = colombianHolidays(Number(d.slice(0, 4))).some((h) => h.date === d);
  return !national || (o.removedHolidays ?? []).includes(d);
}

function naiveAddBusinessDays(o: CalendarOverrides, d: string, n: number): string {
  let date = d;
  for (let k = 0; k < n;) {
    date = addDays(date, 1);
    if (naiveIsBusinessDay(o, date)) k++;
  }
  return date;
}

describe('business calendar properties', () => {
  it('agrees with the day-by-day algorithm of the reference', () => {
    fc.assert(
      fc.property(overridesArb, recentDate, fc.integer({ min: 0, max: 70 }), (o, d, n) => {
        const cal = createBusinessCalendar(o);
        expect(cal.isBusinessDay(d)).toBe(naiveIsBusinessDay(o, d));
        expect(cal.addBusinessDays(d, n)).toBe(naiveAddBusinessDays(o, d, n));
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessDays lands on a business day', () => {
    const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        fc.pre(n !== 0);
        expect(cal.isBusinessDay(cal.addBusinessDays(d, n))).toBe(true);
      }),
    );
  });

  it('businessDaysBetween inverts addBusinessDays', () => {
    fc.assert(
      fc.property(overridesArb, anyDate, fc.integer({ min: 0, max: 800 }), (o, d, n) => {
        const cal = createBusinessCalendar(o);
        expect(cal.businessDaysBetween(d, cal.addBusinessDays(d, n))).toBe(n);
      }),
    );
  });

  it('going back from a business day is inverted too', () => {
    const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 800 }), (d, m) => {
        const start = cal.isBusinessDay(d) ? d : cal.nextBusinessDay(d);
        expect(cal.businessDaysBetween(start, cal.addBusinessDays(start, -m))).toBe(-m);
      }),
    );
  });

  it('adding in two steps is adding once', () => {
    const cal = createBusinessCalendar({ worksSaturdays: true, closedDays: ['2026-12-24'] });
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (d, a, b) => {
          expect(cal.addBusinessDays(cal.addBusinessDays(d, a), b)).toBe(
            cal.addBusinessDays(d, a + b),
          );
        },
      ),
    );
  });

  it('businessDaysBetween is antisymmetric and additive', () => {
    const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(cal.businessDaysBetween(a, b) + cal.businessDaysBetween(b, a)).toBe(0);
        expect(cal.businessDaysBetween(a, c)).toBe(
          cal.businessDaysBetween(a, b) + cal.businessDaysBetween(b, c),
        );
      }),
    );
  });

  it('answers do not depend on what was asked before (remembered positions are only a shortcut)', () => {
    // One calendar answers a whole sequence, reusing the places of dates it was just asked about
    // or just answered; a fresh calendar per question has nothing to reuse.
    const question = fc.oneof(
      fc.tuple(fc.constant('is' as const), recentDate, fc.constant(0)),
      fc.tuple(fc.constant('add' as const), recentDate, fc.integer({ min: -40, max: 40 })),
      fc.tuple(fc.constant('addToLast' as const), recentDate, fc.integer({ min: -40, max: 40 })),
      fc.tuple(fc.constant('between' as const), recentDate, fc.constant(0)),
      fc.tuple(fc.constant('fromLast' as const), recentDate, fc.constant(0)),
      fc.tuple(fc.constant('fromToday' as const), recentDate, fc.constant(0)),
      fc.tuple(fc.constant('isLast' as const), recentDate, fc.constant(0)),
      fc.tuple(fc.constant('reason' as const), recentDate, fc.constant(0)),
    );
    fc.assert(
      fc.property(
        overridesArb,
        fc.array(question, { minLength: 1, maxLength: 40 }),
        (o, questions) => {
          const shared = createBusinessCalendar(o);
          let last = '2026-07-14';
          for (const [kind, d, n] of questions) {
            const ask = (cal: ReturnType<typeof createBusinessCalendar>): unknown => {
              if (kind === 'is') return cal.isBusinessDay(d);
              if (kind === 'add') return cal.addBusinessDays(d, n);
              if (kind === 'addToLast') return cal.addBusinessDays(last, n);
              if (kind === 'between') return cal.businessDaysBetween(last, d);
              if (kind === 'fromLast') return cal.businessDaysBetween(d, last);
              if (kind === 'fromToday') return cal.businessDaysBetween('2026-07-14', d);
              if (kind === 'isLast') return cal.isBusinessDay(last);
              return cal.nonBusinessReason(d);
            };
            const answer = ask(shared);
            expect(answer).toEqual(ask(createBusinessCalendar(o)));
            if (typeof answer === 'string' && answer.length === 10) last = answer;
            else if (kind !== 'reason' && kind !== 'fromToday' && kind !== 'isLast') last = d;
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a closed day never makes a result earlier', () => {
    fc.assert(
      fc.property(
        overridesArb,
        recentDate,
        recentDate,
        fc.integer({ min: 0, max: 60 }),
        (o, d, closed, n) => {
          const before = createBusinessCalendar(o).addBusinessDays(d, n);
          const after = createBusinessCalendar({
            ...o,
            closedDays: [...o.closedDays, closed],
          }).addBusinessDays(d, n);
          expect(after >= before).toBe(true);
        },
      ),
    );
  });
});
