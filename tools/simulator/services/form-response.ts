// FormResponse and ItemResponse: developers.google.com/apps-script/reference/forms/form-response

import { SimDate } from '../kernel';
import { itemOf, type FormsApi } from './form-items';
import type { FormModel, FormResponseModel, ItemAnswer } from './form-model';

/** developers.google.com/apps-script/reference/forms/item-response */
function itemResponseApi(api: FormsApi, form: FormModel, answer: ItemAnswer): object {
  const charge = (m: string): void => api.exec.charge(`ItemResponse.${m}`);
  return {
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
}

export function formResponseApi(
  api: FormsApi,
  form: FormModel,
  response: FormResponseModel,
): object {
  const charge = (m: string): void => api.exec.charge(`FormResponse.${m}`);
  return {
    getId: (): string => (charge('getId'), response.id),
    // developers.google.com/apps-script/reference/forms/form-response#getTimestamp()
    getTimestamp: (): Date => (charge('getTimestamp'), new SimDate(response.timestampMs)),
    // developers.google.com/apps-script/reference/forms/form-response#getItemResponses(): answered items, in form order.
    getItemResponses(): object[] {
      charge('getItemResponses');
      const order = (id: number): number => form.items.findIndex((i) => i.id === id);
      return response.answers
        .filter((a) => form.item(a.itemId) !== undefined)
        .sort((a, b) => order(a.itemId) - order(b.itemId))
        .map((a) => itemResponseApi(api, form, a));
    },
    // developers.google.com/apps-script/reference/forms/form-response#getResponseForItem(Item): null when unanswered.
    getResponseForItem(item: unknown): object | null {
      charge('getResponseForItem');
      const ref = itemOf(item);
      const answer = ref ? response.answers.find((a) => a.itemId === ref.item.id) : undefined;
      return answer ? itemResponseApi(api, form, answer) : null;
    },
    // developers.google.com/apps-script/reference/forms/form-response#getRespondentEmail(): '' unless emails are collected.
    getRespondentEmail: (): string => (charge('getRespondentEmail'), response.respondentEmail),
    // developers.google.com/apps-script/reference/forms/form-response#getEditResponseUrl()
    getEditResponseUrl: (): string => (
      charge('getEditResponseUrl'),
      form.editResponseUrl(response.id)
    ),
    toString: (): string => 'FormResponse',
  };
}
