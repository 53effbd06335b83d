// The clerk's case desk on the BUILT bundle: each act through the gateway with its notice in the
// outbox, refusals by role and by stale version (nothing either clerk did is lost), the notices the
// hourly review sends when the desk did not, and assignment that shares the work over a leave.
import { readOutbox } from '../../tools/scenario/read-back';
import { loadBuiltProjects, runScenario } from '../../tools/scenario/run-scenario';
import { parseScenario } from '../../tools/scenario/scenario-types';
import {
  act,
  ADMIN,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  CLERK_2,
  Desk,
  historyOf,
  OUTSIDER,
  ROOT,
  SUPERVISOR,
  useBuiltBundle,
  type RpcResult,
} from './fixtures';
import { join } from 'node:path';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00'); // Tuesday
const RADICADO = '2026-000001';
const HOUR = 60 * 60 * 1000;

function oneCase(answers = citizen()): Desk {
  const desk = new Desk();
  desk.submit(answers, AT);
  desk.harness.advanceTo(AT + HOUR);
  return desk;
}

function outbox(desk: Desk) {
  return readOutbox(desk.model, desk.entity.properties.snapshot());
}

function getCase(desk: Desk, by: string): RpcResult {
  return desk.rpc(by, 'getCase', { radicado: RADICADO }).value as RpcResult;
}

describe('acts from the desk, with their notices', () => {
  it('an extension is told to the citizen right away, with its reason and date', () => {
    const desk = oneCase();
    const view = getCase(desk, CLERK);
    expect(view.data).toMatchObject({ radicado: RADICADO, statusLabel: 'Radicado' });
    const reply = desk.rpc(CLERK, 'act', {
      radicado: RADICADO,
      version: view.data?.version,
      kind: 'extend',
      newDueDate: '2026-03-10',
      reason: 'Se requiere concepto técnico',
    }).value as RpcResult;
    expect(reply).toMatchObject({ ok: true, data: { notices: 1, dueDate: '2026-03-10' } });
    // The clerk cannot open the data store (Ley 1581): the citizen's notice is queued, and the
    // owner's review addresses it from the store and sends it.
    const sent = desk.rpc(CLERK, 'sendNotices', {}).value as RpcResult;
    expect(sent).toMatchObject({ ok: true, data: { sent: 0, queued: 1 } });
    expect(desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject))).toEqual([]);
    desk.sweep();
    const [mail] = desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject));
    expect(mail.body).toContain('Se requiere concepto técnico');
    expect(mail.body).toContain('10/03/2026');
    // The outbox sheet, read by every clerk, names the citizen masked.
    const row = outbox(desk).find((m) => m.kind === 'prorroga');
    expect(row).toMatchObject({ to: 'm•••@example.com', radicado: RADICADO });
    expect(Date.parse(String(row?.sentAt))).toBeLessThan(AT + 2 * HOUR);
    // Asked again, nothing is sent twice.
    expect(desk.rpc(CLERK, 'sendNotices', {}).value).toMatchObject({
      data: { sent: 0, queued: 0 },
    });
    desk.sweep();
    expect(desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject))).toHaveLength(1);
  });

  it('a data steward acting from the desk sends the citizen notice at once', () => {
    const desk = oneCase();
    const view = getCase(desk, ADMIN);
    expect(
      desk.rpc(ADMIN, 'act', {
        radicado: RADICADO,
        version: view.data?.version,
        kind: 'extend',
        newDueDate: '2026-03-10',
        reason: 'Se requiere concepto técnico',
      }).value,
    ).toMatchObject({ ok: true });
    expect(desk.rpc(ADMIN, 'sendNotices', {}).value).toMatchObject({
      ok: true,
      data: { sent: 1, queued: 0 },
    });
    expect(desk.mailTo(CITIZEN_EMAIL).filter((m) => /nueva fecha/.test(m.subject))).toHaveLength(1);
  });

  it('notices the desk did not send go with the next hourly review', () => {
    const desk = oneCase();
    expect(
      act(desk, CLERK, { radicado: RADICADO, kind: 'requestInfo', note: 'Copia de la cédula' }),
    ).toMatchObject({ ok: true });
    expect(
      desk.mailTo('maria.ruiz@example.com').filter((m) => /más información/.test(m.subject)),
    ).toHaveLength(0);
    desk.harness.advanceTo(desk.ws.now + 2 * HOUR);
    const mails = desk
      .mailTo('maria.ruiz@example.com')
      .filter((m) => /más información/.test(m.subject));
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('Copia de la cédula');
  });

  it('a transfer writes to the competent entity and copies the citizen; the answer of a closed case is refused', () => {
    const desk = oneCase();
    expect(
      act(desk, CLERK, {
        radicado: RADICADO,
        kind: 'transfer',
        toEntity: 'Gobernación de Antioquia',
        email: 'contactenos@antioquia.gov.co',
        reason: 'El asunto es del departamento',
      }),
    ).toMatchObject({ ok: true });
    desk.rpc(CLERK, 'sendNotices', {});
    desk.sweep();
    expect(
      outbox(desk)
        .filter((m) => m.radicado === RADICADO)
        .map((m) => [m.kind, m.to, m.status]),
    ).toEqual(
      expect.arrayContaining([
        ['traslado_entidad', 'contactenos@antioquia.gov.co', 'enviado'],
        ['traslado', 'm•••@example.com', 'enviado'],
      ]),
    );
    // The competent entity gets the petition with the contact it needs to answer (CPACA art. 21).
    const [letter] = desk.mailTo('contactenos@antioquia.gov.co');
    expect(letter.body).toContain(CITIZEN_EMAIL);
    expect(desk.mailTo(CITIZEN_EMAIL).some((m) => m.body.includes('Gobernación'))).toBe(true);
    const before = desk.cases()[0];
    expect(act(desk, CLERK, { radicado: RADICADO, kind: 'answer', summary: 'x' })).toMatchObject({
      ok: false,
      code: 'CLOCK_CLOSED',
    });
    expect(desk.cases()[0]).toEqual(before);
  });

  it('an answer to a citizen who asked for a printed one shows on the case, and no mail goes', () => {
    const desk = oneCase(citizen({ preferredChannel: 'Dirección física' }));
    expect(
      act(desk, CLERK, { radicado: RADICADO, kind: 'answer', summary: 'Respuesta' }),
    ).toMatchObject({ ok: true });
    desk.rpc(CLERK, 'sendNotices', {});
    expect(outbox(desk).filter((m) => m.kind === 'respuesta')).toEqual([]);
    expect(desk.cases()[0].alerts.join(' ')).toContain('respuesta impresa');
  });
});

describe('who may act', () => {
  it('refuses a clerk of another dependency and a clerk voiding, with Spanish reasons; an admin may', () => {
    const desk = oneCase();
    const other = act(desk, CLERK_2, { radicado: RADICADO, kind: 'note', text: 'x' });
    expect(other).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(other.message).toContain('Ventanilla Única');
    expect(act(desk, CLERK, { radicado: RADICADO, kind: 'void', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    // The supervisor of another dependency is not the entity's supervisor here.
    expect(act(desk, SUPERVISOR, { radicado: RADICADO, kind: 'void', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    expect(act(desk, OUTSIDER, { radicado: RADICADO, kind: 'note', text: 'x' })).toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    });
    expect(act(desk, ADMIN, { radicado: RADICADO, kind: 'void', reason: 'Prueba' })).toMatchObject({
      ok: true,
    });
  });

  it('the desk offers only the acts the case and the person allow', () => {
    const desk = oneCase();
    const kinds = (by: string) =>
      ((getCase(desk, by).data?.acts ?? []) as Array<{ kind: string }>).map((a) => a.kind);
    expect(kinds(CLERK)).toEqual(
      expect.arrayContaining(['extend', 'answer', 'requestInfo', 'note']),
    );
    expect(kinds(CLERK)).not.toContain('void');
    expect(kinds(CLERK)).not.toContain('archive');
    expect(kinds(CLERK_2)).toEqual([]);
    expect(kinds(ADMIN)).toContain('void');
  });
});

describe('two clerks at once', () => {
  it('the second act on a changed case is refused as stale; the first one is kept', () => {
    const desk = oneCase();
    const first = getCase(desk, CLERK).data?.version;
    const second = getCase(desk, ADMIN).data?.version;
    expect(first).toBe(second);
    expect(
      desk.rpc(CLERK, 'act', { radicado: RADICADO, version: first, kind: 'note', text: 'Llamé' })
        .value,
    ).toMatchObject({ ok: true });
    const stale = desk.rpc(ADMIN, 'act', {
      radicado: RADICADO,
      version: second,
      kind: 'answer',
      summary: 'Respuesta sobre lo que vi',
    }).value as RpcResult;
    expect(stale).toMatchObject({ ok: false, code: 'STALE_CASE' });
    expect(stale.message).toMatch(/Vuelva a cargar/);
    expect(desk.cases()[0].status).toBe('radicado');
    const notes = historyOf(desk, RADICADO).filter((l) => l.event === 'Nota');
    expect(notes).toHaveLength(1);
    // Reloaded, the second clerk's act goes through on top of the first.
    expect(
      act(desk, ADMIN, { radicado: RADICADO, kind: 'answer', summary: 'Respuesta' }),
    ).toMatchObject({ ok: true });
  });
});

describe('finding cases', () => {
  it('takes the case of the row selected in Radicados, and lists my open cases, overdue first', () => {
    const desk = new Desk();
    desk.submit(citizen({ subject: 'Primero' }), AT);
    desk.submit(citizen({ subject: 'Segundo', type: 'peticion_documentos' }), AT + 60_000);
    desk.harness.advanceTo(AT + HOUR);
    desk.harness.select(desk.name, 'Radicados', 3, 4);
    expect(desk.rpc(CLERK, 'selectedCase', {}).value).toMatchObject({
      ok: true,
      data: { subject: 'Segundo' },
    });
    desk.harness.select(desk.name, 'Historial', 2);
    expect(desk.rpc(CLERK, 'selectedCase', {}).value).toMatchObject({
      ok: false,
      code: 'CASE_NOT_SELECTED',
    });
    const mine = desk.rpc(CLERK, 'myCases', {}).value as RpcResult;
    // A documents petition has 10 business days, a general one 15: it comes first.
    expect((mine.data?.cases as Array<{ subject: string }>).map((c) => c.subject)).toEqual([
      'Segundo',
      'Primero',
    ]);
  });
});

describe('assignment that shares the work', () => {
  it('round-robin skips the clerk on leave and keeps its turn between filings', () => {
    const scenario = parseScenario({
      name: 'turnos',
      entity: {
        name: 'Alcaldía de Turnos',
        daneCode: '05001',
        defaultDependency: 'Ventanilla Única',
      },
      staff: [
        { email: 'a@turnos.gov.co', name: 'A', dependency: 'Ventanilla Única', role: 'clerk' },
        {
          email: 'b@turnos.gov.co',
          name: 'B',
          dependency: 'Ventanilla Única',
          role: 'clerk',
          onLeave: true,
        },
        { email: 'c@turnos.gov.co', name: 'C', dependency: 'Ventanilla Única', role: 'clerk' },
        {
          email: 'admin@turnos.gov.co',
          name: 'Ad',
          dependency: 'Secretaría General',
          role: 'admin',
        },
      ],
      routing: [{ dependency: 'Ventanilla Única', strategy: 'round_robin' }],
      steps: [
        ...[1, 2, 3, 4].map((i) => ({
          at: `2026-02-0${i + 1}T09:00:00-05:00`,
          submit: citizen({ subject: `Solicitud ${i}` }),
        })),
        // The hourly review sends the assignees' notices.
        { at: '2026-02-06T12:00:00-05:00', advanceTo: '2026-02-06T12:00:00-05:00' },
      ],
    });
    const result = runScenario(scenario, loadBuiltProjects(join(ROOT, 'dist')));
    const cases = readOutbox(result.workspace.entity('entity').spreadsheet)
      .filter((m) => m.kind === 'asignacion')
      .map((m) => m.to);
    expect(cases).toEqual([
      'a@turnos.gov.co',
      'c@turnos.gov.co',
      'a@turnos.gov.co',
      'c@turnos.gov.co',
    ]);
  });
});
