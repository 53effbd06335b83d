import { parseInstant } from '../../../src/core/calendar/instant';

describe('parseInstant', () => {
  it.each([
    ['2026-07-20T20:30:00-05:00', Date.UTC(2026, 6, 21, 1, 30)],
    ['2026-07-21T01:30:00Z', Date.UTC(2026, 6, 21, 1, 30)],
    ['2026-07-21T01:30:00.250Z', Date.UTC(2026, 6, 21, 1, 30, 0, 250)],
    ['2026-07-21T01:30:00.25+00:00', Date.UTC(2026, 6, 21, 1, 30, 0, 250)],
    ['2026-07-20T21:30:00-0400', Date.UTC(2026, 6, 21, 1, 30)],
    // No zone: Bogotá local time, whatever the machine's zone is.
    ['2026-07-20T20:30:00', Date.UTC(2026, 6, 21, 1, 30)],
    ['2026-07-20T20:30', Date.UTC(2026, 6, 21, 1, 30)],
    ['2026-07-20 20:30:00', Date.UTC(2026, 6, 21, 1, 30)],
    // A bare date is Bogotá midnight, not UTC midnight (which is 19:00 of the day before).
    ['2026-07-20', Date.UTC(2026, 6, 20, 5, 0)],
    ['2026-07-20T24:00:00-05:00', Date.UTC(2026, 6, 21, 5, 0)],
  ])('%s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    '',
    'ayer',
    '2026-02-30T10:00:00Z',
    '2026-07-20T25:00:00Z',
    '2026-07-20T10:60:00Z',
    '2026-07-20T10:00:61Z',
    '2026-07-20T24:01:00Z',
    '2026-07-20T10:00:00+5',
    '2026-07-20T10:00:00 GMT',
    '2026-07-20X10:00',
    '20/07/2026 10:00',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});
