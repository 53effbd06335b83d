// Session: who is running and in which zone. The loader has already blanked the active user where
// Apps Script hides it (simple triggers for outside users, execute-as-me web apps), so this module
// just reports the execution's users.
import { createHash } from 'node:crypto';
import type { Execution } from '../kernel';

export interface UserApi {
  getEmail(): string;
}

export interface SessionApi {
  getActiveUser(): UserApi;
  getEffectiveUser(): UserApi;
  getScriptTimeZone(): string;
  getActiveUserLocale(): string;
  getTemporaryActiveUserKey(): string;
}

export interface SessionEnv {
  /** The manifest's timeZone, e.g. 'America/Bogota'. */
  readonly timeZone: string;
  /** The active user's language setting, e.g. 'es' (default 'es'). */
  readonly locale?: string;
  /** Mixed into the temporary user key so it differs per script, as the reference says. */
  readonly scriptId?: string;
}

function createUser(exec: Execution, email: string): UserApi {
  return {
    getEmail() {
      exec.charge('User.getEmail');
      // apps-script/reference/base/user#getEmail(): blank when the email is unavailable.
      return email;
    },
  };
}

/** Builds the `Session` global for one execution. */
export function createSession(exec: Execution, env: SessionEnv): SessionApi {
  return {
    getActiveUser() {
      exec.charge('Session.getActiveUser');
      // apps-script/reference/base/session#getActiveUser(): may be blank (the loader decides when).
      return createUser(exec, exec.activeUser);
    },
    getEffectiveUser() {
      exec.charge('Session.getEffectiveUser');
      // apps-script/reference/base/session#getEffectiveUser(): whose authority the script runs with.
      return createUser(exec, exec.effectiveUser);
    },
    getScriptTimeZone() {
      exec.charge('Session.getScriptTimeZone');
      // apps-script/reference/base/session#getScriptTimeZone(): the manifest's zone.
      return env.timeZone;
    },
    getActiveUserLocale() {
      exec.charge('Session.getActiveUserLocale');
      // apps-script/reference/base/session#getActiveUserLocale(): a language code such as "en".
      return env.locale ?? 'es';
    },
    getTemporaryActiveUserKey() {
      exec.charge('Session.getTemporaryActiveUserKey');
      // apps-script/reference/base/session#getTemporaryActiveUserKey(): stable per user and script,
      // revealing no identity. The real key also rotates every 30 days; the simulator keeps it fixed.
      return createHash('sha256')
        .update(`${env.scriptId ?? ''}\u0000${exec.activeUser}`)
        .digest('base64url')
        .slice(0, 43);
    },
  };
}
