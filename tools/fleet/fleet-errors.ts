// Errors the fleet reports per entity: a stable code (for scripts reading `status --json` and the
// journal) and a short Spanish message (for the ministry's staff). Everything that can go wrong
// with one entity ends up as a FleetError, so one entity's trouble never stops the others.

export type FleetErrorCode =
  | 'PERMISSION_DENIED'
  | 'API_DISABLED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'INVALID_ARGUMENT'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_INVALID'
  | 'LIBRARY_NOT_REFERENCED'
  | 'LIBRARY_AMBIGUOUS'
  | 'VERIFY_FAILED'
  | 'JOURNAL_MISMATCH'
  | 'NOT_ATTEMPTED'
  | 'UNKNOWN';

export interface FleetErrorInfo {
  code: FleetErrorCode;
  message: string;
}

export class FleetError extends Error {
  constructor(
    readonly code: FleetErrorCode,
    message: string,
    /** Worth another attempt (quota, server error, timeout, dropped connection). */
    readonly retryable = false,
    /** Seconds the server asked us to wait (Retry-After), when it said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'FleetError';
  }

  toInfo(): FleetErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/**
 * A failure after which the server may still have carried the request out: a timeout, a dropped
 * connection, a 5xx. A 429 is refused before the request is acted on, and the rest are refusals.
 */
export function mayHaveActed(error: FleetError): boolean {
  return error.retryable && error.code !== 'RESOURCE_EXHAUSTED';
}

export function toFleetError(error: unknown): FleetError {
  if (error instanceof FleetError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FleetError('UNKNOWN', `error inesperado: ${message}`);
}

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    errors?: { reason?: string; message?: string }[];
    details?: { reason?: string; '@type'?: string }[];
  };
}

// A Google JSON error names an API that is off in one of two ways: the user's own Apps Script
// setting (script.google.com/home/usersettings), or the Cloud project of the OAuth client. Both
// come as 403 PERMISSION_DENIED; only the text (or an ErrorInfo reason) tells them apart.
function isApiDisabled(body: GoogleErrorBody['error'], text: string): boolean {
  if (/has not enabled the Apps Script API/i.test(text)) return true;
  if (/has not been used in project .* or it is disabled/i.test(text)) return true;
  return (body?.details ?? []).some((d) => d.reason === 'SERVICE_DISABLED');
}

/** Maps an HTTP error response of the Apps Script API to a FleetError. */
export function fleetErrorFromHttp(
  status: number,
  data: unknown,
  retryAfterHeader: string | null | undefined,
): FleetError {
  let body: GoogleErrorBody['error'];
  if (typeof data === 'string') {
    try {
      body = (JSON.parse(data) as GoogleErrorBody).error;
    } catch {
      body = undefined;
    }
  } else if (data && typeof data === 'object') {
    body = (data as GoogleErrorBody).error;
  }
  const text = body?.message ?? '';
  const detail = text ? ` (${status}: ${truncate(text, 160)})` : ` (HTTP ${status})`;
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (status === 403 && isApiDisabled(body, text)) {
    return new FleetError(
      'API_DISABLED',
      'la API de Apps Script no está habilitada para la cuenta; actívela en script.google.com/home/usersettings' +
        detail,
    );
  }
  if (status === 403) {
    return new FleetError(
      'PERMISSION_DENIED',
      'sin acceso al proyecto: comparta el script de la entidad con la cuenta del ministerio como editora' +
        detail,
    );
  }
  if (status === 404) {
    return new FleetError(
      'NOT_FOUND',
      'el script no existe o fue eliminado; revise el scriptId en el registro' + detail,
    );
  }
  if (status === 401) {
    return new FleetError(
      'UNAUTHENTICATED',
      'credenciales rechazadas; vuelva a iniciar sesión con "npx clasp login" o renueve PQRS_FLEET_ACCESS_TOKEN' +
        detail,
    );
  }
  if (status === 429) {
    return new FleetError(
      'RESOURCE_EXHAUSTED',
      'cuota de la API agotada; espere y vuelva a ejecutar (el diario retoma donde quedó)' + detail,
      true,
      retryAfter,
    );
  }
  if (status >= 500) {
    return new FleetError(
      'UNAVAILABLE',
      'el servidor de Apps Script falló o no está disponible' + detail,
      true,
      retryAfter,
    );
  }
  if (status === 408) {
    return new FleetError(
      'TIMEOUT',
      'el servidor no respondió a tiempo' + detail,
      true,
      retryAfter,
    );
  }
  return new FleetError('INVALID_ARGUMENT', 'la API rechazó la solicitud' + detail);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110, 10.2.3). */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
