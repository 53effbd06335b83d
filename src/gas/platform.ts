// Thin adapters from Apps Script services to the use cases' ports.
import type { OutboundMail } from '../core/notifications/mail';
import type { Clock, KeyValueStore, Logger, Mutex, Tokens } from '../ports/entity-state';
import type { Mailer } from '../ports/mail';
import type { EntityServices } from './entity-services';

/** Apps Script stops an execution at 6 minutes (quotas page). */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export function propertiesStore(properties: GoogleAppsScript.Properties.Properties): KeyValueStore {
  return {
    get: (key) => properties.getProperty(key),
    set: (key, value) => {
      properties.setProperty(key, value);
    },
  };
}

export function entityMutex(services: EntityServices): Mutex {
  return {
    tryAcquire: (timeoutMs) => services.lock.tryLock(timeoutMs),
    release: () => {
      // Lock reference: flush pending spreadsheet writes before another execution may read them.
      SpreadsheetApp.flush();
      services.lock.releaseLock();
    },
  };
}

export function executionClock(startedAt: number = Date.now()): Clock {
  return {
    now: () => Date.now(),
    remainingMs: () => EXECUTION_LIMIT_MS - (Date.now() - startedAt),
  };
}

function toHex(bytes: readonly number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

export const gasTokens: Tokens = {
  newToken: () => Utilities.getUuid().replace(/-/g, ''),
  hash: (token) =>
    toHex(
      Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, token, Utilities.Charset.UTF_8),
    ),
};

export function mailAppMailer(senderName: string): Mailer {
  return {
    remainingDailyQuota: () => MailApp.getRemainingDailyQuota(),
    send: (mail: OutboundMail) => {
      MailApp.sendEmail({
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        htmlBody: mail.htmlBody,
        name: senderName,
      });
    },
  };
}

export const consoleLogger: Logger = {
  info: (message) => console.info(message),
  error: (message) => console.error(message),
};
