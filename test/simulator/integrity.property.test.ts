// Issue "integrity", as a property: whatever mix of citizens' filings (with or without email,
// delivered twice, trigger not fired), clerks' acts, hourly sweeps and hand damage (sorting,
// typing a state, deleting a case row, archiving Radicados and running setup, losing the script's
// store) happens, after two more hourly sweeps:
//   1. every form response is radicated exactly once (across Radicados and its archives);
//   2. radicado numbers are unique per year and never given to two filings;
//   3. every act the add-on accepted has its Historial line;
//   4. every submission with a valid email got exactly one acknowledgement.
// Sequences are random (fixed seed, so a run can be replayed); a failure is shrunk to a minimal
// sequence, printed by fast-check. FC_SEED, FC_RUNS and FC_SKIP (step kinds to leave out, comma
// separated) explore further, e.g. `FC_SEED=21 FC_RUNS=150 FC_SKIP=loseStore,deleteCaseRow`.
import fc from 'fast-check';
import { eventLabel } from '../../src/core/cases/event-labels';
import { parseRadicado } from '../../src/core/radicado';
import { addDays } from '../../src/core/calendar/calendar-date';
import { formAnswers } from '../../tools/simulator/harness';
import { RECONCILE_OVERLAP_MS } from '../../src/app/entity-state-access';
import {
  acknowledgementsTo,
  act,
  ADMIN,
  allCasesAnywhere,
  bogota,
  caseRowsAnywhere,
  citizen,
  CLERK,
  Desk,
  minutesFromNow,
  SUPERVISOR,
  useBuiltBundle,
} from './fixtures';

useBuiltBundle();

const HOUR = 60 * 60 * 1000;
const SEED = Number(process.env.FC_SEED ?? 20260203);
const RUNS = Number(process.env.FC_RUNS ?? 15);
const SKIP = new Set((process.env.FC_SKIP ?? '').split(',').filter(Boolean));

type ActKind = 'answer' | 'requestInfo' | 'extend' | 'void';

type Step =
  | {
      readonly kind: 'submit';
      readonly email: boolean;
      readonly twice: boolean;
      readonly notFired: boolean;
      readonly gap: number;
    }
  | { readonly kind: 'act'; readonly pick: number; readonly action: ActKind }
  | { readonly kind: 'sweep' }
  | { readonly kind: 'sort'; readonly column: string; readonly descending: boolean }
  | { readonly kind: 'setEstado'; readonly pick: number; readonly value: string }
  | { readonly kind: 'deleteCaseRow'; readonly pick: number }
  | { readonly kind: 'archive' }
  | { readonly kind: 'loseStore' };

const SORT_COLUMNS = [
  'Radicado',
  'Asunto',
  'Estado',
  'Vence',
  'Fecha y hora de radicación',
  'Correo electrónico',
];
const ESTADOS = ['Respondido', 'Anulado', 'En trámite', 'Radicado'];

const submitArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('submit' as const),
  email: fc.boolean(),
  twice: fc.boolean(),
  notFired: fc.boolean(),
  gap: fc.integer({ min: 1, max: 50 }),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: submitArb },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      pick: fc.nat(20),
      action: fc.constantFrom<ActKind>('answer', 'requestInfo', 'extend', 'void'),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'sweep' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('sort' as const),
      column: fc.constantFrom(...SORT_COLUMNS),
      descending: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('setEstado' as const),
      pick: fc.nat(20),
      value: fc.constantFrom(...ESTADOS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deleteCaseRow' as const), pick: fc.nat(20) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'archive' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'loseStore' as const }) },
);

interface Submission {
  readonly responseId: string;
  readonly email: string;
}

interface AcceptedAct {
  readonly radicado: string;
  readonly label: string;
  readonly by: string;
  readonly from: number;
  readonly to: number;
}

const ACT_EVENTS: Readonly<Record<ActKind, string>> = {
  answer: 'respuesta',
  requestInfo: 'requerimiento',
  extend: 'prorroga',
  void: 'anulado',
};

/** Runs one sequence on a fresh entity and checks the four properties. */
function runSequence(steps: readonly Step[]): void {
  const desk = new Desk({ start: bogota('2026-02-02T07:00:00') });
  let formId = desk.formId();
  let items = JSON.parse(desk.entity.properties.get('form.items') ?? '{}') as Record<
    string,
    number
  >;
  const submissions: Submission[] = [];
  const accepted: AcceptedAct[] = [];
  let archives = 0;

  const pickCase = (pick: number) => {
    const cases = [...desk.cases()].sort((a, b) => a.radicado.localeCompare(b.radicado));
    return cases.length === 0 ? null : cases[pick % cases.length];
  };

  for (const step of steps) {
    switch (step.kind) {
      case 'submit': {
        // After a lost store the harness cannot read the form's ids: the citizen still has the form.
        formId = desk.entity.properties.get('form.id') ?? formId;
        items = desk.entity.properties.get('form.items')
          ? (JSON.parse(desk.entity.properties.get('form.items')!) as Record<string, number>)
          : items;
        const n = submissions.length + 1;
        const email = step.email ? `ciudadano${n}@example.com` : '';
        const answers = citizen({
          email,
          subject: `Solicitud número ${n}`,
          ...(email ? {} : { acceptsEmailNotification: false }),
        });
        const result = desk.harness.submitResponse(
          desk.name,
          formId,
          formAnswers(answers, items),
          minutesFromNow(desk, step.gap),
          { deliveredTwice: step.twice, triggerNotFired: step.notFired },
        );
        submissions.push({ responseId: result.responseId, email });
        break;
      }
      case 'act': {
        const target = pickCase(step.pick);
        if (!target) break;
        const by = step.action === 'void' ? SUPERVISOR : target.assignee || CLERK;
        const payload: Record<string, unknown> = { radicado: target.radicado, kind: step.action };
        if (step.action === 'answer') payload.summary = 'Respuesta de fondo al peticionario.';
        if (step.action === 'requestInfo') payload.note = 'Falta un documento.';
        if (step.action === 'void') payload.reason = 'Radicado por error.';
        if (step.action === 'extend') {
          payload.newDueDate = addDays(target.dueDate, 3);
          payload.reason = 'Se requiere concepto técnico.';
        }
        const from = desk.ws.now;
        const reply = act(desk, by, payload);
        if (reply.ok)
          accepted.push({
            radicado: target.radicado,
            label: eventLabel(ACT_EVENTS[step.action]),
            by,
            from,
            to: desk.ws.now,
          });
        break;
      }
      case 'sweep':
        desk.advance(HOUR);
        break;
      case 'sort':
        if (desk.model.sheet('Radicados'))
          desk.harness.edit(desk.name, ADMIN, 'Radicados', {
            sort: { column: step.column, descending: step.descending },
          });
        break;
      case 'setEstado': {
        const target = pickCase(step.pick);
        if (!target) break;
        desk.harness.edit(desk.name, CLERK, 'Radicados', {
          setCell: { radicado: target.radicado, column: 'Estado', value: step.value },
        });
        break;
      }
      case 'deleteCaseRow': {
        const target = pickCase(step.pick);
        if (!target) break;
        desk.harness.edit(desk.name, ADMIN, 'Radicados', {
          deleteCaseRow: { radicado: target.radicado },
        });
        break;
      }
      case 'archive':
        archives += 1;
        desk.harness.edit(desk.name, ADMIN, 'Radicados', {
          renameSheet: { to: `Radicados archivo ${archives}` },
        });
        desk.setupOk();
        break;
      case 'loseStore':
        desk.harness.loseScriptProperties(desk.name);
        break;
    }
  }
  desk.advance(HOUR);
  desk.advance(HOUR);

  // 1. Every form response radicated exactly once.
  const cases = allCasesAnywhere(desk);
  const perResponse = submissions.map((s) => {
    const key = desk.keyOf(s.responseId);
    return {
      submission: submissions.indexOf(s) + 1,
      radicados: [...new Set(cases.filter((c) => c.responseId === key).map((c) => c.radicado))],
    };
  });
  expect(perResponse.filter((r) => r.radicados.length !== 1)).toEqual([]);

  // 2. Radicado numbers unique per year, never given twice (one row, one filing each).
  const rows = caseRowsAnywhere(desk);
  const byRadicado = new Map<string, string[]>();
  for (const row of rows)
    byRadicado.set(row.radicado, [...(byRadicado.get(row.radicado) ?? []), row.sheet]);
  expect([...byRadicado.entries()].filter(([, sheets]) => sheets.length > 1)).toEqual([]);
  const numbers = rows.map((r) => parseRadicado(r.radicado));
  expect(numbers.every((n) => n !== null)).toBe(true);
  const burnt = desk
    .history()
    .filter((h) => h.event === eventLabel('numero_no_utilizado'))
    .map((h) => String(h.radicado));
  expect(burnt.filter((b) => byRadicado.has(b))).toEqual([]);

  // 3. Every accepted act has its Historial line.
  const history = desk.history();
  const missing = accepted.filter(
    (a) =>
      !history.some(
        (h) =>
          h.radicado === a.radicado &&
          h.event === a.label &&
          h.by === a.by &&
          h.at instanceof Date &&
          h.at.getTime() >= Math.floor(a.from / 1000) * 1000 &&
          h.at.getTime() <= a.to + 1000,
      ),
  );
  expect(missing).toEqual([]);

  // 4. One acknowledgement per submission with a valid email.
  const acks = submissions
    .filter((s) => s.email)
    .map((s) => ({
      email: s.email,
      acks: desk.ws.mail.sent.filter(
        (m) => m.to.includes(s.email) && m.subject.endsWith(': recibimos su solicitud'),
      ).length,
    }));
  expect(acks.filter((a) => a.acks !== 1)).toEqual([]);
}

describe('integrity under random filings, acts, sweeps and hand edits', () => {
  // Shrinking earlier versions of the product gave the minimal sequences below, kept as tests.
  it('radicates each response once, never reuses a number, logs every act, acknowledges once', () => {
    fc.assert(
      fc.property(
        // A few filings first, so the acts and edits that follow have cases to work on.
        fc.array(submitArb, { minLength: 0, maxLength: 3 }),
        fc.array(stepArb, { minLength: 1, maxLength: 14 }),
        (first, rest) => {
          runSequence([...first, ...rest].filter((s) => !SKIP.has(s.kind)));
        },
      ),
      {
        numRuns: RUNS,
        seed: SEED,
        interruptAfterTimeLimit: 50_000,
        markInterruptAsFailure: false,
      },
    );
  }, 120_000);
});

// The minimal sequences fast-check shrank failures to (seeds 1–13, runs of 30–200), kept as plain
// cases so each failure is reported on its own.
describe('minimal sequences found by the property', () => {
  const submit = (notFired = false): Step => ({
    kind: 'submit',
    email: true,
    twice: false,
    notFired,
    gap: 1,
  });

  // Regression: with the script's store lost while Radicados holds no case, the sweep finds the
  // form linked to the spreadsheet again (the form id and entry map were lost with the store).
  it('[loseStore, submit]: the filing is radicated by the sweeps', () => {
    runSequence([{ kind: 'loseStore' }, submit()]);
  });

  // Regression: a case row deleted by hand before the next sweep folded its radication into the
  // Historial is rebuilt from the form response (shrunk also from [submit, setEstado Respondido,
  // sweep, deleteCaseRow]).
  it('[submit, deleteCaseRow]: the deleted row comes back', () => {
    runSequence([submit(), { kind: 'deleteCaseRow', pick: 0 }]);
  });

  // Regression: after a lost store, the sweep repairs the form set-up before reading the
  // responses, so a response whose trigger did not fire is radicated within two sweeps.
  it('[submit, sweep, loseStore, submit (trigger not fired)]: radicated within two sweeps', () => {
    runSequence([submit(), { kind: 'sweep' }, { kind: 'loseStore' }, submit(true)]);
  });

  // Regression: Form.getResponses(since) returns the responses strictly after `since`, and the
  // known filings are counted the same way, so a filing exactly on the window's start cannot hide
  // an unknown response (found by the property, seed 21); here with exact times.
  it('a response whose trigger did not fire is radicated when a filing sits on the window start', () => {
    const desk = new Desk({ start: bogota('2026-02-02T07:00:00') });
    const a = bogota('2026-02-02T08:40:00');
    const first = desk.submit(citizen({ email: 'a@example.com' }), a);
    const second = desk.submit(citizen({ email: 'b@example.com' }), a + RECONCILE_OVERLAP_MS);
    desk.advance(HOUR); // the checkpoint moves to the second filing: the window starts at the first
    const third = desk.submit(citizen({ email: 'c@example.com' }), minutesFromNow(desk, 10), {
      triggerNotFired: true,
    });
    desk.advance(3 * HOUR);
    for (const s of [first, second]) expect(desk.casesFor(s.responseId)).toHaveLength(1);
    expect(desk.casesFor(third.responseId)).toHaveLength(1);
    expect(acknowledgementsTo(desk, 'c@example.com')).toHaveLength(1);
  });
});
