// The statutory reports, figured by hand over February 2026 (no holiday that month; terms from
// CPACA art. 14: 10 business days for documents, 15 for general petitions; transfers 5, art. 21).
import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import type { CaseEvent, CaseRecord } from '../../../src/core/cases/case-record';
import type { RequestTypeCode } from '../../../src/core/request-types';
import { accessReport, periodOf, pqrsReport } from '../../../src/core/reports/statutory-reports';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const BY = 'clerk@x.gov.co';
const FEBRUARY = { from: '2026-02-01', to: '2026-02-28' };
const CTX = {
  today: '2026-03-31',
  settings: DEFAULT_SETTINGS,
  calendar: createBusinessCalendar({ worksSaturdays: false, closedDays: [] }),
};

/** 10:00 in Bogotá (15:00 UTC) on a date. */
const at = (date: string): string => `${date}T15:00:00.000Z`;

function filed(
  radicado: string,
  type: RequestTypeCode,
  receivedOn: string,
  events: CaseEvent[] = [],
  status: CaseRecord['status'] = 'radicado',
): CaseRecord {
  return {
    radicado,
    receivedAt: at(receivedOn),
    channel: 'formulario',
    declaredType: type,
    type,
    subject: `Asunto ${radicado}`,
    description: '',
    petitioner: {
      anonymous: false,
      applicantKind: 'Persona natural',
      name: `Nombre ${radicado}`,
      idType: 'Cédula de ciudadanía',
      idNumber: '•••4050',
      email: 'a•••@example.com',
      phone: '',
      address: '',
      municipality: '',
      preferredChannel: 'Correo electrónico',
      acceptsEmailNotification: true,
    },
    priority: '',
    differentialGroup: '',
    consent: true,
    dependency: type === 'peticion_documentos' ? 'Archivo' : 'Ventanilla Única',
    assignee: BY,
    status,
    effectiveReceiptDate: receivedOn,
    dueDate: '',
    businessDaysLeft: 0,
    extendedTo: '',
    answeredAt: '',
    notes: '',
    alerts: [],
    responseId: radicado,
    tokenHash: '',
    events,
    chainHead: '',
  };
}

const answered = (date: string, extra: Partial<CaseEvent> = {}): CaseEvent =>
  ({ kind: 'answered', at: at(date), note: 'Respuesta', by: BY, ...extra }) as CaseEvent;

const CASES: CaseRecord[] = [
  // A: documents, Mon 2 Feb, answered Thu 5 Feb: 3 business days (3, 4, 5); due 16 Feb: on time.
  filed('A', 'peticion_documentos', '2026-02-02', [answered('2026-02-05')], 'respondido'),
  // B: documents, transferred the next day: no answer of ours; on time (transfer due 10 Feb).
  filed(
    'B',
    'peticion_documentos',
    '2026-02-03',
    [
      {
        kind: 'transferred',
        at: at('2026-02-04'),
        note: 'Gobernación',
        reason: 'Competencia',
        by: BY,
      },
    ],
    'trasladado',
  ),
  // C: documents answered the same day, access denied: 0 days.
  filed(
    'C',
    'peticion_documentos',
    '2026-02-04',
    [answered('2026-02-04', { accessDenied: true, legalBasis: 'Ley 1712 de 2014, art. 18' })],
    'respondido',
  ),
  // D: general, never answered: due 23 Feb, pending and overdue on 31 March.
  filed('D', 'peticion_general', '2026-02-02'),
  // E: general, answered 2 March, after its due date (23 Feb): late.
  filed('E', 'peticion_general', '2026-02-02', [answered('2026-03-02')], 'respondido'),
  // F: general, extended on 20 Feb to 13 March, answered 5 March: on time.
  filed(
    'F',
    'peticion_general',
    '2026-02-02',
    [
      {
        kind: 'extended',
        at: at('2026-02-20'),
        newDueDate: '2026-03-13',
        reason: 'Concepto técnico',
        by: BY,
      },
      answered('2026-03-05'),
    ],
    'respondido',
  ),
  // G: general, information requested 5 Feb: suspended, pending (not overdue: its clock stopped).
  filed(
    'G',
    'peticion_general',
    '2026-02-02',
    [{ kind: 'info_requested', at: at('2026-02-05'), by: BY }],
    'suspendido',
  ),
  // H: received in January: outside the period.
  filed('H', 'peticion_documentos', '2026-01-30', [answered('2026-02-02')], 'respondido'),
  // I: received in March: outside the period.
  filed('I', 'peticion_documentos', '2026-03-02'),
  // J: voided: a filing error, not a request.
  filed(
    'J',
    'peticion_documentos',
    '2026-02-05',
    [{ kind: 'voided', at: at('2026-02-05'), by: BY }],
    'anulado',
  ),
];

describe('the access-to-information report (Decreto 1081 de 2015, art. 2.1.1.6.2)', () => {
  it('counts requests received, transferred and denied, and each one’s response time', () => {
    const report = accessReport(CASES, FEBRUARY, CTX);
    expect(report.received).toBe(3);
    expect(report.transferred).toBe(1);
    expect(report.denied).toBe(1);
    expect(report.requests.map((r) => [r.radicado, r.responseBusinessDays])).toEqual([
      ['A', 3],
      ['B', null],
      ['C', 0],
    ]);
    expect(report.requests[1]).toMatchObject({ transferred: true, destination: 'Gobernación' });
    expect(report.requests[2]).toMatchObject({
      accessDenied: true,
      denialBasis: 'Ley 1712 de 2014, art. 18',
    });
    // No personal data among the lines.
    expect(JSON.stringify(report)).not.toMatch(/Nombre|example\.com|4050/);
  });
});

describe('the semiannual PQRSD report (Ley 1474 de 2011, art. 76)', () => {
  it('totals by type, channel and dependency, and on time, late and pending', () => {
    const report = pqrsReport(CASES, FEBRUARY, CTX);
    expect(report.total).toBe(7);
    expect(report.byType).toEqual({ peticion_documentos: 3, peticion_general: 4 });
    expect(report.byChannel).toEqual({ formulario: 7 });
    expect(report.byDependency).toEqual({ Archivo: 3, 'Ventanilla Única': 4 });
    expect({ onTime: report.onTime, late: report.late, pending: report.pending }).toEqual({
      onTime: 4,
      late: 1,
      pending: 2,
    });
    expect(report.pendingOverdue).toBe(1);
    expect(JSON.stringify(report)).not.toMatch(/Nombre|example\.com|4050/);
  });
});

describe('periodOf', () => {
  it('gives a month, a quarter, a semester and a year of calendar dates', () => {
    expect(periodOf('mes', 2026, 2)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('mes', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('trimestre', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('semestre', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodOf('anio', 2026, 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('semestre', 2026, 3)).toBeNull();
  });
});
