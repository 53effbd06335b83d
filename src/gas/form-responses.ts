// Reads citizen answers by question identity (item id), never by position or title, so a clerk
// renaming or moving a question does not break intake.
import { FIELD_CODES, FORM_QUESTIONS, YES, type FieldCode } from '../core/intake/form-definition';
import type { RawAnswers } from '../core/intake/normalize-submission';
import type { KeyValueStore } from '../ports/entity-state';
import type { FormResponseRef, FormSource, FormSubmission } from '../ports/form-source';

type Form = GoogleAppsScript.Forms.Form;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

export const FORM_ID_KEY = 'form.id';
export const FORM_ITEMS_KEY = 'form.items';

export type ItemMap = Partial<Record<FieldCode, number>>;

export function readItemMap(state: KeyValueStore): ItemMap {
  try {
    const parsed: unknown = JSON.parse(state.get(FORM_ITEMS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as ItemMap) : {};
  } catch {
    return {};
  }
}

export function submissionFromResponse(
  form: Form,
  response: FormResponse,
  items: ItemMap,
): FormSubmission {
  const codeById = new Map<number, FieldCode>();
  for (const code of FIELD_CODES) {
    const id = items[code];
    if (id !== undefined) codeById.set(id, code);
  }
  const answers: RawAnswers = {};
  for (const itemResponse of response.getItemResponses()) {
    const code = codeById.get(itemResponse.getItem().getId());
    if (!code) continue;
    const value = itemResponse.getResponse() as unknown;
    answers[code] = Array.isArray(value) ? value.map(String) : String(value ?? '');
  }
  // A required answer can only be missing if its question was removed: confirm before flagging.
  const missingQuestions: string[] = [];
  for (const question of FORM_QUESTIONS) {
    if (!question.required || answers[question.code] !== undefined) continue;
    if (question.section === 'identity' && answers.anonymous === YES) continue;
    const id = items[question.code];
    if (id === undefined || form.getItemById(id) === null) missingQuestions.push(question.title);
  }
  return {
    responseId: response.getId(),
    receivedAt: response.getTimestamp().getTime(),
    answers,
    missingQuestions,
  };
}

export class GasFormSource implements FormSource {
  constructor(
    private readonly form: Form,
    private readonly items: ItemMap,
  ) {}

  responsesSince(sinceMs: number | null): FormResponseRef[] {
    const responses =
      sinceMs === null ? this.form.getResponses() : this.form.getResponses(new Date(sinceMs));
    return responses
      .map((response) => ({
        responseId: response.getId(),
        receivedAt: response.getTimestamp().getTime(),
        read: () => submissionFromResponse(this.form, response, this.items),
      }))
      .sort((a, b) => a.receivedAt - b.receivedAt);
  }
}
