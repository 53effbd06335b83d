import {
  Execution,
  EXECUTION_LIMIT_MS,
  ScriptError,
  SimDate,
  setVirtualNow,
} from '../../../tools/simulator/kernel';

describe('Execution', () => {
  it('counts every call by Service.method', () => {
    const exec = new Execution({ name: 't', startMs: 0 });
    exec.charge('Range.getValues', 10);
    exec.charge('Range.getValues', 10);
    exec.charge('MailApp.sendEmail', 1);
    expect(exec.calls.get('Range.getValues')).toBe(2);
    expect(exec.calls.get('MailApp.sendEmail')).toBe(1);
    expect(exec.totalCalls).toBe(3);
  });

  it('charges time from the cost table: base plus per unit, falling back to Service.* then *', () => {
    const costs = {
      '*': { baseMs: 1 },
      'Range.*': { baseMs: 5 },
      'Range.getValues': { baseMs: 10, perUnitMs: 0.5 },
    };
    const exec = new Execution({ name: 't', startMs: 1000, costs });
    exec.charge('Range.getValues', 4); // 10 + 4 * 0.5
    exec.charge('Range.setValue'); // Range.*
    exec.charge('Other.thing'); // *
    expect(exec.simulatedMs).toBe(12 + 5 + 1);
    expect(exec.now()).toBe(1018);
  });

  it('throws the Apps Script time-limit error past 6 minutes', () => {
    const exec = new Execution({ name: 't', startMs: 0, costs: { '*': { baseMs: 60_000 } } });
    for (let i = 0; i < 6; i += 1) exec.charge('X.y');
    expect(exec.simulatedMs).toBe(EXECUTION_LIMIT_MS);
    expect(() => exec.charge('X.y')).toThrow('Exceeded maximum execution time');
  });

  it('refuses services that need authorization in LIMITED mode (simple triggers)', () => {
    const limited = new Execution({ name: 'onOpen', startMs: 0, authMode: 'LIMITED' });
    expect(() => limited.requireAuthorization('MailApp.sendEmail')).toThrow(ScriptError);
    const full = new Execution({ name: 'x', startMs: 0, authMode: 'FULL' });
    expect(() => full.requireAuthorization('MailApp.sendEmail')).not.toThrow();
  });

  it('runs exit hooks once when the execution finishes', () => {
    const exec = new Execution({ name: 't', startMs: 0 });
    let released = 0;
    exec.onExit(() => (released += 1));
    exec.finish();
    exec.finish();
    expect(released).toBe(1);
  });
});

describe('SimDate', () => {
  afterEach(() => setVirtualNow(() => Date.now()));

  it('reads the virtual clock for new Date() and Date.now(), and is a Date', () => {
    setVirtualNow(() => Date.UTC(2026, 6, 20, 13, 0));
    expect(new SimDate().toISOString()).toBe('2026-07-20T13:00:00.000Z');
    expect(SimDate.now()).toBe(Date.UTC(2026, 6, 20, 13, 0));
    expect(new SimDate(0)).toBeInstanceOf(Date);
    expect(new SimDate(2026, 0, 1).getFullYear()).toBe(2026);
  });
});
