// Utilities.formatDate: Java SimpleDateFormat patterns
// (apps-script/reference/utilities/utilities#formatDate(Date,String,String) links to the Java
// SimpleDateFormat spec). Month and day names are English: the reference gives no locale parameter
// and Java formats with the server's default (English) locale, so this emulator always writes
// English names.
import { ScriptError } from '../kernel';
import {
  type WallClock,
  type Zone,
  addCivilDays,
  formatOffset,
  wallClock,
  zoneLongName,
  zoneShortName,
} from './utilities-zone';

/** English month names (Java's default symbols), shared with the spreadsheet display formatter. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

function text(full: string, count: number): string {
  // SimpleDateFormat "Text": four or more letters use the full form, otherwise the short form.
  return count >= 4 ? full : full.slice(0, 3);
}

function dayOfYear(w: WallClock): number {
  return (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
}

/** 0 = Sunday ... 6 = Saturday, for a civil date. */
function sundayIndex(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * Week numbers in Java's default (US) calendar: weeks start on Sunday and week 1 is the week that
 * contains January 1st, so the last days of December can belong to week 1 of the next year.
 */
function usWeek(w: WallClock): { week: number; weekYear: number } {
  const next = addCivilDays(w.year, w.month, w.day, 6 - sundayIndex(w.year, w.month, w.day));
  if (next.year > w.year) return { week: 1, weekYear: w.year + 1 };
  const jan1 = sundayIndex(w.year, 1, 1);
  return { week: Math.floor((dayOfYear(w) - 1 + jan1) / 7) + 1, weekYear: w.year };
}

function isoOffset(offset: number, count: number): string {
  if (offset === 0) return 'Z';
  if (count === 1) return formatOffset(offset, '').slice(0, 3);
  if (count === 2) return formatOffset(offset, '');
  if (count === 3) return formatOffset(offset, ':');
  throw new ScriptError('invalid ISO 8601 format: length=' + count);
}

function field(letter: string, count: number, w: WallClock, ms: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = w.year > 0 ? w.year : 1 - w.year;
      // SimpleDateFormat "Year": two letters truncate to two digits.
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'Y': {
      const year = usWeek(w).weekYear;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      // SimpleDateFormat "Month": three or more letters are text, fewer are numbers.
      if (count >= 3) return text(MONTHS[w.month - 1] ?? '', count);
      return pad(w.month, count);
    case 'w':
      return pad(usWeek(w).week, count);
    case 'W':
      return pad(Math.floor((w.day - 1 + sundayIndex(w.year, w.month, 1)) / 7) + 1, count);
    case 'D':
      return pad(dayOfYear(w), count);
    case 'd':
      return pad(w.day, count);
    case 'F':
      return pad(Math.floor((w.day - 1) / 7) + 1, count);
    case 'E':
      return text(DAYS[w.weekday - 1] ?? '', count);
    case 'u':
      return pad(w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      // SimpleDateFormat "S" is the millisecond number, zero-padded to the letter count.
      return pad(w.millisecond, count);
    case 'z':
      return count >= 4 ? zoneLongName(ms, zone) : zoneShortName(ms, zone);
    case 'Z':
      return formatOffset(w.offsetMinutes, '');
    case 'X':
      return isoOffset(w.offsetMinutes, count);
    default:
      // java.text.SimpleDateFormat rejects unknown letters with this IllegalArgumentException text.
      throw new ScriptError(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `ms` in `zone` with a SimpleDateFormat pattern. */
export function formatDatePattern(ms: number, zone: Zone, pattern: string): string {
  const w = wallClock(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      // SimpleDateFormat: text in single quotes is literal and '' is one quote.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let literal = '';
      for (;;) {
        if (j >= pattern.length) throw new ScriptError('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            literal += "'";
            j += 2;
            continue;
          }
          break;
        }
        literal += pattern[j];
        j += 1;
      }
      out += literal;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      out += field(ch, count, w, ms, zone);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
