// Writes what a scenario run produced, per entity: cases, outbox, actions, service calls, and the
// tracking sheet as Google Sheets would export it (CSV) and show it (HTML).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_STATUS_LABELS } from '../../src/core/cases/case-record';
import { CASES_SHEET } from '../../src/gas/sheet-schema';
import { renderSheetCsv, renderSheetHtml } from '../simulator/services/render-sheet';
import { readCases, readOutbox } from './read-back';
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
    const cases = readCases(model).map((c) => ({
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
    const outbox = readOutbox(model).map(
      ({ to, kind, radicado, subject, sentAt, status, attempts, lastError }) => ({
        to,
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
    writeFileSync(join(dir, 'tracking.csv'), renderSheetCsv(model, CASES_SHEET.name));
    writeFileSync(join(dir, 'tracking.html'), renderSheetHtml(model, CASES_SHEET.name));
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
