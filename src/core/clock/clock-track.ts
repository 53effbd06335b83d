// The replay of a case's events, one at a time, over the state of its legal clock. Internal to
// case-clock.ts: an event the law does not allow is ignored and flagged, never fatal.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { type CalendarDate, compareDates, formatDateEs } from '../calendar/calendar-date';
import type { ErrorCode } from '../errors';
import { REQUEST_TYPE_LABELS, type RequestTypeCode, isRequestTypeCode } from '../request-types';
import type { EntitySettings } from '../settings';
import {
  INFO_ANSWER_MONTHS,
  INFO_REQUEST_TERM,
  TRANSFER_TERM,
  termDaysFor,
} from '../terms/legal-terms';
import { type TimedEvent, addFlag } from './clock-events';
import {
  type EffectiveReceipt,
  ON_A_BUSINESS_DAY,
  effectiveReceiptDate,
} from './effective-receipt';
import { type ExtensionContext, type ExtensionVerdict, judgeExtension } from './extension-check';
import { monthTermEnd } from './month-term';

export interface ClockTrack {
  readonly calendar: BusinessCalendar;
  readonly settings: Pick<
    EntitySettings,
    'officeHoursCutoff' | 'nonBusinessDayFiling' | 'extensionRule'
  >;
  readonly receipt: EffectiveReceipt;
  readonly transferDue: CalendarDate;
  readonly flags: ErrorCode[];
  readonly notes: string[];
  readonly suspensions: { from: CalendarDate; to: CalendarDate | null }[];
  readonly declaredType: RequestTypeCode;
  type: RequestTypeCode;
  termDays: number;
  termStart: CalendarDate;
  baseDue: CalendarDate;
  extension: {
    notifiedOn: CalendarDate;
    newDueDate: CalendarDate;
    reason: string;
    cap: CalendarDate;
  } | null;
  /** The extended due date while it applies (a new term after an art. 17 answer replaces it). */
  extendedDue: CalendarDate | null;
  extensionUsed: boolean;
  suspendedFrom: CalendarDate | null;
  infoRequestLate: boolean;
  /** Last day for the petitioner to complete the petition, while suspended. */
  infoLastDay: CalendarDate | null;
  infoDeadlineExtended: boolean;
  closedOn: CalendarDate | null;
  closedBy: 'answered' | 'voided' | 'transferred' | null;
  /** Where the counter stopped for good: the closing date, or the suspension it closed during. */
  stoppedOn: CalendarDate | null;
  /** Verdict on the extension checked by checkExtension, once the replay reaches it. */
  probeVerdict: ExtensionVerdict | null;
}

/** The clock before any event: the declared type's term from the effective receipt date. */
export function startTrack(
  input: {
    readonly type: RequestTypeCode;
    readonly settings: ClockTrack['settings'];
    readonly calendar: BusinessCalendar;
  },
  receipt: EffectiveReceipt,
): ClockTrack {
  const cal = input.calendar;
  const termDays = termDaysFor(input.type);
  return {
    calendar: cal,
    settings: input.settings,
    receipt,
    transferDue: cal.addBusinessDays(receipt.date, TRANSFER_TERM.days),
    flags: [],
    notes: [],
    suspensions: [],
    declaredType: input.type,
    type: input.type,
    termDays,
    termStart: receipt.date,
    baseDue: cal.addBusinessDays(receipt.date, termDays),
    extension: null,
    extendedDue: null,
    extensionUsed: false,
    suspendedFrom: null,
    infoRequestLate: false,
    infoLastDay: null,
    infoDeadlineExtended: false,
    closedOn: null,
    closedBy: null,
    stoppedOn: null,
    probeVerdict: null,
  };
}

/**
 * The first clause of the explanation: declared type, its term and the receipt rule.
 * Example: 'Queja: 15 días hábiles desde el 14/07/2026 (recibido en día hábil)'.
 */
export function openingNote(track: ClockTrack): string {
  const { receipt, declaredType } = track;
  return `${REQUEST_TYPE_LABELS[declaredType]}: ${termDaysFor(declaredType)} días hábiles desde el ${formatDateEs(receipt.date)} (${receipt.rule})`;
}

/** The due date in force: the term's own, or a later extended date that still applies. */
export function dueDateOf(track: ClockTrack): CalendarDate {
  const extended = track.extendedDue;
  return extended !== null && compareDates(extended, track.baseDue) > 0 ? extended : track.baseDue;
}

/** The clock as an extension is judged against it (CPACA art. 14, parágrafo). */
export function extensionContextOf(track: ClockTrack): ExtensionContext {
  return {
    state:
      track.closedOn !== null ? 'closed' : track.suspendedFrom !== null ? 'suspended' : 'running',
    extensionUsed: track.extensionUsed,
    termStart: track.termStart,
    termDays: track.termDays,
    baseDueDate: track.baseDue,
    dueDate: dueDateOf(track),
    rule: track.settings.extensionRule,
    calendar: track.calendar,
  };
}

function close(
  track: ClockTrack,
  on: CalendarDate,
  by: 'answered' | 'voided' | 'transferred',
): void {
  // Closing during an art. 17 suspension: the term was not running, so its margin is the one it
  // had when it stopped. The transfer term (art. 21) never stops, so it is measured at the transfer.
  track.stoppedOn = by === 'transferred' ? on : (track.suspendedFrom ?? on);
  if (track.suspendedFrom !== null) {
    track.suspensions.push({ from: track.suspendedFrom, to: on });
    track.suspendedFrom = null;
    track.infoLastDay = null;
  }
  track.closedOn = on;
  track.closedBy = by;
}

/** Why an extension already recorded was not applied, as the explanation says it. */
const REFUSAL_NOTES: Partial<Record<ErrorCode, string>> = {
  CLOCK_SUSPENDED: 'el término estaba suspendido',
  EXTENSION_ALREADY_USED: 'ya se había usado la única prórroga',
  EXTENSION_AFTER_DUE_DATE: 'se informó después del vencimiento',
  EXTENSION_REASON_REQUIRED: 'no indica los motivos',
  INVALID_DATE: 'la nueva fecha no es válida',
  EXTENSION_DATE_NOT_LATER: 'la nueva fecha no es posterior al vencimiento',
  EXTENSION_EXCEEDS_CAP: 'la nueva fecha supera el máximo legal',
};

/**
 * Applies one event to the clock, in place. An event the law does not allow at that point is
 * ignored and flagged (imported or hand-edited data must not stop a sweep).
 * Example: an 'answered' event after a 'voided' one only adds CLOCK_CLOSED to the flags.
 */
export function applyEvent(track: ClockTrack, timed: TimedEvent): void {
  const { event, on } = timed;
  const cal = track.calendar;
  if (timed.probe && event.kind === 'extended') {
    track.probeVerdict = judgeExtension(
      extensionContextOf(track),
      on,
      event.newDueDate,
      event.reason,
    );
    return;
  }
  if (track.closedOn !== null) {
    addFlag(track.flags, 'CLOCK_CLOSED');
    return;
  }
  const when = formatDateEs(on);
  switch (event.kind) {
    case 'reclassified': {
      if (!isRequestTypeCode(event.type)) {
        addFlag(track.flags, 'TYPE_UNKNOWN');
        return;
      }
      // The new type's term runs from the same start, as if it had been declared so (the entity,
      // not the petitioner, got the type wrong); a notified extension keeps its later date.
      track.type = event.type;
      track.termDays = termDaysFor(event.type);
      track.baseDue = cal.addBusinessDays(track.termStart, track.termDays);
      track.notes.push(
        `reclasificado el ${when} como ${REQUEST_TYPE_LABELS[event.type]}: ${track.termDays} días hábiles desde el ${formatDateEs(track.termStart)}`,
      );
      return;
    }
    case 'extended': {
      const verdict = judgeExtension(extensionContextOf(track), on, event.newDueDate, event.reason);
      if (verdict.code !== null || verdict.newDueDate === null) {
        addFlag(track.flags, verdict.code ?? 'INVALID_DATE');
        const why = REFUSAL_NOTES[verdict.code ?? 'INVALID_DATE'] ?? 'no válida';
        track.notes.push(`prórroga del ${when} no aplicada: ${why}`);
        return;
      }
      track.extensionUsed = true;
      track.extension = {
        notifiedOn: on,
        newDueDate: verdict.newDueDate,
        reason: event.reason.trim(),
        cap: verdict.cap,
      };
      track.extendedDue = verdict.newDueDate;
      track.notes.push(`prorrogado el ${when} hasta el ${formatDateEs(verdict.newDueDate)}`);
      return;
    }
    case 'info_requested': {
      if (track.suspendedFrom !== null) return; // the same request recorded twice
      // Art. 17: the request must go out within 10 business days of radicación; a late one still
      // stops the clock (refusing it would not undo it), but the entity is told.
      track.infoRequestLate = cal.businessDaysBetween(track.termStart, on) > INFO_REQUEST_TERM.days;
      if (track.infoRequestLate) addFlag(track.flags, 'INFO_REQUEST_LATE');
      track.suspendedFrom = on;
      track.infoLastDay = monthTermEnd(on, INFO_ANSWER_MONTHS, cal);
      track.infoDeadlineExtended = false;
      return;
    }
    case 'info_deadline_extended': {
      // One extension of equal length, asked before the month runs out (art. 17).
      if (
        track.suspendedFrom === null ||
        track.infoLastDay === null ||
        track.infoDeadlineExtended ||
        compareDates(on, track.infoLastDay) > 0
      ) {
        addFlag(track.flags, 'INFO_REQUEST_NOT_PENDING');
        return;
      }
      track.infoDeadlineExtended = true;
      track.infoLastDay = monthTermEnd(track.suspendedFrom, 2 * INFO_ANSWER_MONTHS, cal);
      return;
    }
    case 'info_received': {
      if (track.suspendedFrom === null || track.infoLastDay === null) {
        addFlag(track.flags, 'INFO_REQUEST_NOT_PENDING');
        return;
      }
      // The answer is a filing too: same cutoff and non-business-day rules; a full new term
      // starts the day after its effective date (art. 17).
      const answer = effectiveReceiptDate(timed.ms, track.settings, cal);
      const start = compareDates(answer.date, track.termStart) < 0 ? track.termStart : answer.date;
      const late = compareDates(on, track.infoLastDay) > 0;
      track.suspensions.push({ from: track.suspendedFrom, to: start });
      track.notes.push(
        `suspendido del ${formatDateEs(track.suspendedFrom)} al ${formatDateEs(start)}` +
          ` (requerimiento de información, art. 17 CPACA${track.infoRequestLate ? ', enviado fuera de los 10 días hábiles' : ''})` +
          `; nuevo término de ${track.termDays} días hábiles desde el ${formatDateEs(start)}` +
          (answer.rule === ON_A_BUSINESS_DAY ? '' : ` (respuesta ${answer.rule})`) +
          (late ? ', respuesta fuera del plazo de un mes' : ''),
      );
      track.suspendedFrom = null;
      track.infoLastDay = null;
      track.termStart = start;
      track.baseDue = cal.addBusinessDays(start, track.termDays);
      // The extension belonged to the earlier term; the new full term replaces its date.
      track.extendedDue = null;
      return;
    }
    case 'transferred': {
      const inTime = compareDates(on, track.transferDue) <= 0;
      close(track, on, 'transferred');
      track.notes.push(
        `trasladado por competencia el ${when} (art. 21 CPACA: ${TRANSFER_TERM.days} días hábiles, vencía el ${formatDateEs(track.transferDue)}${inTime ? '' : '; fuera de plazo'})`,
      );
      return;
    }
    case 'answered': {
      const due = dueDateOf(track);
      const timing =
        track.suspendedFrom !== null
          ? 'con el término suspendido'
          : compareDates(on, due) <= 0
            ? 'dentro del término'
            : 'fuera de término';
      close(track, on, 'answered');
      track.notes.push(`vencía el ${formatDateEs(due)}; respondido el ${when}, ${timing}`);
      return;
    }
    case 'voided': {
      close(track, on, 'voided');
      track.notes.push(`anulado el ${when}`);
      return;
    }
  }
}
