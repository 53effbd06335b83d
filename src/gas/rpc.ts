// The one google.script.run gateway: any page script can call it, so every payload is validated
// and only staff listed in `Dependencias` may act. Replies are plain data with ISO date strings.
import { actOnCase } from '../app/act-on-case';
import { radicateSubmission } from '../app/intake';
import { CASE_ACTION_KINDS, type CaseAction } from '../core/cases/apply-action';
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
    if (typeof value === 'string') answers[code as FieldCode] = value;
    else if (Array.isArray(value)) answers[code as FieldCode] = value.map(String);
  }
  const outcome = radicateSubmission(app, {
    responseId: `verbal:${requestId}`,
    receivedAt: app.clock.now(),
    answers,
    channel,
    by: user,
  });
  if (outcome.status === 'deferred') return failure('LOCK_TIMEOUT');
  return { ok: true, data: outcome };
}

function act(app: Composition, user: string, payload: Record<string, unknown>): RpcReply {
  const radicado = requireString(payload, 'radicado', 40);
  const kind = requireString(payload, 'kind', 40);
  if (!(CASE_ACTION_KINDS as readonly string[]).includes(kind))
    throw new DomainError('INVALID_PAYLOAD', { field: 'kind' });
  const result = actOnCase(app, {
    radicado,
    action: { ...payload, kind } as unknown as CaseAction,
    by: user,
  });
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
