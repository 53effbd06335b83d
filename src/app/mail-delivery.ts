// Mail as the state keeps it (kind, case, recipient) is rendered from the case when it is sent, so
// the follow-up token is never stored anywhere: it is derived from the entity's secret.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { clockOfCase } from '../core/cases/case-clock-input';
import type { CaseRecord } from '../core/cases/case-record';
import { followUpToken } from '../core/cases/case-seal';
import { escapeHtml } from '../core/intake/normalize-text';
import type { MailKind, OutboundMail } from '../core/notifications/mail';
import { planAcknowledgement, planAssignmentNotice } from '../core/notifications/intake-mails';
import {
  NOTICE_EVENT_OF_KIND,
  planNoticesOfEvent,
  textsOf,
} from '../core/notifications/act-notices';
import type { MailEntry } from '../core/state/entity-state';
import { unmaskPetitioner, type ContactRecord } from '../core/privacy/contact-data';
import type { EntityConfig } from '../ports/config-source';
import type { Mailer } from '../ports/mail';

/** Do not start a send with less than this left of the execution. */
export const SEND_RESERVE_MS = 30 * 1000;
/** After this many failed attempts an entry stops retrying and is flagged for staff. */
export const MAX_ATTEMPTS = 5;

export { formatLocalInstant } from '../core/cases/radication-lines';
import { formatLocalInstant } from '../core/cases/radication-lines';

export function followUpLink(baseUrl: string, radicado: string, token: string): string {
  if (!baseUrl) return '';
  const glue = baseUrl.includes('?') ? '&' : '?';
  return `${baseUrl}${glue}r=${encodeURIComponent(radicado)}&t=${encodeURIComponent(token)}`;
}

export interface RenderContext {
  readonly config: EntityConfig;
  readonly secret: string;
  /** SHA-256 of a token, to tell whether the case's stored link still matches this secret. */
  readonly hash: (token: string) => string;
  readonly today: string;
  /** Where staff open this mail's case ('' when unknown). */
  readonly caseLink?: string;
}

/** The mail an entry stands for, from its case (null when the case is needed and missing). */
export function renderMail(
  entry: MailEntry,
  masked: CaseRecord | null,
  ctx: RenderContext,
  contact: ContactRecord | null = null,
): OutboundMail | null {
  const { settings } = ctx.config;
  // The citizen's own mail (and a transfer's letter) is rendered from the data store: their name,
  // their address. Staff mail is rendered from the row as staff see it.
  const record =
    masked && contact
      ? { ...masked, petitioner: unmaskPetitioner(masked.petitioner, contact) }
      : masked;
  const to = contact && entry.kind !== 'traslado_entidad' ? contact.email : entry.to;
  if (entry.body !== undefined) {
    return {
      key: entry.key,
      radicado: entry.radicado,
      kind: entry.kind,
      to: entry.to,
      subject: entry.subject,
      body: entry.body,
      htmlBody: entry.body
        .split('\n')
        .map((line) => (line ? `<p>${escapeHtml(line)}</p>` : ''))
        .join('\n'),
    };
  }
  if (!record) return null;
  if (entry.kind === 'acuse') {
    const token = followUpToken(ctx.secret, record.radicado);
    // A store rebuilt with a new secret cannot reproduce an earlier case's link: leave it out.
    const link =
      ctx.hash(token) === record.tokenHash
        ? followUpLink(settings.followUpUrl, record.radicado, token)
        : '';
    const clock = clockOfCase(record, {
      today: ctx.today,
      settings,
      calendar: createBusinessCalendar(ctx.config.calendar),
    });
    return {
      ...planAcknowledgement(record, {
        entityName: settings.name,
        receivedLocal: formatLocalInstant(Date.parse(record.receivedAt)),
        termDays: clock.termDays,
        followUpLink: link,
        texts: textsOf(settings, ctx.config.templates),
      }),
      key: entry.key,
      to,
    };
  }
  const eventKind = NOTICE_EVENT_OF_KIND[entry.kind];
  if (entry.eventAt && eventKind) {
    // An act's notice: planned again from the case and the act's event, with the citizen's link.
    const token = followUpToken(ctx.secret, record.radicado);
    const link =
      ctx.hash(token) === record.tokenHash
        ? followUpLink(settings.followUpUrl, record.radicado, token)
        : '';
    const planned = planNoticesOfEvent(record, eventKind, entry.eventAt, {
      settings,
      calendar: createBusinessCalendar(ctx.config.calendar),
      followUpLink: link,
      templates: ctx.config.templates,
      caseLink: ctx.caseLink,
    });
    // Queued before citizen notices were keyed without the address (`…:peticionario`): the same
    // kind of the same act is the same notice.
    const prefix = `${entry.kind}:${record.radicado}:${entry.eventAt}:`;
    return (
      planned.find((mail) => mail.key === entry.key) ??
      planned.find(
        (mail) =>
          mail.kind === entry.kind &&
          mail.kind !== 'asignacion' &&
          mail.kind !== 'traslado_entidad' &&
          mail.key.startsWith(prefix) &&
          entry.key.startsWith(prefix),
      ) ??
      null
    );
  }
  if (entry.kind === 'asignacion')
    return {
      ...planAssignmentNotice(record, settings.name, {
        ...textsOf(settings, ctx.config.templates),
        caseLink: ctx.caseLink,
      }),
      key: entry.key,
      to: entry.to,
    };
  return null;
}

/** A mail to send (pending) or, with `sentAt`, one already sent that the outbox must record. */
export function newMailEntry(
  kind: MailKind,
  key: string,
  radicado: string,
  to: string,
  subject: string,
  createdAt: string,
  sentAt = '',
): MailEntry {
  return {
    key,
    radicado,
    kind,
    to,
    subject,
    status: sentAt ? 'enviado' : 'pendiente',
    attempts: sentAt ? 1 : 0,
    createdAt,
    sentAt,
    lastError: '',
    recorded: false,
  };
}

export type SendOutcome =
  { readonly ok: true } | { readonly ok: false; readonly quota: boolean; readonly error: string };

/** MailApp's message when the day's recipients are used up (quotas page wording). */
function isQuotaError(message: string): boolean {
  return /too many times|quota|limit exceeded: email recipients per day/i.test(message);
}

export function trySend(mailer: Mailer, mail: OutboundMail): SendOutcome {
  try {
    mailer.send(mail);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, quota: isQuotaError(message), error: message };
  }
}

/** The entry after a send attempt at `nowIso`. */
export function afterAttempt(entry: MailEntry, outcome: SendOutcome, nowIso: string): MailEntry {
  if (outcome.ok)
    return {
      ...entry,
      status: 'enviado',
      attempts: entry.attempts + 1,
      sentAt: nowIso,
      lastError: '',
      recorded: false,
    };
  if (outcome.quota) return { ...entry, lastError: 'MAIL_QUOTA_EXHAUSTED', recorded: false };
  const attempts = entry.attempts + 1;
  // Back-off: 15 minutes after the first failure, doubling, at most 12 hours.
  const waitMs = Math.min(15 * 60_000 * 2 ** (attempts - 1), 12 * 3600_000);
  return {
    ...entry,
    attempts,
    status:
      attempts >= MAX_ATTEMPTS || /invalid email/i.test(outcome.error) ? 'fallido' : 'pendiente',
    lastError: outcome.error,
    nextAttemptAt: new Date(Date.parse(nowIso) + waitMs).toISOString(),
    recorded: false,
  };
}
