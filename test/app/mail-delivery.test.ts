import {
  afterAttempt,
  followUpLink,
  formatLocalInstant,
  MAX_ATTEMPTS,
  renderMail,
  trySend,
  type RenderContext,
} from '../../src/app/mail-delivery';
import { followUpToken } from '../../src/core/cases/case-seal';
import { contactOf } from '../../src/core/privacy/contact-data';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { sha256Hex } from '../../src/core/crypto/sha256';
import type { MailEntry } from '../../src/core/state/entity-state';
import { makeDeps, MemoryMailer, QUEJA, QUOTA_ERROR, SECRET, submitForm } from '../fakes/in-memory';

const monday = Date.parse('2026-07-06T08:15:00-05:00');

/** A queja radicated Monday 6 July 2026 08:15 (due 29 July), as its row holds it. */
function caseAndContext(followUpUrl = 'https://script.google.com/macros/s/x/exec') {
  const { deps } = makeDeps({ settings: { followUpUrl } });
  submitForm(deps, QUEJA, monday);
  const record: CaseRecord = deps.cases.at(2);
  const ctx: RenderContext = {
    config: deps.config,
    secret: SECRET,
    hash: sha256Hex,
    today: '2026-07-08',
  };
  return { record, ctx };
}

const entry = (over: Partial<MailEntry> = {}): MailEntry => ({
  key: 'acuse:2026-000001',
  radicado: '2026-000001',
  kind: 'acuse',
  to: 'ana@example.com',
  subject: 'Radicado 2026-000001',
  status: 'pendiente',
  attempts: 0,
  createdAt: '2026-07-06T14:00:00.000Z',
  sentAt: '',
  lastError: '',
  recorded: false,
  ...over,
});

describe('formatLocalInstant and followUpLink', () => {
  it('writes the instant as Bogotá reads it', () => {
    expect(formatLocalInstant(monday)).toBe('06/07/2026 08:15');
    // 04:30 UTC on 1 Jan 2027 is still 31 December in Bogotá.
    expect(formatLocalInstant(Date.parse('2027-01-01T04:30:00Z'))).toBe('31/12/2026 23:30');
  });

  it('adds the radicado and token to the web app address, encoded', () => {
    expect(followUpLink('https://x/exec', '05001-2026-000001', 'ab/c')).toBe(
      'https://x/exec?r=05001-2026-000001&t=ab%2Fc',
    );
    expect(followUpLink('https://x/exec?lang=es', 'R', 'T')).toBe('https://x/exec?lang=es&r=R&t=T');
    expect(followUpLink('', 'R', 'T')).toBe('');
  });
});

describe('renderMail', () => {
  it('renders the acknowledgement from the case, with the token derived from the secret', () => {
    const { record, ctx } = caseAndContext();
    const mail = renderMail(entry({ to: 'otra@example.com' }), record, ctx)!;
    expect(mail).toMatchObject({
      key: 'acuse:2026-000001',
      kind: 'acuse',
      radicado: '2026-000001',
      to: 'otra@example.com',
    });
    expect(mail.body).toContain('06/07/2026 08:15');
    expect(mail.body).toContain('29/07/2026');
    expect(mail.body).toContain('15 días hábiles');
    const token = followUpToken(SECRET, '2026-000001');
    expect(mail.body).toContain(
      `https://script.google.com/macros/s/x/exec?r=2026-000001&t=${token}`,
    );
  });

  it('leaves the link out when the secret changed since the case was radicated', () => {
    const { record, ctx } = caseAndContext();
    const mail = renderMail(entry(), record, { ...ctx, secret: 'secret-nuevo' })!;
    expect(mail.body).not.toContain('?r=2026-000001');
    expect(mail.body).toContain('2026-000001');
  });

  it('renders the assignment notice for the assignee', () => {
    const { record, ctx } = caseAndContext();
    const mail = renderMail(
      entry({
        key: 'asignacion:2026-000001:clerk@x.gov.co',
        kind: 'asignacion',
        to: 'clerk@x.gov.co',
      }),
      record,
      ctx,
    )!;
    expect(mail).toMatchObject({ kind: 'asignacion', to: 'clerk@x.gov.co' });
    expect(mail.body).toContain('Vence el 29/07/2026');
  });

  it('sends a mail that carries its own text without a case, its HTML escaped', () => {
    const { ctx } = caseAndContext();
    const mail = renderMail(
      entry({
        key: 'integridad:x',
        radicado: '',
        kind: 'notificacion',
        to: 'boss@x.gov.co',
        body: 'Hallazgo <b>uno</b>\n\nFin',
      }),
      null,
      ctx,
    )!;
    expect(mail.body).toBe('Hallazgo <b>uno</b>\n\nFin');
    expect(mail.htmlBody).toBe('<p>Hallazgo &lt;b&gt;uno&lt;/b&gt;</p>\n\n<p>Fin</p>');
  });

  it('addresses the citizen from the data store, and greets a reserved petitioner by name', () => {
    const { record, ctx } = caseAndContext();
    const reserved: CaseRecord = {
      ...record,
      petitioner: { ...record.petitioner, name: 'Identidad reservada', identityReserved: true },
    };
    const contact = contactOf(
      '2026-000001',
      { ...record.petitioner, name: 'Ana Ruiz', email: 'ana.nueva@example.com' },
      '',
    );
    const mail = renderMail(entry({ to: 'a•••@example.com' }), reserved, ctx, contact)!;
    expect(mail.to).toBe('ana.nueva@example.com');
    expect(mail.body).toContain('Ana Ruiz');
    expect(mail.body).not.toContain('Identidad reservada');
  });

  it('still finds a notice queued under the key that named the address (before the data store)', () => {
    const { record, ctx } = caseAndContext();
    const at = '2026-07-07T15:00:00.000Z';
    const answered: CaseRecord = {
      ...record,
      status: 'respondido',
      events: [{ kind: 'answered', at, note: 'Ya se programó la visita.', by: 'clerk@x.gov.co' }],
    };
    const contact = contactOf(
      '2026-000001',
      { ...record.petitioner, email: 'ana@example.com' },
      '',
    );
    const old = entry({
      key: `respuesta:2026-000001:${at}:ana@example.com`,
      kind: 'respuesta',
      eventAt: at,
    });
    const mail = renderMail(old, answered, ctx, contact);
    expect(mail?.to).toBe('ana@example.com');
    expect(mail?.body).toContain('Ya se programó la visita.');
  });

  it('has nothing to render when the case is missing', () => {
    const { ctx } = caseAndContext();
    expect(renderMail(entry(), null, ctx)).toBeNull();
  });
});

describe('trySend', () => {
  const mail = {
    key: 'k',
    radicado: 'r',
    kind: 'acuse' as const,
    to: 'a@b.co',
    subject: 's',
    body: 'b',
    htmlBody: '<p>b</p>',
  };

  it('tells the day’s quota apart from other refusals', () => {
    expect(trySend(new MemoryMailer(1), mail)).toEqual({ ok: true });
    expect(trySend(new MemoryMailer(1, QUOTA_ERROR), mail)).toEqual({
      ok: false,
      quota: true,
      error: QUOTA_ERROR,
    });
    expect(trySend(new MemoryMailer(1, 'Invalid email: a@b.co'), mail)).toEqual({
      ok: false,
      quota: false,
      error: 'Invalid email: a@b.co',
    });
  });
});

describe('afterAttempt', () => {
  const now = '2026-07-06T15:00:00.000Z';

  it('marks a sent mail sent, to be recorded again', () => {
    expect(
      afterAttempt(entry({ recorded: true, lastError: 'x' }), { ok: true }, now),
    ).toMatchObject({
      status: 'enviado',
      attempts: 1,
      sentAt: now,
      lastError: '',
      recorded: false,
    });
  });

  it('keeps a mail refused for quota pending, without counting an attempt', () => {
    expect(
      afterAttempt(entry({ attempts: 2 }), { ok: false, quota: true, error: QUOTA_ERROR }, now),
    ).toMatchObject({
      status: 'pendiente',
      attempts: 2,
      sentAt: '',
      lastError: 'MAIL_QUOTA_EXHAUSTED',
    });
  });

  it('gives up at once on an invalid address', () => {
    expect(
      afterAttempt(entry(), { ok: false, quota: false, error: 'Invalid email: a@b' }, now),
    ).toMatchObject({ status: 'fallido', attempts: 1, lastError: 'Invalid email: a@b' });
  });

  it('retries another failure until the last attempt', () => {
    let current = entry();
    for (let i = 1; i < MAX_ATTEMPTS; i += 1) {
      current = afterAttempt(current, { ok: false, quota: false, error: 'Timeout' }, now);
      expect(current).toMatchObject({ status: 'pendiente', attempts: i });
    }
    current = afterAttempt(current, { ok: false, quota: false, error: 'Timeout' }, now);
    expect(current).toMatchObject({ status: 'fallido', attempts: MAX_ATTEMPTS });
  });
});
