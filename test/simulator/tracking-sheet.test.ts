// `Radicados` as a clerk reads it at 1366×768: the working columns first, the radicado frozen with
// the header, each row coloured by its traffic light, days left blank once a case is closed, the
// person in charge by name.
import { renderSheetHtml } from '../../tools/simulator/services/render-sheet';
import { act, bogota, citizen, CLERK, Desk, useBuiltBundle } from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const DAY = 24 * 3600_000;

function rowOf(desk: Desk, radicado: string): Record<string, unknown> {
  const row = desk.rowOfRadicado(radicado);
  const get = (header: string) => desk.value('Radicados', row, header);
  return {
    dias: get('Días hábiles restantes'),
    semaforo: get('Semáforo'),
    estado: get('Estado'),
    aCargo: get('A cargo de'),
  };
}

describe('the tracking sheet', () => {
  it('puts the working columns first and freezes the radicado with the header', () => {
    const desk = new Desk();
    const sheet = desk.model.requireSheet('Radicados');
    const headers = Array.from({ length: 10 }, (_, i) => String(sheet.cell(1, i + 1)?.value));
    expect(headers).toEqual([
      'Radicado',
      'Vence',
      'Días hábiles restantes',
      'Semáforo',
      'Estado',
      'A cargo de',
      'Dependencia',
      'Tipo',
      'Asunto',
      'Peticionario',
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.frozenColumns).toBe(1);
    // A filter over the whole table, from its header.
    expect(sheet.filter).toMatchObject({ row: 1, col: 1, numCols: sheet.lastColumn() });
    expect(sheet.filter!.numRows).toBeGreaterThanOrEqual(sheet.maxRows);
    // Wide enough for every header (about 7 px a character at the default font, plus padding).
    for (let c = 1; c <= 10; c += 1)
      expect(sheet.columnWidths.get(c) ?? 100).toBeGreaterThanOrEqual(
        Math.min(200, String(sheet.cell(1, c)?.value).length * 7),
      );
  });

  it('colours each row by its traffic light, with four rules that setup never piles up', () => {
    const desk = new Desk();
    const sheet = desk.model.requireSheet('Radicados');
    const formulas = () => sheet.conditionalRules.map((r) => r.condition.values[0]).sort();
    expect(formulas()).toEqual(
      ['=$D2="Cerrado"', '=$D2="Por vencer"', '=$D2="Suspendido"', '=$D2="Vencido"'].sort(),
    );
    desk.setupOk();
    expect(sheet.conditionalRules).toHaveLength(4);
  });

  it('shows the light, the person by name, and no days left once closed', () => {
    const desk = new Desk();
    const running = desk.casesFor(desk.submit(citizen(), AT).responseId)[0];
    const answered = desk.casesFor(
      desk.submit(citizen({ subject: 'Otra' }), AT + 60_000).responseId,
    )[0];
    const suspended = desk.casesFor(
      desk.submit(citizen({ subject: 'Tercera' }), AT + 120_000).responseId,
    )[0];
    expect(rowOf(desk, running.radicado)).toMatchObject({
      dias: 15,
      semaforo: 'En término',
      aCargo: 'Luz Marina Restrepo',
    });
    act(desk, CLERK, { radicado: answered.radicado, kind: 'answer', summary: 'Listo' });
    act(desk, CLERK, { radicado: suspended.radicado, kind: 'requestInfo', note: 'Fotos' });
    expect(rowOf(desk, answered.radicado)).toMatchObject({ dias: '', semaforo: 'Cerrado' });
    expect(rowOf(desk, suspended.radicado)).toMatchObject({ semaforo: 'Suspendido' });
    // Days pass (due Tue 24 Feb; reminders at 3 and 1 business days): on Thu 19 Feb three are
    // left, "por vencer"; past the 24th, "vencido".
    desk.advance(16 * DAY);
    expect(rowOf(desk, running.radicado)).toMatchObject({ dias: 3, semaforo: 'Por vencer' });
    desk.advance(8 * DAY);
    expect(rowOf(desk, running.radicado).semaforo).toBe('Vencido');
    expect(rowOf(desk, answered.radicado)).toMatchObject({ dias: '', semaforo: 'Cerrado' });
    // As displayed (tracking.html): the overdue row red, the closed one muted.
    const html = renderSheetHtml(desk.model, 'Radicados');
    const line = (radicado: string) =>
      html.split('\n').find((l) => l.includes(`>${radicado}<`)) ?? '';
    expect(line(running.radicado)).toContain('background:#f4c7c3');
    expect(line(answered.radicado)).toContain('color:#80868b');
  });
});
