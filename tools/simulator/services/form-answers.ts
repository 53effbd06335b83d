// What a form accepts as an answer: question kinds, choice checks and the sections a respondent
// actually walks through. Shared by the harness's submit and the scripts' createResponse.

import type { FormModel, ItemModel, Navigation } from './form-model';

export type AnswerValue = string | readonly string[];

/** Item kinds that take answers; page breaks and section headers are layout only. */
export function isQuestion(item: ItemModel): boolean {
  return item.type !== 'PAGE_BREAK' && item.type !== 'SECTION_HEADER';
}

export function toList(value: AnswerValue): readonly string[] {
  return typeof value === 'string' ? [value] : [...value];
}

export function isBlank(value: AnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' ? value === '' : value.length === 0);
}

/**
 * Whether a choice item takes `value`: one of its choices, or anything when the item shows an
 * "other" option (developers.google.com/apps-script/reference/forms/multiple-choice-item#createResponse(String)
 * and checkbox-item#createResponse(String)); a ListItem has no "other" option
 * (developers.google.com/apps-script/reference/forms/list-item#createResponse(String)).
 */
export function choiceAccepts(item: ItemModel, value: string): boolean {
  if (item.choices.some((c) => c.value === value)) return true;
  return item.hasOtherOption && (item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX');
}

/** Harness checks on one answer; a mistake throws a plain Error (the Forms UI would refuse it). */
export function checkAnswer(form: FormModel, itemId: number, value: AnswerValue): void {
  const item = form.item(itemId);
  if (!item) throw new Error(`submit: form ${form.id} has no item ${itemId}`);
  if (!isQuestion(item))
    throw new Error(`submit: item ${itemId} is a ${item.type}, not a question`);
  if (item.type !== 'CHECKBOX' && typeof value !== 'string') {
    throw new Error(`submit: item ${itemId} (${item.type}) takes one string`);
  }
  if (item.type === 'LIST' || item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX') {
    for (const v of toList(value)) {
      if (!choiceAccepts(item, v))
        throw new Error(`submit: "${v}" is not a choice of item ${itemId}`);
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
  answers: ReadonlyMap<number, AnswerValue>,
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
