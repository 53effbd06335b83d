import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import {
  type ReceiptSettings,
  effectiveReceiptDate,
  parseOfficeHoursCutoff,
} from '../../../src/core/clock/effective-receipt';

const cal = createBusinessCalendar({ worksSaturdays: false, closedDays: ['2026-12-24'] });
const readingA: ReceiptSettings = {
  officeHoursCutoff: null,
  nonBusinessDayFiling: 'next_business_day',
};
const readingB: ReceiptSettings = { officeHoursCutoff: null, nonBusinessDayFiling: 'actual_day' };
const at = (iso: string): number => Date.parse(iso);

describe('effectiveReceiptDate: local date, never the UTC date', () => {
  it.each([
    ['2026-07-14T10:00:00-05:00', '2026-07-14'], // Tue
    ['2026-07-21T20:30:00-05:00', '2026-07-21'], // Tue evening; UTC is already Wed 22
    ['2026-07-10T19:30:00-05:00', '2026-07-10'], // Fri evening; UTC is Sat 11 (→ Tue 14 if wrong)
    ['2026-07-11T00:30:00Z', '2026-07-10'], // the same Friday evening written in UTC
    ['2026-12-31T21:00:00-05:00', '2026-12-31'], // Thu, last day of the year; UTC is 2027
  ])('%s counts from %s', (iso, expected) => {
    const receipt = effectiveReceiptDate(at(iso), readingA, cal);
    expect(receipt.date).toBe(expected);
    expect(receipt.rule).toBe('recibido en día hábil');
  });
});

describe('filings on non-business days (reference §9 Q0)', () => {
  it.each([
    // [instant, reading A date, reading B date]
    ['2026-07-18T10:00:00-05:00', '2026-07-21', '2026-07-18'], // Sat → (Sun, Mon 20 holiday) → Tue 21
    ['2026-07-20T20:30:00-05:00', '2026-07-21', '2026-07-20'], // Mon 20 (holiday) evening
    ['2024-12-25T09:00:00-05:00', '2024-12-26', '2024-12-25'], // Wed, Navidad → Thu 26
    ['2026-04-02T11:00:00-05:00', '2026-04-06', '2026-04-02'], // Jueves Santo → Mon 6
    ['2026-12-24T09:00:00-05:00', '2026-12-28', '2026-12-24'], // entity closure, then Fri 25 and weekend
  ])('%s: next_business_day → %s, actual_day → %s', (iso, a, b) => {
    const receiptA = effectiveReceiptDate(at(iso), readingA, cal);
    const receiptB = effectiveReceiptDate(at(iso), readingB, cal);
    expect(receiptA.date).toBe(a);
    expect(receiptA.rule).toContain('se tiene por recibido el siguiente día hábil');
    expect(receiptA.rule).toContain('Exp. 27219');
    expect(receiptB.date).toBe(b);
    expect(receiptB.rule).toContain('cuenta desde el siguiente día hábil');
    expect(receiptA.receivedOn).toBe(b);
  });

  it('says why the day was not a business day', () => {
    const receipt = effectiveReceiptDate(at('2026-07-13T09:00:00-05:00'), readingA, cal);
    expect(receipt.rule).toContain('Nuestra Señora del Rosario de Chiquinquirá');
    expect(receipt.rule).toContain('13/07/2026');
  });
});

describe('office-hours cutoff (strictly after HH:MM moves to the next day)', () => {
  const cutoffA: ReceiptSettings = { ...readingA, officeHoursCutoff: '17:00' };
  const cutoffB: ReceiptSettings = { ...readingB, officeHoursCutoff: '17:00' };

  it.each([
    ['2026-07-14T16:59:59-05:00', '2026-07-14'], // Tue, before
    ['2026-07-14T17:00:00-05:00', '2026-07-14'], // exactly at the cutoff is not after it
    ['2026-07-14T17:00:01-05:00', '2026-07-15'], // Wed
    ['2026-07-14T23:30:00Z', '2026-07-15'], // 18:30 in Bogotá, written in UTC
    ['2026-07-14T23:59:00-05:00', '2026-07-15'],
    ['2026-07-15T00:10:00-05:00', '2026-07-15'], // after midnight: a new day, before its cutoff
  ])('%s → %s', (iso, expected) => {
    expect(effectiveReceiptDate(at(iso), cutoffA, cal).date).toBe(expected);
  });

  it('names the cutoff in the rule', () => {
    const receipt = effectiveReceiptDate(at('2026-07-14T18:05:00-05:00'), cutoffA, cal);
    expect(receipt.rule).toBe(
      'recibido el 14/07/2026 a las 18:05, después de la hora de corte (17:00): se tiene por recibido el día siguiente',
    );
  });

  it('after the cutoff on a Friday: Saturday, then the non-business-day rule', () => {
    // Fri 10 Jul 2026 at 18:00 → Sat 11; A: (Sun 12, Mon 13 holiday) → Tue 14; B: Sat 11.
    const a = effectiveReceiptDate(at('2026-07-10T18:00:00-05:00'), cutoffA, cal);
    const b = effectiveReceiptDate(at('2026-07-10T18:00:00-05:00'), cutoffB, cal);
    expect(a.date).toBe('2026-07-14');
    expect(b.date).toBe('2026-07-11');
    expect(a.rule).toContain('hora de corte');
    expect(b.rule).toContain('cuenta desde el siguiente día hábil');
  });

  it('ignores an unreadable cutoff (the earliest, conservative reading)', () => {
    const settings: ReceiptSettings = { ...readingA, officeHoursCutoff: '5pm' };
    expect(effectiveReceiptDate(at('2026-07-14T18:00:00-05:00'), settings, cal).date).toBe(
      '2026-07-14',
    );
  });
});

describe('parseOfficeHoursCutoff', () => {
  it.each([
    ['17:00', 1020],
    ['7:30', 450],
    [' 16:45 ', 1005],
    ['00:00', 0],
    ['23:59', 1439],
  ])('%j → %i', (text, minutes) => {
    expect(parseOfficeHoursCutoff(text)).toBe(minutes);
  });

  it.each(['24:00', '17:60', '5pm', '1700', ''])('%j → null', (text) => {
    expect(parseOfficeHoursCutoff(text)).toBeNull();
  });
});
