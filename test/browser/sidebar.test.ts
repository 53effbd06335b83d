// The clerk sidebar in a real Chromium: the page is the one the simulator's UiHost recorded when a
// person clicked "Registrar petición verbal" on the BUILT bundle, and its google.script.run calls go through
// tools/browser/sidebar-bridge.ts to Harness.scriptRun. Needs /usr/bin/chromium (CI: .ci/run).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { formatMessage } from '../../src/core/messages';
import {
  recordedSidebar,
  startSidebarBridge,
  type SidebarBridge,
} from '../../tools/browser/sidebar-bridge';
import { readHtmlOutput } from '../../tools/simulator/services/html';
import { bogota, CLERK, Desk, OUTSIDER, ROOT, useBuiltBundle } from '../simulator/fixtures';

const CHROMIUM = '/usr/bin/chromium';
const SIDEBAR_MENU = 'Registrar petición verbal';
const SCREENSHOT = join(ROOT, 'out', 'browser', 'sidebar.png');
const AT = bogota('2026-02-03T10:00:00');
const WAIT_MS = 5_000;

useBuiltBundle();

let browser: Browser | null = null;
const bridges: SidebarBridge[] = [];
const contexts: BrowserContext[] = [];

// A real browser on a busy 2-core machine: each test gets 30 s (its own steps wait at most 15 s).
jest.setTimeout(30_000);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there. Install it with ` +
        '`sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium` ' +
        '(Debian/Ubuntu; .ci/run does this in CI). Do not run `npx playwright install`.',
    );
  }
  browser = await chromium.launch({
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
}, 30_000);

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await Promise.all(bridges.splice(0).map((b) => b.close()));
  await browser?.close();
}, 15_000);

interface OpenSidebar {
  readonly page: Page;
  readonly bridge: SidebarBridge;
  /** Uncaught errors and console errors in the page. */
  readonly pageErrors: string[];
  /** alert/confirm/prompt dialogs the page opened (an XSS payload would open one). */
  readonly dialogs: string[];
}

/** `user` clicks Extensions → Ventanilla PQRSD → Registrar petición verbal; the sidebar opens in Chromium. */
async function openSidebar(desk: Desk, user: string): Promise<OpenSidebar> {
  if (!browser) throw new Error('Chromium did not start');
  const click = desk.harness.menu(desk.name, user, SIDEBAR_MENU);
  expect(click.error).toBeNull();
  const shown = recordedSidebar(desk.harness, desk.name);
  expect(shown.title).toBe('Ventanilla PQRSD');
  const bridge = await startSidebarBridge({
    harness: desk.harness,
    entity: desk.name,
    user,
    html: shown.content,
  });
  bridges.push(bridge);
  const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
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
  await page.goto(bridge.url, { waitUntil: 'load' });
  return { page, bridge, pageErrors, dialogs };
}

interface VerbalFiling {
  readonly channel: string;
  readonly type: string;
  readonly name: string;
  readonly email: string;
  readonly subject: string;
  readonly description: string;
}

const WALK_IN: VerbalFiling = {
  channel: 'Presencial',
  type: 'Queja',
  name: 'Jorge Iván Zapata',
  email: 'jorge.zapata@example.com',
  subject: 'Queja presentada en la ventanilla',
  description: 'El ciudadano se queja verbalmente por la demora en la atención del trámite.',
};

/** Types the filing the way the clerk does (choices picked by their visible labels), then Radicar. */
async function fileVerbal(page: Page, filing: VerbalFiling): Promise<void> {
  await page.getByLabel('Canal').selectOption({ label: filing.channel });
  await page.getByLabel('Tipo de solicitud').selectOption({ label: filing.type });
  await page.getByLabel('Nombre del peticionario').fill(filing.name);
  await page.getByLabel('Correo electrónico').fill(filing.email);
  await page.getByLabel('Asunto').fill(filing.subject);
  await page.getByLabel('Lo que solicita').fill(filing.description);
  await page.getByRole('button', { name: 'Radicar' }).click();
}

/** The status area once the server has answered (it says "Radicando…" while waiting). */
async function settledStatus(page: Page): Promise<{ text: string; className: string }> {
  await page.waitForFunction(
    `(() => { const s = document.getElementById('status');
      return s !== null && s.textContent !== '' && s.textContent !== 'Radicando…'; })()`,
    undefined,
    { timeout: WAIT_MS },
  );
  const status = page.getByRole('status');
  return {
    text: (await status.textContent()) ?? '',
    className: (await status.getAttribute('class')) ?? '',
  };
}

async function fieldValues(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of ['channel', 'type', 'name', 'email', 'phone', 'subject', 'description'])
    out[id] = await page.locator(`#${id}`).inputValue();
  return out;
}

function newDesk(): Desk {
  const desk = new Desk();
  desk.harness.advanceTo(AT);
  return desk;
}

describe('clerk sidebar in Chromium', () => {
  it('a clerk registers a walk-in complaint: status shows the radicado, the case and the acknowledgement exist', async () => {
    const desk = newDesk();
    const { page, bridge, pageErrors } = await openSidebar(desk, CLERK);

    // The browser gets the recorded page byte for byte, plus only the injected client script.
    const shown = recordedSidebar(desk.harness, desk.name);
    expect(readHtmlOutput(shown.output)?.content).toBe(shown.content);
    expect(bridge.servedHtml.replace(/<script data-sidebar-bridge>[\s\S]*?<\/script>/, '')).toBe(
      shown.content,
    );
    await expect(page.title()).resolves.toBe('');
    expect(await page.getByRole('heading').first().textContent()).toBe('Registrar petición verbal');

    await fileVerbal(page, WALK_IN);
    const status = await settledStatus(page);

    const cases = desk.cases();
    expect(cases).toHaveLength(1);
    const [record] = cases;
    expect(record.radicado).toMatch(/(^|-)2026-000001$/);
    expect(status).toEqual({ text: `Radicado ${record.radicado}`, className: '' });
    expect(record.radicado).toBe('2026-000001'); // the fixture's settings: no prefix
    const row = desk.rowOfRadicado(record.radicado);
    expect(desk.value('Radicados', row, 'Canal')).toBe('Presencial');
    expect(record.type).toBe('queja');
    expect(record.subject).toBe(WALK_IN.subject);
    expect(record.description).toBe(WALK_IN.description);
    expect(record.petitioner.name).toBe(WALK_IN.name);
    expect(record.petitioner.email).toBe(WALK_IN.email);
    expect(record.responseId).toMatch(/^verbal:/);

    const mails = desk.mailTo(WALK_IN.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(record.radicado);
    expect(mails[0].body).toContain(record.radicado);

    // One click, one call, through the one gateway, as the clerk.
    expect(bridge.calls).toHaveLength(1);
    expect(bridge.calls[0]).toMatchObject({
      fn: 'rpc',
      ok: true,
      args: ['registerVerbal', { channel: 'presencial', answers: { type: 'queja' } }],
    });
    expect(desk.executionsOf('rpc').at(-1)?.error).toBeNull();
    expect(pageErrors).toEqual([]);

    mkdirSync(join(ROOT, 'out', 'browser'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('the form resets after success and a second filing gets the next radicado', async () => {
    const desk = newDesk();
    const { page, bridge, pageErrors } = await openSidebar(desk, CLERK);
    const pristine = await fieldValues(page);
    expect(pristine).toEqual({
      channel: 'presencial',
      type: 'peticion_general',
      name: '',
      email: '',
      phone: '',
      subject: '',
      description: '',
    });

    await fileVerbal(page, WALK_IN);
    expect((await settledStatus(page)).text).toBe('Radicado 2026-000001');
    expect(await fieldValues(page)).toEqual(pristine);

    await fileVerbal(page, {
      channel: 'Telefónico',
      type: 'Reclamo',
      name: 'Rosa Elena Cárdenas',
      email: 'rosa.cardenas@example.com',
      subject: 'Reclamo por cobro del impuesto predial',
      description: 'Llamó para reclamar un cobro doble del impuesto predial de 2025.',
    });
    await page.waitForFunction(
      `document.getElementById('status').textContent === 'Radicado 2026-000002'`,
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await fieldValues(page)).toEqual(pristine);

    const cases = desk.cases();
    expect(cases.map((c) => c.radicado)).toEqual(['2026-000001', '2026-000002']);
    expect(new Set(cases.map((c) => c.responseId)).size).toBe(2); // each click its own requestId
    expect(desk.value('Radicados', desk.rowOfRadicado('2026-000002'), 'Canal')).toBe('Telefónico');
    expect(cases[1].type).toBe('reclamo');
    expect(desk.mailTo('rosa.cardenas@example.com')).toHaveLength(1);
    expect(bridge.calls).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('a double click on Radicar files one petition, and a ticked authorisation is recorded', async () => {
    const desk = newDesk();
    const { page } = await openSidebar(desk, CLERK);
    await page.getByLabel('Canal').selectOption({ label: WALK_IN.channel });
    await page.getByLabel('Tipo de solicitud').selectOption({ label: 'Petición de congresista' });
    await page.getByLabel('Nombre del peticionario').fill(WALK_IN.name);
    await page.getByLabel('Asunto').fill(WALK_IN.subject);
    await page.getByLabel('Lo que solicita').fill(WALK_IN.description);
    await page.getByLabel('Autoriza el tratamiento de datos (Ley 1581)').check();
    await page.getByRole('button', { name: 'Radicar' }).dblclick();
    expect((await settledStatus(page)).text).toBe('Radicado 2026-000001');
    const cases = desk.cases();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ type: 'peticion_congresista', consent: true });
  }, 15_000);

  it('someone who is not staff is told so when opening the desk, and the gateway refuses too', () => {
    const desk = newDesk();
    const click = desk.harness.menu(desk.name, OUTSIDER, SIDEBAR_MENU);
    expect(click.error).toBeNull();
    // No form to fill in vain: the Spanish NOT_STAFF message comes at once, and no sidebar opens.
    expect(desk.entity.ui.sidebars).toEqual([]);
    const alert = desk.entity.ui.alerts[desk.entity.ui.alerts.length - 1];
    expect(alert.prompt).toBe(formatMessage('NOT_STAFF'));
    expect(alert.prompt).toContain('hoja Dependencias');
    // A page script calling the gateway directly gets the same refusal and files nothing.
    const direct = desk.rpc(OUTSIDER, 'registerVerbal', {
      requestId: 'req-outsider',
      channel: 'presencial',
      answers: { type: 'Petición de interés general', subject: WALK_IN.subject },
    });
    expect(direct.value).toMatchObject({ ok: false, code: 'NOT_STAFF' });
    expect(desk.cases()).toEqual([]);
    expect(desk.mailTo(WALK_IN.email)).toEqual([]);
  });

  it('markup typed as the subject is never rendered as HTML and is stored literally', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const desk = newDesk();
    const { page, pageErrors, dialogs } = await openSidebar(desk, CLERK);
    await fileVerbal(page, { ...WALK_IN, name: `Pepe ${payload}`, subject: payload });
    const status = await settledStatus(page);
    expect(status.text).toBe('Radicado 2026-000001');

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerHTML()).not.toContain('<img');
    expect(await page.locator('body').innerText()).not.toContain(payload);
    expect(dialogs).toEqual([]);

    const row = desk.rowOfRadicado('2026-000001');
    expect(desk.value('Radicados', row, 'Asunto')).toBe(payload);
    expect(desk.cases()[0].subject).toBe(payload);
    // The acknowledgement's HTML part escapes it too; the plain part keeps it as typed.
    const [mail] = desk.mailTo(WALK_IN.email);
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.body).toContain(payload);
    expect(pageErrors).toEqual([]);
  });

  it("the page's google.script.run behaves like Apps Script's: chaining, user object, no Dates", async () => {
    const desk = newDesk();
    const { page, bridge } = await openSidebar(desk, CLERK);
    const before = desk.ws.executions.length;
    const outcome = await page.evaluate(
      `new Promise((resolve) => {
        const run = google.script.run;
        const chained = run.withSuccessHandler(() => resolve({ date: 'succeeded' }));
        const out = { newRunner: chained !== run };
        chained
          .withFailureHandler((error, user) =>
            resolve({ ...out, date: error.message, isError: error instanceof Error, user }))
          .withUserObject('u1')
          .rpc('whoAmI', { when: new Date() });
      })`,
    );
    expect(outcome).toEqual({
      newRunner: true,
      date: 'Illegal value at argument 1.when: google.script.run cannot pass a Date',
      isError: true,
      user: 'u1',
    });
    // The call failed before reaching the server, as in Apps Script: no execution was recorded.
    expect(desk.ws.executions.length).toBe(before);

    const who = await page.evaluate(
      `new Promise((resolve) => google.script.run
        .withSuccessHandler((reply, user) => resolve({ reply, user }))
        .withFailureHandler((error) => resolve({ failed: error.message }))
        .withUserObject(7)
        .rpc('whoAmI', {}))`,
    );
    expect(who).toMatchObject({ reply: { ok: true, data: { email: CLERK } }, user: 7 });

    const missing = await page.evaluate(
      `new Promise((resolve) => google.script.run
        .withFailureHandler((error) => resolve(error.message))
        .withSuccessHandler(() => resolve('succeeded'))
        .noSuchFunction())`,
    );
    expect(missing).toBe('Script function not found: noSuchFunction');
    expect(bridge.calls.map((c) => c.ok)).toEqual([false, true, false]);
  });
});
