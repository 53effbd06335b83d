// Writes what a scenario run produced, per entity: cases, outbox, actions, service calls, and the
// tracking sheet as Google Sheets would export it (CSV) and show it (HTML).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_STATUS_LABELS } from '../../src/core/cases/case-record';
import { isMasked } from '../../src/core/privacy/contact-data';
import { readText } from '../../src/gas/cell-values';
import { CASES_SHEET, CONTACTS_SHEET } from '../../src/gas/sheet-schema';
import { renderSheetHtml } from '../simulator/services/render-sheet';
import type { SpreadsheetModel } from '../simulator/services/spreadsheet-model';
import { dataStoreOf, readAllCases, readContacts, readOutbox } from './read-back';
import type { ScenarioResult } from './run-scenario';

export interface EntitySummary {
  readonly entity: string;
  readonly dir: string;
  readonly cases: number;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly mailsSent: number;
  readonly mailsPending: number;
  readonly actionsOk: number;
  readonly actionsRefused: number;
  readonly executions: number;
  readonly failedExecutions: number;
  readonly maxSimulatedMs: number;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * One CSV field, safe to open in a spreadsheet. OWASP "CSV Injection" asks that no cell begin
 * with =, +, -, @, tab or carriage return: such a cell gets a leading single quote (spreadsheets
 * then take it as text) and is always quoted, embedded quotes doubled. We apply it to every cell,
 * ordinary negative numbers included ("-3" becomes "'-3"): OWASP's rule has no exception for
 * them, and the exported text alone cannot prove a cell was a number — a citizen's "-1+1" or
 * "-2*HYPERLINK(…)" starts the same way. The file is a report; the sheet keeps the real number.
 * Other fields follow RFC 4180, as Sheets' own CSV download (quoted when they hold a comma,
 * a double quote, CR or LF).
 */
export function csvCell(text: string): string {
  if (FORMULA_TRIGGERS.some((c) => text.startsWith(c))) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A sheet's displayed values as File → Download → CSV gives them (rows joined with CRLF, no break
 * after the last), with every field neutralised by `csvCell`. Empty when the sheet is gone.
 */
export function renderSafeCsv(model: SpreadsheetModel, sheetName: string): string {
  if (!model.sheet(sheetName)) return '';
  return model
    .getDisplayGrid(sheetName)
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n');
}

function trackingHtml(model: SpreadsheetModel, sheetName: string): string {
  if (model.sheet(sheetName)) return renderSheetHtml(model, sheetName);
  return `<!DOCTYPE html>\n<html lang="es">\n<head><meta charset="utf-8"><title>Sin hoja ${sheetName}</title></head>\n<body><p>El libro no tiene una hoja llamada ${sheetName}.</p></body>\n</html>\n`;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

export function writeOutputs(result: ScenarioResult, outRoot: string): EntitySummary[] {
  const summaries: EntitySummary[] = [];
  for (const entity of result.scenario.entities) {
    const dir = result.scenario.single
      ? join(outRoot, result.scenario.name)
      : join(outRoot, result.scenario.name, entity.id);
    mkdirSync(dir, { recursive: true });
    const model = result.workspace.entity(entity.id).spreadsheet;
    const submissionOf = new Map(
      result.submissions
        .filter((s) => s.entity === entity.id)
        .map((s) => [s.responseId, `#${s.k}`]),
    );
    const cases = readAllCases(model).map((c) => ({
      radicado: c.radicado,
      submission: submissionOf.get(c.responseId) ?? null,
      type: c.type,
      declaredType: c.declaredType,
      channel: c.channel,
      receivedAt: c.receivedAt,
      effectiveReceiptDate: c.effectiveReceiptDate,
      dueDate: c.dueDate,
      businessDaysLeft: c.businessDaysLeft,
      status: c.status,
      dependency: c.dependency,
      assignee: c.assignee,
      alerts: c.alerts,
      events: c.events,
    }));
    // The outbox sheet names citizens masked (every clerk reads it); outbox.json names the real
    // recipient: the address the mail went to (MailApp's record: same subject, sent that second),
    // else, for one not sent, the data store's address.
    const store = dataStoreOf(result.workspace.spreadsheets, model);
    const emailOf = new Map(
      readContacts(store).map((c) => [
        String(c.radicado ?? ''),
        readText(c.email).replace(/^'/, ''),
      ]),
    );
    const sent = result.workspace.mail.sent;
    const recipientOf = (row: {
      to: string;
      subject: string;
      sentAt: string | null;
      radicado: string;
    }) => {
      if (!isMasked(row.to)) return row.to;
      const at = row.sentAt ? Date.parse(row.sentAt) : NaN;
      const went = sent.find(
        (m) => m.subject === row.subject && Math.abs(m.sentAtMs - at) <= 60_000,
      );
      return went?.to[0] ?? emailOf.get(row.radicado) ?? row.to;
    };
    const outbox = readOutbox(model, result.workspace.entity(entity.id).properties.snapshot()).map(
      ({ key, to, kind, radicado, subject, sentAt, status, attempts, lastError }) => ({
        key,
        to: recipientOf({ to, subject, sentAt, radicado }),
        kind,
        radicado,
        subject,
        sentAt,
        status,
        attempts,
        lastError,
      }),
    );
    const actions = result.actions.filter((a) => a.entity === entity.id);
    const executions = result.workspace.executions.filter((e) => e.entity === entity.id);
    writeJson(join(dir, 'cases.json'), cases);
    writeJson(join(dir, 'outbox.json'), outbox);
    writeJson(join(dir, 'actions.json'), actions);
    // The dashboard as the last review (or a supervisor) left it: its cells and its charts.
    const board = model.sheet('Tablero');
    if (board) {
      writeFileSync(join(dir, 'tablero.html'), trackingHtml(model, 'Tablero'));
      writeJson(join(dir, 'tablero.json'), {
        cells: model.getDisplayGrid('Tablero'),
        charts: board.charts.map((c) => ({
          type: c.type,
          title: c.options.title ?? '',
          ranges: c.ranges.map((r) => ({
            row: r.rect.row,
            col: r.rect.col,
            numRows: r.rect.numRows,
            numCols: r.rect.numCols,
          })),
        })),
      });
    }
    const reports = result.reports.filter((r) => r.entity === entity.id);
    if (reports.length > 0) mkdirSync(join(dir, 'reports'), { recursive: true });
    for (const r of reports) {
      const base = join(dir, 'reports', `${r.kind}-${r.from}-${r.to}`);
      writeJson(`${base}.json`, r.report);
      writeFileSync(`${base}.csv`, r.csv);
      if (model.sheet(r.sheetName)) writeFileSync(`${base}.html`, trackingHtml(model, r.sheetName));
    }
    writeJson(
      join(dir, 'web.json'),
      result.visits
        .filter((v) => v.entity === entity.id)
        .map(({ step, case: ref, contentType, body }) => ({ step, case: ref, contentType, body })),
    );
    writeJson(
      join(dir, 'calls.json'),
      executions.map(({ fn, kind, startedAt, simulatedMs, totalCalls, calls, error }) => ({
        fn,
        kind,
        startedAt,
        simulatedMs,
        totalCalls,
        calls,
        error,
      })),
    );
    writeFileSync(join(dir, 'tracking.csv'), renderSafeCsv(model, CASES_SHEET.name));
    writeFileSync(join(dir, 'tracking.html'), trackingHtml(model, CASES_SHEET.name));
    // The data store, apart: only the data stewards can open it in the real deployment.
    if (store)
      writeFileSync(
        join(dir, 'datos-peticionarios.csv'),
        renderSafeCsv(store, CONTACTS_SHEET.name),
      );
    const byStatus: Record<string, number> = {};
    for (const c of cases)
      byStatus[CASE_STATUS_LABELS[c.status]] = (byStatus[CASE_STATUS_LABELS[c.status]] ?? 0) + 1;
    summaries.push({
      entity: entity.entity.name,
      dir,
      cases: cases.length,
      byStatus,
      mailsSent: outbox.filter((m) => m.status === 'enviado').length,
      mailsPending: outbox.filter((m) => m.status === 'pendiente').length,
      actionsOk: actions.filter((a) => a.ok).length,
      actionsRefused: actions.filter((a) => !a.ok).length,
      executions: executions.length,
      failedExecutions: executions.filter((e) => e.error !== null).length,
      maxSimulatedMs: Math.max(0, ...executions.map((e) => e.simulatedMs)),
    });
  }
  return summaries;
}
