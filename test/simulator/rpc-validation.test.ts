// The rpc gateway is reachable by any script in a page: every field is checked at the boundary and
// answered with a code and a Spanish message, never an internal error.
import { bogota, CLERK, citizen, Desk, useBuiltBundle } from './fixtures';

useBuiltBundle();

let desk: Desk;
let radicado: string;

beforeAll(() => {
  desk = new Desk();
  desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
  radicado = desk.cases()[0].radicado;
});

/** The version the desk showed: every act carries it. */
const version = (): string =>
  (desk.rpc(CLERK, 'getCase', { radicado }).value as { data: { version: string } }).data.version;

const act = (payload: Record<string, unknown>) =>
  desk.rpc(CLERK, 'act', { radicado, version: version(), ...payload }).value;

describe('rpc act', () => {
  it.each([
    [
      'a 60,000-character summary',
      { kind: 'answer', summary: 'x'.repeat(60_000) },
      'resumen de la respuesta',
    ],
    ['a numeric summary', { kind: 'answer', summary: 42 }, 'resumen de la respuesta'],
    ['an object as entity', { kind: 'transfer', toEntity: {} }, 'entidad destino'],
    ['a list as note', { kind: 'requestInfo', note: ['a'] }, 'nota'],
    ['an unknown act', { kind: 'dropCase' }, 'acción'],
  ])('refuses %s with INVALID_PAYLOAD naming the field in Spanish', (_label, payload, field) => {
    expect(act(payload)).toMatchObject({
      ok: false,
      code: 'INVALID_PAYLOAD',
      message: `Datos inválidos: ${field}.`,
    });
  });

  it('lets the law refuse an extension without a reason', () => {
    expect(act({ kind: 'extend', newDueDate: '2026-03-10' })).toMatchObject({
      ok: false,
      code: 'EXTENSION_REASON_REQUIRED',
    });
  });

  it('leaves the case untouched after refusals', () => {
    expect(desk.cases()[0]).toMatchObject({ status: 'radicado', events: [] });
  });
});

describe('rpc registerVerbal', () => {
  it('refuses answers of the wrong shape', () => {
    const reply = desk.rpc(CLERK, 'registerVerbal', {
      requestId: 'x1',
      channel: 'presencial',
      answers: { subject: { evil: true } },
    }).value;
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(desk.cases()).toHaveLength(1);
  });
});
