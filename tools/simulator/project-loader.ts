// Loads an Apps Script project's code into a fresh `node:vm` context, as Apps Script does on every
// execution: all files share one global scope, and that scope holds only what Apps Script provides
// (no require, process or setTimeout). The compiled script is cached; the globals are not.
// The project's code runs in its manifest's time zone (services/script-time-zone.ts).
import vm from 'node:vm';
import { DEFAULT_SCRIPT_TIME_ZONE, withScriptTimeZone } from './services/script-time-zone';

/** The manifest's name among a project's files (developers.google.com/apps-script/concepts/manifests). */
export const MANIFEST_FILE = 'appsscript';

/**
 * The manifest's `timeZone` (developers.google.com/apps-script/manifest#Manifest.FIELDS.timeZone),
 * when the project's files include `appsscript` (the JSON text); America/Bogota otherwise.
 */
export function manifestTimeZone(files: ReadonlyMap<string, string>): string {
  const text = files.get(MANIFEST_FILE);
  if (text === undefined) return DEFAULT_SCRIPT_TIME_ZONE;
  const manifest = JSON.parse(text) as { timeZone?: unknown };
  return typeof manifest.timeZone === 'string' ? manifest.timeZone : DEFAULT_SCRIPT_TIME_ZONE;
}

export interface AdvancedService {
  readonly userSymbol: string;
  readonly serviceId: string;
  readonly version: string;
}

/** The manifest's `dependencies.enabledAdvancedServices` (none without a manifest). */
export function manifestAdvancedServices(files: ReadonlyMap<string, string>): AdvancedService[] {
  const text = files.get(MANIFEST_FILE);
  if (text === undefined) return [];
  const manifest = JSON.parse(text) as {
    dependencies?: { enabledAdvancedServices?: AdvancedService[] };
  };
  return manifest.dependencies?.enabledAdvancedServices ?? [];
}

export interface CompiledProject {
  readonly name: string;
  readonly script: vm.Script;
  readonly files: ReadonlyMap<string, string>;
  /** Characters of code, for the optional start-up cost. */
  readonly codeSize: number;
  /** The zone the project's `Date` works in: its manifest's timeZone. */
  readonly timeZone: string;
}

export function compileProject(
  name: string,
  code: string,
  files: ReadonlyMap<string, string> = new Map(),
): CompiledProject {
  return {
    name,
    script: new vm.Script(code, { filename: `${name}/Code.js` }),
    files,
    codeSize: code.length,
    timeZone: manifestTimeZone(files),
  };
}

export interface LoadedProject {
  readonly context: vm.Context;
  readonly injected: ReadonlySet<string>;
  /** Evaluates source in the project's global scope (HtmlService scriptlets use it). */
  run(source: string): unknown;
  /** Top-level names the project's code declared, without the ones the platform injected. */
  declaredNames(): string[];
  /** What a library user or google.script.run may reach: declared, and not ending in `_` (libraries guide). */
  publicFunctions(): string[];
  getFunction(name: string): ((...args: unknown[]) => unknown) | null;
}

export function loadProject(
  project: CompiledProject,
  globals: Record<string, unknown>,
): LoadedProject {
  const sandbox: Record<string, unknown> = { ...globals };
  const injected = new Set(Object.keys(sandbox));
  const context = vm.createContext(sandbox, {
    name: project.name,
    codeGeneration: { strings: true, wasm: false },
  });
  // The virtual clock: `new Date()` and `Date.now()` read scenario time (kernel.SimDate), and
  // local time is the project's zone while its code runs.
  const inZone = <T>(fn: () => T): T => withScriptTimeZone(project.timeZone, fn);
  inZone(() => project.script.runInContext(context));
  const declaredNames = (): string[] => Object.keys(sandbox).filter((name) => !injected.has(name));
  return {
    context,
    injected,
    run: (source) => inZone(() => vm.runInContext(source, context)),
    declaredNames,
    publicFunctions: () =>
      declaredNames().filter((name) => !name.endsWith('_') && typeof sandbox[name] === 'function'),
    getFunction: (name) => {
      const value = sandbox[name];
      if (injected.has(name) || typeof value !== 'function') return null;
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => inZone(() => fn(...args));
    },
  };
}
