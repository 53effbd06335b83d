import type { CaseEvent, CaseRecord } from '../../../src/core/cases/case-record';
import {
  canonicalCells,
  caseSnapshot,
  chainLine,
  compactEvents,
  EVENTS_CELL_BUDGET,
  followUpToken,
  lineHash,
  restoreSnapshot,
  SNAPSHOT_LIMIT,
  sealOf,
  sealRecord,
} from '../../../src/core/cases/case-seal';

const SECRET = 'secreto-de-la-entidad';

const record: CaseRecord = {
  radicado: '2026-000007',
  receivedAt: '2026-07-06T13:12:00.000Z',
  channel: 'formulario',
  declaredType: 'peticion_general',
  type: 'reclamo',
  subject: 'Cobro doble',
  description: 'Me cobraron dos veces el impuesto predial.',
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
  dependency: 'Hacienda',
  assignee: 'v@x.gov.co',
  status: 'en_tramite',
  effectiveReceiptDate: '2026-07-06',
  dueDate: '2026-07-29',
  businessDaysLeft: 12,
  extendedTo: '',
  answeredAt: '',
  notes: '',
  alerts: ['uno'],
  responseId: 'f1-abc',
  tokenHash: 'abc',
  events: [
    { kind: 'reclassified', at: '2026-07-07T15:00:00.000Z', type: 'reclamo', by: 'v@x.gov.co' },
  ],
  chainHead: 'cabeza',
};

describe('sealRecord', () => {
  const seal = sealRecord(SECRET, record);

  it('is 32 hex characters, the same for the same record and secret', () => {
    expect(seal).toMatch(/^[0-9a-f]{32}$/);
    expect(sealRecord(SECRET, { ...record })).toBe(seal);
    expect(sealRecord('otro', record)).not.toBe(seal);
  });

  const p = record.petitioner;
  const edits: Array<[string, Partial<CaseRecord>]> = [
    ['radicado', { radicado: '2026-000008' }],
    ['receivedAt', { receivedAt: '2026-07-06T13:13:00.000Z' }],
    ['channel', { channel: 'presencial' }],
    ['declaredType', { declaredType: null }],
    ['type', { type: 'queja' }],
    ['subject', { subject: 'Cobro triple' }],
    ['description', { description: 'Otra cosa.' }],
    ['anonymous', { petitioner: { ...p, anonymous: true } }],
    ['applicantKind', { petitioner: { ...p, applicantKind: 'Persona jurídica' } }],
    ['name', { petitioner: { ...p, name: 'Ana María' } }],
    ['idType', { petitioner: { ...p, idType: 'Pasaporte' } }],
    ['idNumber', { petitioner: { ...p, idNumber: '0012346' } }],
    ['email', { petitioner: { ...p, email: 'otra@example.com' } }],
    ['phone', { petitioner: { ...p, phone: '' } }],
    ['address', { petitioner: { ...p, address: 'Calle 2' } }],
    ['municipality', { petitioner: { ...p, municipality: 'Sopetrán' } }],
    ['preferredChannel', { petitioner: { ...p, preferredChannel: 'Dirección física' } }],
    ['acceptsEmailNotification', { petitioner: { ...p, acceptsEmailNotification: false } }],
    ['priority', { priority: 'Soy periodista y la solicitud es para mi labor' }],
    ['differentialGroup', { differentialGroup: 'Persona mayor' }],
    ['consent', { consent: false }],
    ['dependency', { dependency: 'Planeación' }],
    ['assignee', { assignee: 'w@x.gov.co' }],
    ['status', { status: 'respondido' }],
    ['effectiveReceiptDate', { effectiveReceiptDate: '2026-07-07' }],
    ['extendedTo', { extendedTo: '2026-08-10' }],
    ['answeredAt', { answeredAt: '2026-07-20T15:00:00.000Z' }],
    ['alerts', { alerts: [] }],
    ['responseId', { responseId: 'f1-abd' }],
    ['tokenHash', { tokenHash: 'abd' }],
    ['events', { events: [] }],
    ['an event’s note', { events: [{ ...record.events[0], note: 'x' }] }],
    ['chainHead', { chainHead: 'otra-cabeza' }],
  ];

  it.each(edits)('changes when %s changes', (_field, patch) => {
    expect(sealRecord(SECRET, { ...record, ...patch })).not.toBe(seal);
  });

  it('does not change with the clock columns the daily refresh rewrites, or the notes', () => {
    expect(sealRecord(SECRET, { ...record, businessDaysLeft: 3 })).toBe(seal);
    expect(sealRecord(SECRET, { ...record, dueDate: '2026-08-01' })).toBe(seal);
    expect(sealRecord(SECRET, { ...record, notes: 'Llamó el lunes' })).toBe(seal);
  });

  it('counts instants to the second, as a cell shows them', () => {
    expect(sealRecord(SECRET, { ...record, receivedAt: '2026-07-06T13:12:00.999Z' })).toBe(seal);
  });

  it('is the seal of the canonical cells', () => {
    expect(canonicalCells(['a', 1, true])).toBe('["a","1","true"]');
    expect(sealOf(SECRET, canonicalCells(['a', 1]))).toBe(
      sealOf(SECRET, canonicalCells(['a', '1'])),
    );
    expect(sealOf(SECRET, canonicalCells(['a,b']))).not.toBe(
      sealOf(SECRET, canonicalCells(['a', 'b'])),
    );
  });
});

describe('chainLine and lineHash', () => {
  const base = {
    at: '2026-07-06T14:00:00.000Z',
    by: 'clerk@x.gov.co',
    radicado: '2026-000007',
    event: 'radicado',
    details: 'Canal formulario',
  };

  it('chains a line after the previous hash of its case, with a hash that verifies', () => {
    const first = chainLine(SECRET, '', base);
    expect(first.prev).toBe('');
    expect(first.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(lineHash(SECRET, first)).toBe(first.hash);
    const second = chainLine(SECRET, first.hash, { ...base, event: 'asignado' });
    expect(second.prev).toBe(first.hash);
    expect(lineHash(SECRET, second)).toBe(second.hash);
  });

  it.each(['at', 'by', 'radicado', 'event', 'details', 'prev'] as const)(
    'no longer verifies when %s is changed',
    (field) => {
      const line = chainLine(SECRET, 'p', base);
      expect(lineHash(SECRET, { ...line, [field]: `${line[field]}x` })).not.toBe(line.hash);
    },
  );

  it('cannot be forged without the secret', () => {
    const line = chainLine(SECRET, '', base);
    expect(lineHash('otro', line)).not.toBe(line.hash);
  });

  it('does not depend on the snapshot written with it', () => {
    const line = chainLine(SECRET, '', base);
    expect(lineHash(SECRET, { ...line, after: '{"x":1}' })).toBe(line.hash);
  });

  it('keeps fields apart: moving text between fields changes the hash', () => {
    const a = chainLine(SECRET, '', { ...base, event: 'ab', details: 'c' });
    const b = chainLine(SECRET, '', { ...base, event: 'a', details: 'bc' });
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('caseSnapshot and restoreSnapshot', () => {
  it('gives back the case it recorded, without the clerk’s notes', () => {
    const noted = { ...record, notes: 'nota privada' };
    const snapshot = caseSnapshot(SECRET, noted);
    expect(snapshot).not.toContain('nota privada');
    expect(restoreSnapshot(SECRET, snapshot)).toEqual({ ...record, notes: '' });
  });

  it('refuses a snapshot edited by hand, one read with another secret, and junk', () => {
    const snapshot = caseSnapshot(SECRET, record);
    const tampered = snapshot.replace('"status":"en_tramite"', '"status":"respondido"');
    expect(tampered).not.toBe(snapshot);
    expect(restoreSnapshot(SECRET, tampered)).toBeNull();
    const parsed = JSON.parse(snapshot) as { record: CaseRecord; seal: string };
    const resealedByHand = JSON.stringify({
      record: { ...parsed.record, assignee: 'x' },
      seal: parsed.seal,
    });
    expect(restoreSnapshot(SECRET, resealedByHand)).toBeNull();
    expect(restoreSnapshot('otro', snapshot)).toBeNull();
    expect(restoreSnapshot(SECRET, '')).toBeNull();
    expect(restoreSnapshot(SECRET, '{"record":{}}')).toBeNull();
    expect(restoreSnapshot(SECRET, 'no es JSON')).toBeNull();
  });

  it('is left out when it would not fit a cell (50,000 characters), so the line is still written', () => {
    // A description just under a cell's limit, with quotes that JSON escapes: the snapshot would
    // pass the limit while the row itself fits.
    const long = { ...record, description: `"${'x'.repeat(48_000)}"` };
    expect(caseSnapshot(SECRET, long)).toBe('');
    expect(caseSnapshot(SECRET, record).length).toBeLessThanOrEqual(SNAPSHOT_LIMIT);
  });
});

describe('followUpToken', () => {
  it('is derived: the same for a case and secret, different per radicado and per secret', () => {
    const token = followUpToken(SECRET, '2026-000007');
    expect(token).toMatch(/^[0-9a-f]{40}$/);
    expect(followUpToken(SECRET, '2026-000007')).toBe(token);
    expect(followUpToken(SECRET, '2026-000008')).not.toBe(token);
    expect(followUpToken('otro', '2026-000007')).not.toBe(token);
  });

  it('is not the seal or a line hash of the same secret', () => {
    const token = followUpToken(SECRET, '2026-000007');
    expect(token.slice(0, 32)).not.toBe(sealRecord(SECRET, record));
  });
});

describe('compactEvents', () => {
  const event = (i: number, note?: string): CaseEvent => ({
    kind: i % 2 === 0 ? 'info_requested' : 'info_received',
    at: `2026-07-${String(7 + (i % 20)).padStart(2, '0')}T15:00:00.000Z`,
    by: 'clerk@x.gov.co',
    ...(note === undefined ? {} : { note }),
  });

  it('leaves events that fit the cell as they are', () => {
    const events = [event(0, 'corta'), event(1)];
    expect(compactEvents(events)).toEqual(events);
  });

  it('drops the notes of the oldest events first, until the cell fits, keeping every event', () => {
    const events = Array.from({ length: 12 }, (_, i) => event(i, `${i}:${'n'.repeat(5000)}`));
    expect(JSON.stringify(events).length).toBeGreaterThan(EVENTS_CELL_BUDGET);
    const compacted = compactEvents(events);
    expect(compacted).toHaveLength(events.length);
    expect(JSON.stringify(compacted).length).toBeLessThanOrEqual(EVENTS_CELL_BUDGET);
    compacted.forEach((e, i) => {
      const { note: _n, ...clock } = events[i];
      expect(e).toMatchObject(clock);
    });
    const kept = compacted.map((e) => e.note !== undefined);
    const firstKept = kept.indexOf(true);
    expect(firstKept).toBeGreaterThan(0);
    expect(kept.slice(firstKept).every(Boolean)).toBe(true);
    expect(compacted[11].note).toBe(events[11].note);
    // The caller's events are not changed.
    expect(events[0].note).toBeDefined();
  });
});
