// The one google.script.run gateway: any page script can call it, so every payload is validated
// and only staff listed in `Dependencias` may act. Replies are plain data with ISO date strings.
import { actOnCase } from '../app/act-on-case';
import { radicateSubmission } from '../app/intake';
import type { CaseAction } from '../core/cases/apply-action';
import { CHANNELS, type Channel } from '../core/cases/case-record';
import { DomainError, type ErrorCode } from '../core/errors';
import { FIELD_CODES, type FieldCode } from '../core/intake/form-definition';
import type { RawAnswers } from '../core/intake/normalize-submission';
import { formatMessage } from '../core/messages';
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

function failure(code: ErrorCode, details: Record<string, string | number> = {}): RpcReply {
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
  return { ok: true, data: outcome };
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

/** Builds the action from the payload, field by field: nothing the page sends reaches core unchecked. */
function parseCaseAction(payload: Record<string, unknown>): CaseAction {
  const kind = requireString(payload, 'kind', 40);
  switch (kind) {
    case 'reclassify':
      return { kind, type: requireString(payload, 'type', 40) };
    case 'requestInfo':
    case 'receiveInfo':
      return { kind, note: optionalString(payload, 'note', NOTE_MAX) };
    case 'extendInfoDeadline':
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
        reason: optionalString(payload, 'reason', NOTE_MAX),
      };
    case 'answer':
      return { kind, summary: requireString(payload, 'summary', SUMMARY_MAX) };
    case 'void':
      return { kind, reason: requireString(payload, 'reason', NOTE_MAX) };
    default:
      throw new DomainError('INVALID_PAYLOAD', { field: 'kind' });
  }
}

function act(app: Composition, user: string, payload: Record<string, unknown>): RpcReply {
  const radicado = requireString(payload, 'radicado', 40);
  const result = actOnCase(app, { radicado, action: parseCaseAction(payload), by: user });
  return result.ok ? { ok: true, data: result.value } : failure(result.code, result.details);
}

const METHODS: Readonly<
  Record<string, (app: Composition, user: string, payload: Record<string, unknown>) => RpcReply>
> = {
  registerVerbal,
  act,
  whoAmI: (app, user) => {
    const member = findStaff(app.config.staff, user);
    return member
      ? {
          ok: true,
          data: {
            email: member.email,
            name: member.name,
            role: member.role,
            dependency: member.dependency,
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
