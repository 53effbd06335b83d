// Spreadsheet: developers.google.com/apps-script/reference/spreadsheet/spreadsheet

import { ScriptError } from '../kernel';
import { parseA1, splitSheetPrefix } from './spreadsheet-a1';
import { sheetOf, signatureError, type SheetsApi } from './spreadsheet-api';
import type { SpreadsheetModel } from './spreadsheet-model';
import { emailOf, ProtectionApi, userObject } from './spreadsheet-protection';
import { checkRect } from './spreadsheet-range-state';
import { appendRowTo } from './spreadsheet-sheet';

/** developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number): 5 s by default. */
const DEFAULT_TOAST_SECONDS = 5;

export class SpreadsheetApi {
  readonly #api: SheetsApi;
  readonly #model: SpreadsheetModel;

  constructor(api: SheetsApi, model: SpreadsheetModel) {
    this.#api = api;
    this.#model = model;
  }

  #charge(method: string): void {
    this.#api.exec.charge(`Spreadsheet.${method}`);
  }

  getId(): string {
    this.#charge('getId');
    return this.#model.id;
  }

  getName(): string {
    this.#charge('getName');
    return this.#model.name;
  }

  rename(newName: string): void {
    this.#charge('rename');
    this.#model.name = String(newName);
  }

  getUrl(): string {
    this.#charge('getUrl');
    return this.#model.url;
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getOwner(): a User.
  getOwner(): object {
    this.#charge('getOwner');
    return userObject(this.#model.owner);
  }

  #shares(): Map<string, 'editor' | 'viewer'> {
    if (this.#model.shares === null) this.#model.shares = new Map();
    return this.#model.shares;
  }

  #share(method: string, who: unknown, role: 'editor' | 'viewer'): this {
    this.#charge(method);
    const email = emailOf(who);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new ScriptError(`Invalid email: ${email}`);
    if (email === this.#model.owner) return this;
    const shares = this.#shares();
    // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addEditor(String): a viewer is promoted; adding a viewer never demotes an editor.
    if (role === 'editor' || shares.get(email) !== 'editor') shares.set(email, role);
    return this;
  }

  #unshare(method: string, who: unknown, role: 'editor' | 'viewer'): this {
    this.#charge(method);
    const email = emailOf(who);
    if (this.#model.shares?.get(email) === role) this.#model.shares.delete(email);
    return this;
  }

  #people(role: 'editor' | 'viewer'): object[] {
    return [...(this.#model.shares ?? new Map()).entries()]
      .filter(([, r]) => r === role)
      .map(([email]) => userObject(email));
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addEditor(String)
  addEditor(who: unknown): this {
    return this.#share('addEditor', who, 'editor');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addViewer(String)
  addViewer(who: unknown): this {
    return this.#share('addViewer', who, 'viewer');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#removeEditor(String)
  removeEditor(who: unknown): this {
    return this.#unshare('removeEditor', who, 'editor');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#removeViewer(String): viewers and commenters.
  removeViewer(who: unknown): this {
    return this.#unshare('removeViewer', who, 'viewer');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors(): the owner is given by getOwner() here (UNVERIFIED whether Drive lists the owner too; callers handle both).
  getEditors(): object[] {
    this.#charge('getEditors');
    return this.#people('editor');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getViewers(): viewers and commenters.
  getViewers(): object[] {
    this.#charge('getViewers');
    return this.#people('viewer');
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String): null if absent.
  getSheetByName(name: string): object | null {
    this.#charge('getSheetByName');
    const sheet = this.#model.sheet(String(name));
    return sheet ? this.#api.sheet(sheet) : null;
  }

  getSheetById(id: number): object | null {
    this.#charge('getSheetById');
    const sheet = this.#model.sheets.find((s) => s.sheetId === id);
    return sheet ? this.#api.sheet(sheet) : null;
  }

  getSheets(): object[] {
    this.#charge('getSheets');
    return this.#model.sheets.map((s) => this.#api.sheet(s));
  }

  getNumSheets(): number {
    this.#charge('getNumSheets');
    return this.#model.sheets.length;
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer): 0-based index; the new sheet becomes active.
  insertSheet(a?: unknown, b?: unknown): object {
    this.#charge('insertSheet');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined)
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', [a, b]);
    if (typeof b === 'number') index = b;
    const sheet = this.#model.addSheet(name ?? this.#model.nextDefaultSheetName(), index);
    this.#model.activeSheet = sheet;
    return this.#api.sheet(sheet);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
  deleteSheet(sheet: unknown): void {
    this.#charge('deleteSheet');
    this.#model.removeSheet(sheetOf(sheet, 'SpreadsheetApp.Spreadsheet.deleteSheet'));
  }

  getActiveSheet(): object {
    this.#charge('getActiveSheet');
    return this.#api.sheet(this.#model.activeSheet);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange(): the selection in the active sheet.
  getActiveRange(): object {
    this.#charge('getActiveRange');
    const { row, col } = this.#model.activeCell;
    return this.#api.range(this.#model.activeSheet, { row, col, numRows: 1, numCols: 1 });
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#moveActiveSheet(Integer): 1-based position.
  moveActiveSheet(pos: unknown): void {
    this.#charge('moveActiveSheet');
    if (
      typeof pos !== 'number' ||
      !Number.isInteger(pos) ||
      pos < 1 ||
      pos > this.#model.sheets.length
    )
      throw new Error(
        `Exception: The parameters (${String(pos)}) don't match the method signature for SpreadsheetApp.Spreadsheet.moveActiveSheet.`,
      );
    this.#model.moveSheet(this.#model.activeSheet, pos - 1);
  }

  setActiveSheet(sheet: unknown): object {
    this.#charge('setActiveSheet');
    const model = sheetOf(sheet, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.#model.activeSheet = model;
    return this.#api.sheet(model);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetTimeZone()
  getSpreadsheetTimeZone(): string {
    this.#charge('getSpreadsheetTimeZone');
    return this.#model.timeZone;
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetTimeZone(String): an IANA name.
  setSpreadsheetTimeZone(timezone: string): void {
    this.#charge('setSpreadsheetTimeZone');
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      throw new ScriptError(`Invalid argument: ${timezone}`);
    }
    this.#model.timeZone = String(timezone);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSpreadsheetLocale()
  getSpreadsheetLocale(): string {
    this.#charge('getSpreadsheetLocale');
    return this.#model.locale;
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String): e.g. 'es_CO'; display and parsing follow it.
  setSpreadsheetLocale(locale: string): void {
    this.#charge('setSpreadsheetLocale');
    this.#model.locale = String(locale);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.#charge('toast');
    this.#model.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? DEFAULT_TOAST_SECONDS,
      atMs: this.#api.exec.now(),
    });
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String): 'Sheet!A1:B2', else the active sheet.
  getRange(a1Notation: string): object {
    this.#charge('getRange');
    const { sheet: sheetName, ref } = splitSheetPrefix(String(a1Notation));
    const sheet = sheetName === null ? this.#model.activeSheet : this.#model.sheet(sheetName);
    if (!sheet) throw new ScriptError('Range not found');
    return this.#api.range(sheet, checkRect(sheet, parseA1(ref, sheet.maxRows, sheet.maxCols)));
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#appendRow(Object): on the active sheet; returns that Sheet.
  appendRow(rowContents: unknown): object {
    const values = Array.isArray(rowContents) ? (rowContents as unknown[]) : null;
    this.#api.exec.charge('Spreadsheet.appendRow', values?.length ?? 0);
    if (!values) throw signatureError('SpreadsheetApp.Spreadsheet.appendRow', [rowContents]);
    appendRowTo(this.#model.activeSheet, values);
    return this.#api.sheet(this.#model.activeSheet);
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getFormUrl(): the form writing here, or null ("indeterminate" with several; ours is the leftmost response sheet's).
  getFormUrl(): string | null {
    this.#charge('getFormUrl');
    return this.#model.sheets.find((s) => s.formUrl !== null)?.formUrl ?? null;
  }

  // developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getProtections(ProtectionType)
  getProtections(type: string): object[] {
    this.#charge('getProtections');
    const kind = String(type) === 'SHEET' ? 'SHEET' : 'RANGE';
    return this.#model.activeProtections(kind).map((p) => new ProtectionApi(this.#api, p));
  }

  toString(): string {
    return 'Spreadsheet';
  }
}
