// Pre-fills the Radicados sheet of a set-up bench entity with many realistic cases, fast: rows are
// built with the product's own `caseToRow` and typed into the simulated spreadsheet in one block
// (no script executions, no service calls), and the yearly radicado counters are set so the
// product's numbering continues after them.
import { createHash } from 'node:crypto';
import { createBusinessCalendar } from '../../src/core/calendar/business-calendar';
import { bogotaDateOf } from '../../src/core/calendar/calendar-date';
import type { CaseEvent, CaseRecord, CaseStatus } from '../../src/core/cases/case-record';
import { computeCaseClock, type ClockSettings } from '../../src/core/clock/case-clock';
import { formatRadicado, parseRadicado } from '../../src/core/radicado';
import { sealRecord } from '../../src/core/cases/case-seal';
import {
  buildAnchors,
  ROWS_KEY,
  STATE_KEY,
  type EntityStateRecord,
} from '../../src/core/state/entity-state';
import { REQUEST_TYPE_CODES } from '../../src/core/request-types';
import { caseToRow } from '../../src/gas/case-rows';
import type { CellValue } from '../../src/gas/cell-values';
import { CASES_SHEET } from '../../src/gas/sheet-schema';
import { BENCH_ENTITY, type BenchDesk } from './bench-entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Blank rows left below the pre-filled cases, as a sheet in use has (appends grow it when full). */
export const HEADROOM_ROWS = 500;

export type PrefillMix =
  /** Every case open (radicado, en trámite or suspended): what the sweep must refresh. */
  | 'open'
  /** Older cases mostly answered, recent ones open: a desk in steady use. */
  | 'mixed';

export interface PrefillOptions {
  readonly rows: number;
  readonly mix: PrefillMix;
  /** Cases are spread evenly over this many days before the entity's clock. */
  readonly spanDays?: number;
}

export interface PrefilledCase {
  /** Sheet row (1-based). */
  readonly row: number;
  readonly radicado: string;
  readonly responseId: string;
  readonly status: CaseStatus;
  /** Its legal due date (YYYY-MM-DD) as the clock computed it. */
  readonly dueDate: string;
  /** Who holds it: the clerk who acts on it. */
  readonly assignee: string;
}

export interface PrefillReport {
  readonly cases: readonly PrefilledCase[];
  /** Last radicado number given per year, as written to `radicado.last.<year>`. */
  readonly counters: ReadonlyMap<number, number>;
  readonly wallMs: number;
}

const NAMES = [
  'María Fernanda Ríos',
  'José Antonio Vargas',
  'Laura Valentina Cano',
  'Carlos Alberto Mejía',
  'Ana Sofía Giraldo',
  'Luis Eduardo Ramírez',
  'Gloria Inés Betancur',
  'Santiago Londoño Arango',
];

const TOPICS: ReadonlyArray<{ subject: string; description: string; dependency: number }> = [
  {
    subject: 'Certificado de paz y salvo del impuesto predial',
    description:
      'Solicito el certificado de paz y salvo del impuesto predial del inmueble identificado con la matrícula inmobiliaria indicada, para adelantar una compraventa.',
    dependency: 1,
  },
  {
    subject: 'Copia de la licencia de construcción',
    description:
      'Solicito copia auténtica de la licencia de construcción otorgada para mi predio, que necesito para un trámite bancario de crédito de vivienda.',
    dependency: 2,
  },
  {
    subject: 'Reparación del alumbrado público',
    description:
      'Las luminarias de la cuadra llevan tres semanas apagadas y se han presentado robos en las noches; pedimos que se reparen lo antes posible.',
    dependency: 3,
  },
  {
    subject: 'Información sobre los horarios de atención',
    description:
      'Quisiera saber en qué horario atiende la ventanilla única y qué documentos debo llevar para radicar una solicitud de forma presencial.',
    dependency: 0,
  },
];

/** A fixed, deterministic set of synthetic cases (same input, same rows). */
function syntheticCase(
  i: number,
  rows: number,
  nowMs: number,
  spanDays: number,
  mix: PrefillMix,
  numbering: Map<number, number>,
  clockOf: (
    type: CaseRecord['type'],
    receivedAt: number,
    events: CaseEvent[],
    today: string,
  ) => {
    effectiveReceiptDate: string;
    dueDate: string;
    businessDaysLeft: number;
  },
): CaseRecord {
  const { entity, staff } = BENCH_ENTITY;
  const firstMs = nowMs - spanDays * DAY_MS;
  // Evenly spread, oldest first, never later than an hour before the clock.
  const receivedAt = Math.floor(firstMs + ((i + 0.5) * (spanDays * DAY_MS - 3_600_000)) / rows);
  const receivedIso = new Date(receivedAt).toISOString();
  const year = Number(bogotaDateOf(receivedAt).slice(0, 4));
  const number = (numbering.get(year) ?? 0) + 1;
  numbering.set(year, number);
  const radicado = formatRadicado({
    prefix: entity.radicadoPrefix ? (entity.daneCode ?? '') : '',
    year,
    number,
  });
  const topic = TOPICS[i % TOPICS.length];
  const assignee = staff[topic.dependency];
  const type = REQUEST_TYPE_CODES[i % 7];
  const verbal = i % 10 === 9;
  const ageDays = (nowMs - receivedAt) / DAY_MS;

  let status: CaseStatus;
  const events: CaseEvent[] = [];
  let answeredAt = '';
  let today = bogotaDateOf(receivedAt);
  if (mix === 'mixed' && ageDays > 20 && i % 3 !== 0) {
    status = 'respondido';
    answeredAt = new Date(receivedAt + 7 * DAY_MS).toISOString();
    events.push({
      kind: 'answered',
      at: answeredAt,
      by: assignee.email,
      note: 'Respuesta de fondo',
    });
    today = bogotaDateOf(receivedAt + 7 * DAY_MS);
  } else if (i % 10 === 4) {
    status = 'suspendido';
    const at = new Date(receivedAt + 2 * DAY_MS).toISOString();
    events.push({ kind: 'info_requested', at, by: assignee.email, note: 'Falta la matrícula' });
  } else {
    status = i % 3 === 0 ? 'radicado' : 'en_tramite';
  }
  // The clock as the product stored it when it last wrote the row (at intake or at the answer):
  // stale for open cases, so the sweep has real changes to write.
  const clock = clockOf(type, receivedAt, events, today);
  const name = NAMES[i % NAMES.length];
  return {
    radicado,
    receivedAt: receivedIso,
    channel: verbal ? 'presencial' : 'formulario',
    declaredType: type,
    type,
    subject: topic.subject,
    description: topic.description,
    petitioner: {
      anonymous: false,
      applicantKind: 'Persona natural',
      name,
      idType: 'Cédula de ciudadanía',
      idNumber: String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(10, '0'),
      email: `ciudadano${i}@example.com`,
      phone: String(3_000_000_000 + ((i * 104_729) % 999_999_999)),
      address: `Calle ${(i % 80) + 1} # ${(i % 40) + 1}-${(i % 90) + 10}`,
      municipality: 'Medellín',
      preferredChannel: 'Correo electrónico',
      acceptsEmailNotification: true,
    },
    priority: '',
    differentialGroup: '',
    consent: true,
    dependency: assignee.dependency,
    assignee: assignee.email,
    status,
    effectiveReceiptDate: clock.effectiveReceiptDate,
    dueDate: clock.dueDate,
    businessDaysLeft: clock.businessDaysLeft,
    extendedTo: '',
    answeredAt,
    notes: '',
    alerts: [],
    // Ids that can never collide with the simulator's own form response ids.
    responseId: verbal ? `verbal:bench-${i}` : `bench-response-${i}`,
    tokenHash: createHash('sha256').update(`bench-token-${i}`).digest('hex'),
    chainHead: '',
    events,
  };
}

/**
 * Writes `rows` cases under the Radicados header of `desk`'s entity (which must be freshly set
 * up, with no cases yet) and sets `radicado.last.<year>` to match.
 */
export function prefillCases(desk: BenchDesk, options: PrefillOptions): PrefillReport {
  const started = performance.now();
  const { entity, ws } = desk;
  const ent = ws.entity(entity);
  const model = ent.spreadsheet;
  const sheet = model.requireSheet(CASES_SHEET.name);
  if (sheet.lastRow() !== 1) throw new Error('prefillCases: Radicados must hold only its header');

  // Columns are found by header, as the product does (an admin may reorder them).
  const headers: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1)
    headers.push(String(sheet.cell(1, c)?.value ?? '').toLowerCase());
  const layout = CASES_SHEET.columns.map((column) => ({
    key: column.key,
    at: headers.indexOf(column.header.toLowerCase()),
  }));
  const missing = layout.filter((c) => c.at < 0).map((c) => c.key);
  if (missing.length > 0) throw new Error(`prefillCases: no column for ${missing.join(', ')}`);
  const width = headers.length;

  const settings: ClockSettings = {
    officeHoursCutoff: BENCH_ENTITY.entity.officeHoursCutoff ?? null,
    nonBusinessDayFiling: BENCH_ENTITY.entity.nonBusinessDayFiling ?? 'next_business_day',
    extensionRule: BENCH_ENTITY.entity.extensionRule ?? 'total',
  };
  const calendar = createBusinessCalendar({
    worksSaturdays: BENCH_ENTITY.entity.worksSaturdays ?? false,
    closedDays: BENCH_ENTITY.entity.closedDays ?? [],
  });
  const clockOf = (
    type: CaseRecord['type'],
    receivedAt: number,
    events: CaseEvent[],
    today: string,
  ) => computeCaseClock({ type, receivedAt, events, today, settings, calendar });

  // Rows are sealed with the entity's own secret, as the add-on seals the rows it writes.
  const stateRecord = JSON.parse(
    ent.properties.get(STATE_KEY) ?? 'null',
  ) as EntityStateRecord | null;
  if (!stateRecord) throw new Error('prefillCases: the entity has no state record (run setup)');
  const spanDays = options.spanDays ?? 120;
  const numbering = new Map<number, number>();
  const cases: PrefilledCase[] = [];
  const grid: CellValue[][] = [];
  for (let i = 0; i < options.rows; i += 1) {
    const record = syntheticCase(
      i,
      options.rows,
      ws.now,
      spanDays,
      options.mix,
      numbering,
      clockOf,
    );
    const values: Record<string, CellValue> = {
      ...caseToRow(record),
      seal: `'${sealRecord(stateRecord.secret, record)}`,
    };
    const line = new Array<CellValue>(width).fill('');
    for (const { key, at } of layout) line[at] = values[key] ?? '';
    grid.push(line);
    cases.push({
      row: i + 2,
      radicado: record.radicado,
      responseId: record.responseId,
      status: record.status,
      dueDate: record.dueDate,
      assignee: record.assignee,
    });
  }
  // One block, typed as a person pasting: the leading apostrophes keep text as text.
  if (grid.length > 0) model.setCellsAsUser(CASES_SHEET.name, 2, 1, grid);
  sheet.growTo(sheet.lastRow() + HEADROOM_ROWS, sheet.maxCols);
  // The state the add-on would hold after radicating them: its counters and where rows sit.
  const counters: Record<string, number> = { ...stateRecord.counters };
  for (const [year, last] of numbering) counters[String(year)] = last;
  ent.properties.set(STATE_KEY, JSON.stringify({ ...stateRecord, counters, appends: 0 }));
  ent.properties.set(
    ROWS_KEY,
    JSON.stringify(
      buildAnchors(
        cases.map((c) => {
          const parts = parseRadicado(c.radicado)!;
          return { row: c.row, year: parts.year, number: parts.number };
        }),
      ),
    ),
  );
  return { cases, counters: numbering, wallMs: performance.now() - started };
}
