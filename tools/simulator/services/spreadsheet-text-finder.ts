// TextFinder: developers.google.com/apps-script/reference/spreadsheet/text-finder
// It searches the displayed text row by row, left to right; the charge counts the cells scanned.

import { ScriptError } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import type { SheetsApi } from './spreadsheet-api';
import type { SheetModel } from './spreadsheet-sheet-model';

interface Position {
  readonly row: number;
  readonly col: number;
}

export class TextFinderApi {
  readonly #api: SheetsApi;
  readonly #sheet: SheetModel;
  readonly #rect: GridRect;
  readonly #text: string;
  #matchCase = false;
  #entireCell = false;
  #regex = false;
  #formulaText = false;
  #cursor: Position | null = null;

  constructor(api: SheetsApi, sheet: SheetModel, rect: GridRect, text: string) {
    this.#api = api;
    this.#sheet = sheet;
    this.#rect = rect;
    this.#text = String(text);
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#matchCase(Boolean): case-insensitive unless set.
  matchCase(value: boolean): this {
    this.#api.exec.charge('TextFinder.matchCase');
    this.#matchCase = Boolean(value);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#matchEntireCell(Boolean): the whole displayed text must match.
  matchEntireCell(value: boolean): this {
    this.#api.exec.charge('TextFinder.matchEntireCell');
    this.#entireCell = Boolean(value);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean): the search text is a regular expression.
  useRegularExpression(value: boolean): this {
    this.#api.exec.charge('TextFinder.useRegularExpression');
    this.#regex = Boolean(value);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#matchFormulaText(Boolean): formula cells match on their formula text.
  matchFormulaText(value: boolean): this {
    this.#api.exec.charge('TextFinder.matchFormulaText');
    this.#formulaText = Boolean(value);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#findNext(): the next matching cell after the last result, or null.
  findNext(): object | null {
    const cells = this.#positions();
    const start = this.#cursor ? this.#indexOf(cells, this.#cursor) + 1 : 0;
    const re = this.#pattern();
    let scanned = 0;
    let found: Position | null = null;
    for (let i = start; i < cells.length; i++) {
      scanned++;
      if (this.#matches(re, cells[i])) {
        found = cells[i];
        break;
      }
    }
    this.#api.exec.charge('TextFinder.findNext', scanned);
    if (!found) return null;
    this.#cursor = found;
    return this.#api.range(this.#sheet, { row: found.row, col: found.col, numRows: 1, numCols: 1 });
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#findPrevious(): the matching cell before the last result, or null.
  findPrevious(): object | null {
    const cells = this.#positions();
    const start = this.#cursor ? this.#indexOf(cells, this.#cursor) - 1 : cells.length - 1;
    const re = this.#pattern();
    let scanned = 0;
    for (let i = start; i >= 0; i--) {
      scanned++;
      if (this.#matches(re, cells[i])) {
        this.#api.exec.charge('TextFinder.findPrevious', scanned);
        this.#cursor = cells[i];
        return this.#api.range(this.#sheet, { ...cells[i], numRows: 1, numCols: 1 });
      }
    }
    this.#api.exec.charge('TextFinder.findPrevious', scanned);
    return null;
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#findAll(): every matching cell.
  findAll(): object[] {
    const cells = this.#positions();
    this.#api.exec.charge('TextFinder.findAll', cells.length);
    const re = this.#pattern();
    return cells
      .filter((p) => this.#matches(re, p))
      .map((p) => this.#api.range(this.#sheet, { ...p, numRows: 1, numCols: 1 }));
  }

  // developers.google.com/apps-script/reference/spreadsheet/text-finder#replaceAllWith(String): replaces the matched text, returns the cells changed.
  replaceAllWith(replacement: string): number {
    const cells = this.#positions();
    this.#api.exec.charge('TextFinder.replaceAllWith', cells.length);
    const re = this.#pattern(true);
    let count = 0;
    for (const p of cells) {
      const text = this.#textAt(p);
      re.lastIndex = 0;
      if (!re.test(text)) continue;
      re.lastIndex = 0;
      this.#sheet.write(p.row, p.col, [[text.replace(re, String(replacement))]]);
      count++;
    }
    return count;
  }

  toString(): string {
    return 'TextFinder';
  }

  #positions(): Position[] {
    const out: Position[] = [];
    const lastRow = Math.min(this.#rect.row + this.#rect.numRows - 1, this.#sheet.lastRow());
    const lastCol = Math.min(this.#rect.col + this.#rect.numCols - 1, this.#sheet.lastColumn());
    for (let row = this.#rect.row; row <= lastRow; row++) {
      for (let col = this.#rect.col; col <= lastCol; col++) out.push({ row, col });
    }
    return out;
  }

  #indexOf(cells: readonly Position[], p: Position): number {
    return cells.findIndex((c) => c.row === p.row && c.col === p.col);
  }

  #pattern(global = false): RegExp {
    const source = this.#regex ? this.#text : this.#text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const anchored = this.#entireCell ? `^(?:${source})$` : source;
    try {
      return new RegExp(anchored, (this.#matchCase ? '' : 'i') + (global ? 'g' : ''));
    } catch {
      throw new ScriptError(`Invalid argument: ${this.#text}`);
    }
  }

  #textAt(p: Position): string {
    const cell = this.#sheet.cell(p.row, p.col);
    if (this.#formulaText && cell?.formula) return cell.formula;
    return this.#sheet.display(p.row, p.col);
  }

  #matches(re: RegExp, p: Position): boolean {
    const text = this.#textAt(p);
    return text !== '' && re.test(text);
  }
}
