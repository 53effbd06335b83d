// The reports the law asks of an entity, computed from the cases and their legal clocks: the
// access-to-information report (Decreto 1081 de 2015, art. 2.1.1.6.2: requests received,
// transferred, the response time of each, access denied) and the semiannual PQRSD report of
// control interno (Ley 1474 de 2011, art. 76: totals by type, channel and dependency; on time,
// late, pending). No personal data: radicados, types, dates and counts only.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { bogotaDateOf, type CalendarDate } from '../calendar/calendar-date';
import { clockOfCase } from '../cases/case-clock-input';
import type { CaseRecord } from '../cases/case-record';
import type { ClockSettings } from '../clock/case-clock';
import { REQUEST_TYPE_LABELS } from '../request-types';

export const REPORT_KINDS = ['acceso_informacion', 'pqrs_semestral'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  acceso_informacion: 'Informe de solicitudes de acceso a la información',
  pqrs_semestral: 'Informe de peticiones, quejas, reclamos, sugerencias y denuncias',
};

export const REPORT_BASIS: Readonly<Record<ReportKind, string>> = {
  acceso_informacion: 'Ley 1712 de 2014, art. 11 lit. h; Decreto 1081 de 2015, art. 2.1.1.6.2',
  pqrs_semestral: 'Ley 1474 de 2011, art. 76',
};

export interface ReportPeriod {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export interface ReportContext {
  readonly today: CalendarDate;
  readonly settings: ClockSettings;
  readonly calendar: BusinessCalendar;
}

/** One request of the access-to-information report (the decree's item 3, per request). */
export interface AccessRequestLine {
  readonly radicado: string;
  readonly receivedOn: CalendarDate;
  readonly transferred: boolean;
  readonly destination: string;
  readonly answeredOn: CalendarDate | null;
  /**
   * Business days from the day after the effective receipt date up to and including the answer
   * date; 0 when answered that same day; null while unanswered.
   */
  readonly responseBusinessDays: number | null;
  readonly accessDenied: boolean;
  readonly denialBasis: string;
}

export interface AccessReport {
  readonly received: number;
  readonly transferred: number;
  readonly denied: number;
  readonly requests: readonly AccessRequestLine[];
}

export interface PqrsReport {
  readonly total: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly byDependency: Readonly<Record<string, number>>;
  /** Closed (answered, transferred, desisted) on or before the legal due date. */
  readonly onTime: number;
  /** Closed after the legal due date. */
  readonly late: number;
  /** Still open when the report is generated. */
  readonly pending: number;
  /** Of the pending, those already past their due date. */
  readonly pendingOverdue: number;
  /** The words most repeated in the subjects (recurring subjects), with their counts. */
  readonly recurringSubjects: ReadonlyArray<{ readonly word: string; readonly count: number }>;
}

/**
 * The cases of a period: received (Bogotá date of receipt) between `from` and `to` inclusive. A
 * voided radicado was a filing error (a duplicate), not a request: it is left out.
 */
export function casesOfPeriod(records: readonly CaseRecord[], period: ReportPeriod): CaseRecord[] {
  return records.filter((r) => {
    if (r.status === 'anulado') return false;
    const on = bogotaDateOf(Date.parse(r.receivedAt));
    return on >= period.from && on <= period.to;
  });
}

function lastEvent<K extends CaseRecord['events'][number]['kind']>(
  record: CaseRecord,
  kind: K,
): Extract<CaseRecord['events'][number], { kind: K }> | null {
  for (let i = record.events.length - 1; i >= 0; i -= 1)
    if (record.events[i].kind === kind)
      return record.events[i] as Extract<CaseRecord['events'][number], { kind: K }>;
  return null;
}

export function accessReport(
  records: readonly CaseRecord[],
  period: ReportPeriod,
  ctx: ReportContext,
): AccessReport {
  const requests = casesOfPeriod(records, period)
    .filter((r) => r.type === 'peticion_documentos')
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt))
    .map((record): AccessRequestLine => {
      const clock = clockOfCase(record, ctx);
      const transfer = lastEvent(record, 'transferred');
      const answer = lastEvent(record, 'answered');
      const answeredOn = answer ? bogotaDateOf(Date.parse(answer.at)) : null;
      return {
        radicado: record.radicado,
        receivedOn: bogotaDateOf(Date.parse(record.receivedAt)),
        transferred: transfer !== null,
        destination: transfer?.note ?? '',
        answeredOn,
        responseBusinessDays:
          answeredOn === null
            ? null
            : Math.max(0, ctx.calendar.businessDaysBetween(clock.effectiveReceiptDate, answeredOn)),
        accessDenied: answer?.accessDenied === true,
        denialBasis: answer?.accessDenied ? (answer.legalBasis ?? '') : '',
      };
    });
  return {
    received: requests.length,
    transferred: requests.filter((r) => r.transferred).length,
    denied: requests.filter((r) => r.accessDenied).length,
    requests,
  };
}

/** Words that say nothing of a subject. */
const STOP_WORDS = new Set(
  'a al ante con contra de del desde el en entre la las lo los mi mis para por que se sin sobre su sus un una y o e u no es son le les me nos ya muy más'.split(
    ' ',
  ),
);

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function recurringSubjects(records: readonly CaseRecord[]): Array<{ word: string; count: number }> {
  const counts: Record<string, number> = {};
  for (const record of records) {
    const words = new Set(
      record.subject
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^a-z0-9ñ]+/)
        .filter((w) => w.length > 3 && !STOP_WORDS.has(w)),
    );
    for (const word of words) count(counts, word);
  }
  return Object.entries(counts)
    .filter(([, n]) => n > 1)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([word, n]) => ({ word, count: n }));
}

export function pqrsReport(
  records: readonly CaseRecord[],
  period: ReportPeriod,
  ctx: ReportContext,
): PqrsReport {
  const cases = casesOfPeriod(records, period);
  const byType: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  const byDependency: Record<string, number> = {};
  let onTime = 0;
  let late = 0;
  let pending = 0;
  let pendingOverdue = 0;
  for (const record of cases) {
    count(byType, record.type);
    count(byChannel, record.channel);
    count(byDependency, record.dependency || '(sin dependencia)');
    const clock = clockOfCase(record, ctx);
    if (clock.state === 'closed' && clock.closedOn !== null) {
      if (clock.closedOn <= clock.dueDate) onTime += 1;
      else late += 1;
    } else {
      pending += 1;
      if (clock.state === 'running' && clock.businessDaysLeft < 0) pendingOverdue += 1;
    }
  }
  return {
    total: cases.length,
    byType,
    byChannel,
    byDependency,
    onTime,
    late,
    pending,
    pendingOverdue,
    recurringSubjects: recurringSubjects(cases),
  };
}

/** The periods the menu offers: a month, a quarter, a semester or a year. */
export type PeriodKind = 'mes' | 'trimestre' | 'semestre' | 'anio';

export function periodOf(kind: PeriodKind, year: number, index: number): ReportPeriod | null {
  const months = { mes: 1, trimestre: 3, semestre: 6, anio: 12 }[kind];
  const count = 12 / months;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (!Number.isInteger(index) || index < 1 || index > count) return null;
  const first = (index - 1) * months + 1;
  const last = first + months - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

export function typeLabelOf(code: string): string {
  return REQUEST_TYPE_LABELS[code as keyof typeof REQUEST_TYPE_LABELS] ?? code;
}
