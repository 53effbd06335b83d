// The entity every benchmark runs against: set up exactly as an admin would (open → menu
// 'Configurar o reparar' → type settings and staff → setup again), through the scenario runner.
import type { CitizenAnswers, Harness } from '../simulator/harness';
import type { Workspace, WorkspaceOptions } from '../simulator/workspace';
import { runScenario, type BuiltProjects } from '../scenario/run-scenario';
import type { Scenario, ScenarioEntity } from '../scenario/scenario-types';

/** A Tuesday morning (business day) in Bogotá: benchmarks run inside the first hour after setup. */
export const BENCH_START = '2026-03-10T08:00:00-05:00';

export const BENCH_ENTITY: ScenarioEntity = {
  id: 'bench',
  entity: {
    name: 'Alcaldía de Banco de Pruebas',
    daneCode: '05001',
    radicadoPrefix: true,
    worksSaturdays: false,
    closedDays: ['2025-12-24', '2025-12-31', '2026-12-24', '2026-12-31'],
    officeHoursCutoff: '17:00',
    nonBusinessDayFiling: 'next_business_day',
    extensionRule: 'total',
    mailQuotaPerDay: 1500,
    defaultDependency: 'Ventanilla Única',
    supervisorEmails: ['secretaria.general@banco-pruebas.gov.co'],
  },
  staff: [
    {
      email: 'ventanilla@banco-pruebas.gov.co',
      name: 'Luz Marina Restrepo',
      dependency: 'Ventanilla Única',
      role: 'clerk',
    },
    {
      email: 'hacienda@banco-pruebas.gov.co',
      name: 'Marta Lucía Henao',
      dependency: 'Secretaría de Hacienda',
      role: 'clerk',
    },
    {
      email: 'planeacion@banco-pruebas.gov.co',
      name: 'Jorge Iván Zapata',
      dependency: 'Secretaría de Planeación',
      role: 'clerk',
    },
    {
      email: 'obras@banco-pruebas.gov.co',
      name: 'Juan David Ospina',
      dependency: 'Secretaría de Obras Públicas',
      role: 'clerk',
    },
    {
      email: 'secretaria.general@banco-pruebas.gov.co',
      name: 'Beatriz Elena Montoya',
      dependency: 'Secretaría General',
      role: 'supervisor',
    },
    {
      email: 'sistemas@banco-pruebas.gov.co',
      name: 'Andrés Felipe Correa',
      dependency: 'Secretaría General',
      role: 'admin',
    },
  ],
  routing: [
    {
      keywords: ['predial', 'impuesto', 'paz y salvo'],
      dependency: 'Secretaría de Hacienda',
      strategy: 'fixed',
    },
    {
      keywords: ['licencia', 'construcción', 'estratificación'],
      dependency: 'Secretaría de Planeación',
      strategy: 'fixed',
    },
    {
      keywords: ['vía', 'hueco', 'alumbrado'],
      dependency: 'Secretaría de Obras Públicas',
      strategy: 'fixed',
    },
  ],
};

/** A clerk of the bench entity (`rpc.act` acts as the clerk who holds each case). */
export const BENCH_CLERK = 'ventanilla@banco-pruebas.gov.co';

/**
 * Citizen submissions of the same shape (identified petitioner with an email, so each one
 * queues and sends an acknowledgement and an assignment notice): per-submission service calls
 * are then comparable from one submission to the next.
 */
export const BENCH_ANSWERS: readonly CitizenAnswers[] = [
  {
    type: 'peticion_particular',
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'María Fernanda Ríos',
    idType: 'Cédula de ciudadanía',
    idNumber: '43876512',
    email: 'mafe.rios@example.com',
    phone: '3104567890',
    address: 'Calle 10 # 5-23',
    municipality: 'Medellín',
    preferredChannel: 'Correo electrónico',
    acceptsEmailNotification: true,
    consent: true,
    subject: 'Copia de la licencia de construcción de mi vivienda',
    description:
      'Solicito copia de la licencia de construcción otorgada en 2019 para el predio de la Calle 10 # 5-23, que necesito para un trámite bancario.',
  },
  {
    type: 'queja',
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'José Antonio Vargas',
    idType: 'Cédula de ciudadanía',
    idNumber: '71234567',
    email: 'jose.vargas@example.com',
    phone: '3001234567',
    address: 'Vereda Quimbayo',
    municipality: 'Medellín',
    preferredChannel: 'Correo electrónico',
    acceptsEmailNotification: true,
    consent: true,
    subject: 'Mala atención en la ventanilla del impuesto predial',
    description:
      'El viernes pasado un funcionario de la oficina del impuesto predial me atendió de mala manera y no me dio información sobre el acuerdo de pago.',
  },
  {
    type: 'reclamo',
    anonymous: false,
    applicantKind: 'Persona natural',
    name: 'Laura Valentina Cano',
    idType: 'Cédula de ciudadanía',
    idNumber: '1036654321',
    email: 'laura.cano@example.com',
    phone: '3157778899',
    address: 'Carrera 12 # 8-40',
    municipality: 'Medellín',
    preferredChannel: 'Correo electrónico',
    acceptsEmailNotification: true,
    consent: true,
    subject: 'Hueco en la vía frente a la escuela',
    description:
      'Desde hace dos meses hay un hueco profundo en la vía frente a la escuela de la vereda; ya hubo dos accidentes de motocicleta y nadie ha venido a repararlo.',
  },
];

export interface BenchDesk {
  readonly ws: Workspace;
  readonly harness: Harness;
  readonly entity: string;
  readonly owner: string;
}

/** A fresh workspace with the bench entity set up, its clock at BENCH_START plus setup time. */
export function setUpBenchEntity(
  projects: BuiltProjects,
  options: Partial<WorkspaceOptions> = {},
): BenchDesk {
  const scenario: Scenario = {
    name: 'bench',
    description: 'Entidad de los benchmarks',
    start: BENCH_START,
    entities: [BENCH_ENTITY],
    steps: [],
    single: true,
  };
  const result = runScenario(scenario, projects, options);
  const failed = result.workspace.executions.find((e) => e.error);
  if (failed) throw new Error(`bench entity setup failed in ${failed.fn}: ${failed.error}`);
  return {
    ws: result.workspace,
    harness: result.harness,
    entity: BENCH_ENTITY.id,
    owner: result.owners.get(BENCH_ENTITY.id)!,
  };
}
