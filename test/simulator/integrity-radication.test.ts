// Issue "integrity", first two bullets of its Why list: hand damage to the tracking sheets (a
// deleted hidden column, a yearly archive made by renaming `Radicados`, a sort) and a lost script
// store must never make the add-on radicate a filing twice or give a number that already exists.
import {
  acknowledgementsTo,
  act,
  ADMIN,
  allCasesAnywhere,
  bogota,
  caseRowsAnywhere,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  itemIds,
  minutesFromNow,
  radicadosOfResponse,
  SUPERVISOR,
  useBuiltBundle,
} from './fixtures';
import { formAnswers } from '../../tools/simulator/harness';
import { parseRadicado } from '../../src/core/radicado';

useBuiltBundle();

const HOUR = 60 * 60 * 1000;
const AT = bogota('2026-02-03T10:00:00');

function emailOf(i: number): string {
  return `ciudadano${i}@example.com`;
}

/** Radicado numbers per year must be unique across every cases sheet. */
function expectUniqueNumbers(desk: Desk): void {
  const rows = caseRowsAnywhere(desk);
  const seen = new Map<string, number>();
  for (const row of rows) seen.set(row.radicado, (seen.get(row.radicado) ?? 0) + 1);
  const repeated = [...seen.entries()].filter(([, n]) => n > 1);
  expect(repeated).toEqual([]);
}

describe('deleting the hidden response-key column', () => {
  it('does not make the hourly sweeps radicate the same filing again and again', () => {
    const desk = new Desk();
    const first = desk.submit(citizen({ email: emailOf(1) }), AT);
    desk.advance(HOUR); // the radication's Historial lines are written
    const result = desk.harness.edit(desk.name, ADMIN, 'Radicados', {
      deleteColumn: { column: 'ID de respuesta del formulario' },
    });
    for (const run of result.runs) expect(run.error).toBeNull();
    desk.advance(11 * HOUR);
    expect(radicadosOfResponse(desk, first.responseId)).toEqual(['2026-000001']);
    expect(allCasesAnywhere(desk).map((c) => c.radicado)).toEqual(['2026-000001']);
    expect(acknowledgementsTo(desk, emailOf(1))).toHaveLength(1);
    // A new filing after the damage gets the next number, once.
    const second = desk.submit(citizen({ email: emailOf(2) }), minutesFromNow(desk, 10));
    desk.advance(3 * HOUR);
    expect(radicadosOfResponse(desk, second.responseId)).toEqual(['2026-000002']);
    expect(acknowledgementsTo(desk, emailOf(1))).toHaveLength(1);
    expect(acknowledgementsTo(desk, emailOf(2))).toHaveLength(1);
    expectUniqueNumbers(desk);
  });

  it('holds also when the column is deleted before the first sweep folded the filing in', () => {
    const desk = new Desk({ settings: { supervisorEmails: [SUPERVISOR] } });
    const first = desk.submit(citizen({ email: emailOf(1) }), AT);
    desk.harness.edit(desk.name, ADMIN, 'Radicados', {
      deleteColumn: { column: 'ID de respuesta del formulario' },
    });
    desk.advance(11 * HOUR);
    expect(caseRowsAnywhere(desk).map((r) => r.radicado)).toEqual(['2026-000001']);
    expect(acknowledgementsTo(desk, emailOf(1))).toHaveLength(1);
    expect(desk.mailTo(SUPERVISOR).length).toBeGreaterThan(0);
    // The row is repaired: it carries its response key again and stays workable by the clerk.
    // Regression: the column goes before the next sweep has folded the radication into the
    // Historial; the pass (run by the change trigger) re-adds the column and rebuilds the case
    // from the form response, checked against the chain head the state kept, so the case can
    // still be answered.
    expect(radicadosOfResponse(desk, first.responseId)).toEqual(['2026-000001']);
    const reply = act(desk, CLERK, {
      radicado: '2026-000001',
      kind: 'answer',
      summary: 'Se programó el arreglo.',
    });
    expect(reply).toMatchObject({ ok: true });
  });
});

describe('renaming Radicados as a yearly archive, then running setup', () => {
  it('keeps every old filing radicated once and continues the numbering', () => {
    const desk = new Desk();
    const old = [1, 2, 3].map((i) =>
      desk.submit(citizen({ email: emailOf(i) }), AT + i * 10 * 60_000),
    );
    desk.advance(2 * HOUR);
    desk.harness.edit(desk.name, ADMIN, 'Radicados', { renameSheet: { to: 'Radicados 2025' } });
    desk.setupOk();
    desk.advance(3 * HOUR);
    const fresh = desk.submit(citizen({ email: emailOf(4) }), minutesFromNow(desk, 10));
    desk.advance(3 * HOUR);
    old.forEach((s, i) =>
      expect(radicadosOfResponse(desk, s.responseId)).toEqual([`2026-00000${i + 1}`]),
    );
    expect(radicadosOfResponse(desk, fresh.responseId)).toEqual(['2026-000004']);
    // Nothing of the archive came back into the new Radicados.
    expect(desk.cases().map((c) => c.radicado)).toEqual(['2026-000004']);
    for (const i of [1, 2, 3, 4]) expect(acknowledgementsTo(desk, emailOf(i))).toHaveLength(1);
    expectUniqueNumbers(desk);
  });
});

describe('a sorted Radicados and a lost script store', () => {
  it('never issues a radicado that already exists', () => {
    const desk = new Desk();
    for (const i of [1, 2, 3]) desk.submit(citizen({ email: emailOf(i) }), AT + i * 10 * 60_000);
    desk.advance(2 * HOUR);
    desk.harness.edit(desk.name, ADMIN, 'Radicados', {
      sort: { column: 'Radicado', descending: true },
    });
    const sheet = desk.model.requireSheet('Radicados');
    expect(sheet.display(sheet.lastRow(), 1)).toBe('2026-000001');
    const formId = desk.formId();
    const ids = itemIds(desk);
    desk.harness.loseScriptProperties(desk.name);
    // The citizen form still works: its installed trigger fires, though the store is empty.
    const next = desk.harness.submitResponse(
      desk.name,
      formId,
      formAnswers(citizen({ email: emailOf(4) }), ids),
      minutesFromNow(desk, 10),
    );
    desk.advance(3 * HOUR);
    const given = radicadosOfResponse(desk, next.responseId);
    expect(given).toHaveLength(1);
    expect(parseRadicado(given[0])?.number).toBe(4);
    expectUniqueNumbers(desk);
    expect(acknowledgementsTo(desk, emailOf(4))).toHaveLength(1);
    for (const i of [1, 2, 3]) expect(acknowledgementsTo(desk, emailOf(i))).toHaveLength(1);
    expect(desk.mailTo(CITIZEN_EMAIL)).toEqual([]);
  });

  it('never issues a radicado that already exists when the admin runs setup on the copy first', () => {
    const desk = new Desk();
    for (const i of [1, 2, 3]) desk.submit(citizen({ email: emailOf(i) }), AT + i * 10 * 60_000);
    desk.advance(2 * HOUR);
    desk.harness.edit(desk.name, ADMIN, 'Radicados', {
      sort: { column: 'Asunto', descending: false },
    });
    desk.harness.edit(desk.name, ADMIN, 'Radicados', {
      sort: { column: 'Radicado', descending: true },
    });
    desk.harness.loseScriptProperties(desk.name);
    desk.setupOk();
    const next = desk.submit(citizen({ email: emailOf(4) }), minutesFromNow(desk, 10));
    desk.advance(2 * HOUR);
    expect(radicadosOfResponse(desk, next.responseId)).toEqual(['2026-000004']);
    expectUniqueNumbers(desk);
  });
});
