// The lawful extension (prórroga) of a term: CPACA art. 14, parágrafo (Ley 1755 de 2015). Refused,
// never clamped: an extension past the cap is not a shorter extension, it is an unlawful one.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type CalendarDate, compareDates, parseCalendarDate } from '../calendar/calendar-date';
import type { ErrorCode } from '../errors';
import type { ExtensionRule } from '../settings';

// Read once: under tsx and jest this module runs as CommonJS, where each use of an imported
// binding goes through two getters.
const compare = compareDates;
const readDate = parseCalendarDate;

/** What the extension is judged against: the clock as it stands when the extension is notified. */
export interface ExtensionContext {
  readonly state: 'running' | 'suspended' | 'closed';
  readonly extensionUsed: boolean;
  /** The date the current term counts from (effective receipt, or the answer to an art. 17 request). */
  readonly termStart: CalendarDate;
  readonly termDays: number;
  /** Due date of the current term without any extension. */
  readonly baseDueDate: CalendarDate;
  /** Due date in force (the base one, or a previous extension kept after a reclassification). */
  readonly dueDate: CalendarDate;
  readonly rule: ExtensionRule;
  readonly calendar: BusinessCalendar;
}

export interface ExtensionVerdict {
  /** Null when the extension is lawful. */
  readonly code: ErrorCode | null;
  readonly cap: CalendarDate;
  readonly newDueDate: CalendarDate | null;
}

/**
 * The latest date an extension may set: "no podrá exceder del doble del inicialmente previsto"
 * (CPACA art. 14, parágrafo). Two readings (reference §9, question 1): `total` (default) — the
 * whole term, counted from the term start, is at most twice the initial one, so
 * cap = addBusinessDays(termStart, 2 × term); `additional` — the extension itself may be twice the
 * initial term, counted after the original due date: cap = addBusinessDays(baseDue, 2 × term).
 * Example: 15 days from Tue 2026-07-14 → due Wed 2026-08-05 (Jul 20 is a holiday); cap `total` =
 * Fri 2026-08-28 (30 business days; Aug 7 and Aug 17 are holidays), cap `additional` = Fri
 * 2026-09-18 (30 business days after Aug 5).
 */
export function extensionCap(ctx: Omit<ExtensionContext, 'state' | 'extensionUsed'>): CalendarDate {
  return ctx.rule === 'additional'
    ? ctx.calendar.addBusinessDays(ctx.baseDueDate, 2 * ctx.termDays)
    : ctx.calendar.addBusinessDays(ctx.termStart, 2 * ctx.termDays);
}

/**
 * Judges an extension notified on `notifiedOn`: the clock must be running (not closed nor suspended
 * by an art. 17 request), only one extension per case, notified on or before the due date in force,
 * with reasons, and with a new date later than that due date and no later than the cap.
 * Example: notified on Thu 2026-08-06 when the due date was Wed 2026-08-05 →
 * { code: 'EXTENSION_AFTER_DUE_DATE' }.
 */
export function judgeExtension(
  ctx: ExtensionContext,
  notifiedOn: CalendarDate,
  newDueDate: string,
  reason: string,
): ExtensionVerdict {
  const cap = extensionCap(ctx);
  const parsed = typeof newDueDate === 'string' ? readDate(newDueDate) : null;
  return { code: refusalOf(ctx, notifiedOn, parsed, reason, cap), cap, newDueDate: parsed };
}

function refusalOf(
  ctx: ExtensionContext,
  notifiedOn: CalendarDate,
  newDueDate: CalendarDate | null,
  reason: string,
  cap: CalendarDate,
): ErrorCode | null {
  if (ctx.state === 'closed') return 'CLOCK_CLOSED';
  if (ctx.state === 'suspended') return 'CLOCK_SUSPENDED';
  if (ctx.extensionUsed) return 'EXTENSION_ALREADY_USED';
  if (compare(notifiedOn, ctx.dueDate) > 0) return 'EXTENSION_AFTER_DUE_DATE';
  if (typeof reason !== 'string' || reason.trim() === '') return 'EXTENSION_REASON_REQUIRED';
  if (newDueDate === null) return 'INVALID_DATE';
  if (compare(newDueDate, ctx.dueDate) <= 0) return 'EXTENSION_DATE_NOT_LATER';
  if (compare(newDueDate, cap) > 0) return 'EXTENSION_EXCEEDS_CAP';
  return null;
}
