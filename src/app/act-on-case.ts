// A clerk's act on one case: check who acts, lock, load the one case, transition, write, log.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { applyCaseAction, type CaseAction } from '../core/cases/apply-action';
import type { CaseStatus } from '../core/cases/case-record';
import { fail, ok, type Result } from '../core/errors';
import { findStaff } from '../core/routing/staff';
import type { IntakeDeps } from './intake';
import { LOCK_WAIT_MS } from './intake';

export interface CaseActionRequest {
  readonly radicado: string;
  readonly action: CaseAction;
  readonly by: string;
}

export interface CaseActionResult {
  readonly radicado: string;
  readonly status: CaseStatus;
  readonly dueDate: string;
  readonly businessDaysLeft: number;
}

/** Acts only the entity's supervisors and admins may take (Acuerdo 060: voiding needs the head's record). */
const SUPERVISOR_ACTIONS: ReadonlySet<CaseAction['kind']> = new Set(['void']);

export function actOnCase(deps: IntakeDeps, request: CaseActionRequest): Result<CaseActionResult> {
  const member = findStaff(deps.config.staff, request.by);
  if (!member) return fail('NOT_STAFF');
  if (SUPERVISOR_ACTIONS.has(request.action.kind) && member.role === 'clerk')
    return fail('ROLE_REQUIRED', { role: 'Supervisor' });
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) return fail('LOCK_TIMEOUT');
  try {
    const record = deps.cases.find(request.radicado);
    if (!record) return fail('CASE_NOT_FOUND', { radicado: request.radicado });
    const nowIso = new Date(deps.clock.now()).toISOString();
    const outcome = applyCaseAction(record, request.action, {
      nowIso,
      by: member.email,
      settings: deps.config.settings,
      calendar: createBusinessCalendar(deps.config.calendar),
    });
    if (!outcome.ok) return outcome;
    const next = outcome.value.record;
    deps.cases.update(next);
    deps.audit.append([
      {
        at: nowIso,
        by: member.email,
        radicado: next.radicado,
        event: outcome.value.event,
        details: outcome.value.details,
      },
    ]);
    return ok({
      radicado: next.radicado,
      status: next.status,
      dueDate: next.dueDate,
      businessDaysLeft: next.businessDaysLeft,
    });
  } finally {
    deps.lock.release();
  }
}
