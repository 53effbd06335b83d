import {
  addDays,
  addMonths,
  bogotaDateOf,
  bogotaMinutesOf,
  compareDates,
  dateOfDayNumber,
  dayNumberAtStart,
  dayNumberOf,
  dayOfWeek,
  formatDateEs,
  parseCalendarDate,
} from '../../../src/core/calendar/calendar-date';

describe('parseCalendarDate', () => {
  it.each([
    ['2026-07-13', '2026-07-13'],
    ['  2026-07-13 ', '2026-07-13'],
    ['2026-07-13\n', '2026-07-13'],
    ['2028-02-29', '2028-02-29'], // 2028 is a leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400: leap
  ])('accepts %j', (text, expected) => {
    expect(parseCalendarDate(text)).toBe(expected);
  });

  it.each([
    '2026-02-29', // 2026 is not a leap year
    '2100-02-29', // divisible by 100, not by 400: not leap
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-7-13',
    '13/07/2026',
    '2026-07-13T10:00',
    '',
    'hoy',
  ])('rejects %j', (text) => {
    expect(parseCalendarDate(text)).toBeNull();
  });
  it.each([' 2026-07-1', '2026-07-1 ', '\t2026-07-1', '0000-01-01', '2026-07-1a'])(
    'rejects %j (ten characters, but not a date)',
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );

  it('rejects what a sheet cell may hold instead of text', () => {
    expect(parseCalendarDate(new Date(0) as unknown as string)).toBeNull();
    expect(parseCalendarDate(46217 as unknown as string)).toBeNull();
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-07-14', 20648],
  ])('%s is day %i since 1970-01-01', (date, dayNumber) => {
    expect(dayNumberOf(date)).toBe(dayNumber);
    expect(dateOfDayNumber(dayNumber)).toBe(date);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-7-14', '2026/07/14', 'x'])(
    'dayNumberOf refuses %j',
    (text) => {
      expect(() => dayNumberOf(text)).toThrow(RangeError);
    },
  );

  it('agrees with the platform UTC calendar on every day from 1984 to 2101', () => {
    const first = Date.UTC(1984, 0, 1) / 86_400_000;
    const last = Date.UTC(2101, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const expected = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDayNumber(n) !== expected) throw new Error(`day ${n}: ${dateOfDayNumber(n)}`);
      if (dayNumberOf(expected) !== n) throw new Error(`date ${expected}`);
    }
  });
});

describe('dayNumberAtStart', () => {
  it.each([
    ['1970-01-02T10:00Z', 1],
    ['2026-07-14', 20648],
    ['2026-07-14 anything after', 20648],
    ['0001-01-01', -719162],
  ])('reads the date %j begins with as day %i', (text, dayNumber) => {
    expect(dayNumberAtStart(text)).toBe(dayNumber);
  });

  it.each([
    '2026-02-30T10:00',
    '0000-01-01T00:00',
    '2026-7-14T10:00',
    ' 2026-07-14',
    '2026-07-1',
    '',
  ])('finds no date at the start of %j', (text) => {
    expect(dayNumberAtStart(text)).toBeNaN();
  });

  it('agrees with parseCalendarDate and dayNumberOf on every day from 1900 to 2200', () => {
    for (let n = dayNumberOf('1900-01-01'); n <= dayNumberOf('2200-12-31'); n++) {
      const date = dateOfDayNumber(n);
      if (dayNumberAtStart(date + 'T12:00') !== n) throw new Error(`day ${n}`);
      if (parseCalendarDate(date) !== date) throw new Error(`date ${date}`);
    }
  });
});

describe('bogotaDateOf and bogotaMinutesOf (UTC−5, no DST)', () => {
  it.each([
    // Evening in Bogotá is already the next day in UTC: the local date must win.
    ['2026-07-20T20:30:00-05:00', '2026-07-20', 20 * 60 + 30], // Mon; UTC says Tue 21
    ['2026-07-21T01:30:00Z', '2026-07-20', 20 * 60 + 30], // the same instant written in UTC
    ['2026-07-20T23:59:59-05:00', '2026-07-20', 23 * 60 + 59],
    ['2026-07-21T00:00:00-05:00', '2026-07-21', 0],
    ['2026-07-21T04:59:59Z', '2026-07-20', 23 * 60 + 59],
    ['2026-07-21T05:00:00Z', '2026-07-21', 0],
    ['2026-12-31T22:00:00-05:00', '2026-12-31', 22 * 60], // year boundary: UTC is 2027
    ['2027-01-01T03:00:00Z', '2026-12-31', 22 * 60],
    ['1969-12-31T23:00:00Z', '1969-12-31', 18 * 60], // before the epoch
  ])('%s is %s at minute %i in Bogotá', (iso, date, minutes) => {
    const ms = Date.parse(iso);
    expect(bogotaDateOf(ms)).toBe(date);
    expect(bogotaMinutesOf(ms)).toBe(minutes);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'], // leap day
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-07-14', 0, '2026-07-14'],
    ['2026-07-14', 365, '2027-07-14'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-07-20', 1, '2026-08-20'],
    ['2026-12-15', 1, '2027-01-15'], // across the year
    ['2027-01-31', 1, '2027-02-28'], // no 31 February: the month's last day
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-08-20', -1, '2026-07-20'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2026-07-12', 0], // Sunday
    ['2026-07-13', 1], // Monday
    ['2026-07-18', 6], // Saturday
    ['2024-12-25', 3], // Wednesday
    ['2000-01-01', 6], // Saturday
    ['1984-01-01', 0], // Sunday
  ])('dayOfWeek(%s) = %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('compares dates in calendar order', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareDates('2026-07-14', '2026-07-14')).toBe(0);
  });

  it('writes dates the Colombian way', () => {
    expect(formatDateEs('2026-07-14')).toBe('14/07/2026');
    expect(formatDateEs('2025-01-03')).toBe('03/01/2025');
  });
});
