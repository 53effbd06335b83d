// The private follow-up link in the acknowledgement opens the citizen's own case, and nothing else.
import { CITIZEN_EMAIL, Desk, bogota, citizen, useBuiltBundle } from './fixtures';

useBuiltBundle();

function linkIn(body: string): URL {
  const match = /https:\/\/\S+/.exec(body);
  if (!match) throw new Error(`no link in: ${body}`);
  return new URL(match[0]);
}

describe('citizen follow-up link', () => {
  it('points at the entity web app and shows the case status, escaped', () => {
    const desk = new Desk();
    desk.submit(citizen({ subject: 'Luz <b>parque</b>' }), bogota('2026-02-03T10:00:00'));
    const ack = desk.ws.mail.sentTo(CITIZEN_EMAIL).find((m) => m.subject.startsWith('Radicado'))!;
    const link = linkIn(ack.body);
    expect(link.origin + link.pathname).toBe(desk.entity.webAppUrl);
    const page = desk.harness.visit(desk.entity.name, Object.fromEntries(link.searchParams));
    expect(page.error).toBeNull();
    expect(page.body).toContain('2026-000001');
    expect(page.body).toContain('Luz &lt;b&gt;parque&lt;/b&gt;');
    expect(page.body).not.toContain('<b>parque');
  });

  it('does not open another case with a valid token of a different one', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    desk.submit(citizen({ subject: 'Segunda' }), bogota('2026-02-03T11:00:00'));
    const [first] = desk.ws.mail
      .sentTo(CITIZEN_EMAIL)
      .filter((m) => m.subject.startsWith('Radicado'));
    const token = linkIn(first.body).searchParams.get('t')!;
    const page = desk.harness.visit(desk.entity.name, { r: '2026-000002', t: token });
    expect(page.body).not.toContain('Segunda');
    expect(page.body).toContain('No encontramos');
  });
});

describe('the follow-up token', () => {
  it('is in no cell of any sheet and in no stored value, before and after the sweep', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    const sent = desk.ws.mail.sentTo(CITIZEN_EMAIL).find((m) => m.subject.startsWith('Radicado'))!;
    const token = linkIn(sent.body).searchParams.get('t')!;
    const everywhere = (): string[] => {
      const cells: string[] = [];
      for (const sheet of desk.model.sheets)
        for (let r = 1; r <= sheet.lastRow(); r += 1)
          for (let c = 1; c <= sheet.lastColumn(); c += 1)
            cells.push(String(sheet.cell(r, c)?.value ?? ''));
      return [...cells, ...Object.values(desk.entity.properties.snapshot())];
    };
    expect(everywhere().some((text) => text.includes(token))).toBe(false);
    desk.sweep();
    // The sweep recorded the sent acknowledgement in the outbox sheet, without its body.
    const outbox = desk.model.requireSheet('Bandeja de salida');
    expect(outbox.lastRow()).toBeGreaterThan(1);
    expect(everywhere().some((text) => text.includes(token))).toBe(false);
  });
});
