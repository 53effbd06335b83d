// The `Tablero`: counts by status, type, channel and dependency, the on-time rate, what falls due
// this week, overdue cases by dependency and a weekly trend, with native charts; rewritten by each
// day's first review and on demand.
import { act, bogota, citizen, CLERK, Desk, SUPERVISOR, useBuiltBundle } from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const DAY = 24 * 3600_000;

function cells(desk: Desk): string[][] {
  return desk.model.getDisplayGrid('Tablero');
}

function valueAfter(grid: string[][], label: string): string {
  return grid.find((row) => row[0] === label)?.[1] ?? '';
}

describe('the dashboard', () => {
  it('is rewritten by the day’s first review, with its figures and four charts', () => {
    const desk = new Desk();
    const first = desk.casesFor(desk.submit(citizen({ type: 'queja' }), AT).responseId)[0];
    desk.submit(citizen({ type: 'reclamo', subject: 'Otro' }), AT + 60_000);
    desk.advance(DAY / 2);
    act(desk, CLERK, { radicado: first.radicado, kind: 'answer', summary: 'Listo' });
    desk.advance(DAY); // the next day's first review
    const grid = cells(desk);
    expect(valueAfter(grid, 'Casos (sin anulados)')).toBe('2');
    expect(valueAfter(grid, 'Abiertos')).toBe('1');
    expect(valueAfter(grid, 'Respondidos a tiempo (de los cerrados)')).toBe('100 %');
    expect(grid.some((row) => row[0] === 'Queja' && row[1] === '1')).toBe(true);
    const sheet = desk.model.requireSheet('Tablero');
    expect(sheet.charts.map((c) => c.type)).toEqual(['PIE', 'BAR', 'COLUMN', 'LINE']);
    expect(sheet.charts.map((c) => c.options.title)).toEqual([
      'Casos por estado',
      'Vencidos por dependencia',
      'Casos por tipo',
      'Recibidos y cerrados por semana',
    ]);
    // No personal data on it.
    expect(grid.flat().join(' ')).not.toMatch(/María|example\.com|1020304050/);
    // Rewritten, not piled up.
    desk.advance(DAY);
    expect(desk.model.requireSheet('Tablero').charts).toHaveLength(4);
  });

  it('is rewritten on demand by a supervisor, and only by one', () => {
    const desk = new Desk();
    desk.submit(citizen(), AT);
    expect(desk.rpc(CLERK, 'refreshDashboard', {}).value).toMatchObject({
      ok: false,
      code: 'ROLE_REQUIRED',
    });
    expect(desk.rpc(SUPERVISOR, 'refreshDashboard', {}).value).toMatchObject({
      ok: true,
      data: { sheetName: 'Tablero' },
    });
    expect(valueAfter(cells(desk), 'Casos (sin anulados)')).toBe('1');
  });
});
