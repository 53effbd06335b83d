// FormResponse: developers.google.com/apps-script/reference/forms/form-response. One object serves
// a submitted response (getResponses, the submit event) and a script's unsubmitted one
// (Form.createResponse), which collects answers with withItemResponse until submit().

import { ScriptError, SimDate } from '../kernel';
import type { AnswerValue } from './form-answers';
import { itemResponseApi, itemResponseOf } from './form-item-response';
import { itemOf, type FormsApi } from './form-items';
import type { FormModel, FormResponseModel, ItemAnswer } from './form-model';

interface ResponseState {
  /** The stored response once submitted; null for a response the script is still building. */
  submitted: FormResponseModel | null;
  /** The answers this object holds: the stored ones, or those added with withItemResponse. */
  answers: ItemAnswer[];
}

export function formResponseApi(
  api: FormsApi,
  form: FormModel,
  response: FormResponseModel,
): object {
  return responseApi(api, form, { submitted: response, answers: [...response.answers] });
}

/** developers.google.com/apps-script/reference/forms/form#createResponse(): a new, unsubmitted response. */
export function newFormResponseApi(api: FormsApi, form: FormModel): object {
  return responseApi(api, form, { submitted: null, answers: [] });
}

/**
 * developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl(): the published
 * URL with `usp=pp_url` and one `entry.<question id>=<answer>` per answered item in form order; a
 * checkbox answer repeats the parameter once per chosen value.
 */
export function prefilledUrl(form: FormModel, answers: readonly ItemAnswer[]): string {
  let url = `${form.publishedUrl}?usp=pp_url`;
  for (const item of form.items) {
    const answer = answers.find((a) => a.itemId === item.id);
    if (!answer) continue;
    const values = typeof answer.value === 'string' ? [answer.value] : answer.value;
    for (const v of values) url += `&entry.${item.entryId}=${encodeURIComponent(v)}`;
  }
  return url;
}

function inFormOrder(form: FormModel, answers: readonly ItemAnswer[]): ItemAnswer[] {
  const order = (id: number): number => form.items.findIndex((i) => i.id === id);
  return answers
    .filter((a) => form.item(a.itemId) !== undefined)
    .sort((a, b) => order(a.itemId) - order(b.itemId));
}

function responseApi(api: FormsApi, form: FormModel, state: ResponseState): object {
  const charge = (m: string): void => api.exec.charge(`FormResponse.${m}`);
  const self: Record<string, unknown> = {
    // developers.google.com/apps-script/reference/forms/form-response#getId(): null until submitted.
    getId: (): string | null => (charge('getId'), state.submitted?.id ?? null),
    // developers.google.com/apps-script/reference/forms/form-response#getTimestamp(): null until submitted (our reading; the page gives no value).
    getTimestamp: (): Date | null => {
      charge('getTimestamp');
      return state.submitted ? new SimDate(state.submitted.timestampMs) : null;
    },
    // developers.google.com/apps-script/reference/forms/form-response#getItemResponses(): answered items, in form order.
    getItemResponses(): object[] {
      charge('getItemResponses');
      return inFormOrder(form, state.answers).map((a) => itemResponseApi(api, form, a));
    },
    // developers.google.com/apps-script/reference/forms/form-response#getResponseForItem(Item): null when unanswered.
    getResponseForItem(item: unknown): object | null {
      charge('getResponseForItem');
      const ref = itemOf(item);
      const answer = ref ? state.answers.find((a) => a.itemId === ref.item.id) : undefined;
      return answer ? itemResponseApi(api, form, answer) : null;
    },
    // developers.google.com/apps-script/reference/forms/form-response#getRespondentEmail(): '' unless emails are collected.
    getRespondentEmail: (): string => (
      charge('getRespondentEmail'),
      state.submitted?.respondentEmail ?? ''
    ),
    // developers.google.com/apps-script/reference/forms/form-response#getEditResponseUrl()
    getEditResponseUrl(): string {
      charge('getEditResponseUrl');
      // The reference speaks only of submitted responses; this wording is ours.
      if (!state.submitted) throw new ScriptError('The response has not been submitted yet.');
      return form.editResponseUrl(state.submitted.id);
    },
    // developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()
    toPrefilledUrl: (): string => (charge('toPrefilledUrl'), prefilledUrl(form, state.answers)),
    // developers.google.com/apps-script/reference/forms/form-response#withItemResponse(ItemResponse): adds or replaces that item's answer.
    withItemResponse(response: unknown): object {
      charge('withItemResponse');
      const ref = itemResponseOf(response);
      // The reference gives no text for an ItemResponse of another form; this wording is ours.
      if (!ref || ref.form !== form) throw new ScriptError('Invalid argument: response');
      const i = state.answers.findIndex((a) => a.itemId === ref.answer.itemId);
      if (i >= 0) state.answers[i] = ref.answer;
      else state.answers.push(ref.answer);
      return self;
    },
    // developers.google.com/apps-script/reference/forms/form-response#submit()
    submit(): object {
      charge('submit');
      if (state.submitted) {
        // Re-submitting (editing) a stored response is not emulated: fail loudly, not silently.
        throw new Error(
          'Simulator: FormResponse.submit() on an already submitted response is not emulated',
        );
      }
      const answers = new Map<number, AnswerValue>(state.answers.map((a) => [a.itemId, a.value]));
      // The respondent is the user running the script; emails are kept only when the form collects them.
      const email = api.exec.effectiveUser || api.exec.activeUser;
      state.submitted = api.store.record(form, answers, api.exec.now(), email);
      state.answers = [...state.submitted.answers];
      return self;
    },
    toString: (): string => 'FormResponse',
  };
  return self;
}
