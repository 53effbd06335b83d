// Row mapping with plain arrays and objects: what goes into a cell and what comes back.
import { caseToRow, eventsReadable, rowToCase } from '../../src/gas/case-rows';
import { EVENTS_CELL_BUDGET } from '../../src/core/cases/case-seal';
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
  chainHead: '9f86d081884c7d659a2feaa0c55ad015',
};

/** What Sheets gives back for a written row: the quote prefix of plain-text cells is not kept. */
function readBack(row: Record<string, unknown>): Record<string, unknown> {
  const asRead: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    asRead[key] = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
  return asRead;
}

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
    expect(rowToCase(readBack(caseToRow(record)))).toEqual(record);
  });

  it('keeps the head of the case’s Historial chain in its own column', () => {
    const row = caseToRow(record);
    expect(row.chainHead).toBe("'9f86d081884c7d659a2feaa0c55ad015");
    expect(rowToCase(readBack(row)).chainHead).toBe(record.chainHead);
    expect(caseToRow({ ...record, chainHead: '' }).chainHead).toBe('');
    expect(rowToCase({ ...readBack(row), chainHead: '' }).chainHead).toBe('');
  });

  it('survives a clerk typing nonsense in the events column, and says the cell is unreadable', () => {
    const typed = { ...caseToRow(record), events: 'no es JSON' };
    expect(rowToCase(typed).events).toEqual([]);
    expect(eventsReadable(typed)).toBe(false);
    expect(eventsReadable({ ...caseToRow(record), events: '{"kind":"x"}' })).toBe(false);
    expect(eventsReadable(readBack(caseToRow(record)))).toBe(true);
    expect(eventsReadable({ ...caseToRow(record), events: '' })).toBe(true);
  });

  it('keeps every clock event in the cell, dropping old notes past the budget', () => {
    const kinds = ['info_requested', 'info_received'] as const;
    const events = Array.from({ length: 30 }, (_, i) => ({
      kind: kinds[i % 2],
      at: new Date(Date.parse('2026-07-07T15:00:00.000Z') + i * 86_400_000).toISOString(),
      by: 'v@x.gov.co',
      note: `nota ${i} ${'x'.repeat(3000)}`,
    }));
    const cell = String(caseToRow({ ...record, events }).events);
    expect(cell.length).toBeLessThanOrEqual(EVENTS_CELL_BUDGET + 1);
    const back = rowToCase(readBack(caseToRow({ ...record, events }))).events;
    expect(back.map(({ kind, at, by }) => ({ kind, at, by }))).toEqual(
      events.map(({ kind, at, by }) => ({ kind, at, by })),
    );
    expect(back[0].note).toBeUndefined();
    expect(back[29].note).toBe(events[29].note);
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
