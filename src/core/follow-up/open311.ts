// A case's status as other systems read it: GeoReport v2 (Open311) field names, so a ministry
// portal, a city app or GOV.CO can read PQRSD statuses the way FixMyStreet's clients read reports.
// Only what the citizen's own page shows: no personal data, no staff.
import type { CaseRecord } from '../cases/case-record';
import { CASE_STATUS_LABELS } from '../cases/case-record';
import type { CaseClock } from '../clock/case-clock';
import { bogotaDateOf, bogotaMinutesOf } from '../calendar/calendar-date';
import { REQUEST_TYPE_CODES, REQUEST_TYPE_LABELS } from '../request-types';
import { termDaysFor } from '../terms/legal-terms';
import { citizenEmailOf } from '../notifications/act-notices';
import { answerOf, dueLine } from './citizen-timeline';

const OPEN: ReadonlySet<string> = new Set(['radicado', 'en_tramite', 'suspendido']);

/** An instant as ISO 8601 with Bogotá's offset, to the second: `2026-07-06T08:12:00-05:00`. */
export function isoBogota(ms: number): string {
  const minutes = bogotaMinutesOf(ms);
  const seconds = Math.floor((((ms % 60_000) + 60_000) % 60_000) / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${bogotaDateOf(ms)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:${pad(seconds)}-05:00`;
}

export interface Open311Service {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  readonly metadata: false;
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
  /** Not in GeoReport v2: the legal term to answer, in business days (Ley 1755 de 2015). */
  readonly term_business_days: number;
}

/** The request types, each with its legal term (GeoReport v2 `GET services`). */
export function serviceList(): Open311Service[] {
  return REQUEST_TYPE_CODES.map((code) => ({
    service_code: code,
    service_name: REQUEST_TYPE_LABELS[code],
    description: `${REQUEST_TYPE_LABELS[code]}: respuesta en ${termDaysFor(code)} días hábiles.`,
    metadata: false,
    type: 'realtime',
    keywords: 'pqrsd',
    group: 'PQRSD',
    term_business_days: termDaysFor(code),
  }));
}

export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string;
  readonly service_name: string;
  readonly service_code: string;
  readonly agency_responsible: string;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  /** The legal due date, at the end of that day in Bogotá; '' once closed without one. */
  readonly expected_datetime: string;
}

/** One request's status (GeoReport v2 `GET requests/{id}`), from the case and its clock. */
export function requestStatus(
  record: CaseRecord,
  clock: Pick<CaseClock, 'dueDate' | 'businessDaysLeft' | 'state'>,
): Open311Request {
  const received = Date.parse(record.receivedAt);
  const last = record.events.reduce(
    (latest, e) => Math.max(latest, Number.isNaN(Date.parse(e.at)) ? 0 : Date.parse(e.at)),
    received,
  );
  const open = OPEN.has(record.status);
  return {
    service_request_id: record.radicado,
    status: open ? 'open' : 'closed',
    status_notes: `${CASE_STATUS_LABELS[record.status]}. ${open ? dueLine(clock) : answerOf(record) || dueLine(clock)}`,
    service_name: REQUEST_TYPE_LABELS[record.type],
    service_code: record.type,
    agency_responsible: record.dependency,
    requested_datetime: isoBogota(received),
    updated_datetime: isoBogota(last),
    expected_datetime: clock.dueDate ? `${clock.dueDate}T23:59:59-05:00` : '',
  };
}

/** GeoReport v2's error shape: the same for an unknown id and a wrong token. */
export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

export const NOT_FOUND_ERROR: Open311Error = {
  code: 404,
  description: 'No encontramos una solicitud con esos datos.',
};

export const THROTTLED_ERROR: Open311Error = {
  code: 429,
  description: 'Demasiados intentos para esta solicitud. Intente de nuevo más tarde.',
};

/** An answer the law has published (CPACA art. 69): no personal data, only the petition's facts. */
export interface PublishedAnswer {
  readonly radicado: string;
  readonly receivedAt: string;
  readonly typeLabel: string;
  readonly answer: string;
}

/**
 * Whether a case's answer is published: the petition was anonymous, or its petitioner left no way to
 * be reached (no valid email, no phone, no address).
 */
export function isPublished(record: CaseRecord): boolean {
  if (record.status !== 'respondido' && record.status !== 'archivado') return false;
  if (!answerOf(record)) return false;
  const p = record.petitioner;
  return p.anonymous || (citizenEmailOf(record) === '' && !p.phone && !p.address);
}

export const PUBLISHED_PAGE_SIZE = 20;

/** The published answers, newest filing first, one page (1-based) at a time. */
export function publishedAnswers(
  records: readonly CaseRecord[],
  page: number,
): { items: PublishedAnswer[]; page: number; pages: number; total: number } {
  const all = records
    .filter(isPublished)
    .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))
    .map((r) => ({
      radicado: r.radicado,
      receivedAt: r.receivedAt,
      typeLabel: REQUEST_TYPE_LABELS[r.type],
      answer: answerOf(r),
    }));
  const pages = Math.max(1, Math.ceil(all.length / PUBLISHED_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    items: all.slice((current - 1) * PUBLISHED_PAGE_SIZE, current * PUBLISHED_PAGE_SIZE),
    page: current,
    pages,
    total: all.length,
  };
}
