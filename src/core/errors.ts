// Error codes of the domain. Core returns codes, never wording; `messages.ts` holds the Spanish text.

export const ERROR_CODES = [
  // Legal clock
  'EXTENSION_EXCEEDS_CAP',
  'EXTENSION_AFTER_DUE_DATE',
  'EXTENSION_ALREADY_USED',
  'EXTENSION_REASON_REQUIRED',
  'EXTENSION_DATE_NOT_LATER',
  'INFO_REQUEST_LATE',
  'INFO_REQUEST_NOT_PENDING',
  'CLOCK_CLOSED',
  'CLOCK_SUSPENDED',
  'INVALID_DATE',
  'INVALID_SETTINGS',
  // Intake
  'SUBMISSION_EMPTY',
  'TYPE_MISSING',
  'TYPE_UNKNOWN',
  'EMAIL_INVALID',
  'ID_NUMBER_INVALID',
  'TEXT_TRUNCATED',
  'CONSENT_MISSING',
  'CONTACT_MISSING',
  'IDENTITY_RESERVE_OTHER_TYPE',
  'DUPLICATE_RESPONSE',
  'LOCK_TIMEOUT',
  'MAIL_QUOTA_EXHAUSTED',
  'MAIL_SEND_FAILED',
  'MAIL_REFUSED',
  'FORM_NOT_CONFIGURED',
  'FORM_ITEM_MISSING',
  'SHEET_MISSING',
  // Cases and rpc
  'CASE_NOT_FOUND',
  'CASE_NOT_SELECTED',
  'CASE_TAMPERED',
  'CASE_UNREADABLE',
  'HISTORY_WRITE_FAILED',
  'STALE_CASE',
  'DESIST_TOO_EARLY',
  'CASE_STILL_OPEN',
  'ASSIGNEE_UNKNOWN',
  'ASSIGNEE_ON_LEAVE',
  'ASSIGNEE_UNCHANGED',
  'NOT_STAFF',
  'NOT_ALLOWED',
  'ROLE_REQUIRED',
  'UNKNOWN_METHOD',
  'INVALID_PAYLOAD',
  'INTERNAL_ERROR',
  // Personal data (Ley 1581)
  'CONTACT_STORE_MISSING',
  'CONTACT_STORE_DENIED',
  'TITULAR_QUERY_INVALID',
  'TITULAR_NOT_FOUND',
  'CORRECTION_EMPTY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure the caller can show: a code plus data for the message, never a stack trace. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; code: ErrorCode; details?: Record<string, string | number> };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ErrorCode,
  details?: Record<string, string | number>,
): Result<T> {
  return details ? { ok: false, code, details } : { ok: false, code };
}
