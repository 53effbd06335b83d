// Chooses the dependency and the assignee of a new case from the `Enrutamiento` rules.
// Rules are data; the first matching rule wins, then the citizen's declared dependency, then the default.
import type { RequestTypeCode } from '../request-types';
import type { StaffMember } from './staff';

export type RoutingStrategy = 'fixed' | 'round_robin' | 'least_loaded';

export interface RoutingRule {
  readonly type: RequestTypeCode | null;
  /** Any of these words (accent- and case-insensitive) in the subject or description. */
  readonly keywords: readonly string[];
  readonly declaredDependency: string;
  readonly dependency: string;
  readonly strategy: RoutingStrategy;
  readonly assignee: string;
}

export interface RoutingInput {
  readonly type: RequestTypeCode;
  readonly subject: string;
  readonly description: string;
  readonly declaredDependency: string;
}

export interface RoutingDecision {
  readonly dependency: string;
  readonly assignee: string;
  /** Spanish reason for the Historial. */
  readonly reason: string;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function matches(rule: RoutingRule, input: RoutingInput): boolean {
  if (rule.type && rule.type !== input.type) return false;
  if (rule.declaredDependency && fold(rule.declaredDependency) !== fold(input.declaredDependency))
    return false;
  if (rule.keywords.length > 0) {
    const text = fold(`${input.subject} ${input.description}`);
    if (!rule.keywords.some((word) => word.trim() && text.includes(fold(word.trim()))))
      return false;
  }
  return true;
}

/** Available people of a dependency: clerks first, then supervisors; nobody on leave. */
export function availableStaff(staff: readonly StaffMember[], dependency: string): StaffMember[] {
  const here = staff.filter((m) => !m.onLeave && fold(m.dependency) === fold(dependency));
  return [...here.filter((m) => m.role === 'clerk'), ...here.filter((m) => m.role !== 'clerk')];
}

/**
 * `loadByAssignee` counts open cases per email (for least_loaded); `turn` is a counter for
 * round_robin kept by the caller. Both are optional: without them the first available person wins.
 */
export function routeCase(
  input: RoutingInput,
  rules: readonly RoutingRule[],
  staff: readonly StaffMember[],
  defaultDependency: string,
  options: {
    readonly turn?: number;
    readonly loadByAssignee?: Readonly<Record<string, number>>;
  } = {},
): RoutingDecision {
  const rule = rules.find((r) => matches(r, input));
  const declared = staff.find(
    (m) => input.declaredDependency && fold(m.dependency) === fold(input.declaredDependency),
  );
  const dependency = rule?.dependency || declared?.dependency || defaultDependency;
  const reason = rule
    ? `Regla de enrutamiento hacia ${rule.dependency}`
    : declared
      ? 'Dependencia indicada por el peticionario'
      : 'Dependencia por defecto de la entidad';
  const candidates = availableStaff(staff, dependency);
  let assignee = '';
  if (rule?.strategy === 'fixed' && rule.assignee) {
    const fixed = staff.find((m) => m.email.toLowerCase() === rule.assignee.toLowerCase());
    assignee = fixed && !fixed.onLeave ? fixed.email : (candidates[0]?.email ?? '');
  } else if (rule?.strategy === 'round_robin' && candidates.length > 0) {
    assignee = candidates[(options.turn ?? 0) % candidates.length].email;
  } else if (rule?.strategy === 'least_loaded' && candidates.length > 0) {
    const load = options.loadByAssignee ?? {};
    assignee = candidates.reduce((best, m) =>
      (load[m.email] ?? 0) < (load[best.email] ?? 0) ? m : best,
    ).email;
  } else {
    assignee = candidates[0]?.email ?? '';
  }
  return { dependency, assignee, reason };
}
