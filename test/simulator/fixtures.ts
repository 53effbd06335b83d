// Shared set-up for the simulator tests: one small entity built the way an administrator builds it
// (open the spreadsheet, menu "Configurar o reparar", type the settings and the staff, set up again),
// running the BUILT bundle (dist/) in the workspace simulator. Not a test file (no .test.ts).
import { filingKeyOf } from '../../tools/scenario/run-scenario';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { CaseRecord } from '../../src/core/cases/case-record';
import type { FieldCode } from '../../src/core/intake/form-definition';
import type { EntitySettings } from '../../src/core/settings';
import { ROLE_LABELS } from '../../src/gas/config-sheets';
import { SETTING_ROWS, shownValue } from '../../src/gas/settings-rows';
import {
  HISTORY_SHEET,
  LONG_TEXT_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
} from '../../src/gas/sheet-schema';
import type { StaffRole } from '../../src/core/routing/staff';
import {
  dataStoreOf,
  readCases,
  readContacts,
  readOutbox,
  readSheetObjects,
  type OutboxRow,
} from '../../tools/scenario/read-back';
import {
  loadBuiltProjects,
  SETUP_MENU,
  type BuiltProjects,
} from '../../tools/scenario/run-scenario';
import {
  Harness,
  type CitizenAnswers,
  type SubmitFaults,
  type SubmitResult,
} from '../../tools/simulator/harness';
import { Execution, type CostRule } from '../../tools/simulator/kernel';
import { buildFormSubmitEvent } from '../../tools/simulator/services/form-events';
import type { FormModel, FormResponseModel } from '../../tools/simulator/services/form-model';
import { createSpreadsheetApp } from '../../tools/simulator/services/spreadsheet-app';
import type { SpreadsheetModel } from '../../tools/simulator/services/spreadsheet-model';
import { Workspace, type Entity, type RunResult } from '../../tools/simulator/workspace';

export const ROOT = join(__dirname, '..', '..');

/** Builds dist/ when src/ is newer (a fresh clone has no dist/). Call from `beforeAll`. */
export function ensureBuilt(): void {
  execFileSync('node', ['build.mjs', '--if-needed'], { cwd: ROOT, stdio: 'pipe' });
}

let built: BuiltProjects | null = null;
export function projects(): BuiltProjects {
  if (!built) {
    ensureBuilt();
    built = loadBuiltProjects(join(ROOT, 'dist'));
  }
  return built;
}

/** Builds the bundle once per test file; generous timeout for a cold esbuild run. */
export function useBuiltBundle(): void {
  beforeAll(() => {
    projects();
  }, 60_000);
}

export const DOMAIN = 'prueba.gov.co';
export const ADMIN = `admin@${DOMAIN}`;
export const SUPERVISOR = `supervision@${DOMAIN}`;
export const CLERK = `ventanilla@${DOMAIN}`;
export const CLERK_2 = `gobierno@${DOMAIN}`;
export const OUTSIDER = `visitante@${DOMAIN}`;

export interface StaffSpec {
  readonly email: string;
  readonly name: string;
  readonly dependency: string;
  readonly role: StaffRole;
}

/** Four people: the default dependency (Ventanilla Única) has one clerk, so routing is predictable. */
export const STAFF: readonly StaffSpec[] = [
  { email: ADMIN, name: 'Ana Administradora', dependency: 'Secretaría General', role: 'admin' },
  {
    email: SUPERVISOR,
    name: 'Sofía Supervisora',
    dependency: 'Secretaría General',
    role: 'supervisor',
  },
  { email: CLERK, name: 'Luz Marina Restrepo', dependency: 'Ventanilla Única', role: 'clerk' },
  { email: CLERK_2, name: 'Diana Gómez', dependency: 'Secretaría de Gobierno', role: 'clerk' },
];

export const ENTITY_NAME = 'Alcaldía de Prueba';

export const DEFAULT_SETTINGS_TYPED: Partial<EntitySettings> = {
  name: ENTITY_NAME,
  daneCode: '05001',
  radicadoPrefix: false,
  defaultDependency: 'Ventanilla Única',
};

/** Bogotá is UTC−5 all year (no daylight saving). */
export function bogota(local: string): number {
  return Date.parse(`${local}-05:00`);
}

export const CITIZEN_EMAIL = 'maria.ruiz@example.com';

/** A complete, valid filing by an identified citizen. */
export const CITIZEN: CitizenAnswers = {
  type: 'peticion_general',
  anonymous: false,
  applicantKind: 'Persona natural',
  idType: 'Cédula de ciudadanía',
  idNumber: '1020304050',
  name: 'María Fernanda Ruiz',
  address: 'Calle 10 # 5-20',
  municipality: 'Medellín',
  email: CITIZEN_EMAIL,
  phone: '3001234567',
  preferredChannel: 'Correo electrónico',
  acceptsEmailNotification: true,
  subject: 'Arreglo de la vía de la vereda El Carmen',
  description: 'Solicito el arreglo de la vía, que está intransitable desde las lluvias de enero.',
  consent: true,
};

export function citizen(overrides: CitizenAnswers = {}): CitizenAnswers {
  return { ...CITIZEN, ...overrides };
}

export interface DeskOptions {
  readonly start?: number;
  readonly settings?: Partial<EntitySettings>;
  readonly staff?: readonly StaffSpec[];
  readonly mailQuotaPerDay?: number;
  readonly costs?: Readonly<Record<string, CostRule>>;
  readonly entity?: string;
  /** Reuse a workspace (several entities side by side). */
  readonly workspace?: Workspace;
}

/** Writes `values` (keyed by header) under the last row of a sheet, as a person types them. */
export function typeRowsByHeader(
  model: SpreadsheetModel,
  sheetName: string,
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
): void {
  const sheet = model.requireSheet(sheetName);
  const headers: string[] = [];
  for (let c = 1; c <= sheet.lastColumn(); c += 1)
    headers.push(String(sheet.cell(1, c)?.value ?? ''));
  let row = sheet.lastRow() + 1;
  for (const values of rows) {
    for (const [header, value] of Object.entries(values)) {
      const at = headers.indexOf(header) + 1;
      if (at === 0) throw new Error(`${sheetName} has no column "${header}"`);
      model.setCellsAsUser(sheetName, row, at, [[value]]);
    }
    row += 1;
  }
}

/** One entity of the simulated workspace and what people do to it. */
export class Desk {
  readonly ws: Workspace;
  readonly harness: Harness;
  readonly name: string;
  readonly owner = ADMIN;

  constructor(options: DeskOptions = {}) {
    const p = projects();
    this.ws =
      options.workspace ??
      new Workspace({
        library: { code: p.libraryCode, files: p.libraryFiles },
        shimCode: p.shimCode,
        shimFiles: p.shimFiles,
        startMs: options.start ?? bogota('2026-02-02T07:00:00'),
        ...(options.costs ? { costs: options.costs } : {}),
      });
    this.harness = new Harness(this.ws);
    this.name = options.entity ?? 'prueba';
    this.ws.addEntity({
      name: this.name,
      owner: this.owner,
      domain: DOMAIN,
      mailQuotaPerDay: options.mailQuotaPerDay ?? 1500,
    });
    this.harness.open(this.name, this.owner);
    this.setupOk();
    this.typeSettings({ ...DEFAULT_SETTINGS_TYPED, ...options.settings });
    typeRowsByHeader(
      this.model,
      STAFF_SHEET.name,
      (options.staff ?? STAFF).map((m) => ({
        Correo: m.email,
        Nombre: m.name,
        Dependencia: m.dependency,
        Rol: ROLE_LABELS[m.role],
        Ausente: 'No',
      })),
    );
    this.setupOk();
  }

  get entity(): Entity {
    return this.ws.entity(this.name);
  }

  get model(): SpreadsheetModel {
    return this.entity.spreadsheet;
  }

  /** The admin clicks "Configurar o reparar". */
  setup(): RunResult {
    return this.harness.menu(this.name, this.owner, SETUP_MENU);
  }

  setupOk(): RunResult {
    const run = this.setup();
    if (run.error) throw new Error(`setup failed: ${run.error.message}`);
    return run;
  }

  /** The admin types setting values next to the seeded labels of `Configuración`. */
  typeSettings(settings: Partial<EntitySettings>): void {
    const sheet = this.model.requireSheet(SETTINGS_SHEET.name);
    for (let r = 2; r <= sheet.lastRow(); r += 1) {
      const label = String(sheet.cell(r, 1)?.value ?? '');
      const row = SETTING_ROWS.find((s) => s.label === label);
      if (!row || settings[row.key] === undefined) continue;
      // The Valor column is plain text, so values stay exactly as typed (no quote prefix needed).
      this.model.setCellsAsUser(SETTINGS_SHEET.name, r, 2, [
        [shownValue(row.key, settings[row.key])],
      ]);
    }
  }

  formId(): string {
    const id = this.entity.properties.get('form.id');
    if (!id) throw new Error('no form yet');
    return id;
  }

  form(): FormModel {
    const form = this.ws.forms.get(this.formId());
    if (!form) throw new Error('form missing');
    return form;
  }

  submit(answers: CitizenAnswers, at: number, faults: SubmitFaults = {}): SubmitResult {
    return this.harness.submit(this.name, answers, at, faults);
  }

  response(responseId: string): FormResponseModel {
    const found = this.form().responses.find((r) => r.id === responseId);
    if (!found) throw new Error(`no response ${responseId}`);
    return found;
  }

  /** Google delivers the form-submit event of an existing response (again) to every submit trigger. */
  deliver(responseId: string): RunResult[] {
    const response = this.response(responseId);
    return this.entity.triggers.formSubmitTriggers(this.formId()).map((trigger) =>
      this.ws.run({
        entity: this.name,
        fn: trigger.handler,
        kind: 'trigger',
        triggerOwner: trigger.owner,
        args: (exec) => [buildFormSubmitEvent(exec, this.ws.forms, response, trigger.uid)],
      }),
    );
  }

  /** Lets time pass; every due sweep trigger fires. */
  advance(ms: number): RunResult[] {
    return this.harness.advanceTo(this.ws.now + ms);
  }

  /** Fires the installed sweep trigger once, now. */
  runSweepTrigger(): RunResult {
    const trigger = this.entity.triggers.list().find((t) => t.eventType === 'CLOCK');
    if (!trigger) throw new Error('no sweep trigger installed');
    return this.ws.run({
      entity: this.name,
      fn: trigger.handler,
      kind: 'trigger',
      triggerOwner: trigger.owner,
      args: [{ authMode: 'FULL', triggerUid: trigger.uid }],
    });
  }

  rpc(user: string, method: string, payload: unknown): RunResult {
    return this.harness.scriptRun(this.name, user, 'rpc', method, payload);
  }

  cases(): CaseRecord[] {
    return readCases(this.model);
  }

  /** The product's idempotency key of a form response (timestamp and a hash of its answers). */
  keyOf(responseId: string): string {
    return filingKeyOf(this.ws, responseId);
  }

  casesFor(responseId: string): CaseRecord[] {
    const key = this.keyOf(responseId);
    return this.cases().filter((c) => c.responseId === key);
  }

  /** Every mail: the outbox sheet, updated by what the entity's state still holds. */
  outbox(): OutboxRow[] {
    return readOutbox(this.model, this.entity.properties.snapshot());
  }

  /** Fires the sweep trigger once and fails the test if it failed. */
  sweep(): RunResult {
    const run = this.runSweepTrigger();
    if (run.error) throw new Error(`sweep failed: ${run.error.message}`);
    return run;
  }

  history(): Array<Record<string, unknown>> {
    return readSheetObjects(this.model, HISTORY_SHEET);
  }

  longTexts(): Array<Record<string, unknown>> {
    return readSheetObjects(this.model, LONG_TEXT_SHEET);
  }

  /** 1-based column of a header in a sheet (0 when absent). */
  column(sheetName: string, header: string): number {
    const sheet = this.model.requireSheet(sheetName);
    for (let c = 1; c <= sheet.lastColumn(); c += 1)
      if (String(sheet.cell(1, c)?.value ?? '') === header) return c;
    return 0;
  }

  /** Row numbers of `Radicados` whose hidden response-key cell holds `responseId`'s key. */
  rowsOf(responseId: string): number[] {
    const key = this.keyOf(responseId);
    const sheet = this.model.requireSheet('Radicados');
    const at = this.column('Radicados', 'ID de respuesta del formulario');
    const rows: number[] = [];
    for (let r = 2; r <= sheet.lastRow(); r += 1)
      if (sheet.cell(r, at)?.value === key) rows.push(r);
    return rows;
  }

  /** The Radicados row holding `radicado` (0 when absent). */
  rowOfRadicado(radicado: string): number {
    const sheet = this.model.requireSheet('Radicados');
    const at = this.column('Radicados', 'Radicado');
    for (let r = 2; r <= sheet.lastRow(); r += 1)
      if (sheet.cell(r, at)?.value === radicado) return r;
    return 0;
  }

  /** The raw stored value of one cell, by header. */
  value(sheetName: string, row: number, header: string): unknown {
    const at = this.column(sheetName, header);
    if (at === 0) throw new Error(`${sheetName} has no column "${header}"`);
    return this.model.requireSheet(sheetName).cell(row, at)?.value ?? '';
  }

  /**
   * A script's view of the spreadsheet (what `SpreadsheetApp` returns inside an execution), for
   * reading back with the real Range methods (getFormulas, getValues). Uncounted.
   */
  scriptView(): {
    getSheetByName(name: string): {
      getLastColumn(): number;
      getRange(
        row: number,
        col: number,
        rows: number,
        cols: number,
      ): {
        getFormulas(): string[][];
        getValues(): unknown[][];
      };
    };
  } {
    const exec = new Execution({ name: 'test-read', startMs: this.ws.now });
    const app = createSpreadsheetApp(exec, this.ws.spreadsheets, {
      activeSpreadsheetId: this.model.id,
      ui: null,
    }) as { getActiveSpreadsheet(): ReturnType<Desk['scriptView']> };
    return app.getActiveSpreadsheet();
  }

  /** The data store (*datos de peticionarios*) setup created: a spreadsheet of its own. */
  dataStore(): SpreadsheetModel {
    const store = dataStoreOf(this.ws.spreadsheets, this.model);
    if (!store) throw new Error('no data store');
    return store;
  }

  /** What the data store holds of a case's petitioner (column keys), once the review moved it. */
  contactOf(radicado: string): Record<string, unknown> | undefined {
    return readContacts(this.dataStore()).find((r) => r.radicado === radicado);
  }

  /** Mail the citizen (or anyone) received, in order. */
  mailTo(address: string) {
    return this.ws.mail.sentTo(address);
  }

  /** Executions of one handler recorded so far. */
  executionsOf(fn: string) {
    return this.ws.executions.filter((e) => e.entity === this.name && e.fn === fn);
  }
}

/** `FieldCode` → the item id setup recorded for it. */
export function itemIds(desk: Desk): Partial<Record<FieldCode, number>> {
  return JSON.parse(desk.entity.properties.get('form.items') ?? '{}') as Partial<
    Record<FieldCode, number>
  >;
}

/** Every response the form holds is radicated in exactly one Radicados row. */
export function expectEachResponseOnce(desk: Desk): void {
  const counts = desk
    .form()
    .responses.map((r) => ({ response: r.id, rows: desk.rowsOf(r.id).length }));
  expect(counts).toEqual(counts.map((c) => ({ response: c.response, rows: 1 })));
}

// ---- Helpers for the integrity tests (test/simulator/integrity-*.test.ts) ----
import { looksLikeCasesSheet, readAllCases } from '../../tools/scenario/read-back';
import { HandEditError } from '../../tools/simulator/hand-edits';

/** What `rpc` replies, as the sidebar sees it. */
export interface RpcResult {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly data?: Record<string, unknown>;
}

/**
 * A clerk's act through the rpc gateway, as the desk makes it: the case is opened first (its
 * version) unless the payload brings a version; the execution itself must not fail.
 */
export function act(desk: Desk, by: string, payload: Record<string, unknown>): RpcResult {
  let version = payload.version;
  if (version === undefined) {
    const opened = desk.rpc(by, 'getCase', { radicado: payload.radicado }).value as RpcResult;
    version = opened?.ok ? opened.data?.version : '-';
  }
  const run = desk.rpc(by, 'act', { ...payload, version });
  if (run.error) throw new Error(`rpc act failed: ${run.error.message}`);
  return run.value as RpcResult;
}

/** Every case the entity ever issued: `Radicados` and every sheet laid out like it (archives). */
export function allCasesAnywhere(desk: Desk): CaseRecord[] {
  return readAllCases(desk.model);
}

/**
 * Every row of every sheet laid out like `Radicados` (duplicates included), as
 * { sheet, radicado, responseId }: what a person counting cases by hand sees.
 */
export function caseRowsAnywhere(
  desk: Desk,
): Array<{ sheet: string; radicado: string; responseId: string }> {
  const out: Array<{ sheet: string; radicado: string; responseId: string }> = [];
  for (const sheet of desk.model.sheets) {
    if (!looksLikeCasesSheet(sheet)) continue;
    const headers: string[] = [];
    for (let c = 1; c <= sheet.lastColumn(); c += 1)
      headers.push(String(sheet.cell(1, c)?.value ?? '').trim());
    const radicadoAt = headers.indexOf('Radicado') + 1;
    const keyAt = headers.indexOf('ID de respuesta del formulario') + 1;
    for (let r = 2; r <= sheet.lastRow(); r += 1) {
      const radicado = String(sheet.cell(r, radicadoAt)?.value ?? '').trim();
      if (!radicado) continue;
      out.push({
        sheet: sheet.name,
        radicado,
        responseId: keyAt > 0 ? String(sheet.cell(r, keyAt)?.value ?? '') : '',
      });
    }
  }
  return out;
}

/** The distinct radicados the entity gave one form response, across every cases sheet. */
export function radicadosOfResponse(desk: Desk, responseId: string): string[] {
  const key = desk.keyOf(responseId);
  return [
    ...new Set(
      allCasesAnywhere(desk)
        .filter((c) => c.responseId === key)
        .map((c) => c.radicado),
    ),
  ];
}

/** Acknowledgements actually delivered to `address` (MailApp's record, not the outbox). */
export function acknowledgementsTo(desk: Desk, address: string) {
  return desk.mailTo(address).filter((m) => m.subject.endsWith(': recibimos su solicitud'));
}

/**
 * A person types into cells as in the Sheets UI, stopped by real protections as Sheets stops
 * them (HandEditError naming the cell); then the edit triggers fire as for any hand edit.
 */
export function typeAsPerson(
  desk: Desk,
  by: string,
  sheet: string,
  row: number,
  col: number,
  values: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
) {
  for (let r = 0; r < values.length; r += 1)
    for (let c = 0; c < values[r].length; c += 1)
      if (!desk.model.canUserEdit(sheet, row + r, col + c, by))
        throw new HandEditError(
          'cell',
          `${by} may not edit protected cells of sheet "${sheet}" (row ${row + r}, column ${col + c})`,
        );
  return desk.harness.typeCells(desk.name, by, sheet, row, col, values);
}

/** Every cell of every sheet, as text (values and formulas), for searching what is stored. */
export function everyCellText(desk: Desk): Array<{ sheet: string; row: number; text: string }> {
  const out: Array<{ sheet: string; row: number; text: string }> = [];
  for (const sheet of desk.model.sheets) {
    for (let r = 1; r <= sheet.lastRow(); r += 1)
      for (let c = 1; c <= sheet.lastColumn(); c += 1) {
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        const value = cell.value;
        const text = typeof value === 'object' ? String(value.dateMs) : String(value);
        if (text) out.push({ sheet: sheet.name, row: r, text });
        if (cell.formula) out.push({ sheet: sheet.name, row: r, text: cell.formula });
      }
  }
  return out;
}

/** The Historial lines of one case (raw cell values by column key). */
export function historyOf(desk: Desk, radicado: string): Array<Record<string, unknown>> {
  return desk.history().filter((h) => h.radicado === radicado);
}

/**
 * A whole minute `minutes` after the virtual clock (form timestamps are whole milliseconds in Apps
 * Script; the simulator's clock may carry fractions of one after an execution).
 */
export function minutesFromNow(desk: Desk, minutes: number): number {
  return Math.ceil(desk.ws.now / 60_000) * 60_000 + minutes * 60_000;
}
