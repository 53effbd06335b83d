// What the citizen's follow-up page and the JSON status say of a case: what the law has the entity
// tell the petitioner (CPACA arts. 14, 17, 21; Ley 1755 arts. 25-26), never who at the entity acted.
import type { CaseEvent, CaseRecord } from '../../../src/core/cases/case-record';
import { citizenTimeline, dueLine } from '../../../src/core/follow-up/citizen-timeline';
import {
  isoBogota,
  isPublished,
  PUBLISHED_PAGE_SIZE,
  publishedAnswers,
  requestStatus,
  serviceList,
} from '../../../src/core/follow-up/open311';

const BASE: CaseRecord = {
  radicado: '2026-000007',
  receivedAt: '2026-07-08T16:30:00.000Z',
  channel: 'formulario',
  declaredType: 'consulta',
  type: 'consulta',
  subject: 'Uso del suelo',
  description: 'Texto',
  petitioner: {
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'Ana Ruiz',
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
  dependency: 'Secretaría de Planeación',
  assignee: 'planeacion@x.gov.co',
  status: 'en_tramite',
  effectiveReceiptDate: '2026-07-08',
  dueDate: '2026-08-20',
  businessDaysLeft: 10,
  extendedTo: '',
  answeredAt: '',
  notes: 'Nota interna de la oficina',
  alerts: [],
  responseId: 'k',
  tokenHash: 'h',
  events: [],
  chainHead: '',
};

const BY = 'planeacion@x.gov.co';

function withEvents(events: CaseEvent[], patch: Partial<CaseRecord> = {}): CaseRecord {
  return { ...BASE, ...patch, events };
}

describe('citizenTimeline', () => {
  it('tells every act the citizen was told of, in order, and nothing of the staff', () => {
    const record = withEvents([
      { kind: 'assigned', at: '2026-07-08T17:00:00.000Z', to: 'otra@x.gov.co', from: BY, by: BY },
      { kind: 'noted', at: '2026-07-09T14:00:00.000Z', note: 'Llamar al jefe', by: BY },
      {
        kind: 'info_requested',
        at: '2026-07-10T14:00:00.000Z',
        note: 'Copia del certificado de tradición.',
        by: BY,
      },
      { kind: 'info_received', at: '2026-07-15T14:00:00.000Z', by: BY },
      {
        kind: 'extended',
        at: '2026-07-20T14:00:00.000Z',
        newDueDate: '2026-09-10',
        reason: 'Se requiere concepto jurídico.',
        by: BY,
      },
      {
        kind: 'answered',
        at: '2026-08-03T14:00:00.000Z',
        note: 'El uso del suelo es residencial.',
        by: BY,
      },
    ]);
    const story = citizenTimeline(record);
    expect(story.map((e) => e.title)).toEqual([
      'Solicitud radicada',
      'La entidad le pidió información',
      'Información recibida',
      'Plazo de respuesta ampliado',
      'Respuesta',
    ]);
    expect(story[0]).toMatchObject({ atLocal: '08/07/2026 11:30' });
    expect(story[0].text).toContain('2026-000007');
    expect(story[1].text).toContain('Se le pidió: Copia del certificado de tradición. ');
    expect(story[3].text).toBe(
      'Motivo: Se requiere concepto jurídico. Nueva fecha de respuesta: 10/09/2026 (art. 14, parágrafo).',
    );
    expect(story[4].text).toBe('El uso del suelo es residencial.');
    const text = JSON.stringify(story);
    for (const hidden of ['planeacion@', 'otra@', 'Llamar al jefe', 'Ana Ruiz', 'Nota interna'])
      expect(text).not.toContain(hidden);
  });

  it('gives the last day to send the information of the request still pending', () => {
    const record = withEvents(
      [{ kind: 'info_requested', at: '2026-07-10T14:00:00.000Z', note: 'Fotos', by: BY }],
      { status: 'suspendido' },
    );
    const [, request] = citizenTimeline(record, { desistimientoFrom: '2026-08-11' });
    expect(request.text).toContain('Tiene hasta el 10/08/2026 para enviarla.');
  });

  it('tells a transfer (to whom, why), an access denial with its basis, a void and a desistimiento', () => {
    const story = citizenTimeline(
      withEvents([
        {
          kind: 'transferred',
          at: '2026-07-10T14:00:00.000Z',
          note: 'Gobernación de Antioquia',
          reason: 'El asunto es departamental',
          email: 'contacto@antioquia.gov.co',
          by: BY,
        },
        {
          kind: 'answered',
          at: '2026-07-11T14:00:00.000Z',
          note: 'No procede.',
          accessDenied: true,
          legalBasis: 'Ley 1712 de 2014, art. 18',
          by: BY,
        },
        { kind: 'voided', at: '2026-07-12T14:00:00.000Z', note: 'Radicado duplicado', by: BY },
        { kind: 'desisted', at: '2026-07-13T14:00:00.000Z', by: BY },
      ]),
    );
    expect(story[1].text).toContain('Gobernación de Antioquia');
    expect(story[1].text).toContain('El asunto es departamental');
    expect(story[1].text).not.toContain('contacto@antioquia');
    expect(story[2].text).toContain('Fundamento: Ley 1712 de 2014, art. 18');
    expect(story[3]).toMatchObject({
      title: 'Radicado anulado',
      text: 'Motivo: Radicado duplicado.',
    });
    expect(story[4].title).toBe('Solicitud archivada por desistimiento');
  });
});

describe('dueLine', () => {
  it('counts business days left, today, or overdue; says why there is no count', () => {
    const at = { dueDate: '2026-08-20' };
    expect(dueLine({ ...at, businessDaysLeft: 3, state: 'running' })).toBe(
      'Fecha límite de respuesta: 20/08/2026 (quedan 3 días hábiles).',
    );
    expect(dueLine({ ...at, businessDaysLeft: 1, state: 'running' })).toContain(
      'queda 1 día hábil',
    );
    expect(dueLine({ ...at, businessDaysLeft: 0, state: 'running' })).toContain('vence hoy');
    expect(dueLine({ ...at, businessDaysLeft: -2, state: 'running' })).toContain(
      'venció hace 2 días hábiles',
    );
    expect(dueLine({ ...at, businessDaysLeft: 5, state: 'suspended' })).toContain('suspendido');
    expect(dueLine({ ...at, businessDaysLeft: 5, state: 'closed' })).toContain('terminó');
  });
});

describe('Open311 (GeoReport v2) fields', () => {
  it('writes instants in Bogotá with their offset', () => {
    expect(isoBogota(Date.parse('2026-07-08T16:30:05.900Z'))).toBe('2026-07-08T11:30:05-05:00');
    expect(isoBogota(Date.parse('2026-07-09T03:00:00Z'))).toBe('2026-07-08T22:00:00-05:00');
  });

  it('lists every request type with its legal term', () => {
    const services = serviceList();
    expect(services.find((s) => s.service_code === 'peticion_general')).toMatchObject({
      service_name: 'Petición de interés general',
      term_business_days: 15,
    });
    expect(services.find((s) => s.service_code === 'consulta')?.term_business_days).toBe(30);
    expect(services.find((s) => s.service_code === 'peticion_documentos')?.term_business_days).toBe(
      10,
    );
  });

  it('maps a case to a request status, open or closed', () => {
    const record = withEvents([
      {
        kind: 'extended',
        at: '2026-07-20T14:00:00.000Z',
        newDueDate: '2026-09-10',
        reason: 'Concepto',
        by: BY,
      },
    ]);
    expect(
      requestStatus(record, { dueDate: '2026-09-10', businessDaysLeft: 14, state: 'running' }),
    ).toEqual({
      service_request_id: '2026-000007',
      status: 'open',
      status_notes: 'En trámite. Fecha límite de respuesta: 10/09/2026 (quedan 14 días hábiles).',
      service_name: 'Consulta',
      service_code: 'consulta',
      agency_responsible: 'Secretaría de Planeación',
      requested_datetime: '2026-07-08T11:30:00-05:00',
      updated_datetime: '2026-07-20T09:00:00-05:00',
      expected_datetime: '2026-09-10T23:59:59-05:00',
    });
    const answered = withEvents(
      [{ kind: 'answered', at: '2026-08-03T14:00:00.000Z', note: 'Residencial.', by: BY }],
      { status: 'respondido' },
    );
    expect(
      requestStatus(answered, { dueDate: '2026-08-20', businessDaysLeft: 5, state: 'closed' }),
    ).toMatchObject({ status: 'closed', status_notes: 'Respondido. Residencial.' });
  });
});

describe('published answers (CPACA art. 69)', () => {
  const answered = (k: number, patch: Partial<CaseRecord['petitioner']>): CaseRecord =>
    withEvents(
      [{ kind: 'answered', at: '2026-08-03T14:00:00.000Z', note: `Respuesta ${k}`, by: BY }],
      {
        radicado: `2026-${String(k).padStart(6, '0')}`,
        receivedAt: new Date(Date.parse('2026-07-01T14:00:00Z') + k * 3600_000).toISOString(),
        status: 'respondido',
        petitioner: { ...BASE.petitioner, ...patch },
      },
    );

  it('publishes the answers to anonymous or unreachable petitioners only', () => {
    expect(isPublished(answered(1, { anonymous: true, name: '', email: '' }))).toBe(true);
    expect(isPublished(answered(2, { email: '', phone: '', address: '' }))).toBe(true);
    expect(isPublished(answered(3, { email: '••• (correo no válido)' }))).toBe(true);
    expect(isPublished(answered(4, {}))).toBe(false);
    expect(isPublished(answered(5, { email: '', address: '•••' }))).toBe(false);
    expect(isPublished({ ...answered(6, { anonymous: true }), status: 'en_tramite' })).toBe(false);
  });

  it('lists them newest first, a page at a time, without the petitioner', () => {
    const records = Array.from({ length: PUBLISHED_PAGE_SIZE + 3 }, (_, i) =>
      answered(i + 1, { anonymous: true, name: '', email: '' }),
    );
    const first = publishedAnswers(records, 1);
    expect(first).toMatchObject({ page: 1, pages: 2, total: PUBLISHED_PAGE_SIZE + 3 });
    expect(first.items).toHaveLength(PUBLISHED_PAGE_SIZE);
    expect(first.items[0].radicado).toBe('2026-000023');
    expect(Object.keys(first.items[0]).sort()).toEqual([
      'answer',
      'radicado',
      'receivedAt',
      'typeLabel',
    ]);
    expect(publishedAnswers(records, 2).items.map((i) => i.radicado)).toEqual([
      '2026-000003',
      '2026-000002',
      '2026-000001',
    ]);
    // A page out of range is the nearest one.
    expect(publishedAnswers(records, 99).page).toBe(2);
    expect(publishedAnswers(records, -1).page).toBe(1);
  });
});
