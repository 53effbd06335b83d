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
import { readCases, readOutbox } from '../../tools/scenario/read-back';
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
      const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.petitioner.email);
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
