// Radicates one submission: exactly once per response, under the entity's lock, then queues and
// sends the acknowledgement and the assignee's notice. A submission that cannot be radicated now
// is left for the sweep's reconciliation, with the reason in the log.
import { bogotaDateOf, bogotaMinutesOf, formatDateEs } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import type { CaseRecord, Channel } from '../core/cases/case-record';
import { computeCaseClock } from '../core/clock/case-clock';
import { formatMessage } from '../core/messages';
import { normalizeSubmission, type RawAnswers } from '../core/intake/normalize-submission';
import { planAcknowledgement, planAssignmentNotice } from '../core/notifications/intake-mails';
import type { OutboundMail } from '../core/notifications/mail';
import { counterKey, formatRadicado } from '../core/radicado';
import { routeCase } from '../core/routing/route-case';
import type { AuditLog, CaseStore } from '../ports/case-store';
import type { EntityConfig } from '../ports/config-source';
import type { Clock, KeyValueStore, Logger, Mutex, Tokens } from '../ports/entity-state';
import type { Mailer, Outbox, OutboxEntry } from '../ports/mail';
import { deliverMail } from './deliver-mail';

/** How long a submission waits for the entity's lock before it is left for the sweep. */
export const LOCK_WAIT_MS = 30000;

export interface IntakeDeps {
  readonly config: EntityConfig;
  readonly cases: CaseStore;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly mailer: Mailer;
  readonly state: KeyValueStore;
  readonly lock: Mutex;
  readonly clock: Clock;
  readonly tokens: Tokens;
  readonly log: Logger;
}

export interface IntakeRequest {
  /** Idempotency key: the form response id, or the clerk's request id for verbal filings. */
  readonly responseId: string;
  readonly receivedAt: number;
  readonly answers: RawAnswers;
  readonly channel: Channel;
  readonly by: string;
  readonly missingQuestions?: readonly string[];
}

export type IntakeOutcome =
  | { readonly status: 'radicated'; readonly radicado: string; readonly mailsSent: number }
  | { readonly status: 'duplicate'; readonly radicado: string }
  | { readonly status: 'deferred'; readonly code: 'LOCK_TIMEOUT' };

function formatLocalInstant(ms: number): string {
  const minutes = bogotaMinutesOf(ms);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${formatDateEs(bogotaDateOf(ms))} ${hh}:${mm}`;
}

function followUpLink(baseUrl: string, radicado: string, token: string): string {
  if (!baseUrl) return '';
  const glue = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${glue}r=${encodeURIComponent(radicado)}&t=${encodeURIComponent(token)}`;
}

export function radicateSubmission(deps: IntakeDeps, request: IntakeRequest): IntakeOutcome {
  const { settings } = deps.config;
  const submission = normalizeSubmission(request.answers);
  const calendar = createBusinessCalendar(deps.config.calendar);
  const receivedIso = new Date(request.receivedAt).toISOString();

  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) {
    deps.log.error(`${formatMessage('LOCK_TIMEOUT')} (respuesta ${request.responseId})`);
    return { status: 'deferred', code: 'LOCK_TIMEOUT' };
  }
  let record: CaseRecord;
  let queued: OutboxEntry[];
  try {
    const existing = request.responseId ? deps.cases.radicadoForResponse(request.responseId) : null;
    if (existing) return { status: 'duplicate', radicado: existing };

    const year = Number(bogotaDateOf(request.receivedAt).slice(0, 4));
    const number = Number(deps.state.get(counterKey(year)) ?? '0') + 1;
    const radicado = formatRadicado({
      prefix: settings.radicadoPrefix ? settings.daneCode : '',
      year,
      number,
    });
    const clock = computeCaseClock({
      type: submission.type,
      receivedAt: request.receivedAt,
      events: [],
      today: bogotaDateOf(deps.clock.now()),
      settings,
      calendar,
    });
    const route = routeCase(
      {
        type: submission.type,
        subject: submission.subject,
        description: submission.description,
        declaredDependency: submission.declaredDependency,
      },
      deps.config.routing,
      deps.config.staff,
      settings.defaultDependency,
    );
    const token = deps.tokens.newToken();
    const alerts = submission.alerts.map((alert) => formatMessage(alert.code, alert.details));
    for (const missing of request.missingQuestions ?? []) {
      alerts.push(formatMessage('FORM_ITEM_MISSING', { field: missing }));
    }
    record = {
      radicado,
      receivedAt: receivedIso,
      channel: request.channel,
      declaredType: submission.declaredType,
      type: submission.type,
      subject: submission.subject,
      description: submission.description,
      petitioner: submission.petitioner,
      priority: submission.priority,
      differentialGroup: submission.differentialGroup,
      consent: submission.consent,
      dependency: route.dependency,
      assignee: route.assignee,
      status: 'radicado',
      effectiveReceiptDate: clock.effectiveReceiptDate,
      dueDate: clock.dueDate,
      businessDaysLeft: clock.businessDaysLeft,
      extendedTo: '',
      answeredAt: '',
      notes: '',
      alerts,
      responseId: request.responseId,
      tokenHash: deps.tokens.hash(token),
      events: [],
    };
    // The number is taken before the row is written: a failure after this point leaves a gap that
    // the audit log explains (Acuerdo 060 art. 5 parágrafo), never a reused number.
    deps.state.set(counterKey(year), String(number));
    deps.cases.append(record);
    if (submission.longTexts.length > 0) deps.cases.saveLongTexts(radicado, submission.longTexts);

    const mails: OutboundMail[] = [];
    if (submission.emailDeliverable) {
      mails.push(
        planAcknowledgement(record, {
          entityName: settings.name,
          receivedLocal: formatLocalInstant(request.receivedAt),
          termDays: clock.termDays,
          followUpLink: followUpLink(settings.followUpUrl, radicado, token),
        }),
      );
    }
    if (record.assignee) mails.push(planAssignmentNotice(record, settings.name));
    const now = new Date(deps.clock.now()).toISOString();
    deps.audit.append([
      {
        at: now,
        by: request.by,
        radicado,
        event: 'radicado',
        details: `Canal ${request.channel}; recibido ${formatLocalInstant(request.receivedAt)}; vence ${formatDateEs(record.dueDate)}. ${clock.explanation}`,
      },
      {
        at: now,
        by: request.by,
        radicado,
        event: 'asignado',
        details: `${route.reason}: ${route.dependency} / ${route.assignee || 'sin responsable'}`,
      },
      ...alerts.map((alert) => ({
        at: now,
        by: request.by,
        radicado,
        event: 'alerta',
        details: alert,
      })),
    ]);
    queued = deps.outbox.enqueue(mails, now);
  } finally {
    deps.lock.release();
  }
  const report = deliverMail(queued, {
    mailer: deps.mailer,
    outbox: deps.outbox,
    log: deps.log,
    now: () => new Date(deps.clock.now()).toISOString(),
  });
  return { status: 'radicated', radicado: record.radicado, mailsSent: report.sent };
}
