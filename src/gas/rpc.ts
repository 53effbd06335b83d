// The one google.script.run gateway: any page script can call it, so every payload is validated
// and only staff listed in `Dependencias` may act. Replies are plain data with ISO date strings.
import { actOnCase, rowHint } from '../app/act-on-case';
import { mailEntriesToValues, queueActNotices } from '../app/act-notices';
import { loadState } from '../app/entity-state-access';
import { isoSeconds, LOCK_WAIT_MS, radicateSubmission } from '../app/intake';
import { followUpLink } from '../app/mail-delivery';
import { followUpToken } from '../core/cases/case-seal';
import { deliverInChunks } from '../app/sweep';
import { aggregateCsv, aggregateJson, buildReport, readReportRequest } from '../app/reports';
import { writeReportSheet } from './report-sheet';
import { DASHBOARD_SHEET } from './dashboard-sheet';
import {
  anonymiseTitular,
  correctTitular,
  exportTitular,
  findTitular,
} from '../app/titular-rights';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { bogotaDateOf, formatDateEs } from '../core/calendar/calendar-date';
import { clockOfCase } from '../core/cases/case-clock-input';
import { CASE_STATUS_LABELS, CHANNEL_LABELS } from '../core/cases/case-record';
import { formatLocalInstant } from '../core/cases/radication-lines';
import { REQUEST_TYPE_LABELS } from '../core/request-types';
import type { StaffMember } from '../core/routing/staff';
import { ROLE_LABELS } from './config-sheets';
import { buildCaseView, buildMyCases } from './desk-views';
import { CASES_SHEET } from './sheet-schema';
import type { CaseAction } from '../core/cases/apply-action';
import { CHANNELS, type Channel } from '../core/cases/case-record';
import { DomainError, type ErrorCode, type Result } from '../core/errors';
import { FIELD_CODES, type FieldCode } from '../core/intake/form-definition';
import type { RawAnswers } from '../core/intake/normalize-submission';
import { formatMessage } from '../core/messages';
import { STATE_KEY } from '../core/state/entity-state';
import { findStaff } from '../core/routing/staff';
import type { Composition } from './compose';

export type RpcReply =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** Sizes the gateway accepts: notes land in the events cell, whose whole JSON must stay under 50,000 characters. */
const NOTE_MAX = 2000;
const SUMMARY_MAX = 5000;
/** A verbal petition may be long; intake keeps text over a cell in 'Textos largos'. */
const ANSWER_MAX = 100000;

function failure(
  code: ErrorCode,
  details: Readonly<Record<string, string | number>> = {},
): RpcReply {
  return { ok: false, code, message: formatMessage(code, details) };
}

function asRecord(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload))
    throw new DomainError('INVALID_PAYLOAD', { field: 'payload' });
  return payload as Record<string, unknown>;
}

function requireString(payload: Record<string, unknown>, field: string, max = 50000): string {
  const value = payload[field];
  if (typeof value !== 'string' || value.trim() === '' || value.length > max)
    throw new DomainError('INVALID_PAYLOAD', { field });
  return value;
}

function registerVerbal(
  app: Composition,
  user: string,
  payload: Record<string, unknown>,
): RpcReply {
  if (!findStaff(app.config.staff, user)) return failure('NOT_STAFF');
  const requestId = requireString(payload, 'requestId', 100);
  const channel = String(payload.channel ?? 'presencial') as Channel;
  if (!CHANNELS.includes(channel) || channel === 'formulario')
    throw new DomainError('INVALID_PAYLOAD', { field: 'channel' });
  const answers: RawAnswers = {};
  const given = asRecord(payload.answers ?? {});
  for (const code of FIELD_CODES) {
    const value = given[code];
    if (typeof value === 'string' && value.length <= ANSWER_MAX) answers[code as FieldCode] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length <= 500))
      answers[code as FieldCode] = value.map(String);
    else if (value !== undefined) throw new DomainError('INVALID_PAYLOAD', { field: code });
  }
  const outcome = radicateSubmission(app, {
    key: `verbal:${requestId}`,
    receivedAt: app.clock.now(),
    answers,
    channel,
    by: user,
  });
  if (outcome.status === 'deferred') return failure('LOCK_TIMEOUT');
  // The receipt the clerk reads out or prints: what the acknowledgement says, for walk-ins.
  const receipt = outcome.radicado ? receiptOf(app, outcome.radicado) : null;
  return { ok: true, data: { ...outcome, receipt } };
}

function optionalString(
  payload: Record<string, unknown>,
  field: string,
  max: number,
): string | undefined {
  const value = payload[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw new DomainError('INVALID_PAYLOAD', { field });
  return value;
}

function optionalBoolean(payload: Record<string, unknown>, field: string): boolean {
  const value = payload[field];
  if (value === undefined || value === null || value === '' || value === false) return false;
  if (value === true || value === 'true' || value === 'Sí') return true;
  throw new DomainError('INVALID_PAYLOAD', { field });
}

/** Builds the action from the payload, field by field: nothing the page sends reaches core unchecked. */
function parseCaseAction(payload: Record<string, unknown>): CaseAction {
  const kind = requireString(payload, 'kind', 40);
  switch (kind) {
    case 'assign':
      return { kind, to: requireString(payload, 'to', 254) };
    case 'reassign':
      return {
        kind,
        to: requireString(payload, 'to', 254),
        reason: requireString(payload, 'reason', NOTE_MAX),
      };
    case 'reclassify':
      return { kind, type: requireString(payload, 'type', 40) };
    case 'requestInfo':
    case 'receiveInfo':
      return { kind, note: optionalString(payload, 'note', NOTE_MAX) };
    case 'extendInfoDeadline':
    case 'desist':
    case 'archive':
      return { kind };
    case 'extend':
      return {
        kind,
        newDueDate: requireString(payload, 'newDueDate', 10),
        reason: optionalString(payload, 'reason', NOTE_MAX) ?? '', // the law's own code when missing
      };
    case 'transfer':
      return {
        kind,
        toEntity: requireString(payload, 'toEntity', 300),
        email: optionalString(payload, 'email', 254),
        // The forwarding letter says why the entity is not competent (CPACA art. 21).
        reason: requireString(payload, 'reason', NOTE_MAX),
      };
    case 'answer': {
      const accessDenied = optionalBoolean(payload, 'accessDenied');
      return {
        kind,
        summary: requireString(payload, 'summary', SUMMARY_MAX),
        ...(accessDenied
          ? { accessDenied, legalBasis: requireString(payload, 'legalBasis', NOTE_MAX) }
          : {}),
      };
    }
    case 'void':
      return { kind, reason: requireString(payload, 'reason', NOTE_MAX) };
    case 'note':
      return { kind, text: requireString(payload, 'text', NOTE_MAX) };
    default:
      throw new DomainError('INVALID_PAYLOAD', { field: 'kind' });
  }
}

function staffOf(app: Composition, user: string): StaffMember {
  const member = findStaff(app.config.staff, user);
  if (!member) throw new DomainError('NOT_STAFF');
  return member;
}

function act(app: Composition, user: string, payload: Record<string, unknown>): RpcReply {
  const radicado = requireString(payload, 'radicado', 40);
  // Checked after who acts (the act says NOT_STAFF before it says what is missing).
  const version = optionalString(payload, 'version', 40) ?? '';
  const action = parseCaseAction(payload);
  const result = actOnCase(app, { radicado, action, by: user, version });
  if (!result.ok) return failure(result.code, result.details);
  return {
    ok: true,
    data: {
      ...result.value,
      statusLabel: CASE_STATUS_LABELS[result.value.status],
      dueDateLabel: formatDateEs(result.value.dueDate),
    },
  };
}

function getCase(app: Composition, user: string, payload: Record<string, unknown>): RpcReply {
  const member = staffOf(app, user);
  const radicado = requireString(payload, 'radicado', 40).trim();
  const { state } = loadState(app, false, { rebuild: false });
  const located = app.cases.locate(radicado, rowHint(state, radicado));
  if (!located) return failure('CASE_NOT_FOUND', { radicado });
  return { ok: true, data: buildCaseView(app, member, located) };
}

/** The case of the row the person has selected in the tracking sheet (the sidebar's button). */
function selectedCase(app: Composition, user: string): RpcReply {
  const member = staffOf(app, user);
  const layout = app.snapshot().cases;
  if (!layout) return failure('SHEET_MISSING', { sheet: 'Radicados' });
  const range = app.spreadsheet().getActiveRange();
  const column = layout.at.radicado;
  const sheet = range ? range.getSheet() : null;
  if (!range || !sheet || sheet.getName() !== layout.sheetName || column === undefined)
    return failure('CASE_NOT_SELECTED', { sheet: layout.sheetName });
  const row = range.getRow();
  if (row < 2) return failure('CASE_NOT_SELECTED', { sheet: layout.sheetName });
  const radicado = String(sheet.getRange(row, column + 1).getValue()).trim();
  if (!radicado) return failure('CASE_NOT_SELECTED', { sheet: layout.sheetName });
  const located = app.cases.locate(radicado, row);
  if (!located) return failure('CASE_NOT_FOUND', { radicado });
  return { ok: true, data: buildCaseView(app, member, located) };
}

function myCases(app: Composition, user: string): RpcReply {
  const member = staffOf(app, user);
  return { ok: true, data: { cases: buildMyCases(app, member, app.cases.all()) } };
}

/**
 * Queues the notices of acts recorded since the last look and sends what waits, in chunks under the
 * lock: the desk calls it right after an act; the hourly review does the same for any left.
 */
function sendNotices(app: Composition, user: string): RpcReply {
  staffOf(app, user);
  if (!app.lock.tryAcquire(LOCK_WAIT_MS)) return failure('LOCK_TIMEOUT');
  let secret = '';
  try {
    const { state, record } = loadState(app, true);
    const queued = queueActNotices(app, state, record, isoSeconds(app.clock.now()));
    for (const missed of queued.missed)
      app.log.error(`Aviso no preparado, revise el caso: ${missed}`);
    if (queued.record !== record || queued.mails.length > 0)
      app.store.write({
        ...mailEntriesToValues(queued.mails),
        [STATE_KEY]: JSON.stringify(queued.record),
      });
    secret = record.secret;
  } finally {
    app.lock.release();
  }
  // One chunk: the desk's mail leaves from the clerk's account and quota; the review sends the rest.
  const failures: string[] = [];
  const report = deliverInChunks(app, failures, secret, bogotaDateOf(app.clock.now()), 1);
  for (const failure of failures) app.log.error(`Avisos: ${failure}`);
  // Citizen mail this clerk cannot address (the data store is not shared with them) is queued
  // for the owner's review: the desk says so, nothing else changes for the clerk.
  return {
    ok: true,
    data: {
      sent: report.sent,
      pending: report.deferred + report.failed,
      queued: report.awaitingContact ?? 0,
    },
  };
}

function receiptOf(app: Composition, radicado: string): Record<string, unknown> | null {
  const { state, record: entity } = loadState(app, true, { rebuild: false });
  const located = app.cases.locate(radicado, rowHint(state, radicado));
  if (!located) return null;
  const record = located.record;
  const clock = clockOfCase(record, {
    today: bogotaDateOf(app.clock.now()),
    settings: app.config.settings,
    calendar: createBusinessCalendar(app.config.calendar),
  });
  return {
    radicado,
    receivedLocal: formatLocalInstant(Date.parse(record.receivedAt)),
    typeLabel: REQUEST_TYPE_LABELS[record.type],
    channelLabel: CHANNEL_LABELS[record.channel] ?? record.channel,
    dueDateLabel: formatDateEs(clock.dueDate),
    termDays: clock.termDays,
    explanation: clock.explanation,
    // A filing on paper or by phone has its private link too: the receipt hands it over.
    followUpLink: followUpLink(
      app.config.settings.followUpUrl,
      radicado,
      followUpToken(entity.secret, radicado),
    ),
  };
}

function replyOf<T>(result: Result<T>): RpcReply {
  return result.ok ? { ok: true, data: result.value } : failure(result.code, result.details);
}

/** The titular's rights (Ley 1581): only for the data stewards, who alone can open the data store. */
const titularMethods: Record<
  string,
  (app: Composition, user: string, payload: Record<string, unknown>) => RpcReply
> = {
  findTitular: (app, user, payload) =>
    replyOf(findTitular(app, user, requireString(payload, 'query', 254))),
  exportTitular: (app, user, payload) =>
    replyOf(exportTitular(app, user, requireString(payload, 'query', 254))),
  correctTitular: (app, user, payload) => {
    const fields = payload.fields;
    if (!fields || typeof fields !== 'object' || Array.isArray(fields))
      throw new DomainError('INVALID_PAYLOAD', { field: 'fields' });
    return replyOf(
      correctTitular(
        app,
        user,
        requireString(payload, 'query', 254),
        fields as Record<string, unknown>,
      ),
    );
  },
  anonymiseTitular: (app, user, payload) =>
    replyOf(anonymiseTitular(app, user, requireString(payload, 'query', 254))),
};

/**
 * A statutory report for a period, as the menu's dialog asks for it: supervisors and admins (the
 * report is control interno's), written to its own sheet; the reply carries the ministry's aggregate
 * export (JSON and CSV, no personal data).
 */
function generateReport(
  app: Composition,
  user: string,
  payload: Record<string, unknown>,
): RpcReply {
  const member = findStaff(app.config.staff, user);
  if (!member) return failure('NOT_STAFF');
  if (member.role !== 'supervisor' && member.role !== 'admin')
    return failure('ROLE_REQUIRED', { role: 'Supervisor o Administrador' });
  const { kind, period } = readReportRequest({
    kind: payload.kind,
    from: payload.from,
    to: payload.to,
  });
  const doc = buildReport(app, kind, period);
  const sheetName = writeReportSheet(app.spreadsheet(), doc);
  return {
    ok: true,
    data: { sheetName, report: doc, aggregate: aggregateJson(doc), csv: aggregateCsv(doc) },
  };
}

/** The `Tablero`, rewritten now (it is also rewritten by each day's first review). */
function refreshDashboard(app: Composition, user: string): RpcReply {
  const member = findStaff(app.config.staff, user);
  if (!member) return failure('NOT_STAFF');
  if (member.role !== 'supervisor' && member.role !== 'admin')
    return failure('ROLE_REQUIRED', { role: 'Supervisor o Administrador' });
  app.refreshDashboard?.(app.cases.all().map((c) => c.record));
  return { ok: true, data: { sheetName: DASHBOARD_SHEET } };
}

const METHODS: Readonly<
  Record<string, (app: Composition, user: string, payload: Record<string, unknown>) => RpcReply>
> = {
  registerVerbal,
  act,
  getCase,
  selectedCase,
  myCases,
  sendNotices,
  generateReport,
  refreshDashboard,
  ...titularMethods,
  whoAmI: (app, user) => {
    const member = findStaff(app.config.staff, user);
    return member
      ? {
          ok: true,
          data: {
            email: member.email,
            name: member.name,
            role: member.role,
            roleLabel: ROLE_LABELS[member.role],
            dependency: member.dependency,
            entityName: app.config.settings.name,
          },
        }
      : failure('NOT_STAFF');
  },
};

export function dispatchRpc(
  app: Composition,
  user: string,
  method: unknown,
  payload: unknown,
): RpcReply {
  try {
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(METHODS, method)) {
      return failure('UNKNOWN_METHOD', { method: String(method).slice(0, 40) });
    }
    return METHODS[method](app, user, asRecord(payload ?? {}));
  } catch (error) {
    if (error instanceof DomainError) return failure(error.code, error.details);
    app.log.error(
      `rpc ${String(method)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return failure('INTERNAL_ERROR');
  }
}
