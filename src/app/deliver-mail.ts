// Sends queued mail within the daily quota; what cannot go now stays pending for the next sweep.
import type { Logger } from '../ports/entity-state';
import type { Mailer, Outbox, OutboxEntry } from '../ports/mail';
import { formatMessage } from '../core/messages';

/** After this many failed attempts an entry stops retrying and is flagged for staff. */
export const MAX_ATTEMPTS = 5;

export interface DeliveryReport {
  readonly sent: number;
  readonly deferred: number;
  readonly failed: number;
}

export function deliverMail(
  entries: readonly OutboxEntry[],
  deps: {
    readonly mailer: Mailer;
    readonly outbox: Outbox;
    readonly log: Logger;
    readonly now: () => string;
  },
): DeliveryReport {
  const changed: OutboxEntry[] = [];
  let quota = entries.length > 0 ? deps.mailer.remainingDailyQuota() : 0;
  let sent = 0;
  let deferred = 0;
  let failed = 0;
  for (const entry of entries) {
    if (entry.status !== 'pendiente') continue;
    if (quota < 1) {
      deferred += 1;
      if (entry.lastError !== 'MAIL_QUOTA_EXHAUSTED')
        changed.push({ ...entry, lastError: 'MAIL_QUOTA_EXHAUSTED' });
      continue;
    }
    try {
      deps.mailer.send(entry);
      quota -= 1;
      sent += 1;
      changed.push({
        ...entry,
        status: 'enviado',
        attempts: entry.attempts + 1,
        sentAt: deps.now(),
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
