// The desk's "Radicar verbal" section in a real Chromium: the page is the one the simulator's
// UiHost recorded when a person clicked "Abrir la mesa de casos" on the BUILT bundle, and its
// google.script.run calls go through tools/browser/sidebar-bridge.ts to Harness.scriptRun.
// Needs /usr/bin/chromium (CI: .ci/run). The case desk itself: desk.test.ts.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatMessage } from '../../src/core/messages';
import { recordedSidebar } from '../../tools/browser/sidebar-bridge';
import { readHtmlOutput } from '../../tools/simulator/services/html';
import { CLERK, OUTSIDER, ROOT } from '../simulator/fixtures';
import {
  caseFields,
  DESK_MENU,
  NETWORK_MESSAGE,
  newDesk,
  screenshot,
  settled,
  textIs,
  useDeskBrowser,
  WAIT_MS,
} from './desk-browser';

const SCREENSHOT = join(ROOT, 'out', 'browser', 'sidebar.png');

const browser = useDeskBrowser();

// A real browser on a busy 2-core machine: each test gets 30 s (its own steps wait at most 5 s each).
jest.setTimeout(30_000);

interface VerbalFiling {
  readonly channel: string;
  readonly type: string;
  readonly anonymous?: boolean;
  readonly applicantKind?: string;
  readonly idType?: string;
  readonly idNumber?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: string;
  readonly municipality?: string;
  readonly identityReserved?: boolean;
  readonly preferredChannel?: string;
  readonly acceptsEmail?: boolean;
  readonly subject: string;
  readonly description: string;
  readonly consent?: boolean;
}

const WALK_IN: VerbalFiling = {
  channel: 'Presencial',
  type: 'Queja',
  applicantKind: 'Persona natural',
  idType: 'Cédula de ciudadanía',
  idNumber: '71234567',
  name: 'Jorge Iván Zapata',
  email: 'jorge.zapata@example.com',
  phone: '3104445566',
  address: 'Carrera 8 # 12-34',
  municipality: 'San Jerónimo',
  preferredChannel: 'Correo electrónico',
  acceptsEmail: true,
  subject: 'Queja presentada en la ventanilla',
  description: 'El ciudadano se queja verbalmente por la demora en la atención del trámite.',
  consent: true,
};

/** Opens "Radicar verbal", types the filing the way the clerk does (choices by their visible labels), then Radicar. */
async function fileVerbal(page: Page, filing: VerbalFiling): Promise<void> {
  await page.getByRole('tab', { name: 'Radicar verbal' }).click();
  await page.getByLabel('Canal', { exact: true }).selectOption({ label: filing.channel });
  await page.getByLabel('Tipo de solicitud').selectOption({ label: filing.type });
  await page.getByLabel('Anónimo').setChecked(filing.anonymous === true);
  if (!filing.anonymous) {
    if (filing.applicantKind)
      await page.getByLabel('Tipo de solicitante').selectOption({ label: filing.applicantKind });
    if (filing.idType)
      await page.getByLabel('Tipo de documento').selectOption({ label: filing.idType });
    await page.getByLabel('Número de documento').fill(filing.idNumber ?? '');
    await page.getByLabel('Nombres y apellidos o razón social').fill(filing.name ?? '');
    await page.getByLabel('Dirección de correspondencia').fill(filing.address ?? '');
    await page.getByLabel('Municipio').fill(filing.municipality ?? '');
    await page.getByLabel('Pide reserva de identidad').setChecked(filing.identityReserved === true);
  }
  await page.getByLabel('Correo electrónico', { exact: true }).fill(filing.email ?? '');
  await page.getByLabel('Teléfono').fill(filing.phone ?? '');
  if (filing.preferredChannel)
    await page
      .getByLabel('¿Por qué medio prefiere recibir la respuesta?')
      .selectOption({ label: filing.preferredChannel });
  await page
    .getByLabel('Acepta ser notificado por correo electrónico (CPACA art. 56)')
    .setChecked(filing.acceptsEmail === true);
  await page.getByLabel('Asunto').fill(filing.subject);
  await page.getByLabel('Describa su solicitud y sus razones').fill(filing.description);
  await page
    .getByLabel('Autoriza el tratamiento de datos (Ley 1581 de 2012)')
    .setChecked(filing.consent === true);
  await page.getByRole('button', { name: 'Radicar', exact: true }).click();
}

const FIELD_IDS = [
  'channel',
  'type',
  'anonymous',
  'applicantKind',
  'idType',
  'idNumber',
  'name',
  'email',
  'phone',
  'address',
  'municipality',
  'preferredChannel',
  'acceptsEmailNotification',
  'subject',
  'description',
  'consent',
];

async function fieldValues(page: Page): Promise<Record<string, string | boolean>> {
  return page.evaluate(`(() => {
    const out = {};
    for (const id of ${JSON.stringify(FIELD_IDS)}) {
      const el = document.getElementById(id);
      out[id] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return out;
  })()`);
}

const PRISTINE = {
  channel: 'presencial',
  type: 'peticion_general',
  anonymous: false,
  applicantKind: 'Persona natural',
  idType: 'Cédula de ciudadanía',
  idNumber: '',
  name: '',
  email: '',
  phone: '',
  address: '',
  municipality: '',
  preferredChannel: 'Correo electrónico',
  acceptsEmailNotification: false,
  subject: '',
  description: '',
  consent: false,
};

describe('Radicar verbal in Chromium', () => {
  it('a clerk registers a walk-in complaint with every field the written form asks: status, receipt, case and acknowledgement', async () => {
    const desk = newDesk();
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);

    // The browser gets the recorded page byte for byte, plus only the injected client script.
    const shown = recordedSidebar(desk.harness, desk.name);
    expect(readHtmlOutput(shown.output)?.content).toBe(shown.content);
    expect(bridge.servedHtml.replace(/<script data-sidebar-bridge>[\s\S]*?<\/script>/, '')).toBe(
      shown.content,
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mesa de casos');

    await fileVerbal(page, WALK_IN);
    const status = await settled(page, 'status');

    const cases = desk.cases();
    expect(cases).toHaveLength(1);
    const [record] = cases;
    expect(record.radicado).toBe('2026-000001'); // the fixture's settings: no prefix
    expect(status).toEqual({ text: 'Radicado 2026-000001', kind: 'ok' });
    const row = desk.rowOfRadicado(record.radicado);
    expect(desk.value('Radicados', row, 'Canal')).toBe('Presencial');
    expect(record).toMatchObject({
      type: 'queja',
      subject: WALK_IN.subject,
      description: WALK_IN.description,
      consent: true,
      petitioner: {
        anonymous: false,
        applicantKind: 'Persona natural',
        idType: 'Cédula de ciudadanía',
        // Masked in the tracking sheet (Ley 1581); the data store keeps what the clerk typed.
        idNumber: '•••4567',
        name: WALK_IN.name,
        email: 'j•••@example.com',
        phone: '•••5566',
        address: '•••',
        municipality: WALK_IN.municipality,
        preferredChannel: 'Correo electrónico',
        acceptsEmailNotification: true,
      },
    });
    expect(record.responseId).toMatch(/^verbal:/);
    desk.sweep();
    expect(desk.contactOf(record.radicado)).toMatchObject({
      idNumber: WALK_IN.idNumber,
      email: WALK_IN.email,
      phone: WALK_IN.phone,
      address: WALK_IN.address,
    });

    const mails = desk.mailTo(WALK_IN.email ?? '');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(record.radicado);

    // whoAmI when the page opened, then one filing, through the one gateway, as the clerk.
    expect(bridge.calls.map((c) => c.args[0])).toEqual(['whoAmI', 'registerVerbal']);
    expect(bridge.calls[1]).toMatchObject({
      fn: 'rpc',
      ok: true,
      args: [
        'registerVerbal',
        {
          channel: 'presencial',
          answers: {
            type: 'queja',
            anonymous: 'No',
            applicantKind: 'Persona natural',
            idType: 'Cédula de ciudadanía',
            acceptsEmailNotification: 'Sí',
            preferredChannel: 'Correo electrónico',
            consent: 'Sí',
          },
        },
      ],
    });
    expect(desk.executionsOf('rpc').at(-1)?.error).toBeNull();
    expect(pageErrors).toEqual([]);
    await screenshot(page, SCREENSHOT, true);
  });

  it('the receipt says what the law counts: radicado, time of receipt, type, 15 business days and the due date; it prints', async () => {
    const desk = newDesk();
    const { page, pageErrors } = await browser.open(desk, CLERK);
    await page.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
    await fileVerbal(page, {
      channel: 'Telefónico',
      type: 'Petición de interés general',
      name: 'Rosa Elena Cárdenas',
      phone: '3001112233',
      subject: 'Alumbrado de la vereda La Palma',
      description: 'Pide que se reparen las luminarias de la vereda La Palma.',
      consent: true,
    });
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');
    await expect(page.locator('#receipt').isVisible()).resolves.toBe(true);
    // Focus moves to the receipt, so a screen reader reads it next.
    expect(await page.evaluate('document.activeElement.id')).toBe('receipt-title');

    // Received Tue 03/02/2026 at 10:00, a business day: the 15 business days of a petición de
    // interés general (CPACA art. 14) run from Wed 4 February, with no holiday in February 2026,
    // so the last one is Tue 24/02/2026.
    const receipt = await caseFields(page, 'receipt-fields');
    expect(receipt).toMatchObject({
      Radicado: '2026-000001',
      'Fecha y hora de recibido': '03/02/2026 10:00',
      Canal: 'Telefónico',
      'Tipo de solicitud': 'Petición de interés general',
      'Término legal': '15 días hábiles',
      'Fecha límite de respuesta': '24/02/2026',
    });
    expect(receipt['Cómo se contó']).toContain('15 días hábiles');
    expect(receipt['Cómo se contó']).toContain('03/02/2026');
    expect(receipt['Cómo se contó']).toContain('24/02/2026');
    expect(await page.locator('#receipt-entity').textContent()).toBe('Alcaldía de Prueba');

    await page.getByRole('button', { name: 'Imprimir constancia' }).click();
    expect(await page.evaluate('window.__printed')).toBe(1);
    expect(desk.cases()[0].dueDate).toBe('2026-02-24');
    expect(pageErrors).toEqual([]);
  });

  it('the form resets after success and a second filing gets the next radicado', async () => {
    const desk = newDesk();
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    await page.getByRole('tab', { name: 'Radicar verbal' }).click();
    expect(await fieldValues(page)).toEqual(PRISTINE);

    await fileVerbal(page, WALK_IN);
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');
    expect(await fieldValues(page)).toEqual(PRISTINE);

    await fileVerbal(page, {
      channel: 'Virtual (voz)',
      type: 'Reclamo',
      applicantKind: 'Persona jurídica',
      idType: 'NIT',
      idNumber: '900123456-1',
      name: 'Ferretería El Tornillo S.A.S.',
      email: 'contabilidad@eltornillo.example.com',
      subject: 'Reclamo por cobro del impuesto predial',
      description: 'Llamó para reclamar un cobro doble del impuesto predial de 2025.',
      consent: true,
    });
    await textIs(page, 'status', 'Radicado 2026-000002');
    expect(await fieldValues(page)).toEqual(PRISTINE);

    const cases = desk.cases();
    expect(cases.map((c) => c.radicado)).toEqual(['2026-000001', '2026-000002']);
    expect(new Set(cases.map((c) => c.responseId)).size).toBe(2); // each filing its own requestId
    expect(desk.value('Radicados', desk.rowOfRadicado('2026-000002'), 'Canal')).toBe(
      'Virtual (voz)',
    );
    expect(cases[1]).toMatchObject({
      type: 'reclamo',
      petitioner: { applicantKind: 'Persona jurídica', idType: 'NIT', idNumber: '•••4561' },
    });
    expect(desk.mailTo('contabilidad@eltornillo.example.com')).toHaveLength(1);
    expect(bridge.calls.map((c) => c.args[0])).toEqual([
      'whoAmI',
      'registerVerbal',
      'registerVerbal',
    ]);
    expect(pageErrors).toEqual([]);
  });

  it('a walk-in denunciante who asks for reserva de identidad is named nowhere staff look', async () => {
    const desk = newDesk();
    const { page, pageErrors } = await browser.open(desk, CLERK);
    await fileVerbal(page, {
      ...WALK_IN,
      type: 'Denuncia',
      identityReserved: true,
      subject: 'Cobro irregular en la ventanilla',
    });
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');
    const [record] = desk.cases();
    expect(record.petitioner).toMatchObject({
      name: 'Identidad reservada',
      identityReserved: true,
    });
    desk.sweep();
    expect(desk.contactOf(record.radicado)).toMatchObject({
      name: WALK_IN.name,
      identityReserved: 'Sí',
    });
    // The case at the desk: no name, the reservation said.
    await page.getByRole('tab', { name: 'Buscar caso' }).click();
    await page.getByLabel('Radicado', { exact: true }).fill(record.radicado);
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.waitForFunction(
      `[...document.querySelectorAll('#case-fields dt')].some((dt) => dt.textContent === 'Peticionario')`,
      undefined,
      { timeout: 5000 },
    );
    const shown = await page.locator('#case-fields').textContent();
    expect(shown).toContain('Identidad reservada');
    expect(shown).not.toContain('Zapata');
    expect(pageErrors).toEqual([]);
  });

  it('an anonymous filing hides and sends no identity; a ticked authorisation is recorded', async () => {
    const desk = newDesk();
    const { page, bridge } = await browser.open(desk, CLERK);
    await page.getByRole('tab', { name: 'Radicar verbal' }).click();
    await page.getByLabel('Nombres y apellidos o razón social').fill('No debe enviarse');
    await page.getByLabel('Anónimo').check();
    await expect(page.getByLabel('Nombres y apellidos o razón social').isVisible()).resolves.toBe(
      false,
    );
    await fileVerbal(page, {
      channel: 'Presencial',
      type: 'Denuncia',
      anonymous: true,
      phone: '6045551234',
      subject: 'Denuncia por obras sin licencia',
      description: 'Informa de una construcción sin licencia en la calle 5.',
      consent: true,
    });
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');
    const [record] = desk.cases();
    expect(record).toMatchObject({
      type: 'denuncia',
      consent: true,
      petitioner: { anonymous: true, name: '', idNumber: '' },
    });
    const answers = (bridge.calls[1].args[1] as { answers: Record<string, string> }).answers;
    expect(answers).toMatchObject({ anonymous: 'Sí', name: '', idNumber: '', consent: 'Sí' });
    // After the reset the identity fields are back for the next filing.
    await expect(page.getByLabel('Nombres y apellidos o razón social').isVisible()).resolves.toBe(
      true,
    );
  });

  it('a double click on Radicar files one petition', async () => {
    const desk = newDesk();
    const { page, bridge } = await browser.open(desk, CLERK);
    await page.getByRole('tab', { name: 'Radicar verbal' }).click();
    await page.getByLabel('Tipo de solicitud').selectOption({ label: 'Petición de congresista' });
    await page.getByLabel('Nombres y apellidos o razón social').fill(WALK_IN.name ?? '');
    await page.getByLabel('Asunto').fill(WALK_IN.subject);
    await page.getByLabel('Describa su solicitud y sus razones').fill(WALK_IN.description);
    await page.getByRole('button', { name: 'Radicar', exact: true }).dblclick();
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');
    expect(desk.cases()).toHaveLength(1);
    expect(desk.cases()[0]).toMatchObject({ type: 'peticion_congresista', consent: false });
    expect(bridge.calls.filter((c) => c.args[0] === 'registerVerbal')).toHaveLength(1);
  });

  it('while the server works the button is disabled and the status says so; a retry after a lost connection is the same petition', async () => {
    const desk = newDesk();
    const { page, bridge, pageErrors } = await browser.open(desk, CLERK);
    // The connection drops: the request never reaches the server.
    const lost: string[] = [];
    await page.route('**/__bridge/run', (route) => {
      const body = route.request().postDataJSON() as { args: [string, { requestId: string }] };
      lost.push(body.args[1].requestId);
      return route.abort('connectionreset');
    });
    await fileVerbal(page, WALK_IN);
    expect(await settled(page, 'status')).toEqual({ text: NETWORK_MESSAGE, kind: 'error' });
    expect(desk.cases()).toEqual([]);
    // Nothing typed was lost, and the button works again.
    expect(await page.getByLabel('Asunto').inputValue()).toBe(WALK_IN.subject);
    await expect(
      page.getByRole('button', { name: 'Radicar', exact: true }).isEnabled(),
    ).resolves.toBe(true);

    // The connection is back, but slow: the pending state shows while the call is in flight.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.unroute('**/__bridge/run');
    await page.route('**/__bridge/run', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Radicar', exact: true }).click();
    await textIs(page, 'status', 'Radicando…');
    await expect(
      page.getByRole('button', { name: 'Radicar', exact: true }).isDisabled(),
    ).resolves.toBe(true);
    release();
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');

    // The first attempt never arrived; the retry carried the same request id, and one case exists.
    const filings = bridge.calls.filter((c) => c.args[0] === 'registerVerbal');
    expect(filings).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((filings[0].args[1] as { requestId: string }).requestId).toBe(lost[0]);
    expect(desk.cases()).toHaveLength(1);
    expect(pageErrors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET'))).toEqual([]);
  });

  it('a retry after the answer was lost on the way back files nothing new', async () => {
    const desk = newDesk();
    const { page, bridge } = await browser.open(desk, CLERK);
    // The server radicates, but its answer never reaches the page.
    let drop = true;
    await page.route('**/__bridge/run', async (route) => {
      if (!drop) return route.continue();
      const response = await route.fetch();
      await response.body();
      await route.abort('connectionreset');
    });
    await fileVerbal(page, WALK_IN);
    expect(await settled(page, 'status')).toEqual({ text: NETWORK_MESSAGE, kind: 'error' });
    expect(desk.cases()).toHaveLength(1);
    drop = false;
    await page.getByRole('button', { name: 'Radicar', exact: true }).click();
    await page.waitForFunction(
      `document.getElementById('status').textContent.includes('2026-000001') &&
       !document.getElementById('status').classList.contains('pending')`,
      undefined,
      { timeout: WAIT_MS },
    );
    expect(desk.cases()).toHaveLength(1);
    const ids = bridge.calls
      .filter((c) => c.args[0] === 'registerVerbal')
      .map((c) => (c.args[1] as { requestId: string }).requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    // The receipt is shown for the petition already radicated.
    expect((await caseFields(page, 'receipt-fields')).Radicado).toBe('2026-000001');
  });

  it('someone who is not staff is refused by the menu item, and the gateway refuses too', () => {
    const desk = newDesk();
    const click = desk.harness.menu(desk.name, OUTSIDER, DESK_MENU);
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
    expect(desk.mailTo(WALK_IN.email ?? '')).toEqual([]);
  });

  it('markup typed as the subject is never rendered as HTML and is stored literally', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const desk = newDesk();
    const { page, pageErrors, dialogs } = await browser.open(desk, CLERK);
    await fileVerbal(page, { ...WALK_IN, name: `Pepe ${payload}`, subject: payload });
    expect((await settled(page, 'status')).text).toBe('Radicado 2026-000001');

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').innerHTML()).not.toContain('<img');
    expect(dialogs).toEqual([]);

    const row = desk.rowOfRadicado('2026-000001');
    expect(desk.value('Radicados', row, 'Asunto')).toBe(payload);
    expect(desk.cases()[0].subject).toBe(payload);
    // The acknowledgement's HTML part escapes it too; the plain part keeps it as typed.
    const [mail] = desk.mailTo(WALK_IN.email ?? '');
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.body).toContain(payload);
    expect(pageErrors).toEqual([]);
  });

  it("the page's google.script.run behaves like Apps Script's: chaining, user object, no Dates", async () => {
    const desk = newDesk();
    const { page, bridge } = await browser.open(desk, CLERK);
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
    // The page's own opening whoAmI, then the three above.
    expect(bridge.calls.map((c) => c.ok)).toEqual([true, false, true, false]);
  });
});
