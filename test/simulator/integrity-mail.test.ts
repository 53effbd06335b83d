// Issue "integrity", fifth and seventh bullets of its Why list: mail due to a citizen goes out once
// whatever people do to `Bandeja de salida` and whatever fails at intake, and the citizen's private
// follow-up token is never kept in a cell or a stored value while the mail waits or after it failed.
import { followUpToken } from '../../src/core/cases/case-seal';
import {
  acknowledgementsTo,
  ADMIN,
  bogota,
  citizen,
  CLERK,
  Desk,
  everyCellText,
  minutesFromNow,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const HOUR = 60 * 60 * 1000;
const AT = bogota('2026-02-03T10:00:00');

function emailOf(i: number): string {
  return `ciudadano${i}@example.com`;
}

function outboxRows(desk: Desk): number {
  return desk.model.requireSheet('Bandeja de salida').lastRow() - 1;
}

describe('deleting sent rows at the top of Bandeja de salida', () => {
  it('does not stop a pending acknowledgement from going out, once', () => {
    const desk = new Desk();
    for (const i of [1, 2, 3]) desk.submit(citizen({ email: emailOf(i) }), AT + i * 10 * 60_000);
    desk.advance(HOUR); // acknowledgements and notices recorded as sent
    const pending = desk.submit(citizen({ email: emailOf(4) }), minutesFromNow(desk, 5), {
      mailQuotaExhausted: true,
    });
    desk.advance(HOUR); // the pending acknowledgement is recorded in the sheet
    const radicado = desk.casesFor(pending.responseId)[0].radicado;
    const ack = desk.outbox().find((m) => m.kind === 'acuse' && m.radicado === radicado);
    expect(ack?.status).toBe('pendiente');
    expect(acknowledgementsTo(desk, emailOf(4))).toEqual([]);
    const sent = desk.outbox().filter((m) => m.status === 'enviado').length;
    expect(sent).toBeGreaterThanOrEqual(6);
    // A clerk tidies up: the sent rows at the top go.
    const rows = outboxRows(desk);
    const edit = desk.harness.edit(desk.name, ADMIN, 'Bandeja de salida', {
      deleteRows: { from: 2, count: sent },
    });
    for (const run of edit.runs) expect(run.error).toBeNull();
    expect(outboxRows(desk)).toBe(rows - sent);
    // The quota comes back the next day; the acknowledgement goes out exactly once.
    desk.advance(30 * HOUR);
    expect(acknowledgementsTo(desk, emailOf(4))).toHaveLength(1);
    expect(acknowledgementsTo(desk, emailOf(4))[0].subject).toContain(radicado);
    desk.advance(3 * HOUR);
    expect(acknowledgementsTo(desk, emailOf(4))).toHaveLength(1);
    for (const i of [1, 2, 3]) expect(acknowledgementsTo(desk, emailOf(i))).toHaveLength(1);
    const status = desk
      .outbox()
      .filter((m) => m.kind === 'acuse' && m.radicado === radicado)
      .map((m) => m.status);
    expect(status).toEqual(['enviado']);
  });
});

describe('a failure at intake after the number is taken', () => {
  it('leaves the acknowledgement to be sent later when the state cannot be written', () => {
    const desk = new Desk();
    // The script's store is full (another tool of the entity filled it): intake cannot write.
    const filler: string[] = [];
    for (let i = 0; desk.entity.properties.usedBytes() < 500 * 1024 - 300; i += 1) {
      const key = `otra.herramienta.${i}`;
      const room = 500 * 1024 - 200 - desk.entity.properties.usedBytes() - key.length;
      desk.entity.properties.set(key, 'x'.repeat(Math.min(9000, room)));
      filler.push(key);
    }
    const filing = desk.submit(citizen({ email: emailOf(1) }), AT);
    expect(filing.runs[0].error?.message).toMatch(/property storage quota/);
    expect(filing.runs[0].record.logs.join('\n')).toContain(desk.keyOf(filing.responseId));
    expect(acknowledgementsTo(desk, emailOf(1))).toEqual([]);
    // Someone frees the store; the next sweeps radicate the response and acknowledge it, once.
    for (const key of filler) desk.entity.properties.delete(key);
    desk.advance(3 * HOUR);
    expect(desk.casesFor(filing.responseId).map((c) => c.radicado)).toEqual(['2026-000001']);
    expect(acknowledgementsTo(desk, emailOf(1))).toHaveLength(1);
    expect(desk.mailTo(CLERK)).toHaveLength(1);
    desk.advance(3 * HOUR);
    expect(acknowledgementsTo(desk, emailOf(1))).toHaveLength(1);
  });
});

describe('the follow-up token while a mail waits or after it failed', () => {
  it('is in no cell and no stored value', () => {
    const desk = new Desk();
    desk.submit(citizen({ email: emailOf(1) }), AT);
    // Pending: no quota left.
    desk.submit(citizen({ email: emailOf(2) }), AT + 10 * 60_000, { mailQuotaExhausted: true });
    // Failed: an address the form accepts and MailApp refuses ("Invalid email").
    desk.submit(citizen({ email: 'maria\\ruiz@example.com' }), AT + 20 * 60_000);
    desk.advance(2 * HOUR);
    const statuses = desk.outbox().filter((m) => m.kind === 'acuse');
    expect(statuses.map((m) => m.status).sort()).toEqual(['enviado', 'fallido', 'pendiente']);
    const state = JSON.parse(desk.entity.properties.get('state') ?? '{}') as { secret?: string };
    expect(state.secret).toBeTruthy();
    const tokens = desk.cases().map((c) => followUpToken(state.secret!, c.radicado));
    expect(tokens).toHaveLength(3);
    // The sent one proves the tokens are the ones citizens get.
    const [sent] = acknowledgementsTo(desk, emailOf(1));
    expect(sent.body).toContain(`t=${tokens[0]}`);
    const texts = [
      ...everyCellText(desk).map((c) => `${c.sheet}!${c.row}: ${c.text}`),
      ...Object.entries(desk.entity.properties.snapshot()).map(([k, v]) => `${k}=${v}`),
    ];
    for (const token of tokens) expect(texts.filter((t) => t.includes(token))).toEqual([]);
    expect(texts.filter((t) => /[?&]t=[0-9a-f]{20,}/.test(t))).toEqual([]);
  });
});
