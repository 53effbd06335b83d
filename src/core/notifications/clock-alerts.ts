// What the legal clock makes the review tell staff: reminders before the due date, overdue notices
// (the first business day past due, then weekly) and the daily and weekly digests. Planned once a
// day from every open case; each mail's key names its cause (case, person, due date, offset or week,
// day), so a key already queued or sent is never queued again, and a due date moved by a new
// holiday or an extension gets its own reminders.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { addDays, dayOfWeek, formatDateEs, type CalendarDate } from '../calendar/calendar-date';
import type { CaseClock } from '../clock/case-clock';
import { CASE_STATUS_LABELS, type CaseRecord, type CaseStatus } from '../cases/case-record';
import { REQUEST_TYPE_LABELS } from '../request-types';
import { fold } from '../routing/route-case';
import type { StaffMember } from '../routing/staff';
import { composeMail, type MailTexts } from './compose-mail';
import { caseValues } from './intake-mails';
import type { MailKind, OutboundMail } from './mail';
import type { TemplateKind } from './templates';

/** An open case with its clock as of today. */
export interface ClockedCase {
  readonly record: CaseRecord;
  readonly clock: Pick<CaseClock, 'dueDate' | 'businessDaysLeft' | 'state' | 'explanation'>;
}

export interface AlertPlanContext {
  readonly today: CalendarDate;
  readonly reminderOffsets: readonly number[];
  readonly staff: readonly StaffMember[];
  /** The entity's PQRSD supervisors (`Configuración`). */
  readonly entitySupervisors: readonly string[];
  readonly calendar: BusinessCalendar;
}

/** A mail the review queues: rendered again from the cases when it is sent. */
export interface PlannedAlert {
  readonly key: string;
  readonly kind: MailKind;
  readonly radicado: string;
  readonly to: string;
  readonly subject: string;
}

/** Who hears that a case is overdue: its assignee and its dependency's supervisors (else the entity's). */
export function overdueRecipients(
  record: CaseRecord,
  staff: readonly StaffMember[],
  entitySupervisors: readonly string[],
): string[] {
  const supervisors = staff
    .filter(
      (m) =>
        m.role === 'supervisor' && !m.onLeave && fold(m.dependency) === fold(record.dependency),
    )
    .map((m) => m.email);
  const chosen = [record.assignee, ...(supervisors.length > 0 ? supervisors : entitySupervisors)];
  const out: string[] = [];
  for (const email of chosen)
    if (email && !out.some((e) => e.toLowerCase() === email.toLowerCase())) out.push(email);
  return out;
}

/** The first business day after the due date: the day an overdue case is first escalated. */
export function firstOverdueDay(dueDate: CalendarDate, calendar: BusinessCalendar): CalendarDate {
  return calendar.addBusinessDays(dueDate, 1);
}

/** Monday of the week of `date` (weeks run Monday to Sunday). */
export function weekStart(date: CalendarDate): CalendarDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** The week's first business day: the weekly digest's day. */
export function firstBusinessDayOfWeek(
  date: CalendarDate,
  calendar: BusinessCalendar,
): CalendarDate | null {
  const monday = weekStart(date);
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(monday, i);
    if (calendar.isBusinessDay(day)) return day;
  }
  return null;
}

/**
 * Reminders and overdue notices due today. A running case `n` business days or fewer from its due
 * date gets the reminder of each offset ≥ n (the smallest offset first reached wins nothing twice:
 * each offset has its own key). A case past due is escalated on the first business day after it,
 * then every seven days while it stays overdue. Suspended and closed cases get nothing.
 */
export function planClockAlerts(
  cases: readonly ClockedCase[],
  ctx: AlertPlanContext,
): PlannedAlert[] {
  const out: PlannedAlert[] = [];
  const offsets = [...new Set(ctx.reminderOffsets)].sort((a, b) => b - a);
  for (const { record, clock } of cases) {
    if (clock.state !== 'running') continue;
    const left = clock.businessDaysLeft;
    const due = clock.dueDate;
    if (left >= 0) {
      if (!record.assignee) continue;
      // Only the nearest offset not yet passed: a case filed 2 days before its due date is not
      // reminded for 3 days and 2 at once.
      const offset = offsets.filter((o) => left <= o).pop();
      if (offset === undefined) continue;
      out.push({
        key: `recordatorio:${record.radicado}:${record.assignee.toLowerCase()}:${due}:${offset}`,
        kind: 'recordatorio',
        radicado: record.radicado,
        to: record.assignee,
        subject: `Recordatorio: el caso ${record.radicado} vence el ${formatDateEs(due)}`,
      });
      continue;
    }
    const first = firstOverdueDay(due, ctx.calendar);
    if (ctx.today < first) continue;
    const week = Math.floor(daysBetween(first, ctx.today) / 7);
    for (const to of overdueRecipients(record, ctx.staff, ctx.entitySupervisors))
      out.push({
        key: `vencido:${record.radicado}:${to.toLowerCase()}:${due}:${week}`,
        kind: 'vencido',
        radicado: record.radicado,
        to,
        subject: `Caso vencido ${record.radicado}: venció el ${formatDateEs(due)}`,
      });
  }
  return out;
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The digests due today (business days only): one `resumen_diario` per person with open cases, one
 * `resumen_semanal` per entity supervisor on the week's first business day.
 */
export function planDigests(cases: readonly ClockedCase[], ctx: AlertPlanContext): PlannedAlert[] {
  if (!ctx.calendar.isBusinessDay(ctx.today)) return [];
  const out: PlannedAlert[] = [];
  const holders = new Set<string>();
  for (const { record } of cases) if (record.assignee) holders.add(record.assignee.toLowerCase());
  for (const member of ctx.staff) {
    const email = member.email.toLowerCase();
    if (member.onLeave || !holders.has(email)) continue;
    out.push({
      key: `resumen_diario:${email}:${ctx.today}`,
      kind: 'resumen_diario',
      radicado: '',
      to: member.email,
      subject: `Sus casos abiertos al ${formatDateEs(ctx.today)}`,
    });
  }
  if (firstBusinessDayOfWeek(ctx.today, ctx.calendar) === ctx.today) {
    const monday = weekStart(ctx.today);
    for (const to of ctx.entitySupervisors)
      out.push({
        key: `resumen_semanal:${to.toLowerCase()}:${monday}`,
        kind: 'resumen_semanal',
        radicado: '',
        to,
        subject: `Resumen semanal de PQRSD: semana del ${formatDateEs(monday)}`,
      });
  }
  return out;
}

/** Lines of a case in a digest. */
function caseLine({ record, clock }: ClockedCase): string {
  const left =
    clock.state === 'suspended'
      ? 'suspendido'
      : clock.businessDaysLeft < 0
        ? `vencido hace ${-clock.businessDaysLeft} días hábiles`
        : `${clock.businessDaysLeft} días hábiles`;
  return `- ${record.radicado} · ${REQUEST_TYPE_LABELS[record.type]} · vence ${formatDateEs(clock.dueDate)} (${left}) · ${record.subject || '(sin asunto)'}`;
}

/** Cases in a digest: overdue first, then by business days left. */
function byUrgency(a: ClockedCase, b: ClockedCase): number {
  return (
    a.clock.businessDaysLeft - b.clock.businessDaysLeft ||
    a.record.radicado.localeCompare(b.record.radicado)
  );
}

/** Lines listed in one digest; the rest are counted (a mail stays readable). */
export const DIGEST_LINES = 60;

export interface StaffMailContext {
  readonly entityName: string;
  readonly today: CalendarDate;
  /** The tracking spreadsheet ('' when unknown); `caseLink` adds the case's row. */
  readonly deskLink: string;
  readonly caseLink?: (record: CaseRecord) => string;
  readonly texts?: Omit<MailTexts, 'entityName'>;
}

function compose(
  alert: PlannedAlert,
  kind: TemplateKind,
  values: Record<string, string>,
  ctx: StaffMailContext,
): OutboundMail {
  return composeMail(
    kind,
    alert,
    { enlace_mesa: ctx.deskLink, ...values },
    {
      ...ctx.texts,
      entityName: ctx.entityName,
    },
  );
}

/** A reminder or an overdue notice, rendered from the case as it stands (null: nothing is owed now). */
export function renderClockAlert(
  alert: PlannedAlert,
  current: ClockedCase | null,
  ctx: StaffMailContext,
): OutboundMail | null {
  if (!current || current.clock.state !== 'running') return null; // answered, transferred, voided…
  const dueInKey = alert.key.split(':')[3];
  if (dueInKey !== current.clock.dueDate) return null; // the due date moved: its own reminders follow
  const { record, clock } = current;
  const values = {
    ...caseValues(record),
    vence: formatDateEs(clock.dueDate),
    dias_restantes: String(clock.businessDaysLeft),
    dias_vencido: String(-clock.businessDaysLeft),
    responsable: record.assignee || '(sin asignar)',
    como_se_cuenta: clock.explanation,
    enlace_caso: ctx.caseLink ? ctx.caseLink(record) : ctx.deskLink,
  };
  if (alert.kind === 'recordatorio')
    return clock.businessDaysLeft < 0 ? null : compose(alert, 'recordatorio', values, ctx);
  return clock.businessDaysLeft >= 0 ? null : compose(alert, 'vencido', values, ctx);
}

/** The daily digest of one person's open cases (null when they hold none now). */
export function renderDailyDigest(
  alert: PlannedAlert,
  open: readonly ClockedCase[],
  ctx: StaffMailContext,
): OutboundMail | null {
  const to = alert.to.toLowerCase();
  const mine = open.filter((c) => c.record.assignee.toLowerCase() === to).sort(byUrgency);
  if (mine.length === 0) return null;
  const overdue = mine.filter(
    (c) => c.clock.state === 'running' && c.clock.businessDaysLeft < 0,
  ).length;
  return compose(
    alert,
    'resumen_diario',
    {
      fecha: formatDateEs(ctx.today),
      responsable: alert.to,
      total: String(mine.length),
      vencidos: String(overdue),
      casos: [
        ...mine.slice(0, DIGEST_LINES).map(caseLine),
        ...(mine.length > DIGEST_LINES ? [`- y ${mine.length - DIGEST_LINES} casos más.`] : []),
      ].join('\n'),
    },
    ctx,
  );
}

/** The weekly digest for supervisors: counts by status and the overdue cases. */
export function renderWeeklyDigest(
  alert: PlannedAlert,
  statuses: readonly CaseStatus[],
  open: readonly ClockedCase[],
  ctx: StaffMailContext,
): OutboundMail {
  const counts = new Map<CaseStatus, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  const overdue = open
    .filter((c) => c.clock.state === 'running' && c.clock.businessDaysLeft < 0)
    .sort(byUrgency);
  return compose(
    alert,
    'resumen_semanal',
    {
      fecha: formatDateEs(ctx.today),
      conteos: [...counts.entries()]
        .map(([status, n]) => `- ${CASE_STATUS_LABELS[status]}: ${n}`)
        .join('\n'),
      vencidos: String(overdue.length),
      casos:
        overdue.length === 0
          ? '- Ninguno.'
          : [
              ...overdue
                .slice(0, DIGEST_LINES)
                .map((c) => `${caseLine(c)} · ${c.record.assignee || 'sin asignar'}`),
              ...(overdue.length > DIGEST_LINES
                ? [`- y ${overdue.length - DIGEST_LINES} casos más.`]
                : []),
            ].join('\n'),
    },
    ctx,
  );
}

/** Kinds of mail to staff that wait for business days and office hours (assignments go at once). */
export const OFFICE_HOURS_KINDS: ReadonlySet<MailKind> = new Set([
  'recordatorio',
  'vencido',
  'resumen_diario',
  'resumen_semanal',
  'notificacion',
]);

/** Send order: the citizens' legal notices, then staff notices, reminders, escalations, digests. */
export const MAIL_PRIORITY: Readonly<Record<MailKind, number>> = {
  acuse: 0,
  solicitud_informacion: 0,
  prorroga: 0,
  traslado: 0,
  traslado_entidad: 0,
  respuesta: 0,
  desistimiento: 0,
  asignacion: 1,
  notificacion: 1,
  recordatorio: 2,
  vencido: 3,
  resumen_diario: 4,
  resumen_semanal: 4,
};
