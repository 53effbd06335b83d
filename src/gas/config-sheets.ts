// Reads the entity's configuration sheets once per execution: settings, staff, routing, closed days.
import type { CalendarOverrides } from '../core/calendar/business-calendar';
import { parseRequestType } from '../core/request-types';
import type { RoutingRule, RoutingStrategy } from '../core/routing/route-case';
import type { StaffMember, StaffRole } from '../core/routing/staff';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_KINDS,
  TEMPLATE_LABELS,
  validateTemplate,
  type MailTemplate,
  type TemplateKind,
  type TemplateSet,
} from '../core/notifications/templates';
import type { ConfigSource, EntityConfig } from '../ports/config-source';
import { readBoolean, readCalendarDate, readText } from './cell-values';
import { readSettings } from './settings-rows';
import type { SheetTable } from './sheet-table';

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  clerk: 'Funcionario',
  supervisor: 'Supervisor',
  admin: 'Administrador',
};
export const STRATEGY_LABELS: Readonly<Record<RoutingStrategy, string>> = {
  fixed: 'Fija',
  round_robin: 'Por turnos',
  least_loaded: 'Menor carga',
};
export const CLOSED_DAY_KINDS = {
  closed: 'Cierre de la entidad',
  extraHoliday: 'Festivo adicional',
  notHoliday: 'No es festivo',
} as const;

function readRole(value: unknown): StaffRole | null {
  const text = readText(value).trim().toLowerCase();
  for (const [role, label] of Object.entries(ROLE_LABELS) as Array<[StaffRole, string]>) {
    if (text === role || text === label.toLowerCase()) return role;
  }
  return null;
}

function readStrategy(value: unknown): RoutingStrategy {
  const text = readText(value).trim().toLowerCase();
  for (const [strategy, label] of Object.entries(STRATEGY_LABELS) as Array<
    [RoutingStrategy, string]
  >) {
    if (text === strategy || text === label.toLowerCase()) return strategy;
  }
  return 'fixed';
}

export interface ConfigTables {
  readonly settings: () => SheetTable;
  readonly staff: () => SheetTable;
  readonly routing: () => SheetTable;
  readonly closedDays: () => SheetTable;
  /** Absent in an entity set up before templates: every mail uses the defaults. */
  readonly templates?: () => SheetTable | null;
}

export class SheetConfigSource implements ConfigSource {
  private cached: EntityConfig | null = null;

  constructor(private readonly tables: ConfigTables) {}

  load(): EntityConfig {
    if (this.cached) return this.cached;
    const warnings: string[] = [];
    const values = new Map<string, unknown>();
    for (const { values: row } of this.tables.settings().readFrom(2)) {
      const label = readText(row.key).trim().toLowerCase();
      if (label) values.set(label, row.value);
    }
    const read = readSettings(values);
    warnings.push(...read.warnings);

    const staff: StaffMember[] = [];
    for (const { row, values: r } of this.tables.staff().readFrom(2)) {
      const email = readText(r.email).trim().toLowerCase();
      if (!email) continue;
      const role = readRole(r.role);
      if (!role)
        warnings.push(
          `Dependencias, fila ${row}: rol "${readText(r.role)}" desconocido; se toma como Funcionario.`,
        );
      staff.push({
        email,
        name: readText(r.name).trim(),
        dependency: readText(r.dependency).trim(),
        role: role ?? 'clerk',
        onLeave: readBoolean(r.onLeave),
      });
    }

    const routing: RoutingRule[] = [];
    for (const { row, values: r } of this.tables.routing().readFrom(2)) {
      const dependency = readText(r.dependency).trim();
      if (!dependency) continue;
      const typeText = readText(r.type).trim();
      const type = typeText ? parseRequestType(typeText) : null;
      if (typeText && !type)
        warnings.push(
          `Enrutamiento, fila ${row}: tipo "${typeText}" desconocido; la regla aplica a todos los tipos.`,
        );
      routing.push({
        type,
        keywords: readText(r.keywords)
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== ''),
        declaredDependency: readText(r.declaredDependency).trim(),
        dependency,
        strategy: readStrategy(r.strategy),
        assignee: readText(r.assignee).trim().toLowerCase(),
      });
    }

    const closedDays: string[] = [];
    const extraHolidays: string[] = [];
    const removedHolidays: string[] = [];
    for (const { row, values: r } of this.tables.closedDays().readFrom(2)) {
      const raw = r.date;
      if (readText(raw).trim() === '') continue;
      const date = readCalendarDate(raw);
      if (!date) {
        warnings.push(
          `Días no hábiles, fila ${row}: la fecha "${readText(raw)}" no es AAAA-MM-DD; se ignora.`,
        );
        continue;
      }
      const kind = readText(r.kind).trim();
      if (kind === CLOSED_DAY_KINDS.extraHoliday) extraHolidays.push(date);
      else if (kind === CLOSED_DAY_KINDS.notHoliday) removedHolidays.push(date);
      else closedDays.push(date);
    }
    const calendar: CalendarOverrides = {
      worksSaturdays: read.settings.worksSaturdays,
      closedDays,
      extraHolidays,
      removedHolidays,
    };
    const templates = readTemplates(this.tables.templates?.() ?? null, warnings);
    this.cached = {
      ...(Object.keys(templates).length > 0 ? { templates } : {}),
      settings: { ...read.settings, closedDays },
      staff,
      routing,
      calendar,
      warnings,
    };
    return this.cached;
  }
}

/**
 * The templates the entity changed: rows whose text differs from the default. A row naming an
 * unknown kind, or whose text uses an unknown or broken placeholder, is refused with a warning that
 * names it, and the default is used.
 */
function readTemplates(table: SheetTable | null, warnings: string[]): TemplateSet {
  const out: Partial<Record<TemplateKind, MailTemplate>> = {};
  if (!table) return out;
  for (const { row, values: r } of table.readFrom(2)) {
    const label = readText(r.kind).trim();
    if (!label) continue;
    const kind = TEMPLATE_KINDS.find(
      (k) => TEMPLATE_LABELS[k].toLowerCase() === label.toLowerCase() || k === label,
    );
    if (!kind) {
      warnings.push(`Plantillas, fila ${row}: el tipo de correo "${label}" no existe; se ignora.`);
      continue;
    }
    const template = { subject: readText(r.subject).trim(), body: readText(r.body) };
    const base = DEFAULT_TEMPLATES[kind];
    if (template.subject === base.subject && template.body === base.body) continue;
    const problems = validateTemplate(kind, template);
    if (problems.length > 0) {
      warnings.push(
        `Plantillas, fila ${row} (${TEMPLATE_LABELS[kind]}): ${problems.join('; ')}. Se usa el texto predeterminado.`,
      );
      continue;
    }
    out[kind] = template;
  }
  return out;
}
