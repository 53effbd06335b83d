// The default `npm start` scenario, run on the built bundle: one radicado and one acknowledgement
// per submission, the legal codes recorded for refused acts, and no library-scoped store used.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../tools/scenario/scenario-types';
import {
  loadBuiltProjects,
  runScenario,
  type ScenarioResult,
} from '../../tools/scenario/run-scenario';
import { dataStoreOf, readCases, readContacts, readOutbox } from '../../tools/scenario/read-back';
import { readText } from '../../src/gas/cell-values';
import { isValidEmail } from '../../src/core/intake/normalize-submission';
import { usableEmail } from '../../src/core/privacy/contact-data';
import { ACT_KINDS } from '../../src/core/cases/act-rules';

const root = join(__dirname, '..', '..');
let result: ScenarioResult;

beforeAll(() => {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: root });
  const scenario = parseScenario(
    JSON.parse(readFileSync(join(root, 'scenarios', 'default.json'), 'utf8')),
  );
  result = runScenario(scenario, loadBuiltProjects(join(root, 'dist')));
}, 120_000);

describe('default scenario', () => {
  it('radicates every submission exactly once, plus the verbal filing', () => {
    const model = result.workspace.entity('entity').spreadsheet;
    const cases = readCases(model);
    const submitted = result.scenario.steps.filter((s) => s.submit).length;
    const verbal = result.scenario.steps.filter((s) => s.action?.kind === 'registerVerbal').length;
    expect(cases).toHaveLength(submitted + verbal);
    for (const s of result.submissions) {
      expect(cases.filter((c) => c.responseId === s.responseId)).toHaveLength(1);
    }
    // Consecutive from 1 with the DANE prefix, in the order they were radicated.
    expect(cases.map((c) => c.radicado)).toEqual(
      cases.map((_, i) => `05656-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('sends one acknowledgement per submission that left a valid email, and none otherwise', () => {
    const model = result.workspace.entity('entity').spreadsheet;
    const cases = readCases(model);
    const acks = readOutbox(model).filter((m) => m.kind === 'acuse');
    for (const c of cases) {
      const mine = acks.filter((m) => m.radicado === c.radicado);
      // The row shows the address masked; a masked valid one (or a reserved one) still counts.
      const valid = usableEmail(c.petitioner.email) !== '';
      expect(mine).toHaveLength(valid ? 1 : 0);
      if (valid) expect(mine[0]).toMatchObject({ to: c.petitioner.email, status: 'enviado' });
    }
    const acknowledgements = result.workspace.mail.sent.filter((m) =>
      m.subject.endsWith(': recibimos su solicitud'),
    );
    expect(acknowledgements).toHaveLength(acks.length);
  });

  it('records the legal refusal codes of clerks’ acts', () => {
    const codes = result.actions.filter((a) => !a.ok).map((a) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'EXTENSION_ALREADY_USED',
        'EXTENSION_EXCEEDS_CAP',
        'EXTENSION_AFTER_DUE_DATE',
      ]),
    );
  });

  it('has every act of the desk at least once, each lawful one with the notice the law asks for', () => {
    const applied = new Set(result.actions.filter((a) => a.ok).map((a) => a.kind));
    for (const kind of ACT_KINDS) expect([kind, applied.has(kind)]).toEqual([kind, true]);
    const model = result.workspace.entity('entity').spreadsheet;
    const outbox = readOutbox(model, result.workspace.entity('entity').properties.snapshot());
    const kinds = new Set(outbox.map((m) => m.kind));
    for (const kind of [
      'asignacion',
      'solicitud_informacion',
      'prorroga',
      'traslado',
      'traslado_entidad',
      'respuesta',
      'desistimiento',
    ])
      expect([kind, kinds.has(kind)]).toEqual([kind, true]);
    for (const mail of outbox) {
      expect(mail).toEqual(
        expect.objectContaining({
          to: expect.any(String),
          kind: expect.any(String),
          radicado: expect.any(String),
          subject: expect.any(String),
          sentAt: expect.any(String),
        }),
      );
    }
    // The extension's notice leaves before the due date it extends (CPACA art. 14 parágrafo).
    const extended = result.actions.find((a) => a.kind === 'extend' && a.ok);
    const notice = outbox.find((m) => m.kind === 'prorroga' && m.radicado === extended?.radicado);
    expect(notice?.status).toBe('enviado');
    expect(Date.parse(String(notice?.sentAt)) - Date.parse(String(extended?.at))).toBeLessThan(
      60 * 60 * 1000,
    );
  });

  it('reminds, escalates and digests, with no key twice', () => {
    const entity = result.workspace.entity('entity');
    const outbox = readOutbox(entity.spreadsheet, entity.properties.snapshot());
    const kinds = new Set(outbox.map((m) => m.kind));
    for (const kind of ['recordatorio', 'vencido', 'resumen_diario', 'resumen_semanal'])
      expect([kind, kinds.has(kind)]).toEqual([kind, true]);
    const keys = outbox.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts the new July holiday: a petition filed Monday 6 July 2026 is due Wednesday 29 July', () => {
    // 15 business days from 7 July, skipping 13 July (Ley 2578 de 2026) and 20 July: 7–10, 14–17, 21–24, 27–29.
    const first = readCases(result.workspace.entity('entity').spreadsheet).find(
      (c) => c.radicado === '05656-2026-000001',
    );
    expect(first?.dueDate).toBe('2026-07-29');
  });

  it('never fails an execution and never opens a library-scoped store', () => {
    expect(result.workspace.executions.filter((e) => e.error)).toEqual([]);
    expect(result.workspace.libraryScopedUses).toEqual([]);
    expect(result.workspace.unverifiedUses).toEqual([]);
  });
});

/** Every cell of every sheet of a spreadsheet, hidden ones and hidden columns included. */
function cellTexts(
  model: ScenarioResult['workspace']['spreadsheets'] extends {
    all(): Array<infer M>;
  }
    ? M
    : never,
): string[] {
  const out: string[] = [];
  for (const sheet of model.sheets)
    for (let r = 1; r <= sheet.lastRow(); r += 1)
      for (let c = 1; c <= sheet.lastColumn(); c += 1) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        out.push(typeof cell.value === 'object' ? '' : String(cell.value));
        if (cell.note) out.push(cell.note);
      }
  return out;
}

describe('personal data in the default scenario (Ley 1581 de 2012)', () => {
  const store = () => {
    const entity = result.workspace.entity('entity');
    const found = dataStoreOf(result.workspace.spreadsheets, entity.spreadsheet);
    if (!found) throw new Error('no data store');
    return readContacts(found).map((c) => ({
      radicado: readText(c.radicado),
      name: readText(c.name).replace(/^'/, ''),
      idNumber: readText(c.idNumber).replace(/^'/, ''),
      email: readText(c.email).replace(/^'/, ''),
      phone: readText(c.phone).replace(/^'/, ''),
      address: readText(c.address).replace(/^'/, ''),
      reserved: readText(c.identityReserved) === 'Sí',
    }));
  };
  const staffAddresses = (): Set<string> => {
    const [entity] = result.scenario.entities;
    return new Set(
      [...entity.staff.map((m) => m.email), ...(entity.entity.supervisorEmails ?? [])].map((e) =>
        e.toLowerCase(),
      ),
    );
  };
  // Identifying values only: a short value ("Calle 1") could occur in any text by chance. What a
  // citizen writes in the petition itself is its content, shown to those who handle it; the
  // scenario's petitions do not repeat their contact data, so any match below is the add-on's.
  const identifying = (values: readonly string[]) => values.filter((v) => v.length >= 6);

  it('keeps every petitioner in the data store, and every case of the tracking sheet with it', () => {
    const contacts = store();
    const cases = readCases(result.workspace.entity('entity').spreadsheet);
    const named = cases.filter((c) => !c.petitioner.anonymous || c.petitioner.email);
    expect(named.length).toBeGreaterThan(20);
    for (const c of named)
      expect([c.radicado, contacts.some((k) => k.radicado === c.radicado)]).toEqual([
        c.radicado,
        true,
      ]);
  });

  it('has no ID number, email, phone or address of a citizen in any cell of the tracking spreadsheet', () => {
    const cells = cellTexts(result.workspace.entity('entity').spreadsheet).join('\n');
    for (const c of store())
      for (const value of identifying([c.idNumber, c.email, c.phone, c.address]))
        expect([c.radicado, value, cells.includes(value)]).toEqual([c.radicado, value, false]);
  });

  it('has no contact data of a citizen in any mail to staff', () => {
    const staff = staffAddresses();
    const staffMail = result.workspace.mail.sent.filter((m) =>
      m.to.some((to) => staff.has(to.toLowerCase())),
    );
    expect(staffMail.length).toBeGreaterThan(100);
    const text = staffMail.map((m) => `${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`).join('\n');
    for (const c of store())
      for (const value of identifying([c.idNumber, c.email, c.phone, c.address]))
        expect([c.radicado, value, text.includes(value)]).toEqual([c.radicado, value, false]);
  });

  it('names a petitioner who asked for reserva de identidad nowhere staff look', () => {
    const reserved = store().filter((c) => c.reserved);
    expect(reserved.length).toBeGreaterThan(0);
    const entity = result.workspace.entity('entity');
    const cells = cellTexts(entity.spreadsheet).join('\n');
    const staff = staffAddresses();
    const staffMail = result.workspace.mail.sent
      .filter((m) => m.to.some((to) => staff.has(to.toLowerCase())))
      .map((m) => `${m.subject}\n${m.body}\n${m.htmlBody ?? ''}`)
      .join('\n');
    const cases = readCases(entity.spreadsheet);
    for (const c of reserved) {
      expect(cells.includes(c.name)).toBe(false);
      expect(staffMail.includes(c.name)).toBe(false);
      const row = cases.find((k) => k.radicado === c.radicado)!;
      expect(row.petitioner).toMatchObject({ name: 'Identidad reservada', identityReserved: true });
    }
    // The Historial records that the reservation was asked for, not by whom.
    const lines = cells.split('\n').filter((t) => t.includes('reserva de identidad'));
    expect(lines.length).toBeGreaterThan(0);
  });

  it('still delivers to each citizen, at the address they gave, what they are owed', () => {
    const sent = result.workspace.mail.sent;
    for (const c of store().filter((k) => isValidEmail(k.email))) {
      const mine = sent.filter((m) => m.to.includes(c.email));
      // The acknowledgement at least, greeting the citizen by the name they gave.
      const ack = mine.find((m) => m.subject.endsWith(': recibimos su solicitud'));
      expect([c.radicado, ack !== undefined]).toEqual([c.radicado, true]);
      if (c.name) expect(ack!.body).toContain(c.name);
    }
    const entity = result.workspace.entity('entity');
    const outbox = readOutbox(entity.spreadsheet, entity.properties.snapshot());
    const citizenKinds = [
      'solicitud_informacion',
      'prorroga',
      'traslado',
      'respuesta',
      'desistimiento',
    ];
    const notices = outbox.filter((m) => citizenKinds.includes(m.kind));
    expect(notices.length).toBeGreaterThan(5);
    for (const m of notices) expect([m.key, m.status]).toEqual([m.key, 'enviado']);
  });
});
