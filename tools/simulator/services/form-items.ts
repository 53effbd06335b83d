// Form items: developers.google.com/apps-script/reference/forms/item and the typed item classes.
// One factory builds each class; the charge key names the class the script holds (Item.getTitle
// for a generic Item, ListItem.getTitle after asListItem()).

import { type Execution, ScriptError } from '../kernel';
import { createItemAnswer } from './form-item-response';
import type {
  ChoiceModel,
  FormModel,
  FormStore,
  ItemAnswer,
  ItemModel,
  ItemTypeName,
  Navigation,
  NavigationType,
} from './form-model';

export type ItemClass =
  | 'Item'
  | 'ListItem'
  | 'MultipleChoiceItem'
  | 'CheckboxItem'
  | 'TextItem'
  | 'ParagraphTextItem'
  | 'PageBreakItem'
  | 'SectionHeaderItem';

/** The typed class for each item type. */
export const CLASS_OF: Readonly<Record<ItemTypeName, ItemClass>> = {
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  PAGE_BREAK: 'PageBreakItem',
  SECTION_HEADER: 'SectionHeaderItem',
};

/** Builds Forms API objects bound to one execution. */
export interface FormsApi {
  readonly exec: Execution;
  readonly store: FormStore;
  form(model: FormModel): object;
  item(form: FormModel, item: ItemModel, cls?: ItemClass): object;
  itemResponse(form: FormModel, answer: ItemAnswer): object;
  /** Called after the script changes the form's questions, so the response sheet follows. */
  questionsChanged(form: FormModel): void;
}

interface ItemRef {
  readonly form: FormModel;
  readonly item: ItemModel;
}

const items = new WeakMap<object, ItemRef>();
const choices = new WeakMap<object, ChoiceModel>();

/** The item behind an API item the script hands back (deleteItem, createChoice, setGoToPage). */
export function itemOf(value: unknown): ItemRef | undefined {
  return typeof value === 'object' && value !== null ? items.get(value) : undefined;
}

const NAVIGATION_TYPES: readonly string[] = ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'];

/** A navigation target: a PageBreakItem (GO_TO_PAGE) or a PageNavigationType. */
function navigationOf(target: unknown, form: FormModel): Navigation {
  const ref = itemOf(target);
  if (ref && ref.form === form && ref.item.type === 'PAGE_BREAK') {
    return { type: 'GO_TO_PAGE', pageId: ref.item.id };
  }
  if (typeof target === 'string' && NAVIGATION_TYPES.includes(target)) {
    return { type: target as NavigationType };
  }
  throw new ScriptError('Invalid argument: goToPage');
}

/** developers.google.com/apps-script/reference/forms/choice */
function choiceApi(api: FormsApi, form: FormModel, choice: ChoiceModel): object {
  const charge = (m: string): void => api.exec.charge(`Choice.${m}`);
  const obj = {
    getValue: (): string => (charge('getValue'), choice.value),
    // developers.google.com/apps-script/reference/forms/choice#getGotoPage(): null unless GO_TO_PAGE.
    getGotoPage: (): object | null => {
      charge('getGotoPage');
      const page =
        choice.navigation?.pageId === undefined ? undefined : form.item(choice.navigation.pageId);
      return page ? api.item(form, page, 'PageBreakItem') : null;
    },
    getPageNavigationType: (): string | null => (
      charge('getPageNavigationType'),
      choice.navigation?.type ?? null
    ),
    toString: (): string => 'Choice',
  };
  choices.set(obj, choice);
  return obj;
}

export function itemApi(api: FormsApi, form: FormModel, item: ItemModel, cls: ItemClass): object {
  const charge = (m: string): void => api.exec.charge(`${cls}.${m}`);
  const self: Record<string, unknown> = {
    getId: (): number => (charge('getId'), item.id),
    getTitle: (): string => (charge('getTitle'), item.title),
    setTitle(title: string): object {
      charge('setTitle');
      item.title = String(title);
      api.questionsChanged(form);
      return self;
    },
    getHelpText: (): string => (charge('getHelpText'), item.helpText),
    setHelpText(text: string): object {
      charge('setHelpText');
      item.helpText = String(text);
      return self;
    },
    // developers.google.com/apps-script/reference/forms/item#getType(): an ItemType.
    getType: (): string => (charge('getType'), item.type),
    // developers.google.com/apps-script/reference/forms/item#getIndex(): 0-based position in the form.
    getIndex: (): number => (charge('getIndex'), form.items.indexOf(item)),
    // developers.google.com/apps-script/reference/forms/item#duplicate(): the copy goes to the end of the form.
    duplicate(): object {
      charge('duplicate');
      const copy = form.addItem(item.type);
      Object.assign(copy, {
        ...item,
        id: copy.id,
        entryId: copy.entryId,
        choices: [...item.choices],
      });
      api.questionsChanged(form);
      return api.item(form, copy, cls);
    },
    toString: (): string => cls,
  };
  if (cls === 'Item') Object.assign(self, conversions(api, form, item, charge));
  if (cls === 'ListItem' || cls === 'MultipleChoiceItem' || cls === 'CheckboxItem') {
    Object.assign(self, choiceMethods(api, form, item, cls, charge, self));
  }
  if (cls !== 'Item' && cls !== 'PageBreakItem' && cls !== 'SectionHeaderItem') {
    Object.assign(self, requiredMethods(item, charge, self));
  }
  if (cls === 'TextItem' || cls === 'ParagraphTextItem') {
    Object.assign(self, {
      // developers.google.com/apps-script/reference/forms/text-item#setValidation(TextValidation): stored, not enforced.
      setValidation(validation: unknown): object {
        charge('setValidation');
        item.validation = validation;
        return self;
      },
      clearValidation(): object {
        charge('clearValidation');
        item.validation = null;
        return self;
      },
    });
  }
  if (cls !== 'Item' && cls !== 'PageBreakItem' && cls !== 'SectionHeaderItem') {
    // developers.google.com/apps-script/reference/forms/text-item#createResponse(String) and the other question classes.
    self.createResponse = (response: unknown): object => {
      charge('createResponse');
      return api.itemResponse(form, createItemAnswer(item, response));
    };
  }
  if (cls === 'PageBreakItem') Object.assign(self, pageBreakMethods(api, form, item, charge, self));
  items.set(self, { form, item });
  return self;
}

/** developers.google.com/apps-script/reference/forms/item#asListItem(): the wrong type throws. */
function conversions(
  api: FormsApi,
  form: FormModel,
  item: ItemModel,
  charge: (m: string) => void,
): object {
  const as = (method: string, type: ItemTypeName) => (): object => {
    charge(method);
    // Commonly reported text: "Invalid conversion for item type: PAGE_BREAK".
    if (item.type !== type) throw new ScriptError(`Invalid conversion for item type: ${item.type}`);
    return api.item(form, item, CLASS_OF[type]);
  };
  return {
    asListItem: as('asListItem', 'LIST'),
    asMultipleChoiceItem: as('asMultipleChoiceItem', 'MULTIPLE_CHOICE'),
    asCheckboxItem: as('asCheckboxItem', 'CHECKBOX'),
    asTextItem: as('asTextItem', 'TEXT'),
    asParagraphTextItem: as('asParagraphTextItem', 'PARAGRAPH_TEXT'),
    asPageBreakItem: as('asPageBreakItem', 'PAGE_BREAK'),
    asSectionHeaderItem: as('asSectionHeaderItem', 'SECTION_HEADER'),
  };
}

function requiredMethods(item: ItemModel, charge: (m: string) => void, self: object): object {
  return {
    setRequired(required: boolean): object {
      charge('setRequired');
      item.required = Boolean(required);
      return self;
    },
    isRequired: (): boolean => (charge('isRequired'), item.required),
  };
}

/** developers.google.com/apps-script/reference/forms/list-item (and multiple-choice-item, checkbox-item). */
function choiceMethods(
  api: FormsApi,
  form: FormModel,
  item: ItemModel,
  cls: ItemClass,
  charge: (m: string) => void,
  self: object,
): object {
  const methods: Record<string, unknown> = {
    setChoiceValues(values: readonly unknown[]): object {
      charge('setChoiceValues');
      item.choices = [...values].map((v) => ({ value: String(v), navigation: null }));
      return self;
    },
    setChoices(list: readonly unknown[]): object {
      charge('setChoices');
      item.choices = [...list].map((c) => {
        const model = typeof c === 'object' && c !== null ? choices.get(c) : undefined;
        if (!model) throw new ScriptError('Invalid argument: choices');
        return model;
      });
      return self;
    },
    getChoices: (): object[] => (
      charge('getChoices'),
      item.choices.map((c) => choiceApi(api, form, c))
    ),
    // developers.google.com/apps-script/reference/forms/list-item#createChoice(String,PageBreakItem): checkbox choices cannot navigate.
    createChoice(value: unknown, target?: unknown): object {
      charge('createChoice');
      if (target !== undefined && cls === 'CheckboxItem')
        throw new ScriptError('Invalid argument: navigation');
      const navigation = target === undefined ? null : navigationOf(target, form);
      return choiceApi(api, form, { value: String(value), navigation });
    },
  };
  if (cls !== 'ListItem') {
    // developers.google.com/apps-script/reference/forms/multiple-choice-item#showOtherOption(Boolean)
    methods.showOtherOption = (enabled: boolean): object => {
      charge('showOtherOption');
      item.hasOtherOption = Boolean(enabled);
      return self;
    };
    methods.hasOtherOption = (): boolean => (charge('hasOtherOption'), item.hasOtherOption);
  }
  return methods;
}

/** developers.google.com/apps-script/reference/forms/page-break-item */
function pageBreakMethods(
  api: FormsApi,
  form: FormModel,
  item: ItemModel,
  charge: (m: string) => void,
  self: object,
): object {
  return {
    // developers.google.com/apps-script/reference/forms/page-break-item#setGoToPage(PageBreakItem)
    setGoToPage(target: unknown): object {
      charge('setGoToPage');
      item.goTo = navigationOf(target, form);
      return self;
    },
    // developers.google.com/apps-script/reference/forms/page-break-item#getGoToPage(): null unless a page is the target.
    getGoToPage(): object | null {
      charge('getGoToPage');
      const page = item.goTo.pageId === undefined ? undefined : form.item(item.goTo.pageId);
      return page ? api.item(form, page, 'PageBreakItem') : null;
    },
    // developers.google.com/apps-script/reference/forms/page-break-item#getPageNavigationType()
    getPageNavigationType: (): string => (charge('getPageNavigationType'), item.goTo.type),
  };
}
