import { Execution } from '../../../tools/simulator/kernel';
import { createConsole, createLogger } from '../../../tools/simulator/services/logger';

const newExec = () => new Execution({ name: 'test', startMs: Date.UTC(2026, 6, 20) });

describe('Logger', () => {
  test('log substitutes %s placeholders, returns the Logger and writes to the execution log', () => {
    const exec = newExec();
    const Logger = createLogger(exec);
    expect(Logger.log('caso %s asignado a %s', 17, 'Ana')).toBe(Logger);
    Logger.log({ radicado: '2026-001' });
    expect(Logger.getLog()).toBe('caso 17 asignado a Ana\n{"radicado":"2026-001"}');
    expect(exec.logs).toEqual(['INFO: caso 17 asignado a Ana', 'INFO: {"radicado":"2026-001"}']);
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    expect(exec.calls.get('Logger.log')).toBe(2);
  });
});

describe('console', () => {
  test('levels are prefixed and format specifiers work', () => {
    const exec = newExec();
    const c = createConsole(exec);
    c.log('%s=%d', 'n', 5);
    c.info('listo');
    c.warn('cuota baja');
    c.error('falló', { code: 1 });
    expect(exec.logs).toEqual([
      'INFO: n=5',
      'INFO: listo',
      'WARNING: cuota baja',
      'ERROR: falló { code: 1 }',
    ]);
    expect(exec.calls.get('console.warn')).toBe(1);
  });

  test('time/timeEnd measure virtual time', () => {
    const exec = new Execution({ name: 't', startMs: 0, costs: { '*': { baseMs: 0 } } });
    const c = createConsole(exec);
    c.time('sweep');
    exec.spend(1234);
    c.timeEnd('sweep');
    expect(exec.logs).toEqual(['INFO: sweep: 1234ms']);
  });
});
