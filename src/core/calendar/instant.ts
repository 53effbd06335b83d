// Reading instants written as ISO 8601 text (event times in sheets and JSON) without Date.parse,
// whose handling of zone-less text depends on the machine's time zone.
import { BOGOTA_UTC_OFFSET_MS, dayNumberAtStart } from './calendar-date';

// Read once: under tsx and jest this module runs as CommonJS, where each use of an imported
// binding goes through two getters, and a sweep reads an instant per event of every case.
const BOGOTA_OFFSET_MS = BOGOTA_UTC_OFFSET_MS;
const leadingDayNumber = dayNumberAtStart;

const COLON = 58;

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

/**
 * Offset in ms of the zone designator ('Z', '+HH:MM', '-HHMM') that ends s from index `at`, or
 * null when it is not one. Read in place: an instant is parsed per event of every case.
 */
function zoneOffsetMsAt(s: string, at: number): number | null {
  const length = s.length - at;
  const first = s.charCodeAt(at);
  if (length === 1 && first === 90 /* Z */) return 0;
  const sign = first === 45 /* - */ ? -1 : first === 43 /* + */ ? 1 : 0;
  let minutesAt = 0;
  if (length === 6 && s.charCodeAt(at + 3) === COLON) minutesAt = 4;
  else if (length === 5) minutesAt = 3;
  if (sign === 0 || minutesAt === 0) return null;
  const hours = digitsAt(s, at + 1, 2);
  const minutes = digitsAt(s, at + minutesAt, 2);
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
  const dayNumber = leadingDayNumber(s);
  if (dayNumber !== dayNumber) return null; // NaN: no date
  let msOfDay = 0;
  let offsetMs = BOGOTA_OFFSET_MS;
  if (s.length > 10) {
    const separator = s.charCodeAt(10);
    const hours = digitsAt(s, 11, 2);
    const minutes = digitsAt(s, 14, 2);
    if ((separator !== 84 /* T */ && separator !== 32) || s.charCodeAt(13) !== COLON) return null;
    if (hours < 0 || minutes < 0 || minutes > 59) return null;
    let i = 16;
    let seconds = 0;
    let millis = 0;
    if (s.charCodeAt(i) === COLON) {
      seconds = digitsAt(s, i + 1, 2);
      if (seconds < 0 || seconds > 59) return null;
      i += 3;
      if (s.charCodeAt(i) === 46 /* . */) {
        let j = i + 1;
        while (j < s.length && j - i <= 9 && digitsAt(s, j, 1) >= 0) j++;
        if (j === i + 1) return null;
        millis = Math.floor(Number('0' + s.slice(i, j)) * 1000);
        i = j;
      }
    }
    if (hours > 24 || (hours === 24 && (minutes > 0 || seconds > 0 || millis > 0))) return null;
    if (i < s.length) {
      const zone = zoneOffsetMsAt(s, i);
      if (zone === null) return null;
      offsetMs = zone;
    }
    msOfDay = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  }
  return dayNumber * 86_400_000 + msOfDay - offsetMs;
}
