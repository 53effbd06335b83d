// A statutory report as a document: what the menu writes to its own sheet, what the ministry's
// aggregate export carries (JSON and CSV, the entity's DANE code, no case-level personal data).
// One batched read of every case; the figures come from each case's legal clock.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { bogotaDateOf, parseCalendarDate } from '../core/calendar/calendar-date';
import { DomainError } from '../core/errors';
import {
  accessReport,
  pqrsReport,
  REPORT_BASIS,
  REPORT_KINDS,
  REPORT_TITLES,
  type AccessRequestLine,
  type PqrsReport,
  type ReportKind,
  type ReportPeriod,
} from '../core/reports/statutory-reports';
import type { IntakeDeps } from './intake';
import { isoSeconds } from './intake';

interface ReportHeader {
  readonly kind: ReportKind;
  readonly title: string;
  readonly legalBasis: string;
  readonly entity: string;
  readonly daneCode: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
}

export type AccessReportDocument = ReportHeader & {
  readonly kind: 'acceso_informacion';
  readonly received: number;
  readonly transferred: number;
  readonly denied: number;
  /** Item 3 of the decree: each request's response time (business days; null unanswered). */
  readonly requests: ReadonlyArray<{ radicado: string; responseBusinessDays: number | null }>;
  /** The export columns of each request (still no personal data). */
  readonly requestDetails: readonly AccessRequestLine[];
};

export type PqrsReportDocument = ReportHeader &
  PqrsReport & {
    readonly kind: 'pqrs_semestral';
  };

export type ReportDocument = AccessReportDocument | PqrsReportDocument;

export interface ReportRequest {
  readonly kind: unknown;
  readonly from: unknown;
  readonly to: unknown;
}

/** The kind and period asked for, checked: a known kind, two dates, `from` not after `to`. */
export function readReportRequest(request: ReportRequest): {
  kind: ReportKind;
  period: ReportPeriod;
} {
  const kind = String(request.kind ?? '');
  if (!(REPORT_KINDS as readonly string[]).includes(kind))
    throw new DomainError('INVALID_PAYLOAD', { field: 'kind' });
  const from = parseCalendarDate(String(request.from ?? ''));
  if (!from) throw new DomainError('INVALID_PAYLOAD', { field: 'from' });
  const to = parseCalendarDate(String(request.to ?? ''));
  if (!to || to < from) throw new DomainError('INVALID_PAYLOAD', { field: 'to' });
  return { kind: kind as ReportKind, period: { from, to } };
}

export function buildReport(
  deps: Pick<IntakeDeps, 'cases' | 'config' | 'clock'>,
  kind: ReportKind,
  period: ReportPeriod,
): ReportDocument {
  const records = deps.cases.all().map((c) => c.record);
  const { settings } = deps.config;
  const ctx = {
    today: bogotaDateOf(deps.clock.now()),
    settings,
    calendar: createBusinessCalendar(deps.config.calendar),
  };
  const header = {
    title: REPORT_TITLES[kind],
    legalBasis: REPORT_BASIS[kind],
    entity: settings.name,
    daneCode: settings.daneCode,
    from: period.from,
    to: period.to,
    generatedAt: isoSeconds(deps.clock.now()),
  };
  if (kind === 'acceso_informacion') {
    const figures = accessReport(records, period, ctx);
    return {
      kind,
      ...header,
      received: figures.received,
      transferred: figures.transferred,
      denied: figures.denied,
      requests: figures.requests.map((r) => ({
        radicado: r.radicado,
        responseBusinessDays: r.responseBusinessDays,
      })),
      requestDetails: figures.requests,
    };
  }
  return { kind, ...header, ...pqrsReport(records, period, ctx) };
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet that opens the file.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The ministry's aggregate export: one `indicador,clave,valor` line per figure, headed by the DANE
 * code and the period, with no case-level data at all (the per-request times are summarised).
 */
export function aggregateCsv(doc: ReportDocument): string {
  const lines: Array<[string, string, string | number]> = [
    ['codigo_dane', '', doc.daneCode],
    ['entidad', '', doc.entity],
    ['informe', '', doc.kind],
    ['desde', '', doc.from],
    ['hasta', '', doc.to],
    ['generado', '', doc.generatedAt],
  ];
  if (doc.kind === 'acceso_informacion') {
    lines.push(['recibidas', '', doc.received]);
    lines.push(['trasladadas', '', doc.transferred]);
    lines.push(['acceso_negado', '', doc.denied]);
    const answered = doc.requests
      .map((r) => r.responseBusinessDays)
      .filter((d): d is number => d !== null);
    lines.push(['respondidas', '', answered.length]);
    lines.push(['sin_respuesta', '', doc.requests.length - answered.length]);
    lines.push([
      'dias_habiles_promedio',
      '',
      answered.length
        ? Math.round((answered.reduce((a, b) => a + b, 0) / answered.length) * 10) / 10
        : '',
    ]);
    lines.push(['dias_habiles_maximo', '', answered.length ? Math.max(...answered) : '']);
  } else {
    lines.push(['total', '', doc.total]);
    for (const [k, v] of Object.entries(doc.byType)) lines.push(['por_tipo', k, v]);
    for (const [k, v] of Object.entries(doc.byChannel)) lines.push(['por_canal', k, v]);
    for (const [k, v] of Object.entries(doc.byDependency)) lines.push(['por_dependencia', k, v]);
    lines.push(['a_tiempo', '', doc.onTime]);
    lines.push(['fuera_de_termino', '', doc.late]);
    lines.push(['pendientes', '', doc.pending]);
    lines.push(['pendientes_vencidas', '', doc.pendingOverdue]);
  }
  return ['indicador,clave,valor', ...lines.map((l) => l.map(csvCell).join(','))].join('\n') + '\n';
}

/** The aggregate JSON for the ministry: the document without the per-request lines. */
export function aggregateJson(doc: ReportDocument): Record<string, unknown> {
  if (doc.kind !== 'acceso_informacion') return { ...doc };
  const { requests, requestDetails: _details, ...rest } = doc;
  const answered = requests.filter((r) => r.responseBusinessDays !== null).length;
  return { ...rest, answered, unanswered: requests.length - answered };
}
