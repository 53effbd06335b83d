// What each clerk's act tells whom: the citizen of an information request (CPACA art. 17), an
// extension (art. 14 parágrafo), a transfer (art. 21, with the forwarding letter to the competent
// entity), the answer and a tacit withdrawal; a new assignee of their case. Planned from the case
// after the act and the act's own event, so the same mail can be planned again at send time.
import type { BusinessCalendar } from '../calendar/business-calendar';
import { addDays, bogotaDateOf, formatDateEs, type CalendarDate } from '../calendar/calendar-date';
import { clockOfCase } from '../cases/case-clock-input';
import type { CaseClock } from '../clock/case-clock';
import type { EntitySettings } from '../settings';
import type { CaseEvent, CaseRecord } from '../cases/case-record';
import { isValidEmail } from '../intake/normalize-submission';
import { isMasked, usableEmail } from '../privacy/contact-data';
import { REQUEST_TYPE_LABELS } from '../request-types';
import { composeMail, type MailTexts } from './compose-mail';
import { caseValues } from './intake-mails';
import type { MailKind, OutboundMail } from './mail';
import type { TemplateKind, TemplateSet } from './templates';

export interface NoticeContext {
  readonly entityName: string;
  /** The citizen's private follow-up link ('' when the entity has no web app yet). */
  readonly followUpLink: string;
  /** The case's clock right after the act (its due date, the month of art. 17). */
  readonly clock: Pick<CaseClock, 'dueDate' | 'desistimientoFrom' | 'explanation'>;
  /** The entity's templates and contact lines (defaults when absent). */
  readonly texts?: Omit<MailTexts, 'entityName'>;
  /** Where staff open the case ('' when unknown). */
  readonly caseLink?: string;
}

/** Can the citizen be written to by email? A valid address they gave (anonymous filings may give one). */
export function citizenEmailOf(record: Pick<CaseRecord, 'petitioner'>): string {
  return usableEmail(record.petitioner.email);
}

/** Did the citizen choose email for the answer? An empty choice with an address counts as email. */
export function answersByEmail(record: Pick<CaseRecord, 'petitioner'>): boolean {
  const chosen = record.petitioner.preferredChannel.trim().toLowerCase();
  return citizenEmailOf(record) !== '' && (chosen === '' || chosen.startsWith('correo'));
}

function lastDayToComplete(clock: NoticeContext['clock']): CalendarDate | null {
  return clock.desistimientoFrom ? addDays(clock.desistimientoFrom, -1) : null;
}

function keyOf(kind: MailKind, record: CaseRecord, event: CaseEvent, to: string): string {
  return `${kind}:${record.radicado}:${event.at}:${to.toLowerCase()}`;
}

/**
 * Who filed, for the competent entity: the name and the contact they gave (the letter is rendered
 * from the data store when it is sent), or only that the identity is reserved.
 */
function petitionerLine(record: CaseRecord): string {
  const p = record.petitioner;
  if (p.anonymous) return 'Anónimo';
  if (p.identityReserved)
    return 'identidad reservada a su solicitud; la entidad le comunicó el traslado para que se dirija a ustedes';
  const contact = [p.email, p.phone, p.address].filter((v) => v !== '').join(', ');
  return `${p.name || '(sin nombre)'}${p.idNumber ? `, ${p.idType || 'documento'} ${p.idNumber}` : ''}${contact ? `. Contacto: ${contact}` : ''}`;
}

/** The forwarding letter (oficio remisorio) of a transfer: to the competent entity, copied to the citizen. */
function forwardingLetter(record: CaseRecord, event: CaseEvent, ctx: NoticeContext): string {
  return [
    `Señores ${event.note}:`,
    `${ctx.entityName} les remite por competencia la solicitud radicada con el número ${record.radicado}, recibida el ${formatDateEs(record.effectiveReceiptDate)} (Ley 1437 de 2011, art. 21).`,
    `Tipo: ${REQUEST_TYPE_LABELS[record.type]}`,
    `Asunto: ${record.subject || '(sin asunto)'}`,
    `Peticionario: ${petitionerLine(record)}`,
    event.reason ? `Motivo del traslado: ${event.reason}` : '',
    '',
    `Texto de la solicitud: ${record.description}`,
  ]
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
}

/** The citizen's notice of an act, or null when the act owes none. */
function citizenNotice(
  record: CaseRecord,
  event: CaseEvent,
  ctx: NoticeContext,
  to: string,
): OutboundMail | null {
  const texts = { ...ctx.texts, entityName: ctx.entityName };
  const values = { ...caseValues(record), enlace_seguimiento: ctx.followUpLink };
  const mail = (kind: TemplateKind, extra: Record<string, string>): OutboundMail =>
    composeMail(
      kind,
      // Keyed without the address: queued with the masked one, sent with the data store's.
      { key: keyOf(kind, record, event, 'peticionario'), radicado: record.radicado, to },
      { ...values, ...extra },
      texts,
    );
  switch (event.kind) {
    case 'info_requested': {
      const lastDay = lastDayToComplete(ctx.clock);
      return mail('solicitud_informacion', {
        falta: event.note || 'la información que le indicará la dependencia.',
        plazo: lastDay ? formatDateEs(lastDay) : '',
      });
    }
    case 'extended':
      return mail('prorroga', {
        motivo: event.reason,
        nueva_fecha: formatDateEs(event.newDueDate),
      });
    case 'transferred':
      return mail('traslado', {
        entidad_destino: event.note ?? '',
        motivo: event.reason ?? '',
        oficio: forwardingLetter(record, event, ctx),
      });
    case 'answered':
      return mail('respuesta', {
        respuesta: [
          event.note ?? '',
          ...(event.accessDenied
            ? [
                '',
                `No es posible dar acceso a la información solicitada. Fundamento: ${event.legalBasis}. Puede insistir en su solicitud ante la entidad, que la enviará al juez competente (Ley 1755 de 2015, arts. 25 y 26).`,
              ]
            : []),
        ].join('\n'),
      });
    case 'desisted': {
      const lastDay = lastDayToComplete(ctx.clock);
      return mail('desistimiento', { plazo: lastDay ? formatDateEs(lastDay) : '' });
    }
    default:
      return null;
  }
}

/**
 * The mails an act causes, from the case after the act and the act's event. Citizen notices go to
 * the address they gave; an answer goes by email only when they chose email. What cannot be mailed
 * is left to the case's alerts (see `undeliveredNotice`).
 */
export function planActNotices(
  record: CaseRecord,
  event: CaseEvent,
  ctx: NoticeContext,
): OutboundMail[] {
  const out: OutboundMail[] = [];
  const texts = { ...ctx.texts, entityName: ctx.entityName };
  if (event.kind === 'assigned') {
    if (!isValidEmail(event.to)) return out;
    out.push(
      composeMail(
        'asignacion',
        {
          key: keyOf('asignacion', record, event, event.to),
          radicado: record.radicado,
          to: event.to,
        },
        {
          ...caseValues(record),
          vence: formatDateEs(ctx.clock.dueDate),
          responsable: event.to,
          motivo: event.note ?? '',
          enlace_caso: ctx.caseLink ?? '',
        },
        texts,
      ),
    );
    return out;
  }
  if (event.kind === 'transferred' && event.email && isValidEmail(event.email)) {
    out.push(
      composeMail(
        'traslado_entidad',
        {
          key: keyOf('traslado_entidad', record, event, event.email),
          radicado: record.radicado,
          to: event.email,
        },
        {
          ...caseValues(record),
          entidad_destino: event.note ?? '',
          motivo: event.reason ?? '',
          oficio: forwardingLetter(record, event, ctx),
        },
        texts,
      ),
    );
  }
  const citizen = citizenEmailOf(record);
  const mayEmail = event.kind === 'answered' ? answersByEmail(record) : citizen !== '';
  if (mayEmail) {
    const notice = citizenNotice(record, event, ctx, citizen);
    if (notice) out.push(notice);
  }
  return out;
}

/** The kinds of act the citizen must hear of (the law's notices). */
const CITIZEN_NOTICE_EVENTS: Readonly<Record<string, string>> = {
  info_requested: 'el requerimiento de información',
  extended: 'la prórroga',
  transferred: 'el traslado',
  desisted: 'el desistimiento',
};

/**
 * The alert a case carries when the citizen must be told of the act by other means (no address, or
 * a printed answer chosen), or null. Example: an answer to someone who chose "Dirección física" →
 * 'Enviar la respuesta impresa a Calle 10 # 5-20 (canal elegido: Dirección física).'
 */
export function undeliveredNotice(record: CaseRecord, event: CaseEvent): string | null {
  if (event.kind === 'answered') {
    if (answersByEmail(record)) return null;
    const channel = record.petitioner.preferredChannel || 'sin canal indicado';
    // The row holds the address masked (Ley 1581): the data stewards have it in the data store.
    const address = record.petitioner.address;
    const where = !address
      ? ''
      : isMasked(address)
        ? ' a la dirección que dejó el peticionario (está en la hoja de datos de peticionarios, que tienen las personas a cargo de los datos personales)'
        : ` a ${address}`;
    return record.petitioner.preferredChannel.toLowerCase().startsWith('recoger')
      ? `Respuesta impresa lista para entregar en la entidad (canal elegido: ${channel}).`
      : `Enviar la respuesta impresa${where} (canal elegido: ${channel}).`;
  }
  if (event.kind === 'transferred' && !(event.email && isValidEmail(event.email)))
    return `Enviar el oficio remisorio a ${event.note ?? 'la entidad competente'} por otro medio (no se indicó su correo)${citizenEmailOf(record) ? '' : ' y comunicar el traslado al peticionario'}.`;
  const what = CITIZEN_NOTICE_EVENTS[event.kind];
  if (!what || citizenEmailOf(record)) return null;
  return `Comunicar ${what} al peticionario por otro medio (no dejó correo electrónico válido).`;
}

/** The act's event in the case: the last event of its kind at the act's instant. */
export function eventOfAct(
  record: CaseRecord,
  kind: CaseEvent['kind'],
  at: string,
): { event: CaseEvent; index: number } | null {
  for (let i = record.events.length - 1; i >= 0; i -= 1) {
    const event = record.events[i];
    if (event.kind === kind && event.at === at) return { event, index: i };
  }
  return null;
}

/** The case event each notice's mail kind tells of. */
export const NOTICE_EVENT_OF_KIND: Readonly<Partial<Record<MailKind, CaseEvent['kind']>>> = {
  asignacion: 'assigned',
  solicitud_informacion: 'info_requested',
  prorroga: 'extended',
  traslado: 'transferred',
  traslado_entidad: 'transferred',
  respuesta: 'answered',
  desistimiento: 'desisted',
};

/**
 * The mails of the act recorded as `kind` at `at`, planned from the case as it stood right after
 * it (its events up to the act): the same mails whenever they are planned, so a notice can be queued
 * by key and rendered at send time. Empty when the case no longer holds the event.
 */
export function planNoticesOfEvent(
  record: CaseRecord,
  kind: CaseEvent['kind'],
  at: string,
  ctx: {
    readonly settings: EntitySettings;
    readonly calendar: BusinessCalendar;
    readonly followUpLink: string;
    readonly templates?: TemplateSet;
    readonly caseLink?: string;
  },
): OutboundMail[] {
  const found = eventOfAct(record, kind, at);
  if (!found) return [];
  const events = record.events.slice(0, found.index + 1);
  const clock = clockOfCase(
    { ...record, events },
    { today: bogotaDateOf(Date.parse(at)), settings: ctx.settings, calendar: ctx.calendar },
  );
  return planActNotices({ ...record, events }, found.event, {
    entityName: ctx.settings.name,
    followUpLink: ctx.followUpLink,
    texts: textsOf(ctx.settings, ctx.templates),
    caseLink: ctx.caseLink,
    clock,
  });
}

/** The entity's templates and contact lines, as every mail takes them. */
export function textsOf(
  settings: Pick<EntitySettings, 'address' | 'phone' | 'attentionHours'>,
  templates: TemplateSet | undefined,
): Omit<MailTexts, 'entityName'> {
  return {
    templates,
    address: settings.address,
    phone: settings.phone,
    attentionHours: settings.attentionHours,
  };
}
