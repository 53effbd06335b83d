// The data stewards' dialog "Datos personales de un titular" (src/ui/titular.html) in a real
// Chromium: the page is the one the simulator's UiHost recorded when a steward clicked the menu item
// on the BUILT bundle (showModalDialog), and its google.script.run calls go through
// tools/browser/sidebar-bridge.ts to Harness.scriptRun. A citizen files through the form, the
// review moves their data to the data store, and the steward finds, exports, corrects and
// anonymises it (Ley 1581 de 2012, art. 8). Needs /usr/bin/chromium (CI: .ci/run).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatMessage } from '../../src/core/messages';
import { CONTACTS_SHEET } from '../../src/gas/sheet-schema';
import { readSheetObjects } from '../../tools/scenario/read-back';
import { recordedDialog } from '../../tools/browser/sidebar-bridge';
import type { SpreadsheetModel } from '../../tools/simulator/services/spreadsheet-model';
import {
  ADMIN,
  CITIZEN,
  CLERK,
  citizen,
  historyOf,
  minutesFromNow,
  ROOT,
  type Desk,
} from '../simulator/fixtures';
import {
  NETWORK_MESSAGE,
  newDesk,
  screenshot,
  settled,
  TITULAR_MENU,
  TITULAR_SIZE,
  TITULAR_TITLE,
  useDeskBrowser,
  WAIT_MS,
} from './desk-browser';

const SCREENSHOT = join(ROOT, 'out', 'browser', 'titular.png');
const CONFIRM_SCREENSHOT = join(ROOT, 'out', 'browser', 'titular-anonimizar.png');
const XSS = '<img src=x onerror=alert(1)>';
const NAME = `María Fernanda Ruiz ${XSS}`;
const EMAIL = 'maria.ruiz@example.com';
/** The fixture citizen's document, phone and address (CITIZEN's answers, as text). */
const ID_NUMBER = String(CITIZEN.idNumber);
const PHONE = String(CITIZEN.phone);
const ADDRESS = String(CITIZEN.address);
const REMINDER =
  'Borre también la respuesta en el formulario (Respuestas) y su fila en la pestaña de respuestas de la hoja de datos de peticionarios.';

const browser = useDeskBrowser();

// A real browser on a busy 2-core machine: each test gets 30 s (its own steps wait at most 5 s each).
jest.setTimeout(30_000);

/** An entity where the citizen filed through the form and the review moved their data to the store. */
function deskWithFiling(): { desk: Desk; radicado: string } {
  const desk = newDesk();
  const filed = desk.submit(citizen({ name: NAME, email: EMAIL }), minutesFromNow(desk, 1));
  expect(filed.runs.map((r) => r.error)).toEqual([null]);
  desk.sweep();
  const [record] = desk.cases();
  // The tracking sheet keeps only a masked trace of the contact data.
  expect(record.petitioner.email).toBe('m•••@example.com');
  expect(record.petitioner.phone).toBe('•••4567');
  expect(contactsOf(desk)).toEqual([
    expect.objectContaining({ radicado: record.radicado, email: EMAIL, phone: PHONE }),
  ]);
  return { desk, radicado: record.radicado };
}

/** The data store spreadsheet (*datos de peticionarios*): the entity's other spreadsheet. */
function dataStore(desk: Desk): SpreadsheetModel {
  const store = desk.ws.spreadsheets
    .all()
    .find((s) => s.id !== desk.model.id && s.sheet(CONTACTS_SHEET.name));
  if (!store) throw new Error('no data store spreadsheet');
  return store;
}

/** The data store's rows; a text cell's leading apostrophe (typed-as-text marker) is not data. */
function contactsOf(desk: Desk): Array<Record<string, unknown>> {
  return readSheetObjects(dataStore(desk), CONTACTS_SHEET).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/^'/, '') : v]),
    ),
  );
}

/** Types the query and presses Enter; waits for the search to end. */
async function search(page: Page, query: string): Promise<{ text: string; kind: string }> {
  const box = page.getByLabel('Número de documento o correo del titular');
  await box.fill(query);
  await box.press('Enter');
  return settled(page, 'search-status');
}

/** The cases table as the steward reads it: one object per row, keyed by column header. */
async function caseRows(page: Page): Promise<Array<Record<string, string>>> {
  return page.evaluate(`(() => {
    const heads = [...document.querySelectorAll('#cases-table thead th')].map((th) => th.textContent);
    return [...document.querySelectorAll('#cases-body tr')].map((tr) => {
      const out = {};
      [...tr.children].forEach((cell, i) => { out[heads[i]] = cell.textContent; });
      return out;
    });
  })()`);
}

/** The titular's data (dt → dd) of each card, with the card's heading. */
async function contactCards(page: Page): Promise<Array<Record<string, string>>> {
  return page.evaluate(`(() => [...document.querySelectorAll('#contacts .contact')].map((card) => {
    const out = { heading: card.querySelector('h3').textContent };
    card.querySelectorAll('dt').forEach((dt) => { out[dt.textContent] = dt.nextElementSibling.textContent; });
    return out;
  }))()`);
}

/** Waits until no call is in flight (the search button is enabled again). */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(`!document.getElementById('search-button').disabled`, undefined, {
    timeout: WAIT_MS,
  });
}

describe('Datos personales de un titular in Chromium', () => {
  it('a data steward opens the dialog from the menu, finds the titular by email and sees the case and the unmasked data; markup stays text', async () => {
    const { desk, radicado } = deskWithFiling();
    const { page, bridge, pageErrors, dialogs } = await browser.open(desk, ADMIN, {
      surface: 'titular',
    });

    // The modal dialog the menu item opened, served byte for byte plus only the client script.
    const shown = recordedDialog(desk.harness, desk.name);
    expect(shown).toMatchObject({ title: TITULAR_TITLE, modal: true });
    expect(bridge.servedHtml.replace(/<script data-sidebar-bridge>[\s\S]*?<\/script>/, '')).toBe(
      shown.content,
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITULAR_TITLE);
    expect(await page.locator('#rights-note').textContent()).toMatch(
      /Ley 1581 de 2012, art\. 8[\s\S]*Historial/,
    );
    // The search box has focus when the dialog opens, and nothing was called yet.
    expect(await page.evaluate('document.activeElement.id')).toBe('query');
    expect(bridge.calls).toEqual([]);

    expect(await search(page, `  ${EMAIL.toUpperCase()} `)).toEqual({
      text: 'Se encontró 1 caso del titular.',
      kind: '',
    });
    expect(await page.evaluate('document.activeElement.id')).toBe('results-title');
    expect(bridge.calls.map((c) => c.args)).toEqual([
      ['findTitular', { query: EMAIL.toUpperCase() }],
    ]);
    expect(await caseRows(page)).toEqual([
      {
        Radicado: radicado,
        Fecha: '03/02/2026 10:01',
        Tipo: 'Petición de interés general',
        Estado: 'Radicado',
        Dependencia: 'Ventanilla Única',
        Observaciones: `En la hoja figura como: ${NAME}`,
      },
    ]);
    expect(await contactCards(page)).toEqual([
      {
        heading: `Radicado ${radicado}`,
        Nombre: NAME,
        Documento: `Cédula de ciudadanía ${ID_NUMBER}`,
        'Correo electrónico': EMAIL,
        Teléfono: PHONE,
        Dirección: ADDRESS,
        'Reserva de identidad': 'No',
        Actualizado: '03/02/2026 10:01',
      },
    ]);
    for (const name of ['Exportar (consulta)', 'Corregir datos', 'Anonimizar'])
      await expect(page.getByRole('button', { name, exact: true }).isEnabled()).resolves.toBe(true);

    // The payload in the name is shown as text: no element, no alert, no error.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerHTML()).not.toContain('<img');
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    // It fits the dialog's 720 px: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      TITULAR_SIZE.width,
    );
    await screenshot(page, SCREENSHOT, true);
  });

  it('Corregir datos is prefilled, sends only the changed phone, applies it and searches again; Exportar hands over a file', async () => {
    const { desk, radicado } = deskWithFiling();
    const { page, bridge, pageErrors, dialogs } = await browser.open(desk, ADMIN, {
      surface: 'titular',
    });
    await search(page, ID_NUMBER);

    await page.getByRole('button', { name: 'Corregir datos' }).click();
    await expect(
      page.getByRole('button', { name: 'Corregir datos' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    const form = page.locator('#correct-form');
    const prefilled = {
      name: await form.getByLabel('Nombres y apellidos o razón social').inputValue(),
      idType: await form.getByLabel('Tipo de documento').inputValue(),
      idNumber: await form.getByLabel('Número de documento', { exact: true }).inputValue(),
      email: await form.getByLabel('Correo electrónico').inputValue(),
      phone: await form.getByLabel('Teléfono').inputValue(),
      address: await form.getByLabel('Dirección de correspondencia').inputValue(),
    };
    expect(prefilled).toEqual({
      name: NAME,
      idType: 'Cédula de ciudadanía',
      idNumber: ID_NUMBER,
      email: EMAIL,
      phone: PHONE,
      address: ADDRESS,
    });
    // Nothing changed: the page says so and calls nothing.
    await page.getByRole('button', { name: 'Guardar corrección' }).click();
    expect(await settled(page, 'action-status')).toEqual({
      text: 'No cambió ningún dato: modifique al menos un campo.',
      kind: 'error',
    });
    expect(bridge.calls.map((c) => c.args[0])).toEqual(['findTitular']);

    await form.getByLabel('Teléfono').fill('311 999 8877');
    await page.getByRole('button', { name: 'Guardar corrección' }).click();
    expect(await settled(page, 'action-status')).toEqual({
      text: `Corrección registrada en los radicados ${radicado}: teléfono.`,
      kind: 'ok',
    });
    await idle(page);
    const correction = bridge.calls.find((c) => c.args[0] === 'correctTitular');
    expect(correction).toMatchObject({ ok: true });
    expect(correction?.args[1]).toEqual({
      query: ID_NUMBER,
      fields: { phone: '311 999 8877' },
    });
    expect(correction?.value).toEqual({
      ok: true,
      data: { radicados: [radicado], skipped: [] },
    });
    // The search ran again and shows the new state; the form closed.
    expect(bridge.calls.map((c) => c.args[0])).toEqual([
      'findTitular',
      'correctTitular',
      'findTitular',
    ]);
    expect(await page.locator('#correct-form').isHidden()).toBe(true);
    expect((await contactCards(page))[0]).toMatchObject({ Teléfono: '311 999 8877' });
    // The store holds it; the tracking sheet shows its masked trace; the Historial names the field.
    expect(contactsOf(desk)[0]).toMatchObject({ phone: '311 999 8877', email: EMAIL });
    expect(desk.cases()[0].petitioner.phone).toBe('•••8877');
    const lines = historyOf(desk, radicado).map((h) => String(h.details));
    expect(lines.at(-1)).toContain('teléfono');
    expect(lines.at(-1)).not.toContain('8877');

    // Exportar (consulta): a file to download and the same text, read-only, in the dialog.
    await page.getByRole('button', { name: 'Exportar (consulta)' }).click();
    expect(await settled(page, 'action-status')).toEqual({
      text: 'Consulta registrada en el Historial de cada caso.',
      kind: 'ok',
    });
    const exported = bridge.calls.find((c) => c.args[0] === 'exportTitular')?.value as {
      data: { fileName: string; text: string; cases: number };
    };
    expect(exported.data.cases).toBe(1);
    const textarea = page.getByLabel('Contenido de la copia');
    expect(await textarea.getAttribute('readonly')).not.toBeNull();
    expect(await textarea.inputValue()).toBe(exported.data.text);
    const copy = JSON.parse(await textarea.inputValue()) as {
      titular: Array<Record<string, unknown>>;
    };
    expect(copy.titular[0]).toMatchObject({ nombre: NAME, telefono: '311 999 8877' });
    const link = page.getByRole('link', { name: `Descargar ${exported.data.fileName}` });
    expect(await link.getAttribute('download')).toBe(exported.data.fileName);
    expect(await link.getAttribute('href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(exported.data.fileName);
    expect(historyOf(desk, radicado).at(-1)?.details).toContain('consulta');

    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('Anonimizar asks for an in-page confirmation, keeps the case and its term, reminds what else to delete, and searches again', async () => {
    const { desk, radicado } = deskWithFiling();
    const before = desk.cases()[0];
    const { page, bridge, pageErrors, dialogs } = await browser.open(desk, ADMIN, {
      surface: 'titular',
    });
    await search(page, EMAIL);

    // Opened from the keyboard; Escape closes it and gives the focus back.
    await page.getByRole('button', { name: 'Anonimizar', exact: true }).focus();
    await page.keyboard.press('Enter');
    const confirmBox = page.getByLabel(
      'Confirmo que el titular pidió la supresión y que la anonimización es irreversible.',
    );
    expect(await page.evaluate('document.activeElement.id')).toBe('anonymise-confirm');
    expect(await page.locator('#anonymise-intro').textContent()).toContain(radicado);
    expect(await page.locator('#anonymise-form').textContent()).toContain(
      'Se conservan el caso, su radicado y su término legal.',
    );
    await page.keyboard.press('Escape');
    expect(await page.locator('#anonymise-form').isHidden()).toBe(true);
    expect(await page.evaluate('document.activeElement.id')).toBe('anonymise-button');

    await page.keyboard.press('Enter');
    const go = page.getByRole('button', { name: 'Anonimizar definitivamente' });
    // Not without the confirmation.
    await expect(go.isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect(confirmBox.isChecked()).resolves.toBe(true);
    await expect(go.isEnabled()).resolves.toBe(true);
    expect(bridge.calls.map((c) => c.args[0])).toEqual(['findTitular']);
    await screenshot(page, CONFIRM_SCREENSHOT, true);
    await go.click();

    expect(await settled(page, 'action-status')).toEqual({
      text: `Datos anonimizados en los radicados ${radicado}. El caso, su radicado y su término legal se conservan.`,
      kind: 'ok',
    });
    await idle(page);
    expect(await page.locator('#reminder').isVisible()).toBe(true);
    expect(await page.locator('#reminder').innerText()).toContain(REMINDER);
    expect(bridge.calls.map((c) => [c.args[0], c.ok])).toEqual([
      ['findTitular', true],
      ['anonymiseTitular', true],
      ['findTitular', true],
    ]);
    expect(bridge.calls[1].args[1]).toEqual({ query: EMAIL });
    // Searched again: the titular's email is gone, so nothing is found, and the page says why.
    expect(await settled(page, 'search-status')).toEqual({
      text: 'Ya no quedan datos de este titular en la hoja de datos de peticionarios.',
      kind: '',
    });
    expect(await page.locator('#results').isHidden()).toBe(true);

    // The store keeps the radicado and nothing of the titular; the case keeps its term.
    expect(contactsOf(desk)).toEqual([
      expect.objectContaining({
        radicado,
        name: '',
        idNumber: '',
        email: '',
        phone: '',
        address: '',
      }),
    ]);
    const after = desk.cases()[0];
    expect(after).toMatchObject({
      radicado,
      status: before.status,
      dueDate: before.dueDate,
      receivedAt: before.receivedAt,
      petitioner: { name: 'Titular anonimizado', email: '', phone: '' },
    });
    expect(String(historyOf(desk, radicado).at(-1)?.details)).toContain(
      'El caso, su radicado y su término se conservan.',
    );
    // The same search by document number finds nothing either.
    const again = desk.rpc(ADMIN, 'findTitular', { query: ID_NUMBER });
    expect(again.value).toMatchObject({ ok: false, code: 'TITULAR_NOT_FOUND' });

    expect(dialogs).toEqual([]); // no window.confirm: the confirmation is in the page
    expect(pageErrors).toEqual([]);
  });

  it('refusals and failures are shown as sent, and buttons are disabled while a call is in flight', async () => {
    const { desk } = deskWithFiling();
    const { page, bridge, pageErrors } = await browser.open(desk, ADMIN, { surface: 'titular' });

    // Empty: the page asks, without calling.
    await page.getByRole('button', { name: 'Buscar' }).click();
    expect(await settled(page, 'search-status')).toEqual({
      text: 'Escriba el número de documento o el correo del titular.',
      kind: 'error',
    });
    expect(bridge.calls).toEqual([]);
    // Too short, and unknown: the server's sentences.
    expect(await search(page, '12')).toEqual({
      text: formatMessage('TITULAR_QUERY_INVALID'),
      kind: 'error',
    });
    expect(
      await page
        .getByLabel('Número de documento o correo del titular')
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await search(page, 'nadie@example.com')).toEqual({
      text: formatMessage('TITULAR_NOT_FOUND'),
      kind: 'error',
    });
    expect(await page.locator('#results').isHidden()).toBe(true);

    // A slow server: the search shows it is working and every button waits.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/__bridge/run', async (route) => {
      await held;
      await route.continue();
    });
    const box = page.getByLabel('Número de documento o correo del titular');
    await box.fill(EMAIL);
    await box.press('Enter');
    await page.waitForFunction(
      `document.getElementById('search-status').textContent === 'Buscando los casos del titular…'`,
      undefined,
      { timeout: WAIT_MS },
    );
    await expect(page.getByRole('button', { name: 'Buscar' }).isDisabled()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: 'Buscar' }).getAttribute('aria-busy')).toBe(
      'true',
    );
    release();
    expect((await settled(page, 'search-status')).text).toBe('Se encontró 1 caso del titular.');
    await page.unroute('**/__bridge/run');

    // The connection drops during a correction: the plain network sentence, and nothing typed is lost.
    await page.route('**/__bridge/run', (route) => route.abort('connectionreset'));
    await page.getByRole('button', { name: 'Corregir datos' }).click();
    await page.locator('#correct-form').getByLabel('Teléfono').fill('3001112233');
    await page.getByRole('button', { name: 'Guardar corrección' }).click();
    expect(await settled(page, 'action-status')).toEqual({ text: NETWORK_MESSAGE, kind: 'error' });
    expect(await page.locator('#correct-form').getByLabel('Teléfono').inputValue()).toBe(
      '3001112233',
    );
    await expect(
      page.getByRole('button', { name: 'Guardar corrección' }).isEnabled(),
    ).resolves.toBe(true);
    await page.unroute('**/__bridge/run');

    // A wrong document number: the server names the field; the page marks it.
    await page.locator('#correct-form').getByLabel('Teléfono').fill(PHONE);
    await page
      .locator('#correct-form')
      .getByLabel('Número de documento', { exact: true })
      .fill('#');
    await page.getByRole('button', { name: 'Guardar corrección' }).click();
    expect(await settled(page, 'action-status')).toEqual({
      text: formatMessage('INVALID_PAYLOAD', { field: 'titular.idNumber' }),
      kind: 'error',
    });
    expect(
      await page
        .locator('#correct-form')
        .getByLabel('Número de documento', { exact: true })
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(contactsOf(desk)[0]).toMatchObject({ idNumber: ID_NUMBER, phone: PHONE });
    expect(pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('a clerk who clicks the menu item gets an alert, not the dialog; the gateway refuses them too', () => {
    const { desk } = deskWithFiling();
    const click = desk.harness.menu(desk.name, CLERK, TITULAR_MENU);
    expect(click.error).toBeNull();
    expect(desk.entity.ui.dialogs).toEqual([]);
    const alert = desk.entity.ui.alerts.at(-1);
    expect(alert?.prompt).toBe(formatMessage('CONTACT_STORE_DENIED'));
    // A page script calling the gateway directly gets the same refusal.
    const direct = desk.rpc(CLERK, 'findTitular', { query: EMAIL });
    expect(direct.value).toMatchObject({ ok: false, code: 'CONTACT_STORE_DENIED' });
    // The admin, a data steward by default, gets the dialog.
    expect(desk.harness.menu(desk.name, ADMIN, TITULAR_MENU).error).toBeNull();
    expect(desk.entity.ui.dialogs.map((d) => [d.title, d.modal])).toEqual([[TITULAR_TITLE, true]]);
  });
});
