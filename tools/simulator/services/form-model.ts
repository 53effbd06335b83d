// Persistent Google Forms: items, settings and responses that outlive executions, plus the
// uncharged harness entry point `submit` (a citizen filling the form in a browser).

import { createHash } from 'node:crypto';
import { IdSource } from '../kernel';
import {
  type AnswerValue,
  checkAnswer,
  isBlank,
  isQuestion,
  toList,
  visitedItemIds,
} from './form-answers';
import { appendResponseRow } from './form-destination';
import type { SpreadsheetStore } from './spreadsheet-model';

export { isQuestion, visitedItemIds } from './form-answers';

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
  /**
   * The question id a prefilled URL names as `entry.N`: Forms numbers it apart from the item id
   * (developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()).
   */
  readonly entryId: number;
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
  /** The header text last written for each question (item id), so a retitle renames it once. */
  readonly titles: Map<number, string>;
}

/** Deterministic but unguessable-looking text derived from a seed (ids that look like Google's). */
export function opaqueId(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, length);
}

/** A large positive integer derived from a seed, like the ids Forms hands out. */
function numericId(seed: string): number {
  const hash = createHash('sha256').update(seed).digest();
  return 100_000_000 + (hash.readUInt32BE(0) % 1_900_000_000);
}

export class FormModel {
  readonly items: ItemModel[] = [];
  readonly responses: FormResponseModel[] = [];
  destination: DestinationModel | null = null;
  readonly settings: FormSettings;
  readonly publishedId: string;
  private itemCounter = 0;
  private entryCounter = 0;
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
    const id = this.nextItemId();
    const item: ItemModel = {
      id,
      entryId: this.nextEntryId(id),
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
      const id = numericId(`item:${this.id}:${this.itemCounter++}`);
      if (!this.idTaken(id)) return id;
    }
  }

  /** Entry (question) ids come from their own sequence and never equal an item id. */
  private nextEntryId(itemId: number): number {
    for (;;) {
      const id = numericId(`entry:${this.id}:${this.entryCounter++}`);
      if (id !== itemId && !this.idTaken(id)) return id;
    }
  }

  private idTaken(id: number): boolean {
    return this.items.some((i) => i.id === id || i.entryId === id);
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
    answers: ReadonlyMap<number, AnswerValue>,
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
    return this.record(form, answers, timestampMs, respondentEmail ?? '');
  }

  /**
   * Records a response already checked (by the harness, or by the item's createResponse for a
   * script's FormResponse.submit): answered items in form order, checkbox answers as lists in the
   * order given, and the row in the linked response sheet.
   */
  record(
    form: FormModel,
    answers: ReadonlyMap<number, AnswerValue>,
    timestampMs: number,
    respondentEmail: string,
  ): FormResponseModel {
    const ordered: ItemAnswer[] = form.items
      .filter((item) => answers.has(item.id) && !isBlank(answers.get(item.id)))
      .map((item) => {
        const value = answers.get(item.id) as AnswerValue;
        return { itemId: item.id, value: item.type === 'CHECKBOX' ? toList(value) : value };
      });
    const response: FormResponseModel = {
      id: form.nextResponseId(),
      formId: form.id,
      timestampMs,
      respondentEmail: form.settings.collectEmail ? respondentEmail : '',
      answers: ordered,
      row: null,
    };
    form.responses.push(response);
    if (form.destination) appendResponseRow(this.spreadsheets, form, response);
    return response;
  }
}
