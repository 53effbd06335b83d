// The periodic sweep: radicate form responses whose trigger never ran, refresh open cases' clocks
// once a day, and send what the outbox holds. Each phase runs on its own, so one failing phase
// (a malformed row, say) never stops the others. Idempotent: a second run finds nothing to do.
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { clockOfCase } from '../core/cases/case-clock-input';
import type { ClockChange } from '../ports/case-store';
import type { FormSource } from '../ports/form-source';
import { addReports, deliverMail, type DeliveryReport } from './deliver-mail';
import { LOCK_WAIT_MS, radicateSubmission, type IntakeDeps } from './intake';

export const RECONCILED_THROUGH_KEY = 'sweep.reconciledThrough';
/** Business days left change once a day: the full read of open cases happens once per local day. */
export const CLOCKS_REFRESHED_ON_KEY = 'sweep.clocksRefreshedOn';
/** Responses can become visible a little after their timestamp: look back this far every time. */
export const RECONCILE_OVERLAP_MS = 6 * 60 * 60 * 1000;
/** Stop starting new work when less than this is left of the execution. */
export const SWEEP_RESERVE_MS = 60 * 1000;
/** Mails sent per hold of the lock, so intake never waits long behind the sweep. */
export const DELIVERY_CHUNK = 20;

export interface SweepDeps extends IntakeDeps {
  readonly forms: FormSource | null;
}

export interface SweepReport {
  readonly reconciled: readonly string[];
  readonly deferred: number;
  readonly clocksUpdated: number;
  readonly mail: DeliveryReport;
  readonly stoppedEarly: boolean;
  /** Phases that failed, with the error, for the log; the other phases still ran. */
  readonly failures: readonly string[];
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['radicado', 'en_tramite', 'suspendido']);
const NO_MAIL: DeliveryReport = { sent: 0, deferred: 0, failed: 0 };

function timeIsShort(deps: SweepDeps): boolean {
  return deps.clock.remainingMs() < SWEEP_RESERVE_MS;
}

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
  let stoppedEarly = false;
  for (const response of deps.forms.responsesSince(since)) {
    if (timeIsShort(deps)) {
      stoppedEarly = true;
      break;
    }
    // Cheap look-up without the lock and without reading the answers; intake checks again under the lock.
    if (!deps.cases.radicadoForResponse(response.responseId)) {
      const outcome = radicateSubmission(deps, {
        ...response.read(),
        channel: 'formulario',
        by: 'barrido',
      });
      if (outcome.status === 'deferred') deferred += 1;
      if (outcome.status === 'radicated') reconciled.push(outcome.radicado);
    }
    if (deferred === 0) through = Math.max(through, response.receivedAt);
  }
  if (through > 0) deps.state.set(RECONCILED_THROUGH_KEY, String(through));
  return { reconciled, deferred, stoppedEarly };
}

/**
 * Rewrites days left (and due dates, if the calendar changed) of open cases, under the lock so a
 * clerk's act between the read and the write is never undone. A case whose row cannot be read is
 * skipped and logged, never allowed to stop the sweep.
 */
function refreshClocks(deps: SweepDeps): number {
  const today = bogotaDateOf(deps.clock.now());
  if (deps.state.get(CLOCKS_REFRESHED_ON_KEY) === today) return 0;
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) return 0; // the next sweep tries again
  try {
    const calendar = createBusinessCalendar(deps.config.calendar);
    const changes: ClockChange[] = [];
    for (const record of deps.cases.all()) {
      if (!OPEN_STATUSES.has(record.status)) continue;
      try {
        const clock = clockOfCase(record, { today, settings: deps.config.settings, calendar });
        if (
          clock.businessDaysLeft !== record.businessDaysLeft ||
          clock.dueDate !== record.dueDate
        ) {
          changes.push({
            radicado: record.radicado,
            businessDaysLeft: clock.businessDaysLeft,
            dueDate: clock.dueDate,
          });
        }
      } catch (error) {
        deps.log.error(
          `${record.radicado}: no se pudo calcular el término (${error instanceof Error ? error.message : String(error)}); revise la fila.`,
        );
      }
    }
    if (changes.length > 0) deps.cases.updateClocks(changes);
    deps.state.set(CLOCKS_REFRESHED_ON_KEY, today);
    return changes.length;
  } finally {
    deps.lock.release();
  }
}

/**
 * Sends the outbox in chunks, each under the lock and recorded before the lock is released. An
 * entry is tried at most once per sweep, so a failing address waits for the next sweep to retry.
 */
function deliverOutbox(deps: SweepDeps): DeliveryReport {
  let total = NO_MAIL;
  const tried = new Set<string>();
  while (!timeIsShort(deps) && deps.lock.tryAcquire(LOCK_WAIT_MS)) {
    let more = false;
    try {
      const untried = deps.outbox.pending().filter((entry) => !tried.has(entry.key));
      const chunk = untried.slice(0, DELIVERY_CHUNK);
      chunk.forEach((entry) => tried.add(entry.key));
      const report = deliverMail(chunk, deps);
      total = addReports(total, report);
      more = untried.length > chunk.length && report.deferred === 0;
    } finally {
      deps.lock.release();
    }
    if (!more) break;
  }
  return total;
}

function phase<T>(name: string, failures: string[], deps: SweepDeps, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    failures.push(message);
    deps.log.error(`Barrido, ${message}`);
    return fallback;
  }
}

export function runSweep(deps: SweepDeps): SweepReport {
  const failures: string[] = [];
  const { reconciled, deferred, stoppedEarly } = phase(
    'conciliación',
    failures,
    deps,
    { reconciled: [], deferred: 0, stoppedEarly: false },
    () => reconcile(deps),
  );
  const clocksUpdated = stoppedEarly
    ? 0
    : phase('términos', failures, deps, 0, () => refreshClocks(deps));
  const mail = phase('correo', failures, deps, NO_MAIL, () => deliverOutbox(deps));
  return { reconciled, deferred, clocksUpdated, mail, stoppedEarly, failures };
}
