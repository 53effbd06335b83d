// A clerk's legal act on a case as a pure transition: (case, action) -> new case + audit line, or
// an error code. Nothing is executed here; the use case persists the result.
import { bogotaDateOf, formatDateEs, parseCalendarDate } from '../calendar/calendar-date';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { checkExtension, type ClockEvent } from '../clock/case-clock';
import { clockInputOf, clockOfCase } from './case-clock-input';
import { fail, ok, type Result } from '../errors';
import { isRequestTypeCode, REQUEST_TYPE_LABELS } from '../request-types';
import type { EntitySettings } from '../settings';
import type { CaseEvent, CaseRecord, CaseStatus } from './case-record';

export type CaseAction =
  | { readonly kind: 'reclassify'; readonly type: string }
  | { readonly kind: 'requestInfo'; readonly note?: string }
  | { readonly kind: 'extendInfoDeadline' }
  | { readonly kind: 'receiveInfo'; readonly note?: string }
  | { readonly kind: 'extend'; readonly newDueDate: string; readonly reason: string }
  | { readonly kind: 'transfer'; readonly toEntity: string; readonly reason?: string }
  | { readonly kind: 'answer'; readonly summary: string }
  | { readonly kind: 'void'; readonly reason: string };

export interface ActionContext {
  readonly nowIso: string;
  readonly by: string;
  readonly settings: EntitySettings;
  readonly calendar: BusinessCalendar;
}

export interface ActionOutcome {
  readonly record: CaseRecord;
  readonly event: string;
  readonly details: string;
}

const CLOSED: ReadonlySet<CaseStatus> = new Set(['respondido', 'trasladado', 'anulado']);

function withEvent(
  record: CaseRecord,
  event: CaseEvent,
  status: CaseStatus,
  ctx: ActionContext,
  extra: Partial<CaseRecord> = {},
): CaseRecord {
  const events = [...record.events, event];
  const clock = clockOfCase(
    { ...record, events },
    { today: bogotaDateOf(Date.parse(ctx.nowIso)), settings: ctx.settings, calendar: ctx.calendar },
  );
  return {
    ...record,
    ...extra,
    events,
    status,
    dueDate: clock.dueDate,
    businessDaysLeft: clock.businessDaysLeft,
  };
}

export function applyCaseAction(
  record: CaseRecord,
  action: CaseAction,
  ctx: ActionContext,
): Result<ActionOutcome> {
  if (CLOSED.has(record.status)) return fail('CLOCK_CLOSED');
  const at = ctx.nowIso;
  const by = ctx.by;
  const open: CaseStatus = record.status === 'suspendido' ? 'suspendido' : 'en_tramite';
  switch (action.kind) {
    case 'reclassify': {
      if (!isRequestTypeCode(action.type)) return fail('INVALID_PAYLOAD', { field: 'type' });
      const event: ClockEvent = { kind: 'reclassified', at, type: action.type };
      const next = withEvent(record, { ...event, by }, open, ctx, { type: action.type });
      return ok({
        record: next,
        event: 'reclasificado',
        details: `De ${REQUEST_TYPE_LABELS[record.type]} a ${REQUEST_TYPE_LABELS[action.type]}; vence ${formatDateEs(next.dueDate)}`,
      });
    }
    case 'requestInfo': {
      if (record.status === 'suspendido') return fail('INFO_REQUEST_NOT_PENDING');
      const next = withEvent(
        record,
        { kind: 'info_requested', at, by, note: action.note },
        'suspendido',
        ctx,
      );
      return ok({
        record: next,
        event: 'requerimiento',
        details:
          `Se pidió información al peticionario (CPACA art. 17); término suspendido. ${action.note ?? ''}`.trim(),
      });
    }
    case 'extendInfoDeadline': {
      if (record.status !== 'suspendido') return fail('INFO_REQUEST_NOT_PENDING');
      const next = withEvent(record, { kind: 'info_deadline_extended', at, by }, 'suspendido', ctx);
      return ok({
        record: next,
        event: 'prorroga_requerimiento',
        details: 'El peticionario pidió un mes más para completar la información.',
      });
    }
    case 'receiveInfo': {
      if (record.status !== 'suspendido') return fail('INFO_REQUEST_NOT_PENDING');
      const next = withEvent(
        record,
        { kind: 'info_received', at, by, note: action.note },
        'en_tramite',
        ctx,
      );
      return ok({
        record: next,
        event: 'informacion_recibida',
        details: `Término reiniciado; vence ${formatDateEs(next.dueDate)}`,
      });
    }
    case 'extend': {
      const newDueDate = parseCalendarDate(String(action.newDueDate ?? ''));
      if (!newDueDate) return fail('INVALID_DATE');
      const reason = String(action.reason ?? '').trim();
      const check = checkExtension(
        clockInputOf(record, {
          today: bogotaDateOf(Date.parse(at)),
          settings: ctx.settings,
          calendar: ctx.calendar,
        }),
        { at, newDueDate, reason },
      );
      if (!check.ok) return check;
      const next = withEvent(record, { kind: 'extended', at, newDueDate, reason, by }, open, ctx, {
        extendedTo: newDueDate,
      });
      return ok({
        record: next,
        event: 'prorroga',
        details: `Prorrogado hasta ${formatDateEs(newDueDate)}: ${reason}`,
      });
    }
    case 'transfer': {
      const toEntity = String(action.toEntity ?? '').trim();
      if (!toEntity) return fail('INVALID_PAYLOAD', { field: 'toEntity' });
      const next = withEvent(
        record,
        { kind: 'transferred', at, by, note: toEntity },
        'trasladado',
        ctx,
      );
      return ok({
        record: next,
        event: 'traslado',
        details:
          `Trasladado por competencia a ${toEntity} (CPACA art. 21). ${action.reason ?? ''}`.trim(),
      });
    }
    case 'answer': {
      const summary = String(action.summary ?? '').trim();
      if (!summary) return fail('INVALID_PAYLOAD', { field: 'summary' });
      const next = withEvent(
        record,
        { kind: 'answered', at, by, note: summary },
        'respondido',
        ctx,
        { answeredAt: at },
      );
      return ok({ record: next, event: 'respuesta', details: summary });
    }
    case 'void': {
      const reason = String(action.reason ?? '').trim();
      if (!reason) return fail('INVALID_PAYLOAD', { field: 'reason' });
      const next = withEvent(record, { kind: 'voided', at, by, note: reason }, 'anulado', ctx);
      return ok({
        record: next,
        event: 'anulado',
        details: `Radicado anulado por ${by}: ${reason} (Acuerdo 060 de 2001, art. 5 parágrafo)`,
      });
    }
  }
}
