// Time-zone arithmetic shared by Utilities.formatDate and clock triggers. IANA zones go through
// Intl.DateTimeFormat; Java-style custom ids ("GMT-05:00", "GMT+2", "UTC") are parsed here.

/** Wall-clock reading of an instant in a zone. `weekday` is 1 = Monday ... 7 = Sunday. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: number;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

export type Zone =
  | { readonly kind: 'fixed'; readonly id: string; readonly offsetMinutes: number }
  | { readonly kind: 'iana'; readonly id: string; readonly format: Intl.DateTimeFormat };

const CUSTOM_ID = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const zones = new Map<string, Zone | null>();

/** The zone for an id, or null when neither Intl nor the Java custom-id syntax knows it. */
export function resolveZone(id: string): Zone | null {
  const cached = zones.get(id);
  if (cached !== undefined) return cached;
  let zone: Zone | null = null;
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const sign = custom[1] === '-' ? -1 : 1;
    const minutes = Number(custom[2] ?? 0) * 60 + Number(custom[3] ?? 0);
    zone = { kind: 'fixed', id, offsetMinutes: sign * minutes };
  } else {
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
        era: 'short',
      });
      zone = { kind: 'iana', id, format };
    } catch {
      zone = null;
    }
  }
  zones.set(id, zone);
  return zone;
}

/**
 * Java's TimeZone.getTimeZone falls back to GMT for ids it does not know, and Utilities.formatDate
 * is built on it (inference: the reference only says the zone is a Java time zone id).
 */
export function resolveZoneOrGmt(id: string): Zone {
  return resolveZone(id) ?? { kind: 'fixed', id: 'GMT', offsetMinutes: 0 };
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function utcFields(ms: number, offsetMinutes: number): WallClock {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: ((d.getUTCDay() + 6) % 7) + 1,
    offsetMinutes,
  };
}

export function wallClock(ms: number, zone: Zone): WallClock {
  if (zone.kind === 'fixed') return utcFields(ms, zone.offsetMinutes);
  const parts: Record<string, string> = {};
  for (const part of zone.format.formatToParts(new Date(ms))) parts[part.type] = part.value;
  const eraYear = Number(parts.year);
  const year = parts.era === 'BC' ? 1 - eraYear : eraYear;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const wholeSecond = ms - millisecond;
  const asUtc = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond,
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
    offsetMinutes: Math.round((asUtc - wholeSecond) / 60_000),
  };
}

export function offsetMinutesAt(ms: number, zone: Zone): number {
  return wallClock(ms, zone).offsetMinutes;
}

/** The instant at which the zone's wall clock reads the given civil time (month is 1-based). */
export function zonedTimeToMs(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - offsetMinutesAt(asUtc, zone) * 60_000;
  const second2 = asUtc - offsetMinutesAt(first, zone) * 60_000;
  return second2;
}

/** Civil date `days` after the given one (month is 1-based). */
export function addCivilDays(
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Java's short zone names; Intl has no "COT", so the zones this project uses are listed here. */
const JAVA_SHORT_NAMES: Record<string, string> = { 'America/Bogota': 'COT' };

/** Pattern letter `z`: a short name such as "EST", or Java's "GMT-05:00" form when there is none. */
export function zoneShortName(ms: number, zone: Zone): string {
  const offset = offsetMinutesAt(ms, zone);
  if (zone.kind === 'iana') {
    const known = JAVA_SHORT_NAMES[zone.id];
    if (known) return known;
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  if (offset === 0) return zone.id === 'UTC' ? 'UTC' : 'GMT';
  return `GMT${formatOffset(offset, ':')}`;
}

/** Pattern `zzzz`: the long zone name from Intl (e.g. "Colombia Standard Time"). */
export function zoneLongName(ms: number, zone: Zone): string {
  if (zone.kind === 'fixed') return zoneShortName(ms, zone);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: 'long' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? zoneShortName(ms, zone);
}

/** "+0530" / "-05:00" style offsets. */
export function formatOffset(offsetMinutes: number, separator: '' | ':'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${separator}${mm}`;
}
