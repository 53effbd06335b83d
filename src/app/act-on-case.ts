// A clerk's act on one case: check who acts, lock, read the one row, check it is the version the
// clerk saw, transition, then write the row and its Historial line; if the line cannot be written
// the row is put back, so the two change together or not at all. A row edited by hand (its seal no
// longer matches) or whose events cannot be read is refused, never acted on from a wrong history.
// The act's notices are owed from its Historial line (act-notices.ts), not sent here.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { permissionFor } from '../core/cases/act-rules';
import { applyCaseAction, type CaseAction } from '../core/cases/apply-action';
import type { CaseRecord, CaseStatus } from '../core/cases/case-record';
import { caseSnapshot, chainLine } from '../core/cases/case-seal';
import { fail, ok, type Result } from '../core/errors';
import { parseRadicado } from '../core/radicado';
import { findStaff } from '../core/routing/staff';
import { predictRow, type EntityState } from '../core/state/entity-state';
import { loadState } from './entity-state-access';
import { isoSeconds, LOCK_WAIT_MS, type IntakeDeps } from './intake';

export interface CaseActionRequest {
  readonly radicado: string;
  readonly action: CaseAction;
  readonly by: string;
  /** The case version the clerk saw (`caseVersion`): an act on a case changed since is refused. */
  readonly version: string;
}

export interface CaseActionResult {
  readonly radicado: string;
  readonly status: CaseStatus;
  readonly dueDate: string;
  readonly businessDaysLeft: number;
  /** The case's version after the act. */
  readonly version: string;
  /** Mails the act owes (sent by the desk's next call or the hourly review). */
  readonly notices: number;
}

/**
 * A case's version: the head of its Historial chain, which every act moves and nothing else does
 * (clock refreshes and the review's journaling leave it alone). A case from before the chain has
 * its event count instead.
 */
export function caseVersion(record: Pick<CaseRecord, 'chainHead' | 'events'>): string {
  return record.chainHead ? record.chainHead.slice(0, 16) : `e${record.events.length}`;
}

/** Where the case's row should be: its pending filing's append order, else the anchors. */
export function rowHint(state: EntityState, radicado: string): number | null {
  const parts = parseRadicado(radicado);
  if (!parts) return null;
  let seq: number | null = null;
  for (const filing of state.filings.values())
    if (filing.radicado === radicado && !filing.failed && filing.seq > 0) seq = filing.seq;
  return predictRow(state.anchors, parts.year, parts.number, seq);
}

export function actOnCase(deps: IntakeDeps, request: CaseActionRequest): Result<CaseActionResult> {
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) return fail('LOCK_TIMEOUT');
  try {
    const { state, record: current } = loadState(deps, true);
    const member = findStaff(deps.config.staff, request.by);
    if (!member) return fail('NOT_STAFF');
    const located = deps.cases.locate(request.radicado, rowHint(state, request.radicado));
    if (!located) return fail('CASE_NOT_FOUND', { radicado: request.radicado });
    if (!located.readable) return fail('CASE_UNREADABLE', { radicado: request.radicado });
    if (!located.sealOk) return fail('CASE_TAMPERED', { radicado: request.radicado });
    const allowed = permissionFor(
      member,
      located.record,
      request.action.kind,
      deps.config.settings.supervisorEmails,
    );
    if (!allowed.ok)
      return fail(allowed.code ?? 'NOT_ALLOWED', {
        radicado: request.radicado,
        why: allowed.why ?? '',
      });
    if (!request.version) return fail('INVALID_PAYLOAD', { field: 'version' });
    if (request.version !== caseVersion(located.record))
      return fail('STALE_CASE', { radicado: request.radicado });
    const nowIso = isoSeconds(deps.clock.now());
    const outcome = applyCaseAction(located.record, request.action, {
      nowIso,
      by: member.email,
      settings: deps.config.settings,
      calendar: createBusinessCalendar(deps.config.calendar),
      staff: deps.config.staff,
    });
    if (!outcome.ok) return outcome;
    const line = chainLine(current.secret, located.record.chainHead, {
      at: nowIso,
      by: member.email,
      radicado: request.radicado,
      event: outcome.value.event,
      details: outcome.value.details,
    });
    const next = { ...outcome.value.record, chainHead: line.hash };
    deps.cases.write(located.row, next);
    try {
      // The line records the case after the act: what a hand edit of the row is restored to.
      deps.history.appendOne({ ...line, after: caseSnapshot(current.secret, next) });
    } catch (error) {
      deps.log.error(
        `${request.radicado}: Historial no escrito (${error instanceof Error ? error.message : String(error)}); se restaura la fila.`,
      );
      deps.cases.write(located.row, located.record);
      return fail('HISTORY_WRITE_FAILED', { radicado: request.radicado });
    }
    return ok({
      radicado: next.radicado,
      status: next.status,
      dueDate: next.dueDate,
      businessDaysLeft: next.businessDaysLeft,
      version: caseVersion(next),
      notices: outcome.value.notices.length,
    });
  } finally {
    // The gateway returns right after the act: the lock goes with the execution's end.
    deps.lock.releaseAtExit();
  }
}
