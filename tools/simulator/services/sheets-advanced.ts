// The Sheets advanced service (Sheets API v4 through Apps Script), only the filter-view part:
// Spreadsheets.get and Spreadsheets.batchUpdate with add/update/deleteFilterView.
// developers.google.com/apps-script/advanced/sheets; the request and resource shapes are the REST
// API's (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request).
import { type Execution, ScriptError } from '../kernel';
import type { SpreadsheetModel, SpreadsheetStore } from './spreadsheet-model';
import type { SheetModel } from './spreadsheet-sheet-model';

/** A filter view as the API stores it (developers.google.com/sheets/api/reference/rest/v4/spreadsheets#FilterView). */
export interface FilterViewModel {
  filterViewId: number;
  title: string;
  range: Record<string, number>;
  filterSpecs: Array<{ columnIndex: number; filterCriteria: Record<string, unknown> }>;
  sortSpecs: Array<{ dimensionIndex: number; sortOrder: string }>;
}

/** Advanced services throw GoogleJsonResponseException, "API call to … failed with error: …". */
class GoogleJsonResponseException extends ScriptError {
  constructor(method: string, message: string) {
    super(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
    this.name = 'GoogleJsonResponseException';
  }
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function viewResource(view: FilterViewModel): object {
  return copy({
    filterViewId: view.filterViewId,
    title: view.title,
    range: view.range,
    ...(view.filterSpecs.length > 0 ? { filterSpecs: view.filterSpecs } : {}),
    ...(view.sortSpecs.length > 0 ? { sortSpecs: view.sortSpecs } : {}),
  });
}

type Request = Record<string, Record<string, unknown> | undefined>;

/**
 * Applies one batch to a working copy of the sheets' views; the caller commits the copy only when
 * every request succeeded ("if any request is not valid, the entire request fails and nothing is
 * applied": spreadsheets/batchUpdate).
 */
function applyRequests(
  model: SpreadsheetModel,
  requests: readonly Request[],
  views: Map<SheetModel, FilterViewModel[]>,
  nextId: () => number,
): object[] {
  const sheetById = (id: unknown, at: string): SheetModel => {
    const sheet = model.sheets.find((s) => s.sheetId === Number(id ?? 0));
    if (!sheet)
      throw new GoogleJsonResponseException('batchUpdate', `${at}: No grid with id: ${id}`);
    return sheet;
  };
  const find = (id: unknown, at: string): { sheet: SheetModel; index: number } => {
    for (const [sheet, list] of views) {
      const index = list.findIndex((v) => v.filterViewId === Number(id));
      if (index >= 0) return { sheet, index };
    }
    throw new GoogleJsonResponseException('batchUpdate', `${at}: No filter view with id: ${id}`);
  };
  const replies: object[] = [];
  requests.forEach((request, i) => {
    const kinds = Object.keys(request);
    if (kinds.length !== 1)
      throw new GoogleJsonResponseException(
        'batchUpdate',
        `Invalid requests[${i}]: one kind of request per entry`,
      );
    const kind = kinds[0];
    const body = request[kind] ?? {};
    const at = `Invalid requests[${i}].${kind}`;
    if (kind === 'addFilterView') {
      const filter = (body.filter ?? {}) as Partial<FilterViewModel>;
      const range = (filter.range ?? {}) as Record<string, number>;
      const sheet = sheetById(range.sheetId, at);
      const view: FilterViewModel = {
        filterViewId: nextId(),
        title: String(filter.title ?? ''),
        range: copy({ ...range, sheetId: sheet.sheetId }),
        filterSpecs: copy(filter.filterSpecs ?? []),
        sortSpecs: copy(filter.sortSpecs ?? []),
      };
      views.get(sheet)!.push(view);
      replies.push({ addFilterView: { filter: viewResource(view) } });
    } else if (kind === 'updateFilterView') {
      const filter = (body.filter ?? {}) as Partial<FilterViewModel>;
      const fields = String(body.fields ?? '');
      if (!fields)
        throw new GoogleJsonResponseException('batchUpdate', `${at}: fields is required`);
      const found = find(filter.filterViewId, at);
      const view = views.get(found.sheet)![found.index];
      const all = fields === '*';
      const has = (name: string) =>
        all ||
        fields
          .split(',')
          .map((f) => f.trim())
          .includes(name);
      if (has('title')) view.title = String(filter.title ?? '');
      if (has('filterSpecs')) view.filterSpecs = copy(filter.filterSpecs ?? []);
      if (has('sortSpecs')) view.sortSpecs = copy(filter.sortSpecs ?? []);
      if (has('range')) {
        const range = (filter.range ?? {}) as Record<string, number>;
        const sheet = sheetById(range.sheetId, at);
        view.range = copy({ ...range, sheetId: sheet.sheetId });
        if (sheet !== found.sheet) {
          views.get(found.sheet)!.splice(found.index, 1);
          views.get(sheet)!.push(view);
        }
      }
      replies.push({});
    } else if (kind === 'deleteFilterView') {
      const found = find(body.filterId, at);
      views.get(found.sheet)!.splice(found.index, 1);
      replies.push({});
    } else {
      // Other request kinds exist in the API; this project sends none, so the simulator refuses them.
      throw new ScriptError(`Simulator: Sheets batchUpdate request ${kind} is not emulated`);
    }
  });
  return replies;
}

/** The last filter view id each spreadsheet handed out: ids are never reused, as in Sheets. */
const lastViewId = new WeakMap<SpreadsheetModel, number>();

export function createSheetsAdvancedService(exec: Execution, store: SpreadsheetStore): object {
  const open = (id: unknown, method: string): SpreadsheetModel => {
    exec.requireAuthorization(`Sheets.Spreadsheets.${method}`);
    const model = store.get(String(id));
    if (!model || !model.canOpen(exec.effectiveUser))
      throw new GoogleJsonResponseException(method, 'Requested entity was not found.');
    return model;
  };
  return {
    Spreadsheets: {
      // developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get (`fields` is accepted;
      // the answer always holds each sheet's properties and its filter views).
      get(spreadsheetId: string, _optionalArgs?: object): object {
        exec.charge('Sheets.Spreadsheets.get');
        const model = open(spreadsheetId, 'get');
        return {
          spreadsheetId: model.id,
          sheets: model.sheets.map((sheet, index) => ({
            properties: { sheetId: sheet.sheetId, title: sheet.name, index },
            ...(sheet.filterViews.length > 0
              ? { filterViews: sheet.filterViews.map(viewResource) }
              : {}),
          })),
        };
      },
      // developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate: atomic.
      batchUpdate(resource: { requests?: Request[] }, spreadsheetId: string): object {
        exec.charge('Sheets.Spreadsheets.batchUpdate');
        const model = open(spreadsheetId, 'batchUpdate');
        const working = new Map(
          model.sheets.map((sheet) => [sheet, sheet.filterViews.map((v) => copy(v))]),
        );
        const nextId = () => {
          const id = (lastViewId.get(model) ?? 1_000_000) + 1;
          lastViewId.set(model, id);
          return id;
        };
        const replies = applyRequests(model, resource?.requests ?? [], working, nextId);
        for (const [sheet, list] of working) sheet.filterViews = list;
        return { spreadsheetId: model.id, replies };
      },
    },
    toString: (): string => 'Sheets',
  };
}
