import { Execution, type ExecutionOptions, SimDate } from '../../../tools/simulator/kernel';
import { createScriptApp } from '../../../tools/simulator/services/script-app';
import { TriggerStore, type TriggerStoreOptions } from '../../../tools/simulator/services/triggers';

const OWNER = 'radicador@entidad.gov.co';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2026, 6, 20, 15, 0, 0); // Monday 20 July 2026, 10:00 in Bogotá (UTC-5)
// Zero-cost calls so "now" inside the execution stays at its start time.
const FREE = { '*': { baseMs: 0 } };

function scriptApp(store: TriggerStore, options: Partial<ExecutionOptions> = {}) {
  const exec = new Execution({
    name: 'test',
    startMs: T0,
    effectiveUser: OWNER,
    costs: FREE,
    ...options,
  });
  const app = createScriptApp(exec, {
    triggers: store,
    scriptId: 'shim-script-1',
    serviceUrl: null,
    owner: OWNER,
  });
  return { exec, app };
}

const newStore = (options?: TriggerStoreOptions) => new TriggerStore(options);

describe('ScriptApp triggers', () => {
  test('everyMinutes accepts only 1, 5, 10, 15 or 30', () => {
    const { app } = scriptApp(newStore());
    const clock = app.newTrigger('sweep').timeBased();
    expect(() => clock.everyMinutes(7)).toThrow(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    expect(() => clock.everyMinutes(15)).not.toThrow();
  });

  test('everyHours accepts only 1, 2, 4, 6, 8 or 12', () => {
    const { app } = scriptApp(newStore());
    expect(() => app.newTrigger('sweep').timeBased().everyHours(3)).toThrow(
      'The value you passed to everyHours was invalid',
    );
  });

  test('creating, listing and deleting triggers needs authorization (not in LIMITED)', () => {
    const store = newStore();
    const { app } = scriptApp(store, { authMode: 'LIMITED' });
    expect(() => app.newTrigger('sweep').timeBased().everyHours(1).create()).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(() => app.getProjectTriggers()).toThrow('You do not have permission');
    expect(store.list()).toHaveLength(0);
  });

  test('20 triggers per user per script; the 21st is refused', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    for (let i = 0; i < 20; i += 1) app.newTrigger(`h${i}`).timeBased().everyHours(1).create();
    expect(() => app.newTrigger('h20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // The limit is per user: another user of the same script still has room.
    const other = scriptApp(store, { effectiveUser: 'otra@entidad.gov.co' }).app;
    expect(() => other.newTrigger('h').timeBased().everyHours(1).create()).not.toThrow();
    expect(other.getProjectTriggers()).toHaveLength(1);
    expect(app.getProjectTriggers()).toHaveLength(20);
  });

  test('the trigger records its creator; Trigger getters and enums', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const trigger = app
      .newTrigger('onFormSubmitPqrs')
      .forForm({ getId: () => 'form-1' })
      .onFormSubmit()
      .create();
    expect(trigger.getHandlerFunction()).toBe('onFormSubmitPqrs');
    expect(trigger.getEventType()).toBe(app.EventType.ON_FORM_SUBMIT);
    expect(trigger.getTriggerSource()).toBe(app.TriggerSource.FORMS);
    expect(trigger.getTriggerSourceId()).toBe('form-1');
    expect(store.get(trigger.getUniqueId())?.owner).toBe(OWNER);
    expect(store.formSubmitTriggers('form-1').map((t) => t.uid)).toEqual([trigger.getUniqueId()]);
    expect(store.formSubmitTriggers('form-2')).toEqual([]);
  });

  test('spreadsheet triggers are found by file and event type; getUserTriggers filters by file', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    app.newTrigger('onEditPqrs').forSpreadsheet('ss-1').onEdit().create();
    app
      .newTrigger('onSubmitSheet')
      .forSpreadsheet({ getId: () => 'ss-1' })
      .onFormSubmit()
      .create();
    app.newTrigger('other').forSpreadsheet('ss-2').onChange().create();
    expect(store.spreadsheetTriggers('ss-1', 'ON_EDIT').map((t) => t.handler)).toEqual([
      'onEditPqrs',
    ]);
    expect(store.spreadsheetTriggers('ss-1', 'ON_FORM_SUBMIT').map((t) => t.handler)).toEqual([
      'onSubmitSheet',
    ]);
    expect(app.getUserTriggers({ getId: () => 'ss-1' })).toHaveLength(2);
  });

  test('deleteTrigger removes a trigger of the current user', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    app.newTrigger('a').timeBased().everyHours(1).create();
    const [trigger] = app.getProjectTriggers();
    app.deleteTrigger(trigger!);
    expect(app.getProjectTriggers()).toHaveLength(0);
  });

  test('getScriptId and getService().getUrl()', () => {
    const { app } = scriptApp(newStore());
    expect(app.getScriptId()).toBe('shim-script-1');
    expect(app.getService().getUrl()).toBeNull();
  });

  test('charges are counted per builder call', () => {
    const { app, exec } = scriptApp(newStore());
    app.newTrigger('a').timeBased().everyDays(1).atHour(6).create();
    expect(exec.calls.get('ScriptApp.newTrigger')).toBe(1);
    expect(exec.calls.get('TriggerBuilder.timeBased')).toBe(1);
    expect(exec.calls.get('ClockTriggerBuilder.atHour')).toBe(1);
    expect(exec.calls.get('ClockTriggerBuilder.create')).toBe(1);
  });
});

describe('clock trigger schedule', () => {
  test('everyHours(1) fires an hour after creation, then hourly', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const uid = app.newTrigger('sweep').timeBased().everyHours(1).create().getUniqueId();
    expect(store.dueClockTriggers(T0 + HOUR - 1)).toEqual([]);
    const [due] = store.dueClockTriggers(T0 + HOUR);
    expect(due?.fireAtMs).toBe(T0 + HOUR);
    expect(store.markFired(uid, T0 + HOUR).nextFireMs).toBe(T0 + 2 * HOUR);
    // A late run does not replay the missed hours: the next run is back on the hourly grid.
    expect(store.markFired(uid, T0 + 5.5 * HOUR).nextFireMs).toBe(T0 + 6 * HOUR);
  });

  test('everyDays(1).atHour(6) fires at 06:00 America/Bogota (11:00 UTC) every day', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const uid = app
      .newTrigger('dailySweep')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .create()
      .getUniqueId();
    // Created at 10:00 Bogotá, so the first run is tomorrow.
    const first = Date.UTC(2026, 6, 21, 11, 0, 0);
    expect(store.get(uid)?.nextFireMs).toBe(first);
    expect(store.markFired(uid, first).nextFireMs).toBe(Date.UTC(2026, 6, 22, 11, 0, 0));
  });

  test('created before the hour, the daily trigger runs the same day; nearMinute shifts it', () => {
    const store = newStore();
    const { app } = scriptApp(store, { startMs: Date.UTC(2026, 6, 20, 10, 0, 0) }); // 05:00 Bogotá
    const t = app.newTrigger('d').timeBased().everyDays(1).atHour(6).nearMinute(30).create();
    expect(store.get(t.getUniqueId())?.nextFireMs).toBe(Date.UTC(2026, 6, 20, 11, 30, 0));
  });

  test('inTimezone changes the zone of atHour', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const t = app
      .newTrigger('d')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .inTimezone('Europe/Madrid')
      .create();
    // 06:00 CEST (UTC+2) on 21 July 2026.
    expect(store.get(t.getUniqueId())?.nextFireMs).toBe(Date.UTC(2026, 6, 21, 4, 0, 0));
  });

  test('atHour follows daylight saving time in the trigger zone', () => {
    const store = newStore();
    // Saturday 7 March 2026, 10:00 EST; New York moves to EDT early on Sunday 8 March.
    const { app } = scriptApp(store, { startMs: Date.UTC(2026, 2, 7, 15, 0, 0) });
    const uid = app
      .newTrigger('d')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .inTimezone('America/New_York')
      .create()
      .getUniqueId();
    const first = Date.UTC(2026, 2, 8, 10, 0, 0); // 06:00 EDT (UTC-4)
    expect(store.get(uid)?.nextFireMs).toBe(first);
    expect(store.markFired(uid, first).nextFireMs).toBe(Date.UTC(2026, 2, 9, 10, 0, 0));
  });

  test('onWeekDay(MONDAY).atHour(8) runs the next Monday at 08:00', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const t = app.newTrigger('w').timeBased().onWeekDay(app.WeekDay.MONDAY).atHour(8).create();
    // Monday 20 July at 10:00 Bogotá is past 08:00, so the 27th at 08:00 (13:00 UTC).
    expect(store.get(t.getUniqueId())?.nextFireMs).toBe(Date.UTC(2026, 6, 27, 13, 0, 0));
  });

  test('jitter is 0 by default and clamped to ±15 minutes when injected', () => {
    const store = newStore({ jitter: () => 20 * MINUTE });
    const { app } = scriptApp(store);
    const t = app.newTrigger('d').timeBased().everyDays(1).atHour(6).create();
    expect(store.get(t.getUniqueId())?.nextFireMs).toBe(Date.UTC(2026, 6, 21, 11, 15, 0));
  });

  test('after(ms) fires once, then stays listed (and counted) but disabled', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const uid = app
      .newTrigger('continuar')
      .timeBased()
      .after(10 * MINUTE)
      .create()
      .getUniqueId();
    expect(store.dueClockTriggers(T0 + 10 * MINUTE).map((d) => d.fireAtMs)).toEqual([
      T0 + 10 * MINUTE,
    ]);
    const fired = store.markFired(uid, T0 + 10 * MINUTE);
    expect(fired.disabled).toBe(true);
    expect(fired.nextFireMs).toBeNull();
    expect(store.dueClockTriggers(T0 + 24 * HOUR)).toEqual([]);
    expect(app.getProjectTriggers()).toHaveLength(1);
  });

  test('at(date) fires once at that instant', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    const when = Date.UTC(2026, 7, 1, 12, 0, 0);
    app.newTrigger('once').timeBased().at(new SimDate(when)).create();
    expect(store.dueClockTriggers(when).map((d) => d.trigger.handler)).toEqual(['once']);
  });

  test('dueClockTriggers lists due triggers in time order', () => {
    const store = newStore();
    const { app } = scriptApp(store);
    app.newTrigger('hourly').timeBased().everyHours(1).create();
    app.newTrigger('halfHourly').timeBased().everyMinutes(30).create();
    expect(store.dueClockTriggers(T0 + HOUR).map((d) => [d.trigger.handler, d.fireAtMs])).toEqual([
      ['halfHourly', T0 + 30 * MINUTE],
      ['hourly', T0 + HOUR],
    ]);
  });
});
