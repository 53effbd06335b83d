// The `Tablero` sheet: the dashboard's figures in one write, and native Sheets charts over them
// (live in Sheets, printable). Rebuilt whole each time: its old charts go, the new ones come.
import { formatDateEs } from '../core/calendar/calendar-date';
import type { DashboardFigures } from '../core/reports/dashboard';
import { textCell, type CellValue } from './cell-values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DASHBOARD_SHEET = 'Tablero';

interface Block {
  readonly title: string;
  readonly header: [string, string];
  readonly rows: ReadonlyArray<[string, number]>;
}

/**
 * The figures as rows: a heading, the key numbers, then one block per breakdown; each block's
 * first row and height is kept, so charts can point at it.
 */
export function dashboardRows(
  figures: DashboardFigures,
  entityName: string,
): { rows: CellValue[][]; blocks: Map<string, { from: number; count: number }> } {
  const t = (s: string) => textCell(s);
  const rows: CellValue[][] = [
    [t(`Tablero de PQRSD - ${entityName}`), '', ''],
    [t('Actualizado'), t(formatDateEs(figures.today)), ''],
    [t('Casos (sin anulados)'), figures.total, ''],
    [t('Abiertos'), figures.open, ''],
    [t('Vencen esta semana'), figures.dueThisWeek, ''],
    [
      t('Respondidos a tiempo (de los cerrados)'),
      figures.onTimeRate === null ? t('—') : t(`${Math.round(figures.onTimeRate * 100)} %`),
      '',
    ],
  ];
  const blocks = new Map<string, { from: number; count: number }>();
  const add = (key: string, block: Block) => {
    rows.push(['', '', ''], [t(block.title), '', '']);
    rows.push([t(block.header[0]), t(block.header[1]), '']);
    const from = rows.length + 1;
    const entries = block.rows.length > 0 ? block.rows : [['(ninguno)', 0] as [string, number]];
    for (const [label, n] of entries) rows.push([t(label), n, '']);
    blocks.set(key, { from: from - 1, count: entries.length + 1 });
  };
  add('status', { title: 'Por estado', header: ['Estado', 'Casos'], rows: figures.byStatus });
  add('type', { title: 'Por tipo', header: ['Tipo', 'Casos'], rows: figures.byType });
  add('channel', { title: 'Por canal', header: ['Canal', 'Casos'], rows: figures.byChannel });
  add('open', {
    title: 'Abiertos por dependencia',
    header: ['Dependencia', 'Abiertos'],
    rows: figures.openByDependency,
  });
  add('overdue', {
    title: 'Vencidos por dependencia',
    header: ['Dependencia', 'Vencidos'],
    rows: figures.overdueByDependency,
  });
  rows.push(['', '', ''], [t('Tendencia semanal'), '', '']);
  rows.push([t('Semana (lunes)'), t('Recibidos'), t('Cerrados')]);
  const from = rows.length;
  for (const w of figures.weeklyTrend) rows.push([t(formatDateEs(w.week)), w.received, w.closed]);
  blocks.set('trend', { from, count: figures.weeklyTrend.length + 1 });
  return { rows, blocks };
}

/** Writes the dashboard (creating its sheet at the end of the workbook if needed). */
export function writeDashboard(
  ss: Spreadsheet,
  figures: DashboardFigures,
  entityName: string,
): void {
  const { rows, blocks } = dashboardRows(figures, entityName);
  const sheet =
    ss.getSheetByName(DASHBOARD_SHEET) ?? ss.insertSheet(DASHBOARD_SHEET, ss.getNumSheets());
  sheet.clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  if (sheet.getMaxRows() < rows.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, 3).setValues(rows);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.setColumnWidth(1, 300);
  const charts: Array<[string, GoogleAppsScript.Charts.ChartType, string, number]> = [
    ['status', Charts.ChartType.PIE, 'Casos por estado', 1],
    ['overdue', Charts.ChartType.BAR, 'Vencidos por dependencia', 21],
    ['type', Charts.ChartType.COLUMN, 'Casos por tipo', 41],
    ['trend', Charts.ChartType.LINE, 'Recibidos y cerrados por semana', 61],
  ];
  for (const [key, type, title, anchorRow] of charts) {
    const block = blocks.get(key);
    if (!block) continue;
    const width = key === 'trend' ? 3 : 2;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(type)
        .addRange(sheet.getRange(block.from, 1, block.count, width))
        .setPosition(anchorRow, 5, 0, 0)
        .setOption('title', title)
        .build(),
    );
  }
}
