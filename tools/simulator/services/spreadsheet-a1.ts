// A1 notation: column letters, cell and range references, sheet-qualified references.

import { ScriptError } from '../kernel';

/** A rectangle on one sheet, 1-based and inclusive of its first cell. */
export interface GridRect {
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters to column number: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `A1` or `A1:B2` for a rectangle, as Range.getA1Notation writes it. */
export function rectA1(rect: GridRect): string {
  const start = `${columnLetters(rect.col)}${rect.row}`;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  const end = `${columnLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
  return `${start}:${end}`;
}

/** Splits `'Hoja 1'!A1:B2` into the sheet name (or null) and the range part. */
export function splitSheetPrefix(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, ref: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]+)\$?(\d+)$/;
const COLS = /^\$?([A-Za-z]+)$/;
const ROWS = /^\$?(\d+)$/;

/**
 * Parses `A1`, `A1:C3`, `A:C` (whole columns), `2:5` (whole rows), `B2:B` (to the last row) and
 * `B1:1` (to the last column) against a grid size.
 * developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String): an unparsable reference throws "Range not found".
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRect {
  const parts = ref.trim().split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) throw new ScriptError('Range not found');
    return { row: Number(m[2]), col: columnNumber(m[1]), numRows: 1, numCols: 1 };
  }
  if (parts.length !== 2) throw new ScriptError('Range not found');
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb)
    return normalise(Number(ca[2]), columnNumber(ca[1]), Number(cb[2]), columnNumber(cb[1]));
  const cola = COLS.exec(a);
  const colb = COLS.exec(b);
  if (cola && colb) return normalise(1, columnNumber(cola[1]), maxRows, columnNumber(colb[1]));
  // `A2:B` runs to the bottom of the sheet, as in Sheets.
  if (ca && colb)
    return normalise(Number(ca[2]), columnNumber(ca[1]), maxRows, columnNumber(colb[1]));
  const rowa = ROWS.exec(a);
  const rowb = ROWS.exec(b);
  // `B1:1` runs to the last column of the sheet, as in Sheets.
  if (ca && rowb) return normalise(Number(ca[2]), columnNumber(ca[1]), Number(rowb[1]), maxCols);
  if (rowa && rowb) return normalise(Number(rowa[1]), 1, Number(rowb[1]), maxCols);
  throw new ScriptError('Range not found');
}

function normalise(r1: number, c1: number, r2: number, c2: number): GridRect {
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

/** True when (row, col) lies inside the rectangle. */
export function rectContains(rect: GridRect, row: number, col: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.numRows &&
    col >= rect.col &&
    col < rect.col + rect.numCols
  );
}
