// A clerk's legal act on a case as a pure transition: (case, action) -> the new case, its Historial
// line and the notices it causes, or an error code that changes nothing. The use case persists it.
import { addDays, bogotaDateOf, formatDateEs, parseCalendarDate } from '../calendar/calendar-date';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { checkExtension, type CaseClock } from '../clock/case-clock';
import { fail, ok, type Result } from '../errors';
import { planActNotices, undeliveredNotice } from '../notifications/act-notices';
import type { OutboundMail } from '../notifications/mail';
import { isValidEmail } from '../intake/normalize-submission';
import { isRequestTypeCode, REQUEST_TYPE_LABELS } from '../request-types';
import { findStaff, type StaffMember } from '../routing/staff';
import type { EntitySettings } from '../settings';
import { stateRefusal } from './act-rules';
import { clockInputOf, clockOfCase } from './case-clock-input';
import {
  CASE_STATUS_LABELS,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
} from './case-record';

export type CaseAction =
  | { readonly kind: 'assign'; readonly to: string }
  | { readonly kind: 'reassign'; readonly to: string; readonly reason: string }
  | { readonly kind: 'reclassify'; readonly type: string }
  | { readonly kind: 'requestInfo'; readonly note?: string }
  | { readonly kind: 'extendInfoDeadline' }
  | { readonly kind: 'receiveInfo'; readonly note?: string }
  | { readonly kind: 'extend'; readonly newDueDate: string; readonly reason: string }
  | {
      readonly kind: 'transfer';
      readonly toEntity: string;
      readonly email?: string;
      readonly reason?: string;
    }
  | {
      readonly kind: 'answer';
      readonly summary: string;
      readonly accessDenied?: boolean;
      readonly legalBasis?: string;
    }
  | { readonly kind: 'desist' }
  | { readonly kind: 'void'; readonly reason: string }
  | { readonly kind: 'archive' }
  | { readonly kind: 'note'; readonly text: string };

export interface ActionContext {
  readonly nowIso: string;
  readonly by: string;
  readonly settings: EntitySettings;
  readonly calendar: BusinessCalendar;
  /** The staff directory: an assignment names one of them. */
  readonly staff: readonly StaffMember[];
  /** The citizen's follow-up link, for the notices ('' when there is none). */
  readonly followUpLink?: string;
}

export interface ActionOutcome {
  readonly record: CaseRecord;
  /** The Historial's event code and its Spanish details. */
  readonly event: string;
  readonly details: string;
  /** The act as the case's events keep it. */
  readonly caseEvent: CaseEvent;
  /** The mails the act causes (the citizen's notice, the forwarding letter, the new assignee's). */
  readonly notices: readonly OutboundMail[];
}

interface Step {
  readonly event: CaseEvent;
  readonly status: CaseStatus;
  readonly code: string;
  readonly details: (next: CaseRecord, clock: CaseClock) => string;
  readonly extra?: Partial<CaseRecord>;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function staffStep(
  record: CaseRecord,
  action: { kind: 'assign' | 'reassign'; to: string; reason?: string },
  ctx: ActionContext,
  open: CaseStatus,
): Result<Step> {
  const to = text(action.to);
  if (!to) return fail('INVALID_PAYLOAD', { field: 'to' });
  const member = findStaff(ctx.staff, to);
  if (!member) return fail('ASSIGNEE_UNKNOWN', { to });
  if (member.onLeave) return fail('ASSIGNEE_ON_LEAVE', { to: member.name || member.email });
  if (member.email.toLowerCase() === record.assignee.toLowerCase())
    return fail('ASSIGNEE_UNCHANGED', { to: member.name || member.email });
  const reason = text(action.reason);
  if (action.kind === 'reassign' && !reason) return fail('INVALID_PAYLOAD', { field: 'reason' });
  const from = record.assignee;
  return ok({
    event: {
      kind: 'assigned',
      at: ctx.nowIso,
      by: ctx.by,
      to: member.email,
      ...(from ? { from } : {}),
      ...(reason ? { note: reason } : {}),
    },
    // The case follows its assignee: a reassignment across dependencies is an internal transfer.
    status: open,
    // Not 'asignado': that is the radication's routing line.
    code: action.kind === 'assign' ? 'asignacion' : 'reasignado',
    extra: { assignee: member.email, dependency: member.dependency || record.dependency },
    details: () =>
      `${from ? `De ${from} a` : 'A'} ${member.name ? `${member.name} (${member.email})` : member.email}, ${member.dependency}` +
      (reason ? `: ${reason}` : ''),
  });
}

/** The act as an event of the case, its new status and how the Historial reads it. */
function stepOf(record: CaseRecord, action: CaseAction, ctx: ActionContext): Result<Step> {
  const at = ctx.nowIso;
  const by = ctx.by;
  const open: CaseStatus = record.status === 'suspendido' ? 'suspendido' : 'en_tramite';
  switch (action.kind) {
    case 'assign':
    case 'reassign':
      return staffStep(record, action, ctx, open);
    case 'reclassify': {
      if (!isRequestTypeCode(action.type)) return fail('INVALID_PAYLOAD', { field: 'type' });
      const type = action.type;
      return ok({
        event: { kind: 'reclassified', at, by, type },
        status: open,
        code: 'reclasificado',
        extra: { type },
        details: (next) =>
          `De ${REQUEST_TYPE_LABELS[record.type]} a ${REQUEST_TYPE_LABELS[type]}; vence ${formatDateEs(next.dueDate)}`,
      });
    }
    case 'requestInfo': {
      const note = text(action.note);
      return ok({
        event: { kind: 'info_requested', at, by, ...(note ? { note } : {}) },
        status: 'suspendido',
        code: 'requerimiento',
        details: (_next, clock) =>
          `Se pidió información al peticionario (CPACA art. 17); término suspendido${clock.desistimientoFrom ? `; plazo para completar hasta el ${formatDateEs(addDays(clock.desistimientoFrom, -1))}` : ''}. ${note}`.trim(),
      });
    }
    case 'extendInfoDeadline':
      return ok({
        event: { kind: 'info_deadline_extended', at, by },
        status: 'suspendido',
        code: 'prorroga_requerimiento',
        details: (_next, clock) =>
          `El peticionario pidió un mes más para completar la información${clock.desistimientoFrom ? `: hasta el ${formatDateEs(addDays(clock.desistimientoFrom, -1))}` : ''}.`,
      });
    case 'receiveInfo': {
      const note = text(action.note);
      return ok({
        event: { kind: 'info_received', at, by, ...(note ? { note } : {}) },
        status: 'en_tramite',
        code: 'informacion_recibida',
        details: (next) => `Término reiniciado; vence ${formatDateEs(next.dueDate)}`,
      });
    }
    case 'extend': {
      const newDueDate = parseCalendarDate(text(action.newDueDate));
      if (!newDueDate) return fail('INVALID_DATE');
      const reason = text(action.reason);
      const check = checkExtension(
        clockInputOf(record, {
          today: bogotaDateOf(Date.parse(at)),
          settings: ctx.settings,
          calendar: ctx.calendar,
        }),
        { at, newDueDate, reason },
      );
      if (!check.ok) return check;
      return ok({
        event: { kind: 'extended', at, newDueDate, reason, by },
        status: open,
        code: 'prorroga',
        extra: { extendedTo: newDueDate },
        details: () => `Prorrogado hasta ${formatDateEs(newDueDate)}: ${reason}`,
      });
    }
    case 'transfer': {
      const toEntity = text(action.toEntity);
      if (!toEntity) return fail('INVALID_PAYLOAD', { field: 'toEntity' });
      const email = text(action.email);
      if (email && !isValidEmail(email)) return fail('INVALID_PAYLOAD', { field: 'email' });
      const reason = text(action.reason);
      return ok({
        event: {
          kind: 'transferred',
          at,
          by,
          note: toEntity,
          ...(email ? { email } : {}),
          ...(reason ? { reason } : {}),
        },
        status: 'trasladado',
        code: 'traslado',
        details: () =>
          `Trasladado por competencia a ${toEntity}${email ? ` (${email})` : ''} (CPACA art. 21). ${reason}`.trim(),
      });
    }
    case 'answer': {
      const summary = text(action.summary);
      if (!summary) return fail('INVALID_PAYLOAD', { field: 'summary' });
      const accessDenied = action.accessDenied === true;
      const legalBasis = text(action.legalBasis);
      if (accessDenied && !legalBasis) return fail('INVALID_PAYLOAD', { field: 'legalBasis' });
      return ok({
        event: {
          kind: 'answered',
          at,
          by,
          note: summary,
          ...(accessDenied ? { accessDenied, legalBasis } : {}),
        },
        status: 'respondido',
        code: 'respuesta',
        extra: { answeredAt: at },
        details: () =>
          accessDenied ? `${summary} (acceso negado; fundamento: ${legalBasis})` : summary,
      });
    }
    case 'desist': {
      const clock = clockOfCase(record, {
        today: bogotaDateOf(Date.parse(at)),
        settings: ctx.settings,
        calendar: ctx.calendar,
      });
      const from = clock.desistimientoFrom;
      if (record.status !== 'suspendido' || !from) return fail('INFO_REQUEST_NOT_PENDING');
      if (bogotaDateOf(Date.parse(at)) < from)
        return fail('DESIST_TOO_EARLY', { lastDay: formatDateEs(addDays(from, -1)) });
      return ok({
        event: { kind: 'desisted', at, by },
        status: 'desistido',
        code: 'desistimiento',
        details: () =>
          `Desistimiento tácito (CPACA art. 17): el peticionario no completó la información a tiempo (plazo vencido el ${formatDateEs(addDays(from, -1))}).`,
      });
    }
    case 'void': {
      const reason = text(action.reason);
      if (!reason) return fail('INVALID_PAYLOAD', { field: 'reason' });
      return ok({
        event: { kind: 'voided', at, by, note: reason },
        status: 'anulado',
        code: 'anulado',
        details: () =>
          `Radicado anulado por ${by}: ${reason} (Acuerdo 060 de 2001, art. 5 parágrafo)`,
      });
    }
    case 'archive':
      return ok({
        event: { kind: 'archived', at, by },
        status: 'archivado',
        code: 'archivado',
        details: () => `Archivado tras ${record.status.replace('_', ' ')}.`,
      });
    case 'note': {
      const note = text(action.text);
      if (!note) return fail('INVALID_PAYLOAD', { field: 'text' });
      return ok({
        // Kept in the events cell too (the desk shows it); an overfull cell drops old notes first.
        event: { kind: 'noted', at, by, note },
        status: record.status,
        code: 'nota',
        details: () => note,
      });
    }
    default:
      return fail('INVALID_PAYLOAD', { field: 'kind' });
  }
}

/**
 * What the act changed, before → after, for the Historial (control interno reads it there).
 * Example: 'Estado: Radicado → Suspendido (esperando al peticionario)'.
 */
export function changesOf(before: CaseRecord, after: CaseRecord): string {
  const parts: string[] = [];
  const add = (label: string, a: string, b: string): void => {
    if (a !== b) parts.push(`${label}: ${a || '(vacío)'} → ${b || '(vacío)'}`);
  };
  add('Estado', CASE_STATUS_LABELS[before.status], CASE_STATUS_LABELS[after.status]);
  add('Tipo', REQUEST_TYPE_LABELS[before.type], REQUEST_TYPE_LABELS[after.type]);
  add(
    'Vence',
    before.dueDate ? formatDateEs(before.dueDate) : '',
    after.dueDate ? formatDateEs(after.dueDate) : '',
  );
  add('Dependencia', before.dependency, after.dependency);
  add('Responsable', before.assignee, after.assignee);
  return parts.join('; ');
}

/** Flags the clock raises when it ignores the act just added. */
const REFUSED_BY_CLOCK = ['INFO_REQUEST_NOT_PENDING', 'DESIST_TOO_EARLY', 'CLOCK_CLOSED'] as const;

export function applyCaseAction(
  record: CaseRecord,
  action: CaseAction,
  ctx: ActionContext,
): Result<ActionOutcome> {
  const refusal = stateRefusal(record.status, action.kind);
  if (refusal) return fail(refusal);
  const planned = stepOf(record, action, ctx);
  if (!planned.ok) return planned;
  const step = planned.value;
  const events = [...record.events, step.event];
  const today = bogotaDateOf(Date.parse(ctx.nowIso));
  const before = clockOfCase(record, { today, settings: ctx.settings, calendar: ctx.calendar });
  const clock = clockOfCase(
    { ...record, events },
    { today: bogotaDateOf(Date.parse(ctx.nowIso)), settings: ctx.settings, calendar: ctx.calendar },
  );
  // The clock ignores an event the law does not allow at that point (a second extra month, one
  // asked after the month ran out): such an act is refused, not recorded.
  for (const code of REFUSED_BY_CLOCK)
    if (clock.flags.includes(code) && !before.flags.includes(code)) return fail(code);
  const moved: CaseRecord = {
    ...record,
    ...step.extra,
    events,
    status: step.status,
    dueDate: clock.dueDate,
    businessDaysLeft: clock.businessDaysLeft,
  };
  const owed = undeliveredNotice(moved, step.event);
  const next = owed ? { ...moved, alerts: [...moved.alerts, owed] } : moved;
  const changed = changesOf(record, next);
  return ok({
    record: next,
    event: step.code,
    details: changed ? `${step.details(next, clock)} [${changed}]` : step.details(next, clock),
    caseEvent: step.event,
    notices: planActNotices(next, step.event, {
      entityName: ctx.settings.name,
      followUpLink: ctx.followUpLink ?? '',
      clock,
    }),
  });
}
