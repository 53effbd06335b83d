// A report on a sheet of its own: title, entity, period, legal basis and generation date, then the
// figures, then the tables. The whole sheet is one write of values plus a few format calls,
// whatever the number of cases. Every text goes in as text (no formula from a dependency's name).
import { formatDateEs } from '../core/calendar/calendar-date';
import { formatLocalInstant } from '../core/cases/radication-lines';
import { CHANNEL_LABELS, type Channel } from '../core/cases/case-record';
import { typeLabelOf } from '../core/reports/statutory-reports';
import type { ReportDocument } from '../app/reports';
import { textCell, type CellValue } from './cell-values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SHEET_PREFIX: Readonly<Record<ReportDocument['kind'], string>> = {
  acceso_informacion: 'Informe acceso',
  pqrs_semestral: 'Informe PQRSD',
};

export function reportSheetName(doc: ReportDocument): string {
  return `${SHEET_PREFIX[doc.kind]} ${doc.from} a ${doc.to}`;
}

function dateOrBlank(d: string | null): string {
  return d ? formatDateEs(d) : '';
}

/** The report's cells, row by row (rows may be shorter than the widest; they are padded). */
export function reportRows(doc: ReportDocument): CellValue[][] {
  const t = (s: string) => textCell(s);
  const rows: CellValue[][] = [
    [t(doc.title)],
    [t('Entidad'), t(`${doc.entity}${doc.daneCode ? ` (DANE ${doc.daneCode})` : ''}`)],
    [t('Periodo'), t(`${formatDateEs(doc.from)} a ${formatDateEs(doc.to)} (fecha de radicación)`)],
    [t('Fundamento legal'), t(doc.legalBasis)],
    [t('Generado'), t(formatLocalInstant(Date.parse(doc.generatedAt)))],
    [],
  ];
  if (doc.kind === 'acceso_informacion') {
    rows.push(
      [t('1. Número de solicitudes recibidas'), doc.received],
      [t('2. Número de solicitudes trasladadas a otra institución'), doc.transferred],
      [t('3. Tiempo de respuesta a cada solicitud'), t('Ver la tabla (días hábiles)')],
      [t('4. Número de solicitudes en las que se negó el acceso'), doc.denied],
      [],
      [
        t('Radicado'),
        t('Fecha de radicación'),
        t('Trasladada'),
        t('Entidad destino'),
        t('Fecha de respuesta'),
        t('Días hábiles de respuesta'),
        t('Acceso negado'),
        t('Fundamento de la negación'),
      ],
      ...doc.requestDetails.map((r): CellValue[] => [
        t(r.radicado),
        t(dateOrBlank(r.receivedOn)),
        t(r.transferred ? 'Sí' : 'No'),
        t(r.destination),
        t(dateOrBlank(r.answeredOn)),
        r.responseBusinessDays === null ? t('Sin respuesta') : r.responseBusinessDays,
        t(r.accessDenied ? 'Sí' : 'No'),
        t(r.denialBasis),
      ]),
    );
    if (doc.requestDetails.length === 0) rows.push([t('No hubo solicitudes en el periodo.')]);
    return rows;
  }
  const block = (title: string, entries: ReadonlyArray<[string, number]>): void => {
    rows.push([], [t(title), t('Casos')]);
    for (const [label, n] of entries) rows.push([t(label), n]);
    if (entries.length === 0) rows.push([t('(ninguno)'), 0]);
  };
  rows.push(
    [t('Total recibidas'), doc.total],
    [t('Respondidas a tiempo'), doc.onTime],
    [t('Respondidas fuera de término'), doc.late],
    [t('Pendientes'), doc.pending],
    [t('Pendientes ya vencidas'), doc.pendingOverdue],
  );
  block(
    'Por tipo',
    Object.entries(doc.byType).map(([k, n]): [string, number] => [typeLabelOf(k), n]),
  );
  block(
    'Por canal',
    Object.entries(doc.byChannel).map(([k, n]): [string, number] => [
      CHANNEL_LABELS[k as Channel] ?? k,
      n,
    ]),
  );
  block('Por dependencia', Object.entries(doc.byDependency));
  block(
    'Temas recurrentes (palabras repetidas en los asuntos)',
    doc.recurringSubjects.map((s): [string, number] => [s.word, s.count]),
  );
  return rows;
}

/** Writes the report on its sheet (replacing an earlier one of the same period); returns its name. */
export function writeReportSheet(ss: Spreadsheet, doc: ReportDocument): string {
  const name = reportSheetName(doc);
  const rows = reportRows(doc);
  const width = Math.max(2, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]);
  const existing = ss.getSheetByName(name);
  const sheet = existing ?? ss.insertSheet(name);
  if (existing) sheet.clear();
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < padded.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
  sheet.getRange(1, 1, padded.length, width).setValues(padded);
  sheet.getRange(1, 1).setFontWeight('bold');
  sheet.setColumnWidth(1, 360);
  sheet.setColumnWidths(2, width - 1, 170);
  return name;
}
