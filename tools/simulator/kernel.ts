// The simulator's execution kernel: virtual time, the cost table and per-execution call accounting.
// Every emulated service method calls `exec.charge('Service.method', units)` before doing its work.

import {
  dateString,
  instantOfWall,
  parseInScriptZone,
  scriptOffsetMinutes,
  timeString,
  wallDate,
  withZoneOption,
} from './services/script-time-zone';

/** Cost of one call: a fixed part plus a part per unit (cells read or written, recipients, bytes/1000). */
export interface CostRule {
  readonly baseMs: number;
  readonly perUnitMs?: number;
}

/**
 * Keys are `Service.method`, `Service.*` or `*`. The figures are rough medians reported for Apps Script
 * (spreadsheet round trips in the tens of milliseconds, a sent mail in the hundreds); they make the
 * 6-minute limit and batching visible, not exact. Override per run with `SimulatorOptions.costs`.
 */
export const DEFAULT_COSTS: Readonly<Record<string, CostRule>> = {
  '*': { baseMs: 1 },
  'SpreadsheetApp.*': { baseMs: 5 },
  'SpreadsheetApp.openById': { baseMs: 300 },
  'SpreadsheetApp.flush': { baseMs: 50 },
  'Spreadsheet.*': { baseMs: 5 },
  'Spreadsheet.insertSheet': { baseMs: 150 },
  'Sheet.*': { baseMs: 5 },
  'Sheet.appendRow': { baseMs: 60, perUnitMs: 0.05 },
  'Sheet.getLastRow': { baseMs: 20 },
  'Range.*': { baseMs: 2 },
  'Range.getValues': { baseMs: 30, perUnitMs: 0.002 },
  'Range.getDisplayValues': { baseMs: 40, perUnitMs: 0.003 },
  'Range.setValues': { baseMs: 60, perUnitMs: 0.01 },
  'Range.setValue': { baseMs: 40 },
  'Range.getValue': { baseMs: 25 },
  'TextFinder.findNext': { baseMs: 40, perUnitMs: 0.0005 },
  'TextFinder.findAll': { baseMs: 40, perUnitMs: 0.0005 },
  'FormApp.*': { baseMs: 5 },
  'FormApp.create': { baseMs: 800 },
  'FormApp.openById': { baseMs: 300 },
  'Form.*': { baseMs: 20 },
  'Form.getResponses': { baseMs: 100, perUnitMs: 0.5 },
  'FormResponse.*': { baseMs: 1 },
  'MailApp.sendEmail': { baseMs: 250, perUnitMs: 20 },
  'MailApp.getRemainingDailyQuota': { baseMs: 10 },
  'PropertiesService.*': { baseMs: 2 },
  'Properties.*': { baseMs: 10 },
  'CacheService.*': { baseMs: 2 },
  'Cache.*': { baseMs: 8 },
  'LockService.*': { baseMs: 2 },
  'Lock.*': { baseMs: 10 },
  'ScriptApp.*': { baseMs: 20 },
  'ScriptApp.getProjectTriggers': { baseMs: 100 },
  'ClockTriggerBuilder.create': { baseMs: 300 },
  'FormTriggerBuilder.create': { baseMs: 300 },
  'SpreadsheetTriggerBuilder.create': { baseMs: 300 },
  'Utilities.*': { baseMs: 1 },
  'HtmlService.*': { baseMs: 20 },
  'Session.*': { baseMs: 2 },
};

/** The documented 6-minute limit per execution (developers.google.com/apps-script/guides/services/quotas). */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** Simple triggers such as onOpen get 30 seconds (developers.google.com/apps-script/guides/triggers). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** An error as Apps Script throws it to the script: a plain `Error` with the service's message. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown when an execution passes its time limit; the script cannot catch its way past it. */
export class ExecutionTimeLimitError extends ScriptError {
  constructor() {
    super('Exceeded maximum execution time');
  }
}

export interface ExecutionOptions {
  readonly name: string;
  readonly startMs: number;
  readonly limitMs?: number;
  readonly costs?: Readonly<Record<string, CostRule>>;
  readonly authMode?: AuthMode;
  readonly activeUser?: string;
  readonly effectiveUser?: string;
}

/** One run of a script from a trigger, a menu, an rpc or a web request. */
export class Execution {
  readonly name: string;
  readonly startMs: number;
  readonly limitMs: number;
  readonly authMode: AuthMode;
  readonly activeUser: string;
  readonly effectiveUser: string;
  readonly calls = new Map<string, number>();
  readonly logs: string[] = [];
  simulatedMs = 0;
  private readonly costs: Readonly<Record<string, CostRule>>;
  private readonly exitHooks: Array<() => void> = [];

  constructor(options: ExecutionOptions) {
    this.name = options.name;
    this.startMs = options.startMs;
    this.limitMs = options.limitMs ?? EXECUTION_LIMIT_MS;
    this.costs = options.costs ?? DEFAULT_COSTS;
    this.authMode = options.authMode ?? 'FULL';
    this.activeUser = options.activeUser ?? '';
    this.effectiveUser = options.effectiveUser ?? options.activeUser ?? '';
  }

  /** Counts one call of `key` (`Service.method`), charges its cost and enforces the time limit. */
  charge(key: string, units = 0): void {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const rule = this.costFor(key);
    this.spend(rule.baseMs + (rule.perUnitMs ?? 0) * units);
  }

  /** Advances this execution's time without a service call (Utilities.sleep, waiting on a lock). */
  spend(ms: number): void {
    this.simulatedMs += ms;
    if (this.simulatedMs > this.limitMs) throw new ExecutionTimeLimitError();
  }

  /** Scenario time now, inside this execution. */
  now(): number {
    return this.startMs + this.simulatedMs;
  }

  get totalCalls(): number {
    let total = 0;
    for (const count of this.calls.values()) total += count;
    return total;
  }

  log(line: string): void {
    this.logs.push(line);
  }

  /** Registers work to do when the execution ends (locks are released then, per LockService docs). */
  onExit(hook: () => void): void {
    this.exitHooks.push(hook);
  }

  finish(): void {
    for (const hook of this.exitHooks.splice(0)) hook();
  }

  /** Throws the Apps Script authorization error when a simple trigger touches a service needing auth. */
  requireAuthorization(what: string): void {
    if (this.authMode === 'LIMITED' || this.authMode === 'NONE') {
      // developers.google.com/apps-script/guides/triggers#restrictions: simple triggers cannot use services that require authorization.
      throw new ScriptError(
        `You do not have permission to call ${what}. Required permissions are not granted in authMode ${this.authMode}.`,
      );
    }
  }

  private costFor(key: string): CostRule {
    const service = key.split('.')[0];
    return this.costs[key] ?? this.costs[`${service}.*`] ?? this.costs['*'] ?? { baseMs: 0 };
  }
}

/** Monotonic ids for simulated Google objects (spreadsheet ids, response ids, trigger uids). */
export class IdSource {
  private next = 1;
  constructor(private readonly prefix: string) {}
  take(): string {
    const n = this.next++;
    return `${this.prefix}${n.toString(36).padStart(6, '0')}`;
  }
}

let readVirtualNow: () => number = () => Date.now();

/** Points `SimDate` at the simulator's clock; the runner calls it before each execution. */
export function setVirtualNow(read: () => number): void {
  readVirtualNow = read;
}

/** Local-time setters: the wall-clock Date's UTC counterpart does the field arithmetic. */
type WallSetter =
  | 'setUTCFullYear'
  | 'setUTCMonth'
  | 'setUTCDate'
  | 'setUTCHours'
  | 'setUTCMinutes'
  | 'setUTCSeconds'
  | 'setUTCMilliseconds';

/** The time value `new Date(...args)` stands for, local fields read in the script zone. */
function timeValueOf(args: readonly unknown[]): number {
  if (args.length === 0) return readVirtualNow();
  if (args.length === 1) {
    const [value] = args;
    if (typeof value === 'string') return parseInScriptZone(value);
    return new Date(value as number).getTime();
  }
  const [y, m, d = 1, h = 0, mi = 0, sec = 0, ms = 0] = args.map(Number);
  // ECMAScript MakeDay: years 0-99 mean 1900-1999.
  const year = Number.isInteger(y) && y >= 0 && y <= 99 ? 1900 + y : y;
  const wall = new Date(0);
  wall.setUTCFullYear(year, m, d);
  wall.setUTCHours(h, mi, sec, ms);
  return instantOfWall(wall.getTime());
}

/**
 * The `Date` that simulated scripts see: `new Date()` and `Date.now()` read the virtual clock,
 * and every local-time method (getHours, setDate, getTimezoneOffset, toString, the
 * `new Date(y, m, d, …)` constructor, local-time text in `Date.parse`…) works in the script time
 * zone of the project running (developers.google.com/apps-script/concepts/manifests "timeZone";
 * services/script-time-zone.ts), never in the host machine's TZ. Services must create dates with
 * `new SimDate(ms)` so `instanceof Date` holds inside scripts.
 */
export class SimDate extends Date {
  constructor(...args: unknown[]) {
    super(timeValueOf(args));
  }
  static override now(): number {
    return readVirtualNow();
  }
  static override parse(text: string): number {
    return parseInScriptZone(String(text));
  }

  #wall(): Date {
    return wallDate(this.getTime());
  }

  #setWall(setter: WallSetter, args: readonly unknown[]): number {
    const t = this.getTime();
    // ECMAScript: setFullYear on an invalid date starts from +0 local; other setters keep NaN.
    if (Number.isNaN(t) && setter !== 'setUTCFullYear') return NaN;
    const wall = Number.isNaN(t) ? new Date(0) : wallDate(t);
    (wall[setter] as (...a: number[]) => number)(...args.map(Number));
    return this.setTime(instantOfWall(wall.getTime()));
  }

  override getFullYear(): number {
    return this.#wall().getUTCFullYear();
  }
  override getMonth(): number {
    return this.#wall().getUTCMonth();
  }
  override getDate(): number {
    return this.#wall().getUTCDate();
  }
  override getDay(): number {
    return this.#wall().getUTCDay();
  }
  override getHours(): number {
    return this.#wall().getUTCHours();
  }
  override getMinutes(): number {
    return this.#wall().getUTCMinutes();
  }
  override getSeconds(): number {
    return this.#wall().getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.#wall().getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    const t = this.getTime();
    return Number.isNaN(t) ? NaN : -scriptOffsetMinutes(t);
  }
  override setFullYear(...args: number[]): number {
    return this.#setWall('setUTCFullYear', args);
  }
  override setMonth(...args: number[]): number {
    return this.#setWall('setUTCMonth', args);
  }
  override setDate(...args: number[]): number {
    return this.#setWall('setUTCDate', args);
  }
  override setHours(...args: number[]): number {
    return this.#setWall('setUTCHours', args);
  }
  override setMinutes(...args: number[]): number {
    return this.#setWall('setUTCMinutes', args);
  }
  override setSeconds(...args: number[]): number {
    return this.#setWall('setUTCSeconds', args);
  }
  override setMilliseconds(...args: number[]): number {
    return this.#setWall('setUTCMilliseconds', args);
  }
  override toString(): string {
    const t = this.getTime();
    return Number.isNaN(t) ? 'Invalid Date' : `${dateString(t)} ${timeString(t)}`;
  }
  override toDateString(): string {
    const t = this.getTime();
    return Number.isNaN(t) ? 'Invalid Date' : dateString(t);
  }
  override toTimeString(): string {
    const t = this.getTime();
    return Number.isNaN(t) ? 'Invalid Date' : timeString(t);
  }
  override toLocaleString(locales?: unknown, options?: unknown): string {
    return super.toLocaleString(locales as string, withZoneOption(options));
  }
  override toLocaleDateString(locales?: unknown, options?: unknown): string {
    return super.toLocaleDateString(locales as string, withZoneOption(options));
  }
  override toLocaleTimeString(locales?: unknown, options?: unknown): string {
    return super.toLocaleTimeString(locales as string, withZoneOption(options));
  }
}

/** True for a Date from any realm (scripts run in their own vm contexts). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
