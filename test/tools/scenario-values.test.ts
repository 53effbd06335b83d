// A scenario's own mistakes (a value the form does not offer, an unknown act or routing strategy)
// are scenario errors naming the step and the field, never a stack trace from the simulator.
import { runScenario } from '../../tools/scenario/run-scenario';
import { ScenarioError, parseScenario } from '../../tools/scenario/scenario-types';
import { projects } from '../simulator/fixtures';

const base = {
  name: 'valores',
  entity: { name: 'Alcaldía de Prueba', daneCode: '05001' },
  staff: [
    { email: 'admin@prueba.gov.co', name: 'A', dependency: 'Ventanilla Única', role: 'admin' },
  ],
};

it('names the step and field of an answer the form does not offer', () => {
  const scenario = parseScenario({
    ...base,
    steps: [
      {
        at: '2026-02-03T09:00:00-05:00',
        // applicantKind is a list of the form's choices; the rest of the answers are defaults.
        submit: { type: 'queja', applicantKind: 'Extraterrestre', subject: 's', description: 'd' },
      },
    ],
  });
  expect(() => runScenario(scenario, projects())).toThrow(ScenarioError);
  expect(() => runScenario(scenario, projects())).toThrow(
    /^steps\[0\]\.submit\.applicantKind: "Extraterrestre" is not offered by the form \(one of: Persona natural/,
  );
});

it('refuses an unknown act and an unknown routing strategy when the scenario is read', () => {
  expect(() =>
    parseScenario({
      ...base,
      routing: [{ dependency: 'Ventanilla Única', strategy: 'al_azar' }],
      steps: [{ at: '2026-02-03T09:00:00-05:00', action: { kind: 'borrar', case: '#1' } }],
    }),
  ).toThrow(
    /routing\[0\]\.strategy: one of fixed, round_robin, least_loaded[\s\S]*steps\[0\]\.action\.kind: one of assign/,
  );
});
