// Reading instants written as ISO 8601 text (event times in sheets and JSON) without Date.parse,
// whose handling of zone-less text depends on the machine's time zone.
import { BOGOTA_UTC_OFFSET_MS, dayNumberOf, parseCalendarDate } from './calendar-date';

function digitsAt(s: string, start: number, count: number): number {
  if (start + count > s.length) return -1;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Offset of a zone designator ('Z', '+HH:MM', '-HHMM') in ms, or null when it is not one. */
function zoneOffsetMs(zone: string): number | null {
  if (zone === 'Z') return 0;
  const sign = zone.charAt(0) === '-' ? -1 : zone.charAt(0) === '+' ? 1 : 0;
  let minutesAt = 0;
  if (zone.length === 6 && zone.charAt(3) === ':') minutesAt = 4;
  else if (zone.length === 5) minutesAt = 3;
  if (sign === 0 || minutesAt === 0) return null;
  const hours = digitsAt(zone, 1, 2);
  const minutes = digitsAt(zone, minutesAt, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}

/**
 * Milliseconds since the epoch of an ISO 8601 instant ('YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]'),
 * or null when the text is not one. Text without a zone is read as Bogotá local time (the desk's
 * time), and a bare date as Bogotá midnight, so '2026-07-20' never becomes the evening of the 19th.
 * Example: parseInstant('2026-07-20T20:30:00-05:00') === parseInstant('2026-07-21T01:30:00Z').
 */
export function parseInstant(text: string): number | null {
  const s = text.trim();
  const date = s.length >= 10 ? parseCalendarDate(s.slice(0, 10)) : null;
  if (date === null) return null;
  let msOfDay = 0;
  let offsetMs = BOGOTA_UTC_OFFSET_MS;
  if (s.length > 10) {
    const separator = s.charAt(10);
    const hours = digitsAt(s, 11, 2);
    const minutes = digitsAt(s, 14, 2);
    if ((separator !== 'T' && separator !== ' ') || s.charAt(13) !== ':') return null;
    if (hours < 0 || minutes < 0 || minutes > 59) return null;
    let i = 16;
    let seconds = 0;
    let millis = 0;
    if (s.charAt(i) === ':') {
      seconds = digitsAt(s, i + 1, 2);
      if (seconds < 0 || seconds > 59) return null;
      i += 3;
      if (s.charAt(i) === '.') {
        let j = i + 1;
        while (j < s.length && j - i <= 9 && digitsAt(s, j, 1) >= 0) j++;
        if (j === i + 1) return null;
        millis = Math.floor(Number('0' + s.slice(i, j)) * 1000);
        i = j;
      }
    }
    if (hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0 || millis > 0))) return null;
    if (i < s.length) {
      const zone = zoneOffsetMs(s.slice(i));
      if (zone === null) return null;
      offsetMs = zone;
    }
    msOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  }
  return dayNumberOf(date) * 86_400_000 + msOfDay - offsetMs;
}
