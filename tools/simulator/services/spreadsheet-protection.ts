// Protection: developers.google.com/apps-script/reference/spreadsheet/protection
// The model (spreadsheet-rules.ts) is what tests and the harness inspect; this only edits it.

import type { SheetsApi } from './spreadsheet-api';
import { rangeOf } from './spreadsheet-api';
import { type ProtectionModel, protectionAllows } from './spreadsheet-rules';

/** A Base.User as Apps Script hands it out: only the email is meaningful here. */
export function userObject(email: string): object {
  return {
    getEmail: (): string => email,
    toString: (): string => email,
  };
}

export function emailOf(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'getEmail' in value) {
    const get = (value as { getEmail: unknown }).getEmail;
    if (typeof get === 'function') return String(get.call(value)).toLowerCase();
  }
  return String(value).toLowerCase();
}

export class ProtectionApi {
  readonly #api: SheetsApi;
  readonly #model: ProtectionModel;

  constructor(api: SheetsApi, model: ProtectionModel) {
    this.#api = api;
    this.#model = model;
  }

  #charge(method: string): void {
    this.#api.exec.charge(`Protection.${method}`);
  }

  get #owner(): string {
    return this.#model.sheet.parent.owner;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#setDescription(String)
  setDescription(description: string): this {
    this.#charge('setDescription');
    this.#model.description = String(description);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#getDescription()
  getDescription(): string {
    this.#charge('getDescription');
    return this.#model.description;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean): editors list no longer applies.
  setWarningOnly(warningOnly: boolean): this {
    this.#charge('setWarningOnly');
    this.#model.warningOnly = Boolean(warningOnly);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#isWarningOnly()
  isWarningOnly(): boolean {
    this.#charge('isWarningOnly');
    return this.#model.warningOnly;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#addEditor(String)
  addEditor(emailOrUser: unknown): this {
    this.#charge('addEditor');
    this.#add([emailOrUser]);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#addEditors(String)
  addEditors(emails: readonly unknown[]): this {
    this.#charge('addEditors');
    this.#add(emails);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#removeEditor(String): the owner cannot be removed.
  removeEditor(emailOrUser: unknown): this {
    this.#charge('removeEditor');
    this.#remove([emailOrUser]);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#removeEditors(String)
  removeEditors(emailsOrUsers: readonly unknown[]): this {
    this.#charge('removeEditors');
    this.#remove(emailsOrUsers);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#getEditors(): the owner is always listed.
  getEditors(): object[] {
    this.#charge('getEditors');
    const emails = [this.#owner, ...this.#model.editors.filter((e) => e !== this.#owner)];
    return emails.map(userObject);
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#canEdit(): scripts run as the owner, who always can.
  canEdit(): boolean {
    this.#charge('canEdit');
    const user = this.#api.exec.effectiveUser || this.#owner;
    return protectionAllows(this.#model, user, this.#owner);
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#canDomainEdit()
  canDomainEdit(): boolean {
    this.#charge('canDomainEdit');
    return this.#model.domainEdit;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#setDomainEdit(Boolean)
  setDomainEdit(editable: boolean): this {
    this.#charge('setDomainEdit');
    this.#model.domainEdit = Boolean(editable);
    this.#model.editorsCustomized = true;
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#setUnprotectedRanges(Range): sheet protections only.
  setUnprotectedRanges(ranges: readonly unknown[]): this {
    this.#charge('setUnprotectedRanges');
    const refs = [...ranges].map((r) =>
      rangeOf(r, 'SpreadsheetApp.Protection.setUnprotectedRanges'),
    );
    if (this.#model.type === 'SHEET') this.#model.unprotected = refs.map((r) => r.rect);
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#getUnprotectedRanges()
  getUnprotectedRanges(): object[] {
    this.#charge('getUnprotectedRanges');
    return this.#model.unprotected.map((rect) => this.#api.range(this.#model.sheet, rect));
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#getRange(): a sheet protection returns the whole grid.
  getRange(): object {
    this.#charge('getRange');
    const sheet = this.#model.sheet;
    const rect = this.#model.rect ?? {
      row: 1,
      col: 1,
      numRows: sheet.maxRows,
      numCols: sheet.maxCols,
    };
    return this.#api.range(sheet, rect);
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#setRange(Range)
  setRange(range: unknown): this {
    this.#charge('setRange');
    const ref = rangeOf(range, 'SpreadsheetApp.Protection.setRange');
    if (this.#model.type === 'RANGE') this.#model.rect = ref.rect;
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#getProtectionType()
  getProtectionType(): string {
    this.#charge('getProtectionType');
    return this.#model.type;
  }

  // developers.google.com/apps-script/reference/spreadsheet/protection#remove()
  remove(): void {
    this.#charge('remove');
    this.#model.removed = true;
  }

  toString(): string {
    return 'Protection';
  }

  #add(values: readonly unknown[]): void {
    for (const v of values) {
      const email = emailOf(v);
      if (!this.#model.editors.includes(email)) this.#model.editors.push(email);
    }
    this.#model.editorsCustomized = true;
  }

  #remove(values: readonly unknown[]): void {
    const gone = new Set([...values].map(emailOf));
    this.#model.editors = this.#model.editors.filter((e) => !gone.has(e) || e === this.#owner);
    this.#model.editorsCustomized = true;
  }
}
