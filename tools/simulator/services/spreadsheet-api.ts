// Shared plumbing for the per-execution Spreadsheet API objects: the factory context that lets
// Range, Sheet and Spreadsheet create each other without import cycles, and the bindings that
// map an API object the script hands back (deleteSheet(sheet), setRanges([range])) to its model.

import { type Execution, ScriptError } from '../kernel';
import type { GridRect } from './spreadsheet-a1';
import type { SpreadsheetModel, SpreadsheetStore } from './spreadsheet-model';
import type { SheetModel } from './spreadsheet-sheet-model';
import type { UiHost } from './ui';

export interface SpreadsheetEnv {
  readonly activeSpreadsheetId: string | null;
  readonly ui: UiHost | null;
}

/** Builds API objects bound to one execution. */
export interface SheetsApi {
  readonly exec: Execution;
  readonly store: SpreadsheetStore;
  readonly env: SpreadsheetEnv;
  spreadsheet(model: SpreadsheetModel): object;
  sheet(model: SheetModel): object;
  range(sheet: SheetModel, rect: GridRect): object;
}

export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: GridRect;
}

const ranges = new WeakMap<object, RangeRef>();
/** A Sheet API object's execution context and model. */
export interface SheetState {
  readonly api: SheetsApi;
  readonly model: SheetModel;
}

const sheets = new WeakMap<object, SheetState>();

export function bindRange(api: object, ref: RangeRef): void {
  ranges.set(api, ref);
}

export function bindSheet(sheet: object, state: SheetState): void {
  sheets.set(sheet, state);
}

export function sheetState(sheet: object): SheetState {
  const state = sheets.get(sheet);
  if (!state) throw new TypeError('Illegal invocation');
  return state;
}

/** The range behind an API Range, or a signature error naming `method`. */
export function rangeOf(value: unknown, method: string): RangeRef {
  const ref = typeof value === 'object' && value !== null ? ranges.get(value) : undefined;
  if (!ref) throw signatureError(method, [value]);
  return ref;
}

export function sheetOf(value: unknown, method: string): SheetModel {
  const state = typeof value === 'object' && value !== null ? sheets.get(value) : undefined;
  if (!state) throw signatureError(method, [value]);
  return state.model;
}

/**
 * Apps Script's message for arguments of the wrong type, e.g.
 * "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues."
 */
export function signatureError(method: string, args: readonly unknown[]): ScriptError {
  const types = args.map(typeName).join(',');
  return new ScriptError(
    `The parameters (${types}) don't match the method signature for ${method}.`,
  );
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return 'Object';
  }
}

/** Integer arguments: Apps Script rejects fractions and non-numbers with its signature error. */
export function intArg(value: unknown, method: string, all: readonly unknown[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, all);
  return Math.trunc(value);
}
