// Persistent spreadsheets: the store that outlives executions, each spreadsheet's sheets, and the
// uncharged harness helpers (what a person does by hand in the Sheets UI).

import { IdSource, ScriptError } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import {
  type ProtectionKind,
  type ProtectionModel,
  protectionAllows,
  protectionCovers,
} from './spreadsheet-rules';
import { SheetModel } from './spreadsheet-sheet-model';
import { MAX_WORKBOOK_CELLS, WORKBOOK_TOO_BIG } from './spreadsheet-values';
import { resolveZone } from './utilities-zone';

export interface SpreadsheetOptions {
  readonly timeZone?: string;
  readonly locale?: string;
  readonly owner?: string;
}

export interface Toast {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds: number;
  readonly atMs: number;
}

export const DEFAULT_TIME_ZONE = 'America/Bogota';
export const DEFAULT_LOCALE = 'es_CO';
export const DEFAULT_OWNER = 'owner@example.com';

export class SpreadsheetModel {
  readonly url: string;
  timeZone: string;
  locale: string;
  readonly owner: string;
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel;
  /** The selected cell on the active sheet (a person's selection; A1 in a new file). */
  activeCell: { row: number; col: number } = { row: 1, col: 1 };
  readonly protections: ProtectionModel[] = [];
  readonly toasts: Toast[] = [];
  /**
   * The file's sharing (Drive), by lower-cased email. `null` for a spreadsheet the harness made
   * without modelling sharing (an entity's tracking spreadsheet: everyone the harness runs as may
   * open it); a spreadsheet a script creates is shared with its owner only.
   */
  shares: Map<string, 'editor' | 'viewer'> | null = null;
  private sheetCounter = 0;
  private protectionCounter = 0;

  constructor(
    readonly id: string,
    public name: string,
    options: SpreadsheetOptions = {},
  ) {
    this.url = `https://docs.google.com/spreadsheets/d/${id}/edit`;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    // A zone Sheets would not know is a harness mistake: fail now, not with GMT dates later.
    if (!resolveZone(this.timeZone))
      throw new Error(`Simulator: unknown time zone "${this.timeZone}"`);
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.owner = (options.owner ?? DEFAULT_OWNER).toLowerCase();
    // A new Sheets file has one 1000 x 26 sheet named after the locale ("Hoja 1" in Spanish).
    this.activeSheet = this.addSheet(this.defaultSheetName());
  }

  /** Whether `email` may open the file: its owner, or someone it is shared with. */
  canOpen(email: string): boolean {
    if (this.shares === null) return true;
    const who = email.toLowerCase();
    return who !== '' && (who === this.owner || this.shares.has(who));
  }

  /** Harness access to a sheet by name. */
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet named "${name}" in spreadsheet ${this.id}`);
    return s;
  }

  /** Sheets in the grid across the workbook; the 10-million-cell limit counts them all. */
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.cellCount, 0);
  }

  /** support.google.com/drive/answer/37603: up to 10 million cells per spreadsheet. */
  checkGrowth(extraCells: number): void {
    if (extraCells > 0 && this.totalCells() + extraCells > MAX_WORKBOOK_CELLS) {
      throw new ScriptError(WORKBOOK_TOO_BIG);
    }
  }

  /** Spreadsheet.insertSheet: rejects a taken name with Sheets' own message. */
  addSheet(name: string, index?: number, rows?: number, cols?: number): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new ScriptError(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = new SheetModel(this, name, this.nextSheetId(), rows, cols);
    this.checkGrowth(sheet.cellCount);
    const at =
      index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  /** Puts `sheet` at 0-based `index` among the tabs. */
  moveSheet(sheet: SheetModel, index: number): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
  }

  removeSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    if (this.sheets.length === 1) {
      // Commonly reported Sheets message when a script deletes the last sheet.
      throw new ScriptError("You can't remove all the sheets in a document.");
    }
    this.sheets.splice(i, 1);
    for (const p of this.protections) if (p.sheet === sheet) p.removed = true;
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, i - 1)];
  }

  /** A free default name: "Hoja 2", "Hoja 3"… */
  nextDefaultSheetName(): string {
    const base = this.locale.toLowerCase().startsWith('es') ? 'Hoja ' : 'Sheet';
    let n = this.sheets.length + 1;
    while (this.sheet(`${base}${n}`)) n++;
    return `${base}${n}`;
  }

  private defaultSheetName(): string {
    return this.locale.toLowerCase().startsWith('es') ? 'Hoja 1' : 'Sheet1';
  }

  private nextSheetId(): number {
    const n = this.sheetCounter++;
    // The first sheet's gid is 0, as in Sheets; later ones look like Sheets' large random gids.
    return n === 0 ? 0 : (n * 2_654_435_761) % 2_147_483_647;
  }

  addProtection(sheet: SheetModel, type: ProtectionKind, rect: GridRect | null): ProtectionModel {
    const p: ProtectionModel = {
      id: ++this.protectionCounter,
      type,
      sheet,
      rect,
      description: '',
      warningOnly: false,
      editors: [],
      editorsCustomized: false,
      domainEdit: false,
      unprotected: [],
      removed: false,
    };
    this.protections.push(p);
    return p;
  }

  activeProtections(type?: ProtectionKind, sheet?: SheetModel): ProtectionModel[] {
    return this.protections.filter(
      (p) => !p.removed && (type === undefined || p.type === type) && (!sheet || p.sheet === sheet),
    );
  }

  /**
   * Harness: whether a person may edit one cell. Scripts run as the owner, whom protections never
   * stop; for others every protection covering the cell must allow them.
   */
  canUserEdit(sheet: string | SheetModel, row: number, col: number, email: string): boolean {
    const s = typeof sheet === 'string' ? this.requireSheet(sheet) : sheet;
    return this.activeProtections(undefined, s)
      .filter((p) => protectionCovers(p, row, col))
      .every((p) => protectionAllows(p, email, this.owner));
  }

  /**
   * Harness: a person types values into cells (same parsing and validation as script writes).
   * Typing past the grid first adds the rows/columns, as a person would, within the cell limit.
   */
  setCellsAsUser(
    sheetName: string,
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
  ): void {
    const s = this.requireSheet(sheetName);
    const width = Math.max(0, ...values.map((v) => v.length));
    s.growTo(row + values.length - 1, col + width - 1);
    s.write(row, col, values);
  }

  /** Harness: the displayed values of a sheet's used range. */
  getDisplayGrid(sheetName: string): string[][] {
    return this.requireSheet(sheetName).displayGrid();
  }
}

export class SpreadsheetStore {
  private readonly ids = new IdSource('1SimSheet');
  private readonly byId = new Map<string, SpreadsheetModel>();

  create(name: string, options?: SpreadsheetOptions): SpreadsheetModel {
    const model = new SpreadsheetModel(this.ids.take(), name, options);
    this.byId.set(model.id, model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  all(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }
}
