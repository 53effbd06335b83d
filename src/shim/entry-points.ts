// The entity script's entry points (entry-points.json, which build.mjs turns into dist/entity),
// found by role: menus and triggers name these shim functions, never library functions.
import ENTRY_POINTS from './entry-points.json';

export type EntryRole =
  | 'simpleTrigger'
  | 'formSubmitTrigger'
  | 'sweepTrigger'
  | 'editTrigger'
  | 'changeTrigger'
  | 'rpc'
  | 'webApp'
  | 'menu';

export interface EntryPoint {
  readonly name: string;
  readonly calls: string;
  readonly role: EntryRole;
  readonly caption?: string;
}

const ENTRIES = ENTRY_POINTS.entries as readonly EntryPoint[];

/** The shim function that plays `role` (the first, for roles with one function). */
export function shimFunctionFor(role: Exclude<EntryRole, 'menu'>): string {
  const entry = ENTRIES.find((e) => e.role === role);
  if (!entry) throw new Error(`no shim entry point with role ${role}`);
  return entry.name;
}

/** The add-on menu, in order: caption and the shim function each item runs. */
export function menuEntries(): ReadonlyArray<{ caption: string; functionName: string }> {
  return ENTRIES.filter((e) => e.role === 'menu').map((e) => ({
    caption: e.caption ?? e.name,
    functionName: e.name,
  }));
}
