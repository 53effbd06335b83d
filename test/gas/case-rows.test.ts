// Row mapping with plain arrays and objects: what goes into a cell and what comes back.
import { caseToRow, rowToCase } from '../../src/gas/case-rows';
import { dateCell, readCalendarDate, textCell } from '../../src/gas/cell-values';
import type { CaseRecord } from '../../src/core/cases/case-record';

const record: CaseRecord = {
  radicado: '2026-000007',
  receivedAt: '2026-07-06T13:12:00.000Z',
  channel: 'formulario',
  declaredType: 'peticion_general',
  type: 'reclamo',
  subject: '=HYPERLINK("http://x")',
  description: '+57 300 1234567 -1 @x',
  petitioner: {
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'Ana',
    idType: 'Cédula de ciudadanía',
    idNumber: '0012345',
    email: 'ana@example.com',
    phone: '+573001234567',
    address: 'Calle 1',
    municipality: 'San Jerónimo',
    preferredChannel: 'Correo electrónico',
    acceptsEmailNotification: true,
  },
  priority: '',
  differentialGroup: '',
  consent: true,
  dependency: 'Ventanilla Única',
  assignee: 'v@x.gov.co',
  status: 'en_tramite',
  effectiveReceiptDate: '2026-07-06',
  dueDate: '2026-07-29',
  businessDaysLeft: 12,
  extendedTo: '',
  answeredAt: '',
  notes: '',
  alerts: ['uno', 'dos'],
  responseId: 'resp-1',
  tokenHash: 'abc',
  events: [
    { kind: 'reclassified', at: '2026-07-07T15:00:00.000Z', type: 'reclamo', by: 'v@x.gov.co' },
  ],
};

describe('case rows', () => {
  it('writes every text with a quote prefix so Sheets never makes it a formula or a number', () => {
    const row = caseToRow(record);
    for (const key of ['subject', 'description', 'idNumber', 'phone', 'name']) {
      expect(String(row[key]).startsWith("'")).toBe(true);
    }
    expect(textCell('')).toBe('');
  });

  it('writes calendar dates as midnight in Bogotá and reads them back as the same date', () => {
    const cell = dateCell('2026-07-29') as Date;
    expect(cell.toISOString()).toBe('2026-07-29T05:00:00.000Z');
    expect(readCalendarDate(cell)).toBe('2026-07-29');
    expect(dateCell('')).toBe('');
  });

  it('round-trips a case through what Sheets gives back (quote prefix removed)', () => {
    const row = caseToRow(record);
    const asRead: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row))
      asRead[key] = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
    expect(rowToCase(asRead)).toEqual(record);
  });

  it('survives a clerk typing nonsense in the events column', () => {
    expect(rowToCase({ ...caseToRow(record), events: 'no es JSON' }).events).toEqual([]);
  });
});

describe('readCalendarDate', () => {
  it('reads ISO text, a quote-prefixed ISO text from a plain-text cell, and a Date', () => {
    expect(readCalendarDate('2026-12-24')).toBe('2026-12-24');
    expect(readCalendarDate("'2026-12-24")).toBe('2026-12-24');
    expect(readCalendarDate(new Date('2026-12-24T05:00:00.000Z'))).toBe('2026-12-24');
    expect(readCalendarDate('24/12/2026')).toBe('2026-12-24');
    expect(readCalendarDate('7/1/2027')).toBe('2027-01-07');
    expect(readCalendarDate('31/02/2026')).toBe('');
    expect(readCalendarDate('24 de diciembre')).toBe('');
  });
});
