// "Mis casos": one filter view of `Radicados` per staff member, in the Sheets API's own shapes
// (developers.google.com/sheets/api/reference/rest/v4/spreadsheets#FilterView). A filter view
// changes nobody else's screen, unlike the sheet's one basic filter, so every clerk keeps theirs.
import type { StaffMember } from '../routing/staff';
import { SEMAPHORE_LABELS } from './semaphore';

/** Titles of the views this add-on owns; a view with any other title is a person's, left alone. */
export const MY_CASES_TITLE_PREFIX = 'Mis casos — ';

/** developers.google.com/sheets/api/reference/rest/v4/other#GridRange: a missing index is unbounded. */
export interface GridRange {
  readonly sheetId?: number;
  readonly startRowIndex?: number;
  readonly endRowIndex?: number;
  readonly startColumnIndex?: number;
  readonly endColumnIndex?: number;
}

export interface FilterSpec {
  readonly columnIndex: number;
  readonly filterCriteria: {
    readonly hiddenValues?: readonly string[];
    readonly condition?: {
      readonly type: string;
      readonly values?: ReadonlyArray<{ readonly userEnteredValue: string }>;
    };
  };
}

export interface SortSpec {
  readonly dimensionIndex: number;
  readonly sortOrder: 'ASCENDING' | 'DESCENDING';
}

export interface FilterView {
  readonly filterViewId?: number;
  readonly title?: string;
  readonly range?: GridRange;
  readonly filterSpecs?: readonly FilterSpec[];
  readonly sortSpecs?: readonly SortSpec[];
}

/** Where the columns a view filters on sit now (0-based), and the sheet's size. */
export interface CasesSheetLayout {
  readonly sheetId: number;
  readonly assigneeColumn: number;
  readonly semaphoreColumn: number;
  readonly dueColumn: number;
  readonly maxRows: number;
  readonly width: number;
}

export type FilterViewRequest =
  | { readonly addFilterView: { readonly filter: FilterView } }
  | { readonly updateFilterView: { readonly filter: FilterView; readonly fields: string } }
  | { readonly deleteFilterView: { readonly filterId: number } };

/**
 * The view each staff member should have: their open cases (the Responsable column holds their
 * email; closed ones hidden by the traffic light), soonest due first, so overdue cases lead.
 * Titles carry the name; two people with the same name are told apart by their email.
 */
export function desiredMyCasesViews(
  staff: readonly StaffMember[],
  layout: CasesSheetLayout,
): FilterView[] {
  const names = new Map<string, number>();
  for (const member of staff) {
    const name = member.name.trim() || member.email;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const views: FilterView[] = [];
  for (const member of staff) {
    const email = member.email.trim().toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    const name = member.name.trim() || member.email;
    const label = (names.get(name) ?? 0) > 1 ? `${name} (${email})` : name;
    views.push({
      title: `${MY_CASES_TITLE_PREFIX}${label}`,
      // Unbounded below and to the right: rows and columns added later stay inside the view.
      range: { sheetId: layout.sheetId, startRowIndex: 0, startColumnIndex: 0 },
      filterSpecs: [
        {
          columnIndex: layout.assigneeColumn,
          filterCriteria: { condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: email }] } },
        },
        {
          columnIndex: layout.semaphoreColumn,
          filterCriteria: { hiddenValues: [SEMAPHORE_LABELS.closed] },
        },
      ],
      sortSpecs: [{ dimensionIndex: layout.dueColumn, sortOrder: 'ASCENDING' }],
    });
  }
  return views;
}

/** An existing range still covers the whole table (the API may echo unbounded sides as bounds). */
function coversTable(range: GridRange | undefined, layout: CasesSheetLayout): boolean {
  if (!range || range.sheetId !== layout.sheetId) return false;
  if ((range.startRowIndex ?? 0) !== 0 || (range.startColumnIndex ?? 0) !== 0) return false;
  if (range.endRowIndex !== undefined && range.endRowIndex < layout.maxRows) return false;
  return range.endColumnIndex === undefined || range.endColumnIndex >= layout.width;
}

function sameSpecs(a: FilterView, b: FilterView): boolean {
  const specs = (v: FilterView) =>
    JSON.stringify({
      filters: [...(v.filterSpecs ?? [])]
        .map((s) => ({
          column: s.columnIndex,
          hidden: s.filterCriteria.hiddenValues ?? [],
          type: s.filterCriteria.condition?.type ?? '',
          values: (s.filterCriteria.condition?.values ?? []).map((x) => x.userEnteredValue),
        }))
        .sort((x, y) => x.column - y.column),
      sorts: (v.sortSpecs ?? []).map((s) => [s.dimensionIndex, s.sortOrder]),
    });
  return specs(a) === specs(b);
}

/**
 * The requests that bring the sheet's filter views to `desired`: ours kept by title and updated in
 * place (a clerk's bookmarked link to a view keeps working), missing ones added, ours for people no
 * longer on staff deleted. Views with other titles are never touched. Empty when all is in order.
 */
export function planFilterViewRequests(
  desired: readonly FilterView[],
  existing: readonly FilterView[],
  layout: CasesSheetLayout,
): FilterViewRequest[] {
  const wanted = new Map(desired.map((view) => [view.title ?? '', view]));
  const kept = new Set<string>();
  const requests: FilterViewRequest[] = [];
  for (const view of existing) {
    const title = view.title ?? '';
    if (!title.startsWith(MY_CASES_TITLE_PREFIX) || view.filterViewId === undefined) continue;
    const target = wanted.get(title);
    if (!target || kept.has(title)) {
      requests.push({ deleteFilterView: { filterId: view.filterViewId } });
      continue;
    }
    kept.add(title);
    if (!coversTable(view.range, layout) || !sameSpecs(view, target)) {
      requests.push({
        updateFilterView: {
          filter: { ...target, filterViewId: view.filterViewId },
          fields: 'range,filterSpecs,sortSpecs',
        },
      });
    }
  }
  for (const view of desired) {
    if (!kept.has(view.title ?? '')) requests.push({ addFilterView: { filter: view } });
  }
  return requests;
}
