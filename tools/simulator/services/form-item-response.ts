// ItemResponse: developers.google.com/apps-script/reference/forms/item-response. Built for
// submitted answers (FormResponse.getItemResponses) and by each question item's createResponse.

import { ScriptError } from '../kernel';
import { type AnswerValue, choiceAccepts, isQuestion } from './form-answers';
import type { FormsApi } from './form-items';
import type { FormModel, ItemAnswer, ItemModel } from './form-model';

interface ItemResponseRef {
  readonly form: FormModel;
  readonly answer: ItemAnswer;
}

const itemResponses = new WeakMap<object, ItemResponseRef>();

/** The answer behind an ItemResponse the script hands back (FormResponse.withItemResponse). */
export function itemResponseOf(value: unknown): ItemResponseRef | undefined {
  return typeof value === 'object' && value !== null ? itemResponses.get(value) : undefined;
}

/** developers.google.com/apps-script/reference/forms/item-response */
export function itemResponseApi(api: FormsApi, form: FormModel, answer: ItemAnswer): object {
  const charge = (m: string): void => api.exec.charge(`ItemResponse.${m}`);
  const self = {
    getItem(): object | null {
      charge('getItem');
      const item = form.item(answer.itemId);
      return item ? api.item(form, item) : null;
    },
    // developers.google.com/apps-script/reference/forms/item-response#getResponse(): String, or String[] for checkboxes.
    getResponse(): string | string[] {
      charge('getResponse');
      return typeof answer.value === 'string' ? answer.value : [...answer.value];
    },
    toString: (): string => 'ItemResponse',
  };
  itemResponses.set(self, { form, answer });
  return self;
}

/**
 * The answer a question item's createResponse builds. Text items take any text; a multiple-choice
 * or checkbox answer must be one of the choices unless the item shows "other"
 * (developers.google.com/apps-script/reference/forms/multiple-choice-item#createResponse(String),
 * checkbox-item#createResponse(String)); a list item has no "other"
 * (developers.google.com/apps-script/reference/forms/list-item#createResponse(String)).
 */
export function createItemAnswer(item: ItemModel, response: unknown): ItemAnswer {
  if (!isQuestion(item)) throw new Error(`createResponse: ${item.type} takes no answers`);
  let value: AnswerValue;
  if (item.type === 'CHECKBOX') {
    // developers.google.com/apps-script/reference/forms/checkbox-item#createResponse(String): a String[].
    if (!Array.isArray(response)) throw new ScriptError('Invalid argument: responses');
    value = response.map(String);
  } else {
    value = String(response);
  }
  if (item.type !== 'TEXT' && item.type !== 'PARAGRAPH_TEXT') {
    for (const v of typeof value === 'string' ? [value] : value) {
      // The reference says only that it throws; this wording is ours.
      if (!choiceAccepts(item, v))
        throw new ScriptError(`Invalid response: "${v}" is not a choice of this item.`);
    }
  }
  return { itemId: item.id, value };
}
