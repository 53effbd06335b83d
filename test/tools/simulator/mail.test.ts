import { Execution, type ExecutionOptions } from '../../../tools/simulator/kernel';
import { MailStore, createMailApp } from '../../../tools/simulator/services/mail';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
const SENDER = 'mesa@entidad.gov.co';
const HOUR = 60 * 60 * 1000;

function mailAt(store: MailStore, options: Partial<ExecutionOptions> = {}) {
  const exec = new Execution({ name: 'send', startMs: T0, effectiveUser: SENDER, ...options });
  return { exec, mail: createMailApp(exec, store) };
}

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `c${i}@example.com`).join(',');

describe('MailApp', () => {
  test('sendEmail(recipient, subject, body) records the mail from the effective user', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    mail.sendEmail('ciudadano@example.com', 'Radicado 2026-001', 'Recibimos su petición.');
    expect(store.sent).toHaveLength(1);
    expect(store.sent[0]).toMatchObject({
      from: SENDER,
      to: ['ciudadano@example.com'],
      cc: [],
      bcc: [],
      subject: 'Radicado 2026-001',
      body: 'Recibimos su petición.',
      sentAtMs: T0 + 250 + 20,
    });
  });

  test('the message form counts recipients over to, cc and bcc, and charges one unit each', () => {
    const store = new MailStore();
    const { mail, exec } = mailAt(store);
    mail.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      bcc: 'Jefe <d@example.com>',
      subject: 's',
      htmlBody: '<p>hola</p>',
      name: 'Ventanilla',
      replyTo: 'no-responder@entidad.gov.co',
    });
    expect(store.sent[0]).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com'],
      htmlBody: '<p>hola</p>',
      name: 'Ventanilla',
      replyTo: 'no-responder@entidad.gov.co',
    });
    expect(exec.calls.get('MailApp.sendEmail')).toBe(1);
    // Kernel cost table: 250 ms per send plus 20 ms per recipient.
    expect(exec.simulatedMs).toBe(250 + 4 * 20);
    expect(mail.getRemainingDailyQuota()).toBe(100 - 4);
  });

  test('sendEmail(to, replyTo, subject, body) and sendEmail with options', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    mail.sendEmail('a@example.com', 'reply@example.com', 'Asunto', 'Cuerpo');
    mail.sendEmail('b@example.com', 'Asunto 2', 'Cuerpo 2', { cc: 'c@example.com', noReply: true });
    expect(store.sent[0]).toMatchObject({
      replyTo: 'reply@example.com',
      subject: 'Asunto',
      body: 'Cuerpo',
    });
    expect(store.sent[1]).toMatchObject({
      cc: ['c@example.com'],
      noReply: true,
      subject: 'Asunto 2',
    });
  });

  test('the daily quota is per recipient and per sending user, and resets 24 h after the first send', () => {
    const store = new MailStore();
    store.setDailyQuota(SENDER, 5);
    // Zero-cost calls so the first send happens exactly at T0.
    const at = (startMs: number, user = SENDER) =>
      mailAt(store, { startMs, effectiveUser: user, costs: { '*': { baseMs: 0 } } });
    const first = at(T0);
    first.mail.sendEmail({ to: addresses(3), subject: 's', body: 'b' });
    expect(() => first.mail.sendEmail({ to: addresses(3), subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(first.mail.getRemainingDailyQuota()).toBe(2);
    first.mail.sendEmail({ to: addresses(2), subject: 's', body: 'b' });
    expect(store.sent).toHaveLength(2);
    // Another user has a quota of their own.
    expect(at(T0, 'otro@entidad.gov.co').mail.getRemainingDailyQuota()).toBe(100);
    // Just before the window closes it is still spent; 24 h after the first send it is whole again.
    expect(at(T0 + 24 * HOUR - 1).mail.getRemainingDailyQuota()).toBe(0);
    expect(at(T0 + 24 * HOUR).mail.getRemainingDailyQuota()).toBe(5);
  });

  test('more than 50 recipients in one message is refused', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    expect(() => mail.sendEmail({ to: addresses(50), subject: 's', body: 'b' })).not.toThrow();
    expect(() =>
      mail.sendEmail({ to: addresses(40), bcc: addresses(11), subject: 's', body: 'b' }),
    ).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(store.sent).toHaveLength(1);
  });

  test('an invalid address fails the whole send', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    expect(() => mail.sendEmail('ok@example.com,not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => mail.sendEmail('', 's', 'b')).toThrow('Failed to send email: no recipient');
    expect(store.sent).toHaveLength(0);
    expect(mailAt(store).mail.getRemainingDailyQuota()).toBe(100);
  });

  test('body plus HTML body over the size limit is refused (200 KB by default, configurable)', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    expect(() =>
      mail.sendEmail({ to: 'a@example.com', subject: 's', body: 'x'.repeat(200 * 1024) }),
    ).not.toThrow();
    expect(() =>
      mail.sendEmail({
        to: 'a@example.com',
        subject: 's',
        body: 'x'.repeat(150 * 1024),
        htmlBody: 'y'.repeat(60 * 1024),
      }),
    ).toThrow('Limit Exceeded: Email Body Size.');
    const workspace = new MailStore({ maxBodyBytes: 400 * 1024 });
    expect(() =>
      mailAt(workspace).mail.sendEmail({
        to: 'a@example.com',
        subject: 's',
        body: 'x'.repeat(300 * 1024),
      }),
    ).not.toThrow();
  });

  test('an empty subject is allowed; one over 250 characters is refused', () => {
    const store = new MailStore();
    const { mail } = mailAt(store);
    mail.sendEmail('a@example.com', '', 'b');
    expect(store.sent[0]?.subject).toBe('');
    expect(() => mail.sendEmail('a@example.com', 's'.repeat(251), 'b')).toThrow(
      'Argument too large: subject',
    );
  });

  test('simple triggers (LIMITED) cannot send mail', () => {
    const store = new MailStore();
    const { mail } = mailAt(store, { authMode: 'LIMITED' });
    expect(() => mail.sendEmail('a@example.com', 's', 'b')).toThrow(
      'You do not have permission to call MailApp.sendEmail',
    );
    expect(store.sent).toHaveLength(0);
  });
});
