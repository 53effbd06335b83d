// Thin adapters from Apps Script services to the use cases' ports.
import type { OutboundMail } from '../core/notifications/mail';
import type { Clock, Logger, Mutex } from '../ports/entity-state';
import type { Mailer } from '../ports/mail';
import type { EntityServices } from './entity-services';

/** Apps Script stops an execution at 6 minutes (quotas page). */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export function entityMutex(services: EntityServices): Mutex {
  return {
    tryAcquire: (timeoutMs) => services.lock.tryLock(timeoutMs),
    // The lock guards the state in the script's properties, which are written at once; the sheet
    // writes under it are appends (appendRow places the row itself) or the acted case's own row.
    // So no SpreadsheetApp.flush() before releasing, as in the Lock reference's own example,
    // which releases the lock before writing its cell.
    release: () => services.lock.releaseLock(),
    releaseAtExit: () => {
      // developers.google.com/apps-script/reference/lock/lock#releaseLock(): released when the script ends.
    },
  };
}

export function executionClock(startedAt: number = Date.now()): Clock {
  return {
    now: () => Date.now(),
    remainingMs: () => EXECUTION_LIMIT_MS - (Date.now() - startedAt),
  };
}

export function mailAppMailer(senderName: string, replyTo = ''): Mailer {
  return {
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
    send: (mail: OutboundMail) => {
      MailApp.sendEmail({
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        name: senderName,
        // Citizens answer to the entity's PQRSD mailbox, not to whoever's account sent it.
        ...(replyTo ? { replyTo } : {}),
      });
    },
  };
}

export const consoleLogger: Logger = {
  info: (message) => console.info(message),
  error: (message) => console.error(message),
};
