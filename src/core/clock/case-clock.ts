// The legal clock of a case: a pure function of its type, receipt instant, events and calendar.
// Nothing is stored but the events, so a due date can always be recomputed and explained.
import type { BusinessCalendar } from '../calendar/business-calendar';
import {
  type CalendarDate,
  addDays,
  formatDateEs,
  parseCalendarDate,
} from '../calendar/calendar-date';
import { type ErrorCode, type Result, fail, ok } from '../errors';
import type { RequestTypeCode } from '../request-types';
import type { EntitySettings } from '../settings';
import { TRANSFER_TERM } from '../terms/legal-terms';
import { type CaseClockEvent, type ClockEvent, type TimedEvent, orderEvents } from './clock-events';
import { effectiveReceiptDate } from './effective-receipt';
import { type ExtensionVerdict, extensionCap } from './extension-check';
import {
  type ClockTrack,
  applyEvent,
  dueDateOf,
  extensionContextOf,
  openingNote,
  startTrack,
} from './clock-track';

export type { CaseClockEvent, ClockEvent } from './clock-events';

// Read once: under tsx and jest these modules run as CommonJS, where each use of an imported
// binding goes through two getters, and a sweep computes the clock of every case.
const readDate = parseCalendarDate;
const daysAfter = addDays;
const formatEs = formatDateEs;
const TRANSFER = TRANSFER_TERM;
const receiptOf = effectiveReceiptDate;
const trackFrom = startTrack;
const ordered = orderEvents;
const apply = applyEvent;
const openingOf = openingNote;
const dueOf = dueDateOf;

export type ClockSettings = Pick<
  EntitySettings,
  'officeHoursCutoff' | 'nonBusinessDayFiling' | 'extensionRule'
>;

export type ClockState = 'running' | 'suspended' | 'closed';

export interface CaseClockInput {
  /** The type declared at filing; reclassifications come as events. */
  readonly type: RequestTypeCode;
  /** Receipt instant, ms since the epoch. */
  readonly receivedAt: number;
  readonly events: readonly CaseClockEvent[];
  readonly today: CalendarDate;
  readonly settings: ClockSettings;
  readonly calendar: BusinessCalendar;
}

export interface ClockSuspension {
  readonly from: CalendarDate;
  /** Effective date of the answer (or the closing date); null while still suspended. */
  readonly to: CalendarDate | null;
}

export interface ClockExtension {
  readonly notifiedOn: CalendarDate;
  readonly newDueDate: CalendarDate;
  readonly reason: string;
  readonly cap: CalendarDate;
}

export interface CaseClock {
  readonly effectiveReceiptDate: CalendarDate;
  readonly termDays: number;
  readonly dueDate: CalendarDate;
  /**
   * Business days from `today` to the due date: 0 on the due date, negative when overdue. Frozen
   * when the clock stops: counted from the suspension date while suspended, and from the closing
   * date once closed (so a closed case shows its margin: ≥ 0 answered in time); a case closed
   * while suspended keeps the margin it had when the suspension began.
   */
  readonly businessDaysLeft: number;
  readonly state: ClockState;
  /** One line of Spanish an auditor can follow. */
  readonly explanation: string;
  /** Problems found in the events (ignored or late ones); never a reason to fail. */
  readonly flags: readonly ErrorCode[];
  /** While suspended: the first day the petition may be declared withdrawn (CPACA art. 17). */
  readonly desistimientoFrom: CalendarDate | null;
  /** The type in force (the declared one, or the last reclassification). */
  readonly type: RequestTypeCode;
  /** The date the current term counts from: effective receipt, or the effective answer date. */
  readonly termStart: CalendarDate;
  /** Latest date to forward the case to the competent authority (CPACA art. 21). */
  readonly transferDueDate: CalendarDate;
  readonly extension: ClockExtension | null;
  readonly suspensions: readonly ClockSuspension[];
  readonly closedOn: CalendarDate | null;
  readonly closedBy: 'answered' | 'voided' | 'transferred' | 'desisted' | null;
}

function replay(input: CaseClockInput, probe?: ClockEvent): ClockTrack {
  const receipt = receiptOf(input.receivedAt, input.settings, input.calendar);
  const track = trackFrom(input, receipt);
  if (probe === undefined && input.events.length === 0) return track; // most cases
  const timed = ordered(input.events, receipt.receivedOn, track.flags, probe);
  for (let i = 0; i < timed.length; i++) apply(track, timed[i] as TimedEvent);
  return track;
}

/**
 * Computes the clock of a case: effective receipt date (cutoff and non-business-day rule), the
 * term of its type in business days from the day after it (CPACA art. 14), then its events in
 * time order — reclassification (new term from the same start), extension (art. 14 parágrafo:
 * once, before the due date, with reasons, up to the cap; an unlawful one is ignored and flagged),
 * request for information (art. 17: the clock stops; the answer starts a full new term; one
 * calendar month, extendable once, before desistimiento tácito), transfer (art. 21: 5 business
 * days, then closed), answer and voiding (closed).
 * Example: a queja received Tue 2026-07-14 10:00, no events, today 2026-07-31 → due Wed
 * 2026-08-05 (Mon Jul 20 is a holiday), businessDaysLeft 3, state 'running', explanation
 * 'Queja: 15 días hábiles desde el 14/07/2026 (recibido en día hábil); vence el 05/08/2026'.
 */
export function computeCaseClock(input: CaseClockInput): CaseClock {
  const today = readDate(input.today);
  if (today === null) throw new RangeError(`Fecha de hoy inválida: "${input.today}"`);
  const track = replay(input);
  const cal = input.calendar;
  let explanation = openingOf(track) + track.notes;
  let dueDate = dueOf(track);
  let state: ClockState = 'running';
  let businessDaysLeft: number;
  let desistimientoFrom: CalendarDate | null = null;
  const suspensions = track.suspensions;
  if (track.closedOn !== null) {
    state = 'closed';
    if (track.closedBy === 'transferred') dueDate = track.transferDue;
    businessDaysLeft = cal.businessDaysBetween(track.stoppedOn ?? track.closedOn, dueDate);
  } else if (track.suspendedFrom !== null && track.infoLastDay !== null) {
    state = 'suspended';
    businessDaysLeft = cal.businessDaysBetween(track.suspendedFrom, dueDate);
    desistimientoFrom = daysAfter(track.infoLastDay, 1);
    suspensions.push({ from: track.suspendedFrom, to: null });
    explanation +=
      `; suspendido desde el ${formatEs(track.suspendedFrom)} por requerimiento de información` +
      ` (art. 17 CPACA${track.infoRequestLate ? ', enviado fuera de los 10 días hábiles' : ''})` +
      (track.infoDeadlineExtended ? '; plazo para completar prorrogado un mes' : '') +
      `; desistimiento tácito desde el ${formatEs(desistimientoFrom)}`;
  } else {
    businessDaysLeft = cal.businessDaysBetween(today, dueDate);
    explanation += '; vence el ' + formatEs(dueDate);
  }
  return {
    effectiveReceiptDate: track.receipt.date,
    termDays: track.closedBy === 'transferred' ? TRANSFER.days : track.termDays,
    dueDate,
    businessDaysLeft,
    state,
    explanation,
    flags: track.flags,
    desistimientoFrom,
    type: track.type,
    termStart: track.termStart,
    transferDueDate: track.transferDue,
    extension: track.extension,
    suspensions,
    closedOn: track.closedOn,
    closedBy: track.closedBy,
  };
}

/**
 * Judges an extension before it is recorded, against the clock as it stands at the request's
 * instant (CPACA art. 14, parágrafo): refused with CLOCK_CLOSED, CLOCK_SUSPENDED,
 * EXTENSION_ALREADY_USED, EXTENSION_AFTER_DUE_DATE, EXTENSION_REASON_REQUIRED, INVALID_DATE,
 * EXTENSION_DATE_NOT_LATER or EXTENSION_EXCEEDS_CAP; failures carry `cap` and `dueDate` as
 * DD/MM/YYYY in details. Never clamps the date to the cap.
 * Example: a 15-day petición due Wed 2026-08-05 (from Tue 2026-07-14), rule 'total', asked on
 * 2026-07-30 for 2026-08-31 → fail('EXTENSION_EXCEEDS_CAP', { cap: '28/08/2026', ... }).
 */
export function checkExtension(
  input: CaseClockInput,
  request: { at: string; newDueDate: CalendarDate; reason: string },
): Result<{ cap: CalendarDate }> {
  const probe: ClockEvent = { kind: 'extended', ...request };
  const track = replay(input, probe);
  const verdict: ExtensionVerdict | null = track.probeVerdict;
  const dueDate = dueDateOf(track);
  const cap = verdict?.cap ?? extensionCap(extensionContextOf(track));
  const details = { cap: formatDateEs(cap), dueDate: formatDateEs(dueDate) };
  if (verdict === null) return fail('INVALID_DATE', details);
  if (verdict.code !== null) return fail(verdict.code, details);
  return ok({ cap });
}
