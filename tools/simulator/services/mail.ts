// MailApp: records every sent message and enforces the per-user recipient quota and the
// per-message limits. Nothing leaves the machine.
import { type Execution, ScriptError } from '../kernel';
import { readBlob } from './utilities-blob';

/** Quotas page: 100 recipients/day for consumer accounts (1,500 for Workspace; configurable). */
export const DEFAULT_DAILY_RECIPIENTS = 100;
/** Quotas page: "Email recipients per message 50". */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** Quotas page: "Email body size 200 KB / msg" for consumer accounts (400 KB for Workspace). */
export const DEFAULT_MAX_BODY_BYTES = 200 * 1024;
/** Gmail's subject cap as reported with "Argument too large: subject" (community error catalogues). */
export const MAX_SUBJECT_CHARS = 250;
/** Quotas page: quotas reset 24 hours after the first request of the window. */
export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface SentAttachment {
  readonly name: string | null;
  readonly contentType: string | null;
  readonly size: number;
}

export interface SentMail {
  /** The effective user: installable triggers send as their creator (mail-app reference). */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
  readonly replyTo?: string;
  readonly noReply?: boolean;
  readonly attachments?: readonly SentAttachment[];
  readonly sentAtMs: number;
  /** The execution that sent it, for reports. */
  readonly execution: string;
}

interface QuotaWindow {
  startMs: number;
  used: number;
}

export interface MailStoreOptions {
  readonly defaultDailyQuota?: number;
  readonly maxBodyBytes?: number;
}

/** Every mail sent in the scenario, plus the rolling recipient quota of each sending user. */
export class MailStore {
  readonly sent: SentMail[] = [];
  maxBodyBytes: number;
  private readonly defaultQuota: number;
  private readonly quotas = new Map<string, number>();
  private readonly windows = new Map<string, QuotaWindow>();

  constructor(options: MailStoreOptions = {}) {
    this.defaultQuota = options.defaultDailyQuota ?? DEFAULT_DAILY_RECIPIENTS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  }

  setDailyQuota(user: string, recipients: number): void {
    this.quotas.set(user, recipients);
  }

  dailyQuota(user: string): number {
    return this.quotas.get(user) ?? this.defaultQuota;
  }

  /** Recipients `user` may still send to at `nowMs`. */
  remaining(user: string, nowMs: number): number {
    return Math.max(0, this.dailyQuota(user) - this.usedInWindow(user, nowMs));
  }

  /** Counts recipients against the window that opened with the user's first send. */
  consume(user: string, recipients: number, nowMs: number): void {
    const window = this.windows.get(user);
    if (!window || nowMs >= window.startMs + QUOTA_WINDOW_MS) {
      this.windows.set(user, { startMs: nowMs, used: recipients });
    } else {
      window.used += recipients;
    }
  }

  record(mail: SentMail): void {
    this.sent.push(mail);
  }

  /** Mails whose to/cc/bcc include `address` (case-insensitive), for tests. */
  sentTo(address: string): SentMail[] {
    const wanted = address.toLowerCase();
    return this.sent.filter((m) =>
      [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === wanted),
    );
  }

  private usedInWindow(user: string, nowMs: number): number {
    const window = this.windows.get(user);
    if (!window || nowMs >= window.startMs + QUOTA_WINDOW_MS) return 0;
    return window.used;
  }
}

export interface MailMessage {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: Record<string, unknown>;
}

export interface MailAppApi {
  sendEmail(message: MailMessage): void;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(recipient: string, subject: string, body: string, options: MailMessage): void;
  sendEmail(recipient: string, replyTo: string, subject: string, body: string): void;
  getRemainingDailyQuota(): number;
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** Splits a comma-separated recipient string; "Name <addr>" entries keep only the address. */
export function parseRecipients(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  return String(raw)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => /<([^<>]*)>\s*$/.exec(part)?.[1]?.trim() ?? part);
}

function normalize(args: readonly unknown[]): MailMessage {
  const [first, second, third, fourth] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null) {
    return { ...(first as MailMessage) };
  }
  // apps-script/reference/mail/mail-app#sendEmail(String,String,String,String): (to, replyTo, subject, body).
  if (typeof fourth === 'string') {
    return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
  }
  const options = typeof fourth === 'object' && fourth !== null ? (fourth as MailMessage) : {};
  return {
    ...options,
    to: first === undefined ? undefined : String(first),
    subject: second === undefined ? undefined : String(second),
    body: third === undefined ? undefined : String(third),
  };
}

function attachmentsOf(list: unknown): SentAttachment[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((item) => {
    const blob = readBlob(item);
    return blob
      ? { name: blob.name, contentType: blob.contentType, size: blob.bytes.length }
      : { name: null, contentType: null, size: 0 };
  });
}

/** Builds the `MailApp` global for one execution. */
export function createMailApp(exec: Execution, store: MailStore): MailAppApi {
  function sendEmail(...args: unknown[]): void {
    const message = normalize(args);
    const to = parseRecipients(message.to);
    const cc = parseRecipients(message.cc);
    const bcc = parseRecipients(message.bcc);
    const all = [...to, ...cc, ...bcc];
    exec.charge('MailApp.sendEmail', all.length);
    // apps-script/guides/triggers#restrictions: simple triggers cannot use services needing authorization.
    exec.requireAuthorization('MailApp.sendEmail');
    // Community error catalogues (e.g. ErrorHandler's list of Apps Script messages): no recipient at all.
    if (all.length === 0) throw new ScriptError('Failed to send email: no recipient');
    for (const address of all) {
      // Same catalogues: a malformed address fails the whole send with "Invalid email: <address>".
      if (!ADDRESS.test(address)) throw new ScriptError(`Invalid email: ${address}`);
    }
    // apps-script/guides/services/quotas: 50 recipients per message (to + cc + bcc).
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) {
      throw new ScriptError('Limit Exceeded: Email Recipients Per Message.');
    }
    const subject =
      message.subject === undefined || message.subject === null ? '' : String(message.subject);
    // Gmail caps subjects; Apps Script reports "Argument too large: subject" (community catalogues).
    if (subject.length > MAX_SUBJECT_CHARS) throw new ScriptError('Argument too large: subject');
    const body = message.body === undefined || message.body === null ? '' : String(message.body);
    const htmlBody = message.htmlBody === undefined ? undefined : String(message.htmlBody);
    // apps-script/guides/services/quotas: email body size 200 KB per message (body plus HTML body).
    const bodyBytes = Buffer.byteLength(body, 'utf8') + Buffer.byteLength(htmlBody ?? '', 'utf8');
    if (bodyBytes > store.maxBodyBytes) throw new ScriptError('Limit Exceeded: Email Body Size.');
    const user = exec.effectiveUser;
    // apps-script/guides/services/quotas: recipients per day, counted per recipient, per sending user.
    if (store.remaining(user, exec.now()) < all.length) {
      throw new ScriptError('Service invoked too many times for one day: email.');
    }
    store.consume(user, all.length, exec.now());
    const attachments = attachmentsOf(message.attachments);
    store.record({
      from: user,
      to,
      cc,
      bcc,
      subject,
      body,
      ...(htmlBody === undefined ? {} : { htmlBody }),
      ...(message.name === undefined ? {} : { name: String(message.name) }),
      ...(message.replyTo === undefined ? {} : { replyTo: String(message.replyTo) }),
      ...(message.noReply === undefined ? {} : { noReply: Boolean(message.noReply) }),
      ...(attachments === undefined ? {} : { attachments }),
      sentAtMs: exec.now(),
      execution: exec.name,
    });
  }

  return {
    sendEmail: sendEmail as MailAppApi['sendEmail'],
    getRemainingDailyQuota() {
      exec.charge('MailApp.getRemainingDailyQuota');
      // MailApp needs the script.send_mail scope, so it is unavailable to simple triggers too (inference).
      exec.requireAuthorization('MailApp.getRemainingDailyQuota');
      // apps-script/reference/mail/mail-app#getRemainingDailyQuota(): recipients left today.
      return store.remaining(exec.effectiveUser, exec.now());
    },
  };
}
