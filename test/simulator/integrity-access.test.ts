// Issue "integrity", fourth bullet of its Why list: who may do what is not decided by a cell any
// listed person can type. The settings sheets are really protected (owner and admins), so a clerk
// cannot make themself Supervisor; setup is for the owner and admins only, and a second admin's
// setup never installs a second set of triggers, so each filing runs once.
import { HandEditError } from '../../tools/simulator/hand-edits';
import { SETUP_MENU } from '../../tools/scenario/run-scenario';
import {
  act,
  acknowledgementsTo,
  ADMIN,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  DOMAIN,
  STAFF,
  SUPERVISOR,
  typeAsPerson,
  useBuiltBundle,
  type StaffSpec,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const ADMIN_2 = `jefatura@${DOMAIN}`;
const STAFF_WITH_TWO_ADMINS: readonly StaffSpec[] = [
  ...STAFF,
  { email: ADMIN_2, name: 'Julián Jefe', dependency: 'Secretaría General', role: 'admin' },
];

/** The Dependencias row and Rol column of `email`. */
function roleCell(desk: Desk, email: string): { row: number; col: number } {
  const sheet = desk.model.requireSheet('Dependencias');
  const emailAt = desk.column('Dependencias', 'Correo');
  for (let r = 2; r <= sheet.lastRow(); r += 1)
    if (String(sheet.cell(r, emailAt)?.value ?? '') === email)
      return { row: r, col: desk.column('Dependencias', 'Rol') };
  throw new Error(`${email} not in Dependencias`);
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return null;
}

describe('a clerk who types Supervisor in their own Dependencias row', () => {
  it('is stopped by the protection and still cannot void', () => {
    const desk = new Desk();
    desk.submit(citizen(), AT);
    const { row, col } = roleCell(desk, CLERK);
    const typed = caught(() =>
      typeAsPerson(desk, CLERK, 'Dependencias', row, col, [['Supervisor']]),
    );
    expect(typed).toBeInstanceOf(HandEditError);
    // Nor can the clerk remove or reorder people in the directory.
    expect(
      caught(() =>
        desk.harness.edit(desk.name, CLERK, 'Dependencias', {
          deleteRows: { from: row, count: 1 },
        }),
      ),
    ).toBeInstanceOf(HandEditError);
    expect(
      caught(() =>
        desk.harness.edit(desk.name, CLERK, 'Dependencias', { sort: { column: 'Rol' } }),
      ),
    ).toBeInstanceOf(HandEditError);
    expect(desk.model.requireSheet('Dependencias').display(row, col)).toBe('Funcionario');
    // The settings sheets are protected the same way.
    for (const sheet of ['Configuración', 'Enrutamiento', 'Días no hábiles'])
      expect(desk.model.canUserEdit(sheet, 2, 2, CLERK)).toBe(false);
    const reply = act(desk, CLERK, {
      radicado: '2026-000001',
      kind: 'void',
      reason: 'Por mi cuenta',
    });
    expect(reply).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(desk.cases()[0].status).toBe('radicado');
    // An admin may edit the directory (the protection lists the admins).
    expect(desk.model.canUserEdit('Dependencias', row, col, ADMIN)).toBe(true);
  });

  it('lets an admin who is not the owner edit Dependencias', () => {
    const desk = new Desk({ staff: STAFF_WITH_TWO_ADMINS });
    const { row, col } = roleCell(desk, CLERK);
    expect(desk.model.canUserEdit('Dependencias', row, col, ADMIN_2)).toBe(true);
    typeAsPerson(desk, ADMIN_2, 'Dependencias', row, col, [['Supervisor']]);
    desk.submit(citizen(), AT);
    // The admin's change is the one that counts: now the clerk may void.
    const reply = act(desk, CLERK, { radicado: '2026-000001', kind: 'void', reason: 'Duplicado' });
    expect(reply).toMatchObject({ ok: true });
  });
});

describe('running setup', () => {
  it('is refused to a clerk and a supervisor with a Spanish alert, and installs nothing', () => {
    const desk = new Desk();
    const before = desk.entity.triggers.list().map((t) => `${t.handler}:${t.owner}`);
    for (const who of [CLERK, SUPERVISOR]) {
      const alerts = desk.entity.ui.alerts.length;
      const run = desk.harness.menu(desk.name, who, SETUP_MENU);
      expect(run.error).toBeNull();
      const shown = desk.entity.ui.alerts.slice(alerts);
      expect(shown).toHaveLength(1);
      expect(shown[0].prompt).toMatch(/Administrador/);
      expect(shown[0].prompt).not.toMatch(/Error|Exception|undefined/);
    }
    expect(desk.entity.triggers.list().map((t) => `${t.handler}:${t.owner}`)).toEqual(before);
  });

  it('by a second admin installs no second set of triggers: each filing runs once', () => {
    const desk = new Desk({ staff: STAFF_WITH_TWO_ADMINS });
    const run = desk.harness.menu(desk.name, ADMIN_2, SETUP_MENU);
    expect(run.error).toBeNull();
    const triggers = desk.entity.triggers.list();
    expect(triggers).toHaveLength(4);
    expect(new Set(triggers.map((t) => t.owner))).toEqual(new Set([ADMIN]));
    const filing = desk.submit(citizen(), AT);
    expect(filing.runs).toHaveLength(1);
    expect(desk.casesFor(filing.responseId)).toHaveLength(1);
    desk.advance(2 * 60 * 60 * 1000);
    expect(desk.cases()).toHaveLength(1);
    expect(acknowledgementsTo(desk, CITIZEN_EMAIL)).toHaveLength(1);
    // One sweep an hour, not one per installer.
    const hours = desk.executionsOf('sweepPqrs').map((e) => e.startedAt.slice(0, 13));
    expect(new Set(hours).size).toBe(hours.length);
  });
});
