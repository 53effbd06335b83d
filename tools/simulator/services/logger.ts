// Logger and console. Both write to the execution's log (library code logs into the calling
// shim's execution because the loader hands it the same Execution).
import { format as nodeFormat } from 'node:util';
import { type Execution, isDate } from '../kernel';

export interface LoggerApi {
  log(data: unknown, ...values: unknown[]): LoggerApi;
  getLog(): string;
  clear(): void;
}

export interface ConsoleApi {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}

/** Level prefixes written to `exec.logs`, matching the execution log's Info/Warning/Error column. */
export type LogLevel = 'INFO' | 'WARNING' | 'ERROR';

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null && !(value instanceof Error) && !isDate(value)) {
    try {
      // Apps Script prints objects in its own notation; JSON is close enough to read in reports.
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** apps-script/reference/base/logger#log(String,Object...): %s placeholders take the values in order. */
export function substitute(format: unknown, values: readonly unknown[]): string {
  if (values.length === 0) return describe(format);
  let next = 0;
  const text = String(format).replace(/%s/g, (match) =>
    next < values.length ? describe(values[next++]) : match,
  );
  return text;
}

/** Builds the `Logger` global for one execution. */
export function createLogger(exec: Execution): LoggerApi {
  const lines: string[] = [];
  const api: LoggerApi = {
    log(data, ...values) {
      exec.charge('Logger.log');
      const line = substitute(data, values);
      lines.push(line);
      exec.log(`INFO: ${line}`);
      // apps-script/reference/base/logger#log(Object): returns the Logger for chaining.
      return api;
    },
    getLog() {
      exec.charge('Logger.getLog');
      // apps-script/reference/base/logger#getLog(): this execution's messages (without the timestamps
      // the real log prefixes).
      return lines.join('\n');
    },
    clear() {
      exec.charge('Logger.clear');
      lines.length = 0;
    },
  };
  return api;
}

/** Builds the `console` global for one execution (apps-script/guides/logging#console-logging). */
export function createConsole(exec: Execution): ConsoleApi {
  const timers = new Map<string, number>();
  const write = (method: string, level: LogLevel, args: readonly unknown[]): void => {
    exec.charge(`console.${method}`);
    // Node's util.format gives the same %s/%d/%o substitution and object rendering as V8's console.
    exec.log(`${level}: ${nodeFormat(...args)}`);
  };
  return {
    log: (...args) => write('log', 'INFO', args),
    info: (...args) => write('info', 'INFO', args),
    warn: (...args) => write('warn', 'WARNING', args),
    error: (...args) => write('error', 'ERROR', args),
    time(label = 'default') {
      exec.charge('console.time');
      timers.set(String(label), exec.now());
    },
    timeEnd(label = 'default') {
      exec.charge('console.timeEnd');
      const started = timers.get(String(label));
      if (started === undefined) return;
      timers.delete(String(label));
      // Virtual time, so the figure matches the simulator's cost model rather than the host clock.
      exec.log(`INFO: ${String(label)}: ${exec.now() - started}ms`);
    },
  };
}
