// Reminders, overdue notices, digests and the quota-aware outbox on the BUILT bundle. Dates come
// from the law: a general petition filed Tuesday 3 February 2026 has 15 business days (CPACA art.
// 14), due Tuesday 24 February; reminders 3 and 1 business days before (Configuración's default),
// the overdue notice on the first business day after (Wednesday 25), then weekly.
import { act, bogota, citizen, CLERK, Desk, typeRowsByHeader, useBuiltBundle } from './fixtures';

import { DEFAULT_COSTS } from '../../tools/simulator/kernel';

useBuiltBundle();

const FILED = bogota('2026-02-03T10:00:00');
const RADICADO = '2026-000001';
const DAY = 24 * 60 * 60 * 1000;

/** Bogotá local date and minutes of an instant (UTC−5 all year). */
function local(ms: number): { date: string; minutes: number; weekday: number } {
  const shifted = new Date(ms - 5 * 3600_000);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

function staffMail(desk: Desk, address: string, pattern: RegExp) {
  return desk
    .mailTo(address)
    .filter((m) => pattern.test(m.subject))
    .map((m) => ({ ...m, local: local(m.sentAtMs) }));
}

function filedCase(): Desk {
  const desk = new Desk();
  desk.submit(citizen(), FILED);
  return desk;
}

describe('reminders and overdue notices', () => {
  it('reminds the assignee 3 and 1 business days before, then escalates when overdue and weekly, only in office hours on business days', () => {
    const desk = filedCase();
    desk.harness.advanceTo(bogota('2026-03-05T12:00:00'));
    const reminders = staffMail(desk, CLERK, /^Recordatorio/);
    expect(reminders.map((m) => m.local.date)).toEqual(['2026-02-19', '2026-02-23']);
    expect(reminders[0].body).toContain('24/02/2026');
    const overdue = staffMail(desk, CLERK, /^Caso vencido/);
    expect(overdue.map((m) => m.local.date)).toEqual(['2026-02-25', '2026-03-04']);
    // Every staff mail (digests included) left on a weekday between 07:00 and 18:00 Bogotá.
    const all = staffMail(desk, CLERK, /./).filter((m) => !/Caso asignado/.test(m.subject));
    expect(all.length).toBeGreaterThan(4);
    for (const m of all) {
      expect([m.subject, m.local.weekday >= 1 && m.local.weekday <= 5]).toEqual([m.subject, true]);
      expect(m.local.minutes).toBeGreaterThanOrEqual(7 * 60);
      expect(m.local.minutes).toBeLessThan(18 * 60);
    }
    // No key twice, whatever the triggers did.
    const keys = desk.outbox().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a sweep trigger firing twice queues and sends each reminder once', () => {
    const desk = filedCase();
    desk.harness.advanceTo(bogota('2026-02-19T06:00:00'));
    desk.runSweepTrigger();
    desk.runSweepTrigger();
    desk.harness.advanceTo(bogota('2026-02-19T08:30:00'));
    desk.runSweepTrigger();
    desk.runSweepTrigger();
    expect(staffMail(desk, CLERK, /^Recordatorio/)).toHaveLength(1);
  });

  it('an answered case gets no reminder and no overdue notice', () => {
    const desk = filedCase();
    desk.harness.advanceTo(bogota('2026-02-18T09:00:00'));
    expect(
      act(desk, CLERK, { radicado: RADICADO, kind: 'answer', summary: 'Listo' }),
    ).toMatchObject({
      ok: true,
    });
    desk.harness.advanceTo(bogota('2026-03-05T12:00:00'));
    expect(staffMail(desk, CLERK, /^(Recordatorio|Caso vencido)/)).toEqual([]);
  });

  it('a closing day added mid-term moves the due date and its reminders', () => {
    const desk = filedCase();
    desk.harness.advanceTo(bogota('2026-02-10T09:00:00'));
    // The entity closes on Monday 23 February: the term now ends Wednesday 25.
    typeRowsByHeader(desk.model, 'Días no hábiles', [
      { Fecha: '2026-02-23', Tipo: 'Cierre de la entidad', Motivo: 'Traslado de sede' },
    ]);
    desk.setupOk();
    desk.harness.advanceTo(bogota('2026-02-27T12:00:00'));
    const reminders = staffMail(desk, CLERK, /^Recordatorio/);
    // 3 business days before Wed 25: Thu 19 (20, 24, 25); 1 before: Tue 24 (23 is closed).
    expect(reminders.map((m) => m.local.date)).toEqual(['2026-02-19', '2026-02-24']);
    expect(reminders[1].body).toContain('25/02/2026');
    expect(staffMail(desk, CLERK, /^Caso vencido/).map((m) => m.local.date)).toEqual([
      '2026-02-26',
    ]);
    // The closed day sends no staff mail at all (digests included).
    expect(staffMail(desk, CLERK, /./).filter((m) => m.local.date === '2026-02-23')).toEqual([]);
    expect(staffMail(desk, CLERK, /Sus casos abiertos/).length).toBeGreaterThan(5);
  });
});

describe('the outbox under a small quota', () => {
  it('with 20 mails a day and 60 acknowledgements due, sends them all in the next days, citizens first, none twice', () => {
    const desk = new Desk({ mailQuotaPerDay: 20 });
    const start = bogota('2026-02-03T08:00:00');
    for (let i = 0; i < 60; i += 1)
      desk.submit(
        citizen({ email: `persona${i}@example.com`, subject: `Solicitud ${i}` }),
        start + i * 60_000,
      );
    desk.harness.advanceTo(start + 7 * DAY);
    const acks = desk.ws.mail.sent.filter((m) => m.subject.endsWith(': recibimos su solicitud'));
    expect(acks).toHaveLength(60);
    expect(new Set(acks.map((m) => m.to)).size).toBe(60);
    // No day sent more than the quota.
    const perDay = new Map<string, number>();
    for (const m of desk.ws.mail.sent)
      perDay.set(local(m.sentAtMs).date, (perDay.get(local(m.sentAtMs).date) ?? 0) + 1);
    for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(20);
    // Citizens first: no staff mail left while the acknowledgement of an earlier filing waited.
    const ackOf = (i: number) => acks.find((m) => m.to.includes(`persona${i}@example.com`))!;
    const staff = desk.ws.mail.sent.filter((m) => m.to.includes(CLERK));
    expect(staff.length).toBeGreaterThan(0);
    for (const m of staff)
      for (let i = 0; i < 60 && start + i * 60_000 < m.sentAtMs; i += 1)
        expect(ackOf(i).sentAtMs).toBeLessThanOrEqual(m.sentAtMs);
    const keys = desk.outbox().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('a review that cannot finish in one run', () => {
  it('is cut before the time limit, continues in a one-off run of its trigger, and that run deletes the spent trigger', () => {
    // Slow mail (12 s a send): 40 acknowledgements left for the next day cannot all go in one run.
    const desk = new Desk({
      mailQuotaPerDay: 40,
      costs: { ...DEFAULT_COSTS, 'MailApp.sendEmail': { baseMs: 12_000 } },
    });
    const start = bogota('2026-02-03T08:00:00');
    for (let i = 0; i < 80; i += 1)
      desk.submit(
        citizen({ email: `persona${i}@example.com`, subject: `Solicitud ${i}` }),
        start + i * 60_000,
      );
    // MailApp's quota window reopens 24 hours after its first send (08:00 on the 4th).
    desk.harness.advanceTo(bogota('2026-02-05T12:00:00'));
    const sweeps = desk.executionsOf('sweepPqrs');
    expect(sweeps.every((e) => !e.error)).toBe(true);
    // Every run stayed inside Apps Script's 6 minutes.
    for (const e of sweeps) expect(e.simulatedMs).toBeLessThan(6 * 60_000);
    const acks = desk.ws.mail.sent.filter((m) => m.subject.endsWith(': recibimos su solicitud'));
    expect(acks).toHaveLength(80);
    expect(new Set(acks.map((m) => m.to.join())).size).toBe(80);
    // A continuation ran (two runs within minutes of each other once the quota reopened) and is gone.
    const night = sweeps
      .map((e) => Date.parse(e.startedAt))
      .filter((ms) => ms >= bogota('2026-02-04T08:00:00'));
    expect(night.some((ms, i) => i > 0 && ms - night[i - 1] < 10 * 60_000)).toBe(true);
    const handlers = desk.entity.triggers.list().map((t) => t.handler);
    expect(handlers.filter((h) => h === 'sweepPqrs')).toHaveLength(1);
  });
});

describe('templates in Plantillas', () => {
  function rowOfKind(desk: Desk, label: string): number {
    const sheet = desk.model.requireSheet('Plantillas');
    for (let r = 2; r <= sheet.lastRow(); r += 1) if (sheet.cell(r, 1)?.value === label) return r;
    throw new Error(`no row ${label}`);
  }

  it('setup seeds one row per kind; an edited template is used, a broken one is refused naming its row', () => {
    const desk = new Desk({
      settings: {
        address: 'Calle 10 # 5-20',
        phone: '604 123 4567',
        attentionHours: 'Lunes a viernes',
      },
    });
    const sheet = desk.model.requireSheet('Plantillas');
    expect(sheet.lastRow()).toBe(13); // header + 12 kinds
    const ack = rowOfKind(desk, 'Acuse de recibo');
    desk.model.setCellsAsUser('Plantillas', ack, 2, [['Recibimos su PQRSD {{radicado}}']]);
    const extension = rowOfKind(desk, 'Prórroga');
    desk.model.setCellsAsUser('Plantillas', extension, 3, [['Nueva fecha: {{fecha_nueva}}']]);
    const run = desk.setupOk();
    expect(run.error).toBeNull();
    const shown = desk.entity.ui.alerts.map((a) => a.prompt).join('\n');
    expect(shown).toContain(
      `Plantillas, fila ${extension} (Prórroga): usa el marcador desconocido {{fecha_nueva}}`,
    );
    desk.submit(citizen(), FILED);
    const [mail] = desk.mailTo('maria.ruiz@example.com');
    expect(mail.subject).toBe(`Recibimos su PQRSD ${RADICADO}`);
    expect(mail.body).toContain('Teléfono: 604 123 4567');
    // The broken extension template falls back to the default text.
    desk.harness.advanceTo(FILED + 60 * 60_000);
    expect(
      act(desk, CLERK, {
        radicado: RADICADO,
        kind: 'extend',
        newDueDate: '2026-03-10',
        reason: 'Visita',
      }),
    ).toMatchObject({ ok: true });
    desk.rpc(CLERK, 'sendNotices', {});
    desk.sweep(); // the owner's review addresses the citizen's notice from the data store
    const notice = desk.mailTo('maria.ruiz@example.com').find((m) => /nueva fecha/.test(m.subject));
    expect(notice?.body).toContain('Le responderemos a más tardar el 10/03/2026');
  });
});
