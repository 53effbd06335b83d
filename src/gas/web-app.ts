// The citizen follow-up page: radicado + secret token -> status. Nothing else is readable, and a
// wrong token looks exactly like an unknown radicado. Whatever fails (a missing or renamed sheet,
// a broken setting), the citizen gets a short Spanish page, never an error text; the error goes to
// the execution log.
import { formatDateEs } from '../core/calendar/calendar-date';
import { CASE_STATUS_LABELS } from '../core/cases/case-record';
import { formatMessage } from '../core/messages';
import { findStaff } from '../core/routing/staff';
import { escapeHtml } from '../core/intake/normalize-text';
import { REQUEST_TYPE_LABELS } from '../core/request-types';
import type { Composition } from './compose';

function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length || a === '') return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function page(title: string, body: string): GoogleAppsScript.HTML.HtmlOutput {
  const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:36rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.3rem}dt{font-weight:600;margin-top:.6rem}dd{margin:0}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

const UNAVAILABLE_TITLE = 'Consulta de su solicitud';
const UNAVAILABLE_BODY =
  '<p>En este momento no podemos mostrar su solicitud. Intente de nuevo más tarde; si el problema continúa, comuníquese con la entidad.</p>';

/** What the log gets: the error's name and message (never the visitor's token). */
function describeFailure(caught: unknown): string {
  if (caught instanceof Error) return `${caught.name}: ${caught.message}`;
  return String(caught);
}

export function renderFollowUp(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
): GoogleAppsScript.HTML.HtmlOutput {
  try {
    return renderCase(app, e);
  } catch (caught) {
    console.error(`Página de seguimiento no disponible: ${describeFailure(caught)}`);
    return page(UNAVAILABLE_TITLE, UNAVAILABLE_BODY);
  }
}

function renderCase(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
): GoogleAppsScript.HTML.HtmlOutput {
  const params = (e && e.parameter) || {};
  const radicado = String(params.r ?? '').slice(0, 40);
  const token = String(params.t ?? '').slice(0, 100);
  const notFound = page(
    'Consulta de su solicitud',
    '<p>No encontramos una solicitud con esos datos. Revise el enlace que le enviamos por correo.</p>',
  );
  if (!radicado || !token) return notFound;
  const record = app.cases.find(radicado);
  if (!record || !sameHash(record.tokenHash, app.tokens.hash(token))) return notFound;
  const entity = app.config.settings.name;
  const rows: Array<[string, string]> = [
    ['Radicado', record.radicado],
    ['Tipo', REQUEST_TYPE_LABELS[record.type]],
    ['Asunto', record.subject || '(sin asunto)'],
    ['Estado', CASE_STATUS_LABELS[record.status]],
    ['Fecha límite de respuesta', record.dueDate ? formatDateEs(record.dueDate) : ''],
    ['Dependencia', record.dependency],
  ];
  const list = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  return page(`Su solicitud ante ${entity}`, `<dl>${list}</dl>`);
}

/** The titular's data dialog (Ley 1581), for the data stewards. */
export const TITULAR_FILE = 'titular';
export const TITULAR_TITLE = 'Datos personales de un titular';

/** The desk page, shipped with the library: the sidebar and the web app serve the same file. */
export const DESK_FILE = 'sidebar';
export const DESK_TITLE = 'Ventanilla PQRSD';

/**
 * The desk as a page of the entity's web app (strict mode: clerks view the spreadsheet and act
 * here). The visitor must be staff; the page then calls the same gateway, with the same checks.
 */
export function renderDeskPage(
  app: Composition,
  visitor: string,
): GoogleAppsScript.HTML.HtmlOutput {
  try {
    if (!findStaff(app.config.staff, visitor))
      return page(DESK_TITLE, `<p>${escapeHtml(formatMessage('NOT_STAFF'))}</p>`);
    return HtmlService.createHtmlOutputFromFile(DESK_FILE)
      .append('<script>window.DESK_SURFACE = "web";</script>')
      .setTitle(DESK_TITLE)
      .addMetaTag('viewport', 'width=device-width, initial-scale=1');
  } catch (caught) {
    console.error(`Mesa de casos no disponible: ${describeFailure(caught)}`);
    return page(DESK_TITLE, UNAVAILABLE_BODY);
  }
}
