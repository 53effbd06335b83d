// The citizen's pages of the entity's web app in a real Chromium at phone width (360 × 740): the
// private follow-up page the acknowledgement links to (after a request for information, the
// information received, an extension and the answer), the page a wrong token gets, and the
// published answers (Ley 1437 de 2011, art. 69: the answer of an anonymous petition is published).
// The HTML is exactly what `doGet` served on the BUILT bundle in the simulator, loaded with no
// network: the pages must need nothing from outside. Checked against the WCAG 2.1 AA basics: the
// language, one h1 and no skipped heading level, no sideways scrolling at 360 px with a long
// unbroken word (1.4.10), text contrast (1.4.3), links reachable by keyboard with a visible focus
// (2.1.1, 2.4.7), citizen text shown as text, and axe-core's wcag2a/2aa/21a/21aa rules.
// Needs /usr/bin/chromium (CI: .ci/run).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  act,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  minutesFromNow,
  ROOT,
  useBuiltBundle,
  type RpcResult,
} from '../simulator/fixtures';
import { AT, screenshot } from './desk-browser';
import {
  axeViolations,
  contrastFailures,
  headingLevels,
  links,
  PHONE,
  tabThrough,
  useChromium,
  widths,
  type LoadedPage,
} from './page-checks';

const SCREENSHOT = join(ROOT, 'out', 'browser', 'follow-up.png');
const PUBLISHED_SCREENSHOT = join(ROOT, 'out', 'browser', 'publicaciones.png');

useBuiltBundle();
const browser = useChromium();

// A real browser on a busy 2-core machine: each test gets 30 s.
jest.setTimeout(30_000);

const HOUR = 60 * 60 * 1000;
const XSS = '<img src=x onerror=alert(1)>';
/** A word no line can break by itself (a pasted link, a reference number). */
const UNBROKEN = `Expediente-${'0123456789'.repeat(12)}`;
const SUBJECT = `Luz del parque ${XSS} ${UNBROKEN}`;
const NOTE = `Copia de la cédula ${XSS}`;
const REASON = 'Se requiere concepto técnico de la Secretaría de Infraestructura';
const ANSWER = `La vía se arreglará en marzo. ${UNBROKEN} <script>alert(2)</script>`;
const ANONYMOUS_ANSWER = `Se visitó el predio denunciado. ${UNBROKEN} ${XSS}`;
/** Filings before the answered anonymous one: more than one page of published answers (20). */
const OTHER_PUBLISHED = 20;

/** Every act goes through and is a whole minute later than the last. */
function actOk(desk: Desk, payload: Record<string, unknown>): void {
  desk.harness.advanceTo(minutesFromNow(desk, 30));
  const reply: RpcResult = act(desk, CLERK, payload);
  expect(reply).toMatchObject({ ok: true });
}

interface Served {
  readonly desk: Desk;
  readonly radicado: string;
  readonly followUp: string;
  readonly notFound: string;
  readonly published: string;
  readonly publishedPage2: string;
}

let served: Served;

/**
 * One entity (with its address, phone and hours shown at the foot of the page): a citizen's case
 * with a story, and anonymous denuncias answered (the last one's answer is on the first page).
 */
function serve(): Served {
  const desk = new Desk({
    settings: {
      address: 'Carrera 50 # 51-10, Medellín',
      phone: '604 123 4567',
      attentionHours: 'Lunes a viernes, 8:00 a 17:00',
    },
  });
  desk.harness.advanceTo(AT);
  desk.submit(citizen({ subject: SUBJECT }), minutesFromNow(desk, 1));
  const ack = desk.mailTo(CITIZEN_EMAIL).find((m) => m.subject.endsWith('recibimos su solicitud'));
  const match = /https:\/\/script\.google\.com\/macros\/s\/\S+/.exec(ack?.body ?? '');
  if (!match) throw new Error(`no follow-up link in the acknowledgement: ${ack?.body}`);
  const link = new URL(match[0]);
  const radicado = link.searchParams.get('r') ?? '';
  const token = link.searchParams.get('t') ?? '';
  expect(radicado).toMatch(/^2026-\d{6}$/);

  actOk(desk, { radicado, kind: 'requestInfo', note: NOTE });
  actOk(desk, { radicado, kind: 'receiveInfo' });
  // Within twice the 15 business days counted from the day after filing (day 30: 17/03/2026).
  actOk(desk, { radicado, kind: 'extend', newDueDate: '2026-03-10', reason: REASON });
  actOk(desk, { radicado, kind: 'answer', summary: ANSWER });

  const anonymous = citizen({ anonymous: true, type: 'denuncia', email: '' });
  for (let i = 0; i <= OTHER_PUBLISHED; i += 1) {
    desk.submit(anonymous, minutesFromNow(desk, 1));
    const filed = desk.cases().at(-1)?.radicado;
    const last = i === OTHER_PUBLISHED;
    actOk(desk, {
      radicado: filed,
      kind: 'answer',
      summary: last ? ANONYMOUS_ANSWER : `Respuesta a la denuncia ${i + 1}.`,
    });
  }

  const visit = (parameter: Record<string, string>): string => {
    const run = desk.harness.visit(desk.name, parameter);
    expect(run.error).toBeNull();
    return run.body;
  };
  return {
    desk,
    radicado,
    followUp: visit({ r: radicado, t: token }),
    notFound: visit({ r: radicado, t: `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}` }),
    published: visit({ publicaciones: '1' }),
    publishedPage2: visit({ publicaciones: '1', pagina: '2' }),
  };
}

beforeAll(() => {
  served = serve();
}, 60_000);

/** The checks every citizen page passes at 360 px, whatever it shows. */
async function expectAccessible(loaded: LoadedPage, title: string): Promise<void> {
  const { page } = loaded;
  expect(await page.evaluate('document.documentElement.lang')).toBe('es');
  expect(await page.title()).toBe(title);
  expect(await page.evaluate(`document.querySelector('meta[name=viewport]').content`)).toContain(
    'width=device-width',
  );
  // One h1, the page's title, first; no heading skips a level.
  const levels = await headingLevels(page);
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  expect(levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1)).toEqual([]);
  expect(await page.locator('h1').textContent()).toBe(title);
  // Everything in one column: no sideways scrolling at 360 px.
  const { scrollWidth, clientWidth } = await widths(page);
  expect(clientWidth).toBeGreaterThan(320); // a classic scrollbar may take a few pixels
  expect(clientWidth).toBeLessThanOrEqual(PHONE.width);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(await contrastFailures(page)).toEqual([]);
  // Every link is reached with Tab, in order, and shows where the focus is.
  const all = await links(page);
  const stops = await tabThrough(page);
  expect(stops.map((s) => ({ href: s.href, text: s.text }))).toEqual(all);
  for (const stop of stops) {
    expect(stop.outlineStyle === 'none' && stop.boxShadow === 'none').toBe(false);
    if (stop.outlineStyle !== 'none') {
      expect(stop.outlineWidth).toBeGreaterThanOrEqual(2);
      expect(contrast(stop.outlineColor, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    }
  }
  // Nothing from the network (no font, no image, no script), no script error, no dialog.
  expect(loaded.requests).toEqual([]);
  expect(loaded.pageErrors).toEqual([]);
  expect(loaded.dialogs).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

/** The contrast ratio of two opaque CSS rgb() colors (WCAG 2.1 relative luminance). */
function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The follow-up page's facts (dt → dd), as the citizen reads them. */
async function facts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('dt')]
    .map((dt) => [dt.textContent, dt.nextElementSibling.textContent]))`);
}

/** Payloads in citizen and clerk text stay text: no element, no script ran. */
async function expectNoInjection(loaded: LoadedPage): Promise<void> {
  expect(await loaded.page.locator('img, script, iframe, object, embed').count()).toBe(0);
  expect(await loaded.page.evaluate('typeof window.alert')).toBe('function');
  expect(loaded.dialogs).toEqual([]);
}

describe('the citizen follow-up page at 360 px', () => {
  it('tells the story of the case in order, escapes what people typed, and passes the WCAG 2.1 AA checks', async () => {
    const loaded = await browser.load(served.followUp);
    const { page } = loaded;
    expect(await page.locator('.status').textContent()).toBe('Estado: Respondido');
    const shown = await facts(page);
    expect(shown).toMatchObject({
      Radicado: served.radicado,
      Recibida: '03/02/2026 10:01',
      Tipo: 'Petición de interés general',
      Asunto: SUBJECT,
      'Dependencia que la atiende': 'Ventanilla Única',
    });
    expect(await page.locator('ol.timeline li h3').allTextContents()).toEqual([
      'Solicitud radicada',
      'La entidad le pidió información',
      'Información recibida',
      'Plazo de respuesta ampliado',
      'Respuesta',
    ]);
    const story = await page.locator('ol.timeline li').allTextContents();
    expect(story[1]).toContain(NOTE);
    expect(story[3]).toContain(REASON);
    expect(story[3]).toContain('10/03/2026');
    expect(story[4]).toContain(ANSWER);
    // Each moment is a machine-readable time, in order.
    const times: string[] = await page.evaluate(
      `[...document.querySelectorAll('ol.timeline time')].map((t) => t.getAttribute('datetime'))`,
    );
    expect(times.map((t) => Date.parse(t))).toEqual(
      [...times].map((t) => Date.parse(t)).sort((a, b) => a - b),
    );
    expect(await page.locator('footer').textContent()).toContain('604 123 4567');
    await expectNoInjection(loaded);
    await expectAccessible(loaded, 'Su solicitud ante Alcaldía de Prueba');
    await screenshot(page, SCREENSHOT, true);
  });

  it('a wrong token gets the same short not-found page, as accessible', async () => {
    const loaded = await browser.load(served.notFound);
    const text = (await loaded.page.locator('main').textContent()) ?? '';
    expect(text).toContain('No encontramos una solicitud con esos datos');
    expect(text).not.toContain(served.radicado);
    expect(text).not.toContain('Luz del parque');
    await expectAccessible(loaded, 'Consulta de su solicitud');
  });
});

describe('the published answers at 360 px', () => {
  it('shows the answer of an anonymous denuncia as text, pages by keyboard, and passes the checks', async () => {
    const loaded = await browser.load(served.published);
    const { page } = loaded;
    const articles = page.locator('article');
    expect(await articles.count()).toBe(20);
    const newest = (await articles.first().textContent()) ?? '';
    expect(newest).toContain('Denuncia');
    expect(newest).toContain(ANONYMOUS_ANSWER);
    // No personal data of the citizen whose case was not anonymous.
    expect(await page.locator('main').textContent()).not.toContain('Luz del parque');
    expect(await page.locator('main').textContent()).not.toContain('María Fernanda');
    // Two pages: a link to the older answers, at the web app's own address, opening at the top.
    const found = await links(page);
    expect(found).toEqual([
      { href: `${served.desk.entity.webAppUrl}?publicaciones=1&pagina=2`, text: 'Anteriores' },
    ]);
    expect(await page.locator('nav a').getAttribute('target')).toBe('_top');
    await expectNoInjection(loaded);
    await expectAccessible(loaded, 'Respuestas publicadas - Alcaldía de Prueba');
    await screenshot(page, PUBLISHED_SCREENSHOT, true);
  });

  it('the second page holds the oldest answer and links back to the newest', async () => {
    const loaded = await browser.load(served.publishedPage2);
    const { page } = loaded;
    expect(await page.locator('article h2').allTextContents()).toEqual([
      `Radicado ${served.desk.cases()[1].radicado}`,
    ]);
    expect(await links(page)).toEqual([
      { href: `${served.desk.entity.webAppUrl}?publicaciones=1&pagina=1`, text: 'Más recientes' },
    ]);
    expect(await page.locator('nav').textContent()).toContain('Página 2 de 2');
    await expectAccessible(loaded, 'Respuestas publicadas - Alcaldía de Prueba');
  });
});
