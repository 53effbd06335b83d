import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import { benchClock } from '../../../tools/bench/clock-bench';

// Loose guards against a return of day-by-day loops; the real figure comes from `benchClock`.
describe('speed of the legal clock', () => {
  it('adds and counts business days across a century without walking day by day', () => {
    const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
    const start = Date.now();
    for (let i = 0; i < 20_000; i++) {
      const far = cal.addBusinessDays('1984-01-02', 28_000 + (i % 100));
      cal.businessDaysBetween('1984-01-02', far);
    }
    expect(Date.now() - start).toBeLessThan(2_000);
  });

  it('computes 100,000 clocks in a few seconds even on a loaded machine', () => {
    const result = benchClock(100_000);
    expect(result).toMatchObject({ name: 'clock', size: 100_000, calls: 0, simulatedMs: 0 });
    expect(result.wallMs).toBeLessThan(5_000);
  });
});
