// Radicates one submission: exactly once per response, under the entity's lock; queues the
// acknowledgement and the assignee's notice and sends what the quota allows before the lock is
// released. A submission that cannot be radicated now is left for the sweep's reconciliation.
import { bogotaDateOf, bogotaMinutesOf, formatDateEs } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import type { CaseRecord, Channel } from '../core/cases/case-record';
import { computeCaseClock, type CaseClock } from '../core/clock/case-clock';
import { formatMessage } from '../core/messages';
import {
  normalizeSubmission,
  type NormalizedSubmission,
  type RawAnswers,
} from '../core/intake/normalize-submission';
import { planAcknowledgement, planAssignmentNotice } from '../core/notifications/intake-mails';
import type { OutboundMail } from '../core/notifications/mail';
import { counterKey, formatRadicado, parseRadicado } from '../core/radicado';
import { routeCase, type RoutingDecision } from '../core/routing/route-case';
import type { AuditEntry, AuditLog, CaseStore } from '../ports/case-store';
import type { EntityConfig } from '../ports/config-source';
import type { Clock, KeyValueStore, Logger, Mutex, Tokens } from '../ports/entity-state';
import type { Mailer, Outbox } from '../ports/mail';
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
  /** Idempotency key: the form response id, or `verbal:<request id>` for verbal filings. */
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

export function formatLocalInstant(ms: number): string {
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

/**
 * The next number of the year: one more than the stored counter, and never at or below the
 * number on the sheet's last row (a copied spreadsheet or a recreated script starts with an empty
 * store; numbers must still never repeat, Acuerdo 060 de 2001 art. 5).
 */
function nextNumber(deps: IntakeDeps, year: number): number {
  const stored = Number(deps.state.get(counterKey(year)) ?? '0') || 0;
  const last = parseRadicado(deps.cases.lastRadicado() ?? '');
  const onSheet = last && last.year === year ? last.number : 0;
  return Math.max(stored, onSheet) + 1;
}

function buildRecord(
  request: IntakeRequest,
  submission: NormalizedSubmission,
  parts: { radicado: string; clock: CaseClock; route: RoutingDecision; tokenHash: string },
): CaseRecord {
  const alerts = submission.alerts.map((alert) => formatMessage(alert.code, alert.details));
  for (const missing of request.missingQuestions ?? [])
    alerts.push(formatMessage('FORM_ITEM_MISSING', { field: missing }));
  return {
    radicado: parts.radicado,
    receivedAt: new Date(request.receivedAt).toISOString(),
    channel: request.channel,
    declaredType: submission.declaredType,
    type: submission.type,
    subject: submission.subject,
    description: submission.description,
    petitioner: submission.petitioner,
    priority: submission.priority,
    differentialGroup: submission.differentialGroup,
    consent: submission.consent,
    dependency: parts.route.dependency,
    assignee: parts.route.assignee,
    status: 'radicado',
    effectiveReceiptDate: parts.clock.effectiveReceiptDate,
    dueDate: parts.clock.dueDate,
    businessDaysLeft: parts.clock.businessDaysLeft,
    extendedTo: '',
    answeredAt: '',
    notes: '',
    alerts,
    responseId: request.responseId,
    tokenHash: parts.tokenHash,
    events: [],
  };
}

function auditEntries(
  record: CaseRecord,
  request: IntakeRequest,
  clock: CaseClock,
  route: RoutingDecision,
  now: string,
): AuditEntry[] {
  const entry = (event: string, details: string): AuditEntry => ({
    at: now,
    by: request.by,
    radicado: record.radicado,
    event,
    details,
  });
  return [
    entry(
      'radicado',
      `Canal ${request.channel}; recibido ${formatLocalInstant(request.receivedAt)}; vence ${formatDateEs(record.dueDate)}. ${clock.explanation}`,
    ),
    entry(
      'asignado',
      `${route.reason}: ${route.dependency} / ${route.assignee || 'sin responsable'}`,
    ),
    ...record.alerts.map((alert) => entry('alerta', alert)),
  ];
}

/** Runs a step after the row exists; a failure is logged and does not stop the steps after it. */
function afterRow(
  deps: IntakeDeps,
  radicado: string,
  what: string,
  failures: unknown[],
  step: () => void,
): void {
  try {
    step();
  } catch (error) {
    failures.push(error);
    deps.log.error(
      `${radicado}: ${what} falló: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function radicateSubmission(deps: IntakeDeps, request: IntakeRequest): IntakeOutcome {
  const { settings } = deps.config;
  const submission = normalizeSubmission(request.answers);
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) {
    deps.log.error(`${formatMessage('LOCK_TIMEOUT')} (respuesta ${request.responseId})`);
    return { status: 'deferred', code: 'LOCK_TIMEOUT' };
  }
  const failures: unknown[] = [];
  let outcome: IntakeOutcome;
  try {
    const existing = request.responseId ? deps.cases.radicadoForResponse(request.responseId) : null;
    if (existing) return { status: 'duplicate', radicado: existing };

    const year = Number(bogotaDateOf(request.receivedAt).slice(0, 4));
    const number = nextNumber(deps, year);
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
      calendar: createBusinessCalendar(deps.config.calendar),
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
    const record = buildRecord(request, submission, {
      radicado,
      clock,
      route,
      tokenHash: deps.tokens.hash(token),
    });
    const now = new Date(deps.clock.now()).toISOString();

    // The number is taken before the row is written, so a failure can leave a gap but never a
    // repeated number; the gap is explained in the audit log (Acuerdo 060 art. 5 parágrafo).
    deps.state.set(counterKey(year), String(number));
    try {
      deps.cases.append(record);
    } catch (error) {
      afterRow(deps, radicado, 'el registro del número no utilizado', failures, () =>
        deps.audit.append([
          {
            at: now,
            by: request.by,
            radicado,
            event: 'numero_no_utilizado',
            details: `No se pudo escribir el caso (${error instanceof Error ? error.message : String(error)}); la solicitud se radicará en el próximo barrido con otro número.`,
          },
        ]),
      );
      throw error;
    }
    if (submission.longTexts.length > 0)
      afterRow(deps, radicado, 'el texto completo', failures, () =>
        deps.cases.saveLongTexts(radicado, submission.longTexts),
      );
    afterRow(deps, radicado, 'el historial', failures, () =>
      deps.audit.append(auditEntries(record, request, clock, route, now)),
    );

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
    let mailsSent = 0;
    afterRow(deps, radicado, 'el envío del acuse', failures, () => {
      mailsSent = deliverMail(deps.outbox.enqueue(mails, now), deps).sent;
    });
    outcome = { status: 'radicated', radicado, mailsSent };
  } finally {
    deps.lock.release();
  }
  // The case is radicated; rethrowing lets Apps Script notify the owner of what went wrong after it.
  if (failures.length > 0) throw failures[0];
  return outcome;
}
