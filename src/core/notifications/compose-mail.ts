// A mail from its template and the values of its case: the entity's template (or the default),
// the citizen's notices closed with where and when the entity attends, the HTML body escaped.
import type { OutboundMail } from './mail';
import {
  CITIZEN_KINDS,
  fillTemplate,
  htmlOf,
  templateFor,
  type TemplateKind,
  type TemplateSet,
} from './templates';

/** How the entity writes and signs its mail (`Plantillas` and `Configuración`). */
export interface MailTexts {
  readonly templates?: TemplateSet;
  readonly entityName: string;
  readonly address?: string;
  readonly phone?: string;
  readonly attentionHours?: string;
}

function contactLines(texts: MailTexts): string[] {
  const lines = [
    texts.entityName,
    texts.address ? `Dirección: ${texts.address}` : '',
    texts.phone ? `Teléfono: ${texts.phone}` : '',
    texts.attentionHours ? `Horario de atención: ${texts.attentionHours}` : '',
  ].filter((line) => line !== '');
  return ['', '--', ...lines];
}

export function composeMail(
  kind: TemplateKind,
  address: { readonly key: string; readonly radicado: string; readonly to: string },
  values: Readonly<Record<string, string>>,
  texts: MailTexts,
): OutboundMail {
  const filled = fillTemplate(templateFor(kind, texts.templates), {
    entidad: texts.entityName,
    ...values,
  });
  const lines = filled.body.split('\n');
  if (CITIZEN_KINDS.has(kind)) lines.push(...contactLines(texts));
  const body = lines.join('\n').replace(/\n{3,}/g, '\n\n');
  return {
    key: address.key,
    radicado: address.radicado,
    kind,
    to: address.to,
    subject: filled.subject,
    body,
    htmlBody: htmlOf(body),
  };
}
