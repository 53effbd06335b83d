// The acknowledgement (CPACA art. 61: radicado, date and time of receipt) and the assignee's notice.
import type { CaseRecord } from '../cases/case-record';
import { formatDateEs } from '../calendar/calendar-date';
import { escapeHtml } from '../intake/normalize-text';
import { REQUEST_TYPE_LABELS } from '../request-types';
import type { OutboundMail } from './mail';

export interface AcknowledgementContext {
  readonly entityName: string;
  /** Local date and time of receipt, already formatted (`20/07/2026 08:15`). */
  readonly receivedLocal: string;
  readonly termDays: number;
  readonly followUpLink: string;
}

function paragraphsToHtml(lines: readonly string[]): string {
  return lines.map((line) => (line ? `<p>${escapeHtml(line)}</p>` : '')).join('\n');
}

export function planAcknowledgement(record: CaseRecord, ctx: AcknowledgementContext): OutboundMail {
  const typeLabel = REQUEST_TYPE_LABELS[record.type];
  const greeting = record.petitioner.name
    ? `Cordial saludo, ${record.petitioner.name}:`
    : 'Cordial saludo:';
  const lines = [
    greeting,
    '',
    `${ctx.entityName} recibió su solicitud el ${ctx.receivedLocal} y le asignó el radicado ${record.radicado}.`,
    '',
    `Tipo de solicitud: ${typeLabel}`,
    `Asunto: ${record.subject || '(sin asunto)'}`,
    `Fecha límite de respuesta: ${formatDateEs(record.dueDate)} (${ctx.termDays} días hábiles contados desde el día hábil siguiente al ${formatDateEs(record.effectiveReceiptDate)}, fecha en que se tiene por recibida).`,
    '',
    `Qué sigue: la dependencia ${record.dependency} estudiará su solicitud y le responderá a más tardar en esa fecha. Si falta información, se la pediremos dentro de los 10 días hábiles siguientes a la radicación.`,
    ctx.followUpLink
      ? `Siga su caso en: ${ctx.followUpLink}`
      : 'Pronto podrá seguir su caso en línea con su número de radicado.',
    '',
    'Este mensaje es la constancia de radicación de su solicitud (Ley 1437 de 2011, art. 61). Si escribe a la entidad sobre este caso, cite el número de radicado.',
  ];
  return {
    key: `acuse:${record.radicado}`,
    radicado: record.radicado,
    kind: 'acuse',
    to: record.petitioner.email,
    subject: `Radicado ${record.radicado}: recibimos su solicitud`,
    body: lines.join('\n'),
    htmlBody: paragraphsToHtml(lines),
  };
}

export function planAssignmentNotice(record: CaseRecord, entityName: string): OutboundMail {
  const lines = [
    `Se le asignó el caso ${record.radicado} (${REQUEST_TYPE_LABELS[record.type]}).`,
    `Asunto: ${record.subject || '(sin asunto)'}`,
    `Vence el ${formatDateEs(record.dueDate)}.`,
    '',
    `Ábralo en la hoja Radicados de ${entityName}.`,
  ];
  return {
    key: `asignacion:${record.radicado}:${record.assignee}`,
    radicado: record.radicado,
    kind: 'asignacion',
    to: record.assignee,
    subject: `Caso asignado ${record.radicado}: vence el ${formatDateEs(record.dueDate)}`,
    body: lines.join('\n'),
    htmlBody: paragraphsToHtml(lines),
  };
}
