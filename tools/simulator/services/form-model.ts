// Persistent Google Forms: items, settings and responses that outlive executions, plus the
// uncharged harness entry point `submit` (a citizen filling the form in a browser).

import { createHash } from 'node:crypto';
import { IdSource } from '../kernel';
import { appendResponseRow } from './form-destination';
import type { SpreadsheetStore } from './spreadsheet-model';

export type ItemTypeName =
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'CHECKBOX'
  | 'TEXT'
  | 'PARAGRAPH_TEXT'
  | 'PAGE_BREAK'
  | 'SECTION_HEADER';

export type NavigationType = 'CONTINUE' | 'GO_TO_PAGE' | 'RESTART' | 'SUBMIT';

export interface Navigation {
  readonly type: NavigationType;
  /** The target page-break item for GO_TO_PAGE. */
  readonly pageId?: number;
}

export interface ChoiceModel {
  readonly value: string;
  readonly navigation: Navigation | null;
}

export interface ItemModel {
  readonly id: number;
  readonly type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: ChoiceModel[];
  hasOtherOption: boolean;
  /** Text validation as the script built it; stored, not enforced. */
  validation: unknown;
  /** Page breaks: where the page before it continues (PageBreakItem.setGoToPage). */
  goTo: Navigation;
}

export interface FormSettings {
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  acceptingResponses: boolean;
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  /** Only people signed in to the owner's Workspace domain may respond. */
  requireLogin: boolean;
  customClosedFormMessage: string;
}

export interface ItemAnswer {
  readonly itemId: number;
  readonly value: string | readonly string[];
}

export interface FormResponseModel {
  readonly id: string;
  readonly formId: string;
  readonly timestampMs: number;
  readonly respondentEmail: string;
  /** Answered items only, in form order at submit time. */
  readonly answers: readonly ItemAnswer[];
  /** Where the response landed in the linked spreadsheet, if one was linked. */
  row: { readonly spreadsheetId: string; readonly sheetId: number; readonly row: number } | null;
}

export interface DestinationModel {
  readonly spreadsheetId: string;
  /** Forms follows the response sheet by id, so renaming the sheet keeps the link. */
  readonly sheetId: number;
}

/** Item kinds that take answers; page breaks and section headers are layout only. */
export function isQuestion(item: ItemModel): boolean {
  return item.type !== 'PAGE_BREAK' && item.type !== 'SECTION_HEADER';
}

/** Deterministic but unguessable-looking text derived from a seed (ids that look like Google's). */
export function opaqueId(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, length);
}

export class FormModel {
  readonly items: ItemModel[] = [];
  readonly responses: FormResponseModel[] = [];
  destination: DestinationModel | null = null;
  readonly settings: FormSettings;
  readonly publishedId: string;
  private itemCounter = 0;
  private responseCounter = 0;

  constructor(
    readonly id: string,
    title: string,
  ) {
    this.publishedId = `1FAIpQL${opaqueId(`published:${id}`, 49)}`;
    this.settings = {
      title,
      description: '',
      confirmationMessage: '',
      collectEmail: false,
      acceptingResponses: true,
      allowResponseEdits: false,
      limitOneResponsePerUser: false,
      requireLogin: false,
      customClosedFormMessage: '',
    };
  }

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }

  item(id: number): ItemModel | undefined {
    return this.items.find((i) => i.id === id);
  }

  addItem(type: ItemTypeName): ItemModel {
    const item: ItemModel = {
      id: this.nextItemId(),
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      hasOtherOption: false,
      validation: null,
      goTo: { type: 'CONTINUE' },
    };
    this.items.push(item);
    return item;
  }

  /** Item ids in Forms are large positive integers with no visible order; ours are stable per form. */
  private nextItemId(): number {
    for (;;) {
      const n = this.itemCounter++;
      const hash = createHash('sha256').update(`item:${this.id}:${n}`).digest();
      const id = 100_000_000 + (hash.readUInt32BE(0) % 1_900_000_000);
      if (!this.item(id)) return id;
    }
  }

  nextResponseId(): string {
    const n = this.responseCounter++;
    return `2_ABaOnu${opaqueId(`response:${this.id}:${n}`, 60)}`;
  }

  editResponseUrl(responseId: string): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform?edit2=${responseId}`;
  }
}

export class FormStore {
  private readonly ids = new IdSource('1SimForm');
  private readonly byId = new Map<string, FormModel>();

  constructor(readonly spreadsheets: SpreadsheetStore) {}

  /**
   * Workspace admins can make new forms domain-only by default (Admin console, Forms sharing
   * settings); a test sets this to see that setup opens the form to citizens.
   */
  newFormsRequireLogin = false;

  create(title: string): FormModel {
    const form = new FormModel(this.ids.take(), title);
    form.settings.requireLogin = this.newFormsRequireLogin;
    this.byId.set(form.id, form);
    return form;
  }

  get(id: string): FormModel | undefined {
    return this.byId.get(id);
  }

  all(): FormModel[] {
    return [...this.byId.values()];
  }

  /**
   * Harness: a person submits the form. Unknown items, wrong answer shapes, unlisted choices,
   * missing required answers and closed forms are harness mistakes (the Forms UI would not let a
   * person send them), so they throw plain Errors. The response is recorded and, when a
   * spreadsheet is linked, appended to its response sheet.
   */
  submit(
    formId: string,
    answers: ReadonlyMap<number, string | readonly string[]>,
    timestampMs: number,
    respondentEmail?: string,
  ): FormResponseModel {
    const form = this.byId.get(formId);
    if (!form) throw new Error(`submit: no form ${formId}`);
    if (!form.settings.acceptingResponses)
      throw new Error(`submit: form ${formId} is not accepting responses`);
    // A citizen without an account in the entity's domain cannot open a domain-only form.
    if (form.settings.requireLogin)
      throw new Error(`submit: form ${formId} accepts only signed-in users of its domain`);
    for (const [itemId, value] of answers) checkAnswer(form, itemId, value);
    const visited = visitedItemIds(form, answers);
    for (const item of form.items) {
      if (
        item.required &&
        isQuestion(item) &&
        visited.has(item.id) &&
        isBlank(answers.get(item.id))
      ) {
        throw new Error(`submit: required item ${item.id} ("${item.title}") has no answer`);
      }
    }
    const ordered: ItemAnswer[] = form.items
      .filter((item) => answers.has(item.id) && !isBlank(answers.get(item.id)))
      .map((item) => {
        const value = answers.get(item.id) as string | readonly string[];
        return { itemId: item.id, value: item.type === 'CHECKBOX' ? toList(value) : value };
      });
    const response: FormResponseModel = {
      id: form.nextResponseId(),
      formId,
      timestampMs,
      respondentEmail: form.settings.collectEmail ? (respondentEmail ?? '') : '',
      answers: ordered,
      row: null,
    };
    form.responses.push(response);
    if (form.destination) appendResponseRow(this.spreadsheets, form, response);
    return response;
  }
}

function toList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : [...value];
}

function isBlank(value: string | readonly string[] | undefined): boolean {
  return value === undefined || (typeof value === 'string' ? value === '' : value.length === 0);
}

function checkAnswer(form: FormModel, itemId: number, value: string | readonly string[]): void {
  const item = form.item(itemId);
  if (!item) throw new Error(`submit: form ${form.id} has no item ${itemId}`);
  if (!isQuestion(item))
    throw new Error(`submit: item ${itemId} is a ${item.type}, not a question`);
  if (item.type !== 'CHECKBOX' && typeof value !== 'string') {
    throw new Error(`submit: item ${itemId} (${item.type}) takes one string`);
  }
  if (item.type === 'LIST' || item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX') {
    const allowed = new Set(item.choices.map((c) => c.value));
    for (const v of toList(value)) {
      if (!allowed.has(v) && !(item.hasOtherOption && item.type !== 'LIST')) {
        throw new Error(`submit: "${v}" is not a choice of item ${itemId}`);
      }
    }
  }
}

/**
 * The items a respondent actually sees: sections are walked in order, and a choice with page
 * navigation (or a page break's "go to") decides the next section
 * (developers.google.com/apps-script/reference/forms/page-navigation-type). Required questions
 * in skipped sections need no answer.
 */
export function visitedItemIds(
  form: FormModel,
  answers: ReadonlyMap<number, string | readonly string[]>,
): Set<number> {
  const visited = new Set<number>();
  const items = form.items;
  let i = 0;
  let guard = 0;
  while (i < items.length && guard++ < items.length * 4) {
    let jump: Navigation | null = null;
    for (; i < items.length; i += 1) {
      const item = items[i];
      if (item.type === 'PAGE_BREAK') {
        // The section ends; its own "go to" applies unless a choice chose a page.
        jump = jump ?? (item.goTo.type === 'CONTINUE' ? null : item.goTo);
        if (jump === null) continue;
        break;
      }
      visited.add(item.id);
      const answer = answers.get(item.id);
      if ((item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') && typeof answer === 'string') {
        const choice = item.choices.find((c) => c.value === answer);
        if (choice?.navigation && choice.navigation.type !== 'CONTINUE') jump = choice.navigation;
      }
    }
    if (jump === null) break;
    if (jump.type === 'SUBMIT' || jump.type === 'RESTART') break;
    const target = items.findIndex((item) => item.id === jump!.pageId);
    if (target < 0) break;
    i = target + 1;
  }
  return visited;
}
