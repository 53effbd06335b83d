// `Radicados` as a clerk reads it at 1366×768: the working columns first, the radicado frozen with
// the header, each row coloured by its traffic light, days left blank once a case is closed, the
// person in charge by name.
import { renderSheetHtml } from '../../tools/simulator/services/render-sheet';
import { Workspace } from '../../tools/simulator/workspace';
import { act, bogota, citizen, CLERK, CLERK_2, Desk, projects, useBuiltBundle } from './fixtures';

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

describe('"Mis casos" filter views', () => {
  const views = (desk: Desk) => desk.model.requireSheet('Radicados').filterViews;

  it('setup gives every staff member a view of their open cases, soonest due first', () => {
    const desk = new Desk();
    const sheet = desk.model.requireSheet('Radicados');
    const column = (header: string) => desk.column('Radicados', header) - 1;
    expect(
      views(desk)
        .map((v) => v.title)
        .sort(),
    ).toEqual(
      [
        'Mis casos — Ana Administradora',
        'Mis casos — Diana Gómez',
        'Mis casos — Luz Marina Restrepo',
        'Mis casos — Sofía Supervisora',
      ].sort(),
    );
    const luz = views(desk).find((v) => v.title === 'Mis casos — Luz Marina Restrepo')!;
    expect(luz.range.sheetId).toBe(sheet.sheetId);
    expect(luz.filterSpecs).toEqual(
      expect.arrayContaining([
        {
          columnIndex: column('Responsable'),
          filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: CLERK }] } },
        },
        { columnIndex: column('Semáforo'), filterCriteria: { hiddenValues: ['Cerrado'] } },
      ]),
    );
    expect(luz.sortSpecs).toEqual([{ dimensionIndex: column('Vence'), sortOrder: 'ASCENDING' }]);
    expect(desk.entity.ui.alerts.at(-1)?.prompt).toContain('su vista "Mis casos"');
  });

  it('a second setup changes nothing; a person who leaves loses theirs; a clerk’s own view stays', () => {
    const desk = new Desk();
    const ids = views(desk).map((v) => v.filterViewId);
    const again = desk.setupOk();
    expect(again.record.calls['Sheets.Spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(views(desk).map((v) => v.filterViewId)).toEqual(ids);
    // A clerk saves a view of their own; Diana leaves the staff sheet.
    const sheet = desk.model.requireSheet('Radicados');
    sheet.filterViews.push({
      filterViewId: 42,
      title: 'Vencidos de Gobierno',
      range: { sheetId: sheet.sheetId },
      filterSpecs: [],
      sortSpecs: [],
    });
    const staff = desk.model.requireSheet('Dependencias');
    for (let r = 2; r <= staff.lastRow(); r += 1)
      if (staff.cell(r, desk.column('Dependencias', 'Correo'))?.value === CLERK_2)
        desk.model.setCellsAsUser('Dependencias', r, 1, [
          new Array(desk.column('Dependencias', 'Ausente')).fill(''),
        ]);
    desk.setupOk();
    expect(views(desk).map((v) => v.title)).not.toContain('Mis casos — Diana Gómez');
    expect(views(desk).map((v) => v.title)).toContain('Vencidos de Gobierno');
    expect(views(desk)).toHaveLength(4);
  });

  it('a view follows a column an admin inserted, and setup leaves it right', () => {
    const desk = new Desk();
    const sheet = desk.model.requireSheet('Radicados');
    sheet.insertColumns(2, 1); // a column typed in after "Vence", before "Responsable"
    const luz = () => views(desk).find((v) => v.title === 'Mis casos — Luz Marina Restrepo')!;
    const filtered = () =>
      luz()
        .filterSpecs.map((f) => f.columnIndex)
        .sort((a, b) => a - b);
    const expected = () =>
      [desk.column('Radicados', 'Semáforo') - 1, desk.column('Radicados', 'Responsable') - 1].sort(
        (a, b) => a - b,
      );
    expect(filtered()).toEqual(expected());
    desk.setupOk();
    expect(filtered()).toEqual(expected());
    expect(luz().sortSpecs[0].dimensionIndex).toBe(desk.column('Radicados', 'Vence') - 1);
  });

  it('an entity script built before the Sheets service was enabled sets up, and says what to do', () => {
    const p = projects();
    const manifest = JSON.parse(p.shimFiles.get('appsscript')!);
    delete manifest.dependencies.enabledAdvancedServices;
    const desk = new Desk({
      workspace: new Workspace({
        library: { code: p.libraryCode, files: p.libraryFiles },
        shimCode: p.shimCode,
        shimFiles: new Map([['appsscript', JSON.stringify(manifest)]]),
        startMs: bogota('2026-02-02T07:00:00'),
      }),
    });
    expect(views(desk)).toEqual([]);
    expect(desk.entity.ui.alerts.at(-1)?.prompt).toContain(
      'no tiene activado el servicio avanzado de Google Sheets',
    );
  });
});
