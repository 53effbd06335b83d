// The FormApp global and Form: developers.google.com/apps-script/reference/forms/form-app and /form

import { type Execution, isDate, ScriptError } from '../kernel';
import {
  linkDestination,
  NO_ITEM_WITH_ID,
  syncResponseColumns,
  unlinkDestination,
} from './form-destination';
import { itemResponseApi } from './form-item-response';
import { CLASS_OF, type FormsApi, itemApi, itemOf } from './form-items';
import type { FormModel, FormSettings, FormStore, ItemTypeName } from './form-model';
import { formResponseApi, newFormResponseApi } from './form-response';

/** developers.google.com/apps-script/reference/forms/item-type (the types this simulator supports). */
export const ItemType = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  LIST: 'LIST',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  PAGE_BREAK: 'PAGE_BREAK',
  PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
  SECTION_HEADER: 'SECTION_HEADER',
  TEXT: 'TEXT',
});
/** developers.google.com/apps-script/reference/forms/destination-type */
export const DestinationType = Object.freeze({ SPREADSHEET: 'SPREADSHEET' });
/** developers.google.com/apps-script/reference/forms/page-navigation-type */
export const PageNavigationType = Object.freeze({
  CONTINUE: 'CONTINUE',
  GO_TO_PAGE: 'GO_TO_PAGE',
  RESTART: 'RESTART',
  SUBMIT: 'SUBMIT',
});

/** Builds Forms API objects bound to one execution. */
export function createFormsApi(exec: Execution, store: FormStore): FormsApi {
  const api: FormsApi = {
    exec,
    store,
    form: (model) => formApi(api, model),
    item: (form, item, cls = 'Item') => itemApi(api, form, item, cls),
    itemResponse: (form, answer) => itemResponseApi(api, form, answer),
    questionsChanged: (form) => syncResponseColumns(store.spreadsheets, form),
  };
  return api;
}

/** Commonly reported text for getDestinationId/getDestinationType on an unlinked form. */
const NO_DESTINATION = 'The form currently has no response destination.';

function formApi(api: FormsApi, form: FormModel): object {
  const charge = (m: string, units = 0): void => api.exec.charge(`Form.${m}`, units);
  const self: Record<string, unknown> = {};
  const setter =
    <K extends keyof FormSettings>(method: string, key: K, cast: (v: unknown) => FormSettings[K]) =>
    (value: unknown): object => {
      charge(method);
      form.settings[key] = cast(value);
      return self;
    };
  const getter =
    <K extends keyof FormSettings>(method: string, key: K) =>
    (): FormSettings[K] => {
      charge(method);
      return form.settings[key];
    };
  const add = (method: string, type: ItemTypeName) => (): object => {
    charge(method);
    const item = form.addItem(type);
    api.questionsChanged(form);
    return api.item(form, item, CLASS_OF[type]);
  };
  const indexOf = (target: unknown, method: string): number => {
    const i =
      typeof target === 'number' ? target : form.items.indexOf(itemOf(target)?.item as never);
    // The docs give no text for a bad index; this wording is ours.
    if (!Number.isInteger(i) || i < 0 || i >= form.items.length)
      throw new ScriptError(`Invalid argument: ${method}`);
    return i;
  };
  Object.assign(self, {
    getId: (): string => (charge('getId'), form.id),
    getTitle: getter('getTitle', 'title'),
    setTitle: setter('setTitle', 'title', String),
    getDescription: getter('getDescription', 'description'),
    setDescription: setter('setDescription', 'description', String),
    getConfirmationMessage: getter('getConfirmationMessage', 'confirmationMessage'),
    setConfirmationMessage: setter('setConfirmationMessage', 'confirmationMessage', String),
    getCustomClosedFormMessage: getter('getCustomClosedFormMessage', 'customClosedFormMessage'),
    setCustomClosedFormMessage: setter(
      'setCustomClosedFormMessage',
      'customClosedFormMessage',
      String,
    ),
    // developers.google.com/apps-script/reference/forms/form#setCollectEmail(Boolean)
    collectsEmail: getter('collectsEmail', 'collectEmail'),
    setCollectEmail(collect: unknown): object {
      setter('setCollectEmail', 'collectEmail', Boolean)(collect);
      api.questionsChanged(form);
      return self;
    },
    // developers.google.com/apps-script/reference/forms/form#setAcceptingResponses(Boolean)
    isAcceptingResponses: getter('isAcceptingResponses', 'acceptingResponses'),
    setAcceptingResponses: setter('setAcceptingResponses', 'acceptingResponses', Boolean),
    canEditResponse: getter('canEditResponse', 'allowResponseEdits'),
    setAllowResponseEdits: setter('setAllowResponseEdits', 'allowResponseEdits', Boolean),
    hasLimitOneResponsePerUser: getter('hasLimitOneResponsePerUser', 'limitOneResponsePerUser'),
    setLimitOneResponsePerUser: setter(
      'setLimitOneResponsePerUser',
      'limitOneResponsePerUser',
      Boolean,
    ),
    // developers.google.com/apps-script/reference/forms/form#setRequireLogin(Boolean): Google Workspace only.
    requiresLogin: getter('requiresLogin', 'requireLogin'),
    setRequireLogin: setter('setRequireLogin', 'requireLogin', Boolean),
    getPublishedUrl: (): string => (charge('getPublishedUrl'), form.publishedUrl),
    getEditUrl: (): string => (charge('getEditUrl'), form.editUrl),
    getSummaryUrl: (): string => (
      charge('getSummaryUrl'),
      form.editUrl.replace(/edit$/, 'viewanalytics')
    ),
    addListItem: add('addListItem', 'LIST'),
    addMultipleChoiceItem: add('addMultipleChoiceItem', 'MULTIPLE_CHOICE'),
    addCheckboxItem: add('addCheckboxItem', 'CHECKBOX'),
    addTextItem: add('addTextItem', 'TEXT'),
    addParagraphTextItem: add('addParagraphTextItem', 'PARAGRAPH_TEXT'),
    addPageBreakItem: add('addPageBreakItem', 'PAGE_BREAK'),
    addSectionHeaderItem: add('addSectionHeaderItem', 'SECTION_HEADER'),
    // developers.google.com/apps-script/reference/forms/form#getItems(ItemType): all items, or those of one type.
    getItems(type?: string): object[] {
      charge('getItems');
      return form.items
        .filter((i) => type === undefined || i.type === String(type))
        .map((i) => api.item(form, i));
    },
    // developers.google.com/apps-script/reference/forms/form#getItemById(Integer): null if absent.
    getItemById(id: number): object | null {
      charge('getItemById');
      const item = form.item(Number(id));
      return item ? api.item(form, item) : null;
    },
    // developers.google.com/apps-script/reference/forms/form#deleteItem(Item), and deleteItem(Integer).
    deleteItem(target: unknown): void {
      charge('deleteItem');
      form.items.splice(indexOf(target, 'deleteItem'), 1);
    },
    // developers.google.com/apps-script/reference/forms/form#moveItem(Item,Integer)
    moveItem(target: unknown, toIndex: number): object {
      charge('moveItem');
      const [item] = form.items.splice(indexOf(target, 'moveItem'), 1);
      form.items.splice(Math.max(0, Math.min(toIndex, form.items.length)), 0, item);
      return api.item(form, item);
    },
    // developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String): adds a response sheet.
    setDestination(type: unknown, id: string): object {
      charge('setDestination');
      if (type !== DestinationType.SPREADSHEET) throw new ScriptError('Invalid argument: type');
      if (form.destination) unlinkDestination(api.store.spreadsheets, form);
      linkDestination(api.store.spreadsheets, form, String(id));
      return self;
    },
    getDestinationId(): string {
      charge('getDestinationId');
      if (!form.destination) throw new ScriptError(NO_DESTINATION);
      return form.destination.spreadsheetId;
    },
    getDestinationType(): string {
      charge('getDestinationType');
      if (!form.destination) throw new ScriptError(NO_DESTINATION);
      return DestinationType.SPREADSHEET;
    },
    // developers.google.com/apps-script/reference/forms/form#removeDestination(): the sheet stays, unlinked.
    removeDestination(): object {
      charge('removeDestination');
      unlinkDestination(api.store.spreadsheets, form);
      return self;
    },
    // developers.google.com/apps-script/reference/forms/form#getResponses(Date): "responses after a given date and time" — read as strictly after.
    getResponses(timestamp?: unknown): object[] {
      const after =
        timestamp === undefined ? -Infinity : isDate(timestamp) ? timestamp.getTime() : NaN;
      const list = form.responses.filter((r) => r.timestampMs > after);
      charge('getResponses', list.length);
      if (Number.isNaN(after)) throw new ScriptError('Invalid argument: timestamp');
      return list.map((r) => formResponseApi(api, form, r));
    },
    // developers.google.com/apps-script/reference/forms/form#getResponse(String)
    getResponse(responseId: string): object {
      charge('getResponse', 1);
      const response = form.responses.find((r) => r.id === String(responseId));
      // The docs give no text for an unknown id; this wording is ours.
      if (!response) throw new ScriptError(`Invalid argument: ${responseId}`);
      return formResponseApi(api, form, response);
    },
    // developers.google.com/apps-script/reference/forms/form#createResponse(): not in getResponses() until submitted.
    createResponse(): object {
      charge('createResponse');
      return newFormResponseApi(api, form);
    },
    // developers.google.com/apps-script/reference/forms/form#deleteAllResponses(): rows already in the sheet stay.
    deleteAllResponses(): object {
      charge('deleteAllResponses');
      form.responses.splice(0);
      return self;
    },
    toString: (): string => 'Form',
  });
  return self;
}

export function createFormApp(exec: Execution, store: FormStore): object {
  const api = createFormsApi(exec, store);
  const open = (id: string, method: string): object => {
    exec.requireAuthorization(`FormApp.${method}`);
    const form = store.get(id);
    // Commonly reported text for a missing or unshared form (shared with DriveApp).
    if (!form) throw new ScriptError(NO_ITEM_WITH_ID);
    return api.form(form);
  };
  return {
    ItemType,
    DestinationType,
    PageNavigationType,
    // developers.google.com/apps-script/reference/forms/form-app#create(String)
    create(title: string): object {
      exec.charge('FormApp.create');
      exec.requireAuthorization('FormApp.create');
      return api.form(store.create(String(title)));
    },
    // developers.google.com/apps-script/reference/forms/form-app#openById(String)
    openById(id: string): object {
      exec.charge('FormApp.openById');
      return open(String(id), 'openById');
    },
    // developers.google.com/apps-script/reference/forms/form-app#openByUrl(String)
    openByUrl(url: string): object {
      exec.charge('FormApp.openByUrl');
      const text = String(url);
      const byEdit = /\/forms\/d\/([^/]+)\/edit/.exec(text);
      const published = store.all().find((f) => text.includes(f.publishedId));
      return open(byEdit ? byEdit[1] : (published?.id ?? text), 'openByUrl');
    },
    // developers.google.com/apps-script/reference/forms/form-app#getActiveForm(): null outside a form-bound script.
    getActiveForm(): object | null {
      exec.charge('FormApp.getActiveForm');
      return null;
    },
    toString: (): string => 'FormApp',
  };
}
