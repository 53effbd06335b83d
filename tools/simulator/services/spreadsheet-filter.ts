// A sheet's basic filter (one per sheet): created on a range, read back, removed.
// developers.google.com/apps-script/reference/spreadsheet/filter
import { ScriptError } from '../kernel';
import type { SheetsApi } from './spreadsheet-api';
import type { GridRect } from './spreadsheet-a1';
import { chargeRange, rangeState } from './spreadsheet-range-state';
import type { SheetModel } from './spreadsheet-sheet-model';

/** The Filter object a script holds. */
export function filterApi(api: SheetsApi, sheet: SheetModel): object {
  return {
    // developers.google.com/apps-script/reference/spreadsheet/filter#getRange()
    getRange: (): object => {
      api.exec.charge('Filter.getRange');
      if (!sheet.filter) throw new ScriptError('This filter no longer exists.');
      return api.range(sheet, sheet.filter);
    },
    // developers.google.com/apps-script/reference/spreadsheet/filter#remove()
    remove: (): void => {
      api.exec.charge('Filter.remove');
      sheet.filter = null;
    },
    toString: (): string => 'Filter',
  };
}

export const rangeFilterMethods = {
  // developers.google.com/apps-script/reference/spreadsheet/range#createFilter(): one filter per sheet.
  createFilter(this: object): object {
    const s = rangeState(this);
    chargeRange(s, 'createFilter');
    if (s.sheet.filter)
      throw new ScriptError("You can't create a filter in a sheet that already has a filter.");
    s.sheet.filter = { ...s.rect } as GridRect;
    return filterApi(s.api, s.sheet);
  },
};
