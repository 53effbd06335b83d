// Range merge methods, installed on RangeApi's prototype (spreadsheet-range.ts), and the model
// helpers that keep a sheet's merges in place when rows or columns move.
// developers.google.com/apps-script/reference/spreadsheet/range#merge()

import { ScriptError } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import { cellCount, chargeRange, type RangeState, rangeState } from './spreadsheet-range-state';

/** Commonly reported Sheets text for a merge or break-apart that cuts through an existing merge. */
export const PARTIAL_MERGE =
  'You must select all cells in a merged range to merge or unmerge them.';

function overlaps(a: GridRect, b: GridRect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols
  );
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/** Removes the merges inside `rect`; one that only partly overlaps it is an error. */
function dropMergesIn(state: RangeState): void {
  const { sheet, rect } = state;
  const touched = sheet.merges.filter((m) => overlaps(m, rect));
  if (touched.some((m) => !contains(rect, m))) throw new ScriptError(PARTIAL_MERGE);
  sheet.merges = sheet.merges.filter((m) => !touched.includes(m));
}

/** Sheets keeps only the upper-left value of a merge; the other cells' contents go. */
function addMerge(state: RangeState, rect: GridRect): void {
  if (rect.numRows === 1 && rect.numCols === 1) return;
  state.sheet.update(rect, (cell, row, col) => {
    if (row === rect.row && col === rect.col) return;
    cell.value = '';
    delete cell.formula;
  });
  state.sheet.merges.push(rect);
}

function merged<T extends object>(
  range: T,
  method: string,
  parts: (rect: GridRect) => GridRect[],
): T {
  const s = rangeState(range);
  chargeRange(s, method, cellCount(s.rect));
  dropMergesIn(s);
  for (const rect of parts(s.rect)) addMerge(s, rect);
  return range;
}

export const rangeMergeMethods = {
  // developers.google.com/apps-script/reference/spreadsheet/range#merge(): the whole range becomes one cell.
  merge<T extends object>(this: T): T {
    return merged(this, 'merge', (rect) => [rect]);
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#mergeAcross(): one merge per row.
  mergeAcross<T extends object>(this: T): T {
    return merged(this, 'mergeAcross', (rect) =>
      Array.from({ length: rect.numRows }, (_, i) => ({ ...rect, row: rect.row + i, numRows: 1 })),
    );
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#mergeVertically(): one merge per column.
  mergeVertically<T extends object>(this: T): T {
    return merged(this, 'mergeVertically', (rect) =>
      Array.from({ length: rect.numCols }, (_, j) => ({ ...rect, col: rect.col + j, numCols: 1 })),
    );
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#breakApart(): merges inside the range are undone.
  breakApart<T extends object>(this: T): T {
    return merged(this, 'breakApart', () => []);
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#isPartOfMerge(): true if any cell is in a merge.
  isPartOfMerge(this: object): boolean {
    const s = rangeState(this);
    chargeRange(s, 'isPartOfMerge');
    return s.sheet.merges.some((m) => overlaps(m, s.rect));
  },

  // developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges(): merges partly or wholly inside the range.
  getMergedRanges(this: object): object[] {
    const s = rangeState(this);
    chargeRange(s, 'getMergedRanges');
    return s.sheet.merges.filter((m) => overlaps(m, s.rect)).map((m) => s.api.range(s.sheet, m));
  },
};

export type RangeMergeMethods = typeof rangeMergeMethods;

/**
 * Moves merges for inserted (delta > 0, after index `at`) or deleted (delta < 0, starting at
 * `at + 1`) rows or columns: merges past the change shift, merges across it grow or shrink, and a
 * merge left one cell wide and high is gone.
 */
export function shiftMerges(
  merges: readonly GridRect[],
  axis: 'row' | 'col',
  at: number,
  delta: number,
): GridRect[] {
  const size = axis === 'row' ? 'numRows' : 'numCols';
  const out: GridRect[] = [];
  for (const m of merges) {
    const start = m[axis];
    const end = start + m[size] - 1;
    let newStart = start;
    let newEnd = end;
    if (delta > 0) {
      if (start > at) newStart += delta;
      if (end > at) newEnd += delta;
    } else {
      const first = at + 1;
      const last = at - delta;
      const removedBefore = (p: number): number => Math.max(0, Math.min(p - 1, last) - first + 1);
      newStart = start >= first && start <= last ? first : start - removedBefore(start);
      newEnd = end - removedBefore(end + 1);
      if (newEnd < newStart) continue;
    }
    const moved = { ...m, [axis]: newStart, [size]: newEnd - newStart + 1 };
    if (moved.numRows > 1 || moved.numCols > 1) out.push(moved);
  }
  return out;
}
