// What the case desk shows: one case (its clock explained, its history, the acts the clerk may
// take now) and the clerk's own open cases. Plain data with strings for dates, as
// google.script.run carries it; every text is escaped by the page (textContent), never here.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { bogotaDateOf, formatDateEs } from '../core/calendar/calendar-date';
import { actsOffered, ACT_LABELS, OPEN_STATUSES } from '../core/cases/act-rules';
import { applyCaseAction } from '../core/cases/apply-action';
import { clockInputOf, clockOfCase } from '../core/cases/case-clock-input';
import {
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  type CaseEvent,
  type CaseRecord,
} from '../core/cases/case-record';
import { formatLocalInstant } from '../core/cases/radication-lines';
import { checkExtension } from '../core/clock/case-clock';
import { REQUEST_TYPE_CODES, REQUEST_TYPE_LABELS } from '../core/request-types';
import { findStaff, type StaffMember } from '../core/routing/staff';
import { caseVersion } from '../app/act-on-case';
import type { LocatedCase } from '../ports/case-store';
import type { Composition } from './compose';

export interface HistoryItem {
  readonly atLocal: string;
  readonly by: string;
  readonly label: string;
  readonly details: string;
}

export interface CaseView {
  readonly radicado: string;
  readonly version: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly subject: string;
  readonly description: string;
  readonly channelLabel: string;
  readonly receivedLocal: string;
  /** Who filed, as staff may see them: the name (or why none) and the masked channels. */
  readonly petitionerLabel: string;
  readonly dependency: string;
  readonly assignee: string;
  readonly assigneeName: string;
  readonly dueDate: string;
  readonly dueDateLabel: string;
  readonly businessDaysLeft: number;
  readonly overdue: boolean;
  readonly explanation: string;
  readonly alerts: readonly string[];
  readonly extensionCapLabel: string;
  readonly desistFromLabel: string;
  readonly history: readonly HistoryItem[];
  readonly acts: ReadonlyArray<{ kind: string; label: string }>;
  readonly staff: ReadonlyArray<{ email: string; name: string; dependency: string }>;
  readonly types: ReadonlyArray<{ code: string; label: string }>;
}

export interface CaseSummary {
  readonly radicado: string;
  readonly subject: string;
  readonly typeLabel: string;
  readonly statusLabel: string;
  readonly dueDateLabel: string;
  readonly businessDaysLeft: number;
  readonly overdue: boolean;
}

function instantLabel(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatLocalInstant(ms);
}

function describeEvent(event: CaseEvent, staff: readonly StaffMember[]): [string, string] {
  const person = (email: string): string => findStaff(staff, email)?.name || email;
  switch (event.kind) {
    case 'assigned':
      return [
        'Asignación',
        `${event.from ? `De ${person(event.from)} a` : 'A'} ${person(event.to)}${event.note ? `: ${event.note}` : ''}`,
      ];
    case 'reclassified':
      return ['Reclasificación', REQUEST_TYPE_LABELS[event.type] ?? event.type];
    case 'extended':
      return ['Prórroga', `Hasta ${formatDateEs(event.newDueDate)}: ${event.reason}`];
    case 'info_requested':
      return ['Requerimiento de información', event.note ?? ''];
    case 'info_deadline_extended':
      return ['Prórroga del requerimiento', 'Un mes más para completar la información'];
    case 'info_received':
      return ['Información recibida', event.note ?? ''];
    case 'transferred':
      return [
        'Traslado por competencia',
        `${event.note ?? ''}${event.email ? ` (${event.email})` : ''}${event.reason ? `: ${event.reason}` : ''}`,
      ];
    case 'answered':
      return [
        'Respuesta',
        `${event.note ?? ''}${event.accessDenied ? ` (acceso negado: ${event.legalBasis ?? ''})` : ''}`,
      ];
    case 'desisted':
      return ['Desistimiento tácito', ''];
    case 'voided':
      return ['Anulación', event.note ?? ''];
    case 'archived':
      return ['Archivo', ''];
    case 'noted':
      return ['Nota', event.note ?? ''];
    default:
      return [String((event as { kind: string }).kind), ''];
  }
}

function historyOf(record: CaseRecord, staff: readonly StaffMember[]): HistoryItem[] {
  const items: HistoryItem[] = [
    {
      atLocal: instantLabel(record.receivedAt),
      by: '',
      label: 'Radicación',
      details: `${CHANNEL_LABELS[record.channel] ?? record.channel}; ${record.dependency}`,
    },
  ];
  for (const event of record.events) {
    const [label, details] = describeEvent(event, staff);
    const by = event.by ?? '';
    items.push({
      atLocal: instantLabel(event.at),
      by: findStaff(staff, by)?.name || by,
      label,
      details,
    });
  }
  return items;
}

export function buildCaseView(
  app: Composition,
  member: StaffMember,
  located: LocatedCase,
): CaseView {
  const record = located.record;
  const now = app.clock.now();
  const today = bogotaDateOf(now);
  const context = {
    today,
    settings: app.config.settings,
    calendar: createBusinessCalendar(app.config.calendar),
  };
  const clock = clockOfCase(record, context);
  const supervisors = app.config.settings.supervisorEmails;
  // A row the add-on cannot trust is shown but offers no act (the gateway would refuse it).
  // What the law no longer allows is not offered: a second extension, an early desistimiento.
  const acts = (
    located.sealOk && located.readable ? actsOffered(member, record, supervisors) : []
  ).filter(
    (kind) =>
      !(kind === 'extend' && clock.extension !== null) &&
      !(kind === 'desist' && (!clock.desistimientoFrom || today < clock.desistimientoFrom)) &&
      // The extra month of art. 17 is granted once, before the first month runs out.
      !(
        kind === 'extendInfoDeadline' &&
        !applyCaseAction(
          record,
          { kind },
          {
            nowIso: new Date(now).toISOString(),
            by: member.email,
            settings: app.config.settings,
            calendar: context.calendar,
            staff: app.config.staff,
          },
        ).ok
      ),
  );
  let extensionCapLabel = '';
  if (acts.includes('extend')) {
    const probe = checkExtension(clockInputOf(record, context), {
      at: new Date(now).toISOString(),
      newDueDate: '2999-12-31',
      reason: 'consulta del máximo legal',
    });
    if (!probe.ok && probe.code === 'EXTENSION_EXCEEDS_CAP')
      extensionCapLabel = String(probe.details?.cap ?? '');
  }
  const open = OPEN_STATUSES.has(record.status);
  const daysLeft = open ? clock.businessDaysLeft : record.businessDaysLeft;
  const staff = app.config.staff;
  return {
    radicado: record.radicado,
    version: caseVersion(record),
    type: record.type,
    typeLabel: REQUEST_TYPE_LABELS[record.type],
    status: record.status,
    statusLabel: CASE_STATUS_LABELS[record.status] ?? record.status,
    subject: record.subject,
    description: record.description,
    channelLabel: CHANNEL_LABELS[record.channel] ?? record.channel,
    receivedLocal: instantLabel(record.receivedAt),
    petitionerLabel: petitionerLabel(record),
    dependency: record.dependency,
    assignee: record.assignee,
    assigneeName: findStaff(staff, record.assignee)?.name ?? '',
    dueDate: clock.dueDate,
    dueDateLabel: formatDateEs(clock.dueDate),
    businessDaysLeft: daysLeft,
    overdue: open && clock.state === 'running' && daysLeft < 0,
    explanation: clock.explanation,
    alerts: [
      ...record.alerts,
      ...(located.sealOk
        ? []
        : ['La fila fue modificada a mano: se restaurará en la próxima verificación.']),
    ],
    extensionCapLabel,
    desistFromLabel: clock.desistimientoFrom ? formatDateEs(clock.desistimientoFrom) : '',
    history: historyOf(record, staff),
    acts: acts.map((kind) => ({ kind, label: ACT_LABELS[kind] })),
    staff: staff
      .filter((m) => !m.onLeave)
      .map((m) => ({ email: m.email, name: m.name, dependency: m.dependency })),
    types: REQUEST_TYPE_CODES.map((code) => ({ code, label: REQUEST_TYPE_LABELS[code] })),
  };
}

/**
 * The petitioner as the row shows them (Ley 1581): the name, or that it is reserved or absent, and
 * the masked channels, enough to know how the citizen can be reached; the data stewards have the rest.
 */
function petitionerLabel(record: CaseRecord): string {
  const p = record.petitioner;
  if (p.anonymous) return p.email ? `Anónimo (dejó correo ${p.email})` : 'Anónimo';
  const name = p.identityReserved
    ? 'Identidad reservada (solo la ven las personas a cargo de los datos personales)'
    : p.name || '(sin nombre)';
  const channels = [p.email, p.phone, p.address ? `dirección ${p.address}` : '']
    .filter((v) => v !== '')
    .join(' · ');
  return channels ? `${name} — ${channels}` : name;
}

/** The signed-in person's open cases: overdue first, then by business days left. */
export function buildMyCases(
  app: Composition,
  member: StaffMember,
  rows: readonly LocatedCase[],
): CaseSummary[] {
  const today = bogotaDateOf(app.clock.now());
  const context = {
    today,
    settings: app.config.settings,
    calendar: createBusinessCalendar(app.config.calendar),
  };
  const mine: CaseSummary[] = [];
  const me = member.email.toLowerCase();
  for (const { record, readable } of rows) {
    if (record.assignee.toLowerCase() !== me || !OPEN_STATUSES.has(record.status)) continue;
    const clock = readable ? clockOfCase(record, context) : null;
    const daysLeft = clock ? clock.businessDaysLeft : record.businessDaysLeft;
    const dueDate = clock ? clock.dueDate : record.dueDate;
    mine.push({
      radicado: record.radicado,
      subject: record.subject,
      typeLabel: REQUEST_TYPE_LABELS[record.type],
      statusLabel: CASE_STATUS_LABELS[record.status] ?? record.status,
      dueDateLabel: dueDate ? formatDateEs(dueDate) : '',
      businessDaysLeft: daysLeft,
      overdue: record.status !== 'suspendido' && daysLeft < 0,
    });
  }
  return mine.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.businessDaysLeft - b.businessDaysLeft ||
      a.radicado.localeCompare(b.radicado),
  );
}
