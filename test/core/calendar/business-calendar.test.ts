import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import { HOLIDAYS_2026 } from './fixtures/holidays-2025-2027';

const weekdaysOnly = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
const withSaturdays = createBusinessCalendar({ worksSaturdays: true, closedDays: [] });
/** An alcaldía that closes 24–31 December 2026 by decree (these are not national holidays). */
const closedAtYearEnd = createBusinessCalendar({
  worksSaturdays: false,
  closedDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-07-14', true], // Tue
    ['2026-07-18', false], // Sat
    ['2026-07-19', false], // Sun
    ['2026-07-13', false], // Mon, Chiquinquirá
    ['2025-07-14', true], // Mon: 9 July was not a holiday in 2025
    ['2026-04-02', false], // Thu, Jueves Santo
    ['2026-04-03', false], // Fri, Viernes Santo
    ['2026-04-01', true], // Wed of Holy Week is a working day
    ['2026-12-24', true], // Thu: 24 December is not a legal holiday
    ['2026-12-31', true], // Thu
  ])('weekdays only: %s → %s', (date, expected) => {
    expect(weekdaysOnly.isBusinessDay(date)).toBe(expected);
  });

  it('excludes every national holiday of 2026', () => {
    for (const date of HOLIDAYS_2026) expect(weekdaysOnly.isBusinessDay(date)).toBe(false);
  });

  it.each([
    ['2026-07-18', true], // Sat
    ['2026-08-15', true], // Sat: the Asunción moved to Mon 17
    ['2027-05-01', false], // Sat, Día del Trabajo (fixed)
    ['2026-07-19', false], // Sun is never a business day
  ])('entity that works Saturdays: %s → %s', (date, expected) => {
    expect(withSaturdays.isBusinessDay(date)).toBe(expected);
  });

  it('excludes the entity closed days', () => {
    expect(closedAtYearEnd.isBusinessDay('2026-12-24')).toBe(false);
    expect(closedAtYearEnd.isBusinessDay('2026-12-23')).toBe(true); // Wed
    expect(closedAtYearEnd.isBusinessDay('2027-01-04')).toBe(true); // Mon
  });
});

describe('addBusinessDays: the n-th business day strictly after the date', () => {
  it.each([
    ['2026-07-24', 1, '2026-07-27'], // Fri → Mon
    ['2026-07-25', 1, '2026-07-27'], // from a Saturday
    ['2026-07-10', 1, '2026-07-14'], // Fri → Sat, Sun, Mon 13 holiday → Tue 14
    ['2026-04-01', 1, '2026-04-06'], // Wed of Holy Week → Thu, Fri holidays → Mon 6
    ['2026-03-31', 3, '2026-04-07'], // Tue → Wed 1, Mon 6, Tue 7
    ['2025-04-16', 1, '2025-04-21'], // Holy Week 2025
    ['2026-07-14', 15, '2026-08-05'], // Jul 20 holiday inside the term
    ['2026-12-23', 3, '2026-12-29'], // Thu 24, (Fri 25), Mon 28, Tue 29
    ['2024-12-25', 5, '2025-01-02'], // Thu 26, Fri 27, Mon 30, Tue 31, (Wed 1), Thu 2
    ['2024-12-26', 5, '2025-01-03'], // Fri 27, Mon 30, Tue 31, Thu 2, Fri 3
    ['2026-07-14', 0, '2026-07-14'],
    ['2026-07-12', 0, '2026-07-12'], // n = 0 leaves even a Sunday as it is
  ])('weekdays only: %s + %i = %s', (date, n, expected) => {
    expect(weekdaysOnly.addBusinessDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-07-14', -1, '2026-07-10'], // Tue → (Mon 13 holiday, Sun, Sat) → Fri 10
    ['2026-07-12', -1, '2026-07-10'], // from a Sunday
    ['2027-01-04', -1, '2026-12-31'], // Mon → (Sun, Sat, Fri 1 Jan) → Thu 31 Dec
    ['2026-08-05', -15, '2026-07-14'],
  ])('weekdays only, backwards: %s + (%i) = %s', (date, n, expected) => {
    expect(weekdaysOnly.addBusinessDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-12-23', 1, '2027-01-04'], // Wed → closed 24, 28–31; holidays 25 and 1 Jan → Mon 4
    ['2026-12-23', 3, '2027-01-06'], // Mon 4, Tue 5, Wed 6
    ['2026-12-24', 1, '2027-01-04'], // from a closed day
  ])('closed 24–31 December: %s + %i = %s', (date, n, expected) => {
    expect(closedAtYearEnd.addBusinessDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-07-10', 1, '2026-07-11'], // Fri → Sat
    ['2026-08-14', 1, '2026-08-15'], // Fri → Sat 15 (Asunción is observed Mon 17)
    ['2026-08-14', 2, '2026-08-18'], // Sat 15, (Sun, Mon 17 holiday), Tue 18
    ['2027-04-30', 1, '2027-05-03'], // Fri → (Sat 1 May holiday, Sun) → Mon 3
  ])('works Saturdays: %s + %i = %s', (date, n, expected) => {
    expect(withSaturdays.addBusinessDays(date, n)).toBe(expected);
  });

  it.each([
    ['1984-01-01', 1, '1984-01-02'], // Sun → Mon (Reyes moved from Fri 6 to Mon 9)
    ['2100-12-31', 1, '2101-01-03'], // Fri → (Sat 1 Jan holiday, Sun) → Mon 3
    ['2100-12-31', 4, '2101-01-06'], // Mon 3, Tue 4, Wed 5, Thu 6
  ])('edges of the supported range: %s + %i = %s', (date, n, expected) => {
    expect(weekdaysOnly.addBusinessDays(date, n)).toBe(expected);
  });

  it('refuses dates outside the calendar and fractional counts', () => {
    expect(() => weekdaysOnly.addBusinessDays('2300-01-01', 1)).toThrow(RangeError);
    expect(() => weekdaysOnly.addBusinessDays('2026-07-14', 1.5)).toThrow(RangeError);
    expect(() => weekdaysOnly.isBusinessDay('not a date')).toThrow(RangeError);
  });
});

describe('nextBusinessDay', () => {
  it.each([
    ['2024-12-25', '2024-12-26'], // Wed holiday → Thu
    ['2026-07-14', '2026-07-15'], // strictly after, even from a business day
    ['2026-07-11', '2026-07-14'], // Sat → (Sun, Mon holiday) → Tue
  ])('%s → %s', (date, expected) => {
    expect(weekdaysOnly.nextBusinessDay(date)).toBe(expected);
  });
});

describe('businessDaysBetween: signed count in (from, to]', () => {
  it.each([
    ['2026-07-14', '2026-07-14', 0],
    ['2026-07-14', '2026-08-05', 15],
    ['2026-08-05', '2026-07-14', -15],
    ['2026-07-11', '2026-07-14', 1], // (Sat, Tue]: only Tue 14
    ['2026-07-10', '2026-07-13', 0], // Sat, Sun, Mon 13 holiday
    ['2026-12-23', '2027-01-11', 10], // Dec 24, 28, 29, 30, 31, Jan 4–8; Mon 11 is Reyes
    // All of 2026 plus Fri 1 Jan 2027 (a holiday): 2026 has 261 weekdays (52 weeks and an extra
    // Thursday) and its 19 holidays all fall on weekdays, so 261 − 19 = 242.
    ['2025-12-31', '2027-01-01', 242],
  ])('weekdays only: (%s, %s] → %i', (from, to, expected) => {
    expect(weekdaysOnly.businessDaysBetween(from, to)).toBe(expected);
  });

  it('counts the year-end closure out', () => {
    expect(closedAtYearEnd.businessDaysBetween('2026-12-23', '2027-01-11')).toBe(5); // Jan 4–8
  });
});

describe('holiday names and reasons', () => {
  it('names national holidays in Spanish', () => {
    expect(weekdaysOnly.holidayName('2026-07-13')).toBe(
      'Nuestra Señora del Rosario de Chiquinquirá',
    );
    expect(weekdaysOnly.holidayName('2026-07-20')).toBe('Día de la Independencia');
    expect(weekdaysOnly.holidayName('2026-07-14')).toBeNull();
  });

  it('does not call an entity closure a holiday, but says why the day is closed', () => {
    expect(closedAtYearEnd.holidayName('2026-12-24')).toBeNull();
    expect(closedAtYearEnd.nonBusinessReason('2026-12-24')).toBe('Día de cierre de la entidad');
    expect(closedAtYearEnd.nonBusinessReason('2026-12-25')).toBe('festivo: Navidad');
    expect(closedAtYearEnd.nonBusinessReason('2026-07-18')).toBe('sábado');
    expect(closedAtYearEnd.nonBusinessReason('2026-07-19')).toBe('domingo');
    expect(closedAtYearEnd.nonBusinessReason('2026-07-14')).toBeNull();
  });
});

describe('overrides from the Días no hábiles sheet', () => {
  const overridden = createBusinessCalendar({
    worksSaturdays: false,
    closedDays: ['2026-02-30', 'mañana', '2026-12-24'],
    extraHolidays: ['2026-09-14'], // Mon: a holiday created by a law after the release
    removedHolidays: ['2026-07-13'], // as if Ley 2578 had been repealed
  });

  it('adds holidays', () => {
    expect(overridden.isBusinessDay('2026-09-14')).toBe(false);
    expect(overridden.holidayName('2026-09-14')).toBe('Festivo agregado por la entidad');
    expect(overridden.addBusinessDays('2026-09-11', 1)).toBe('2026-09-15'); // Fri → Tue
  });

  it('removes holidays', () => {
    expect(overridden.isBusinessDay('2026-07-13')).toBe(true);
    expect(overridden.holidayName('2026-07-13')).toBeNull();
    expect(overridden.addBusinessDays('2026-07-10', 1)).toBe('2026-07-13'); // Fri → Mon
  });

  it('ignores unreadable entries and reports them', () => {
    expect(overridden.invalidEntries).toEqual(['2026-02-30', 'mañana']);
    expect(overridden.isBusinessDay('2026-12-24')).toBe(false);
  });

  it('never turns a weekend into a business day by removing a holiday', () => {
    const cal = createBusinessCalendar({
      worksSaturdays: false,
      closedDays: [],
      removedHolidays: ['2025-07-20'], // Sun
    });
    expect(cal.isBusinessDay('2025-07-20')).toBe(false);
  });
});
