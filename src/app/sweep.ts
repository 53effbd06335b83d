// The periodic sweep: radicate form responses whose trigger never ran, refresh every open case's
// clock, and send what the outbox still holds. Idempotent: a second run finds nothing to do.
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import type { ClockChange } from '../ports/case-store';
import { clockOfCase } from '../core/cases/case-clock-input';
import type { FormSource } from '../ports/form-source';
import { deliverMail, type DeliveryReport } from './deliver-mail';
import { LOCK_WAIT_MS, radicateSubmission, type IntakeDeps } from './intake';

export const RECONCILED_THROUGH_KEY = 'sweep.reconciledThrough';
/** Business days left change once a day: the full read of open cases happens once per local day. */
export const CLOCKS_REFRESHED_ON_KEY = 'sweep.clocksRefreshedOn';
/** Responses can become visible a little after their timestamp: look back this far every time. */
export const RECONCILE_OVERLAP_MS = 6 * 60 * 60 * 1000;
/** Stop starting new work when less than this is left of the execution. */
export const SWEEP_RESERVE_MS = 60 * 1000;

export interface SweepDeps extends IntakeDeps {
  readonly forms: FormSource | null;
}

export interface SweepReport {
  readonly reconciled: readonly string[];
  readonly deferred: number;
  readonly clocksUpdated: number;
  readonly mail: DeliveryReport;
  readonly stoppedEarly: boolean;
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['radicado', 'en_tramite', 'suspendido']);

function reconcile(deps: SweepDeps): {
  reconciled: string[];
  deferred: number;
  stoppedEarly: boolean;
} {
  const reconciled: string[] = [];
  if (!deps.forms) return { reconciled, deferred: 0, stoppedEarly: false };
  const checkpoint = deps.state.get(RECONCILED_THROUGH_KEY);
  const since = checkpoint ? Number(checkpoint) - RECONCILE_OVERLAP_MS : null;
  let deferred = 0;
  let through = checkpoint ? Number(checkpoint) : 0;
  for (const response of deps.forms.responsesSince(since)) {
    if (deps.clock.remainingMs() < SWEEP_RESERVE_MS)
      return { reconciled, deferred, stoppedEarly: true };
    // Cheap look-up without the lock first; intake checks again under the lock.
    if (!deps.cases.radicadoForResponse(response.responseId)) {
      const outcome = radicateSubmission(deps, {
        responseId: response.responseId,
        receivedAt: response.receivedAt,
        answers: response.answers,
        missingQuestions: response.missingQuestions,
        channel: 'formulario',
        by: 'barrido',
      });
      if (outcome.status === 'deferred') {
        deferred += 1;
        continue;
      }
      if (outcome.status === 'radicated') reconciled.push(outcome.radicado);
    }
    if (deferred === 0) through = Math.max(through, response.receivedAt);
  }
  if (through > 0) deps.state.set(RECONCILED_THROUGH_KEY, String(through));
  return { reconciled, deferred, stoppedEarly: false };
}

/** Rewrites days left (and due dates, if the calendar changed) of open cases, under the lock so a
 * clerk's act between the read and the write is never undone. Returns null when the lock was busy. */
function refreshClocks(deps: SweepDeps): number | null {
  const today = bogotaDateOf(deps.clock.now());
  if (deps.state.get(CLOCKS_REFRESHED_ON_KEY) === today) return 0;
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) return null;
  try {
    const calendar = createBusinessCalendar(deps.config.calendar);
    const changes: ClockChange[] = [];
    for (const record of deps.cases.all()) {
      if (!OPEN_STATUSES.has(record.status)) continue;
      const clock = clockOfCase(record, { today, settings: deps.config.settings, calendar });
      if (clock.businessDaysLeft !== record.businessDaysLeft || clock.dueDate !== record.dueDate) {
        changes.push({
          radicado: record.radicado,
          businessDaysLeft: clock.businessDaysLeft,
          dueDate: clock.dueDate,
        });
      }
    }
    if (changes.length > 0) deps.cases.updateClocks(changes);
    deps.state.set(CLOCKS_REFRESHED_ON_KEY, today);
    return changes.length;
  } finally {
    deps.lock.release();
  }
}

export function runSweep(deps: SweepDeps): SweepReport {
  const { reconciled, deferred, stoppedEarly } = reconcile(deps);
  const clocksUpdated = stoppedEarly ? 0 : (refreshClocks(deps) ?? 0);
  const mail = deliverMail(deps.outbox.pending(), {
    mailer: deps.mailer,
    outbox: deps.outbox,
    log: deps.log,
    now: () => new Date(deps.clock.now()).toISOString(),
  });
  return { reconciled, deferred, clocksUpdated, mail, stoppedEarly };
}
