// Reads citizen answers by question identity, never by position or title, so a clerk renaming or
// moving a question does not break intake. A response is read from its prefilled URL: one call
// returns every answer keyed by the question's entry id, which setup learns once per form.
import { FIELD_CODES, type FieldCode } from '../core/intake/form-definition';
import { prefilledPairs, responseKey } from '../core/intake/prefilled-url';
import type { KeyValueStore } from '../ports/entity-state';
import type { FormResponseRef, FormSource, FormSubmission } from '../ports/form-source';

export { FORM_ENTRIES_KEY } from '../core/intake/prefilled-url';

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

/** A form response as intake needs it: two calls (timestamp, prefilled URL), whatever the form's size. */
export function submissionOf(response: FormResponse): FormSubmission {
  const receivedAt = response.getTimestamp().getTime();
  const prefilledUrl = response.toPrefilledUrl();
  return { key: responseKey(receivedAt, prefilledUrl), receivedAt, prefilledUrl };
}

export class GasFormSource implements FormSource {
  constructor(private readonly form: Form) {}

  responsesSince(sinceMs: number | null): FormResponseRef[] {
    const responses =
      sinceMs === null ? this.form.getResponses() : this.form.getResponses(new Date(sinceMs));
    return responses.map((response) => {
      let timestamp: number | null = null;
      let submission: FormSubmission | null = null;
      return {
        timestamp: () => (timestamp ??= response.getTimestamp().getTime()),
        read: () => (submission ??= submissionOf(response)),
      };
    });
  }

  findByKey(key: string, receivedAt: number): FormSubmission | null {
    // developers.google.com/apps-script/reference/forms/form#getResponses(Date): responses after it.
    for (const ref of this.responsesSince(receivedAt - 1)) {
      if (ref.timestamp() !== receivedAt) continue;
      const submission = ref.read();
      if (submission.key === key) return submission;
    }
    return null;
  }
}

/** A sample answer an item accepts: its first choice, or a word for text questions. */
function sampleResponse(
  item: GoogleAppsScript.Forms.Item,
): GoogleAppsScript.Forms.ItemResponse | null {
  const type = item.getType();
  const T = FormApp.ItemType;
  if (type === T.TEXT) return item.asTextItem().createResponse('x');
  if (type === T.PARAGRAPH_TEXT) return item.asParagraphTextItem().createResponse('x');
  if (type === T.LIST) {
    const list = item.asListItem();
    const first = list.getChoices()[0];
    return first ? list.createResponse(first.getValue()) : null;
  }
  if (type === T.MULTIPLE_CHOICE) {
    const choice = item.asMultipleChoiceItem();
    const first = choice.getChoices()[0];
    return first ? choice.createResponse(first.getValue()) : null;
  }
  if (type === T.CHECKBOX) {
    const box = item.asCheckboxItem();
    const first = box.getChoices()[0];
    return first ? box.createResponse([first.getValue()]) : null;
  }
  return null;
}

/**
 * Learns each question's prefill entry id (which is not its item id) by building, never
 * submitting, one response per question and reading the URL it prefills.
 */
export function learnEntryMap(form: Form, items: ItemMap): Record<string, FieldCode> {
  const entries: Record<string, FieldCode> = {};
  for (const code of FIELD_CODES) {
    const id = items[code];
    const item = id === undefined ? null : form.getItemById(id);
    const response = item ? sampleResponse(item) : null;
    if (!response) continue;
    const pairs = prefilledPairs(form.createResponse().withItemResponse(response).toPrefilledUrl());
    if (pairs.length === 1) entries[pairs[0].entry] = code;
  }
  return entries;
}
