// The acknowledgement (CPACA art. 61: radicado, date and time of receipt) and the assignee's notice.
import type { CaseRecord } from '../cases/case-record';
import { formatDateEs } from '../calendar/calendar-date';
import { REQUEST_TYPE_LABELS } from '../request-types';
import { composeMail, type MailTexts } from './compose-mail';
import type { OutboundMail } from './mail';

export interface AcknowledgementContext {
  readonly entityName: string;
  /** Local date and time of receipt, already formatted (`20/07/2026 08:15`). */
  readonly receivedLocal: string;
  readonly termDays: number;
  readonly followUpLink: string;
  /** The entity's templates and contact lines (defaults when absent). */
  readonly texts?: Omit<MailTexts, 'entityName'>;
}

/** The values every mail about a case may use. */
export function caseValues(record: CaseRecord): Record<string, string> {
  return {
    radicado: record.radicado,
    tipo: REQUEST_TYPE_LABELS[record.type],
    asunto: record.subject || '(sin asunto)',
    dependencia: record.dependency,
    vence: record.dueDate ? formatDateEs(record.dueDate) : '',
    peticionario: record.petitioner.name,
    saludo: record.petitioner.name
      ? `Cordial saludo, ${record.petitioner.name}:`
      : 'Cordial saludo:',
  };
}

export function planAcknowledgement(record: CaseRecord, ctx: AcknowledgementContext): OutboundMail {
  return composeMail(
    'acuse',
    { key: `acuse:${record.radicado}`, radicado: record.radicado, to: record.petitioner.email },
    {
      ...caseValues(record),
      recibido: ctx.receivedLocal,
      termino: String(ctx.termDays),
      como_se_cuenta: `${ctx.termDays} días hábiles contados desde el día hábil siguiente al ${formatDateEs(record.effectiveReceiptDate)}, fecha en que se tiene por recibida`,
      enlace_seguimiento: ctx.followUpLink,
    },
    { ...ctx.texts, entityName: ctx.entityName },
  );
}

export function planAssignmentNotice(
  record: CaseRecord,
  entityName: string,
  texts: Omit<MailTexts, 'entityName'> & { readonly caseLink?: string } = {},
): OutboundMail {
  return composeMail(
    'asignacion',
    {
      key: `asignacion:${record.radicado}:${record.assignee}`,
      radicado: record.radicado,
      to: record.assignee,
    },
    { ...caseValues(record), responsable: record.assignee, enlace_caso: texts.caseLink ?? '' },
    { ...texts, entityName },
  );
}
