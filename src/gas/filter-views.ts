// The "Mis casos" filter views, through the Sheets advanced service: SpreadsheetApp has no filter
// views (developers.google.com/apps-script/reference/spreadsheet/filter covers the basic filter
// only). The entity's script enables the service and hands it over, like its lock: the calls then
// run in the entity's project, under its own authorization and quota.
import {
  desiredMyCasesViews,
  planFilterViewRequests,
  type FilterView,
} from '../core/cases/my-cases-views';
import type { StaffMember } from '../core/routing/staff';
import { CASES_SHEET } from './sheet-schema';
import { SheetTable } from './sheet-table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The part of the Sheets advanced service (Sheets API v4) this uses. */
export interface SheetsAdvancedService {
  readonly Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: object): unknown;
    batchUpdate(resource: object, spreadsheetId: string): unknown;
  };
}

export function isSheetsAdvancedService(value: unknown): value is SheetsAdvancedService {
  const spreadsheets = (value as { Spreadsheets?: Record<string, unknown> } | null)?.Spreadsheets;
  return (
    typeof spreadsheets === 'object' &&
    spreadsheets !== null &&
    typeof spreadsheets.get === 'function' &&
    typeof spreadsheets.batchUpdate === 'function'
  );
}

interface SheetResource {
  readonly properties?: { readonly sheetId?: number };
  readonly filterViews?: readonly FilterView[];
}

export interface FilterViewsResult {
  /** Views of ours the sheet has now: one per staff member. */
  readonly total: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
}

/**
 * One read of the spreadsheet's filter views and at most one batchUpdate (atomic: all or none).
 * Null when the sheet lacks a column a view filters on (setup adds columns before this runs).
 */
export function ensureMyCasesViews(
  api: SheetsAdvancedService,
  spreadsheetId: string,
  cases: Sheet,
  staff: readonly StaffMember[],
): FilterViewsResult | null {
  const table = new SheetTable(cases, CASES_SHEET);
  const assigneeColumn = table.column('assignee');
  const semaphoreColumn = table.column('semaphore');
  const dueColumn = table.column('dueDate');
  if (assigneeColumn === null || semaphoreColumn === null || dueColumn === null) return null;
  const layout = {
    sheetId: cases.getSheetId(),
    assigneeColumn,
    semaphoreColumn,
    dueColumn,
    maxRows: cases.getMaxRows(),
    width: cases.getLastColumn(),
  };
  const found = api.Spreadsheets.get(spreadsheetId, {
    fields: 'sheets(properties(sheetId),filterViews)',
  }) as { sheets?: readonly SheetResource[] };
  const existing =
    (found.sheets ?? []).find((s) => s.properties?.sheetId === layout.sheetId)?.filterViews ?? [];
  const desired = desiredMyCasesViews(staff, layout);
  const requests = planFilterViewRequests(desired, existing, layout);
  if (requests.length > 0) api.Spreadsheets.batchUpdate({ requests }, spreadsheetId);
  const count = (kind: string) => requests.filter((r) => kind in r).length;
  return {
    total: desired.length,
    added: count('addFilterView'),
    updated: count('updateFilterView'),
    removed: count('deleteFilterView'),
  };
}
