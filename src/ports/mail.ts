// The outbox (durable queue of mails) and the mailer that sends within the daily quota.
import type { OutboundMail } from '../core/notifications/mail';

export type OutboxStatus = 'pendiente' | 'enviado' | 'fallido' | 'omitido';

export interface OutboxEntry extends OutboundMail {
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly sentAt: string;
  readonly lastError: string;
  /** Where the adapter keeps it (a sheet row); opaque to use cases. */
  readonly ref: number;
}

export interface Outbox {
  /** Queues mails whose keys are not queued yet; returns the entries created. */
  enqueue(mails: readonly OutboundMail[], now: string): OutboxEntry[];
  /** Pending entries in queue order. */
  pending(): OutboxEntry[];
  /** Writes back status changes in one batch. */
  record(entries: readonly OutboxEntry[]): void;
}

export interface Mailer {
  remainingDailyQuota(): number;
  send(mail: OutboundMail): void;
}
