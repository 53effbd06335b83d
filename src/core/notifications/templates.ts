// The texts of the add-on's mail, as templates the admin may edit in the `Plantillas` sheet: a
// subject and a body per kind, with `{{placeholders}}` filled from the case. Spanish defaults for
// every kind; a template naming an unknown placeholder, or with a broken one, is refused (setup
// names its row) and the default is used. The HTML body is the plain body, escaped line by line,
// with its links made clickable.
import { escapeHtml } from '../intake/normalize-text';
import { MAIL_KINDS, type MailKind } from './mail';

export interface MailTemplate {
  readonly subject: string;
  readonly body: string;
}

export type TemplateKind = Exclude<MailKind, 'notificacion'>;

/** Kinds with a template (every kind but the integrity alerts), in the order of `Plantillas`. */
export const TEMPLATE_KINDS: readonly TemplateKind[] = MAIL_KINDS.filter(
  (kind): kind is TemplateKind => kind !== 'notificacion',
);

/** The citizen's notices: they end with where and when the entity attends. */
export const CITIZEN_KINDS: ReadonlySet<MailKind> = new Set([
  'acuse',
  'solicitud_informacion',
  'prorroga',
  'traslado',
  'respuesta',
  'desistimiento',
]);

const CASE = ['entidad', 'radicado', 'tipo', 'asunto', 'dependencia', 'vence'] as const;
const CITIZEN = [...CASE, 'saludo', 'peticionario', 'enlace_seguimiento'] as const;
const STAFF = [...CASE, 'responsable', 'enlace_caso', 'dias_restantes'] as const;

/** The placeholders each kind may use (what its mail knows). */
export const PLACEHOLDERS: Readonly<Record<TemplateKind, readonly string[]>> = {
  acuse: [...CITIZEN, 'recibido', 'termino', 'como_se_cuenta', 'dias_restantes'],
  solicitud_informacion: [...CITIZEN, 'falta', 'plazo'],
  prorroga: [...CITIZEN, 'motivo', 'nueva_fecha'],
  traslado: [...CITIZEN, 'entidad_destino', 'motivo', 'oficio'],
  traslado_entidad: [...CASE, 'entidad_destino', 'motivo', 'oficio'],
  respuesta: [...CITIZEN, 'respuesta'],
  desistimiento: [...CITIZEN, 'plazo'],
  asignacion: [...STAFF, 'motivo'],
  recordatorio: [...STAFF, 'como_se_cuenta'],
  vencido: [...STAFF, 'dias_vencido'],
  resumen_diario: ['entidad', 'fecha', 'responsable', 'total', 'vencidos', 'casos', 'enlace_mesa'],
  resumen_semanal: ['entidad', 'fecha', 'conteos', 'vencidos', 'casos', 'enlace_mesa'],
};

export const TEMPLATE_LABELS: Readonly<Record<TemplateKind, string>> = {
  acuse: 'Acuse de recibo',
  solicitud_informacion: 'Solicitud de información',
  prorroga: 'Prórroga',
  traslado: 'Traslado (copia al peticionario)',
  traslado_entidad: 'Traslado (oficio a la entidad competente)',
  respuesta: 'Respuesta',
  desistimiento: 'Desistimiento',
  asignacion: 'Asignación',
  recordatorio: 'Recordatorio',
  vencido: 'Caso vencido',
  resumen_diario: 'Resumen diario',
  resumen_semanal: 'Resumen semanal',
};

const LAW = 'Ley 1437 de 2011';

export const DEFAULT_TEMPLATES: Readonly<Record<TemplateKind, MailTemplate>> = {
  acuse: {
    subject: 'Radicado {{radicado}}: recibimos su solicitud',
    body: [
      '{{saludo}}',
      '',
      '{{entidad}} recibió su solicitud el {{recibido}} y le asignó el radicado {{radicado}}.',
      '',
      'Tipo de solicitud: {{tipo}}',
      'Asunto: {{asunto}}',
      'Fecha límite de respuesta: {{vence}} ({{como_se_cuenta}}).',
      '',
      'Qué sigue: la dependencia {{dependencia}} estudiará su solicitud y le responderá a más tardar en esa fecha. Si falta información, se la pediremos dentro de los 10 días hábiles siguientes a la radicación.',
      'Siga su caso en: {{enlace_seguimiento}}',
      '',
      `Este mensaje es la constancia de radicación de su solicitud (${LAW}, art. 61). Si escribe a la entidad sobre este caso, cite el número de radicado.`,
    ].join('\n'),
  },
  solicitud_informacion: {
    subject: 'Radicado {{radicado}}: necesitamos más información',
    body: [
      '{{saludo}}',
      '',
      'Para resolver su solicitud {{radicado}} ({{tipo}}) necesitamos que la complete.',
      'Asunto: {{asunto}}',
      'Lo que falta: {{falta}}',
      '',
      `Tiene plazo hasta el {{plazo}} para enviarla; antes de esa fecha puede pedir un mes más (${LAW}, art. 17, sustituido por la Ley 1755 de 2015).`,
      'Mientras tanto, el término para responder queda suspendido y vuelve a empezar completo cuando recibamos la información. Si no la envía ni pide la prórroga, se entenderá que desistió de la solicitud.',
      '',
      'Siga su caso en: {{enlace_seguimiento}}',
    ].join('\n'),
  },
  prorroga: {
    subject: 'Radicado {{radicado}}: nueva fecha de respuesta',
    body: [
      '{{saludo}}',
      '',
      'No nos es posible responder su solicitud {{radicado}} dentro del término inicial.',
      'Asunto: {{asunto}}',
      'Motivo: {{motivo}}',
      `Le responderemos a más tardar el {{nueva_fecha}} (${LAW}, art. 14, parágrafo).`,
      '',
      'Siga su caso en: {{enlace_seguimiento}}',
    ].join('\n'),
  },
  traslado: {
    subject: 'Radicado {{radicado}}: su solicitud fue trasladada',
    body: [
      '{{saludo}}',
      '',
      `Su solicitud {{radicado}} trata de un asunto que no es de competencia de {{entidad}}; por eso la remitimos a {{entidad_destino}} (${LAW}, art. 21).`,
      'Asunto: {{asunto}}',
      'Motivo: {{motivo}}',
      '',
      'Copia del oficio remisorio:',
      '',
      '{{oficio}}',
      '',
      'Siga su caso en: {{enlace_seguimiento}}',
    ].join('\n'),
  },
  traslado_entidad: {
    subject: 'Traslado por competencia del radicado {{radicado}} de {{entidad}}',
    body: ['{{oficio}}', '', 'Atentamente,', '{{entidad}}'].join('\n'),
  },
  respuesta: {
    subject: 'Radicado {{radicado}}: respuesta a su solicitud',
    body: [
      '{{saludo}}',
      '',
      'Damos respuesta a su solicitud {{radicado}} ({{tipo}}).',
      'Asunto: {{asunto}}',
      '',
      '{{respuesta}}',
      '',
      'Siga su caso en: {{enlace_seguimiento}}',
    ].join('\n'),
  },
  desistimiento: {
    subject: 'Radicado {{radicado}}: desistimiento de su solicitud',
    body: [
      '{{saludo}}',
      '',
      `No recibimos, dentro del plazo que vencía el {{plazo}}, la información que le pedimos para completar su solicitud {{radicado}}. Por eso se entiende que desistió de ella y se archiva (${LAW}, art. 17).`,
      'Asunto: {{asunto}}',
      'Puede presentar de nuevo la solicitud con todos sus requisitos cuando lo desee. Contra esta decisión procede el recurso de reposición.',
    ].join('\n'),
  },
  asignacion: {
    subject: 'Caso asignado {{radicado}}: vence el {{vence}}',
    body: [
      'Se le asignó el caso {{radicado}} ({{tipo}}) de {{dependencia}}.',
      'Asunto: {{asunto}}',
      'Vence el {{vence}}.',
      'Motivo: {{motivo}}',
      '',
      'Abra el caso: {{enlace_caso}}',
    ].join('\n'),
  },
  recordatorio: {
    subject: 'Recordatorio: el caso {{radicado}} vence el {{vence}}',
    body: [
      'El caso {{radicado}} ({{tipo}}) vence el {{vence}}: quedan {{dias_restantes}} días hábiles.',
      'Asunto: {{asunto}}',
      'Cómo se cuenta: {{como_se_cuenta}}.',
      '',
      'Abra el caso: {{enlace_caso}}',
    ].join('\n'),
  },
  vencido: {
    subject: 'Caso vencido {{radicado}}: venció el {{vence}}',
    body: [
      'El caso {{radicado}} ({{tipo}}) de {{dependencia}} venció el {{vence}} sin respuesta: lleva {{dias_vencido}} días hábiles de retraso.',
      'Responsable: {{responsable}}',
      'Asunto: {{asunto}}',
      'Responder fuera de término puede acarrear sanción disciplinaria (Ley 1755 de 2015, art. 31).',
      '',
      'Abra el caso: {{enlace_caso}}',
    ].join('\n'),
  },
  resumen_diario: {
    subject: 'Sus casos abiertos al {{fecha}}',
    body: [
      'Tiene {{total}} casos abiertos ({{vencidos}} vencidos), del más urgente al menos urgente:',
      '',
      '{{casos}}',
      '',
      'Mesa de casos: {{enlace_mesa}}',
    ].join('\n'),
  },
  resumen_semanal: {
    subject: 'Resumen semanal de PQRSD de {{entidad}} al {{fecha}}',
    body: [
      'Estado de las PQRSD de {{entidad}} al {{fecha}}:',
      '',
      '{{conteos}}',
      '',
      'Casos vencidos sin respuesta ({{vencidos}}):',
      '{{casos}}',
      '',
      'Mesa de casos: {{enlace_mesa}}',
    ].join('\n'),
  },
};

/** Templates the entity changed (kinds absent use the default). */
export type TemplateSet = Readonly<Partial<Record<TemplateKind, MailTemplate>>>;

const TOKEN = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Sizes a template may have: the entity's templates travel in its compiled configuration. */
export const SUBJECT_MAX = 250;
export const BODY_MAX = 4000;

/**
 * Problems of a template, in Spanish (empty when it can be used).
 * Example: validateTemplate('prorroga', {subject: 'x', body: '{{fecha_nueva}}'}) →
 * ['usa el marcador desconocido {{fecha_nueva}}'].
 */
export function validateTemplate(kind: TemplateKind, template: MailTemplate): string[] {
  const problems: string[] = [];
  const allowed = PLACEHOLDERS[kind];
  for (const text of [template.subject, template.body]) {
    for (const match of text.matchAll(TOKEN))
      if (!allowed.includes(match[1])) problems.push(`usa el marcador desconocido {{${match[1]}}}`);
    const rest = text.replace(TOKEN, '');
    if (rest.includes('{{') || rest.includes('}}'))
      problems.push('tiene un marcador mal escrito (cada marcador va entre {{ y }})');
  }
  if (template.subject.length > SUBJECT_MAX)
    problems.push(`el asunto pasa de ${SUBJECT_MAX} caracteres`);
  if (template.body.length > BODY_MAX) problems.push(`el cuerpo pasa de ${BODY_MAX} caracteres`);
  if (!template.subject.trim()) problems.push('no tiene asunto');
  if (!template.body.trim()) problems.push('no tiene cuerpo');
  return problems;
}

/**
 * Fills a template's placeholders. A body line whose placeholders are all empty says nothing
 * ("Motivo: " with no reason) and is left out; any other empty value becomes ''.
 */
export function fillTemplate(
  template: MailTemplate,
  values: Readonly<Record<string, string>>,
): MailTemplate {
  const fill = (text: string): string =>
    text.replace(TOKEN, (_whole, name: string) => values[name] ?? '');
  const body = template.body
    .split('\n')
    .filter((line) => {
      const names = [...line.matchAll(TOKEN)].map((m) => m[1]);
      return names.length === 0 || names.some((name) => (values[name] ?? '') !== '');
    })
    .map(fill)
    .join('\n');
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), body };
}

const URL = /(https?:\/\/[^\s<>"']+)/g;

/** The HTML body: each line escaped as a paragraph, its web addresses as links. */
export function htmlOf(body: string): string {
  return body
    .split('\n')
    .map((line) =>
      line ? `<p>${escapeHtml(line).replace(URL, (url) => `<a href="${url}">${url}</a>`)}</p>` : '',
    )
    .join('\n');
}

/** The template for `kind`: the entity's own when it has one, else the default. */
export function templateFor(kind: TemplateKind, templates: TemplateSet | undefined): MailTemplate {
  return templates?.[kind] ?? DEFAULT_TEMPLATES[kind];
}
