// CaseRecord <-> Radicados row. Pure mapping, tested with plain arrays.
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
  type Channel,
} from '../core/cases/case-record';
import { parseRequestType, REQUEST_TYPE_LABELS } from '../core/request-types';
import {
  dateCell,
  instantCell,
  readBoolean,
  readCalendarDate,
  readInstant,
  readNumber,
  readText,
  textCell,
  yesNo,
  type CellValue,
} from './cell-values';
import { compactEvents } from '../core/cases/case-seal';
import type { RowObject } from './sheet-table';

function labelToStatus(label: string): CaseStatus {
  return CASE_STATUSES.find((s) => CASE_STATUS_LABELS[s] === label || s === label) ?? 'radicado';
}

function labelToChannel(label: string): Channel {
  return CHANNELS.find((c) => CHANNEL_LABELS[c] === label || c === label) ?? 'formulario';
}

function parseEvents(text: string): CaseEvent[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as CaseEvent[]) : [];
  } catch {
    return [];
  }
}

/** What a row shows beside the case: computed when it is written, never read back as the case. */
export interface DerivedCells {
  /** The assignee's name from `Dependencias` ('' when unknown). */
  readonly assigneeName?: string;
  /** The traffic light (`semaphoreOf`). */
  readonly semaphore?: string;
}

/** Statuses with no term left to count: their days-left cell stays blank. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set([
  'respondido',
  'trasladado',
  'anulado',
  'desistido',
  'archivado',
]);

export function caseToRow(
  record: CaseRecord,
  derived: DerivedCells = {},
): Record<string, CellValue> {
  const p = record.petitioner;
  return {
    semaphore: textCell(derived.semaphore ?? ''),
    assigneeName: textCell(derived.assigneeName ?? ''),
    radicado: textCell(record.radicado),
    receivedAt: instantCell(record.receivedAt),
    channel: CHANNEL_LABELS[record.channel],
    declaredType: record.declaredType ? REQUEST_TYPE_LABELS[record.declaredType] : '',
    type: REQUEST_TYPE_LABELS[record.type],
    subject: textCell(record.subject),
    description: textCell(record.description),
    anonymous: yesNo(p.anonymous),
    identityReserved: yesNo(p.identityReserved === true),
    applicantKind: textCell(p.applicantKind),
    name: textCell(p.name),
    idType: textCell(p.idType),
    idNumber: textCell(p.idNumber),
    email: textCell(p.email),
    phone: textCell(p.phone),
    address: textCell(p.address),
    municipality: textCell(p.municipality),
    preferredChannel: textCell(p.preferredChannel),
    acceptsEmail: yesNo(p.acceptsEmailNotification),
    priority: textCell(record.priority),
    differentialGroup: textCell(record.differentialGroup),
    consent: yesNo(record.consent),
    dependency: textCell(record.dependency),
    assignee: textCell(record.assignee),
    status: CASE_STATUS_LABELS[record.status],
    effectiveReceiptDate: dateCell(record.effectiveReceiptDate),
    dueDate: dateCell(record.dueDate),
    businessDaysLeft: CLOSED_STATUSES.has(record.status) ? '' : record.businessDaysLeft,
    extendedTo: dateCell(record.extendedTo),
    answeredAt: instantCell(record.answeredAt),
    notes: textCell(record.notes),
    alerts: textCell(record.alerts.join('\n')),
    responseId: textCell(record.responseId),
    tokenHash: textCell(record.tokenHash),
    events: textCell(JSON.stringify(compactEvents(record.events))),
    chainHead: textCell(record.chainHead),
  };
}

/** True when the events cell holds a readable list (an empty cell is a case without events). */
export function eventsReadable(row: RowObject): boolean {
  const text = readText(row.events);
  if (!text) return true;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

export function rowToCase(row: RowObject): CaseRecord {
  const text = (key: string): string => readText(row[key]);
  const declared = text('declaredType');
  return {
    radicado: text('radicado'),
    receivedAt: readInstant(row.receivedAt),
    channel: labelToChannel(text('channel')),
    declaredType: declared ? parseRequestType(declared) : null,
    type: parseRequestType(text('type')) ?? 'peticion_general',
    subject: text('subject'),
    description: text('description'),
    petitioner: {
      anonymous: readBoolean(row.anonymous),
      applicantKind: text('applicantKind'),
      name: text('name'),
      idType: text('idType'),
      idNumber: text('idNumber'),
      email: text('email'),
      phone: text('phone'),
      address: text('address'),
      municipality: text('municipality'),
      preferredChannel: text('preferredChannel'),
      acceptsEmailNotification: readBoolean(row.acceptsEmail),
      ...(readBoolean(row.identityReserved) ? { identityReserved: true } : {}),
    },
    priority: text('priority'),
    differentialGroup: text('differentialGroup'),
    consent: readBoolean(row.consent),
    dependency: text('dependency'),
    assignee: text('assignee'),
    status: labelToStatus(text('status')),
    effectiveReceiptDate: readCalendarDate(row.effectiveReceiptDate),
    dueDate: readCalendarDate(row.dueDate),
    businessDaysLeft: readNumber(row.businessDaysLeft),
    extendedTo: readCalendarDate(row.extendedTo),
    answeredAt: readInstant(row.answeredAt),
    notes: text('notes'),
    alerts: text('alerts') ? text('alerts').split('\n') : [],
    responseId: text('responseId'),
    tokenHash: text('tokenHash'),
    events: parseEvents(text('events')),
    chainHead: text('chainHead'),
  };
}
