// Which acts a case's state allows, and who may take them: the desk shows exactly these, and the
// gateway refuses anything else before the transition runs.
import type { ErrorCode } from '../errors';
import type { StaffMember } from '../routing/staff';
import type { CaseRecord, CaseStatus } from './case-record';

export const ACT_KINDS = [
  'assign',
  'reassign',
  'reclassify',
  'requestInfo',
  'extendInfoDeadline',
  'receiveInfo',
  'extend',
  'transfer',
  'answer',
  'desist',
  'void',
  'archive',
  'note',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** Spanish names of the acts, as the desk's buttons and the Historial say them. */
export const ACT_LABELS: Readonly<Record<ActKind, string>> = {
  assign: 'Asignar',
  reassign: 'Reasignar',
  reclassify: 'Reclasificar',
  requestInfo: 'Pedir información',
  extendInfoDeadline: 'Dar un mes más para completar',
  receiveInfo: 'Registrar información recibida',
  extend: 'Prorrogar',
  transfer: 'Trasladar por competencia',
  answer: 'Responder',
  desist: 'Declarar desistimiento',
  void: 'Anular radicado',
  archive: 'Archivar',
  note: 'Agregar nota',
};

export const OPEN_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'radicado',
  'en_tramite',
  'suspendido',
]);

/** Closed by an act of the law (answer, transfer, withdrawal, voiding): only archive and notes remain. */
const CLOSED_STATUSES: ReadonlySet<CaseStatus> = new Set([
  'respondido',
  'trasladado',
  'anulado',
  'desistido',
]);

const WHILE_RUNNING: ReadonlySet<ActKind> = new Set([
  'assign',
  'reassign',
  'reclassify',
  'requestInfo',
  'extend',
  'transfer',
  'answer',
  'void',
  'note',
]);

const WHILE_SUSPENDED: ReadonlySet<ActKind> = new Set([
  'assign',
  'reassign',
  'reclassify',
  'extendInfoDeadline',
  'receiveInfo',
  'transfer',
  'answer',
  'desist',
  'void',
  'note',
]);

/**
 * The code refusing `kind` in the case's status, or null when the status allows it. Dates are not
 * judged here (an extension's cap, the month before desistimiento): the transition does that.
 * Example: stateRefusal('respondido', 'extend') → 'CLOCK_CLOSED'; ('en_tramite', 'archive') → 'CASE_STILL_OPEN'.
 */
export function stateRefusal(status: CaseStatus, kind: ActKind): ErrorCode | null {
  if (kind === 'note') return null;
  if (status === 'archivado') return 'CLOCK_CLOSED';
  if (CLOSED_STATUSES.has(status)) return kind === 'archive' ? null : 'CLOCK_CLOSED';
  if (kind === 'archive') return 'CASE_STILL_OPEN';
  if (status === 'suspendido') {
    if (WHILE_SUSPENDED.has(kind)) return null;
    return kind === 'extend' ? 'CLOCK_SUSPENDED' : 'INFO_REQUEST_NOT_PENDING';
  }
  if (WHILE_RUNNING.has(kind)) return null;
  return 'INFO_REQUEST_NOT_PENDING';
}

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
}

export interface Permission {
  readonly ok: boolean;
  readonly code?: ErrorCode;
  /** Spanish reason for NOT_ALLOWED. */
  readonly why?: string;
}

/**
 * May `member` take `kind` on `record`? An admin may do every act on every case; a supervisor acts on
 * their dependency's cases (entity-wide supervisors, the `supervisorEmails` setting, on all of them)
 * and only supervisors void; a clerk acts on the cases of their dependency or assigned to them.
 */
export function permissionFor(
  member: StaffMember | null,
  record: Pick<CaseRecord, 'dependency' | 'assignee'>,
  kind: ActKind,
  entitySupervisors: readonly string[],
): Permission {
  if (!member) return { ok: false, code: 'NOT_STAFF' };
  if (member.role === 'admin') return { ok: true };
  const entityWide =
    member.role === 'supervisor' && entitySupervisors.some((email) => same(email, member.email));
  const ownCase =
    entityWide || same(record.dependency, member.dependency) || same(record.assignee, member.email);
  if (!ownCase)
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      why: `el caso pertenece a ${record.dependency || 'otra dependencia'} y usted a ${member.dependency || 'ninguna dependencia'}.`,
    };
  if (kind === 'void' && member.role !== 'supervisor')
    return {
      ok: false,
      code: 'NOT_ALLOWED',
      why: 'solo un supervisor o un administrador puede anular un radicado.',
    };
  return { ok: true };
}

/** The acts the desk offers `member` on `record` now: allowed by its status and by their role. */
export function actsOffered(
  member: StaffMember | null,
  record: Pick<CaseRecord, 'dependency' | 'assignee' | 'status'>,
  entitySupervisors: readonly string[],
): ActKind[] {
  return ACT_KINDS.filter(
    (kind) =>
      stateRefusal(record.status, kind) === null &&
      permissionFor(member, record, kind, entitySupervisors).ok &&
      !(kind === 'assign' && record.assignee !== '') &&
      !(kind === 'reassign' && record.assignee === ''),
  );
}
