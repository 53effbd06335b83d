// The script time zone: Apps Script runs a project's `Date` in the zone of its manifest
// (developers.google.com/apps-script/concepts/manifests: "timeZone"), whatever the machine's.
// The loader sets the zone while a project's code runs; SimDate (kernel.ts) reads local fields,
// parses local-time text and prints itself through these helpers instead of the host's TZ.

import {
  formatOffset,
  offsetMinutesAt,
  resolveZone,
  type Zone,
  zoneLongName,
} from './utilities-zone';

/** developers.google.com/apps-script/concepts/manifests: a new project's zone; this project's manifests use it. */
export const DEFAULT_SCRIPT_TIME_ZONE = 'America/Bogota';

let currentId = DEFAULT_SCRIPT_TIME_ZONE;
let current: Zone = requireZone(DEFAULT_SCRIPT_TIME_ZONE);

function requireZone(id: string): Zone {
  const zone = resolveZone(id);
  // An unknown manifest zone is a set-up mistake, not something a script could cause.
  if (!zone) throw new Error(`Simulator: unknown time zone "${id}"`);
  return zone;
}

/** The zone local-time Date methods use right now. */
export function scriptTimeZone(): string {
  return currentId;
}

/** Runs `fn` with local time in `timeZone` (one project's code), then restores the previous zone. */
export function withScriptTimeZone<T>(timeZone: string, fn: () => T): T {
  const [savedId, saved] = [currentId, current];
  current = requireZone(timeZone);
  currentId = timeZone;
  try {
    return fn();
  } finally {
    currentId = savedId;
    current = saved;
  }
}

let cache = { ms: NaN, zone: current, offset: 0 };

/** Minutes east of UTC of the script zone at instant `ms`. */
export function scriptOffsetMinutes(ms: number): number {
  if (cache.ms !== ms || cache.zone !== current) {
    cache = { ms, zone: current, offset: offsetMinutesAt(ms, current) };
  }
  return cache.offset;
}

/** The instant as a "UTC" Date whose UTC fields read the script zone's wall clock. */
export function wallDate(ms: number): Date {
  return new Date(ms + scriptOffsetMinutes(ms) * 60_000);
}

/**
 * The instant whose wall clock in the script zone reads `wallMs` (wall-clock fields encoded as
 * UTC). In a daylight-saving gap the time moves forward, as ECMAScript's UTC(t) does.
 */
export function instantOfWall(wallMs: number): number {
  if (!Number.isFinite(wallMs)) return NaN;
  const first = wallMs - scriptOffsetMinutes(wallMs) * 60_000;
  return wallMs - scriptOffsetMinutes(first) * 60_000;
}

const hostParse = Date.parse;
const DATE_ONLY_ISO = /^\s*[+-]?\d{4,6}(-\d{2}(-\d{2})?)?\s*$/;
const EXPLICIT_ZONE = /(Z|[+-]\d{2}:?\d{2}|\bGMT|\bUTC|\bUT|\b[ECMP][SD]T)\b(?!.*\d:\d)/i;

/**
 * Date.parse / new Date(text): ISO date-only text is UTC and text naming an offset or zone is
 * absolute (ECMAScript Date.parse); any other form is local time, read in the script zone.
 */
export function parseInScriptZone(text: string): number {
  const host = hostParse(text);
  if (Number.isNaN(host) || DATE_ONLY_ISO.test(text) || EXPLICIT_ZONE.test(text)) return host;
  // The host read the wall clock in its own zone; read the same wall clock in the script zone.
  const d = new Date(host);
  return instantOfWall(
    Date.UTC(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
      d.getMilliseconds(),
    ),
  );
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Date.prototype.toDateString in the script zone: "Mon Jul 20 2026". */
export function dateString(ms: number): string {
  const w = wallDate(ms);
  const y = w.getUTCFullYear();
  const year = y < 0 ? `-${pad(-y, 6)}` : pad(y, 4);
  return `${DAYS[w.getUTCDay()]} ${MONTHS[w.getUTCMonth()]} ${pad(w.getUTCDate())} ${year}`;
}

/** Date.prototype.toTimeString in the script zone: "20:30:00 GMT-0500 (Colombia Standard Time)". */
export function timeString(ms: number): string {
  const w = wallDate(ms);
  const clock = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  return `${clock} GMT${formatOffset(scriptOffsetMinutes(ms), '')} (${zoneLongName(ms, current)})`;
}

/** Intl options with the script zone as the default `timeZone`, as in Apps Script. */
export function withZoneOption(options: unknown): Intl.DateTimeFormatOptions {
  const given = (
    typeof options === 'object' && options !== null ? options : {}
  ) as Intl.DateTimeFormatOptions;
  if (given.timeZone !== undefined) return given;
  return { ...given, timeZone: current.kind === 'iana' ? currentId : fixedZoneName() };
}

function fixedZoneName(): string {
  // Intl takes offset zones as "+05:30"; a GMT/UTC custom id with no offset is plain UTC.
  const offset = current.kind === 'fixed' ? current.offsetMinutes : 0;
  return offset === 0 ? 'UTC' : formatOffset(offset, ':');
}

/**
 * The script's `Intl`: like the built-in, except that DateTimeFormat defaults to the script zone
 * (the host's default zone would otherwise leak into scripts).
 */
export function scriptIntl(): typeof Intl {
  const host = Intl.DateTimeFormat;
  const DateTimeFormat = function DateTimeFormat(locales?: unknown, options?: unknown) {
    return new host(locales as string, withZoneOption(options));
  } as unknown as typeof Intl.DateTimeFormat;
  Object.defineProperty(DateTimeFormat, 'prototype', { value: host.prototype });
  Object.defineProperty(DateTimeFormat, 'supportedLocalesOf', {
    value: host.supportedLocalesOf.bind(host),
  });
  const intl = Object.create(Object.getPrototypeOf(Intl)) as typeof Intl;
  for (const key of Reflect.ownKeys(Intl)) {
    Object.defineProperty(intl, key, Reflect.getOwnPropertyDescriptor(Intl, key)!);
  }
  Object.defineProperty(intl, 'DateTimeFormat', {
    value: DateTimeFormat,
    writable: true,
    configurable: true,
  });
  return intl;
}
