// Radicates one submission exactly once per idempotency key, under the entity's lock. The hot path
// reads the state once, writes it once (the number is taken before the row exists, so a failure
// can burn a number but never repeat one), appends the case row in one call, releases the lock and
// only then sends the acknowledgement, which was marked sent under the lock so no other execution
// sends it too. The Historial lines of the radication wait in the state and are folded into the
// Historial by the next sweep; the row already carries the head of its hash chain.
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import type { CaseRecord, Channel } from '../core/cases/case-record';
import { followUpToken } from '../core/cases/case-seal';
import { radicationLines } from '../core/cases/radication-lines';
import { computeCaseClock, type CaseClock } from '../core/clock/case-clock';
import { formatMessage } from '../core/messages';
import { contactOf, maskPetitioner, scrubAddress } from '../core/privacy/contact-data';
import type { Petitioner } from '../core/cases/case-record';
import {
  normalizeSubmission,
  type NormalizedSubmission,
  type RawAnswers,
} from '../core/intake/normalize-submission';
import {
  answersFromPrefilledUrl,
  missingRequiredQuestions,
  readEntryMap,
  type EntryMap,
} from '../core/intake/prefilled-url';
import { textsOf } from '../core/notifications/act-notices';
import { planAcknowledgement } from '../core/notifications/intake-mails';
import { formatRadicado } from '../core/radicado';
import { routeCase, turnKey, type RoutingDecision } from '../core/routing/route-case';
import {
  filingKey,
  mailKey,
  STATE_KEY,
  type EntityStateRecord,
  type FilingEntry,
  type MailEntry,
} from '../core/state/entity-state';
import type { CaseStore, HistoryLog } from '../ports/case-store';
import type { EntityConfig } from '../ports/config-source';
import type { Mailer, OutboxLog } from '../ports/mail';
import type { Mutex } from '../ports/entity-state';
import { loadState, RECONCILE_OVERLAP_MS, type StateDeps } from './entity-state-access';
import {
  afterAttempt,
  followUpLink,
  formatLocalInstant,
  newMailEntry,
  trySend,
} from './mail-delivery';

export { formatLocalInstant } from './mail-delivery';

/** How long a submission waits for the entity's lock before it is left for the sweep. */
export const LOCK_WAIT_MS = 30000;

export interface IntakeDeps extends StateDeps {
  readonly config: EntityConfig;
  readonly cases: CaseStore;
  readonly history: HistoryLog;
  readonly outboxLog: OutboxLog;
  readonly mailer: Mailer;
  readonly lock: Mutex;
}

export interface IntakeRequest {
  /** Idempotency key: derived from the form response, or `verbal:<request id>` for verbal filings. */
  readonly key: string;
  readonly receivedAt: number;
  /** The answers by field code (verbal filings); form responses give `prefilledUrl` instead. */
  readonly answers?: RawAnswers;
  /** A form response's prefilled URL, read under the lock with the entry map setup learnt. */
  readonly prefilledUrl?: string;
  readonly channel: Channel;
  readonly by: string;
  readonly missingQuestions?: readonly string[];
}

export type IntakeOutcome =
  | { readonly status: 'radicated'; readonly radicado: string; readonly mailsSent: number }
  | { readonly status: 'duplicate'; readonly radicado: string }
  | { readonly status: 'deferred'; readonly code: 'LOCK_TIMEOUT' | 'FORM_NOT_CONFIGURED' };

/** An instant to the second, as a cell shows it, so a line's hash survives the round trip. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

function buildRecord(
  request: IntakeRequest,
  submission: NormalizedSubmission,
  missingQuestions: readonly string[],
  parts: { radicado: string; clock: CaseClock; route: RoutingDecision; tokenHash: string },
): CaseRecord {
  const alerts = submission.alerts.map((alert) => formatMessage(alert.code, alert.details));
  for (const missing of missingQuestions)
    alerts.push(formatMessage('FORM_ITEM_MISSING', { field: missing }));
  return {
    radicado: parts.radicado,
    receivedAt: new Date(request.receivedAt).toISOString(),
    channel: request.channel,
    declaredType: submission.declaredType,
    type: submission.type,
    subject: submission.subject,
    description: submission.description,
    // Staff see a masked contact (and no reserved name); the data store keeps the rest (Ley 1581).
    petitioner: maskPetitioner(submission.petitioner),
    priority: submission.priority,
    differentialGroup: submission.differentialGroup,
    consent: submission.consent,
    dependency: parts.route.dependency,
    assignee: parts.route.assignee,
    status: 'radicado',
    effectiveReceiptDate: parts.clock.effectiveReceiptDate,
    dueDate: parts.clock.dueDate,
    businessDaysLeft: parts.clock.businessDaysLeft,
    extendedTo: '',
    answeredAt: '',
    notes: '',
    alerts,
    responseId: request.key,
    tokenHash: parts.tokenHash,
    events: [],
    chainHead: '',
  };
}

export function radicateSubmission(deps: IntakeDeps, request: IntakeRequest): IntakeOutcome {
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) {
    deps.log.error(`${formatMessage('LOCK_TIMEOUT')} (respuesta ${request.key})`);
    return { status: 'deferred', code: 'LOCK_TIMEOUT' };
  }
  let ack: { entry: MailEntry; mail: ReturnType<typeof planAcknowledgement> } | null = null;
  let outcome: IntakeOutcome;
  try {
    const { state, record: current } = loadState(deps, true);
    const known = state.filings.get(request.key);
    if (known && !known.failed) return { status: 'duplicate', radicado: known.radicado };
    const fromForm = !request.key.startsWith('verbal:');
    if (
      !known &&
      fromForm &&
      current.checkpoint !== null &&
      request.receivedAt < current.checkpoint - RECONCILE_OVERLAP_MS
    ) {
      // Older than every sweep's window: the sweeps have seen it, so it was radicated then.
      deps.log.info(
        `Respuesta ${request.key} anterior a la última conciliación: no se radica otra vez.`,
      );
      return { status: 'duplicate', radicado: '' };
    }
    let answers: RawAnswers = request.answers ?? {};
    let missingQuestions: readonly string[] = request.missingQuestions ?? [];
    if (request.prefilledUrl !== undefined) {
      const entries = readEntryMap(state.raw);
      if (!entries) {
        // A lost store also lost the entry map: the sweep repairs the form set-up, then radicates.
        deps.log.error(`${formatMessage('FORM_NOT_CONFIGURED')} (respuesta ${request.key})`);
        return { status: 'deferred', code: 'FORM_NOT_CONFIGURED' };
      }
      answers = answersFromPrefilledUrl(request.prefilledUrl, entries);
      missingQuestions = missingRequiredQuestions(answers);
    }
    const { settings } = deps.config;
    const submission = normalizeSubmission(answers, settings);
    const year = Number(bogotaDateOf(request.receivedAt).slice(0, 4));
    const number = (current.counters[String(year)] ?? 0) + 1;
    const radicado = formatRadicado({
      prefix: settings.radicadoPrefix ? settings.daneCode : '',
      year,
      number,
    });
    const clock = computeCaseClock({
      type: submission.type,
      receivedAt: request.receivedAt,
      events: [],
      today: bogotaDateOf(deps.clock.now()),
      settings,
      calendar: createBusinessCalendar(deps.config.calendar),
    });
    const route = routeCase(
      {
        type: submission.type,
        subject: submission.subject,
        description: submission.description,
        declaredDependency: submission.declaredDependency,
      },
      deps.config.routing,
      deps.config.staff,
      settings.defaultDependency,
      { turns: current.turns, loadByAssignee: current.load },
    );
    const token = followUpToken(current.secret, radicado);
    const nowIso = isoSeconds(deps.clock.now());
    const base = buildRecord(request, submission, missingQuestions, {
      radicado,
      clock,
      route,
      tokenHash: deps.tokens.hash(token),
    });
    const facts = { key: request.key, by: request.by, at: nowIso, reason: route.reason };
    const lines = radicationLines(current.secret, base, facts);
    const record: CaseRecord = { ...base, chainHead: lines[lines.length - 1].hash };

    // The acknowledgement is claimed in the filing itself (sent right after the lock); it and the
    // assignee's notice become outbox records when the sweep folds the filing in, so the hot path
    // writes one small entry per filing.
    if (submission.emailDeliverable) {
      // The citizen's own mail is addressed and greets them from what they typed, in hand here.
      const context = {
        entityName: settings.name,
        receivedLocal: formatLocalInstant(request.receivedAt),
        termDays: clock.termDays,
        followUpLink: followUpLink(settings.followUpUrl, radicado, token),
        texts: textsOf(settings, deps.config.templates),
      };
      const mail = planAcknowledgement({ ...record, petitioner: submission.petitioner }, context);
      // What the outbox sheet may record of it is planned from the row as staff see it (a
      // template may put the name in the subject; a reserved one must not reach the sheet).
      const shown = planAcknowledgement(record, context);
      ack = {
        entry: newMailEntry(
          'acuse',
          mail.key,
          radicado,
          record.petitioner.email,
          shown.subject,
          nowIso,
        ),
        mail,
      };
    }
    const burnt = [...(known?.burnt ?? [])];
    if (known?.failed)
      burnt.push({ radicado: known.radicado, at: known.at ?? nowIso, reason: known.failed });
    const filing: FilingEntry = {
      radicado,
      receivedAt: request.receivedAt,
      channel: request.channel,
      seq: current.appends + 1,
      by: request.by,
      at: nowIso,
      reason: route.reason,
      dueDate: record.dueDate,
      dependency: record.dependency,
      assignee: record.assignee,
      head: record.chainHead,
      ...(ack ? { ack: record.petitioner.email } : {}),
      // Until the review moves it to the data store (intake does not open a second spreadsheet).
      ...(hasContact(submission.petitioner)
        ? { contact: contactOf(radicado, submission.petitioner, nowIso) }
        : {}),
      journaled: false,
      ...(burnt.length > 0 ? { burnt } : {}),
    };
    const values: Record<string, string> = {
      [STATE_KEY]: JSON.stringify({
        ...current,
        counters: { ...current.counters, [String(year)]: number },
        appends: current.appends + 1,
        ...routingMemory(current, route),
      }),
      [filingKey(request.key)]: JSON.stringify(filing),
    };
    deps.store.write(values);
    try {
      deps.cases.append(record);
    } catch (error) {
      ack = null;
      const reason = error instanceof Error ? error.message : String(error);
      // The number is burnt (the sweep says so in the Historial); the response is radicated again.
      // The append never happened: the row prediction of later filings must not count it.
      const failed: Record<string, string> = {
        [STATE_KEY]: JSON.stringify({
          ...current,
          counters: { ...current.counters, [String(year)]: number },
        }),
        [filingKey(request.key)]: JSON.stringify({
          ...filing,
          ack: undefined,
          // The response is radicated again under a new number, with its own copy of the data.
          contact: undefined,
          seq: 0,
          failed: reason,
        }),
      };
      deps.store.write(failed);
      throw error;
    }
    if (submission.longTexts.length > 0) {
      try {
        deps.cases.saveLongTexts(radicado, submission.longTexts);
      } catch (error) {
        // The case is radicated and its cell keeps the text's start: say so, and still acknowledge.
        deps.log.error(
          `${radicado}: el texto completo no se guardó en Textos largos (${error instanceof Error ? error.message : String(error)}).`,
        );
      }
    }
    outcome = { status: 'radicated', radicado, mailsSent: 0 };
  } finally {
    deps.lock.release();
  }
  if (!ack) return outcome;
  // Sent after the lock is released: the lock is held for the writes only, so a burst of filings
  // queues behind writes, not behind mail. The entry already says sent; only a failure is written.
  const tried = trySend(deps.mailer, ack.mail);
  if (tried.ok) return { ...outcome, mailsSent: 1 };
  // MailApp's error may quote the address; the log and the outbox show it masked.
  const sent = { ...tried, error: scrubAddress(tried.error, ack.mail.to, ack.entry.to) };
  const entry = afterAttempt({ ...ack.entry, attempts: 0 }, sent, isoSeconds(deps.clock.now()));
  deps.log.error(
    `${outcome.status === 'radicated' ? outcome.radicado : ''}: ${formatMessage('MAIL_SEND_FAILED', { error: sent.error })}`,
  );
  // Written under the lock (this path only), so a review rewriting the store cannot drop it.
  const locked = deps.lock.tryAcquire(LOCK_WAIT_MS);
  try {
    deps.store.write({ [mailKey(entry.key)]: JSON.stringify(entry) });
  } finally {
    if (locked) deps.lock.release();
  }
  return outcome;
}

/** Whether a filing leaves anything for the data store (an anonymous one may leave an email). */
function hasContact(p: Petitioner): boolean {
  return [p.name, p.idNumber, p.email, p.phone, p.address].some((v) => v !== '');
}

/** The turn and the load a filing's assignment moves (round_robin and least_loaded read them). */
function routingMemory(
  current: EntityStateRecord,
  route: RoutingDecision,
): Pick<EntityStateRecord, 'turns' | 'load'> {
  const who = route.assignee.toLowerCase();
  if (!who) return {};
  return {
    turns: { ...(current.turns ?? {}), [turnKey(route.dependency)]: route.assignee },
    load: { ...(current.load ?? {}), [who]: (current.load?.[who] ?? 0) + 1 },
  };
}

/**
 * The case a form filing was radicated as, built again from its form response and what the
 * filing kept (number, route, time): for a row deleted or edited by hand before the sweep wrote
 * its Historial lines. Null when the filing does not keep enough (an older filing) or the entry
 * map is gone. The caller checks the chain head against the filing's.
 */
export function rebuildRadicatedRecord(
  deps: IntakeDeps,
  secret: string,
  key: string,
  filing: FilingEntry,
  prefilledUrl: string,
  entries: EntryMap,
): CaseRecord | null {
  if (!filing.dueDate || filing.dependency === undefined || !filing.at) return null;
  const answers = answersFromPrefilledUrl(prefilledUrl, entries);
  const { settings } = deps.config;
  const submission = normalizeSubmission(answers, settings);
  const clock = computeCaseClock({
    type: submission.type,
    receivedAt: filing.receivedAt,
    events: [],
    today: bogotaDateOf(deps.clock.now()),
    settings,
    calendar: createBusinessCalendar(deps.config.calendar),
  });
  const route: RoutingDecision = {
    dependency: filing.dependency,
    assignee: filing.assignee ?? '',
    reason: filing.reason ?? '',
  };
  const request: IntakeRequest = {
    key,
    receivedAt: filing.receivedAt,
    channel: filing.channel,
    by: filing.by ?? '',
  };
  const base = buildRecord(request, submission, missingRequiredQuestions(answers), {
    radicado: filing.radicado,
    clock: { ...clock, dueDate: filing.dueDate },
    route,
    tokenHash: deps.tokens.hash(followUpToken(secret, filing.radicado)),
  });
  const lines = radicationLines(secret, base, {
    key,
    by: filing.by ?? '',
    at: filing.at,
    reason: filing.reason ?? '',
  });
  return { ...base, chainHead: lines[lines.length - 1].hash };
}
