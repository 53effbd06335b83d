// Scenario files (scenarios/scenario.schema.json) as TypeScript types, with a validator that
// reports every problem by JSON path instead of failing on the first.
import { ACT_KINDS } from '../../src/core/cases/act-rules';
import type { StaffRole } from '../../src/core/routing/staff';
import type { CitizenAnswers, SubmitFaults } from '../simulator/harness';
import { EDIT_OP_KINDS, editOpKind, type EditOp } from '../simulator/hand-edits';

export interface ScenarioEntitySettings {
  readonly name: string;
  readonly daneCode?: string;
  readonly radicadoPrefix?: boolean;
  readonly worksSaturdays?: boolean;
  readonly closedDays?: readonly string[];
  readonly officeHoursCutoff?: string | null;
  readonly nonBusinessDayFiling?: 'next_business_day' | 'actual_day';
  readonly extensionRule?: 'total' | 'additional';
  readonly mailQuotaPerDay?: number;
  /** `editors` (default) or `strict`: see the README's trust model. */
  readonly trustMode?: 'editors' | 'strict';
  /** The tracking spreadsheet's locale (e.g. es_CO, en_US) and time zone as created. */
  readonly spreadsheetLocale?: string;
  readonly spreadsheetTimeZone?: string;
  readonly defaultDependency?: string;
  readonly supervisorEmails?: readonly string[];
  readonly followUpUrl?: string;
}

export interface ScenarioStaff {
  readonly email: string;
  readonly name: string;
  readonly dependency: string;
  readonly role: StaffRole;
  readonly onLeave?: boolean;
}

export interface ScenarioRoutingRule {
  readonly type?: string;
  readonly keywords?: readonly string[];
  readonly declaredDependency?: string;
  readonly dependency: string;
  readonly strategy?: 'fixed' | 'round_robin' | 'least_loaded';
  readonly assignee?: string;
}

export interface ScenarioEntity {
  readonly id: string;
  readonly entity: ScenarioEntitySettings;
  readonly staff: readonly ScenarioStaff[];
  readonly routing: readonly ScenarioRoutingRule[];
}

export interface ScenarioAction {
  readonly kind: string;
  readonly case?: string;
  readonly by?: string;
  readonly [arg: string]: unknown;
}

/**
 * A person's hand edit in the spreadsheet UI. A `radicado` in `op` may be `#k`: the case of the
 * k-th submission of the scenario.
 */
export interface ScenarioEdit {
  readonly by: string;
  readonly sheet: string;
  readonly op: EditOp;
}

/** Faults of the entity itself (not of one submission). */
export const ENTITY_FAULTS = ['scriptPropertiesLost'] as const;
export type EntityFault = (typeof ENTITY_FAULTS)[number];

export const STEP_KINDS = [
  'submit',
  'action',
  'run',
  'advanceTo',
  'edit',
  'fault',
  'get',
  'report',
] as const;

/** A statutory report generated as the menu's dialog would, for a period of receipt dates. */
export interface ScenarioReport {
  readonly kind: 'acceso_informacion' | 'pqrs_semestral';
  readonly from: string;
  readonly to: string;
}

/**
 * A visit to the entity's web app (`doGet`) as a citizen or another system makes it: the case's
 * follow-up page (`token` valid, wrong or missing), its JSON status, or any page by `params`.
 */
export interface ScenarioGet {
  /** `#k`: the k-th submission's case (its radicado goes in the query). */
  readonly case?: string;
  readonly token?: 'valid' | 'wrong' | 'missing';
  readonly format?: 'html' | 'json';
  /** Extra query parameters (`publicaciones`, `pagina`…), added last. */
  readonly params?: Readonly<Record<string, string>>;
}

export interface ScenarioStep {
  readonly at: string;
  readonly entity?: string;
  readonly submit?: CitizenAnswers;
  readonly faults?: SubmitFaults;
  readonly action?: ScenarioAction;
  readonly run?: string;
  readonly as?: string;
  readonly advanceTo?: string;
  readonly edit?: ScenarioEdit;
  readonly fault?: EntityFault;
  readonly get?: ScenarioGet;
  readonly report?: ScenarioReport;
}

/** A scenario that cannot run: the message names the step and the field (no stack trace). */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
    // The message says all there is to say; frames would only point at the runner.
    this.stack = `${this.name}: ${message}`;
  }
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly start: string | null;
  readonly entities: readonly ScenarioEntity[];
  readonly steps: readonly ScenarioStep[];
  /** True when the file used the single `entity` form (outputs go straight under out/<name>/). */
  readonly single: boolean;
}

function checkGet(get: unknown, path: string, errors: string[]): void {
  if (!isObject(get)) return void errors.push(`${path}: must be an object`);
  if (get.case !== undefined && !/^#\d+$/.test(String(get.case))) errors.push(`${path}.case: "#k"`);
  if (get.token !== undefined && !['valid', 'wrong', 'missing'].includes(String(get.token)))
    errors.push(`${path}.token: one of valid, wrong, missing`);
  if (get.format !== undefined && !['html', 'json'].includes(String(get.format)))
    errors.push(`${path}.format: html or json`);
  if (
    get.params !== undefined &&
    (!isObject(get.params) || Object.values(get.params).some((v) => typeof v !== 'string'))
  )
    errors.push(`${path}.params: an object of strings`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function checkEntity(raw: unknown, path: string, errors: string[]): void {
  if (!isObject(raw)) {
    errors.push(`${path}: must be an object`);
    return;
  }
  if (typeof raw.name !== 'string' || raw.name.trim() === '')
    errors.push(`${path}.name: required text`);
  if (raw.daneCode !== undefined && !/^\d{5}$/.test(String(raw.daneCode)))
    errors.push(`${path}.daneCode: five digits`);
  if (
    raw.officeHoursCutoff !== undefined &&
    raw.officeHoursCutoff !== null &&
    !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(raw.officeHoursCutoff))
  ) {
    errors.push(`${path}.officeHoursCutoff: HH:MM`);
  }
  if (
    raw.nonBusinessDayFiling !== undefined &&
    !['next_business_day', 'actual_day'].includes(String(raw.nonBusinessDayFiling))
  ) {
    errors.push(`${path}.nonBusinessDayFiling: next_business_day or actual_day`);
  }
  if (
    raw.extensionRule !== undefined &&
    !['total', 'additional'].includes(String(raw.extensionRule))
  )
    errors.push(`${path}.extensionRule: total or additional`);
  if (raw.trustMode !== undefined && !['editors', 'strict'].includes(String(raw.trustMode)))
    errors.push(`${path}.trustMode: editors or strict`);
  for (const key of ['spreadsheetLocale', 'spreadsheetTimeZone'] as const)
    if (raw[key] !== undefined && typeof raw[key] !== 'string') errors.push(`${path}.${key}: text`);
  for (const d of Array.isArray(raw.closedDays) ? raw.closedDays : []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(d)))
      errors.push(`${path}.closedDays: ${String(d)} is not YYYY-MM-DD`);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CASE_REF = /^#\d+$/;

function isPositiveInteger(v: unknown, min: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

function checkRadicadoRef(v: unknown, path: string, errors: string[]): void {
  if (typeof v !== 'string' || v.trim() === '')
    errors.push(`${path}: a radicado, or "#k" for the k-th submission's case`);
  else if (v.startsWith('#') && (!CASE_REF.test(v) || Number(v.slice(1)) < 1))
    errors.push(`${path}: "#k" with k a submission number from 1`);
}

function checkColumn(v: unknown, path: string, errors: string[]): void {
  if (typeof v !== 'string' || v.trim() === '')
    errors.push(`${path}: the column's header text (row 1)`);
}

/** Checks an `edit` step's shape; whether the sheet, column or case exist is known only when it runs. */
function checkEdit(raw: unknown, path: string, errors: string[]): void {
  if (!isObject(raw)) return void errors.push(`${path}: an object with by, sheet and op`);
  if (typeof raw.by !== 'string' || !EMAIL.test(raw.by))
    errors.push(`${path}.by: the email of the person editing`);
  if (typeof raw.sheet !== 'string' || raw.sheet.trim() === '')
    errors.push(`${path}.sheet: the name of a sheet of the spreadsheet`);
  for (const key of Object.keys(raw))
    if (!['by', 'sheet', 'op'].includes(key)) errors.push(`${path}.${key}: unknown field`);
  const kind = editOpKind(raw.op);
  if (!kind)
    return void errors.push(
      `${path}.op: an object with exactly one of ${EDIT_OP_KINDS.join(', ')}`,
    );
  const opPath = `${path}.op.${kind}`;
  const args = (raw.op as Record<string, unknown>)[kind];
  if (!isObject(args)) return void errors.push(`${opPath}: must be an object`);
  const allowed: Record<string, readonly string[]> = {
    sort: ['column', 'descending'],
    deleteColumn: ['column'],
    insertColumnBefore: ['column'],
    deleteRows: ['from', 'count'],
    renameSheet: ['to'],
    setCell: ['radicado', 'column', 'value'],
    deleteCaseRow: ['radicado'],
  };
  for (const key of Object.keys(args))
    if (!allowed[kind].includes(key)) errors.push(`${opPath}.${key}: unknown field`);
  switch (kind) {
    case 'sort':
      checkColumn(args.column, `${opPath}.column`, errors);
      if (args.descending !== undefined && typeof args.descending !== 'boolean')
        errors.push(`${opPath}.descending: true or false`);
      break;
    case 'deleteColumn':
    case 'insertColumnBefore':
      checkColumn(args.column, `${opPath}.column`, errors);
      break;
    case 'deleteRows':
      if (!isPositiveInteger(args.from, 1))
        errors.push(`${opPath}.from: a sheet row number (1 or more)`);
      if (!isPositiveInteger(args.count, 1))
        errors.push(`${opPath}.count: a whole number of rows (1 or more)`);
      break;
    case 'renameSheet':
      if (typeof args.to !== 'string' || args.to.trim() === '')
        errors.push(`${opPath}.to: the new sheet name`);
      break;
    case 'setCell':
      checkRadicadoRef(args.radicado, `${opPath}.radicado`, errors);
      checkColumn(args.column, `${opPath}.column`, errors);
      if (!['string', 'number', 'boolean'].includes(typeof args.value))
        errors.push(`${opPath}.value: what the person types (text, a number or true/false)`);
      break;
    case 'deleteCaseRow':
      checkRadicadoRef(args.radicado, `${opPath}.radicado`, errors);
      break;
  }
}

function checkStaff(raw: unknown, path: string, errors: string[]): void {
  if (!Array.isArray(raw)) {
    errors.push(`${path}: must be an array`);
    return;
  }
  raw.forEach((m, i) => {
    if (
      !isObject(m) ||
      typeof m.email !== 'string' ||
      typeof m.dependency !== 'string' ||
      !['clerk', 'supervisor', 'admin'].includes(String(m.role))
    ) {
      errors.push(`${path}[${i}]: needs email, name, dependency and role clerk|supervisor|admin`);
    }
  });
}

const STRATEGIES = ['fixed', 'round_robin', 'least_loaded'];

/** What an `action` step may do: a clerk's act through the gateway, or a verbal filing. */
export const SCENARIO_ACTION_KINDS: readonly string[] = [...ACT_KINDS, 'registerVerbal'];

function checkRouting(raw: unknown, path: string, errors: string[]): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    errors.push(`${path}: must be an array`);
    return;
  }
  raw.forEach((r, i) => {
    if (!isObject(r) || typeof r.dependency !== 'string' || r.dependency.trim() === '')
      errors.push(`${path}[${i}].dependency: required`);
    if (isObject(r) && r.strategy !== undefined && !STRATEGIES.includes(String(r.strategy)))
      errors.push(`${path}[${i}].strategy: one of ${STRATEGIES.join(', ')}`);
  });
}

export function parseScenario(raw: unknown): Scenario {
  const errors: string[] = [];
  if (!isObject(raw)) throw new Error('scenario: must be a JSON object');
  if (typeof raw.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.name))
    errors.push('name: lowercase letters, digits and dashes');
  const entities: ScenarioEntity[] = [];
  if (Array.isArray(raw.entities)) {
    raw.entities.forEach((e, i) => {
      if (!isObject(e) || typeof e.id !== 'string') {
        errors.push(`entities[${i}].id: required`);
        return;
      }
      checkEntity(e.entity, `entities[${i}].entity`, errors);
      checkStaff(e.staff, `entities[${i}].staff`, errors);
      checkRouting(e.routing, `entities[${i}].routing`, errors);
      entities.push({
        id: e.id,
        entity: e.entity as ScenarioEntitySettings,
        staff: (e.staff ?? []) as ScenarioStaff[],
        routing: (e.routing ?? []) as ScenarioRoutingRule[],
      });
    });
  } else {
    checkEntity(raw.entity, 'entity', errors);
    checkStaff(raw.staff, 'staff', errors);
    checkRouting(raw.routing, 'routing', errors);
    entities.push({
      id: 'entity',
      entity: raw.entity as ScenarioEntitySettings,
      staff: (raw.staff ?? []) as ScenarioStaff[],
      routing: (raw.routing ?? []) as ScenarioRoutingRule[],
    });
  }
  const steps = Array.isArray(raw.steps) ? raw.steps : [];
  if (!Array.isArray(raw.steps)) errors.push('steps: must be an array');
  const ids = new Set(entities.map((e) => e.id));
  steps.forEach((s, i) => {
    const path = `steps[${i}]`;
    if (!isObject(s)) return void errors.push(`${path}: must be an object`);
    if (typeof s.at !== 'string' || !ISO_INSTANT.test(s.at))
      errors.push(`${path}.at: ISO timestamp with offset`);
    const kinds = STEP_KINDS.filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) errors.push(`${path}: exactly one of ${STEP_KINDS.join(', ')}`);
    if (Array.isArray(raw.entities) && (typeof s.entity !== 'string' || !ids.has(s.entity)))
      errors.push(`${path}.entity: one of ${[...ids].join(', ')}`);
    if (s.action !== undefined && (!isObject(s.action) || typeof s.action.kind !== 'string'))
      errors.push(`${path}.action.kind: required`);
    else if (isObject(s.action) && !SCENARIO_ACTION_KINDS.includes(String(s.action.kind)))
      errors.push(`${path}.action.kind: one of ${SCENARIO_ACTION_KINDS.join(', ')}`);
    if (isObject(s.action) && s.action.case !== undefined && !/^#\d+$/.test(String(s.action.case)))
      errors.push(`${path}.action.case: "#k"`);
    if (
      s.advanceTo !== undefined &&
      (typeof s.advanceTo !== 'string' || !ISO_INSTANT.test(s.advanceTo))
    )
      errors.push(`${path}.advanceTo: ISO timestamp`);
    if (s.edit !== undefined) checkEdit(s.edit, `${path}.edit`, errors);
    if (s.get !== undefined) checkGet(s.get, `${path}.get`, errors);
    if (s.report !== undefined) {
      const r = s.report;
      if (!isObject(r) || !['acceso_informacion', 'pqrs_semestral'].includes(String(r.kind)))
        errors.push(`${path}.report.kind: acceso_informacion or pqrs_semestral`);
      for (const field of ['from', 'to'])
        if (!isObject(r) || !/^\d{4}-\d{2}-\d{2}$/.test(String(r[field])))
          errors.push(`${path}.report.${field}: YYYY-MM-DD`);
    }
    if (s.fault !== undefined && !(ENTITY_FAULTS as readonly unknown[]).includes(s.fault))
      errors.push(`${path}.fault: one of ${ENTITY_FAULTS.join(', ')}`);
  });
  if (errors.length > 0)
    throw new ScenarioError(`scenario ${String(raw.name)} is invalid:\n  ${errors.join('\n  ')}`);
  return {
    name: raw.name as string,
    description: typeof raw.description === 'string' ? raw.description : '',
    start: typeof raw.start === 'string' ? raw.start : null,
    entities,
    steps: steps as ScenarioStep[],
    single: !Array.isArray(raw.entities),
  };
}
