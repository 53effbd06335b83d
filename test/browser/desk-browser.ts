// Shared set-up for the browser tests of the clerk's case desk (src/ui/sidebar.html): one Chromium
// per test file, and a desk page opened the way a person opens it — the menu item runs on the BUILT
// bundle in the simulator, UiHost records the sidebar, and tools/browser/sidebar-bridge.ts serves
// that exact page to Chromium and routes its google.script.run calls to Harness.scriptRun.
// Needs /usr/bin/chromium (CI: .ci/run). Not a test file (no .test.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  recordedDialog,
  recordedSidebar,
  startSidebarBridge,
  type SidebarBridge,
} from '../../tools/browser/sidebar-bridge';
import { bogota, Desk, useBuiltBundle } from '../simulator/fixtures';

const CHROMIUM = '/usr/bin/chromium';
export const DESK_MENU = 'Abrir la mesa de casos';
export const SIDEBAR_TITLE = 'Ventanilla PQRSD';
/** The data stewards' menu item and the modal dialog it opens (src/ui/titular.html, 720 × 620). */
export const TITULAR_MENU = 'Datos personales de un titular';
export const TITULAR_TITLE = 'Datos personales de un titular';
export const TITULAR_SIZE = { width: 720, height: 620 };
/** The supervisors' menu item and the reports dialog it opens (src/ui/reports.html, 560 × 520). */
export const REPORTS_MENU = 'Generar informes';
export const REPORTS_TITLE = 'Informes de ley';
export const REPORTS_SIZE = { width: 560, height: 520 };
/** The web app's address for the desk page (`doGet` with `?vista=mesa`). */
export const WEB_DESK = { vista: 'mesa' };
/** Tuesday 3 February 2026, 10:00 in Bogotá: a business day with no holiday for weeks around. */
export const AT = bogota('2026-02-03T10:00:00');
/** Longest wait for one thing on the page (a server round trip through the simulator). */
export const WAIT_MS = 5_000;
export const NETWORK_MESSAGE =
  'No se pudo completar la operación: se perdió la conexión. Intente de nuevo.';

export interface OpenDesk {
  readonly page: Page;
  readonly bridge: SidebarBridge;
  /** Uncaught errors and console errors in the page. */
  readonly pageErrors: string[];
  /** alert/confirm/prompt dialogs the page opened (an XSS payload would open one). */
  readonly dialogs: string[];
}

export interface OpenOptions {
  /** Who clicks the menu item (default: the page's user). */
  readonly openedBy?: string;
  /**
   * 'web': the page as the entity's web app serves it (`?vista=mesa`, with its surface marker).
   * 'titular': the modal dialog of the menu item "Datos personales de un titular" (no opening
   * check to wait for; the viewport is the dialog's size unless `width` says otherwise).
   * 'reports': the modal dialog of "Generar informes" (its size; downloads accepted).
   */
  readonly surface?: 'sidebar' | 'web' | 'titular' | 'reports';
  readonly width?: number;
  /** Wait for the opening check to end (default true). */
  readonly settle?: boolean;
  /** Runs on the new page before it loads (e.g. to route its requests). */
  readonly beforeLoad?: (page: Page) => Promise<unknown>;
}

/** Chromium from the Debian package (never a downloaded one), with the flags every test uses. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there. Install it with ` +
        '`sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium` ' +
        '(Debian/Ubuntu; .ci/run does this in CI). Do not run `npx playwright install`.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 15_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Registers Chromium's lifecycle in the calling test file and returns the page opener. */
export function useDeskBrowser(): {
  open(desk: Desk, user: string, options?: OpenOptions): Promise<OpenDesk>;
} {
  useBuiltBundle();
  let browser: Browser | null = null;
  const bridges: SidebarBridge[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await Promise.all(bridges.splice(0).map((b) => b.close()));
  });

  afterAll(async () => {
    await Promise.all(bridges.splice(0).map((b) => b.close()));
    await browser?.close();
  }, 15_000);

  return {
    async open(desk, user, options = {}) {
      if (!browser) throw new Error('Chromium did not start');
      const opener = options.openedBy ?? user;
      const dialog =
        options.surface === 'titular'
          ? { menu: TITULAR_MENU, title: TITULAR_TITLE, size: TITULAR_SIZE }
          : options.surface === 'reports'
            ? { menu: REPORTS_MENU, title: REPORTS_TITLE, size: REPORTS_SIZE }
            : null;
      const html =
        options.surface === 'web'
          ? webPage(desk, opener)
          : dialog
            ? dialogPage(desk, opener, dialog.menu, dialog.title)
            : sidebarPage(desk, opener);
      const bridge = await startSidebarBridge({
        harness: desk.harness,
        entity: desk.name,
        user,
        html,
      });
      bridges.push(bridge);
      const context = await browser.newContext({
        viewport: dialog
          ? { width: options.width ?? dialog.size.width, height: dialog.size.height }
          : { width: options.width ?? 300, height: 800 },
        acceptDownloads: options.surface === 'reports',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const pageErrors: string[] = [];
      const dialogs: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      if (options.beforeLoad) await options.beforeLoad(page);
      await page.goto(bridge.url, { waitUntil: 'load' });
      if (options.settle !== false && !dialog) await openingChecked(page);
      return { page, bridge, pageErrors, dialogs };
    },
  };
}

/** `user` clicks Extensions → Ventanilla PQRSD → Abrir la mesa de casos: the page the sidebar shows. */
function sidebarPage(desk: Desk, user: string): string {
  const click = desk.harness.menu(desk.name, user, DESK_MENU);
  expect(click.error).toBeNull();
  const shown = recordedSidebar(desk.harness, desk.name);
  expect(shown.title).toBe(SIDEBAR_TITLE);
  return shown.content;
}

/** `user` clicks Extensions → Ventanilla PQRSD → `menu`: the page of the dialog it opens. */
function dialogPage(desk: Desk, user: string, menu: string, title: string): string {
  const click = desk.harness.menu(desk.name, user, menu);
  expect(click.error).toBeNull();
  return recordedDialog(desk.harness, desk.name, title).content;
}

/** `user` visits the entity's web app at `?vista=mesa`: the page it serves. */
function webPage(desk: Desk, user: string): string {
  const visit = desk.harness.visit(desk.name, WEB_DESK, user);
  expect(visit.error).toBeNull();
  expect(visit.body).toContain('window.DESK_SURFACE');
  return visit.body;
}

/** The opening `whoAmI` check has ended: the desk is shown, or the gate says why not. */
export async function openingChecked(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => { const gate = document.getElementById('gate-status');
      return !document.getElementById('desk').hidden ||
        (gate !== null && gate.classList.contains('error')); })()`,
    undefined,
    { timeout: WAIT_MS },
  );
}

/** The text of a status region once it no longer shows a pending message. */
export async function settled(page: Page, id: string): Promise<{ text: string; kind: string }> {
  await page.waitForFunction(
    `(() => { const s = document.getElementById(${JSON.stringify(id)});
      return s !== null && s.textContent !== '' && !s.classList.contains('pending'); })()`,
    undefined,
    { timeout: WAIT_MS },
  );
  return page.evaluate(`(() => { const s = document.getElementById(${JSON.stringify(id)});
    const kind = ['ok', 'error'].find((k) => s.classList.contains(k)) || '';
    return { text: s.textContent, kind }; })()`);
}

/** Waits until `#id`'s text is exactly `text`. */
export async function textIs(page: Page, id: string, text: string): Promise<void> {
  await page.waitForFunction(
    `(document.getElementById(${JSON.stringify(id)}) || {}).textContent === ${JSON.stringify(text)}`,
    undefined,
    { timeout: WAIT_MS },
  );
}

/** The case view's fields (dt → dd), as the clerk reads them. */
export async function caseFields(
  page: Page,
  listId = 'case-fields',
): Promise<Record<string, string>> {
  return page.evaluate(`(() => {
    const out = {};
    const terms = document.querySelectorAll('#${listId} dt');
    terms.forEach((dt) => { out[dt.textContent] = dt.nextElementSibling.textContent; });
    return out;
  })()`);
}

/** Creates the screenshot's folder and writes a PNG of the page. */
export async function screenshot(page: Page, path: string, fullPage: boolean): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
}

/** A fresh entity whose clock stands at AT. */
export function newDesk(): Desk {
  const desk = new Desk();
  desk.harness.advanceTo(AT);
  return desk;
}
