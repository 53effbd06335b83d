// Installable triggers of one (shim) project: what ScriptApp created, when each clock trigger is
// next due, and which triggers answer a form or spreadsheet event. The lead's runner fires them.
import { IdSource } from '../kernel';
import { addCivilDays, resolveZone, wallClock, zonedTimeToMs, type Zone } from './utilities-zone';

export type TriggerEventType = 'CLOCK' | 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';
export type TriggerSourceKind = 'CLOCK' | 'FORMS' | 'SPREADSHEETS';
export type WeekDayName =
  'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export const WEEK_DAYS: readonly WeekDayName[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

/** apps-script/guides/services/quotas: 20 triggers per user per script. */
export const MAX_TRIGGERS_PER_USER = 20;
/** apps-script/reference/script/clock-trigger-builder#nearMinute(Integer): "plus or minus 15 minutes". */
export const MAX_JITTER_MS = 15 * 60 * 1000;
export const DEFAULT_TRIGGER_TIME_ZONE = 'America/Bogota';

/** When a clock trigger runs. `ONCE` covers at(date), atDate(...) and after(ms). */
export interface ClockSchedule {
  readonly frequency: 'MINUTES' | 'HOURS' | 'DAYS' | 'WEEKS' | 'MONTH_DAY' | 'ONCE';
  /** n of everyMinutes/everyHours/everyDays/everyWeeks. */
  readonly every?: number;
  readonly atHour?: number;
  readonly nearMinute?: number;
  readonly weekDay?: WeekDayName;
  readonly monthDay?: number;
  /** ONCE: the instant to run at. */
  readonly atMs?: number;
  /** True when the reference promises only "near" the time (±15 min), so jitter applies. */
  readonly near: boolean;
  readonly timeZone: string;
}

export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly eventType: TriggerEventType;
  readonly source: TriggerSourceKind;
  readonly sourceId: string | null;
  /** The effective user who created it; installable triggers run as this user. */
  readonly owner: string;
  readonly schedule?: ClockSchedule;
  readonly createdAtMs: number;
  /** When the runner should fire it next (nominal time plus jitter); null once a one-shot fired. */
  readonly nextFireMs: number | null;
  /** One-shot clock triggers are disabled after firing but stay listed (and counted) until deleted. */
  readonly disabled: boolean;
  readonly fireCount: number;
  readonly lastFiredMs: number | null;
}

export interface NewTrigger {
  readonly handler: string;
  readonly eventType: TriggerEventType;
  readonly source: TriggerSourceKind;
  readonly sourceId: string | null;
  readonly owner: string;
  readonly schedule?: ClockSchedule;
  readonly createdAtMs: number;
}

export interface TriggerStoreOptions {
  readonly ids?: IdSource;
  /** Per-user cap (the quotas page says 20). */
  readonly maxPerUser?: number;
  /**
   * Offset in ms added to a "near" fire time (clamped to ±15 min). Defaults to 0 so runs are
   * deterministic; pass a seeded function to exercise code that must tolerate jitter.
   */
  readonly jitter?: (info: { uid: string; handler: string; nominalMs: number }) => number;
}

type MutableRecord = { -readonly [K in keyof TriggerRecord]: TriggerRecord[K] };

interface Slot {
  record: MutableRecord;
  nominalMs: number | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function zoneOf(schedule: ClockSchedule): Zone {
  return resolveZone(schedule.timeZone) ?? { kind: 'fixed', id: 'GMT', offsetMinutes: 0 };
}

/** The first occurrence strictly after `afterMs` of the local time h:m on dates produced by `dates`. */
function firstLocalOccurrence(
  zone: Zone,
  startMs: number,
  afterMs: number,
  hour: number,
  minute: number,
  accept: (date: { year: number; month: number; day: number }) => boolean,
): number {
  const start = wallClock(startMs, zone);
  for (let i = 0; i < 800; i += 1) {
    const date = addCivilDays(start.year, start.month, start.day, i);
    if (!accept(date)) continue;
    const ms = zonedTimeToMs(zone, date.year, date.month, date.day, hour, minute);
    if (ms > afterMs) return ms;
  }
  throw new Error('no occurrence of the clock schedule within 800 days');
}

/**
 * The schedule's next nominal time strictly after `afterMs`. Missed runs are not replayed: Apps
 * Script does not catch up time-driven triggers, so a trigger fired late resumes on its grid.
 */
export function nextNominalMs(
  schedule: ClockSchedule,
  createdAtMs: number,
  previousNominalMs: number | null,
  afterMs: number,
): number | null {
  const zone = zoneOf(schedule);
  const every = Math.max(1, schedule.every ?? 1);
  switch (schedule.frequency) {
    case 'ONCE':
      return previousNominalMs === null ? (schedule.atMs ?? createdAtMs) : null;
    case 'MINUTES':
    case 'HOURS': {
      // apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer): a fixed period,
      // counted here from the creation time.
      const period = every * (schedule.frequency === 'MINUTES' ? MINUTE : HOUR);
      const base = previousNominalMs ?? createdAtMs;
      const steps = Math.max(1, Math.floor((afterMs - base) / period) + 1);
      return base + steps * period;
    }
    case 'DAYS':
    case 'WEEKS': {
      const created = wallClock(createdAtMs, zone);
      const hour = schedule.atHour ?? created.hour;
      const minute = schedule.nearMinute ?? (schedule.atHour === undefined ? created.minute : 0);
      const stepDays = schedule.frequency === 'DAYS' ? every : 7 * every;
      const weekDay = schedule.weekDay ? WEEK_DAYS.indexOf(schedule.weekDay) + 1 : created.weekday;
      const onWeekDay = (d: { year: number; month: number; day: number }): boolean =>
        schedule.frequency === 'DAYS' ||
        ((new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7) + 1 === weekDay;
      if (previousNominalMs === null) {
        // apps-script/reference/script/clock-trigger-builder#atHour(Integer): the first run is the
        // next h:m (on the chosen weekday) in the trigger's time zone after creation.
        return firstLocalOccurrence(
          zone,
          createdAtMs,
          Math.max(createdAtMs, afterMs),
          hour,
          minute,
          onWeekDay,
        );
      }
      let date = wallClock(previousNominalMs, zone);
      let next = previousNominalMs;
      while (next <= afterMs) {
        const d = addCivilDays(date.year, date.month, date.day, stepDays);
        next = zonedTimeToMs(zone, d.year, d.month, d.day, hour, minute);
        date = { ...date, ...d };
      }
      return next;
    }
    case 'MONTH_DAY': {
      const created = wallClock(createdAtMs, zone);
      const hour = schedule.atHour ?? created.hour;
      const minute = schedule.nearMinute ?? (schedule.atHour === undefined ? created.minute : 0);
      const monthDay = schedule.monthDay ?? created.day;
      // Months without that day are skipped (inference: the reference does not say).
      return firstLocalOccurrence(
        zone,
        previousNominalMs ?? createdAtMs,
        Math.max(previousNominalMs ?? createdAtMs, afterMs),
        hour,
        minute,
        (d) => d.day === monthDay,
      );
    }
  }
}

/** Installable triggers of one project (every user's), persistent across executions. */
export class TriggerStore {
  private readonly slots: Slot[] = [];
  private readonly ids: IdSource;
  private readonly jitter: NonNullable<TriggerStoreOptions['jitter']>;
  readonly maxPerUser: number;

  constructor(options: TriggerStoreOptions = {}) {
    this.ids = options.ids ?? new IdSource('trigger-');
    this.jitter = options.jitter ?? (() => 0);
    this.maxPerUser = options.maxPerUser ?? MAX_TRIGGERS_PER_USER;
  }

  /** Every trigger, in creation order. */
  list(): TriggerRecord[] {
    return this.slots.map((s) => ({ ...s.record }));
  }

  get(uid: string): TriggerRecord | null {
    const slot = this.slots.find((s) => s.record.uid === uid);
    return slot ? { ...slot.record } : null;
  }

  forOwner(owner: string): TriggerRecord[] {
    return this.list().filter((r) => r.owner === owner);
  }

  countForOwner(owner: string): number {
    return this.slots.filter((s) => s.record.owner === owner).length;
  }

  /** Stores a trigger (limits are checked by ScriptApp) and computes its first fire time. */
  add(spec: NewTrigger): TriggerRecord {
    const record: MutableRecord = {
      ...spec,
      uid: this.ids.take(),
      nextFireMs: null,
      disabled: false,
      fireCount: 0,
      lastFiredMs: null,
    };
    const slot: Slot = { record, nominalMs: null };
    if (spec.eventType === 'CLOCK' && spec.schedule) {
      slot.nominalMs = nextNominalMs(spec.schedule, spec.createdAtMs, null, spec.createdAtMs);
      record.nextFireMs = this.withJitter(slot);
    }
    this.slots.push(slot);
    return { ...record };
  }

  remove(uid: string): boolean {
    const index = this.slots.findIndex((s) => s.record.uid === uid);
    if (index < 0) return false;
    this.slots.splice(index, 1);
    return true;
  }

  /**
   * Enabled clock triggers due at or before `untilMs`, earliest first (ties in creation order).
   * Each trigger appears once, at its next fire time; after `markFired` it may be due again.
   */
  dueClockTriggers(untilMs: number): Array<{ trigger: TriggerRecord; fireAtMs: number }> {
    return this.slots
      .filter((s) => s.record.eventType === 'CLOCK' && !s.record.disabled)
      .filter((s) => s.record.nextFireMs !== null && s.record.nextFireMs <= untilMs)
      .map((s, order) => ({ s, order }))
      .sort(
        (a, b) =>
          (a.s.record.nextFireMs as number) - (b.s.record.nextFireMs as number) ||
          a.order - b.order,
      )
      .map(({ s }) => ({ trigger: { ...s.record }, fireAtMs: s.record.nextFireMs as number }));
  }

  /** Records a run and schedules the next one; one-shot triggers become disabled. */
  markFired(uid: string, firedAtMs: number): TriggerRecord {
    const slot = this.slots.find((s) => s.record.uid === uid);
    if (!slot) throw new Error(`markFired: no trigger ${uid}`);
    const record = slot.record;
    record.fireCount += 1;
    record.lastFiredMs = firedAtMs;
    if (record.eventType !== 'CLOCK' || !record.schedule) return { ...record };
    const after = Math.max(firedAtMs, slot.nominalMs ?? firedAtMs);
    slot.nominalMs = nextNominalMs(record.schedule, record.createdAtMs, slot.nominalMs, after);
    if (slot.nominalMs === null) {
      // apps-script/reference/script/clock-trigger-builder#at(Date): runs once; the spent trigger
      // stays in the project (and in the 20-trigger count) until the script deletes it.
      record.disabled = true;
      record.nextFireMs = null;
    } else {
      record.nextFireMs = this.withJitter(slot);
    }
    return { ...record };
  }

  /** Form-side installable form-submit triggers attached to `formId`. */
  formSubmitTriggers(formId: string): TriggerRecord[] {
    return this.list().filter(
      (r) => r.source === 'FORMS' && r.eventType === 'ON_FORM_SUBMIT' && r.sourceId === formId,
    );
  }

  /** Form-side installable triggers of any event type (ON_OPEN of the form editor included). */
  formTriggers(formId: string, eventType: TriggerEventType): TriggerRecord[] {
    return this.list().filter(
      (r) => r.source === 'FORMS' && r.eventType === eventType && r.sourceId === formId,
    );
  }

  /** Spreadsheet installable triggers (ON_FORM_SUBMIT, ON_OPEN, ON_EDIT, ON_CHANGE) of one file. */
  spreadsheetTriggers(spreadsheetId: string, eventType: TriggerEventType): TriggerRecord[] {
    return this.list().filter(
      (r) =>
        r.source === 'SPREADSHEETS' && r.eventType === eventType && r.sourceId === spreadsheetId,
    );
  }

  private withJitter(slot: Slot): number | null {
    if (slot.nominalMs === null) return null;
    if (!slot.record.schedule?.near) return slot.nominalMs;
    const raw = this.jitter({
      uid: slot.record.uid,
      handler: slot.record.handler,
      nominalMs: slot.nominalMs,
    });
    const offset = Math.max(
      -MAX_JITTER_MS,
      Math.min(MAX_JITTER_MS, Number.isFinite(raw) ? raw : 0),
    );
    return slot.nominalMs + offset;
  }
}
