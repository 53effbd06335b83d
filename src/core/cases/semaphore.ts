// The tracking sheet's traffic light: what a clerk must see at a glance of a case's row.
import type { CaseStatus } from './case-record';

export const SEMAPHORE_LABELS = {
  overdue: 'Vencido',
  dueSoon: 'Por vencer',
  running: 'En término',
  suspended: 'Suspendido',
  closed: 'Cerrado',
} as const;
export type SemaphoreLabel = (typeof SEMAPHORE_LABELS)[keyof typeof SEMAPHORE_LABELS];

const OPEN: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['radicado', 'en_tramite']);

/**
 * The light of a case: closed once its status closes it, suspended while the entity waits for the
 * petitioner (CPACA art. 17), overdue past its due date, "por vencer" within the reminder window
 * (the largest reminder offset of Configuración), else running.
 * Example: en trámite with 2 business days left and reminders at 3 and 1 days → 'Por vencer'.
 */
export function semaphoreOf(
  record: { readonly status: CaseStatus; readonly businessDaysLeft: number },
  reminderWindow: number,
): SemaphoreLabel {
  if (record.status === 'suspendido') return SEMAPHORE_LABELS.suspended;
  if (!OPEN.has(record.status)) return SEMAPHORE_LABELS.closed;
  if (record.businessDaysLeft < 0) return SEMAPHORE_LABELS.overdue;
  if (record.businessDaysLeft <= reminderWindow) return SEMAPHORE_LABELS.dueSoon;
  return SEMAPHORE_LABELS.running;
}
