// Wall-clock arithmetic in a spreadsheet's time zone, and Sheets' date serial numbers. The zone
// arithmetic itself is utilities-zone's, shared with Utilities.formatDate and clock triggers.
import { resolveZoneOrGmt, wallClock as zonedWallClock, zonedTimeToMs } from './utilities-zone';

/** The calendar fields of an instant as seen in one time zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number; // 0 = Sunday
}

/** The wall clock of `ms` in `timeZone` (an IANA name such as America/Bogota). */
export function wallClock(ms: number, timeZone: string): WallClock {
  const w = zonedWallClock(ms, resolveZoneOrGmt(timeZone));
  // utilities-zone counts weekdays 1 = Monday ... 7 = Sunday; here 0 = Sunday.
  return {
    year: w.year,
    month: w.month,
    day: w.day,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    weekday: w.weekday % 7,
  };
}

/** The instant whose wall clock in `timeZone` reads the given fields. */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return zonedTimeToMs(resolveZoneOrGmt(timeZone), year, month, day, hour, minute, second);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Sheets stores dates as days since 30 Dec 1899 in the spreadsheet's time zone
 * (developers.google.com/sheets/api/guides/formats#about_date_time_values).
 */
export function toSerial(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + (ms % 1000);
  return (wall - SERIAL_EPOCH) / DAY_MS;
}

/** The inverse of `toSerial`. */
export function fromSerial(serial: number, timeZone: string): number {
  const wall = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return fromWallClock(
    timeZone,
    wall.getUTCFullYear(),
    wall.getUTCMonth() + 1,
    wall.getUTCDate(),
    wall.getUTCHours(),
    wall.getUTCMinutes(),
    wall.getUTCSeconds(),
  );
}
