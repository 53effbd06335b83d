// What the citizen was told about their case, in order and in plain Spanish: the private follow-up
// page and the JSON status read it. Never who at the entity did what (no staff names or emails),
// never the clerks' internal notes or reassignments: only what the law has the entity tell them.
import { addDays, formatDateEs, type CalendarDate } from '../calendar/calendar-date';
import { formatLocalInstant } from '../cases/radication-lines';
import type { CaseEvent, CaseRecord } from '../cases/case-record';
import type { CaseClock } from '../clock/case-clock';
import { REQUEST_TYPE_LABELS } from '../request-types';

export interface TimelineEntry {
  /** ISO instant of the event. */
  readonly at: string;
  /** Local date and time, `dd/mm/yyyy hh:mm` (Bogotá). */
  readonly atLocal: string;
  readonly title: string;
  readonly text: string;
}

/** A clerk's phrase as part of a sentence: trimmed, without its own final period. */
function phrase(text: string | undefined): string {
  return (text ?? '').trim().replace(/[.\s]+$/, '');
}

function entry(at: string, title: string, text: string): TimelineEntry {
  const ms = Date.parse(at);
  return { at, atLocal: Number.isNaN(ms) ? '' : formatLocalInstant(ms), title, text };
}

/** What the case's clock says of the pending information request, when there is one. */
export interface TimelineClock {
  /** First day of tacit withdrawal (art. 17): the last day to complete is the day before. */
  readonly desistimientoFrom?: CalendarDate | null;
}

function eventEntry(event: CaseEvent, lastDay: CalendarDate | null): TimelineEntry | null {
  switch (event.kind) {
    case 'reclassified':
      return entry(
        event.at,
        'Tipo de solicitud ajustado',
        `La entidad la tramita como ${REQUEST_TYPE_LABELS[event.type]}; el plazo de respuesta es el de ese tipo.`,
      );
    case 'info_requested':
      return entry(
        event.at,
        'La entidad le pidió información',
        `${phrase(event.note) ? `Se le pidió: ${phrase(event.note)}. ` : ''}${lastDay ? `Tiene hasta el ${formatDateEs(lastDay)} para enviarla. ` : ''}Mientras no la envíe, el plazo de respuesta está suspendido (Ley 1437 de 2011, art. 17).`,
      );
    case 'info_deadline_extended':
      return entry(
        event.at,
        'Más plazo para completar su solicitud',
        'Se le concedió un mes más para enviar la información pedida (art. 17).',
      );
    case 'info_received':
      return entry(
        event.at,
        'Información recibida',
        'La entidad recibió la información que le pidió; el plazo de respuesta vuelve a correr desde el día siguiente.',
      );
    case 'extended':
      return entry(
        event.at,
        'Plazo de respuesta ampliado',
        `Motivo: ${phrase(event.reason)}. Nueva fecha de respuesta: ${formatDateEs(event.newDueDate)} (art. 14, parágrafo).`,
      );
    case 'transferred':
      return entry(
        event.at,
        'Trasladada a la entidad competente',
        `Su solicitud se envió a ${phrase(event.note) || 'la entidad competente'}${phrase(event.reason) ? `. Motivo: ${phrase(event.reason)}` : ''}. Esa entidad le responderá (art. 21).`,
      );
    case 'answered':
      return entry(
        event.at,
        'Respuesta',
        [
          event.note ?? '',
          event.accessDenied
            ? `No es posible dar acceso a la información solicitada. Fundamento: ${phrase(event.legalBasis)}. Puede insistir en su solicitud ante la entidad (Ley 1755 de 2015, arts. 25 y 26).`
            : '',
        ]
          .filter((t) => t !== '')
          .join('\n'),
      );
    case 'voided':
      return entry(
        event.at,
        'Radicado anulado',
        `Motivo: ${phrase(event.note) || 'error en la radicación'}.`,
      );
    case 'desisted':
      return entry(
        event.at,
        'Solicitud archivada por desistimiento',
        'No se recibió a tiempo la información pedida, así que la solicitud se entiende desistida (art. 17). Puede presentarla de nuevo.',
      );
    case 'archived':
      return entry(event.at, 'Caso archivado', 'El trámite terminó y el caso se archivó.');
    default:
      // Assignments and clerks' notes are the entity's own business.
      return null;
  }
}

/** The citizen's story of the case: its receipt, then every act they were told of, in order. */
export function citizenTimeline(record: CaseRecord, clock: TimelineClock = {}): TimelineEntry[] {
  // Only the request still pending has a deadline the clock knows (the last one made).
  const lastRequest = record.events.reduce(
    (last, e, i) => (e.kind === 'info_requested' ? i : last),
    -1,
  );
  const lastDay = clock.desistimientoFrom ? addDays(clock.desistimientoFrom, -1) : null;
  const received = entry(
    record.receivedAt,
    'Solicitud radicada',
    `Recibimos su ${REQUEST_TYPE_LABELS[record.declaredType ?? record.type].toLowerCase()} con el radicado ${record.radicado}.`,
  );
  const events = [...record.events]
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event, index }) => eventEntry(event, index === lastRequest ? lastDay : null))
    .filter((e): e is TimelineEntry => e !== null);
  return [received, ...events];
}

/** The answer's text, when the case was answered ('' otherwise). */
export function answerOf(record: CaseRecord): string {
  for (let i = record.events.length - 1; i >= 0; i -= 1) {
    const event = record.events[i];
    if (event.kind === 'answered') return eventEntry(event, null)?.text ?? '';
  }
  return '';
}

/** The one line under the due date: when, how many business days are left, or why none. */
export function dueLine(clock: Pick<CaseClock, 'dueDate' | 'businessDaysLeft' | 'state'>): string {
  if (clock.state === 'closed') return 'El plazo de respuesta terminó: la entidad ya actuó.';
  if (clock.state === 'suspended')
    return 'El plazo está suspendido mientras la entidad espera la información que le pidió.';
  const left = clock.businessDaysLeft;
  const days =
    left > 1
      ? `quedan ${left} días hábiles`
      : left === 1
        ? 'queda 1 día hábil'
        : left === 0
          ? 'vence hoy'
          : `venció hace ${-left} ${left === -1 ? 'día hábil' : 'días hábiles'}`;
  return `Fecha límite de respuesta: ${formatDateEs(clock.dueDate)} (${days}).`;
}
