// The citizen's side of the web app: the whole story of a case behind its private link, the
// published answers of anonymous filers (CPACA art. 69), the Open311-style JSON, and throttled
// guessing. A wrong token, a missing one and an unknown radicado all get the same answer.
import {
  act,
  ADMIN,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  useBuiltBundle,
  type RpcResult,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const MINUTE = 60_000;

function linkOf(desk: Desk, radicado: string): { r: string; t: string } {
  const ack = desk
    .mailTo(CITIZEN_EMAIL)
    .find((m) => m.subject.startsWith('Radicado') && m.subject.includes(radicado));
  const match = ack && /https:\/\/\S+/.exec(ack.body);
  if (!match) throw new Error('no follow-up link');
  const url = new URL(match[0]);
  return { r: url.searchParams.get('r')!, t: url.searchParams.get('t')! };
}

function filed(desk: Desk, overrides = {}): { radicado: string; t: string } {
  // On a whole minute: the harness's clock runs in fractions of a millisecond, forms in whole ones.
  const at = Math.max(AT, Math.ceil((desk.ws.now + MINUTE) / MINUTE) * MINUTE);
  const result = desk.submit(citizen(overrides), at);
  const [record] = desk.casesFor(result.responseId);
  return { radicado: record.radicado, t: linkOf(desk, record.radicado).t };
}

function visit(desk: Desk, params: Record<string, string>) {
  const page = desk.harness.visit(desk.name, params);
  expect(page.error).toBeNull();
  return page;
}

function later(desk: Desk, minutes: number): void {
  desk.harness.advanceTo(desk.ws.now + minutes * MINUTE);
}

describe('the private page', () => {
  it('tells every act the citizen was told of, in order, with the due date and no staff', () => {
    const desk = new Desk();
    const { radicado, t } = filed(desk);
    later(desk, 30);
    expect(
      act(desk, CLERK, { radicado, kind: 'requestInfo', note: 'Copia de la escritura' }),
    ).toMatchObject({ ok: true });
    later(desk, 30);
    expect(act(desk, CLERK, { radicado, kind: 'receiveInfo' })).toMatchObject({ ok: true });
    later(desk, 30);
    expect(
      act(desk, CLERK, {
        radicado,
        kind: 'extend',
        newDueDate: '2026-03-10',
        reason: 'Se requiere visita técnica',
      }),
    ).toMatchObject({ ok: true });
    later(desk, 30);
    expect(
      act(desk, CLERK, { radicado, kind: 'answer', summary: 'La vía se repara en marzo.' }),
    ).toMatchObject({ ok: true });
    const page = visit(desk, { r: radicado, t });
    const titles = [
      'Solicitud radicada',
      'La entidad le pidió información',
      'Información recibida',
      'Plazo de respuesta ampliado',
      'Respuesta',
    ];
    const positions = titles.map((title) => page.body.indexOf(title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const text of [
      'Copia de la escritura',
      'Se requiere visita técnica',
      '10/03/2026',
      'La vía se repara en marzo.',
      'Estado:</strong> Respondido',
    ])
      expect(page.body).toContain(text);
    // The dependency, never who at the entity handles it.
    expect(page.body).toContain('Ventanilla Única');
    for (const hidden of [CLERK, ADMIN, 'Luz Marina', 'prueba.gov.co'])
      expect(page.body).not.toContain(hidden);
  });

  it('shows a transfer (to whom, why), a void, and a desistimiento', () => {
    const desk = new Desk();
    const transferred = filed(desk);
    later(desk, 10);
    act(desk, CLERK, {
      radicado: transferred.radicado,
      kind: 'transfer',
      toEntity: 'Gobernación de Antioquia',
      email: 'contactenos@antioquia.gov.co',
      reason: 'El asunto es del departamento',
    });
    const voided = filed(desk, { subject: 'Duplicada' });
    later(desk, 10);
    expect(
      act(desk, ADMIN, { radicado: voided.radicado, kind: 'void', reason: 'Radicado duplicado' }),
    ).toMatchObject({ ok: true });
    const one = visit(desk, { r: transferred.radicado, t: transferred.t }).body;
    expect(one).toContain('Trasladada a la entidad competente');
    expect(one).toContain('Gobernación de Antioquia');
    expect(one).toContain('El asunto es del departamento');
    expect(one).not.toContain('contactenos@antioquia.gov.co');
    const two = visit(desk, { r: voided.radicado, t: voided.t }).body;
    expect(two).toContain('Radicado anulado');
    expect(two).toContain('Radicado duplicado');
  });

  it('answers a wrong token, a missing one and an unknown radicado alike', () => {
    const desk = new Desk();
    const { radicado, t } = filed(desk);
    const wrong = visit(desk, { r: radicado, t: t.slice(0, -1) + (t.endsWith('0') ? '1' : '0') });
    const missing = visit(desk, { r: radicado });
    const unknown = visit(desk, { r: '2026-999999', t });
    expect(wrong.body).toContain('No encontramos');
    expect(missing.body).toBe(wrong.body);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.body).not.toContain('Arreglo de la vía');
  });

  it('escapes whatever a visitor puts in any parameter', () => {
    const desk = new Desk();
    filed(desk);
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const visits: Array<Record<string, string>> = [
      { r: payload, t: payload },
      { r: payload, t: payload, format: 'json' },
      { service_request_id: payload, token: payload, format: 'json' },
      { format: payload },
      { publicaciones: payload, pagina: payload },
      { publicaciones: '1', pagina: '-99999999999999999999' },
    ];
    for (const params of visits) {
      const page = visit(desk, params);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
    }
  });
});

describe('guessing tokens', () => {
  it('closes a radicado for a while after a few failed lookups, whatever the token, then opens it again', () => {
    const desk = new Desk();
    const { radicado, t } = filed(desk);
    for (let k = 0; k < 5; k += 1) visit(desk, { r: radicado, t: `intento${k}` });
    const closed = visit(desk, { r: radicado, t });
    expect(closed.body).toContain('demasiados intentos');
    expect(closed.body).not.toContain('Arreglo de la vía');
    expect(visit(desk, { service_request_id: radicado, token: t, format: 'json' }).body).toBe(
      JSON.stringify([
        {
          code: 429,
          description: 'Demasiados intentos para esta solicitud. Intente de nuevo más tarde.',
        },
      ]),
    );
    // An unknown radicado closes the same way: the answer never tells whether one exists.
    for (let k = 0; k < 5; k += 1) visit(desk, { r: '2026-123456', t: `x${k}` });
    expect(visit(desk, { r: '2026-123456', t: 'y' }).body).toBe(closed.body);
    // Other radicados are not affected; after the window the right token opens the case again.
    later(desk, 16);
    expect(visit(desk, { r: radicado, t }).body).toContain('Arreglo de la vía');
  });
});

describe('the JSON status (Open311 GeoReport v2 fields)', () => {
  it('lists the request types with their terms, and one request by radicado and token', () => {
    const desk = new Desk();
    const { radicado, t } = filed(desk);
    const services = JSON.parse(visit(desk, { format: 'json' }).body) as Array<
      Record<string, unknown>
    >;
    expect(services).toContainEqual(
      expect.objectContaining({ service_code: 'queja', term_business_days: 15 }),
    );
    const page = visit(desk, { format: 'json', service_request_id: radicado, token: t });
    expect(JSON.parse(page.body)).toEqual([
      {
        service_request_id: radicado,
        status: 'open',
        status_notes: 'Radicado. Fecha límite de respuesta: 24/02/2026 (quedan 15 días hábiles).',
        service_name: 'Petición de interés general',
        service_code: 'peticion_general',
        agency_responsible: 'Ventanilla Única',
        requested_datetime: '2026-02-03T10:00:00-05:00',
        updated_datetime: '2026-02-03T10:00:00-05:00',
        expected_datetime: '2026-02-24T23:59:59-05:00',
      },
    ]);
    const wrong = visit(desk, { format: 'json', service_request_id: radicado, token: 'x' });
    const unknown = visit(desk, { format: 'json', service_request_id: '2026-999999', token: t });
    expect(wrong.body).toBe(unknown.body);
    expect(JSON.parse(wrong.body)).toEqual([
      { code: 404, description: 'No encontramos una solicitud con esos datos.' },
    ]);
  });
});

describe('anonymous filers', () => {
  it('find the answer published, with no personal data, and the form says where', () => {
    const desk = new Desk();
    const anonymous = desk.submit(
      citizen({ anonymous: true, type: 'denuncia', email: '', phone: '' }),
      AT,
    );
    const [record] = desk.casesFor(anonymous.responseId);
    const named = filed(desk);
    later(desk, 10);
    act(desk, CLERK, {
      radicado: record.radicado,
      kind: 'answer',
      summary: 'Se abrió indagación.',
    });
    act(desk, CLERK, { radicado: named.radicado, kind: 'answer', summary: 'Respuesta privada.' });
    const page = visit(desk, { publicaciones: '1' }).body;
    expect(page).toContain(record.radicado);
    expect(page).toContain('Se abrió indagación.');
    expect(page).not.toContain(named.radicado);
    expect(page).not.toContain('Respuesta privada.');
    expect(page).not.toContain('María');
    expect(desk.form().settings.confirmationMessage).toContain(
      `${desk.entity.webAppUrl}?publicaciones=1`,
    );
  });

  it('a verbal filing gets its own private link on the receipt', () => {
    const desk = new Desk();
    const reply = desk.rpc(CLERK, 'registerVerbal', {
      requestId: 'walk-in-1',
      channel: 'presencial',
      answers: {
        type: 'Queja',
        anonymous: 'No',
        name: 'Jorge Zapata',
        subject: 'Queja en ventanilla',
        description: 'Demora en la atención',
        consent: 'Sí',
      },
    }).value as RpcResult;
    expect(reply.ok).toBe(true);
    const receipt = (reply.data as { receipt: { followUpLink: string; radicado: string } }).receipt;
    const url = new URL(receipt.followUpLink);
    const page = visit(desk, Object.fromEntries(url.searchParams));
    expect(page.body).toContain('Queja en ventanilla');
  });
});
