// Sends queued mail within the daily quota and the execution's time; what cannot go now stays
// pending for the next sweep. Callers hold the entity's lock, so two executions never send the
// same entry: the outbox row is marked sent before the lock is released.
import type { Clock, Logger } from '../ports/entity-state';
import type { Mailer, Outbox, OutboxEntry } from '../ports/mail';
import { formatMessage } from '../core/messages';

/** After this many failed attempts an entry stops retrying and is flagged for staff. */
export const MAX_ATTEMPTS = 5;
/** Do not start a send with less than this left of the execution. */
export const SEND_RESERVE_MS = 30 * 1000;

export interface DeliveryReport {
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
}

export interface DeliveryDeps {
  readonly mailer: Mailer;
  readonly outbox: Outbox;
  readonly log: Logger;
  readonly clock: Clock;
}

export function addReports(a: DeliveryReport, b: DeliveryReport): DeliveryReport {
  return { sent: a.sent + b.sent, deferred: a.deferred + b.deferred, failed: a.failed + b.failed };
}

export function deliverMail(entries: readonly OutboxEntry[], deps: DeliveryDeps): DeliveryReport {
  const changed: OutboxEntry[] = [];
  const pending = entries.filter((entry) => entry.status === 'pendiente');
  let quota = pending.length > 0 ? deps.mailer.remainingDailyQuota() : 0;
  let sent = 0;
  let deferred = 0;
  let failed = 0;
  for (const entry of pending) {
    if (quota < 1 || deps.clock.remainingMs() < SEND_RESERVE_MS) {
      deferred += 1;
      if (quota < 1 && entry.lastError !== 'MAIL_QUOTA_EXHAUSTED')
        changed.push({ ...entry, lastError: 'MAIL_QUOTA_EXHAUSTED' });
      continue;
    }
    const now = new Date(deps.clock.now()).toISOString();
    try {
      deps.mailer.send(entry);
      quota -= 1;
      sent += 1;
      changed.push({
        ...entry,
        status: 'enviado',
        attempts: entry.attempts + 1,
        sentAt: now,
        lastError: '',
      });
    } catch (error) {
      const attempts = entry.attempts + 1;
      const reason = error instanceof Error ? error.message : String(error);
      failed += 1;
      deps.log.error(formatMessage('MAIL_SEND_FAILED', { error: reason }));
      changed.push({
        ...entry,
        attempts,
        status: attempts >= MAX_ATTEMPTS ? 'fallido' : 'pendiente',
        lastError: reason,
      });
    }
  }
  if (changed.length > 0) deps.outbox.record(changed);
  return { sent, deferred, failed };
}
