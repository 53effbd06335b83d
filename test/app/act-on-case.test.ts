import { actOnCase, type CaseActionRequest } from '../../src/app/act-on-case';
import { runSweep } from '../../src/app/sweep';
import { lineHash } from '../../src/core/cases/case-seal';
import type { RawAnswers } from '../../src/core/intake/normalize-submission';
import {
  currentVersion,
  makeDeps,
  QUEJA,
  SECRET,
  submitForm,
  type TestDeps,
} from '../fakes/in-memory';

const monday = Date.parse('2026-07-06T08:15:00-05:00');

function fileCase(deps: TestDeps, answers: RawAnswers, receivedAt = monday): string {
  const { outcome } = submitForm(deps, answers, receivedAt);
  if (outcome?.status !== 'radicated') throw new Error(`not radicated: ${outcome?.status}`);
  return outcome.radicado;
}

/** An entity with one case, 2026-000001 (a general petition filed Monday 6 July), on row 2. */
function withCase(type = 'Petición de interés general', receivedAt = monday) {
  const made = makeDeps();
  fileCase(made.deps, { ...QUEJA, type }, receivedAt);
  made.calls.length = 0;
  return made;
}

const at = (deps: TestDeps, iso: string): void => {
  deps.clock.ms = Date.parse(iso);
};

const act = (
  deps: TestDeps,
  request: Partial<CaseActionRequest> & Pick<CaseActionRequest, 'action'>,
) =>
  actOnCase(deps, {
    radicado: '2026-000001',
    by: 'clerk@x.gov.co',
    version: currentVersion(deps, request.radicado ?? '2026-000001'),
    ...request,
  });

describe('actOnCase: who may act, on what', () => {
  it('only lets staff act', () => {
    const { deps } = withCase();
    expect(
      act(deps, { action: { kind: 'answer', summary: 'x' }, by: 'stranger@gmail.com' }),
    ).toMatchObject({ ok: false, code: 'NOT_STAFF' });
    expect(deps.cases.writes).toBe(0);
    expect(deps.history.lines).toHaveLength(0);
  });

  it('lets only supervisors void, keeping the number with reason, who and when', () => {
    const { deps } = withCase();
    expect(act(deps, { action: { kind: 'void', reason: 'error' } })).toEqual({
      ok: false,
      code: 'NOT_ALLOWED',
      details: {
        radicado: '2026-000001',
        why: 'solo un supervisor o un administrador puede anular un radicado.',
      },
    });
    expect(deps.cases.writes).toBe(0);
    at(deps, '2026-07-07T10:00:00-05:00');
    expect(
      act(deps, {
        action: { kind: 'void', reason: 'Prueba enviada por error' },
        by: 'BOSS@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { radicado: '2026-000001', status: 'anulado' } });
    expect(deps.cases.at(2)).toMatchObject({ radicado: '2026-000001', status: 'anulado' });
    const [line] = deps.history.lines;
    expect(line).toMatchObject({
      event: 'anulado',
      by: 'boss@x.gov.co',
      radicado: '2026-000001',
      at: '2026-07-07T15:00:00.000Z',
    });
    expect(line.details).toContain('Prueba enviada por error');
  });

  it('reports an unknown radicado', () => {
    const { deps } = withCase();
    expect(
      act(deps, { radicado: '2026-000099', action: { kind: 'answer', summary: 'x' } }),
    ).toEqual({ ok: false, code: 'CASE_NOT_FOUND', details: { radicado: '2026-000099' } });
    expect(deps.cases.writes).toBe(0);
  });

  it('refuses a row whose sealed cells were edited by hand, writing nothing', () => {
    const { deps } = withCase();
    deps.cases.editByHand(2, { status: 'respondido', answeredAt: '2026-07-06T15:00:00.000Z' });
    expect(act(deps, { action: { kind: 'reclassify', type: 'queja' } })).toEqual({
      ok: false,
      code: 'CASE_TAMPERED',
      details: { radicado: '2026-000001' },
    });
    expect(deps.cases.writes).toBe(0);
    expect(deps.history.lines).toHaveLength(0);
    expect(deps.history.appendOneCalls).toBe(0);
  });

  it('acts on a row where only the days-left cell was typed over (the seal does not cover it)', () => {
    const { deps } = withCase();
    deps.cases.editByHand(2, { businessDaysLeft: 99 });
    expect(act(deps, { action: { kind: 'answer', summary: 'Respuesta' } })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a row whose events cell cannot be read', () => {
    const { deps } = withCase();
    deps.cases.corruptEvents(2);
    expect(act(deps, { action: { kind: 'answer', summary: 'x' } })).toEqual({
      ok: false,
      code: 'CASE_UNREADABLE',
      details: { radicado: '2026-000001' },
    });
    expect(deps.cases.writes).toBe(0);
    expect(deps.history.lines).toHaveLength(0);
  });

  it('refuses acts on a closed case', () => {
    const { deps } = withCase();
    act(deps, { action: { kind: 'answer', summary: 'Respuesta' } });
    expect(act(deps, { action: { kind: 'reclassify', type: 'queja' } })).toMatchObject({
      ok: false,
      code: 'CLOCK_CLOSED',
    });
    expect(deps.cases.writes).toBe(1);
  });

  it('defers when the lock is busy', () => {
    const { deps } = withCase();
    deps.lock.available = false;
    expect(act(deps, { action: { kind: 'answer', summary: 'x' } })).toMatchObject({
      ok: false,
      code: 'LOCK_TIMEOUT',
    });
    expect(deps.cases.writes).toBe(0);
  });
});

describe('actOnCase: the row and its Historial line change together', () => {
  it('writes the row once and appends one line chained to the row’s previous head', () => {
    const { deps, calls } = withCase();
    const before = deps.cases.at(2);
    at(deps, '2026-07-08T11:30:00-05:00');
    expect(act(deps, { action: { kind: 'requestInfo', note: 'Falta la dirección' } })).toEqual({
      ok: true,
      value: {
        radicado: '2026-000001',
        status: 'suspendido',
        dueDate: expect.any(String),
        businessDaysLeft: expect.any(Number),
        version: expect.stringMatching(/^[0-9a-f]{16}$/),
        // The citizen left an email: the request for information is owed to them (CPACA art. 17).
        notices: 1,
      },
    });
    expect(deps.cases.writes).toBe(1);
    expect(deps.history.appendOneCalls).toBe(1);
    expect(deps.history.lines).toHaveLength(1);
    const [line] = deps.history.lines;
    expect(line).toMatchObject({
      at: '2026-07-08T16:30:00.000Z',
      by: 'clerk@x.gov.co',
      radicado: '2026-000001',
      event: 'requerimiento',
      prev: before.chainHead,
    });
    expect(line.details).toContain('Falta la dirección');
    expect(line.hash).toBe(lineHash(SECRET, line));
    expect(deps.cases.at(2)).toMatchObject({ status: 'suspendido', chainHead: line.hash });
    // The row is sealed again: the next act is accepted.
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true });
    expect(calls.filter((c) => c === 'cases.write' || c === 'history.appendOne')).toEqual([
      'cases.write',
      'history.appendOne',
    ]);
  });

  it('chains each act after the one before', () => {
    const { deps } = withCase();
    at(deps, '2026-07-08T09:00:00-05:00');
    act(deps, { action: { kind: 'requestInfo' } });
    at(deps, '2026-07-15T09:00:00-05:00');
    act(deps, { action: { kind: 'receiveInfo' } });
    const [first, second] = deps.history.lines;
    expect(second.prev).toBe(first.hash);
    expect(deps.cases.at(2).chainHead).toBe(second.hash);
  });

  it('puts the row back when the Historial line cannot be written', () => {
    const { deps, logs } = withCase();
    const before = deps.cases.at(2);
    deps.history.failNext = new Error('Historial protegido');
    expect(act(deps, { action: { kind: 'answer', summary: 'Respuesta' } })).toEqual({
      ok: false,
      code: 'HISTORY_WRITE_FAILED',
      details: { radicado: '2026-000001' },
    });
    expect(deps.cases.writes).toBe(2);
    expect(deps.cases.at(2)).toEqual(before);
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true });
    expect(deps.history.lines).toHaveLength(0);
    expect(logs.join('\n')).toContain('Historial protegido');
    // The case can still be acted on.
    expect(act(deps, { action: { kind: 'answer', summary: 'Respuesta' } })).toMatchObject({
      ok: true,
    });
  });

  it('leaves the lock to the end of the execution, whatever the outcome', () => {
    const { deps } = withCase();
    const released = deps.lock.released;
    act(deps, { action: { kind: 'answer', summary: 'x' }, by: 'stranger@gmail.com' });
    act(deps, { radicado: '2026-000099', action: { kind: 'answer', summary: 'x' } });
    act(deps, { action: { kind: 'answer', summary: 'Respuesta' } });
    expect(deps.lock.releasedAtExit).toBe(3);
    expect(deps.lock.released).toBe(released);
  });
});

describe('actOnCase: finding the row', () => {
  it('reads the case at the row the anchors predict, without a search', () => {
    const { deps } = makeDeps();
    fileCase(deps, QUEJA);
    fileCase(deps, { ...QUEJA, subject: 'Dos' });
    at(deps, '2026-07-06T10:00:00-05:00');
    runSweep(deps); // the daily pass builds the anchors
    fileCase(deps, { ...QUEJA, subject: 'Tres' }); // appended after them: predicted by its order
    const searches = deps.cases.searches;
    expect(
      act(deps, { radicado: '2026-000002', action: { kind: 'answer', summary: 'R' } }),
    ).toMatchObject({ ok: true });
    expect(
      act(deps, { radicado: '2026-000003', action: { kind: 'answer', summary: 'R' } }),
    ).toMatchObject({ ok: true });
    expect(deps.cases.searches).toBe(searches);
  });

  it('finds the case by a search when the sheet was sorted by hand', () => {
    const { deps } = makeDeps();
    fileCase(deps, QUEJA);
    fileCase(deps, { ...QUEJA, subject: 'Dos' });
    runSweep(deps);
    deps.cases.sortByHand();
    const searches = deps.cases.searches;
    expect(
      act(deps, { radicado: '2026-000002', action: { kind: 'answer', summary: 'R' } }),
    ).toMatchObject({ ok: true, value: { radicado: '2026-000002', status: 'respondido' } });
    expect(deps.cases.searches).toBe(searches + 1);
    expect(deps.cases.at(2)).toMatchObject({ radicado: '2026-000002', status: 'respondido' });
    expect(deps.cases.at(3)).toMatchObject({ radicado: '2026-000001', status: 'radicado' });
  });

  // Regression (src/app/intake.ts), once a bug: a failed append still increments `appends`, so every later
  // filing's `seq` (its predicted row: tailRow + seq) is one too far until the next daily pass,
  // and each of their reads costs a search.
  it('a burnt number does not shift the row predicted for later filings', () => {
    const { deps } = makeDeps();
    fileCase(deps, QUEJA);
    runSweep(deps);
    deps.cases.failNextAppend = new Error('Service Spreadsheets timed out');
    expect(() => fileCase(deps, { ...QUEJA, subject: 'Dos' })).toThrow('timed out');
    expect(fileCase(deps, { ...QUEJA, subject: 'Tres' })).toBe('2026-000003');
    const searches = deps.cases.searches;
    expect(
      act(deps, { radicado: '2026-000003', action: { kind: 'answer', summary: 'R' } }),
    ).toMatchObject({ ok: true });
    expect(deps.cases.searches).toBe(searches);
  });
});

describe('actOnCase: the legal clock', () => {
  it('recomputes the due date on reclassification: a documents request has 10 days', () => {
    const { deps } = withCase();
    // From Tue 7 Jul, 10 business days skipping Mon 13 Jul and Mon 20 Jul: due Wed 22 Jul.
    expect(
      act(deps, { action: { kind: 'reclassify', type: 'peticion_documentos' } }),
    ).toMatchObject({ ok: true, value: { dueDate: '2026-07-22' } });
    expect(deps.cases.at(2)).toMatchObject({
      type: 'peticion_documentos',
      declaredType: 'peticion_general',
    });
    expect(deps.history.lines[0].event).toBe('reclasificado');
  });

  it('suspends on a request for information and restarts a full term on the answer', () => {
    const { deps } = withCase();
    at(deps, '2026-07-08T09:00:00-05:00');
    expect(act(deps, { action: { kind: 'requestInfo' } })).toMatchObject({
      ok: true,
      value: { status: 'suspendido' },
    });
    at(deps, '2026-07-15T09:00:00-05:00');
    // A full new term from the day after 15 Jul: 16,17,21,22,23,24,27,28,29,30,31, 3,4,5,6 Aug.
    expect(act(deps, { action: { kind: 'receiveInfo' } })).toMatchObject({
      ok: true,
      value: { status: 'en_tramite', dueDate: '2026-08-06' },
    });
  });

  it('refuses an extension past the cap, after the due date, or a second one', () => {
    const { deps } = withCase();
    at(deps, '2026-07-20T09:00:00-05:00');
    // Total rule: at most 30 business days from 6 Jul.
    expect(
      act(deps, { action: { kind: 'extend', newDueDate: '2026-12-01', reason: 'carga' } }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_EXCEEDS_CAP' });
    expect(
      act(deps, { action: { kind: 'extend', newDueDate: '2026-08-05', reason: 'visita técnica' } }),
    ).toMatchObject({ ok: true, value: { dueDate: '2026-08-05' } });
    expect(
      act(deps, { action: { kind: 'extend', newDueDate: '2026-08-06', reason: 'otra' } }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_ALREADY_USED' });
    expect(deps.history.lines.map((l) => l.event)).toEqual(['prorroga']);

    const late = withCase().deps;
    at(late, '2026-07-30T09:00:00-05:00'); // due 29 July
    expect(
      act(late, { action: { kind: 'extend', newDueDate: '2026-08-10', reason: 'x' } }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_AFTER_DUE_DATE' });
  });

  it('keeps a lawful extension when the case is later reclassified', () => {
    const { deps } = withCase('Queja', Date.parse('2026-07-14T09:00:00-05:00'));
    // Due Wed 5 Aug (15 business days from 15 Jul, skipping 20 Jul); total cap 30 days: Fri 28 Aug.
    expect(deps.cases.at(2).dueDate).toBe('2026-08-05');
    at(deps, '2026-07-30T09:00:00-05:00');
    expect(
      act(deps, { action: { kind: 'extend', newDueDate: '2026-08-20', reason: 'Visita técnica' } }),
    ).toMatchObject({ ok: true });
    at(deps, '2026-07-31T09:00:00-05:00');
    expect(
      act(deps, { action: { kind: 'reclassify', type: 'peticion_documentos' } }),
    ).toMatchObject({ ok: true, value: { dueDate: '2026-08-20' } });
  });
});
