// One PQRSD case as the add-on keeps it: what the citizen filed plus what the entity did with it.
import type { ClockEvent } from '../clock/case-clock';
import type { RequestTypeCode } from '../request-types';

export const CASE_STATUSES = [
  'radicado',
  'en_tramite',
  'suspendido',
  'respondido',
  'trasladado',
  'anulado',
  'desistido',
  'archivado',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  radicado: 'Radicado',
  en_tramite: 'En trámite',
  suspendido: 'Suspendido (esperando al peticionario)',
  respondido: 'Respondido',
  trasladado: 'Trasladado por competencia',
  anulado: 'Anulado',
  desistido: 'Desistido (art. 17 CPACA)',
  archivado: 'Archivado',
};

export const CHANNELS = [
  'formulario',
  'presencial',
  'telefonico',
  'correo',
  'virtual_voz',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  formulario: 'Formulario web',
  presencial: 'Presencial',
  telefonico: 'Telefónico',
  correo: 'Correo electrónico',
  virtual_voz: 'Virtual (voz)',
};

/** Acts that do not move the legal clock: who holds the case, a clerk's note, the archive. */
export type DeskEvent =
  | { kind: 'assigned'; at: string; to: string; from?: string }
  | { kind: 'noted' | 'archived'; at: string };

/** A thing that happened to a case, as the audit trail and the legal clock see it. */
export type CaseEvent = (ClockEvent | DeskEvent) & {
  readonly by?: string;
  readonly note?: string;
  /** Why the case was transferred or reassigned. */
  readonly reason?: string;
  /** Where a transfer's forwarding letter went (CPACA art. 21), when the clerk gave an address. */
  readonly email?: string;
  /** An answer that denies access to information, and the law it rests on (Ley 1712 art. 18-19). */
  readonly accessDenied?: boolean;
  readonly legalBasis?: string;
};

export interface Petitioner {
  readonly anonymous: boolean;
  readonly applicantKind: string;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly municipality: string;
  readonly preferredChannel: string;
  readonly acceptsEmailNotification: boolean;
  /**
   * The petitioner asked for reserva de identidad: staff see `Identidad reservada`, the name is
   * only in the data store. Absent in cases filed before the option existed (false).
   */
  readonly identityReserved?: boolean;
}

export interface CaseRecord {
  readonly radicado: string;
  /** ISO instant of receipt (the form's timestamp, or the clerk's for verbal filings). */
  readonly receivedAt: string;
  readonly channel: Channel;
  readonly declaredType: RequestTypeCode | null;
  readonly type: RequestTypeCode;
  readonly subject: string;
  readonly description: string;
  readonly petitioner: Petitioner;
  readonly priority: string;
  readonly differentialGroup: string;
  readonly consent: boolean;
  readonly dependency: string;
  readonly assignee: string;
  readonly status: CaseStatus;
  readonly effectiveReceiptDate: string;
  readonly dueDate: string;
  readonly businessDaysLeft: number;
  readonly extendedTo: string;
  readonly answeredAt: string;
  readonly notes: string;
  /** Issues staff must look at (invalid email, missing type…), as Spanish sentences. */
  readonly alerts: readonly string[];
  /** Form response id: the idempotency key of form intake. Empty for verbal filings. */
  readonly responseId: string;
  /** SHA-256 of the citizen's follow-up token; the token itself is only mailed. */
  readonly tokenHash: string;
  readonly events: readonly CaseEvent[];
  /** Hash of the case's last Historial line: the head of its tamper-evident chain ('' before any). */
  readonly chainHead: string;
}
