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

// Read once: under tsx and jest these modules run as CommonJS, where each use of an imported
// binding goes through two getters, and a sweep replays every case.
const compare = compareDates;
const formatEs = formatDateEs;
const TYPE_LABELS = REQUEST_TYPE_LABELS;
const isTypeCode = isRequestTypeCode;
const INFO_MONTHS = INFO_ANSWER_MONTHS;
const INFO_REQUEST = INFO_REQUEST_TERM;
const TRANSFER = TRANSFER_TERM;
const termOf = termDaysFor;
const flag = addFlag;
const BUSINESS_DAY_RULE = ON_A_BUSINESS_DAY;
const receiptOf = effectiveReceiptDate;
const judge = judgeExtension;
const monthEnd = monthTermEnd;

export interface ClockTrack {
  readonly calendar: BusinessCalendar;
  readonly settings: Pick<
    EntitySettings,
    'officeHoursCutoff' | 'nonBusinessDayFiling' | 'extensionRule'
  >;
  readonly receipt: EffectiveReceipt;
  readonly transferDue: CalendarDate;
  readonly flags: ErrorCode[];
  /** The explanation's clauses after the opening one, each preceded by '; '. */
  notes: string;
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
  closedBy: 'answered' | 'voided' | 'transferred' | 'desisted' | null;
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
  const termDays = termOf(input.type);
  return {
    calendar: cal,
    settings: input.settings,
    receipt,
    transferDue: cal.addBusinessDays(receipt.date, TRANSFER.days),
    flags: [],
    notes: '',
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

/** The start of each type's opening clause ('Queja: 15 días hábiles desde el '), written once. */
const OPENING_BY_TYPE: ReadonlyMap<string, string> = new Map(
  (Object.keys(TYPE_LABELS) as RequestTypeCode[]).map((code) => [
    code,
    `${TYPE_LABELS[code]}: ${termOf(code)} días hábiles desde el `,
  ]),
);
const ON_A_BUSINESS_DAY_CLAUSE = ` (${BUSINESS_DAY_RULE})`;

/**
 * The first clause of the explanation: declared type, its term and the receipt rule.
 * Example: 'Queja: 15 días hábiles desde el 14/07/2026 (recibido en día hábil)'.
 */
export function openingNote(track: ClockTrack): string {
  const { receipt, declaredType } = track;
  const opening =
    OPENING_BY_TYPE.get(declaredType) ??
    `${TYPE_LABELS[declaredType]}: ${termOf(declaredType)} días hábiles desde el `;
  const rule =
    receipt.rule === BUSINESS_DAY_RULE ? ON_A_BUSINESS_DAY_CLAUSE : ' (' + receipt.rule + ')';
  return opening + formatEs(receipt.date) + rule;
}

/** Adds a clause to the explanation. */
function addNote(track: ClockTrack, note: string): void {
  track.notes += '; ' + note;
}

/** The due date in force: the term's own, or a later extended date that still applies. */
export function dueDateOf(track: ClockTrack): CalendarDate {
  const extended = track.extendedDue;
  return extended !== null && compare(extended, track.baseDue) > 0 ? extended : track.baseDue;
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
  by: 'answered' | 'voided' | 'transferred' | 'desisted',
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

/** The event kinds that move the clock; any other kind in a case's events is a desk act. */
const CLOCK_KINDS: Readonly<Record<string, true>> = {
  reclassified: true,
  extended: true,
  info_requested: true,
  info_deadline_extended: true,
  info_received: true,
  transferred: true,
  answered: true,
  voided: true,
  desisted: true,
};

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
    track.probeVerdict = judge(extensionContextOf(track), on, event.newDueDate, event.reason);
    return;
  }
  // Assignments, notes and the archive do not move the clock (they may follow its closing).
  if (!CLOCK_KINDS[event.kind]) return;
  if (track.closedOn !== null) {
    flag(track.flags, 'CLOCK_CLOSED');
    return;
  }
  switch (event.kind) {
    case 'reclassified': {
      if (!isTypeCode(event.type)) {
        flag(track.flags, 'TYPE_UNKNOWN');
        return;
      }
      // The new type's term runs from the same start, as if it had been declared so (the entity,
      // not the petitioner, got the type wrong); a notified extension keeps its later date.
      track.type = event.type;
      track.termDays = termOf(event.type);
      track.baseDue = cal.addBusinessDays(track.termStart, track.termDays);
      addNote(
        track,
        `reclasificado el ${formatEs(on)} como ${TYPE_LABELS[event.type]}: ${track.termDays} días hábiles desde el ${formatEs(track.termStart)}`,
      );
      return;
    }
    case 'extended': {
      const verdict = judge(extensionContextOf(track), on, event.newDueDate, event.reason);
      if (verdict.code !== null || verdict.newDueDate === null) {
        flag(track.flags, verdict.code ?? 'INVALID_DATE');
        const why = REFUSAL_NOTES[verdict.code ?? 'INVALID_DATE'] ?? 'no válida';
        addNote(track, `prórroga del ${formatEs(on)} no aplicada: ${why}`);
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
      addNote(track, `prorrogado el ${formatEs(on)} hasta el ${formatEs(verdict.newDueDate)}`);
      return;
    }
    case 'info_requested': {
      if (track.suspendedFrom !== null) return; // the same request recorded twice
      // Art. 17: the request must go out within 10 business days of radicación; a late one still
      // stops the clock (refusing it would not undo it), but the entity is told.
      track.infoRequestLate = cal.businessDaysBetween(track.termStart, on) > INFO_REQUEST.days;
      if (track.infoRequestLate) flag(track.flags, 'INFO_REQUEST_LATE');
      track.suspendedFrom = on;
      track.infoLastDay = monthEnd(on, INFO_MONTHS, cal);
      track.infoDeadlineExtended = false;
      return;
    }
    case 'info_deadline_extended': {
      // One extension of equal length, asked before the month runs out (art. 17).
      if (
        track.suspendedFrom === null ||
        track.infoLastDay === null ||
        track.infoDeadlineExtended ||
        compare(on, track.infoLastDay) > 0
      ) {
        flag(track.flags, 'INFO_REQUEST_NOT_PENDING');
        return;
      }
      track.infoDeadlineExtended = true;
      track.infoLastDay = monthEnd(track.suspendedFrom, 2 * INFO_MONTHS, cal);
      return;
    }
    case 'info_received': {
      if (track.suspendedFrom === null || track.infoLastDay === null) {
        flag(track.flags, 'INFO_REQUEST_NOT_PENDING');
        return;
      }
      // The answer is a filing too: same cutoff and non-business-day rules; a full new term
      // starts the day after its effective date (art. 17).
      const answer = receiptOf(timed.ms, track.settings, cal);
      const start = compare(answer.date, track.termStart) < 0 ? track.termStart : answer.date;
      const late = compare(on, track.infoLastDay) > 0;
      track.suspensions.push({ from: track.suspendedFrom, to: start });
      addNote(
        track,
        `suspendido del ${formatEs(track.suspendedFrom)} al ${formatEs(start)}` +
          ` (requerimiento de información, art. 17 CPACA${track.infoRequestLate ? ', enviado fuera de los 10 días hábiles' : ''})` +
          `; nuevo término de ${track.termDays} días hábiles desde el ${formatEs(start)}` +
          (answer.rule === BUSINESS_DAY_RULE ? '' : ` (respuesta ${answer.rule})`) +
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
      const inTime = compare(on, track.transferDue) <= 0;
      close(track, on, 'transferred');
      addNote(
        track,
        `trasladado por competencia el ${formatEs(on)} (art. 21 CPACA: ${TRANSFER.days} días hábiles, vencía el ${formatEs(track.transferDue)}${inTime ? '' : '; fuera de plazo'})`,
      );
      return;
    }
    case 'answered': {
      const due = dueDateOf(track);
      const timing =
        track.suspendedFrom !== null
          ? 'con el término suspendido'
          : compare(on, due) <= 0
            ? 'dentro del término'
            : 'fuera de término';
      close(track, on, 'answered');
      addNote(track, `vencía el ${formatEs(due)}; respondido el ${formatEs(on)}, ${timing}`);
      return;
    }
    case 'voided': {
      close(track, on, 'voided');
      addNote(track, `anulado el ${formatEs(on)}`);
      return;
    }
    case 'desisted': {
      // Art. 17: only once the month to complete the petition (and its extension) has run out.
      if (
        track.suspendedFrom === null ||
        track.infoLastDay === null ||
        compare(on, track.infoLastDay) <= 0
      ) {
        flag(track.flags, 'DESIST_TOO_EARLY');
        return;
      }
      close(track, on, 'desisted');
      addNote(track, `desistimiento tácito declarado el ${formatEs(on)} (art. 17 CPACA)`);
      return;
    }
  }
}
