// The statutory reports dialog "Informes de ley" (src/ui/reports.html) in a real Chromium: the page
// is the one the simulator's UiHost recorded when a supervisor clicked "Generar informes" on the
// BUILT bundle (showModalDialog, 560 × 520), and its google.script.run calls go through
// tools/browser/sidebar-bridge.ts to Harness.scriptRun. The supervisor asks for a period, the
// report lands on a sheet of its own, and the ministry's aggregate export (JSON and CSV, no
// personal data) is handed over as two downloads (Decreto 1081 de 2015, art. 2.1.1.6.2; Ley 1474
// de 2011, art. 76). desk-browser.ts opens it (surface 'reports'). Needs /usr/bin/chromium (CI: .ci/run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatMessage } from '../../src/core/messages';
import { ROLE_LABELS } from '../../src/gas/config-sheets';
import { STAFF_SHEET } from '../../src/gas/sheet-schema';
import { recordedDialog, type SidebarBridge } from '../../tools/browser/sidebar-bridge';
import {
  act,
  ADMIN,
  bogota,
  citizen,
  CLERK,
  ROOT,
  SUPERVISOR,
  type Desk,
  type RpcResult,
} from '../simulator/fixtures';
import {
  AT,
  NETWORK_MESSAGE,
  newDesk,
  REPORTS_MENU,
  REPORTS_SIZE,
  REPORTS_TITLE,
  screenshot,
  settled,
  useDeskBrowser,
  WAIT_MS,
} from './desk-browser';

const SCREENSHOT = join(ROOT, 'out', 'browser', 'reports.png');
const ACCESS_LABEL =
  'Solicitudes de acceso a la información (Decreto 1081 de 2015, art. 2.1.1.6.2)';
const PETITIONER = 'Rosa Elvira Cárdenas';
const ACCESS_SHEET = 'Informe acceso 2026-01-01 a 2026-06-30';
const BASE = 'acceso_informacion-2026-01-01-2026-06-30';
const WORKING = 'Generando el informe…';

// A real browser on a busy 2-core machine: each test gets 30 s (its own steps wait at most 5 s each).
jest.setTimeout(30_000);

const browser = useDeskBrowser();
/** `user` clicks Extensions → Ventanilla PQRSD → Generar informes; the dialog opens in Chromium. */
const openReports = (desk: Desk, user: string) => browser.open(desk, user, { surface: 'reports' });

/**
 * An entity with two cases filed on Tue 3 February 2026: a request for documents, answered on
 * Thu 5 February with access denied (Ley 1712 de 2014, art. 18), and a queja still pending.
 */
function deskWithCases(): { desk: Desk; radicado: string } {
  const desk = newDesk();
  const filed = desk.submit(
    citizen({ type: 'peticion_documentos', name: PETITIONER }),
    bogota('2026-02-03T10:00:00'),
  );
  expect(filed.runs.map((r) => r.error)).toEqual([null]);
  desk.submit(
    citizen({ type: 'queja', subject: 'Demora en la atención' }),
    bogota('2026-02-03T10:05:00'),
  );
  const [record] = desk.casesFor(filed.responseId);
  desk.harness.advanceTo(AT + 2 * 24 * 3600_000);
  expect(
    act(desk, CLERK, {
      radicado: record.radicado,
      kind: 'answer',
      summary: 'x',
      accessDenied: true,
      legalBasis: 'Ley 1712 de 2014, art. 18',
    }),
  ).toMatchObject({ ok: true });
  expect(desk.cases()).toHaveLength(2);
  return { desk, radicado: record.radicado };
}

/** The supervisor's row in Dependencias. */
function supervisorRow(desk: Desk): number {
  const sheet = desk.model.requireSheet(STAFF_SHEET.name);
  const email = desk.column(STAFF_SHEET.name, 'Correo');
  for (let r = 2; r <= sheet.lastRow(); r += 1)
    if (sheet.cell(r, email)?.value === SUPERVISOR) return r;
  throw new Error('the supervisor is not in Dependencias');
}

/** Chooses the report, the period and the year, as a person does with the form's labels. */
async function choose(
  page: Page,
  choice: { kind?: string; period: string; index: string; year: string },
): Promise<void> {
  if (choice.kind) await page.getByLabel('Informe', { exact: true }).selectOption(choice.kind);
  await page.getByLabel('Periodo', { exact: true }).selectOption({ label: choice.period });
  await page.getByLabel('Cuál', { exact: true }).selectOption({ label: choice.index });
  await page.getByLabel('Año', { exact: true }).fill(choice.year);
}

/** The status once the call has ended: the in-flight sentence gone and Generar enabled again. */
async function statusAfterCall(page: Page): Promise<{ text: string; kind: string }> {
  await page.waitForFunction(
    `(() => { const s = document.getElementById('status');
      return s.textContent !== '' && s.textContent !== ${JSON.stringify(WORKING)} &&
        !document.getElementById('generate').disabled; })()`,
    undefined,
    { timeout: WAIT_MS },
  );
  return settled(page, 'status');
}

/** Clicks Generar and waits for the outcome. */
async function generate(page: Page): Promise<{ text: string; kind: string }> {
  await page.getByRole('button', { name: 'Generar' }).click();
  return statusAfterCall(page);
}

/** The figures shown (dt → dd), as the supervisor reads them. */
async function figures(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`(() => {
    const out = {};
    document.querySelectorAll('#figures dt').forEach((dt) => {
      out[dt.textContent] = dt.nextElementSibling.textContent;
    });
    return out;
  })()`);
}

/** Clicks a download link; returns the file's suggested name and its text. */
async function downloadOf(page: Page, id: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The payloads of the page's generateReport calls, in order. */
function payloads(bridge: SidebarBridge): unknown[] {
  return bridge.calls.map((c) => {
    expect(c.fn).toBe('rpc');
    expect(c.args[0]).toBe('generateReport');
    return c.args[1];
  });
}

describe('Informes de ley in Chromium', () => {
  it('a supervisor generates the access-to-information report for the first semester: status, figures, sheet, payload and the two downloads', async () => {
    const { desk } = deskWithCases();
    const { page, bridge, pageErrors, dialogs } = await openReports(desk, SUPERVISOR);

    // The modal dialog the menu item opened, served byte for byte plus only the client script.
    const shown = recordedDialog(desk.harness, desk.name);
    expect(shown).toMatchObject({ title: REPORTS_TITLE, modal: true });
    const output = shown.output as { getWidth(): number | null; getHeight(): number | null };
    expect({ width: output.getWidth(), height: output.getHeight() }).toEqual(REPORTS_SIZE);
    expect(bridge.servedHtml.replace(/<script data-sidebar-bridge>[\s\S]*?<\/script>/, '')).toBe(
      shown.content,
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(REPORTS_TITLE);
    expect(await page.locator('#result').isHidden()).toBe(true);
    expect(await page.getByRole('status').textContent()).toBe('');
    // The semesters, named with their months.
    expect(await page.locator('#index option').allTextContents()).toEqual([
      'Semestre 1 (enero a junio)',
      'Semestre 2 (julio a diciembre)',
    ]);
    expect(bridge.calls).toEqual([]);

    await choose(page, {
      kind: ACCESS_LABEL,
      period: 'Semestre',
      index: 'Semestre 1 (enero a junio)',
      year: '2026',
    });
    expect(await generate(page)).toEqual({
      text: `Informe generado en la hoja «${ACCESS_SHEET}».`,
      kind: 'ok',
    });
    expect(payloads(bridge)).toEqual([
      { kind: 'acceso_informacion', from: '2026-01-01', to: '2026-06-30' },
    ]);
    const reply = bridge.calls[0].value as RpcResult;
    expect(reply.ok).toBe(true);
    const data = reply.data as { aggregate: Record<string, unknown>; csv: string };

    // What the supervisor reads.
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await page.locator('#result-title').textContent()).toBe(ACCESS_SHEET);
    expect(await figures(page)).toEqual({
      'Solicitudes recibidas': '1',
      Trasladadas: '0',
      'Acceso negado': '1',
    });
    await expect(page.getByRole('button', { name: 'Generar' }).isEnabled()).resolves.toBe(true);

    // The report is on its own sheet of the entity's spreadsheet.
    expect(desk.model.sheet(ACCESS_SHEET)).toBeDefined();
    const sheetText = desk.model.getDisplayGrid(ACCESS_SHEET).flat().join('\n');
    expect(sheetText).toContain('Decreto 1081 de 2015, art. 2.1.1.6.2');
    expect(sheetText).toContain('01/01/2026 a 30/06/2026');
    expect(sheetText).not.toContain(PETITIONER);

    // The JSON for the ministry: the aggregate (the DANE code, no per-request lines).
    const json = await downloadOf(page, '#json-link');
    expect(json.name).toBe(`${BASE}.json`);
    const aggregate = JSON.parse(json.text) as Record<string, unknown>;
    expect(aggregate).toEqual(data.aggregate);
    expect(aggregate).toMatchObject({
      kind: 'acceso_informacion',
      daneCode: '05001',
      from: '2026-01-01',
      to: '2026-06-30',
      received: 1,
      transferred: 0,
      denied: 1,
      answered: 1,
      unanswered: 0,
    });
    expect(aggregate).toHaveProperty('daneCode');
    expect(aggregate).not.toHaveProperty('requests');
    expect(aggregate).not.toHaveProperty('requestDetails');
    expect(json.text).not.toContain(PETITIONER);

    // The CSV: one indicator a line, as the server wrote it.
    const csv = await downloadOf(page, '#csv-link');
    expect(csv.name).toBe(`${BASE}.csv`);
    expect(csv.text.startsWith('indicador,clave,valor\n')).toBe(true);
    expect(csv.text).toBe(data.csv);
    expect(csv.text).toContain('codigo_dane,,05001\n');
    expect(csv.text).toContain('acceso_negado,,1\n');
    expect(csv.text).not.toContain(PETITIONER);

    expect(bridge.calls).toHaveLength(1);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await screenshot(page, SCREENSHOT, true);
  });

  // The closed #kind select grows to its longest option (about 653 px in Chromium) unless the
  // page bounds it (`max-width: 100%`): the 560 px dialog must not scroll sideways.
  it("fits the dialog's 560 px: no sideways scrolling", async () => {
    const { desk } = deskWithCases();
    const { page, pageErrors } = await openReports(desk, SUPERVISOR);
    await page.getByLabel('Informe', { exact: true }).selectOption(ACCESS_LABEL);
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      REPORTS_SIZE.width,
    );
  });

  it('a month, a leap February, a quarter and the whole year are sent as their first and last days', async () => {
    const { desk } = deskWithCases();
    const { page, bridge, pageErrors } = await openReports(desk, SUPERVISOR);

    await choose(page, { period: 'Mes', index: 'febrero', year: '2026' });
    expect(await page.locator('#index option').count()).toBe(12);
    expect(await generate(page)).toEqual({
      text: 'Informe generado en la hoja «Informe PQRSD 2026-02-01 a 2026-02-28».',
      kind: 'ok',
    });
    expect(payloads(bridge)).toEqual([
      { kind: 'pqrs_semestral', from: '2026-02-01', to: '2026-02-28' },
    ]);
    // The default report is control interno's: both cases, one answered in time, one pending.
    expect(await figures(page)).toEqual({
      'Total recibidas': '2',
      'A tiempo': '1',
      'Fuera de término': '0',
      Pendientes: '1',
    });
    expect(desk.model.sheet('Informe PQRSD 2026-02-01 a 2026-02-28')).toBeDefined();

    await choose(page, { period: 'Mes', index: 'febrero', year: '2028' });
    expect((await generate(page)).kind).toBe('ok');
    await choose(page, {
      period: 'Trimestre',
      index: 'Trimestre 4 (octubre a diciembre)',
      year: '2026',
    });
    expect((await generate(page)).kind).toBe('ok');
    await choose(page, { period: 'Año', index: 'Todo el año', year: '2026' });
    expect((await generate(page)).kind).toBe('ok');
    expect(payloads(bridge).slice(1)).toEqual([
      { kind: 'pqrs_semestral', from: '2028-02-01', to: '2028-02-29' },
      { kind: 'pqrs_semestral', from: '2026-10-01', to: '2026-12-31' },
      { kind: 'pqrs_semestral', from: '2026-01-01', to: '2026-12-31' },
    ]);
    // The links follow the last report.
    expect(await page.locator('#csv-link').getAttribute('download')).toBe(
      'pqrs_semestral-2026-01-01-2026-12-31.csv',
    );
    expect(pageErrors).toEqual([]);
  });

  it('a year outside 2000–2100, a fraction or nothing is refused in the page with no call; the gateway’s refusal is shown as sent', async () => {
    const { desk } = deskWithCases();
    const { page, bridge, pageErrors } = await openReports(desk, SUPERVISOR);
    const sheets = desk.model.sheets.length;

    for (const year of ['1999', '2101', '2026.5', '']) {
      await choose(page, { period: 'Semestre', index: 'Semestre 1 (enero a junio)', year });
      expect(await generate(page)).toEqual({
        text: 'Escriba un año entre 2000 y 2100.',
        kind: 'error',
      });
      expect(await page.evaluate('document.activeElement.id')).toBe('year');
      expect(await page.locator('#result').isHidden()).toBe(true);
    }
    expect(bridge.calls).toEqual([]);
    expect(desk.model.sheets.length).toBe(sheets);

    // Corrected, it goes through.
    await page.getByLabel('Año', { exact: true }).fill('2026');
    expect((await generate(page)).kind).toBe('ok');
    expect(bridge.calls).toHaveLength(1);

    // The admin demotes the supervisor while the dialog is open: the gateway's refusal is shown as
    // sent.
    const row = supervisorRow(desk);
    desk.harness.typeCells(
      desk.name,
      ADMIN,
      STAFF_SHEET.name,
      row,
      desk.column(STAFF_SHEET.name, 'Rol'),
      [[ROLE_LABELS.clerk]],
    );
    expect(await generate(page)).toEqual({
      text: formatMessage('ROLE_REQUIRED', { role: 'Supervisor o Administrador' }),
      kind: 'error',
    });
    expect(bridge.calls.map((c) => c.value)).toEqual([
      expect.objectContaining({ ok: true }),
      expect.objectContaining({ ok: false, code: 'ROLE_REQUIRED' }),
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('Generar is disabled while a call is in flight (Enter sends nothing more); a lost connection says so and leaves it usable', async () => {
    const { desk } = deskWithCases();
    const { page, bridge, pageErrors } = await openReports(desk, SUPERVISOR);
    const button = page.getByRole('button', { name: 'Generar' });

    // A slow server: the page says it is working and the button waits.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    await page.route('**/__bridge/run', async (route) => {
      requests += 1;
      await held;
      await route.continue();
    });
    await choose(page, {
      kind: ACCESS_LABEL,
      period: 'Semestre',
      index: 'Semestre 1 (enero a junio)',
      year: '2026',
    });
    await button.click();
    await page.waitForFunction(
      `document.getElementById('status').textContent === ${JSON.stringify(WORKING)}`,
      undefined,
      { timeout: WAIT_MS },
    );
    await expect(button.isDisabled()).resolves.toBe(true);
    // Enter in the year field would submit the form again: with its button disabled it does not.
    await page.getByLabel('Año', { exact: true }).press('Enter');
    await page.waitForTimeout(200);
    expect(requests).toBe(1);
    expect(bridge.calls).toEqual([]);
    release();
    expect(await statusAfterCall(page)).toEqual({
      text: `Informe generado en la hoja «${ACCESS_SHEET}».`,
      kind: 'ok',
    });
    await expect(button.isEnabled()).resolves.toBe(true);
    expect(requests).toBe(1);
    expect(bridge.calls).toHaveLength(1);
    await page.unroute('**/__bridge/run');

    // The connection drops: the plain network sentence, and the button is usable again.
    await page.route('**/__bridge/run', (route) => route.abort('connectionreset'));
    expect(await generate(page)).toEqual({ text: NETWORK_MESSAGE, kind: 'error' });
    await expect(button.isEnabled()).resolves.toBe(true);
    await page.unroute('**/__bridge/run');
    expect(bridge.calls).toHaveLength(1);
    expect(pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('a clerk who clicks the menu item gets an alert, not the dialog; the gateway refuses them too', () => {
    const { desk } = deskWithCases();
    const click = desk.harness.menu(desk.name, CLERK, REPORTS_MENU);
    expect(click.error).toBeNull();
    expect(desk.entity.ui.dialogs).toEqual([]);
    const message = formatMessage('ROLE_REQUIRED', { role: 'Supervisor o Administrador' });
    expect(desk.entity.ui.alerts.at(-1)?.prompt).toBe(message);
    // A page script calling the gateway directly gets the same refusal, and no sheet.
    const direct = desk.rpc(CLERK, 'generateReport', {
      kind: 'acceso_informacion',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(direct.value).toMatchObject({ ok: false, code: 'ROLE_REQUIRED', message });
    expect(desk.model.sheet(ACCESS_SHEET)).toBeUndefined();
    // The supervisor gets the dialog.
    expect(desk.harness.menu(desk.name, SUPERVISOR, REPORTS_MENU).error).toBeNull();
    expect(desk.entity.ui.dialogs.map((d) => [d.title, d.modal])).toEqual([[REPORTS_TITLE, true]]);
  });
});
