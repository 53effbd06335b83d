// The citizen follow-up page never shows an exception: when the tracking spreadsheet is broken
// (a sheet deleted or renamed by hand) the citizen gets a short Spanish page and the error goes
// to the execution log.
import { CITIZEN_EMAIL, Desk, bogota, citizen, useBuiltBundle } from './fixtures';

useBuiltBundle();

function followUpLink(desk: Desk): Record<string, string> {
  const ack = desk.ws.mail.sentTo(CITIZEN_EMAIL).find((m) => m.subject.startsWith('Radicado'));
  if (!ack) throw new Error('no acknowledgement');
  const match = /https:\/\/\S+/.exec(ack.body);
  if (!match) throw new Error(`no link in: ${ack.body}`);
  return Object.fromEntries(new URL(match[0]).searchParams);
}

function expectUnavailablePage(page: { body: string; error: Error | null }): void {
  expect(page.error).toBeNull();
  expect(page.body).toContain('<html lang="es">');
  expect(page.body).toContain('En este momento no podemos mostrar su solicitud');
  expect(page.body).not.toMatch(/SetupRequiredError|Exception|Error|undefined|at \w+ \(/);
  // Nothing of the case leaks through a half-rendered page.
  expect(page.body).not.toContain('Arreglo de la vía');
}

describe('follow-up page when the spreadsheet is broken', () => {
  it('shows a Spanish message when the Radicados sheet was deleted, and logs the error', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const link = followUpLink(desk);
    desk.model.removeSheet(desk.model.requireSheet('Radicados'));
    const page = desk.harness.visit(desk.name, link);
    expectUnavailablePage(page);
    expect(page.record.logs.some((l) => l.startsWith('ERROR: Página de seguimiento'))).toBe(true);
    expect(page.record.logs.join('\n')).toContain('Radicados');
    expect(page.record.logs.join('\n')).not.toContain(link.t);
  });

  it('still finds the case when a clerk renamed the sheet by hand (an archive)', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const link = followUpLink(desk);
    desk.harness.edit(desk.name, 'ventanilla@prueba.gov.co', 'Radicados', {
      renameSheet: { to: 'Radicados viejos' },
    });
    const page = desk.harness.visit(desk.name, link);
    expect(page.error).toBeNull();
    expect(page.body).toContain(link.r);
    expect(page.body).not.toContain('No encontramos');
  });

  it('keeps answering from the last good configuration when the settings sheet is gone', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const link = followUpLink(desk);
    desk.model.removeSheet(desk.model.requireSheet('Configuración'));
    const page = desk.harness.visit(desk.name, link);
    expect(page.error).toBeNull();
    expect(page.body).toContain(link.r);
  });

  it('keeps the usual message for an unknown radicado, escaping nothing it echoes', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const page = desk.harness.visit(desk.name, { r: '<script>alert(1)</script>', t: 'x' });
    expect(page.error).toBeNull();
    expect(page.body).toContain('No encontramos una solicitud con esos datos');
    expect(page.body).not.toContain('<script>alert(1)');
  });
});
