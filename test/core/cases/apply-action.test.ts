// Every act in every state of a case: what the law allows, what it refuses (and that a refusal
// changes nothing), and the notices each act owes (CPACA arts. 14, 17, 21).
import { addDays } from '../../../src/core/calendar/calendar-date';
import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import { ACT_KINDS, permissionFor, type ActKind } from '../../../src/core/cases/act-rules';
import {
  applyCaseAction,
  type ActionContext,
  type CaseAction,
} from '../../../src/core/cases/apply-action';
import type { CaseRecord, CaseStatus } from '../../../src/core/cases/case-record';
import type { StaffMember } from '../../../src/core/routing/staff';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const CLERK = 'ventanilla@x.gov.co';
const CLERK_2 = 'atencion@x.gov.co';
const AWAY = 'ausente@x.gov.co';
const STAFF: StaffMember[] = [
  { email: CLERK, name: 'Luz', dependency: 'Ventanilla Única', role: 'clerk', onLeave: false },
  { email: CLERK_2, name: 'Carlos', dependency: 'Ventanilla Única', role: 'clerk', onLeave: false },
  { email: AWAY, name: 'Paula', dependency: 'Ventanilla Única', role: 'clerk', onLeave: true },
  {
    email: 'jefe@x.gov.co',
    name: 'Jefe',
    dependency: 'Ventanilla Única',
    role: 'supervisor',
    onLeave: false,
  },
  {
    email: 'otra@x.gov.co',
    name: 'Otra',
    dependency: 'Secretaría de Hacienda',
    role: 'clerk',
    onLeave: false,
  },
  {
    email: 'sup.hacienda@x.gov.co',
    name: 'SH',
    dependency: 'Secretaría de Hacienda',
    role: 'supervisor',
    onLeave: false,
  },
  {
    email: 'admin@x.gov.co',
    name: 'Admin',
    dependency: 'Secretaría General',
    role: 'admin',
    onLeave: false,
  },
];

const calendar = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
const settings = { ...DEFAULT_SETTINGS, name: 'Alcaldía de Prueba' };

function ctx(nowIso: string, by = CLERK): ActionContext {
  return { nowIso, by, settings, calendar, staff: STAFF };
}

/** A general petition (15 business days) filed Monday 6 July 2026 at 08:15 by a citizen with email. */
function filed(petitioner: Partial<CaseRecord['petitioner']> = {}): CaseRecord {
  return {
    radicado: '2026-000001',
    receivedAt: '2026-07-06T13:15:00.000Z',
    channel: 'formulario',
    declaredType: 'peticion_general',
    type: 'peticion_general',
    subject: 'Arreglo de la vía',
    description: 'Solicito el arreglo de la vía.',
    petitioner: {
      anonymous: false,
      applicantKind: 'Persona natural',
      name: 'María Ruiz',
      idType: 'Cédula de ciudadanía',
      idNumber: '1020304050',
      email: 'maria@example.com',
      phone: '3001234567',
      address: 'Calle 10 # 5-20',
      municipality: 'Medellín',
      preferredChannel: 'Correo electrónico',
      acceptsEmailNotification: true,
      ...petitioner,
    },
    priority: '',
    differentialGroup: '',
    consent: true,
    dependency: 'Ventanilla Única',
    assignee: CLERK,
    status: 'radicado',
    effectiveReceiptDate: '2026-07-06',
    // 15 business days from Tue 7 July, past two holidays: Monday 13 July (Nuestra Señora del
    // Rosario de Chiquinquirá, moved from Thursday 9) and Monday 20 July.
    dueDate: '2026-07-29',
    businessDaysLeft: 15,
    extendedTo: '',
    answeredAt: '',
    notes: '',
    alerts: [],
    responseId: 'r1',
    tokenHash: '',
    events: [],
    chainHead: '',
  };
}

function must(record: CaseRecord, action: CaseAction, at: string, by = CLERK): CaseRecord {
  const result = applyCaseAction(record, action, ctx(at, by));
  if (!result.ok) throw new Error(`${action.kind} refused: ${result.code}`);
  return result.value.record;
}

const T1 = '2026-07-07T15:00:00.000Z'; // Tue 7 July, 10:00 Bogotá
const T2 = '2026-07-09T15:00:00.000Z'; // Thu 9 July
const NOW = '2026-07-10T15:00:00.000Z'; // Fri 10 July: the table's acts

/** A case in each state, reached by the acts the law provides. */
function inState(status: CaseStatus): CaseRecord {
  const base = filed();
  switch (status) {
    case 'radicado':
      return base;
    case 'en_tramite':
      return must(base, { kind: 'reclassify', type: 'peticion_particular' }, T1);
    case 'suspendido':
      return must(base, { kind: 'requestInfo', note: 'Falta la dirección' }, T1);
    case 'respondido':
      return must(base, { kind: 'answer', summary: 'Respuesta' }, T1);
    case 'trasladado':
      return must(base, { kind: 'transfer', toEntity: 'Gobernación', reason: 'Competencia' }, T1);
    case 'anulado':
      return must(base, { kind: 'void', reason: 'Prueba' }, T1, 'jefe@x.gov.co');
    case 'desistido': {
      // Request on Tue 7 July: the month runs to Mon 10 August (7 August is a holiday); declared the 11th.
      const asked = must(base, { kind: 'requestInfo' }, T1);
      return must(asked, { kind: 'desist' }, '2026-08-11T15:00:00.000Z');
    }
    case 'archivado':
      return must(inState('respondido'), { kind: 'archive' }, T2);
  }
}

/** Arguments a clerk would give each act, valid in a running case on 10 July. */
function actionOf(kind: ActKind, record: CaseRecord): CaseAction {
  switch (kind) {
    case 'assign':
      return { kind, to: CLERK_2 };
    case 'reassign':
      return { kind, to: CLERK_2, reason: 'Vacaciones' };
    case 'reclassify':
      return { kind, type: 'reclamo' };
    case 'requestInfo':
      return { kind, note: 'Falta la dirección' };
    case 'receiveInfo':
      return { kind };
    case 'extend':
      return { kind, newDueDate: addDays(record.dueDate, 3), reason: 'Concepto técnico' };
    case 'transfer':
      return { kind, toEntity: 'Gobernación de Antioquia', reason: 'Competencia' };
    case 'answer':
      return { kind, summary: 'Se arregló la vía.' };
    case 'void':
      return { kind, reason: 'Radicado por error' };
    case 'note':
      return { kind, text: 'Llamó el peticionario.' };
    default:
      return { kind } as CaseAction;
  }
}

const OPEN_ROW: Record<ActKind, string> = {
  assign: 'ok',
  reassign: 'ok',
  reclassify: 'ok',
  requestInfo: 'ok',
  extendInfoDeadline: 'INFO_REQUEST_NOT_PENDING',
  receiveInfo: 'INFO_REQUEST_NOT_PENDING',
  extend: 'ok',
  transfer: 'ok',
  answer: 'ok',
  desist: 'INFO_REQUEST_NOT_PENDING',
  void: 'ok',
  archive: 'CASE_STILL_OPEN',
  note: 'ok',
};
const SUSPENDED_ROW: Record<ActKind, string> = {
  ...OPEN_ROW,
  requestInfo: 'INFO_REQUEST_NOT_PENDING',
  extendInfoDeadline: 'ok',
  receiveInfo: 'ok',
  // Art. 14 parágrafo: no extension of a suspended term.
  extend: 'CLOCK_SUSPENDED',
  // The month of art. 17 has not run out on 10 July.
  desist: 'DESIST_TOO_EARLY',
};
const CLOSED_ROW = Object.fromEntries(
  ACT_KINDS.map((k) => [k, k === 'archive' || k === 'note' ? 'ok' : 'CLOCK_CLOSED']),
) as Record<ActKind, string>;
const ARCHIVED_ROW = { ...CLOSED_ROW, archive: 'CLOCK_CLOSED' };

const TABLE: Record<CaseStatus, Record<ActKind, string>> = {
  radicado: OPEN_ROW,
  en_tramite: OPEN_ROW,
  suspendido: SUSPENDED_ROW,
  respondido: CLOSED_ROW,
  trasladado: CLOSED_ROW,
  anulado: CLOSED_ROW,
  desistido: CLOSED_ROW,
  archivado: ARCHIVED_ROW,
};

const CASES = (Object.keys(TABLE) as CaseStatus[]).flatMap((status) =>
  ACT_KINDS.map((kind) => [status, kind, TABLE[status][kind]] as const),
);

describe('applyCaseAction: every act in every state', () => {
  it.each(CASES)('%s + %s → %s', (status, kind, expected) => {
    const record = inState(status);
    expect(record.status).toBe(status);
    const frozen = JSON.stringify(record);
    const by = kind === 'void' ? 'jefe@x.gov.co' : CLERK;
    const result = applyCaseAction(record, actionOf(kind, record), ctx(NOW, by));
    if (expected === 'ok') {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.record.events.length).toBe(record.events.length + 1);
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
    }
    // A transition never mutates the case it is given.
    expect(JSON.stringify(record)).toBe(frozen);
  });
});

describe('the notices each act owes', () => {
  const open = filed();

  it('a request for information tells the citizen what is missing and the month to send it', () => {
    const result = applyCaseAction(
      open,
      { kind: 'requestInfo', note: 'Copia de la escritura' },
      ctx(T1),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.record.status).toBe('suspendido');
    const [mail] = result.value.notices;
    expect(mail).toMatchObject({ kind: 'solicitud_informacion', to: 'maria@example.com' });
    expect(mail.body).toContain('Copia de la escritura');
    // One calendar month from Tue 7 July 2026: Fri 7 August is a holiday (Batalla de Boyacá),
    // then the weekend: the last day is Monday 10 August.
    expect(mail.body).toContain('10/08/2026');
  });

  it('an extension tells the citizen its reason and new date', () => {
    const newDueDate = addDays(open.dueDate, 5);
    const result = applyCaseAction(
      open,
      { kind: 'extend', newDueDate, reason: 'Visita técnica pendiente' },
      ctx(NOW),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.notices.map((m) => m.kind)).toEqual(['prorroga']);
    expect(result.value.notices[0].body).toContain('Visita técnica pendiente');
    expect(result.value.notices[0].body).toContain(newDueDate.split('-').reverse().join('/'));
  });

  it('a transfer sends the forwarding letter to the competent entity and a copy to the citizen', () => {
    const result = applyCaseAction(
      open,
      {
        kind: 'transfer',
        toEntity: 'Gobernación de Antioquia',
        email: 'contactenos@antioquia.gov.co',
        reason: 'El convenio es departamental',
      },
      ctx(NOW),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.notices.map((m) => [m.kind, m.to])).toEqual([
      ['traslado_entidad', 'contactenos@antioquia.gov.co'],
      ['traslado', 'maria@example.com'],
    ]);
    expect(result.value.notices[1].body).toContain('Gobernación de Antioquia');
  });

  it('an answer goes by email only to a citizen who chose email; otherwise the case asks for a printed answer', () => {
    const byEmail = applyCaseAction(open, { kind: 'answer', summary: 'Listo' }, ctx(NOW));
    if (!byEmail.ok) throw new Error(byEmail.code);
    expect(byEmail.value.notices.map((m) => m.kind)).toEqual(['respuesta']);
    const byPost = applyCaseAction(
      filed({ preferredChannel: 'Dirección física' }),
      { kind: 'answer', summary: 'Listo' },
      ctx(NOW),
    );
    if (!byPost.ok) throw new Error(byPost.code);
    expect(byPost.value.notices).toEqual([]);
    expect(byPost.value.record.alerts.join(' ')).toContain('respuesta impresa');
    expect(byPost.value.record.alerts.join(' ')).toContain('Calle 10 # 5-20');
  });

  it('an answer denying access needs its legal basis, and the citizen reads it', () => {
    expect(
      applyCaseAction(open, { kind: 'answer', summary: 'No', accessDenied: true }, ctx(NOW)),
    ).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', details: { field: 'legalBasis' } });
    const denied = applyCaseAction(
      open,
      {
        kind: 'answer',
        summary: 'No',
        accessDenied: true,
        legalBasis: 'Ley 1712 de 2014, art. 19',
      },
      ctx(NOW),
    );
    if (!denied.ok) throw new Error(denied.code);
    expect(denied.value.notices[0].body).toContain('Ley 1712 de 2014, art. 19');
  });

  it('desistimiento: refused before the month runs out, then told to the citizen', () => {
    const asked = must(open, { kind: 'requestInfo' }, T1);
    // Last day to complete: Monday 10 August 2026 (see above).
    expect(
      applyCaseAction(asked, { kind: 'desist' }, ctx('2026-08-10T20:00:00.000Z')),
    ).toMatchObject({ ok: false, code: 'DESIST_TOO_EARLY', details: { lastDay: '10/08/2026' } });
    const done = applyCaseAction(asked, { kind: 'desist' }, ctx('2026-08-11T15:00:00.000Z'));
    if (!done.ok) throw new Error(done.code);
    expect(done.value.record.status).toBe('desistido');
    expect(done.value.notices.map((m) => m.kind)).toEqual(['desistimiento']);
  });

  it('an assignment tells the new assignee; nobody on leave or outside the directory', () => {
    const moved = applyCaseAction(open, { kind: 'assign', to: CLERK_2 }, ctx(NOW));
    if (!moved.ok) throw new Error(moved.code);
    expect(moved.value.record.assignee).toBe(CLERK_2);
    expect(moved.value.notices.map((m) => [m.kind, m.to])).toEqual([['asignacion', CLERK_2]]);
    expect(applyCaseAction(open, { kind: 'assign', to: AWAY }, ctx(NOW))).toMatchObject({
      ok: false,
      code: 'ASSIGNEE_ON_LEAVE',
    });
    expect(applyCaseAction(open, { kind: 'assign', to: 'x@gmail.com' }, ctx(NOW))).toMatchObject({
      ok: false,
      code: 'ASSIGNEE_UNKNOWN',
    });
    expect(
      applyCaseAction(open, { kind: 'reassign', to: CLERK_2, reason: '' }, ctx(NOW)),
    ).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', details: { field: 'reason' } });
  });

  it('a citizen without an email is told by other means: the case says so', () => {
    const result = applyCaseAction(
      filed({ email: '', anonymous: true, name: '' }),
      { kind: 'requestInfo', note: 'Dirección' },
      ctx(T1),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.notices).toEqual([]);
    expect(result.value.record.alerts.join(' ')).toContain('por otro medio');
  });

  it('the extra month of art. 17 is granted once, and only before the first month runs out', () => {
    const asked = must(open, { kind: 'requestInfo' }, T1);
    const extended = must(asked, { kind: 'extendInfoDeadline' }, '2026-07-20T15:00:00.000Z');
    expect(
      applyCaseAction(extended, { kind: 'extendInfoDeadline' }, ctx('2026-07-25T15:00:00.000Z')),
    ).toMatchObject({ ok: false, code: 'INFO_REQUEST_NOT_PENDING' });
    // The first month ended on Monday 10 August 2026.
    expect(
      applyCaseAction(asked, { kind: 'extendInfoDeadline' }, ctx('2026-08-20T15:00:00.000Z')),
    ).toMatchObject({ ok: false, code: 'INFO_REQUEST_NOT_PENDING' });
  });

  it('a transfer needs a valid address for its letter, or the case says to send it by other means', () => {
    expect(
      applyCaseAction(
        open,
        { kind: 'transfer', toEntity: 'Gobernación', email: 'gob@', reason: 'x' },
        ctx(NOW),
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', details: { field: 'email' } });
    const noEmail = applyCaseAction(
      open,
      { kind: 'transfer', toEntity: 'Gobernación', reason: 'x' },
      ctx(NOW),
    );
    if (!noEmail.ok) throw new Error(noEmail.code);
    expect(noEmail.value.notices.map((m) => m.kind)).toEqual(['traslado']);
    expect(noEmail.value.record.alerts.join(' ')).toContain('oficio remisorio a Gobernación');
  });

  it('a note changes no status and goes with the case', () => {
    const result = applyCaseAction(open, { kind: 'note', text: 'Llamó' }, ctx(NOW));
    if (!result.ok) throw new Error(result.code);
    expect(result.value.record.status).toBe('radicado');
    expect(result.value.notices).toEqual([]);
    expect(result.value.details).toBe('Llamó');
  });
});

describe('permissionFor: who may act', () => {
  const record = { dependency: 'Ventanilla Única', assignee: CLERK };
  const member = (email: string) => STAFF.find((m) => m.email === email) ?? null;

  it.each([
    ['a clerk of the dependency', CLERK, 'answer', [], true],
    ['a clerk of another dependency', 'otra@x.gov.co', 'answer', [], false],
    ['a clerk voiding', CLERK, 'void', [], false],
    ['the dependency supervisor voiding', 'jefe@x.gov.co', 'void', [], true],
    ['another dependency supervisor', 'sup.hacienda@x.gov.co', 'void', [], false],
    ['an entity-wide supervisor', 'sup.hacienda@x.gov.co', 'void', ['sup.hacienda@x.gov.co'], true],
    ['an admin anywhere', 'admin@x.gov.co', 'void', [], true],
  ] as const)('%s', (_label, email, kind, supervisors, allowed) => {
    const verdict = permissionFor(member(email), record, kind, supervisors);
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.code).toBe('NOT_ALLOWED');
  });

  it('someone outside the directory is not staff', () => {
    expect(permissionFor(null, record, 'note', [])).toMatchObject({ ok: false, code: 'NOT_STAFF' });
  });
});
