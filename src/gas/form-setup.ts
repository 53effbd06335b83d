// Creates or repairs the citizen form from core's definition. Idempotent: existing items are
// updated in place (their ids, which intake relies on, never change); missing ones are recreated.
import {
  FORM_QUESTIONS,
  NO,
  SECTION_TITLES,
  YES,
  type FieldCode,
  type QuestionDefinition,
} from '../core/intake/form-definition';
import type { KeyValueStore } from '../ports/entity-state';
import {
  FORM_ENTRIES_KEY,
  FORM_ID_KEY,
  FORM_ITEMS_KEY,
  learnEntryMap,
  readItemMap,
  type ItemMap,
} from './form-responses';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type PageBreakItem = GoogleAppsScript.Forms.PageBreakItem;

export const FORM_PAGES_KEY = 'form.pages';

export interface FormSetupResult {
  readonly form: Form;
  readonly created: boolean;
  readonly repairedItems: readonly string[];
  readonly warnings: readonly string[];
}

function openForm(state: KeyValueStore, formUrl: string | null): Form | null {
  const id = state.get(FORM_ID_KEY);
  try {
    if (id) return FormApp.openById(id);
  } catch {
    // deleted or no longer shared: try the form linked to the spreadsheet, else create a new one
  }
  // A lost script store (copied spreadsheet, recreated script) must not create a second form:
  // the form that sends its responses here is the citizens' form.
  if (!formUrl) return null;
  try {
    const form = FormApp.openByUrl(formUrl);
    state.set(FORM_ID_KEY, form.getId());
    return form;
  } catch {
    return null;
  }
}

/** Creates the question; returns it as a generic Item (the add* methods return typed items). */
function addItem(form: Form, q: QuestionDefinition): Item {
  const created =
    q.kind === 'list'
      ? form.addListItem()
      : q.kind === 'choice'
        ? form.addMultipleChoiceItem()
        : q.kind === 'checkbox'
          ? form.addCheckboxItem()
          : q.kind === 'paragraph'
            ? form.addParagraphTextItem()
            : form.addTextItem();
  return form.getItemById(created.getId())!;
}

/** Applies title, help, required flag and choices; `navigation` sends anonymous filers past identity. */
function configureItem(
  item: Item,
  q: QuestionDefinition,
  choices: readonly string[],
  pages: { identity: PageBreakItem; request: PageBreakItem },
  helpTexts: Partial<Record<FieldCode, string>>,
): void {
  // The consent question carries the entity's privacy notice, the reserva question the types the
  // entity offers it for (both from Configuración).
  item.setTitle(q.title).setHelpText(helpTexts[q.code] || q.help);
  if (q.kind === 'list') {
    const list = item.asListItem();
    list.setRequired(q.required);
    if (choices.length > 0) list.setChoiceValues([...choices]);
  } else if (q.kind === 'choice') {
    const mc = item.asMultipleChoiceItem();
    mc.setRequired(q.required);
    if (q.code === 'anonymous') {
      mc.setChoices([mc.createChoice(NO, pages.identity), mc.createChoice(YES, pages.request)]);
    } else {
      mc.setChoiceValues([...choices]);
    }
  } else if (q.kind === 'checkbox') {
    const cb = item.asCheckboxItem();
    cb.setRequired(q.required);
    cb.setChoiceValues([...choices]);
  } else if (q.kind === 'paragraph') {
    item.asParagraphTextItem().setRequired(q.required);
  } else {
    item.asTextItem().setRequired(q.required);
  }
}

function ensurePage(
  form: Form,
  key: 'identity' | 'request',
  pagesMap: Record<string, number>,
): { page: PageBreakItem; created: boolean } {
  const id = pagesMap[key];
  const existing = id !== undefined ? form.getItemById(id) : null;
  if (existing) return { page: existing.asPageBreakItem(), created: false };
  const page = form.addPageBreakItem().setTitle(SECTION_TITLES[key]);
  pagesMap[key] = page.getId();
  return { page, created: true };
}

export function ensureCitizenForm(input: {
  readonly state: KeyValueStore;
  readonly entityName: string;
  /** The tracking spreadsheet: never the form's destination. */
  readonly spreadsheetId: string;
  /** The data store, where the form's responses are kept ('' when it could not be set up). */
  readonly destinationId: string;
  readonly dependencies: readonly string[];
  /** Help texts from Configuración (the privacy notice of the consent question…), by question. */
  readonly helpTexts?: Partial<Record<FieldCode, string>>;
  /** The web app's page of published answers (CPACA art. 69), '' before the web app exists. */
  readonly publicationsUrl?: string;
  /** `Spreadsheet.getFormUrl()`: the form already linked to the spreadsheet, if any. */
  readonly linkedFormUrl: string | null;
}): FormSetupResult {
  const { state } = input;
  let form = openForm(state, input.linkedFormUrl);
  const created = form === null;
  if (!form) {
    form = FormApp.create(`PQRSD - ${input.entityName}`);
    state.set(FORM_ID_KEY, form.getId());
    state.set(FORM_ITEMS_KEY, '{}');
    state.set(FORM_PAGES_KEY, '{}');
  }
  form
    .setTitle(`Peticiones, quejas, reclamos, sugerencias y denuncias - ${input.entityName}`)
    .setDescription(
      'Presente aquí su PQRSD. Recibirá un número de radicado y la fecha límite de respuesta. Los campos marcados con * son obligatorios; si presenta la solicitud de forma anónima no le pediremos sus datos.',
    )
    .setConfirmationMessage(
      // The same for everyone (an anonymous filer gets no private link): where answers are published.
      `Recibimos su solicitud. Si dejó un correo electrónico, le enviaremos el número de radicado y el enlace para seguir su caso.${input.publicationsUrl ? ` Si la presentó de forma anónima o sin datos de contacto, la respuesta se publicará en ${input.publicationsUrl}` : ''}`,
    );
  form.setCollectEmail(false);
  form.setAllowResponseEdits(false);
  const warnings: string[] = [];
  // Citizens have no account in the entity's domain; Workspace forms may default to domain-only.
  // setRequireLogin exists only for Google Workspace accounts, so a consumer account throws here.
  try {
    if (form.requiresLogin()) form.setRequireLogin(false);
  } catch (error) {
    // Consumer accounts have no domain restriction and refuse the call; a Workspace that refused
    // it would keep citizens out, so the admin is told what to check.
    warnings.push(
      `Si la entidad usa Google Workspace, verifique en el formulario (Configuración > Respuestas) que no exija iniciar sesión: los ciudadanos no tienen cuenta institucional. (${error instanceof Error ? error.message : String(error)})`,
    );
  }

  const items: ItemMap = created ? {} : readItemMap(state);
  let pagesMap: Record<string, number> = {};
  try {
    pagesMap = JSON.parse(state.get(FORM_PAGES_KEY) ?? '{}') as Record<string, number>;
  } catch {
    pagesMap = {};
  }
  const repaired: string[] = [];
  const existingItems = new Map<number, Item>(form.getItems().map((item) => [item.getId(), item]));
  const byTitle = new Map<string, Item>();
  for (const item of existingItems.values()) byTitle.set(item.getTitle(), item);
  const resolve = (code: FieldCode): Item | null => {
    const id = items[code];
    const known = id !== undefined ? (existingItems.get(id) ?? null) : null;
    if (known) return known;
    // A lost item map is recovered by title before anything is recreated (no duplicate questions).
    const title = FORM_QUESTIONS.find((q) => q.code === code)?.title ?? '';
    const found = byTitle.get(title) ?? null;
    if (found) items[code] = found.getId();
    return found;
  };

  // Build in form order: start questions, identity page, identity questions, request page, request questions.
  const identity = ensurePage(form, 'identity', pagesMap);
  const request = ensurePage(form, 'request', pagesMap);
  const pages = { identity: identity.page, request: request.page };
  const order: Item[] = [];
  for (const section of ['start', 'identity', 'request'] as const) {
    if (section === 'identity') order.push(form.getItemById(pages.identity.getId())!);
    if (section === 'request') order.push(form.getItemById(pages.request.getId())!);
    for (const q of FORM_QUESTIONS.filter((question) => question.section === section)) {
      let item = resolve(q.code);
      if (!item) {
        item = addItem(form, q);
        items[q.code] = item.getId();
        if (!created) repaired.push(q.title);
      }
      const choices = q.code === 'dependency' ? input.dependencies : (q.choices ?? []);
      configureItem(item, q, choices, pages, input.helpTexts ?? {});
      order.push(item);
    }
  }
  if (created || identity.created || request.created || repaired.length > 0) {
    const target = form;
    order.forEach((item, index) => target.moveItem(item, index));
  }
  state.set(FORM_ITEMS_KEY, JSON.stringify(items));
  state.set(FORM_PAGES_KEY, JSON.stringify(pagesMap));

  // Responses are a raw copy of every petitioner's data: they go to the data store, shared only
  // with the data stewards, never to the tracking spreadsheet every clerk reads (Ley 1581).
  let destination = '';
  try {
    destination = form.getDestinationId();
  } catch {
    destination = ''; // no destination yet
  }
  if (input.destinationId && destination !== input.destinationId)
    form.setDestination(FormApp.DestinationType.SPREADSHEET, input.destinationId);
  else if (!input.destinationId && destination === input.spreadsheetId) form.removeDestination();
  state.set(FORM_ENTRIES_KEY, JSON.stringify(learnEntryMap(form, items)));
  return { form, created, repairedItems: repaired, warnings };
}
