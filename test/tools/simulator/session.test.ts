import { Execution, type ExecutionOptions } from '../../../tools/simulator/kernel';
import { createSession } from '../../../tools/simulator/services/session';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);

function session(options: Partial<ExecutionOptions> = {}, scriptId = 'shim-1') {
  const exec = new Execution({ name: 'test', startMs: T0, ...options });
  return { exec, s: createSession(exec, { timeZone: 'America/Bogota', locale: 'es', scriptId }) };
}

describe('Session', () => {
  test('active and effective users come from the execution', () => {
    const { s } = session({
      activeUser: 'clerk@entidad.gov.co',
      effectiveUser: 'owner@entidad.gov.co',
    });
    expect(s.getActiveUser().getEmail()).toBe('clerk@entidad.gov.co');
    expect(s.getEffectiveUser().getEmail()).toBe('owner@entidad.gov.co');
  });

  test('a blanked active user reads as an empty string', () => {
    const { s } = session({
      activeUser: '',
      effectiveUser: 'owner@entidad.gov.co',
      authMode: 'LIMITED',
    });
    expect(s.getActiveUser().getEmail()).toBe('');
  });

  test('script time zone and user locale', () => {
    const { s } = session();
    expect(s.getScriptTimeZone()).toBe('America/Bogota');
    expect(s.getActiveUserLocale()).toBe('es');
  });

  test('the temporary user key is stable per user and script and hides the email', () => {
    const a = session({ activeUser: 'a@x.co' }).s.getTemporaryActiveUserKey();
    expect(session({ activeUser: 'a@x.co' }).s.getTemporaryActiveUserKey()).toBe(a);
    expect(session({ activeUser: 'b@x.co' }).s.getTemporaryActiveUserKey()).not.toBe(a);
    expect(session({ activeUser: 'a@x.co' }, 'shim-2').s.getTemporaryActiveUserKey()).not.toBe(a);
    expect(a).not.toContain('a@x.co');
  });

  test('calls are charged', () => {
    const { s, exec } = session({ activeUser: 'a@x.co' });
    s.getActiveUser().getEmail();
    expect(exec.calls.get('Session.getActiveUser')).toBe(1);
    expect(exec.calls.get('User.getEmail')).toBe(1);
  });
});
