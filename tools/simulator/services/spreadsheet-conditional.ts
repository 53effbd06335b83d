// Conditional-format rule builder and rule objects. Built rules are plain
// ConditionalFormatRuleModel values that sheets store for inspection.

import { ScriptError } from '../kernel';
import { rangeOf, type RangeRef, type SheetsApi } from './spreadsheet-api';
import type { ConditionalFormatRuleModel } from './spreadsheet-rules';

const conditionalRules = new WeakMap<object, ConditionalFormatRuleModel>();

/** The model behind a rule the script passes to Sheet.setConditionalFormatRules. */
export function conditionalRuleOf(value: unknown): ConditionalFormatRuleModel | undefined {
  return typeof value === 'object' && value !== null ? conditionalRules.get(value) : undefined;
}

interface RuleDraft {
  condition: ConditionalFormatRuleModel['condition'] | null;
  format: ConditionalFormatRuleModel['format'];
  ranges: RangeRef[];
}

/** A built rule as getConditionalFormatRules returns it. */
export function conditionalRuleApi(api: SheetsApi, model: ConditionalFormatRuleModel): object {
  const charge = (m: string): void => api.exec.charge(`ConditionalFormatRule.${m}`);
  const obj = {
    getRanges: (): object[] => (
      charge('getRanges'),
      model.ranges.map((r) => api.range(r.sheet, r.rect))
    ),
    copy: (): object => (charge('copy'), new ConditionalFormatRuleBuilderApi(api, model)),
    // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule#getBooleanCondition(): null for gradient rules (none here).
    getBooleanCondition: (): object => (
      charge('getBooleanCondition'),
      {
        getCriteriaType: (): string => model.condition.type,
        getCriteriaValues: (): string[] => [...model.condition.values],
        getBackground: (): string | null => model.format.background ?? null,
        getFontColor: (): string | null => model.format.fontColor ?? null,
      }
    ),
    toString: (): string => 'ConditionalFormatRule',
  };
  conditionalRules.set(obj, model);
  return obj;
}

/** developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder */
export class ConditionalFormatRuleBuilderApi {
  readonly #api: SheetsApi;
  readonly #draft: RuleDraft;

  constructor(api: SheetsApi, from?: ConditionalFormatRuleModel) {
    this.#api = api;
    this.#draft = {
      condition: from?.condition ?? null,
      format: { ...from?.format },
      ranges: from ? [...from.ranges] : [],
    };
  }

  #when(method: string, type: string, values: readonly unknown[]): this {
    this.#api.exec.charge(`ConditionalFormatRuleBuilder.${method}`);
    this.#draft.condition = { type, values: values.map(String) };
    return this;
  }

  #format(method: string, patch: RuleDraft['format']): this {
    this.#api.exec.charge(`ConditionalFormatRuleBuilder.${method}`);
    this.#draft.format = { ...this.#draft.format, ...patch };
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
  whenFormulaSatisfied(formula: string): this {
    return this.#when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenTextEqualTo(String)
  whenTextEqualTo(text: string): this {
    return this.#when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenTextContains(String)
  whenTextContains(text: string): this {
    return this.#when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenCellEmpty()
  whenCellEmpty(): this {
    return this.#when('whenCellEmpty', 'CELL_EMPTY', []);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenCellNotEmpty()
  whenCellNotEmpty(): this {
    return this.#when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenNumberGreaterThan(Number)
  whenNumberGreaterThan(n: number): this {
    return this.#when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenNumberLessThan(Number)
  whenNumberLessThan(n: number): this {
    return this.#when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setBackground(String)
  setBackground(color: string | null): this {
    return this.#format('setBackground', { background: color ?? undefined });
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setFontColor(String)
  setFontColor(color: string | null): this {
    return this.#format('setFontColor', { fontColor: color ?? undefined });
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setBold(Boolean)
  setBold(bold: boolean): this {
    return this.#format('setBold', { bold: Boolean(bold) });
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setItalic(Boolean)
  setItalic(italic: boolean): this {
    return this.#format('setItalic', { italic: Boolean(italic) });
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setStrikethrough(Boolean)
  setStrikethrough(strike: boolean): this {
    return this.#format('setStrikethrough', { strikethrough: Boolean(strike) });
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#setRanges(Range)
  setRanges(ranges: readonly unknown[]): this {
    this.#api.exec.charge('ConditionalFormatRuleBuilder.setRanges');
    this.#draft.ranges = [...ranges].map((r) =>
      rangeOf(r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges'),
    );
    return this;
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#getRanges()
  getRanges(): object[] {
    this.#api.exec.charge('ConditionalFormatRuleBuilder.getRanges');
    return this.#draft.ranges.map((r) => this.#api.range(r.sheet, r.rect));
  }

  // developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#build(): condition and ranges are required.
  build(): object {
    this.#api.exec.charge('ConditionalFormatRuleBuilder.build');
    const { condition, format, ranges } = this.#draft;
    // The docs require a condition; this wording is ours (the real text was not found).
    if (!condition) throw new ScriptError('Conditional format rule must have a condition.');
    return conditionalRuleApi(this.#api, { condition, format: { ...format }, ranges: [...ranges] });
  }

  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
}
