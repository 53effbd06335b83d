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

/** A name folded for comparison: no accents, lower case. */
export function fold(text: string): string {
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

/** The key a dependency's round-robin turn is kept under: its name, accent- and case-folded. */
export function turnKey(dependency: string): string {
  return fold(dependency).trim();
}

/**
 * `turns` holds, per dependency (`turnKey`), who was assigned last by round_robin; `loadByAssignee`
 * counts open cases per lower-case email for least_loaded. Both live in the entity's state; without
 * them round_robin starts from the first person and least_loaded sees everyone at zero. People on
 * leave are never chosen.
 * Example: clerks A, B, C with B on leave and A assigned last → round_robin picks C, then A.
 */
export function routeCase(
  input: RoutingInput,
  rules: readonly RoutingRule[],
  staff: readonly StaffMember[],
  defaultDependency: string,
  options: {
    readonly turns?: Readonly<Record<string, string>>;
    readonly loadByAssignee?: Readonly<Record<string, number>>;
  } = {},
): RoutingDecision {
  const rule = rules.find((r) => matches(r, input));
  const declared = staff.find(
    (m) => input.declaredDependency && fold(m.dependency) === fold(input.declaredDependency),
  );
  const dependency = rule?.dependency || declared?.dependency || defaultDependency;
  const why = rule
    ? `Regla de enrutamiento hacia ${rule.dependency}`
    : declared
      ? 'Dependencia indicada por el peticionario'
      : 'Dependencia por defecto de la entidad';
  const candidates = availableStaff(staff, dependency);
  let assignee = '';
  let how = '';
  if (rule?.strategy === 'fixed' && rule.assignee) {
    const fixed = staff.find((m) => m.email.toLowerCase() === rule.assignee.toLowerCase());
    if (fixed && !fixed.onLeave) {
      assignee = fixed.email;
      how = 'responsable fijo de la regla';
    } else {
      assignee = candidates[0]?.email ?? '';
      how = `el responsable fijo ${rule.assignee} está ausente; primera persona disponible`;
    }
  } else if (rule?.strategy === 'round_robin' && candidates.length > 0) {
    // The next person after the last one served, in the order of `Dependencias`, skipping absences
    // (clerks take turns; supervisors only when no clerk is available, as `availableStaff` orders).
    const inOrder = staff.filter((m) => fold(m.dependency) === fold(dependency));
    const pool = candidates.filter((m) => m.role === candidates[0].role);
    const last = (options.turns ?? {})[turnKey(dependency)] ?? '';
    const lastAt = inOrder.findIndex((m) => m.email.toLowerCase() === last.toLowerCase());
    const next = pool.find((m) => inOrder.indexOf(m) > lastAt) ?? pool[0];
    assignee = next.email;
    how = last ? `turno rotativo (después de ${last})` : 'turno rotativo (primer turno)';
  } else if (rule?.strategy === 'least_loaded' && candidates.length > 0) {
    const load = options.loadByAssignee ?? {};
    const count = (m: StaffMember): number => load[m.email.toLowerCase()] ?? 0;
    // Among clerks (supervisors only when no clerk is available), as round_robin.
    const pool = candidates.filter((m) => m.role === candidates[0].role);
    const best = pool.reduce((a, m) => (count(m) < count(a) ? m : a));
    assignee = best.email;
    how = `menor carga: ${count(best)} casos abiertos`;
  } else {
    assignee = candidates[0]?.email ?? '';
    how = assignee ? 'primera persona disponible' : 'nadie disponible en la dependencia';
  }
  return { dependency, assignee, reason: `${why}; ${how}` };
}
