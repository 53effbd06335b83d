// Shared set-up for the browser tests of the citizen's pages of the entity's web app (the private
// follow-up page, the not-found page, the published answers): one Chromium per test file, a page
// loaded from the exact HTML `doGet` served (no network at all), and the WCAG 2.1 AA basics checked
// in the page itself (headings, reflow at 320–360 px, text contrast, keyboard focus, axe-core).
// Needs /usr/bin/chromium (CI: .ci/run). Not a test file (no .test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../simulator/fixtures';
import { launchChromium } from './desk-browser';

/** A small phone (WCAG 1.4.10 reflow asks for 320 CSS px; a common Android phone is 360 × 740). */
export const PHONE = { width: 360, height: 740 };

export interface LoadedPage {
  readonly page: Page;
  /** Every request the page made (it must make none: no external asset). */
  readonly requests: string[];
  /** alert/confirm/prompt dialogs the page opened (an XSS payload would open one). */
  readonly dialogs: string[];
  /** Uncaught errors and console errors in the page. */
  readonly pageErrors: string[];
}

/** Registers Chromium's lifecycle in the calling test file and returns the page loader. */
export function useChromium(): {
  load(html: string, viewport?: { width: number; height: number }): Promise<LoadedPage>;
} {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
  }, 15_000);

  return {
    async load(html, viewport = PHONE) {
      if (!browser) throw new Error('Chromium did not start');
      // Offline, and every request refused: a page that needs anything from the network shows it.
      const context = await browser.newContext({ viewport, offline: true });
      contexts.push(context);
      const requests: string[] = [];
      const dialogs: string[] = [];
      const pageErrors: string[] = [];
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      page.on('request', (request) => requests.push(request.url()));
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.setContent(html, { waitUntil: 'load' });
      return { page, requests, dialogs, pageErrors };
    },
  };
}

/** The levels of the page's headings (h1–h6 and role=heading), in document order. */
export async function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(`[...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')]
    .map((h) => Number(h.getAttribute('aria-level') || h.tagName.slice(1)))`);
}

/** Horizontal scrolling at the current viewport: the scrolling width and the visible width. */
export async function widths(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(`(() => {
    const s = document.scrollingElement;
    return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
  })()`);
}

export interface ContrastFailure {
  readonly text: string;
  readonly color: string;
  readonly background: string;
  readonly ratio: number;
  readonly needed: number;
}

/**
 * Every visible text run whose contrast is below WCAG 1.4.3 (4.5:1; 3:1 for large text, ≥ 24 px
 * or ≥ 18.66 px bold): the text color composited over the background found by walking up to an
 * opaque background-color (the canvas is white). Elements with a background image are reported
 * (their contrast cannot be computed this way).
 */
export async function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(`(() => {
    const parse = (css) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = (c) => {
      const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    };
    const backgroundOf = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none') return null;
        const bg = parse(style.backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let color = [255, 255, 255, 1];
      for (const layer of layers.reverse()) color = over(layer, color);
      return color;
    };
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const style = getComputedStyle(el);
      const background = backgroundOf(el);
      if (!background) { out.push({ text: text.slice(0, 60), color: style.color, background: 'image', ratio: 0, needed: 4.5 }); continue; }
      const fg = over(parse(style.color), background);
      const [hi, lo] = [luminance(fg), luminance(background)].sort((a, b) => b - a);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < needed)
        out.push({ text: text.slice(0, 60), color: style.color, background: String(background), ratio: Math.round(ratio * 100) / 100, needed });
    }
    return out;
  })()`);
}

export interface FocusStop {
  readonly tag: string;
  readonly href: string;
  readonly text: string;
  readonly outlineStyle: string;
  readonly outlineWidth: number;
  readonly outlineColor: string;
  readonly boxShadow: string;
}

/** Presses Tab through the whole page: each element reached, with its focus indicator. */
export async function tabThrough(page: Page, max = 50): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const stop = (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return { tag: el.tagName.toLowerCase(), href: el.getAttribute('href') || '', text: el.textContent.trim(),
        outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
        boxShadow: s.boxShadow };
    })()`)) as FocusStop | null;
    if (!stop) break; // past the last element: the focus left the page
    if (stops.length > 0 && stops[0].href === stop.href && stops[0].text === stop.text) break;
    stops.push(stop);
  }
  return stops;
}

/** The page's links, in document order. */
export async function links(page: Page): Promise<Array<{ href: string; text: string }>> {
  return page.evaluate(`[...document.querySelectorAll('a')]
    .map((a) => ({ href: a.getAttribute('href') || '', text: a.textContent.trim() }))`);
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

let axeSource: string | null = null;

/** axe-core's WCAG 2.0/2.1 A and AA rules, run in the page (injected inline: no network). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.html.slice(0, 120)) })))`);
}
