// The mailer and the record of mail kept in `Bandeja de salida`.
import type { OutboundMail } from '../core/notifications/mail';
import type { MailEntry } from '../core/state/entity-state';

export interface Mailer {
  remainingDailyQuota(): number;
  /** Throws when MailApp refuses (quota, invalid address…). */
  send(mail: OutboundMail): void;
}

/** `Bandeja de salida`: one row per mail, found by its key, never by a saved row number. */
export interface OutboxLog {
  record(entries: readonly MailEntry[]): void;
  /** Every key the sheet holds (one read): mail queued once is never queued again. */
  keys(): Set<string>;
}
