// Loads the built dist/ into the simulator and calls every entry point of the entity script.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ENTRY_POINTS from '../../src/shim/entry-points.json';
import { Harness } from '../../tools/simulator/harness';
import { readHtmlOutput } from '../../tools/simulator/services/html';
import { Workspace } from '../../tools/simulator/workspace';
import { loadBuiltProjects, SETUP_MENU } from '../../tools/scenario/run-scenario';
import { readCases } from '../../tools/scenario/read-back';

const root = join(__dirname, '..', '..');
const ADMIN = 'admin@pueblo.gov.co';
const CLERK = 'clerk@pueblo.gov.co';

let ws: Workspace;
let harness: Harness;

beforeAll(() => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
  const built = loadBuiltProjects(join(root, 'dist'));
  ws = new Workspace({
    library: { code: built.libraryCode, files: built.libraryFiles },
    shimCode: built.shimCode,
    startMs: Date.parse('2026-07-06T08:00:00-05:00'),
  });
  ws.addEntity({ name: 'pueblo', owner: ADMIN });
  harness = new Harness(ws);
});

describe('every shim entry point on the built bundle', () => {
  it('onOpen adds the add-on menu in LIMITED mode, naming shim functions', () => {
    const result = harness.open('pueblo', ADMIN);
    expect(result.error).toBeNull();
    const [menu] = ws.entity('pueblo').ui.menus;
    expect(menu.location).toBe('extensions');
    const shimNames = ENTRY_POINTS.entries.map((e) => e.name);
    for (const item of menu.items) expect(shimNames).toContain(item.functionName);
  });

  it('onInstall does what onOpen does', () => {
    const result = ws.run({
      entity: 'pueblo',
      fn: 'onInstall',
      args: [{}],
      kind: 'simple',
      user: ADMIN,
    });
    expect(result.error).toBeNull();
  });

  it('menuSetup creates the sheets, the form and the four triggers', () => {
    const result = harness.menu('pueblo', ADMIN, SETUP_MENU);
    expect(result.error).toBeNull();
    const entity = ws.entity('pueblo');
    expect(entity.spreadsheet.sheet('Radicados')).toBeDefined();
    expect(
      entity.triggers
        .list()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['onChangePqrs', 'onEditPqrs', 'onFormSubmitPqrs', 'sweepPqrs']);
    // Typed by the admin: the edit trigger marks the compiled configuration stale.
    harness.typeCells('pueblo', ADMIN, 'Dependencias', 2, 1, [
      [CLERK, 'Ana', 'Ventanilla Única', 'Funcionario', 'No'],
    ]);
    // Citizens may file once the entity has a name and staff: the next setup opens the form.
    const settings = entity.spreadsheet.requireSheet('Configuración');
    expect(settings.cell(2, 1)?.value).toBe('Nombre de la entidad');
    harness.typeCells('pueblo', ADMIN, 'Configuración', 2, 2, [['Alcaldía de Pueblo']]);
    expect(harness.menu('pueblo', ADMIN, SETUP_MENU).error).toBeNull();
  });

  it('onFormSubmitPqrs radicates a citizen response', () => {
    const { runs } = harness.submit(
      'pueblo',
      {
        type: 'peticion_general',
        anonymous: false,
        applicantKind: 'Persona natural',
        name: 'Ana Ruiz',
        idType: 'Cédula de ciudadanía',
        idNumber: '123456',
        email: 'ana@example.com',
        preferredChannel: 'Correo electrónico',
        acceptsEmailNotification: true,
        subject: 'Alumbrado',
        description: 'Arreglen la luz del parque.',
        consent: true,
      },
      Date.parse('2026-07-06T09:00:00-05:00'),
    );
    expect(runs).toHaveLength(1);
    expect(runs[0].error).toBeNull();
    expect(readCases(ws.entity('pueblo').spreadsheet)).toHaveLength(1);
  });

  it('rpc answers the sidebar through one gateway', () => {
    const reply = harness.scriptRun('pueblo', CLERK, 'rpc', 'whoAmI', {});
    expect(reply.error).toBeNull();
    expect(reply.value).toMatchObject({ ok: true, data: { email: CLERK } });
    const unknown = harness.scriptRun('pueblo', CLERK, 'rpc', 'dropTables', {});
    expect(unknown.value).toMatchObject({ ok: false, code: 'UNKNOWN_METHOD' });
  });

  it('doGet answers an unknown radicado with the same page as a wrong token', () => {
    const [record] = readCases(ws.entity('pueblo').spreadsheet);
    const wrongToken = harness.visit('pueblo', { r: record.radicado, t: 'nope' });
    const unknown = harness.visit('pueblo', { r: '2026-999999', t: 'nope' });
    expect(wrongToken.error).toBeNull();
    expect(wrongToken.body).toBe(unknown.body);
    expect(wrongToken.body).not.toContain(record.subject);
  });

  it('menuShowSidebar shows the desk from the library HTML to staff, and refuses others at once', () => {
    // The owner is not listed in Dependencias: told so when the desk opens, no sidebar.
    expect(harness.menu('pueblo', ADMIN, 'Abrir la mesa de casos').error).toBeNull();
    expect(ws.entity('pueblo').ui.sidebars).toHaveLength(0);
    const result = harness.menu('pueblo', CLERK, 'Abrir la mesa de casos');
    expect(result.error).toBeNull();
    const [sidebar] = ws.entity('pueblo').ui.sidebars;
    expect(readHtmlOutput(sidebar.output)?.content).toContain('google.script.run');
  });

  it('sweepPqrs and the menu review run without finding anything left to do', () => {
    const fired = harness.advanceTo(ws.now + 2 * 60 * 60 * 1000);
    expect(fired.length).toBeGreaterThan(0);
    for (const run of fired) expect(run.error).toBeNull();
    expect(harness.menu('pueblo', ADMIN, 'Revisar pendientes ahora').error).toBeNull();
    expect(readCases(ws.entity('pueblo').spreadsheet)).toHaveLength(1);
  });

  it('the product never opened a library-scoped store or an undocumented one', () => {
    expect(ws.libraryScopedUses).toEqual([]);
    expect(ws.unverifiedUses).toEqual([]);
  });
});
