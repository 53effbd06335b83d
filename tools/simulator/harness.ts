// What people and Google do to a simulated workspace: open the spreadsheet, click menu items, call
// the sidebar's gateway, visit the web app, submit the citizen form, and let time pass (firing
// the installed triggers in time order).
import { FORM_QUESTIONS, NO, YES, type FieldCode } from '../../src/core/intake/form-definition';
import { isRequestTypeCode, REQUEST_TYPE_LABELS } from '../../src/core/request-types';
import { isDate } from './kernel';
import {
  buildBlankSheetFormSubmitEvent,
  buildFormSubmitEvent,
  buildSheetFormSubmitEvent,
} from './services/form-events';
import { readHtmlOutput } from './services/html';
import { readTextOutput } from './services/content';
import {
  applyHandEdit,
  buildChangeEvent,
  buildEditEvent,
  type AppliedEdit,
  type EditOp,
} from './hand-edits';
import type { RunResult, Workspace } from './workspace';

export type CitizenAnswers = Partial<Record<FieldCode, string | boolean | readonly string[]>>;

export interface SubmitFaults {
  readonly triggerNotFired?: boolean;
  /** Every installed form-submit trigger (form side and sheet side) runs twice. */
  readonly deliveredTwice?: boolean;
  readonly lockHeldForMs?: number;
  readonly mailQuotaExhausted?: boolean;
  /**
   * Sheets-side ON_FORM_SUBMIT triggers also get a second, blank event a few seconds after the
   * real one (markfguerra/google-forms-to-slack#6 and #7). Form-side triggers are not affected.
   */
  readonly sheetSideBlankDuplicate?: boolean;
  /** Delay of the blank duplicate after the submission; default 3 s ("a few seconds"). */
  readonly sheetSideBlankDelayMs?: number;
}

/** One event delivered to one installed trigger. */
export interface SubmitDelivery {
  /** FORMS: trigger installed with forForm(...); SPREADSHEETS: with forSpreadsheet(...). */
  readonly source: 'FORMS' | 'SPREADSHEETS';
  readonly triggerUid: string;
  /** True for the injected blank duplicate. */
  readonly blank: boolean;
  readonly run: RunResult;
}

export interface SubmitResult {
  readonly responseId: string;
  /** Every handler run, in the order they happened. */
  readonly runs: readonly RunResult[];
  readonly deliveries: readonly SubmitDelivery[];
}

/** One event of a hand edit delivered to one installed spreadsheet trigger. */
export interface EditDelivery {
  readonly eventType: 'ON_EDIT' | 'ON_CHANGE';
  readonly triggerUid: string;
  readonly run: RunResult;
}

export interface EditResult {
  /** What the edit did to the sheet (the edited block, the Change event's changeType). */
  readonly applied: AppliedEdit;
  /** Every handler run, in the order they happened (ON_EDIT triggers first, then ON_CHANGE). */
  readonly runs: readonly RunResult[];
  readonly deliveries: readonly EditDelivery[];
}

export interface OpenOptions {
  /** The person opens the file in view or comment mode. */
  readonly readOnly?: boolean;
}

/** "A few seconds" after the real event (markfguerra/google-forms-to-slack#7); the exact delay is not reported. */
export const DEFAULT_BLANK_DUPLICATE_DELAY_MS = 3_000;

/** google.script.run passes primitives, plain objects and arrays only; a Date fails the call. */
export function cloneForScriptRun(value: unknown, path = 'value'): unknown {
  if (value === null || value === undefined) return value === undefined ? undefined : null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (isDate(value) || typeof value === 'function') {
    // developers.google.com/apps-script/guides/html/reference/run#myFunction(...): Date objects are illegal parameters.
    throw new Error(
      `Illegal value at ${path}: google.script.run cannot pass ${isDate(value) ? 'a Date' : 'a function'}`,
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => cloneForScriptRun(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = cloneForScriptRun(v, `${path}.${k}`);
    return out;
  }
  throw new Error(`Illegal value at ${path}`);
}

/** Turns scenario answers (codes and booleans) into what a person picks on the Spanish form. */
export function formAnswers(
  answers: CitizenAnswers,
  itemIds: Partial<Record<FieldCode, number>>,
): Map<number, string | readonly string[]> {
  const out = new Map<number, string | readonly string[]>();
  const anonymous = answers.anonymous === true;
  for (const question of FORM_QUESTIONS) {
    const raw = answers[question.code];
    const id = itemIds[question.code];
    if (raw === undefined || id === undefined) continue;
    if (anonymous && question.section === 'identity') continue; // the form skips that page
    let value: string | readonly string[];
    if (question.code === 'type' && typeof raw === 'string' && isRequestTypeCode(raw))
      value = REQUEST_TYPE_LABELS[raw];
    else if (question.code === 'consent')
      value = raw === true || raw === YES ? [question.choices![0]] : [];
    else if (typeof raw === 'boolean') value = raw ? YES : NO;
    else value = raw;
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out.set(id, value);
  }
  if (answers.anonymous === undefined && itemIds.anonymous !== undefined)
    out.set(itemIds.anonymous, NO);
  return out;
}

export class Harness {
  constructor(readonly ws: Workspace) {}

  /**
   * A person opens the spreadsheet: the shim's onOpen runs as a simple trigger. Opened read-only,
   * nothing runs and the result is null.
   */
  open(entity: string, user: string, options?: { readonly readOnly?: false }): RunResult;
  open(entity: string, user: string, options: OpenOptions): RunResult | null;
  open(entity: string, user: string, options: OpenOptions = {}): RunResult | null {
    // developers.google.com/apps-script/guides/triggers#restrictions: simple triggers do not run when a file is opened read-only (view or comment).
    if (options.readOnly) return null;
    return this.ws.run({
      entity,
      fn: 'onOpen',
      args: [{ authMode: 'LIMITED', user: { getEmail: () => user } }],
      kind: 'simple',
      user,
    });
  }

  /** Clicks a menu item by caption (it must have been added by onOpen). */
  menu(entity: string, user: string, caption: string): RunResult {
    const host = this.ws.entity(entity).ui;
    const item = host.menus.flatMap((m) => m.items).find((i) => i.caption === caption);
    if (!item) throw new Error(`no menu item "${caption}" in ${entity}`);
    return this.ws.run({ entity, fn: item.functionName, kind: 'menu', user });
  }

  /** A person clicks a cell of `sheet`: it becomes the active sheet and the selection. */
  select(entity: string, sheet: string, row: number, col = 1): void {
    const model = this.ws.entity(entity).spreadsheet;
    const target = model.sheet(sheet);
    if (!target) throw new Error(`no sheet "${sheet}" in ${entity}`);
    model.activeSheet = target;
    model.activeCell = { row, col };
  }

  /** `google.script.run.fn(...args)` from a sidebar, as `user`. */
  scriptRun(entity: string, user: string, fn: string, ...args: unknown[]): RunResult {
    const cloned = args.map((a, i) => cloneForScriptRun(a, `argument ${i}`));
    const result = this.ws.run({ entity, fn, args: cloned, kind: 'rpc', user });
    return result.error
      ? result
      : { ...result, value: cloneForScriptRun(result.value, 'return value') };
  }

  /** A visit to the entity's web app (doGet), by an anonymous citizen unless `user` is given. */
  visit(
    entity: string,
    parameter: Record<string, string>,
    user = '',
  ): RunResult & { body: string } {
    const e = {
      parameter,
      parameters: Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]])),
      queryString: new URLSearchParams(parameter).toString(),
    };
    const result = this.ws.run({ entity, fn: 'doGet', args: [e], kind: 'webapp', user });
    const html = readHtmlOutput(result.value);
    const text = readTextOutput(result.value);
    return { ...result, body: html?.content ?? text?.content ?? '' };
  }

  /** A citizen submits the entity's form at `atMs`; the installed form-submit triggers fire. */
  submit(
    entity: string,
    answers: CitizenAnswers,
    atMs: number,
    faults: SubmitFaults = {},
  ): SubmitResult {
    const ent = this.ws.entity(entity);
    const formId = ent.properties.get('form.id');
    if (!formId) throw new Error(`${entity} has no form: run setup first`);
    const itemIds = JSON.parse(ent.properties.get('form.items') ?? '{}') as Partial<
      Record<FieldCode, number>
    >;
    return this.submitResponse(entity, formId, formAnswers(answers, itemIds), atMs, faults);
  }

  /**
   * Any form, answered by item id (for test shims that build their own form): the response is
   * recorded at `atMs` and the entity's installed triggers fire — form-side ones on this form,
   * then sheet-side ones on the spreadsheet the form sends its responses to.
   */
  submitResponse(
    entity: string,
    formId: string,
    answers: ReadonlyMap<number, string | readonly string[]>,
    atMs: number,
    faults: SubmitFaults = {},
  ): SubmitResult {
    const ent = this.ws.entity(entity);
    const form = this.ws.forms.get(formId);
    if (!form) throw new Error(`no form ${formId}`);
    this.advanceTo(atMs);
    const submittedAt = this.ws.now;
    const response = this.ws.forms.submit(formId, answers, submittedAt);
    if (faults.lockHeldForMs) ent.lock.holdUntil(this.ws.now + faults.lockHeldForMs);
    if (faults.mailQuotaExhausted)
      this.ws.mail.consume(ent.owner, this.ws.mail.remaining(ent.owner, this.ws.now), this.ws.now);
    const deliveries: SubmitDelivery[] = [];
    if (faults.triggerNotFired) return { responseId: response.id, runs: [], deliveries };
    const times = faults.deliveredTwice ? 2 : 1;
    for (const trigger of ent.triggers.formSubmitTriggers(formId)) {
      for (let i = 0; i < times; i += 1) {
        const run = this.ws.run({
          entity,
          fn: trigger.handler,
          kind: 'trigger',
          triggerOwner: trigger.owner,
          args: (exec) => [buildFormSubmitEvent(exec, this.ws.forms, response, trigger.uid)],
        });
        deliveries.push({ source: 'FORMS', triggerUid: trigger.uid, blank: false, run });
      }
    }
    // developers.google.com/apps-script/guides/triggers/installable: the Sheets form-submit trigger fires when a
    // form submits to that spreadsheet, so it follows the form's response destination.
    const sheetTriggers =
      form.destination && response.row
        ? ent.triggers.spreadsheetTriggers(form.destination.spreadsheetId, 'ON_FORM_SUBMIT')
        : [];
    for (const trigger of sheetTriggers) {
      for (let i = 0; i < times; i += 1) {
        const run = this.ws.run({
          entity,
          fn: trigger.handler,
          kind: 'trigger',
          triggerOwner: trigger.owner,
          args: (exec) => [
            buildSheetFormSubmitEvent(exec, this.ws.spreadsheets, form, response, trigger.uid),
          ],
        });
        deliveries.push({ source: 'SPREADSHEETS', triggerUid: trigger.uid, blank: false, run });
      }
    }
    if (faults.sheetSideBlankDuplicate && sheetTriggers.length > 0) {
      // markfguerra/google-forms-to-slack#7: a blank event "a few seconds after each valid submission", with no row in the sheet.
      this.advanceTo(
        submittedAt + (faults.sheetSideBlankDelayMs ?? DEFAULT_BLANK_DUPLICATE_DELAY_MS),
      );
      for (const trigger of sheetTriggers) {
        const run = this.ws.run({
          entity,
          fn: trigger.handler,
          kind: 'trigger',
          triggerOwner: trigger.owner,
          args: (exec) => [
            buildBlankSheetFormSubmitEvent(exec, this.ws.spreadsheets, form, trigger.uid),
          ],
        });
        deliveries.push({ source: 'SPREADSHEETS', triggerUid: trigger.uid, blank: true, run });
      }
    }
    return { responseId: response.id, runs: deliveries.map((d) => d.run), deliveries };
  }

  /**
   * A person (`by`) edits the entity's spreadsheet by hand in the Sheets UI, now. Nothing is
   * charged to any execution; then the entity's installable triggers on that spreadsheet fire as
   * Google fires them, each run as its creator: ON_EDIT for an edit of cell values, ON_CHANGE for
   * every change (developers.google.com/apps-script/guides/triggers/installable). Throws
   * HandEditError (naming the bad field) when Sheets would not let the person do it.
   */
  edit(entity: string, by: string, sheet: string, op: EditOp): EditResult {
    const editor = by.toLowerCase();
    const applied = applyHandEdit(this.ws.entity(entity).spreadsheet, sheet, editor, op);
    return this.fireEditTriggers(entity, editor, applied);
  }

  /**
   * A person types or pastes a block of values at (`row`, `col`) of `sheet`, as text typed in the
   * UI is parsed; the installable edit and change triggers fire as for any hand edit.
   */
  typeCells(
    entity: string,
    by: string,
    sheet: string,
    row: number,
    col: number,
    values: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  ): EditResult {
    const model = this.ws.entity(entity).spreadsheet;
    const target = model.sheet(sheet);
    if (!target) throw new Error(`no sheet ${sheet}`);
    model.setCellsAsUser(
      sheet,
      row,
      col,
      values.map((line) => line.map((v) => v)),
    );
    const rect = { row, col, numRows: values.length, numCols: values[0]?.length ?? 1 };
    const applied: AppliedEdit = {
      kind: 'setCell',
      sheet: target,
      edited: { rect },
      changeType: 'EDIT',
    };
    return this.fireEditTriggers(entity, by.toLowerCase(), applied);
  }

  private fireEditTriggers(entity: string, editor: string, applied: AppliedEdit): EditResult {
    const ent = this.ws.entity(entity);
    const model = ent.spreadsheet;
    // developers.google.com/apps-script/guides/triggers/events: `user` is the active user "if
    // available"; as for Session, the email shows only within the entity's domain.
    const sameDomain =
      editor === ent.owner || (ent.domain !== '' && editor.endsWith(`@${ent.domain}`));
    const userEmail = sameDomain ? editor : '';
    const deliveries: EditDelivery[] = [];
    const fire = (eventType: 'ON_EDIT' | 'ON_CHANGE'): void => {
      for (const trigger of ent.triggers.spreadsheetTriggers(model.id, eventType)) {
        const run = this.ws.run({
          entity,
          fn: trigger.handler,
          kind: 'trigger',
          triggerOwner: trigger.owner,
          args: (exec) => [
            eventType === 'ON_EDIT'
              ? buildEditEvent(exec, this.ws.spreadsheets, model, applied, trigger.uid, userEmail)
              : buildChangeEvent(
                  exec,
                  this.ws.spreadsheets,
                  model,
                  applied,
                  trigger.uid,
                  userEmail,
                ),
          ],
        });
        deliveries.push({ eventType, triggerUid: trigger.uid, run });
      }
    };
    if (applied.edited) fire('ON_EDIT');
    fire('ON_CHANGE');
    return { applied, runs: deliveries.map((d) => d.run), deliveries };
  }

  /**
   * Every script property of the entity is gone, as when its script is recreated or the
   * spreadsheet (with its bound script) is copied: the copy starts with an empty store.
   */
  loseScriptProperties(entity: string): void {
    this.ws.entity(entity).properties.clear();
  }

  /** Moves the clock to `targetMs`, firing every due time-driven trigger of every entity in order. */
  advanceTo(targetMs: number): RunResult[] {
    const runs: RunResult[] = [];
    for (;;) {
      let next: {
        entity: string;
        uid: string;
        handler: string;
        owner: string;
        fireAtMs: number;
      } | null = null;
      for (const ent of this.ws.entities.values()) {
        for (const due of ent.triggers.dueClockTriggers(targetMs)) {
          if (!next || due.fireAtMs < next.fireAtMs) {
            next = {
              entity: ent.name,
              uid: due.trigger.uid,
              handler: due.trigger.handler,
              owner: due.trigger.owner,
              fireAtMs: due.fireAtMs,
            };
          }
        }
      }
      if (!next) break;
      this.ws.now = Math.max(this.ws.now, next.fireAtMs);
      this.ws.entity(next.entity).triggers.markFired(next.uid, next.fireAtMs);
      runs.push(
        this.ws.run({
          entity: next.entity,
          fn: next.handler,
          kind: 'trigger',
          triggerOwner: next.owner,
          args: [{ authMode: 'FULL', triggerUid: next.uid }],
        }),
      );
    }
    this.ws.now = Math.max(this.ws.now, targetMs);
    return runs;
  }
}
