// ScriptApp: installable triggers, the script id and the web-app URL of the project whose
// ScriptApp this is. ScriptApp is "shared" in the libraries guide, so the loader hands library code
// the calling shim's TriggerStore, id and URL; this module never decides scoping.
import { type Execution, ScriptError, isDate } from '../kernel';
import {
  DEFAULT_TRIGGER_TIME_ZONE,
  WEEK_DAYS,
  type ClockSchedule,
  type TriggerEventType,
  type TriggerRecord,
  type TriggerSourceKind,
  type TriggerStore,
  type WeekDayName,
} from './triggers';
import { resolveZone, zonedTimeToMs } from './utilities-zone';

const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

function enumOf<T extends string>(names: readonly T[]): Readonly<Record<T, T>> {
  const out = {} as Record<T, T>;
  for (const name of names) out[name] = name;
  return Object.freeze(out);
}

/** apps-script/reference/script/auth-mode */
export const AUTH_MODE = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
/** apps-script/reference/script/event-type */
export const EVENT_TYPE = enumOf([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
/** apps-script/reference/script/trigger-source */
export const TRIGGER_SOURCE = enumOf([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
/** apps-script/reference/base/weekday (exposed as ScriptApp.WeekDay) */
export const WEEK_DAY = enumOf(WEEK_DAYS);

export interface TriggerApi {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): string;
  getTriggerSource(): string;
  getTriggerSourceId(): string | null;
}

export interface ClockTriggerBuilderApi {
  everyMinutes(n: number): ClockTriggerBuilderApi;
  everyHours(n: number): ClockTriggerBuilderApi;
  everyDays(n: number): ClockTriggerBuilderApi;
  everyWeeks(n: number): ClockTriggerBuilderApi;
  onWeekDay(day: string): ClockTriggerBuilderApi;
  onMonthDay(day: number): ClockTriggerBuilderApi;
  atHour(hour: number): ClockTriggerBuilderApi;
  nearMinute(minute: number): ClockTriggerBuilderApi;
  at(date: Date): ClockTriggerBuilderApi;
  atDate(year: number, month: number, day: number): ClockTriggerBuilderApi;
  after(durationMilliseconds: number): ClockTriggerBuilderApi;
  inTimezone(timezone: string): ClockTriggerBuilderApi;
  create(): TriggerApi;
}

export interface FormTriggerBuilderApi {
  onFormSubmit(): FormTriggerBuilderApi;
  onOpen(): FormTriggerBuilderApi;
  create(): TriggerApi;
}

export interface SpreadsheetTriggerBuilderApi {
  onFormSubmit(): SpreadsheetTriggerBuilderApi;
  onOpen(): SpreadsheetTriggerBuilderApi;
  onEdit(): SpreadsheetTriggerBuilderApi;
  onChange(): SpreadsheetTriggerBuilderApi;
  create(): TriggerApi;
}

export interface TriggerBuilderApi {
  timeBased(): ClockTriggerBuilderApi;
  forForm(form: unknown): FormTriggerBuilderApi;
  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilderApi;
}

export interface ServiceApi {
  getUrl(): string | null;
  isEnabled(): boolean;
}

export interface ScriptAppApi {
  readonly AuthMode: typeof AUTH_MODE;
  readonly EventType: typeof EVENT_TYPE;
  readonly TriggerSource: typeof TRIGGER_SOURCE;
  readonly WeekDay: typeof WEEK_DAY;
  newTrigger(functionName: string): TriggerBuilderApi;
  getProjectTriggers(): TriggerApi[];
  getUserTriggers(document: unknown): TriggerApi[];
  deleteTrigger(trigger: TriggerApi): void;
  getScriptId(): string;
  getService(): ServiceApi;
}

export interface ScriptAppEnv {
  readonly triggers: TriggerStore;
  readonly scriptId: string;
  /** The deployed web-app URL, or null when the project has no web-app deployment. */
  readonly serviceUrl: string | null;
  /** Project owner; used as the trigger owner only when the execution has no effective user. */
  readonly owner: string;
  /** Default zone for clock triggers (the manifest's timeZone); 'America/Bogota' when omitted. */
  readonly timeZone?: string;
}

/** Source ids come as a string or as a Form/Spreadsheet/Document object with getId(). */
function sourceIdOf(value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getId?: unknown }).getId === 'function'
  ) {
    return String((value as { getId(): unknown }).getId());
  }
  throw new ScriptError('Invalid argument: key');
}

function integerIn(raw: unknown, min: number, max: number, what: string): number {
  const n = Number(raw);
  // Out-of-range wording is the simulator's own: the reference lists ranges but not the errors.
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ScriptError(`Invalid argument: ${what}`);
  return n;
}

/** Builds the `ScriptApp` global for one execution. */
export function createScriptApp(exec: Execution, env: ScriptAppEnv): ScriptAppApi {
  const store = env.triggers;
  const defaultZone = env.timeZone ?? DEFAULT_TRIGGER_TIME_ZONE;
  const uids = new WeakMap<object, string>();
  const owner = (): string => exec.effectiveUser || env.owner;

  const wrap = (record: TriggerRecord): TriggerApi => {
    const api: TriggerApi = {
      getUniqueId() {
        exec.charge('Trigger.getUniqueId');
        return record.uid;
      },
      getHandlerFunction() {
        exec.charge('Trigger.getHandlerFunction');
        return record.handler;
      },
      getEventType() {
        exec.charge('Trigger.getEventType');
        return record.eventType;
      },
      getTriggerSource() {
        exec.charge('Trigger.getTriggerSource');
        return record.source;
      },
      getTriggerSourceId() {
        exec.charge('Trigger.getTriggerSourceId');
        // apps-script/reference/script/trigger#getTriggerSourceId(): null for clock triggers.
        return record.sourceId;
      },
    };
    uids.set(api, record.uid);
    return api;
  };

  const install = (
    builder: string,
    spec: {
      handler: string;
      eventType: TriggerEventType;
      source: TriggerSourceKind;
      sourceId: string | null;
      schedule?: () => ClockSchedule;
    },
  ): TriggerApi => {
    exec.charge(`${builder}.create`);
    // apps-script/guides/triggers#restrictions: simple triggers cannot create installable triggers.
    exec.requireAuthorization('ScriptApp.newTrigger');
    const user = owner();
    // apps-script/guides/services/quotas: 20 triggers per user per script.
    if (store.countForOwner(user) >= store.maxPerUser) throw new ScriptError(TOO_MANY_TRIGGERS);
    const record = store.add({
      handler: spec.handler,
      eventType: spec.eventType,
      source: spec.source,
      sourceId: spec.sourceId,
      // apps-script/guides/triggers/installable: installable triggers run as the user who created them.
      owner: user,
      ...(spec.schedule ? { schedule: spec.schedule() } : {}),
      createdAtMs: exec.now(),
    });
    return wrap(record);
  };

  const clockBuilder = (handler: string): ClockTriggerBuilderApi => {
    const state: {
      minutes?: number;
      hours?: number;
      days?: number;
      weeks?: number;
      weekDay?: WeekDayName;
      monthDay?: number;
      atHour?: number;
      nearMinute?: number;
      atMs?: number;
      atDate?: [number, number, number];
      afterMs?: number;
      timeZone?: string;
    } = {};
    const schedule = (): ClockSchedule => {
      const timeZone = state.timeZone ?? defaultZone;
      const base = { timeZone, ...(state.atHour === undefined ? {} : { atHour: state.atHour }) };
      const minute = state.nearMinute === undefined ? {} : { nearMinute: state.nearMinute };
      if (state.atMs !== undefined)
        return { frequency: 'ONCE', atMs: state.atMs, near: false, timeZone };
      if (state.afterMs !== undefined) {
        // apps-script/reference/script/clock-trigger-builder#after(Integer): a minimum delay from now.
        return { frequency: 'ONCE', atMs: exec.now() + state.afterMs, near: false, timeZone };
      }
      if (state.atDate) {
        // apps-script/reference/script/clock-trigger-builder#atDate(Integer,Integer,Integer): near midnight (±15 min).
        const zone = resolveZone(timeZone);
        const [y, m, d] = state.atDate;
        const atMs = zone
          ? zonedTimeToMs(zone, y, m, d, state.atHour ?? 0, state.nearMinute ?? 0)
          : Date.UTC(y, m - 1, d);
        return { frequency: 'ONCE', atMs, near: true, timeZone };
      }
      if (state.minutes !== undefined)
        return { frequency: 'MINUTES', every: state.minutes, near: false, timeZone };
      if (state.hours !== undefined)
        return { frequency: 'HOURS', every: state.hours, near: false, timeZone };
      if (state.weeks !== undefined || state.weekDay !== undefined) {
        return {
          frequency: 'WEEKS',
          every: state.weeks ?? 1,
          ...(state.weekDay === undefined ? {} : { weekDay: state.weekDay }),
          ...base,
          ...minute,
          near: true,
        };
      }
      if (state.days !== undefined)
        return { frequency: 'DAYS', every: state.days, ...base, ...minute, near: true };
      if (state.monthDay !== undefined) {
        return { frequency: 'MONTH_DAY', monthDay: state.monthDay, ...base, ...minute, near: true };
      }
      // No documented message exists for a clock builder without a schedule; this wording is ours.
      throw new ScriptError(
        'The clock trigger needs a schedule (everyMinutes, everyHours, everyDays, at, ...).',
      );
    };
    const api: ClockTriggerBuilderApi = {
      everyMinutes(n) {
        exec.charge('ClockTriggerBuilder.everyMinutes');
        // apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer): n must be 1, 5, 10, 15 or 30.
        if (![1, 5, 10, 15, 30].includes(Number(n))) {
          throw new ScriptError(
            'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
          );
        }
        state.minutes = Number(n);
        return api;
      },
      everyHours(n) {
        exec.charge('ClockTriggerBuilder.everyHours');
        // apps-script/reference/script/clock-trigger-builder#everyHours(Integer): n must be 1, 2, 4, 6, 8 or 12.
        if (![1, 2, 4, 6, 8, 12].includes(Number(n))) {
          throw new ScriptError(
            'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
          );
        }
        state.hours = Number(n);
        return api;
      },
      everyDays(n) {
        exec.charge('ClockTriggerBuilder.everyDays');
        state.days = integerIn(n, 1, 10_000, 'n');
        return api;
      },
      everyWeeks(n) {
        exec.charge('ClockTriggerBuilder.everyWeeks');
        state.weeks = integerIn(n, 1, 10_000, 'n');
        return api;
      },
      onWeekDay(day) {
        exec.charge('ClockTriggerBuilder.onWeekDay');
        const name = String(day) as WeekDayName;
        if (!WEEK_DAYS.includes(name)) throw new ScriptError('Invalid argument: day');
        state.weekDay = name;
        return api;
      },
      onMonthDay(day) {
        exec.charge('ClockTriggerBuilder.onMonthDay');
        state.monthDay = integerIn(day, 1, 31, 'day');
        return api;
      },
      atHour(hour) {
        exec.charge('ClockTriggerBuilder.atHour');
        state.atHour = integerIn(hour, 0, 23, 'hour');
        return api;
      },
      nearMinute(minute) {
        exec.charge('ClockTriggerBuilder.nearMinute');
        state.nearMinute = integerIn(minute, 0, 59, 'minute');
        return api;
      },
      at(date) {
        exec.charge('ClockTriggerBuilder.at');
        if (!isDate(date)) throw new ScriptError('Invalid argument: date');
        state.atMs = date.getTime();
        return api;
      },
      atDate(year, month, day) {
        exec.charge('ClockTriggerBuilder.atDate');
        state.atDate = [
          integerIn(year, 1970, 9999, 'year'),
          integerIn(month, 1, 12, 'month'),
          integerIn(day, 1, 31, 'day'),
        ];
        return api;
      },
      after(durationMilliseconds) {
        exec.charge('ClockTriggerBuilder.after');
        state.afterMs = integerIn(
          durationMilliseconds,
          0,
          Number.MAX_SAFE_INTEGER,
          'durationMilliseconds',
        );
        return api;
      },
      inTimezone(timezone) {
        exec.charge('ClockTriggerBuilder.inTimezone');
        if (typeof timezone !== 'string' || resolveZone(timezone) === null) {
          throw new ScriptError('Invalid argument: timezone');
        }
        state.timeZone = timezone;
        return api;
      },
      create() {
        return install('ClockTriggerBuilder', {
          handler,
          eventType: 'CLOCK',
          source: 'CLOCK',
          sourceId: null,
          schedule,
        });
      },
    };
    return api;
  };

  const formBuilder = (handler: string, formId: string): FormTriggerBuilderApi => {
    let eventType: TriggerEventType | null = null;
    const api: FormTriggerBuilderApi = {
      onFormSubmit() {
        exec.charge('FormTriggerBuilder.onFormSubmit');
        eventType = 'ON_FORM_SUBMIT';
        return api;
      },
      onOpen() {
        exec.charge('FormTriggerBuilder.onOpen');
        eventType = 'ON_OPEN';
        return api;
      },
      create() {
        if (eventType === null) {
          exec.charge('FormTriggerBuilder.create');
          throw new ScriptError('The form trigger needs an event type (onFormSubmit or onOpen).');
        }
        return install('FormTriggerBuilder', {
          handler,
          eventType,
          source: 'FORMS',
          sourceId: formId,
        });
      },
    };
    return api;
  };

  const spreadsheetBuilder = (
    handler: string,
    spreadsheetId: string,
  ): SpreadsheetTriggerBuilderApi => {
    let eventType: TriggerEventType | null = null;
    const on = (method: string, type: TriggerEventType) => () => {
      exec.charge(`SpreadsheetTriggerBuilder.${method}`);
      eventType = type;
      return api;
    };
    const api: SpreadsheetTriggerBuilderApi = {
      onFormSubmit: on('onFormSubmit', 'ON_FORM_SUBMIT'),
      onOpen: on('onOpen', 'ON_OPEN'),
      onEdit: on('onEdit', 'ON_EDIT'),
      onChange: on('onChange', 'ON_CHANGE'),
      create() {
        if (eventType === null) {
          exec.charge('SpreadsheetTriggerBuilder.create');
          throw new ScriptError(
            'The spreadsheet trigger needs an event type (onOpen, onEdit, onChange or onFormSubmit).',
          );
        }
        return install('SpreadsheetTriggerBuilder', {
          handler,
          eventType,
          source: 'SPREADSHEETS',
          sourceId: spreadsheetId,
        });
      },
    };
    return api;
  };

  const uidOf = (trigger: unknown): string | null => {
    if (typeof trigger !== 'object' || trigger === null) return null;
    const known = uids.get(trigger);
    if (known) return known;
    const getter = (trigger as { getUniqueId?: unknown }).getUniqueId;
    return typeof getter === 'function' ? String(getter.call(trigger)) : null;
  };

  return {
    AuthMode: AUTH_MODE,
    EventType: EVENT_TYPE,
    TriggerSource: TRIGGER_SOURCE,
    WeekDay: WEEK_DAY,

    newTrigger(functionName) {
      exec.charge('ScriptApp.newTrigger');
      // apps-script/reference/script/script-app#newTrigger(String): the handler is resolved when the
      // trigger fires ("Script function not found" is the runner's error), not at creation.
      const handler = String(functionName);
      return {
        timeBased() {
          exec.charge('TriggerBuilder.timeBased');
          return clockBuilder(handler);
        },
        forForm(form) {
          exec.charge('TriggerBuilder.forForm');
          return formBuilder(handler, sourceIdOf(form));
        },
        forSpreadsheet(spreadsheet) {
          exec.charge('TriggerBuilder.forSpreadsheet');
          return spreadsheetBuilder(handler, sourceIdOf(spreadsheet));
        },
      };
    },

    getProjectTriggers() {
      exec.charge('ScriptApp.getProjectTriggers');
      exec.requireAuthorization('ScriptApp.getProjectTriggers');
      // apps-script/reference/script/script-app#getProjectTriggers(): this project's triggers for the current user.
      return store.forOwner(owner()).map(wrap);
    },

    getUserTriggers(document) {
      exec.charge('ScriptApp.getUserTriggers');
      exec.requireAuthorization('ScriptApp.getUserTriggers');
      // apps-script/reference/script/script-app#getUserTriggers(Spreadsheet): this user's triggers on that file.
      const id = sourceIdOf(document);
      return store
        .forOwner(owner())
        .filter((r) => r.sourceId === id)
        .map(wrap);
    },

    deleteTrigger(trigger) {
      exec.charge('ScriptApp.deleteTrigger');
      exec.requireAuthorization('ScriptApp.deleteTrigger');
      const uid = uidOf(trigger);
      if (uid === null) throw new ScriptError('Invalid argument: trigger');
      const record = store.get(uid);
      // Only the current user's triggers are visible to getProjectTriggers, so only those can be
      // deleted; an unknown or already deleted trigger is ignored (inference: undocumented).
      if (record && record.owner === owner()) store.remove(uid);
    },

    getScriptId() {
      exec.charge('ScriptApp.getScriptId');
      return env.scriptId;
    },

    getService() {
      exec.charge('ScriptApp.getService');
      return {
        getUrl() {
          exec.charge('Service.getUrl');
          // apps-script/reference/script/service#getUrl(): null when the script is not deployed as a web app.
          return env.serviceUrl;
        },
        isEnabled() {
          exec.charge('Service.isEnabled');
          return env.serviceUrl !== null;
        },
      };
    },
  };
}
