// A clerk's act rewrites only the add-on's columns: notes and columns an admin added (formulas
// included) keep what they hold.
import { act, bogota, CLERK, citizen, Desk, useBuiltBundle } from './fixtures';

useBuiltBundle();

it('keeps the clerk’s notes and an admin’s formula column when a case is updated', () => {
  const desk = new Desk();
  desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
  const sheet = desk.model.requireSheet('Radicados');
  const extra = sheet.lastColumn() + 1;
  desk.model.setCellsAsUser('Radicados', 1, extra, [['Semáforo'], ['=1+1']]);
  const notes = desk.column('Radicados', 'Observaciones');
  desk.model.setCellsAsUser('Radicados', 2, notes, [['Llamar el lunes']]);
  const [record] = desk.cases();
  const reply = act(desk, CLERK, {
    radicado: record.radicado,
    kind: 'answer',
    summary: 'Respondido por escrito.',
  });
  expect(reply).toMatchObject({ ok: true });
  expect(desk.cases()[0].status).toBe('respondido');
  expect(sheet.cell(2, extra)?.formula).toBe('=1+1');
  expect(sheet.cell(2, notes)?.value).toBe('Llamar el lunes');
});
