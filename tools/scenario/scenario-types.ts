// Scenario files (scenarios/scenario.schema.json) as TypeScript types, with a validator that
// reports every problem by JSON path instead of failing on the first.
import type { StaffRole } from '../../src/core/routing/staff';
import type { CitizenAnswers, SubmitFaults } from '../simulator/harness';

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

export interface ScenarioStep {
  readonly at: string;
  readonly entity?: string;
  readonly submit?: CitizenAnswers;
  readonly faults?: SubmitFaults;
  readonly action?: ScenarioAction;
  readonly run?: string;
  readonly as?: string;
  readonly advanceTo?: string;
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
  for (const d of Array.isArray(raw.closedDays) ? raw.closedDays : []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(d)))
      errors.push(`${path}.closedDays: ${String(d)} is not YYYY-MM-DD`);
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
    const kinds = ['submit', 'action', 'run', 'advanceTo'].filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) errors.push(`${path}: exactly one of submit, action, run, advanceTo`);
    if (Array.isArray(raw.entities) && (typeof s.entity !== 'string' || !ids.has(s.entity)))
      errors.push(`${path}.entity: one of ${[...ids].join(', ')}`);
    if (s.action !== undefined && (!isObject(s.action) || typeof s.action.kind !== 'string'))
      errors.push(`${path}.action.kind: required`);
    if (isObject(s.action) && s.action.case !== undefined && !/^#\d+$/.test(String(s.action.case)))
      errors.push(`${path}.action.case: "#k"`);
    if (
      s.advanceTo !== undefined &&
      (typeof s.advanceTo !== 'string' || !ISO_INSTANT.test(s.advanceTo))
    )
      errors.push(`${path}.advanceTo: ISO timestamp`);
  });
  if (errors.length > 0)
    throw new Error(`scenario ${String(raw.name)} is invalid:\n  ${errors.join('\n  ')}`);
  return {
    name: raw.name as string,
    description: typeof raw.description === 'string' ? raw.description : '',
    start: typeof raw.start === 'string' ? raw.start : null,
    entities,
    steps: steps as ScenarioStep[],
    single: !Array.isArray(raw.entities),
  };
}
