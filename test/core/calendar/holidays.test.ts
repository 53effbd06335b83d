import { dayOfWeek } from '../../../src/core/calendar/calendar-date';
import { colombianHolidays, easterSunday } from '../../../src/core/calendar/holidays';
import { HOLIDAYS_2025, HOLIDAYS_2026, HOLIDAYS_2027 } from './fixtures/holidays-2025-2027';

const datesOf = (year: number): string[] => colombianHolidays(year).map((h) => h.date);
const nameOn = (date: string): string | undefined =>
  colombianHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name;

describe('easterSunday (Meeus/Jones/Butcher)', () => {
  it.each([
    [1984, '1984-04-22'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'], // early
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'], // latest possible date
    [2100, '2100-03-28'],
  ])('%i → %s (a Sunday)', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
    expect(dayOfWeek(expected)).toBe(0);
  });
});

describe('colombianHolidays, published calendars (reference §3.4)', () => {
  it.each([
    [2025, HOLIDAYS_2025],
    [2026, HOLIDAYS_2026],
    [2027, HOLIDAYS_2027],
  ])('%i matches the published list date by date', (year, expected) => {
    expect(datesOf(year)).toEqual(expected);
  });

  it('gives 2025 seventeen dates: Sagrado Corazón and San Pedro share Monday 30 June', () => {
    expect(colombianHolidays(2025)).toHaveLength(17);
    expect(nameOn('2025-06-30')).toContain('Sagrado Corazón');
    expect(nameOn('2025-06-30')).toContain('San Pedro y San Pablo');
  });
});

describe('9 July, Ley 2578 de 2026: moved to Monday, from 2026 only', () => {
  it.each([
    ['2026-07-13', 'Thu 9 → Mon 13'],
    ['2027-07-12', 'Fri 9 → Mon 12'],
    ['2029-07-09', 'already a Monday'],
  ])('%s is Chiquinquirá (%s)', (date) => {
    expect(nameOn(date)).toBe('Nuestra Señora del Rosario de Chiquinquirá');
  });

  it('is not a holiday before the law: nothing in July 2025 but the 20th', () => {
    expect(datesOf(2025).filter((d) => d.startsWith('2025-07'))).toEqual(['2025-07-20']);
    expect(datesOf(2025)).not.toContain('2025-07-14'); // Mon after Wed 9 July 2025
  });
});

describe('the rules of Ley 51 de 1983', () => {
  it.each([
    ['2025-07-20', 'Día de la Independencia'], // Sun: fixed, not moved
    ['2027-05-01', 'Día del Trabajo'], // Sat: fixed
    ['2027-12-25', 'Navidad'], // Sat: fixed
    ['2026-12-08', 'Inmaculada Concepción'], // Tue: fixed
    ['2026-04-02', 'Jueves Santo'], // Thu: Holy Week is never moved
    ['2026-04-03', 'Viernes Santo'],
  ])('%s stays where it falls (%s)', (date, name) => {
    expect(nameOn(date)).toBe(name);
  });

  it.each([
    ['2026-01-12', 'Día de los Reyes Magos'], // Tue 6 → Mon 12
    ['2026-11-02', 'Día de Todos los Santos'], // Sun 1 → Mon 2
    ['2027-07-05', 'San Pedro y San Pablo'], // Tue Jun 29 → Mon Jul 5 (crosses the month)
    ['2026-05-18', 'Ascensión del Señor'], // Thu May 14 (E+39) → Mon 18
    ['2026-06-08', 'Corpus Christi'], // Thu Jun 4 (E+60) → Mon 8
    ['2026-06-15', 'Sagrado Corazón de Jesús'], // Fri Jun 12 (E+68) → Mon 15
  ])('%s is the Monday of %s', (date, name) => {
    expect(nameOn(date)).toBe(name);
    expect(dayOfWeek(date)).toBe(1);
  });

  it('never gives a moved holiday on a day other than Monday, 1984–2100', () => {
    const fixedNames = new Set([
      'Año Nuevo',
      'Día del Trabajo',
      'Día de la Independencia',
      'Batalla de Boyacá',
      'Inmaculada Concepción',
      'Navidad',
      'Jueves Santo',
      'Viernes Santo',
    ]);
    for (let year = 1984; year <= 2100; year++) {
      const holidays = colombianHolidays(year);
      expect(holidays.length).toBeGreaterThanOrEqual(16);
      for (const h of holidays) {
        const allFixed = h.name.split(' / ').every((n) => fixedNames.has(n));
        if (!allFixed && dayOfWeek(h.date) !== 1) throw new Error(`${h.date} ${h.name}`);
        if (!h.date.startsWith(String(year))) throw new Error(`${h.date} outside ${year}`);
      }
    }
  });

  it('returns the dates sorted and without repeats', () => {
    for (const year of [1984, 2026, 2100]) {
      const dates = datesOf(year);
      expect(dates).toEqual([...new Set(dates)].sort());
    }
  });
});
