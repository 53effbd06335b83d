// A person's hand edits in the Sheets UI (Harness.edit) on a tiny shim written for the test: each
// op changes the sheet as a person would, runs no script of its own, and fires the installed
// ON_EDIT / ON_CHANGE triggers with the documented event fields, as the trigger's creator.
// Also Harness.loseScriptProperties.
import { Harness } from '../../../tools/simulator/harness';
import { HandEditError, type EditOp } from '../../../tools/simulator/hand-edits';
import { Workspace } from '../../../tools/simulator/workspace';

const ADMIN = 'admin@a.gov.co';
const CLERK = 'ventanilla@a.gov.co';
const OUTSIDER = 'visitante@example.com';
const START = Date.parse('2026-07-06T08:00:00-05:00');

const SHIM = `
function installTriggers() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('onEditPqrs').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('onChangePqrs').forSpreadsheet(ss).onChange().create();
  return 'ok';
}
function describe(e) {
  return JSON.stringify({
    keys: Object.keys(e).sort(),
    changeType: e.changeType === undefined ? null : e.changeType,
    range: e.range ? e.range.getSheet().getName() + '!' + e.range.getA1Notation() : null,
    value: e.value === undefined ? null : e.value,
    oldValue: e.oldValue === undefined ? null : e.oldValue,
    user: e.user.getEmail(),
    source: e.source.getId(),
    triggerUid: e.triggerUid,
    authMode: String(e.authMode),
    runsAs: Session.getEffectiveUser().getEmail()
  });
}
function onEditPqrs(e) { return describe(e); }
function onChangePqrs(e) { return describe(e); }
function keepSomething() { PropertiesService.getScriptProperties().setProperty('radicado.2026', '3'); }
`;

type Described = {
  keys: string[];
  changeType: string | null;
  range: string | null;
  value: string | null;
  oldValue: string | null;
  user: string;
  source: string;
  triggerUid: string;
  authMode: string;
  runsAs: string;
};

const HEADERS = ['Radicado', 'Estado', 'Días hábiles restantes', 'Observaciones'];

function setUp(installer = ADMIN) {
  const ws = new Workspace({
    library: { code: 'function noop() {}' },
    shimCode: SHIM,
    startMs: START,
  });
  const ent = ws.addEntity({ name: 'a', owner: ADMIN });
  const model = ent.spreadsheet;
  model.requireSheet('Hoja 1').name = 'Radicados';
  model.setCellsAsUser('Radicados', 1, 1, [
    HEADERS,
    ["'2026-000002", 'En trámite', '5', 'segunda'],
    ["'2026-000001", 'Radicado', '-1', ''],
    ["'2026-000003", 'Cerrado', '', 'tercera'],
  ]);
  model.requireSheet('Radicados').frozenRows = 1;
  const install = ws.run({ entity: 'a', fn: 'installTriggers', kind: 'direct', user: installer });
  expect(install.error).toBeNull();
  const harness = new Harness(ws);
  const executionsBefore = ws.executions.length;
  return { ws, ent, model, harness, executionsBefore };
}

function column(model: ReturnType<typeof setUp>['model'], header: string): string[] {
  const sheet = model.requireSheet('Radicados');
  const grid = model.getDisplayGrid('Radicados');
  const at = grid[0].indexOf(header);
  if (at < 0) throw new Error(`no ${header}`);
  return grid.slice(1, sheet.lastRow()).map((row) => row[at]);
}

const described = (value: unknown) => JSON.parse(String(value)) as Described;

describe('Harness.edit: setCell', () => {
  it('types the value as a person, then fires onEdit (value, oldValue) and onChange EDIT', () => {
    const { ws, ent, model, harness, executionsBefore } = setUp();
    const result = harness.edit('a', CLERK, 'Radicados', {
      setCell: { radicado: '2026-000001', column: 'Días hábiles restantes', value: '0012' },
    });
    expect(model.requireSheet('Radicados').cell(3, 3)?.value).toBe(12);
    // Only the two trigger runs were executed; the edit itself charged nothing.
    expect(ws.executions.length - executionsBefore).toBe(2);
    expect(result.deliveries.map((d) => d.eventType)).toEqual(['ON_EDIT', 'ON_CHANGE']);
    const [edit, change] = result.runs.map((r) => described(r.value));
    expect(edit.keys).toEqual([
      'authMode',
      'oldValue',
      'range',
      'source',
      'triggerUid',
      'user',
      'value',
    ]);
    expect(edit).toMatchObject({
      range: 'Radicados!C3',
      value: '12',
      oldValue: '-1',
      user: CLERK,
      source: ent.spreadsheet.id,
      authMode: 'FULL',
      runsAs: ADMIN,
    });
    expect(edit.triggerUid).toBe(result.deliveries[0].triggerUid);
    expect(change.keys).toEqual(['authMode', 'changeType', 'source', 'triggerUid', 'user']);
    expect(change).toMatchObject({ changeType: 'EDIT', user: CLERK, runsAs: ADMIN });
    expect(result.runs.every((r) => r.record.kind === 'trigger')).toBe(true);
  });

  it('leaves oldValue out when the cell was empty, and blanks the user outside the domain', () => {
    const { harness } = setUp();
    const result = harness.edit('a', OUTSIDER, 'Radicados', {
      setCell: { radicado: '2026-000001', column: 'Observaciones', value: 'llamó' },
    });
    const edit = described(result.runs[0].value);
    expect(edit.keys).not.toContain('oldValue');
    expect(edit.value).toBe('llamó');
    expect(edit.user).toBe('');
  });

  it('runs each trigger as the person who installed it', () => {
    const { harness } = setUp(CLERK);
    const result = harness.edit('a', ADMIN, 'Radicados', {
      setCell: { radicado: '2026-000003', column: 'Estado', value: 'Respondido' },
    });
    expect(result.runs.map((r) => described(r.value).runsAs)).toEqual([CLERK, CLERK]);
  });
});

describe('Harness.edit: structural changes fire onChange only', () => {
  const cases: Array<[string, EditOp, string]> = [
    ['deleteColumn', { deleteColumn: { column: 'Estado' } }, 'REMOVE_COLUMN'],
    ['insertColumnBefore', { insertColumnBefore: { column: 'Estado' } }, 'INSERT_COLUMN'],
    ['deleteRows', { deleteRows: { from: 2, count: 2 } }, 'REMOVE_ROW'],
    ['deleteCaseRow', { deleteCaseRow: { radicado: '2026-000001' } }, 'REMOVE_ROW'],
    ['renameSheet', { renameSheet: { to: 'Archivo 2026' } }, 'OTHER'],
  ];
  it.each(cases)('%s fires onChange with its changeType', (_name, op, changeType) => {
    const { harness } = setUp();
    const result = harness.edit('a', CLERK, 'Radicados', op);
    expect(result.deliveries.map((d) => d.eventType)).toEqual(['ON_CHANGE']);
    const change = described(result.runs[0].value);
    expect(change.changeType).toBe(changeType);
    expect(change.keys).toEqual(['authMode', 'changeType', 'source', 'triggerUid', 'user']);
    expect(change.runsAs).toBe(ADMIN);
    expect(result.applied.changeType).toBe(changeType);
  });

  it('deleteColumn removes the column and shifts the others left', () => {
    const { model, harness } = setUp();
    harness.edit('a', CLERK, 'Radicados', { deleteColumn: { column: 'Estado' } });
    expect(model.getDisplayGrid('Radicados')[0]).toEqual([
      'Radicado',
      'Días hábiles restantes',
      'Observaciones',
    ]);
  });

  it('insertColumnBefore opens an empty column left of the named one', () => {
    const { model, harness } = setUp();
    harness.edit('a', CLERK, 'Radicados', { insertColumnBefore: { column: 'Estado' } });
    const grid = model.getDisplayGrid('Radicados');
    expect(grid[0]).toEqual(['Radicado', '', 'Estado', 'Días hábiles restantes', 'Observaciones']);
    expect(grid[1]).toEqual(['2026-000002', '', 'En trámite', '5', 'segunda']);
  });

  it('deleteRows and deleteCaseRow remove whole rows', () => {
    const one = setUp();
    one.harness.edit('a', CLERK, 'Radicados', { deleteRows: { from: 2, count: 2 } });
    expect(column(one.model, 'Radicado')).toEqual(['2026-000003']);
    const two = setUp();
    two.harness.edit('a', CLERK, 'Radicados', { deleteCaseRow: { radicado: '2026-000002' } });
    expect(column(two.model, 'Radicado')).toEqual(['2026-000001', '2026-000003']);
  });

  it('renameSheet renames the tab, so the old name is gone', () => {
    const { model, harness } = setUp();
    harness.edit('a', CLERK, 'Radicados', { renameSheet: { to: 'Archivo 2026' } });
    expect(model.sheet('Radicados')).toBeUndefined();
    expect(model.requireSheet('Archivo 2026').lastRow()).toBe(4);
  });
});

describe('Harness.edit: sort', () => {
  it('sorts rows 2 to the last by the column, whole rows, blanks last; fires onEdit and onChange', () => {
    const { model, harness } = setUp();
    const result = harness.edit('a', CLERK, 'Radicados', {
      sort: { column: 'Días hábiles restantes' },
    });
    expect(column(model, 'Radicado')).toEqual(['2026-000001', '2026-000002', '2026-000003']);
    expect(column(model, 'Observaciones')).toEqual(['', 'segunda', 'tercera']);
    expect(model.getDisplayGrid('Radicados')[0]).toEqual(HEADERS);
    expect(result.deliveries.map((d) => d.eventType)).toEqual(['ON_EDIT', 'ON_CHANGE']);
    const [edit, change] = result.runs.map((r) => described(r.value));
    // A multi-cell edit: range only, no value or oldValue.
    expect(edit.range).toBe('Radicados!A2:D4');
    expect(edit.keys).toEqual(['authMode', 'range', 'source', 'triggerUid', 'user']);
    expect(change.changeType).toBe('EDIT');
  });

  it('sorts descending, text by Spanish collation, blanks still last', () => {
    const { model, harness } = setUp();
    harness.edit('a', CLERK, 'Radicados', { sort: { column: 'Observaciones', descending: true } });
    expect(column(model, 'Observaciones')).toEqual(['tercera', 'segunda', '']);
    harness.edit('a', CLERK, 'Radicados', { sort: { column: 'Radicado' } });
    expect(column(model, 'Radicado')).toEqual(['2026-000001', '2026-000002', '2026-000003']);
  });
});

describe('Harness.edit: what Sheets would not allow', () => {
  const bad: Array<[string, string, EditOp, string]> = [
    ['an unknown sheet', 'Casos', { sort: { column: 'Estado' } }, 'sheet'],
    ['an unknown column', 'Radicados', { sort: { column: 'Nada' } }, 'op.sort.column'],
    [
      'an unknown radicado',
      'Radicados',
      { deleteCaseRow: { radicado: '2026-000099' } },
      'op.deleteCaseRow.radicado',
    ],
    ['a taken sheet name', 'Radicados', { renameSheet: { to: 'historial' } }, 'op.renameSheet.to'],
    ['rows past the grid', 'Radicados', { deleteRows: { from: 999, count: 5 } }, 'op.deleteRows'],
    ['no op', 'Radicados', {} as EditOp, 'op'],
  ];
  it.each(bad)('%s throws HandEditError naming the field', (_what, sheet, op, field) => {
    const { ws, model, harness, executionsBefore } = setUp();
    model.addSheet('Historial');
    let caught: unknown = null;
    try {
      harness.edit('a', CLERK, sheet, op);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HandEditError);
    expect((caught as HandEditError).field).toBe(field);
    expect(ws.executions.length).toBe(executionsBefore);
  });

  it('refuses a person who may not edit a protected row', () => {
    const { model, harness } = setUp();
    const sheet = model.requireSheet('Radicados');
    const p = model.addProtection(sheet, 'RANGE', { row: 3, col: 1, numRows: 1, numCols: 4 });
    p.editorsCustomized = true;
    expect(() =>
      harness.edit('a', CLERK, 'Radicados', { deleteCaseRow: { radicado: '2026-000001' } }),
    ).toThrow(HandEditError);
    // The owner may; warning-only protections let anyone through.
    harness.edit('a', ADMIN, 'Radicados', { deleteCaseRow: { radicado: '2026-000001' } });
    expect(column(model, 'Radicado')).toEqual(['2026-000002', '2026-000003']);
  });
});

describe('Harness.loseScriptProperties', () => {
  it('empties the entity script property store, and nothing else', () => {
    const { ws, ent, harness } = setUp();
    ws.run({ entity: 'a', fn: 'keepSomething', kind: 'direct', user: ADMIN });
    ent.documentProperties.set('doc', 'x');
    expect(ent.properties.keys()).toEqual(['radicado.2026']);
    harness.loseScriptProperties('a');
    expect(ent.properties.keys()).toEqual([]);
    expect(ent.documentProperties.get('doc')).toBe('x');
    expect(ent.triggers.list()).toHaveLength(2);
  });
});
