import { actOnCase } from '../../src/app/act-on-case';
import { radicateSubmission } from '../../src/app/intake';
import { makeDeps } from '../fakes/in-memory';

const monday = Date.parse('2026-07-06T08:15:00-05:00');

function withCase(type = 'Petición de interés general') {
  const made = makeDeps();
  radicateSubmission(made.deps, {
    responseId: 'r1',
    receivedAt: monday,
    answers: { type, subject: 'S', description: 'D', consent: ['x'] },
    channel: 'formulario',
    by: 'f',
  });
  return made.deps;
}

const at = (iso: string, deps: ReturnType<typeof withCase>) => {
  deps.clock.ms = Date.parse(iso);
};

describe('actOnCase', () => {
  it('only lets staff act', () => {
    const deps = withCase();
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'answer', summary: 'x' },
        by: 'stranger@gmail.com',
      }),
    ).toMatchObject({ ok: false, code: 'NOT_STAFF' });
    expect(deps.lock.acquired).toBe(1); // only intake's
  });

  it('lets only supervisors void, keeping the number with reason, who and when', () => {
    const deps = withCase();
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'void', reason: 'error' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' });
    at('2026-07-07T10:00:00-05:00', deps);
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'void', reason: 'Prueba enviada por error' },
        by: 'boss@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { status: 'anulado' } });
    expect(deps.cases.rows[0].radicado).toBe('2026-000001');
    const entry = deps.audit.entries.find((e) => e.event === 'anulado')!;
    expect(entry).toMatchObject({
      by: 'boss@x.gov.co',
      radicado: '2026-000001',
      at: '2026-07-07T15:00:00.000Z',
    });
    expect(entry.details).toContain('Prueba enviada por error');
  });

  it('refuses acts on a closed case', () => {
    const deps = withCase();
    actOnCase(deps, {
      radicado: '2026-000001',
      action: { kind: 'answer', summary: 'Respuesta' },
      by: 'clerk@x.gov.co',
    });
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'reclassify', type: 'queja' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'CLOCK_CLOSED' });
  });

  it('recomputes the due date on reclassification: a documents request has 10 days', () => {
    const deps = withCase();
    // From Tue 7 Jul, 10 business days skipping Mon 13 Jul: 7,8,9,10,14,15,16,17,21(20 is a holiday),22.
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'reclassify', type: 'peticion_documentos' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { dueDate: '2026-07-22' } });
    expect(deps.cases.rows[0]).toMatchObject({
      type: 'peticion_documentos',
      declaredType: 'peticion_general',
    });
  });

  it('refuses an extension past the cap, after the due date, or a second one', () => {
    const deps = withCase();
    at('2026-07-20T09:00:00-05:00', deps);
    // Total rule: at most 30 business days from 6 Jul.
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'extend', newDueDate: '2026-12-01', reason: 'carga' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_EXCEEDS_CAP' });
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'extend', newDueDate: '2026-08-05', reason: 'visita técnica' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { dueDate: '2026-08-05' } });
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'extend', newDueDate: '2026-08-06', reason: 'otra' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_ALREADY_USED' });
    const late = withCase();
    at('2026-07-30T09:00:00-05:00', late); // due 29 July
    expect(
      actOnCase(late, {
        radicado: '2026-000001',
        action: { kind: 'extend', newDueDate: '2026-08-10', reason: 'x' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'EXTENSION_AFTER_DUE_DATE' });
  });

  it('suspends on a request for information and restarts a full term on the answer', () => {
    const deps = withCase();
    at('2026-07-08T09:00:00-05:00', deps);
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'requestInfo' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { status: 'suspendido' } });
    at('2026-07-15T09:00:00-05:00', deps);
    // A full new term from the day after 15 Jul: 16,17,21,22,23,24,27,28,29,30,31, 3,4,5,6 Aug.
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'receiveInfo' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true, value: { status: 'en_tramite', dueDate: '2026-08-06' } });
  });

  it('reports a missing case', () => {
    const deps = withCase();
    expect(
      actOnCase(deps, {
        radicado: '2026-000099',
        action: { kind: 'answer', summary: 'x' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: false, code: 'CASE_NOT_FOUND' });
    expect(deps.lock.released).toBe(deps.lock.acquired);
  });

  it('keeps a lawful extension when the case is later reclassified', () => {
    const made = makeDeps();
    const tuesday = Date.parse('2026-07-14T09:00:00-05:00');
    radicateSubmission(made.deps, {
      responseId: 'q',
      receivedAt: tuesday,
      answers: { type: 'Queja', subject: 'S', description: 'D', consent: ['x'] },
      channel: 'formulario',
      by: 'f',
    });
    const deps = made.deps;
    // Due Wed 5 Aug (15 business days from 15 Jul, skipping 20 Jul); total cap 30 days: Fri 28 Aug.
    expect(deps.cases.rows[0].dueDate).toBe('2026-08-05');
    at('2026-07-30T09:00:00-05:00', deps);
    expect(
      actOnCase(deps, {
        radicado: '2026-000001',
        action: { kind: 'extend', newDueDate: '2026-08-20', reason: 'Visita técnica' },
        by: 'clerk@x.gov.co',
      }),
    ).toMatchObject({ ok: true });
    at('2026-07-31T09:00:00-05:00', deps);
    const reclassified = actOnCase(deps, {
      radicado: '2026-000001',
      action: { kind: 'reclassify', type: 'peticion_documentos' },
      by: 'clerk@x.gov.co',
    });
    expect(reclassified).toMatchObject({ ok: true, value: { dueDate: '2026-08-20' } });
  });
});
