// Runs a scenario against the built library and shim in the workspace simulator.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REQUEST_TYPE_LABELS, isRequestTypeCode } from '../../src/core/request-types';
import type { EntitySettings } from '../../src/core/settings';
import { CLOSED_DAY_KINDS, ROLE_LABELS, STRATEGY_LABELS } from '../../src/gas/config-sheets';
import { SETTING_ROWS, shownValue } from '../../src/gas/settings-rows';
import {
  CLOSED_DAYS_SHEET,
  ROUTING_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  type SheetSpec,
  HISTORY_SHEET,
} from '../../src/gas/sheet-schema';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { Harness } from '../simulator/harness';
import { HandEditError, editOpKind, type EditOp } from '../simulator/hand-edits';
import { Workspace, type WorkspaceOptions } from '../simulator/workspace';
import type { SpreadsheetModel } from '../simulator/services/spreadsheet-model';
import { readAllCases } from './read-back';
import { readTextOutput } from '../simulator/services/content';
import { followUpToken } from '../../src/core/cases/case-seal';
import { parseEntityState } from '../../src/core/state/entity-state';
import { MANIFEST_FILE } from '../simulator/project-loader';
import { responseKey } from '../../src/core/intake/prefilled-url';
import { FORM_QUESTIONS } from '../../src/core/intake/form-definition';
import { prefilledUrl } from '../simulator/services/form-response';
import {
  ScenarioError,
  type Scenario,
  type ScenarioEdit,
  type ScenarioEntity,
  type ScenarioGet,
  type ScenarioStep,
} from './scenario-types';

export const SETUP_MENU = 'Configurar o reparar';

export interface BuiltProjects {
  readonly libraryCode: string;
  /** The library's HTML files and its manifest (`appsscript`), as Apps Script keeps them. */
  readonly libraryFiles: ReadonlyMap<string, string>;
  readonly shimCode: string;
  /** The entity script's manifest (`appsscript`): its time zone is the script's. */
  readonly shimFiles: ReadonlyMap<string, string>;
}

export function loadBuiltProjects(distDir: string): BuiltProjects {
  const libraryDir = join(distDir, 'library');
  const files = new Map<string, string>();
  for (const name of readdirSync(libraryDir).filter((f) => f.endsWith('.html'))) {
    files.set(name.replace(/\.html$/, ''), readFileSync(join(libraryDir, name), 'utf8'));
  }
  files.set(MANIFEST_FILE, readFileSync(join(libraryDir, 'appsscript.json'), 'utf8'));
  const shimFiles = new Map([
    [MANIFEST_FILE, readFileSync(join(distDir, 'entity', 'appsscript.json'), 'utf8')],
  ]);
  return {
    libraryCode: readFileSync(join(libraryDir, 'Code.js'), 'utf8'),
    libraryFiles: files,
    shimCode: readFileSync(join(distDir, 'entity', 'Code.js'), 'utf8'),
    shimFiles,
  };
}

export interface ActionRecord {
  readonly step: number;
  readonly at: string;
  readonly entity: string;
  readonly kind: string;
  readonly case: string | null;
  readonly radicado: string | null;
  readonly by: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
}

export interface SubmissionRecord {
  readonly k: number;
  readonly entity: string;
  readonly responseId: string;
  readonly at: string;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly workspace: Workspace;
  readonly harness: Harness;
  readonly submissions: readonly SubmissionRecord[];
  readonly actions: readonly ActionRecord[];
  readonly owners: ReadonlyMap<string, string>;
  /** The `get` steps' visits to the web app, in step order. */
  readonly visits: readonly WebVisit[];
  /** The `report` steps' reports, in step order. */
  readonly reports: readonly ReportRun[];
}

function ownerOf(entity: ScenarioEntity): string {
  const admin = entity.staff.find((m) => m.role === 'admin' && !m.onLeave);
  return (
    admin ??
    entity.staff.find((m) => m.role === 'supervisor') ?? {
      email: `admin@${entity.id}.example.gov.co`,
    }
  ).email.toLowerCase();
}

/** Writes rows under a sheet's header as the admin would type them (not a script call). */
function typeRows(
  model: SpreadsheetModel,
  spec: SheetSpec,
  rows: ReadonlyArray<Record<string, string>>,
): void {
  const sheet = model.sheet(spec.name);
  if (!sheet || rows.length === 0) return;
  const headers: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1)
    headers.push(String(sheet.cell(1, c)?.value ?? '').toLowerCase());
  let row = sheet.lastRow() + 1;
  for (const values of rows) {
    for (const column of spec.columns) {
      const at = headers.indexOf(column.header.toLowerCase()) + 1;
      if (at > 0 && values[column.key] !== undefined)
        model.setCellsAsUser(spec.name, row, at, [[values[column.key]]]);
    }
    row += 1;
  }
}

function typeSettings(model: SpreadsheetModel, settings: Partial<EntitySettings>): void {
  const sheet = model.sheet(SETTINGS_SHEET.name);
  if (!sheet) throw new Error('setup did not create the settings sheet');
  for (let r = 2; r <= sheet.lastRow(); r += 1) {
    const label = String(sheet.cell(r, 1)?.value ?? '');
    const row = SETTING_ROWS.find((s) => s.label === label);
    if (!row || settings[row.key] === undefined) continue;
    // The Valor column is plain text ('@'), so "05656" stays exactly as typed.
    model.setCellsAsUser(SETTINGS_SHEET.name, r, 2, [[shownValue(row.key, settings[row.key])]]);
  }
}

function configureEntity(harness: Harness, entity: ScenarioEntity, owner: string): void {
  const ws = harness.ws;
  const settings = entity.entity;
  ws.addEntity({
    name: entity.id,
    owner,
    mailQuotaPerDay: settings.mailQuotaPerDay,
    spreadsheetName: `Ventanilla PQRSD - ${settings.name}`,
    spreadsheetLocale: settings.spreadsheetLocale,
    spreadsheetTimeZone: settings.spreadsheetTimeZone,
  });
  harness.open(entity.id, owner);
  const first = harness.menu(entity.id, owner, SETUP_MENU);
  if (first.error) throw new Error(`setup failed for ${entity.id}: ${first.error.message}`);
  const model = ws.entity(entity.id).spreadsheet;
  typeSettings(model, { ...settings, closedDays: undefined } as Partial<EntitySettings>);
  typeRows(
    model,
    STAFF_SHEET,
    entity.staff.map((m) => ({
      email: m.email,
      name: m.name,
      dependency: m.dependency,
      role: ROLE_LABELS[m.role],
      onLeave: m.onLeave ? 'Sí' : 'No',
    })),
  );
  typeRows(
    model,
    ROUTING_SHEET,
    entity.routing.map((r) => ({
      type: r.type && isRequestTypeCode(r.type) ? REQUEST_TYPE_LABELS[r.type] : (r.type ?? ''),
      keywords: (r.keywords ?? []).join(', '),
      declaredDependency: r.declaredDependency ?? '',
      dependency: r.dependency,
      strategy: STRATEGY_LABELS[r.strategy ?? 'fixed'],
      assignee: r.assignee ?? '',
    })),
  );
  typeRows(
    model,
    CLOSED_DAYS_SHEET,
    (settings.closedDays ?? []).map((date) => ({
      date, // the column is plain text ('@'), so the ISO date stays as typed
      kind: CLOSED_DAY_KINDS.closed,
      reason: 'Cierre decretado por la entidad',
    })),
  );
  // Second run: the form's dependency list now comes from the staff directory.
  const second = harness.menu(entity.id, owner, SETUP_MENU);
  if (second.error)
    throw new Error(`setup repair failed for ${entity.id}: ${second.error.message}`);
}

/**
 * The product's idempotency key of a form response (its timestamp and a hash of its prefilled
 * URL, as the library derives it), so a scenario's `#k` finds the case whatever hands did to
 * the sheet; a response of no known form keeps its id.
 */
export function filingKeyOf(ws: Workspace, responseId: string): string {
  for (const form of ws.forms.all()) {
    const response = form.responses.find((r) => r.id === responseId);
    if (response) return responseKey(response.timestampMs, prefilledUrl(form, response.answers));
  }
  return responseId;
}

/** The radicado the entity gave a filing: from its state, its Historial, or its case rows. */
export function findCaseByResponse(ws: Workspace, entity: string, key: string): CaseRecord | null {
  const ent = ws.entity(entity);
  const cases = readAllCases(ent.spreadsheet);
  let radicado: string | null = null;
  try {
    const filing = JSON.parse(ent.properties.get(`f.${key}`) ?? 'null') as {
      radicado?: string;
      failed?: string;
    } | null;
    if (filing && !filing.failed && filing.radicado) radicado = filing.radicado;
  } catch {
    radicado = null;
  }
  if (!radicado) {
    const marker = `[clave ${key}]`;
    const history = ent.spreadsheet.sheet(HISTORY_SHEET.name);
    const width = history ? history.lastColumn() : 0;
    const header = (title: string): number => {
      for (let col = 1; col <= width; col += 1)
        if (String(history!.cell(1, col)?.value ?? '').replace(/^'/, '') === title) return col;
      return 0;
    };
    const radicadoCol = header('Radicado');
    const detailsCol = header('Detalle');
    for (let row = 2; history && radicadoCol && detailsCol && row <= history.lastRow(); row += 1) {
      if (String(history.cell(row, detailsCol)?.value ?? '').includes(marker))
        radicado = String(history.cell(row, radicadoCol)?.value ?? '').replace(/^'/, '');
    }
  }
  if (radicado) {
    const found = cases.find((c) => c.radicado === radicado);
    if (found) return found;
  }
  return cases.find((c) => c.responseId === key) ?? null;
}

/**
 * The edit's op with a `#k` radicado replaced by the k-th submission's radicado (as actions
 * resolve `"case": "#k"`); a `#k` that names no radicated case of this entity is a scenario error.
 */
function resolveEditOp(
  ws: Workspace,
  edit: ScenarioEdit,
  entity: string,
  submissions: readonly SubmissionRecord[],
  path: string,
): EditOp {
  const kind = editOpKind(edit.op);
  if (!kind) throw new ScenarioError(`${path}.op: not a known edit`);
  const args = (edit.op as unknown as Record<string, Record<string, unknown>>)[kind];
  const ref = args.radicado;
  if (typeof ref !== 'string' || !ref.startsWith('#')) return edit.op;
  const field = `${path}.op.${kind}.radicado`;
  const k = Number(ref.slice(1));
  const submission = Number.isInteger(k) && k >= 1 ? submissions[k - 1] : undefined;
  if (!submission)
    throw new ScenarioError(
      `${field}: ${ref} names no submission (${submissions.length} submitted so far)`,
    );
  if (submission.entity !== entity)
    throw new ScenarioError(
      `${field}: ${ref} was submitted to ${submission.entity}, not ${entity}`,
    );
  const record = findCaseByResponse(ws, entity, submission.responseId);
  if (!record) throw new ScenarioError(`${field}: ${ref} has no radicado yet`);
  return { [kind]: { ...args, radicado: record.radicado } } as unknown as EditOp;
}

function rpcReply(value: unknown): {
  ok: boolean;
  code?: string;
  message?: string;
  data?: unknown;
} {
  if (value && typeof value === 'object' && 'ok' in value)
    return value as { ok: boolean; code?: string; message?: string };
  return { ok: false, code: 'INTERNAL_ERROR', message: 'respuesta inesperada' };
}

/**
 * A citizen's submission; an answer the form does not offer is a scenario error naming the step and
 * the field (the form-submit trigger never sees it: Forms itself would refuse it).
 */
function submitOrExplain(
  harness: Harness,
  entity: string,
  step: ScenarioStep,
  index: number,
  at: number,
): ReturnType<Harness['submit']> {
  try {
    return harness.submit(entity, step.submit!, at, step.faults);
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const choice = /"(.*)" is not a choice of item (\d+)/.exec(message);
    if (!choice) throw new ScenarioError(`steps[${index}].submit: ${message}`);
    const items = JSON.parse(
      harness.ws.entity(entity).properties.get('form.items') ?? '{}',
    ) as Record<string, number>;
    const field = Object.keys(items).find((code) => String(items[code]) === choice[2]) ?? 'answer';
    const question = FORM_QUESTIONS.find((q) => q.code === field);
    const offered = question?.choices ? ` (one of: ${question.choices.join(', ')})` : '';
    throw new ScenarioError(
      `steps[${index}].submit.${field}: "${choice[1]}" is not offered by the form${offered}`,
    );
  }
}

export function runScenario(
  scenario: Scenario,
  projects: BuiltProjects,
  options: Partial<WorkspaceOptions> = {},
): ScenarioResult {
  const firstAt = scenario.steps.length > 0 ? Date.parse(scenario.steps[0].at) : Date.now();
  const startMs = scenario.start ? Date.parse(scenario.start) : firstAt - 60 * 60 * 1000;
  const ws = new Workspace({
    library: { code: projects.libraryCode, files: projects.libraryFiles },
    shimCode: projects.shimCode,
    shimFiles: projects.shimFiles,
    startMs,
    ...options,
  });
  const harness = new Harness(ws);
  const owners = new Map<string, string>();
  for (const entity of scenario.entities) {
    const owner = ownerOf(entity);
    owners.set(entity.id, owner);
    configureEntity(harness, entity, owner);
  }
  const submissions: SubmissionRecord[] = [];
  const actions: ActionRecord[] = [];
  const visits: WebVisit[] = [];
  const reports: ReportRun[] = [];
  const entityOf = (step: ScenarioStep): ScenarioEntity =>
    scenario.entities.find((e) => e.id === step.entity) ?? scenario.entities[0];

  scenario.steps.forEach((step, index) => {
    const entity = entityOf(step);
    const at = Date.parse(step.at);
    harness.advanceTo(at);
    if (step.submit) {
      const result = submitOrExplain(harness, entity.id, step, index, at);
      submissions.push({
        k: submissions.length + 1,
        entity: entity.id,
        responseId: filingKeyOf(ws, result.responseId),
        at: new Date(ws.now).toISOString(),
      });
    } else if (step.action) {
      const { kind, case: caseRef, by: byGiven, ...args } = step.action;
      const k = caseRef ? Number(caseRef.slice(1)) : null;
      const submission = k ? submissions[k - 1] : undefined;
      const record = submission
        ? findCaseByResponse(ws, submission.entity, submission.responseId)
        : null;
      const supervisor =
        entity.staff.find((m) => m.role === 'supervisor')?.email ?? owners.get(entity.id)!;
      const by = (byGiven ?? record?.assignee ?? supervisor).toLowerCase();
      const base = {
        step: index,
        at: new Date(ws.now).toISOString(),
        entity: entity.id,
        kind,
        case: caseRef ?? null,
        by,
      };
      if (kind === 'registerVerbal') {
        const run = harness.scriptRun(entity.id, by, 'rpc', 'registerVerbal', {
          requestId: `step-${index}`,
          ...args,
        });
        const reply = rpcReply(run.value);
        const radicado = reply.ok
          ? String((reply.data as { radicado?: string })?.radicado ?? '')
          : null;
        actions.push({
          ...base,
          radicado,
          ok: reply.ok,
          ...(reply.ok
            ? {}
            : {
                code: reply.code ?? 'INTERNAL_ERROR',
                message: reply.message ?? run.error?.message,
              }),
        });
        return;
      }
      if (caseRef && !record) {
        actions.push({
          ...base,
          radicado: null,
          ok: false,
          code: 'CASE_NOT_FOUND',
          message: `${caseRef} no está radicado`,
        });
        return;
      }
      // As at the desk: the clerk opens the case (the version they act on), acts, and the desk
      // asks for the act's notices right away.
      const radicado = record?.radicado ?? '';
      const { version: givenVersion, ...fields } = args as Record<string, unknown>;
      let version = typeof givenVersion === 'string' ? givenVersion : '';
      if (!version) {
        const opened = rpcReply(
          harness.scriptRun(entity.id, by, 'rpc', 'getCase', { radicado }).value,
        );
        version = opened.ok ? String((opened.data as { version?: string })?.version ?? '') : '-';
      }
      const run = harness.scriptRun(entity.id, by, 'rpc', 'act', {
        radicado,
        kind,
        version,
        ...fields,
      });
      const reply = run.error
        ? { ok: false, code: 'INTERNAL_ERROR', message: run.error.message }
        : rpcReply(run.value);
      if (reply.ok) harness.scriptRun(entity.id, by, 'rpc', 'sendNotices', {});
      actions.push({
        ...base,
        radicado: record?.radicado ?? null,
        ok: reply.ok,
        ...(reply.ok ? {} : { code: reply.code, message: reply.message }),
      });
    } else if (step.run) {
      const trigger = ws
        .entity(entity.id)
        .triggers.list()
        .find((t) => t.handler === step.run);
      if (trigger)
        ws.run({
          entity: entity.id,
          fn: step.run,
          kind: 'trigger',
          triggerOwner: trigger.owner,
          args: [{ authMode: 'FULL', triggerUid: trigger.uid }],
        });
      else
        ws.run({
          entity: entity.id,
          fn: step.run,
          kind: 'menu',
          user: step.as ?? owners.get(entity.id),
        });
    } else if (step.advanceTo) {
      harness.advanceTo(Date.parse(step.advanceTo));
    } else if (step.edit) {
      const path = `steps[${index}].edit`;
      const op = resolveEditOp(ws, step.edit, entity.id, submissions, path);
      try {
        harness.edit(entity.id, step.edit.by, step.edit.sheet, op);
      } catch (caught) {
        if (caught instanceof HandEditError)
          throw new ScenarioError(`${path}.${caught.field}: ${caught.message}`);
        throw caught;
      }
    } else if (step.fault === 'scriptPropertiesLost') {
      harness.loseScriptProperties(entity.id);
    } else if (step.get) {
      visits.push(visitWebApp(ws, harness, entity.id, step.get, index, submissions));
    } else if (step.report) {
      // As the dialog does: a supervisor (else the owner) asks the gateway for the report.
      const by =
        entity.staff.find((m) => m.role === 'supervisor' && !m.onLeave)?.email ??
        owners.get(entity.id)!;
      const run = harness.scriptRun(entity.id, by.toLowerCase(), 'rpc', 'generateReport', {
        ...step.report,
      });
      const reply = rpcReply(run.value);
      if (!reply.ok)
        throw new ScenarioError(
          `steps[${index}].report: ${reply.message ?? run.error?.message ?? 'falló'}`,
        );
      const data = reply.data as { sheetName: string; report: unknown; csv: string };
      reports.push({
        step: index,
        entity: entity.id,
        ...step.report,
        sheetName: data.sheetName,
        report: data.report,
        csv: data.csv,
      });
    }
  });
  return { scenario, workspace: ws, harness, submissions, actions, owners, visits, reports };
}

/** A `report` step's result: the report document, its sheet, and the ministry's CSV. */
export interface ReportRun {
  readonly step: number;
  readonly entity: string;
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly sheetName: string;
  readonly report: unknown;
  readonly csv: string;
}

/** What a `get` step's visit served: recorded in `web.json`, in step order. */
export interface WebVisit {
  readonly step: number;
  readonly entity: string;
  readonly case: string | null;
  readonly contentType: string;
  readonly body: string;
}

/**
 * A visitor opens the entity's web app: the case's radicado and, as asked, its real token (derived
 * from the entity's secret, as the acknowledgement's link carries it), a wrong one, or none.
 */
function visitWebApp(
  ws: Workspace,
  harness: Harness,
  entity: string,
  get: ScenarioGet,
  index: number,
  submissions: readonly SubmissionRecord[],
): WebVisit {
  const path = `steps[${index}].get`;
  const query: Record<string, string> = {};
  if (get.case) {
    const k = Number(get.case.slice(1));
    const submission = submissions[k - 1];
    if (!submission)
      throw new ScenarioError(
        `${path}.case: ${get.case} names no submission (${submissions.length} submitted so far)`,
      );
    const record = findCaseByResponse(ws, submission.entity, submission.responseId);
    if (!record) throw new ScenarioError(`${path}.case: ${get.case} has no radicado yet`);
    const json = get.format === 'json';
    query[json ? 'service_request_id' : 'r'] = record.radicado;
    const secret = parseEntityState(ws.entity(entity).properties.snapshot()).record?.secret ?? '';
    const token = followUpToken(secret, record.radicado);
    const wrong = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    if (get.token !== 'missing')
      query[json ? 'token' : 't'] = get.token === 'wrong' ? wrong : token;
  }
  if (get.format === 'json') query.format = 'json';
  Object.assign(query, get.params ?? {});
  const run = harness.visit(entity, query);
  if (run.error) throw new ScenarioError(`${path}: doGet failed (${run.error.message})`);
  const text = readTextOutput(run.value);
  return {
    step: index,
    entity,
    case: get.case ?? null,
    contentType: text ? text.contentType : 'text/html',
    body: run.body,
  };
}
