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
import { escapeHtml } from '../intake/normalize-text';
import { isValidEmail } from '../intake/normalize-submission';
import { REQUEST_TYPE_LABELS } from '../request-types';
import type { MailKind, OutboundMail } from './mail';

export interface NoticeContext {
  readonly entityName: string;
  /** The citizen's private follow-up link ('' when the entity has no web app yet). */
  readonly followUpLink: string;
  /** The case's clock right after the act (its due date, the month of art. 17). */
  readonly clock: Pick<CaseClock, 'dueDate' | 'desistimientoFrom' | 'explanation'>;
}

/** Can the citizen be written to by email? A valid address they gave (anonymous filings may give one). */
export function citizenEmailOf(record: Pick<CaseRecord, 'petitioner'>): string {
  const email = record.petitioner.email.trim();
  return email && isValidEmail(email) ? email : '';
}

/** Did the citizen choose email for the answer? An empty choice with an address counts as email. */
export function answersByEmail(record: Pick<CaseRecord, 'petitioner'>): boolean {
  const chosen = record.petitioner.preferredChannel.trim().toLowerCase();
  return citizenEmailOf(record) !== '' && (chosen === '' || chosen.startsWith('correo'));
}

function html(lines: readonly string[]): string {
  return lines.map((line) => (line ? `<p>${escapeHtml(line)}</p>` : '')).join('\n');
}

function mail(
  kind: MailKind,
  record: CaseRecord,
  event: CaseEvent,
  to: string,
  subject: string,
  lines: readonly string[],
): OutboundMail {
  return {
    key: `${kind}:${record.radicado}:${event.at}:${to.toLowerCase()}`,
    radicado: record.radicado,
    kind,
    to,
    subject,
    body: lines.join('\n'),
    htmlBody: html(lines),
  };
}

function greeting(record: CaseRecord): string {
  return record.petitioner.name ? `Cordial saludo, ${record.petitioner.name}:` : 'Cordial saludo:';
}

function closing(record: CaseRecord, ctx: NoticeContext): string[] {
  return [
    '',
    ctx.followUpLink
      ? `Siga su caso en: ${ctx.followUpLink}`
      : `Cite el radicado ${record.radicado} si escribe a la entidad sobre este caso.`,
    '',
    ctx.entityName,
  ];
}

function lastDayToComplete(clock: NoticeContext['clock']): CalendarDate | null {
  return clock.desistimientoFrom ? addDays(clock.desistimientoFrom, -1) : null;
}

function citizenNotice(
  record: CaseRecord,
  event: CaseEvent,
  ctx: NoticeContext,
  to: string,
): OutboundMail | null {
  const head = `Radicado ${record.radicado}`;
  const subjectLine = `Asunto: ${record.subject || '(sin asunto)'}`;
  switch (event.kind) {
    case 'info_requested': {
      const lastDay = lastDayToComplete(ctx.clock);
      return mail(
        'solicitud_informacion',
        record,
        event,
        to,
        `${head}: necesitamos más información`,
        [
          greeting(record),
          '',
          `Para resolver su solicitud ${record.radicado} (${REQUEST_TYPE_LABELS[record.type]}) necesitamos que la complete:`,
          subjectLine,
          `Lo que falta: ${event.note || 'la información que le indicará la dependencia.'}`,
          '',
          lastDay
            ? `Tiene plazo de un mes, hasta el ${formatDateEs(lastDay)}, para enviarla; puede pedir antes de esa fecha un mes más (Ley 1437 de 2011, art. 17, sustituido por la Ley 1755 de 2015).`
            : 'Tiene plazo de un mes para enviarla (Ley 1437 de 2011, art. 17).',
          'Mientras tanto, el término para responder queda suspendido y vuelve a empezar completo cuando recibamos la información. Si no la envía ni pide la prórroga, se entenderá que desistió de la solicitud.',
          ...closing(record, ctx),
        ],
      );
    }
    case 'extended':
      return mail('prorroga', record, event, to, `${head}: nueva fecha de respuesta`, [
        greeting(record),
        '',
        `No nos es posible responder su solicitud ${record.radicado} dentro del término inicial.`,
        subjectLine,
        `Motivo: ${event.reason}`,
        `Le responderemos a más tardar el ${formatDateEs(event.newDueDate)} (Ley 1437 de 2011, art. 14, parágrafo).`,
        ...closing(record, ctx),
      ]);
    case 'transferred':
      return mail('traslado', record, event, to, `${head}: su solicitud fue trasladada`, [
        greeting(record),
        '',
        `Su solicitud ${record.radicado} trata de un asunto que no es de competencia de ${ctx.entityName}; por eso la remitimos a ${event.note} (Ley 1437 de 2011, art. 21).`,
        subjectLine,
        event.reason ? `Motivo: ${event.reason}` : '',
        'Copia del oficio remisorio:',
        '',
        ...forwardingLetter(record, event, ctx),
        ...closing(record, ctx),
      ]);
    case 'answered':
      return mail('respuesta', record, event, to, `${head}: respuesta a su solicitud`, [
        greeting(record),
        '',
        `Damos respuesta a su solicitud ${record.radicado} (${REQUEST_TYPE_LABELS[record.type]}).`,
        subjectLine,
        '',
        event.note ?? '',
        ...(event.accessDenied
          ? [
              '',
              `No es posible dar acceso a la información solicitada. Fundamento: ${event.legalBasis}. Puede insistir en su solicitud ante la entidad, que la enviará al juez competente (Ley 1755 de 2015, arts. 25 y 26).`,
            ]
          : []),
        ...closing(record, ctx),
      ]);
    case 'desisted':
      return mail('desistimiento', record, event, to, `${head}: desistimiento de su solicitud`, [
        greeting(record),
        '',
        `No recibimos la información que le pedimos para completar su solicitud ${record.radicado}, dentro del plazo de la ley. Por eso se entiende que desistió de ella y se archiva (Ley 1437 de 2011, art. 17).`,
        subjectLine,
        'Puede presentar de nuevo la solicitud con todos sus requisitos cuando lo desee. Contra esta decisión procede el recurso de reposición.',
        ...closing(record, ctx),
      ]);
    default:
      return null;
  }
}

/** The forwarding letter (oficio remisorio) of a transfer: to the competent entity, copied to the citizen. */
function forwardingLetter(record: CaseRecord, event: CaseEvent, ctx: NoticeContext): string[] {
  return [
    `Señores ${event.note}:`,
    `${ctx.entityName} les remite por competencia la solicitud radicada con el número ${record.radicado}, recibida el ${formatDateEs(record.effectiveReceiptDate)} (Ley 1437 de 2011, art. 21).`,
    `Tipo: ${REQUEST_TYPE_LABELS[record.type]}`,
    `Asunto: ${record.subject || '(sin asunto)'}`,
    `Peticionario: ${record.petitioner.anonymous ? 'Anónimo' : record.petitioner.name || '(sin nombre)'}${record.petitioner.email ? `, ${record.petitioner.email}` : ''}`,
    event.reason ? `Motivo del traslado: ${event.reason}` : '',
    '',
    `Texto de la solicitud: ${record.description}`,
  ];
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
  if (event.kind === 'assigned') {
    if (!isValidEmail(event.to)) return out;
    out.push(
      mail(
        'asignacion',
        record,
        event,
        event.to,
        `Caso asignado ${record.radicado}: vence el ${formatDateEs(ctx.clock.dueDate)}`,
        [
          `Se le asignó el caso ${record.radicado} (${REQUEST_TYPE_LABELS[record.type]}) de ${record.dependency}.`,
          `Asunto: ${record.subject || '(sin asunto)'}`,
          `Vence el ${formatDateEs(ctx.clock.dueDate)}.`,
          event.note ? `Motivo: ${event.note}` : '',
          '',
          `Ábralo en Extensiones > Ventanilla PQRSD > Mesa de casos de ${ctx.entityName}.`,
        ],
      ),
    );
    return out;
  }
  if (event.kind === 'transferred' && event.email && isValidEmail(event.email)) {
    out.push(
      mail(
        'traslado_entidad',
        record,
        event,
        event.email,
        `Traslado por competencia del radicado ${record.radicado} de ${ctx.entityName}`,
        [...forwardingLetter(record, event, ctx), '', 'Atentamente,', ctx.entityName],
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
    const where = record.petitioner.address ? ` a ${record.petitioner.address}` : '';
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
    clock,
  });
}
