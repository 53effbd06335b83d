// The citizen's side of the entity's web app, all from `doGet` (executing as the owner):
// - the private follow-up page (radicado + secret token): everything the citizen was told, in order;
// - `?publicaciones=1`: the answers the law has published (anonymous or unreachable petitioners);
// - `?format=json`: the same status for other systems, with GeoReport v2 (Open311) field names.
// Nothing else is readable; a wrong token looks exactly like an unknown radicado, and a radicado
// tried too often answers "try later" for a while. Whatever fails (a missing sheet, a broken
// setting), the visitor gets a short Spanish answer, never an error text; the error goes to the log.
import { createBusinessCalendar } from '../core/calendar/business-calendar';
import { bogotaDateOf } from '../core/calendar/calendar-date';
import { clockOfCase } from '../core/cases/case-clock-input';
import { CASE_STATUS_LABELS, type CaseRecord } from '../core/cases/case-record';
import { formatLocalInstant } from '../core/cases/radication-lines';
import { citizenTimeline, dueLine } from '../core/follow-up/citizen-timeline';
import {
  NOT_FOUND_ERROR,
  publishedAnswers,
  requestStatus,
  serviceList,
  THROTTLED_ERROR,
} from '../core/follow-up/open311';
import { formatMessage } from '../core/messages';
import { findStaff } from '../core/routing/staff';
import { escapeHtml } from '../core/intake/normalize-text';
import { REQUEST_TYPE_LABELS } from '../core/request-types';
import type { Composition } from './compose';
import { cacheThrottle, type LookupThrottle } from './follow-up-throttle';

type WebOutput = GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput;

function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length || a === '') return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Plain, high-contrast, no external asset; one column that reads at 360 px. */
const PAGE_STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;max-width:40rem;line-height:1.5;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}',
  'h1{font-size:1.35rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin:1.4rem 0 .5rem}h3{font-size:1rem;margin:0}',
  'dt{font-weight:600;margin-top:.6rem}dd{margin:0}',
  '.status{font-size:1.1rem;padding:.6rem .8rem;border-left:.3rem solid #1f4e79;background:#eef3f8}',
  'ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{border-left:.2rem solid #1f4e79;padding:.2rem 0 .8rem .8rem;margin-left:.3rem}',
  'time{color:#3d3d3d;font-size:.95rem}p{margin:.3rem 0}.answer{white-space:pre-line}',
  'a{color:#0b4f8a}a:focus,a:hover{outline:2px solid #0b4f8a;outline-offset:2px}',
  'nav ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}footer{margin-top:2rem;font-size:.95rem;color:#3d3d3d}',
].join('');

function page(title: string, body: string, footer = ''): GoogleAppsScript.HTML.HtmlOutput {
  const html = `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main>${footer ? `<footer>${footer}</footer>` : ''}</body></html>`;
  return HtmlService.createHtmlOutput(html)
    .setTitle(title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}

function json(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(
    ContentService.MimeType.JSON,
  );
}

const UNAVAILABLE_TITLE = 'Consulta de su solicitud';
const UNAVAILABLE_BODY =
  '<p>En este momento no podemos mostrar su solicitud. Intente de nuevo más tarde; si el problema continúa, comuníquese con la entidad.</p>';
const NOT_FOUND_BODY =
  '<p>No encontramos una solicitud con esos datos. Revise el enlace que le enviamos por correo.</p>';
const THROTTLED_BODY =
  '<p>Hubo demasiados intentos de consultar esta solicitud. Por seguridad, intente de nuevo en unos 15 minutos con el enlace que le enviamos por correo.</p>';

/** What the log gets: the error's name and message (never the visitor's token). */
function describeFailure(caught: unknown): string {
  if (caught instanceof Error) return `${caught.name}: ${caught.message}`;
  return String(caught);
}

/** One query parameter as text, bounded (a visitor may send anything). */
function param(e: GoogleAppsScript.Events.DoGet | undefined, ...names: string[]): string {
  const params = (e && e.parameter) || {};
  for (const name of names) {
    const value = (params as Record<string, unknown>)[name];
    if (value !== undefined && value !== null && String(value) !== '')
      return String(value).slice(0, 100);
  }
  return '';
}

export function renderFollowUp(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
  throttle: LookupThrottle = cacheThrottle(() => app.services.cache),
): WebOutput {
  const wantsJson = param(e, 'format').toLowerCase() === 'json';
  try {
    if (wantsJson) return renderJson(app, e, throttle);
    if (param(e, 'publicaciones')) return renderPublished(app, e);
    return renderCase(app, e, throttle);
  } catch (caught) {
    console.error(`Página de seguimiento no disponible: ${describeFailure(caught)}`);
    return wantsJson
      ? json([{ code: 503, description: 'Servicio no disponible; intente más tarde.' }])
      : page(UNAVAILABLE_TITLE, UNAVAILABLE_BODY);
  }
}

type Lookup =
  { readonly found: CaseRecord } | { readonly found: null; readonly throttled: boolean };

/**
 * The case the radicado and token open, or why not. Every failure counts against the radicado,
 * and a closed radicado is not even looked up: the answer is the same whether it exists or not.
 */
function lookUp(
  app: Composition,
  radicado: string,
  token: string,
  throttle: LookupThrottle,
): Lookup {
  if (!radicado) return { found: null, throttled: false };
  if (throttle.closed(radicado)) return { found: null, throttled: true };
  const record = token ? app.cases.find(radicado) : null;
  if (record && sameHash(record.tokenHash, app.tokens.hash(token))) return { found: record };
  throttle.failed(radicado);
  return { found: null, throttled: false };
}

function clockOf(app: Composition, record: CaseRecord) {
  return clockOfCase(record, {
    today: bogotaDateOf(app.clock.now()),
    settings: app.config.settings,
    calendar: createBusinessCalendar(app.config.calendar),
  });
}

function renderCase(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
  throttle: LookupThrottle,
): GoogleAppsScript.HTML.HtmlOutput {
  const lookup = lookUp(app, param(e, 'r'), param(e, 't'), throttle);
  if (!lookup.found)
    return page(
      'Consulta de su solicitud',
      'throttled' in lookup && lookup.throttled ? THROTTLED_BODY : NOT_FOUND_BODY,
    );
  const record = lookup.found;
  const settings = app.config.settings;
  const clock = clockOf(app, record);
  const rows: Array<[string, string]> = [
    ['Radicado', record.radicado],
    ['Recibida', formatLocalInstant(Date.parse(record.receivedAt))],
    ['Tipo', REQUEST_TYPE_LABELS[record.type]],
    ['Asunto', record.subject || '(sin asunto)'],
    ['Dependencia que la atiende', record.dependency],
    ['Plazo', dueLine(clock)],
    ['Cómo se cuenta', clock.explanation],
  ];
  const facts = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const story = citizenTimeline(record, clock)
    .map(
      (item) =>
        `<li><h3>${escapeHtml(item.title)}</h3><p><time datetime="${escapeHtml(item.at)}">${escapeHtml(item.atLocal)}</time></p><p class="answer">${escapeHtml(item.text)}</p></li>`,
    )
    .join('');
  const contact = [settings.address, settings.phone, settings.attentionHours, settings.replyTo]
    .filter((v) => v !== '')
    .map((v) => escapeHtml(v))
    .join(' · ');
  return page(
    `Su solicitud ante ${settings.name}`,
    `<p class="status"><strong>Estado:</strong> ${escapeHtml(CASE_STATUS_LABELS[record.status])}</p>
<dl>${facts}</dl>
<h2>Historia de su solicitud</h2>
<ol class="timeline">${story}</ol>`,
    contact ? `<p>${contact}</p>` : '',
  );
}

/** The base address of the web app's own pages (links open at the top, out of Google's frame). */
function baseUrl(app: Composition): string {
  return app.config.settings.followUpUrl.split('?')[0];
}

function renderPublished(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
): GoogleAppsScript.HTML.HtmlOutput {
  const requested = Number(param(e, 'pagina') || '1');
  const found = publishedAnswers(
    app.cases.all().map((c) => c.record),
    Number.isFinite(requested) ? requested : 1,
  );
  const items = found.items
    .map(
      (item) =>
        `<article><h2>Radicado ${escapeHtml(item.radicado)}</h2><dl><dt>Recibida</dt><dd>${escapeHtml(formatLocalInstant(Date.parse(item.receivedAt)))}</dd><dt>Tipo</dt><dd>${escapeHtml(item.typeLabel)}</dd><dt>Respuesta</dt><dd class="answer">${escapeHtml(item.answer)}</dd></dl></article>`,
    )
    .join('');
  const base = baseUrl(app);
  const link = (n: number, text: string) =>
    base
      ? `<li><a target="_top" href="${escapeHtml(`${base}?publicaciones=1&pagina=${n}`)}">${escapeHtml(text)}</a></li>`
      : '';
  const nav =
    found.pages > 1
      ? `<nav aria-label="Páginas"><ul>${found.page > 1 ? link(found.page - 1, 'Más recientes') : ''}<li>Página ${found.page} de ${found.pages}</li>${found.page < found.pages ? link(found.page + 1, 'Anteriores') : ''}</ul></nav>`
      : '';
  return page(
    `Respuestas publicadas - ${app.config.settings.name}`,
    `<p>Respuestas a peticiones anónimas y a peticiones cuyo peticionario no dejó cómo contactarlo (Ley 1437 de 2011, art. 69), de la más reciente a la más antigua. No contienen datos personales.</p>
${items || '<p>Todavía no hay respuestas publicadas.</p>'}${nav}`,
  );
}

function renderJson(
  app: Composition,
  e: GoogleAppsScript.Events.DoGet | undefined,
  throttle: LookupThrottle,
): GoogleAppsScript.Content.TextOutput {
  const radicado = param(e, 'service_request_id', 'r');
  if (!radicado) return json(serviceList());
  const lookup = lookUp(app, radicado, param(e, 'token', 't'), throttle);
  if (!lookup.found)
    return json(['throttled' in lookup && lookup.throttled ? THROTTLED_ERROR : NOT_FOUND_ERROR]);
  return json([requestStatus(lookup.found, clockOf(app, lookup.found))]);
}

/** The statutory reports dialog, for supervisors and admins. */
export const REPORTS_FILE = 'reports';
export const REPORTS_TITLE = 'Informes de ley';

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
