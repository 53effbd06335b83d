// Data-validation builder and rule objects. Built rules are plain DataValidationModel values
// that cells store for inspection; conditional formats are in spreadsheet-conditional.ts.

import { ScriptError } from '../kernel';
import { rectA1 } from './spreadsheet-a1';
import { rangeOf, type RangeRef, type SheetsApi } from './spreadsheet-api';
import type { DataValidationModel } from './spreadsheet-cell';

/** developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria */
export const DataValidationCriteria = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
});

const validations = new WeakMap<object, DataValidationModel>();

/** The model behind a DataValidation the script passes to Range.setDataValidation. */
export function validationOf(value: unknown): DataValidationModel | undefined {
  return typeof value === 'object' && value !== null ? validations.get(value) : undefined;
}

/** developers.google.com/apps-script/reference/spreadsheet/data-validation */
export function dataValidationApi(api: SheetsApi, model: DataValidationModel): object {
  const charge = (m: string): void => api.exec.charge(`DataValidation.${m}`);
  const obj = {
    getCriteriaType: (): string => (charge('getCriteriaType'), model.criteria),
    getCriteriaValues: (): unknown[] => (charge('getCriteriaValues'), criteriaValues(model)),
    getAllowInvalid: (): boolean => (charge('getAllowInvalid'), model.allowInvalid),
    getHelpText: (): string => (charge('getHelpText'), model.helpText),
    copy: (): object => (charge('copy'), new DataValidationBuilderApi(api, model)),
    toString: (): string => 'DataValidation',
  };
  validations.set(obj, model);
  return obj;
}

// developers.google.com/apps-script/reference/spreadsheet/data-validation#getCriteriaValues(): list rules give [values, showDropdown].
function criteriaValues(model: DataValidationModel): unknown[] {
  if (model.criteria === 'VALUE_IN_LIST' || model.criteria === 'VALUE_IN_RANGE') {
    return [[...model.values], model.showDropdown];
  }
  return [...model.values];
}

/** developers.google.com/apps-script/reference/spreadsheet/data-validation-builder */
export class DataValidationBuilderApi {
  readonly #api: SheetsApi;
  #model: DataValidationModel;

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean): "The default for a new data validation rule is true."
  constructor(api: SheetsApi, from?: DataValidationModel) {
    this.#api = api;
    this.#model = from ?? {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: '',
      showDropdown: true,
    };
  }

  #set(method: string, patch: Partial<DataValidationModel>): this {
    this.#api.exec.charge(`DataValidationBuilder.${method}`);
    this.#model = { ...this.#model, ...patch };
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInList(String,Boolean)
  requireValueInList(values: readonly unknown[], showDropdown = true): this {
    return this.#set('requireValueInList', {
      criteria: 'VALUE_IN_LIST',
      values: [...values].map(String),
      showDropdown: Boolean(showDropdown),
    });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInRange(Range,Boolean)
  requireValueInRange(range: unknown, showDropdown = true): this {
    const ref: RangeRef = rangeOf(
      range,
      'SpreadsheetApp.DataValidationBuilder.requireValueInRange',
    );
    const a1 = `'${ref.sheet.name}'!${rectA1(ref.rect)}`;
    return this.#set('requireValueInRange', {
      criteria: 'VALUE_IN_RANGE',
      values: [a1],
      showDropdown: Boolean(showDropdown),
    });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox(): TRUE/FALSE, or custom checked/unchecked values.
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const values =
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.#set('requireCheckbox', { criteria: 'CHECKBOX', values });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextIsEmail()
  requireTextIsEmail(): this {
    return this.#set('requireTextIsEmail', { criteria: 'TEXT_IS_VALID_EMAIL', values: [] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextIsUrl()
  requireTextIsUrl(): this {
    return this.#set('requireTextIsUrl', { criteria: 'TEXT_IS_VALID_URL', values: [] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextContains(String)
  requireTextContains(text: string): this {
    return this.#set('requireTextContains', { criteria: 'TEXT_CONTAINS', values: [String(text)] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireNumberBetween(Number,Number)
  requireNumberBetween(start: number, end: number): this {
    return this.#set('requireNumberBetween', { criteria: 'NUMBER_BETWEEN', values: [start, end] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireDate()
  requireDate(): this {
    return this.#set('requireDate', { criteria: 'DATE_IS_VALID_DATE', values: [] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireFormulaSatisfied(String)
  requireFormulaSatisfied(formula: string): this {
    return this.#set('requireFormulaSatisfied', {
      criteria: 'CUSTOM_FORMULA',
      values: [String(formula)],
    });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#withCriteria(DataValidationCriteria,Object)
  withCriteria(criteria: string, args: readonly unknown[]): this {
    return this.#set('withCriteria', { criteria: String(criteria), values: [...args] });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
  setAllowInvalid(allowInvalid: boolean): this {
    return this.#set('setAllowInvalid', { allowInvalid: Boolean(allowInvalid) });
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setHelpText(String)
  setHelpText(helpText: string): this {
    return this.#set('setHelpText', { helpText: String(helpText) });
  }

  getCriteriaType(): string {
    this.#api.exec.charge('DataValidationBuilder.getCriteriaType');
    return this.#model.criteria;
  }

  getAllowInvalid(): boolean {
    this.#api.exec.charge('DataValidationBuilder.getAllowInvalid');
    return this.#model.allowInvalid;
  }

  getHelpText(): string {
    this.#api.exec.charge('DataValidationBuilder.getHelpText');
    return this.#model.helpText;
  }

  // developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#build(): a rule needs criteria (our wording).
  build(): object {
    this.#api.exec.charge('DataValidationBuilder.build');
    if (!this.#model.criteria) throw new ScriptError('You must specify a criteria type.');
    return dataValidationApi(this.#api, this.#model);
  }

  toString(): string {
    return 'DataValidationBuilder';
  }
}
