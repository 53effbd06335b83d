// The clerk's case desk in a real Chromium (src/ui/sidebar.html, sections "Buscar caso" and
// "Mis casos"): the page the simulator's UiHost recorded for "Abrir la mesa de casos" on the BUILT
// bundle, its google.script.run calls routed to Harness.scriptRun (tools/browser/sidebar-bridge.ts).
// Expected dates come from the law, not from the code: a petición de interés general has 15
// business days counted from the day after receipt (CPACA art. 14) and its one extension may not
// take the whole term past twice the initial one (art. 14 parágrafo; the entity's default reading,
// reference §9 Q1). Needs /usr/bin/chromium (CI: .ci/run).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { escapeHtml } from '../../src/core/intake/normalize-text';
import { formatMessage } from '../../src/core/messages';
import {
  act,
  ADMIN,
  citizen,
  CITIZEN,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  historyOf,
  minutesFromNow,
  OUTSIDER,
  ROOT,
  type RpcResult,
} from '../simulator/fixtures';
import {
  caseFields,
  newDesk,
  WEB_DESK,
  screenshot,
  settled,
  textIs,
  useDeskBrowser,
  WAIT_MS,
} from './desk-browser';

const SCREENSHOT = join(ROOT, 'out', 'browser', 'desk.png');

const browser = useDeskBrowser();

// A real browser on a busy 2-core machine: each test gets 30 s (its own steps wait at most 5 s each).
jest.setTimeout(30_000);

/**
 * Received Tue 03/02/2026 (a business day, in office hours). Day 1 is Wed 4 February; with no
 * holiday in February or early March 2026, day 15 is Tue 24/02/2026 and day 30 — the cap of the
 * extension, twice the initial 15 days from the same start — is Tue 17/03/2026.
 */
const DUE = '24/02/2026';
const CAP = '17/03/2026';
const CAP_ISO = '2026-03-17';
const DAY_AFTER_CAP_ISO = '2026-03-18';

/** A citizen files a petición de interés general through the form, a minute from now. */
function fileCase(desk: Desk, overrides = {}): string {
  const before = desk.cases().length;
  desk.submit(citizen(overrides), minutesFromNow(desk, 1));
  const cases = desk.cases();
  expect(cases).toHaveLength(before + 1);
  return cases[cases.length - 1].radicado;
}

/** Types a radicado in "Buscar caso" and waits for its case view. */
async function findCase(page: Page, radicado: string): Promise<void> {
  await page.getByLabel('Radicado', { exact: true }).fill(radicado);
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await textIs(page, 'case-title', `Radicado ${radicado}`);
}

/** The act buttons the case view offers, in order. */
async function actLabels(page: Page): Promise<string[]> {
  return page.locator('#acts button').allTextContents();
}

async function historyLines(page: Page): Promise<string[]> {
  return page.locator('#case-history li').allTextContents();
}

/** Waits until a line of the case's history contains every one of `parts`. */
async function historyHas(page: Page, ...parts: string[]): Promise<void> {
  await page.waitForFunction(
    `[...document.querySelectorAll('#case-history li')].some((li) =>
      ${JSON.stringify(parts)}.every((part) => li.textContent.includes(part)))`,
    undefined,
    { timeout: WAIT_MS },
  );
}

/** The element that has the keyboard focus: its id and accessible-ish name. */
async function focused(page: Page): Promise<{ id: string; text: string; tag: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const label = el.labels && el.labels.length ? el.labels[0].textContent : '';
    return { id: el.id, text: (label || el.textContent || '').trim(), tag: el.tagName };
  })()`);
}

/** Presses Tab (or Shift+Tab) until the focused element matches; at most `max` presses. */
async function tabUntil(
  page: Page,
  matches: (f: { id: string; text: string; tag: string }) => boolean,
  options: { shift?: boolean; max?: number } = {},
): Promise<void> {
  const max = options.max ?? 30;
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(options.shift ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`focus never reached the element after ${max} presses`);
}

describe('the case desk in Chromium', () => {
  it('finds a case by radicado and shows its clock, its facts, its history and the acts allowed', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);

    // Who is at the desk, from the opening check.
    expect(await page.locator('#who').textContent()).toBe(
      'Luz Marina Restrepo · Funcionario · Ventanilla Única',
    );
    await findCase(page, radicado);
    // Focus moves to the case, so the clerk (or a screen reader) starts reading there.
    expect((await focused(page)).id).toBe('case-title');

    expect(await page.locator('#case-clock').textContent()).toBe(
      `Vence el ${DUE}: quedan 15 días hábiles.`,
    );
    const explanation = (await page.locator('#case-explanation').textContent()) ?? '';
    expect(explanation).toContain('15 días hábiles');
    expect(explanation).toContain('03/02/2026');
    expect(explanation).toContain(DUE);
    expect(await caseFields(page)).toMatchObject({
      Tipo: 'Petición de interés general',
      Asunto: CITIZEN.subject,
      Descripción: CITIZEN.description,
      Canal: 'Formulario web',
      Dependencia: 'Ventanilla Única',
      Responsable: 'Luz Marina Restrepo', // the dependency's only clerk
      Vencimiento: DUE,
      'Días hábiles restantes': 'quedan 15 días hábiles',
    });
    expect((await caseFields(page)).Recibido).toMatch(/^03\/02\/2026 10:0\d$/);
    expect((await historyLines(page))[0]).toContain('Radicación');
    // A clerk may extend, answer and write a note on a case of their dependency; only a
    // supervisor voids a radicado.
    const acts = await actLabels(page);
    expect(acts).toEqual(expect.arrayContaining(['Prorrogar', 'Responder', 'Agregar nota']));
    expect(acts).not.toContain('Anular radicado');
    expect(acts).not.toContain('Archivar');

    expect(bridge.calls.map((c) => c.args)).toEqual([
      ['whoAmI', {}],
      ['getCase', { radicado }],
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('an extension past the legal cap is refused with the Spanish reason, and nothing changes', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    await findCase(page, radicado);
    const historyBefore = await historyLines(page);
    const eventsBefore = desk.cases()[0].events.length;

    await page.getByRole('button', { name: 'Prorrogar' }).click();
    // The form opens on its first field, with the cap as a hint.
    expect((await focused(page)).text).toBe('Nueva fecha de vencimiento');
    expect(await page.locator('#act-newDueDate-hint').textContent()).toBe(`Máximo legal: ${CAP}`);
    await page.getByLabel('Nueva fecha de vencimiento').fill(DAY_AFTER_CAP_ISO);
    await page
      .getByLabel('Motivos de la demora')
      .fill('Se requiere concepto de la Secretaría de Planeación.');
    await page.getByRole('button', { name: 'Registrar' }).click();

    expect(await settled(page, 'act-status')).toEqual({
      text: formatMessage('EXTENSION_EXCEEDS_CAP', { cap: CAP }),
      kind: 'error',
    });
    // Nothing changed: the record, its events, the view; the form stays open to fix the date.
    const [record] = desk.cases();
    expect(record.dueDate).toBe('2026-02-24');
    expect(record.events).toHaveLength(eventsBefore);
    expect(record.events.some((e) => e.kind === 'extended')).toBe(false);
    expect(await page.locator('#case-clock').textContent()).toBe(
      `Vence el ${DUE}: quedan 15 días hábiles.`,
    );
    expect(await historyLines(page)).toEqual(historyBefore);
    await expect(page.locator('#act-form').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Nueva fecha de vencimiento').inputValue()).toBe(
      DAY_AFTER_CAP_ISO,
    );
    // Strings cross google.script.run, never Dates; the version shown was sent.
    const sent = bridge.calls.find((c) => c.args[0] === 'act')?.args[1] as Record<string, unknown>;
    expect(sent).toMatchObject({
      radicado,
      kind: 'extend',
      newDueDate: DAY_AFTER_CAP_ISO,
      reason: 'Se requiere concepto de la Secretaría de Planeación.',
    });
    expect(typeof sent.version).toBe('string');
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1); // the acknowledgement only
    expect(pageErrors).toEqual([]);
  });

  it('extends within the cap, then answers: the due date moves, notices go out, the status becomes Respondido', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    await findCase(page, radicado);

    await page.getByRole('button', { name: 'Prorrogar' }).click();
    await page.getByLabel('Nueva fecha de vencimiento').fill(CAP_ISO);
    await page
      .getByLabel('Motivos de la demora')
      .fill('Se requiere concepto de la Secretaría de Planeación.');
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: `Prórroga registrada. Nuevo vencimiento: ${CAP}.`,
      kind: 'ok',
    });
    // Reloaded: the new due date, 30 business days after 3 February, and the act in the history.
    await textIs(page, 'case-clock', `Vence el ${CAP}: quedan 30 días hábiles.`);
    expect((await historyLines(page)).some((line) => line.includes('Prórroga'))).toBe(true);
    // The petitioner must be told of the extension. The clerk cannot open the data store (Ley
    // 1581): the desk says the notice is queued, and the owner's review addresses and sends it.
    await textIs(
      page,
      'notice-status',
      'Avisos al ciudadano en cola: 1 (salen con la próxima revisión).',
    );
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(1);
    desk.sweep();
    expect(desk.mailTo(CITIZEN_EMAIL)).toHaveLength(2);
    expect(desk.cases()[0].dueDate).toBe(CAP_ISO);
    await screenshot(page, SCREENSHOT, true);

    await page.getByRole('button', { name: 'Responder' }).click();
    await page
      .getByLabel('Resumen de la respuesta')
      .fill('La vía se incluyó en el plan de mantenimiento de marzo.');
    // The legal basis is asked only when access is denied.
    await expect(page.getByLabel('Fundamento legal de la reserva').isVisible()).resolves.toBe(
      false,
    );
    await page.getByLabel('Se niega el acceso a la información').check();
    await expect(page.getByLabel('Fundamento legal de la reserva').isVisible()).resolves.toBe(true);
    await page.getByLabel('Se niega el acceso a la información').uncheck();
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: 'Respuesta registrada. Estado: Respondido.',
      kind: 'ok',
    });
    await page.waitForFunction(
      `[...document.querySelectorAll('#case-fields dt')].some((dt) =>
        dt.textContent === 'Estado' && dt.nextElementSibling.textContent === 'Respondido')`,
      undefined,
      { timeout: WAIT_MS },
    );
    expect(await page.locator('#case-clock').textContent()).toBe('Término cerrado: Respondido.');
    expect(await actLabels(page)).not.toContain('Responder');
    expect(desk.cases()[0].status).toBe('respondido');

    // An act without fields still asks for confirmation.
    await page.getByRole('button', { name: 'Archivar' }).click();
    expect(await page.locator('#act-form-intro').textContent()).toBe(
      'El caso pasa al archivo; su historial se conserva.',
    );
    expect((await focused(page)).text).toBe('Confirmar');
    await page.getByRole('button', { name: 'Confirmar' }).click();
    expect(await settled(page, 'act-status')).toEqual({ text: 'Caso archivado.', kind: 'ok' });
    await textIs(page, 'case-clock', 'Término cerrado: Archivado.');
    expect(desk.cases()[0].status).toBe('archivado');

    // Each act: act, then getCase (fresh version), then sendNotices; every act sent the version
    // of the view it was taken on.
    const methods = bridge.calls.map((c) => c.args[0]);
    expect(methods).toEqual([
      'whoAmI',
      'getCase',
      'act',
      'getCase',
      'sendNotices',
      'act',
      'getCase',
      'sendNotices',
      'act',
      'getCase',
      'sendNotices',
    ]);
    const versions = bridge.calls
      .filter((c) => c.args[0] === 'act')
      .map((c) => (c.args[1] as { version: string }).version);
    expect(versions[0]).toBe((bridge.calls[1].value as { data: { version: string } }).data.version);
    expect(versions[1]).toBe((bridge.calls[3].value as { data: { version: string } }).data.version);
    expect(versions[1]).not.toBe(versions[0]);
    expect(pageErrors).toEqual([]);
  });

  it('after its one extension a case no longer offers Prorrogar (CPACA art. 14 parágrafo allows one)', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page } = await browser.open(desk, CLERK);
    await findCase(page, radicado);
    await page.getByRole('button', { name: 'Prorrogar' }).click();
    await page.getByLabel('Nueva fecha de vencimiento').fill('2026-03-10');
    await page.getByLabel('Motivos de la demora').fill('Falta el concepto técnico.');
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: 'Prórroga registrada. Nuevo vencimiento: 10/03/2026.',
      kind: 'ok',
    });
    await textIs(page, 'case-clock', 'Vence el 10/03/2026: quedan 25 días hábiles.');
    expect(await actLabels(page)).not.toContain('Prorrogar');
  });

  it('works by keyboard alone: Tab to the sections and the search, Enter to find, Space to open an act, Shift+Tab back', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);

    // The sections are buttons in the tab order; Enter and Space switch them.
    await tabUntil(page, (f) => f.text === 'Mis casos', { max: 5 });
    const outline = await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
    expect(outline).not.toBe('none'); // the focus is visible
    await page.keyboard.press('Enter');
    await expect(page.locator('#panel-mine').isVisible()).resolves.toBe(true);
    await tabUntil(page, (f) => f.text === 'Buscar caso', { shift: true, max: 3 });
    await page.keyboard.press('Space');
    await expect(page.locator('#panel-find').isVisible()).resolves.toBe(true);

    await tabUntil(page, (f) => f.id === 'find-radicado', { max: 5 });
    await page.keyboard.type(radicado);
    await page.keyboard.press('Enter');
    await textIs(page, 'case-title', `Radicado ${radicado}`);
    expect((await focused(page)).id).toBe('case-title');

    await tabUntil(page, (f) => f.text === 'Agregar nota', { max: 20 });
    await page.keyboard.press('Space');
    expect((await focused(page)).text).toBe('Nota'); // the form opened on its field
    await page.keyboard.type('El peticionario llamó para preguntar por el estado.');
    await page.keyboard.press('Tab'); // Registrar
    await page.keyboard.press('Tab'); // Cancelar
    expect((await focused(page)).text).toBe('Cancelar');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Registrar');
    await page.keyboard.press('Enter');
    expect(await settled(page, 'act-status')).toEqual({ text: 'Nota registrada.', kind: 'ok' });
    // The note is in the Historial, and the reloaded case lists it.
    expect(historyOf(desk, radicado).map((h) => [h.by, h.details])).toContainEqual([
      CLERK,
      'El peticionario llamó para preguntar por el estado.',
    ]);
    await historyHas(page, 'Luz Marina Restrepo', 'Nota');
    expect(bridge.calls.filter((c) => c.args[0] === 'act')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('someone who is not staff is refused when the page opens: the message shows and the desk stays hidden', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    // The menu item (sidebar.test.ts) and the web app refuse them before serving the page...
    const visit = desk.harness.visit(desk.name, WEB_DESK, OUTSIDER);
    expect(visit.body).toContain(escapeHtml(formatMessage('NOT_STAFF')));
    expect(visit.body).not.toContain('google.script.run');
    // ...and the page checks again when it opens: here the desk page a clerk was served reaches
    // someone who is not (or no longer) in Dependencias.
    const { page, bridge, pageErrors } = await browser.open(desk, OUTSIDER, {
      openedBy: CLERK,
      surface: 'web',
    });
    expect(await settled(page, 'gate-status')).toEqual({
      text: formatMessage('NOT_STAFF'),
      kind: 'error',
    });
    await expect(page.locator('#desk').isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Radicado', { exact: true }).isVisible()).resolves.toBe(false);
    await expect(page.locator('#who').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Reintentar' }).isVisible()).resolves.toBe(false);
    expect(bridge.calls.map((c) => c.args[0])).toEqual(['whoAmI']);
    // And the gateway would not have shown the case anyway.
    expect(desk.rpc(OUTSIDER, 'getCase', { radicado }).value).toMatchObject({
      ok: false,
      code: 'NOT_STAFF',
    });
    expect(pageErrors).toEqual([]);
  });

  it('the sidebar takes the selected row of Radicados; the web app page has no such button', async () => {
    const desk = newDesk();
    fileCase(desk);
    const second = fileCase(desk, { subject: 'Poda de árboles en el parque principal' });
    const { page, pageErrors } = await browser.open(desk, CLERK);
    await page.getByRole('button', { name: 'Tomar la fila seleccionada' }).click();
    // Nothing selected yet in Radicados: the server's Spanish sentence.
    expect(await settled(page, 'find-status')).toEqual({
      text: formatMessage('CASE_NOT_SELECTED', { sheet: 'Radicados' }),
      kind: 'error',
    });

    desk.harness.select(desk.name, 'Radicados', desk.rowOfRadicado(second), 3);
    await page.getByRole('button', { name: 'Tomar la fila seleccionada' }).click();
    await textIs(page, 'case-title', `Radicado ${second}`);
    expect((await caseFields(page)).Asunto).toBe('Poda de árboles en el parque principal');
    expect(pageErrors).toEqual([]);

    const web = await browser.open(desk, CLERK, { surface: 'web', width: 1024 });
    await expect(web.page.locator('#desk').isVisible()).resolves.toBe(true);
    // Present in the markup, hidden on the web app: no selection to take there.
    expect(await web.page.locator('#take-selected').count()).toBe(1);
    await expect(web.page.locator('#take-selected').isVisible()).resolves.toBe(false);
    expect(web.pageErrors).toEqual([]);
  });

  it('Mis casos lists the clerk’s open cases, fewest business days left first; an item opens the case', async () => {
    const desk = newDesk();
    const general = fileCase(desk);
    // A petición de documentos has 10 business days (CPACA art. 14 num. 1): due Tue 17/02/2026.
    const documents = fileCase(desk, {
      type: 'peticion_documentos',
      subject: 'Copia del contrato de obra 045 de 2025',
    });
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    await page.getByRole('tab', { name: 'Mis casos' }).click();
    expect(await settled(page, 'mine-status')).toEqual({ text: '2 casos abiertos.', kind: '' });
    const items = await page
      .locator('#mine-list button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-radicado')));
    expect(items).toEqual([documents, general]);
    const first = await page.locator('#mine-list li').first().textContent();
    expect(first).toContain('Copia del contrato de obra 045 de 2025');
    expect(first).toContain('Vence el 17/02/2026');
    expect(first).toContain('quedan 10 días hábiles');

    await page.getByRole('button', { name: /Copia del contrato/ }).click();
    await textIs(page, 'case-title', `Radicado ${documents}`);
    await expect(page.locator('#panel-find').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('tab', { name: 'Buscar caso' }).getAttribute('aria-selected')).toBe(
      'true',
    );

    await page.getByRole('tab', { name: 'Mis casos' }).click();
    await page.getByRole('button', { name: 'Actualizar' }).click();
    await settled(page, 'mine-status');
    // Opened once automatically, refreshed once by the button: no polling.
    expect(bridge.calls.filter((c) => c.args[0] === 'myCases')).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });

  it('when someone else acted first the server says so, and "Volver a cargar" brings the fresh case', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    await findCase(page, radicado);

    // The administrator writes a note while the clerk has the case open.
    const view = desk.rpc(ADMIN, 'getCase', { radicado }).value as RpcResult;
    const version = (view.data as { version: string }).version;
    expect(
      act(desk, ADMIN, { radicado, version, kind: 'note', text: 'Revisado por la administración.' })
        .ok,
    ).toBe(true);

    await page.getByRole('button', { name: 'Agregar nota' }).click();
    await page.getByLabel('Nota', { exact: true }).fill('Nota de la ventanilla.');
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: formatMessage('STALE_CASE', { radicado }),
      kind: 'error',
    });
    expect(desk.cases()[0].events.filter((e) => e.kind === 'noted')).toHaveLength(1);
    await expect(page.getByRole('button', { name: 'Volver a cargar' }).isVisible()).resolves.toBe(
      true,
    );

    await page.getByRole('button', { name: 'Volver a cargar' }).click();
    await historyHas(page, 'Ana Administradora', 'Nota'); // the fresh case shows the administrator's note
    await expect(page.getByRole('button', { name: 'Volver a cargar' }).isVisible()).resolves.toBe(
      false,
    );
    await page.getByRole('button', { name: 'Agregar nota' }).click();
    await page.getByLabel('Nota', { exact: true }).fill('Nota de la ventanilla.');
    await page.getByRole('button', { name: 'Registrar' }).dblclick(); // one act, not two
    expect(await settled(page, 'act-status')).toEqual({ text: 'Nota registrada.', kind: 'ok' });
    expect(desk.cases()[0].events.filter((e) => e.kind === 'noted')).toHaveLength(2);
    expect(bridge.calls.filter((c) => c.args[0] === 'act')).toHaveLength(2); // the stale one, this one
    expect(pageErrors).toEqual([]);
  });

  it('errors are sentences: an unknown radicado, a missing field, a lost connection', async () => {
    const desk = newDesk();
    const radicado = fileCase(desk);
    const { page, pageErrors } = await browser.open(desk, CLERK);

    await page.getByLabel('Radicado', { exact: true }).fill('2026-999999');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    expect(await settled(page, 'find-status')).toEqual({
      text: formatMessage('CASE_NOT_FOUND', { radicado: '2026-999999' }),
      kind: 'error',
    });

    await findCase(page, radicado);
    await page.getByRole('button', { name: 'Agregar nota' }).click();
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: 'Complete el campo «Nota».',
      kind: 'error',
    });
    expect((await focused(page)).text).toBe('Nota');

    await page.route('**/__bridge/run', (route) => route.abort('connectionreset'));
    await page.getByLabel('Nota', { exact: true }).fill('Sin conexión.');
    await page.getByRole('button', { name: 'Registrar' }).click();
    expect(await settled(page, 'act-status')).toEqual({
      text: 'No se pudo completar la operación: se perdió la conexión. Intente de nuevo.',
      kind: 'error',
    });
    await expect(page.getByRole('button', { name: 'Registrar' }).isEnabled()).resolves.toBe(true);
    expect(desk.cases()[0].events.filter((e) => e.kind === 'noted')).toHaveLength(0);
    expect(pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('a lost connection at open says so in a sentence and offers Reintentar', async () => {
    const desk = newDesk();
    const { page, pageErrors } = await browser.open(desk, CLERK, {
      beforeLoad: (p) => p.route('**/__bridge/run', (route) => route.abort('connectionreset')),
    });
    expect(await settled(page, 'gate-status')).toEqual({
      text: 'No se pudo completar la operación: se perdió la conexión. Intente de nuevo.',
      kind: 'error',
    });
    await expect(page.locator('#desk').isVisible()).resolves.toBe(false);
    await page.unroute('**/__bridge/run');
    await page.getByRole('button', { name: 'Reintentar' }).click();
    await page.locator('#desk').waitFor({ state: 'visible', timeout: WAIT_MS });
    await expect(page.locator('#who').textContent()).resolves.toBe(
      'Luz Marina Restrepo · Funcionario · Ventanilla Única',
    );
    expect(pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('case text is never rendered as HTML', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const desk = newDesk();
    const radicado = fileCase(desk, { subject: payload, description: `Hola ${payload}` });
    const { page, dialogs, pageErrors } = await browser.open(desk, CLERK);
    await findCase(page, radicado);
    expect((await caseFields(page)).Asunto).toBe(payload);
    expect(await page.locator('img').count()).toBe(0);
    await page.getByRole('tab', { name: 'Mis casos' }).click();
    await settled(page, 'mine-status');
    expect(await page.locator('#mine-list').textContent()).toContain(payload);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
