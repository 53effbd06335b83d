// LockService: one mutual-exclusion slot per store. The simulator runs executions one after
// another, but their virtual times may overlap (a burst of form submissions): each store remembers
// when its last holder released it, in virtual time, and an execution that asks for it earlier
// waits until then, as it would on Apps Script. Fault injection adds a "phantom" holder. Waiting
// spends the current execution's simulated time, so lock waits show up in timings and can push an
// execution over its 6-minute limit.
import { type Execution, ScriptError } from '../kernel';

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** One lock (script, user or document scope). Persistent across executions. */
export class LockStore {
  private holder: Execution | null = null;
  private phantomUntilMs: number | null = null;
  /** Virtual time at which the last real holder released the lock. */
  private releasedAtMs = Number.NEGATIVE_INFINITY;
  /** Successful acquisitions by real executions, for tests and reports. */
  acquisitions = 0;
  /** tryLock/waitLock calls that gave up, for tests and reports. */
  timeouts = 0;

  /** Fault injection: another (phantom) execution holds the lock until virtual time `ms`. */
  holdUntil(ms: number): void {
    this.phantomUntilMs = ms;
  }

  /** The execution holding the lock, if a real one does. */
  heldBy(): Execution | null {
    return this.holder;
  }

  /**
   * Time at which the lock becomes free for `exec`, seen at `nowMs`: now if free, the phantom's
   * release time, or never when another real execution still holds it (it never finished).
   */
  freeAt(exec: Execution, nowMs: number): number {
    if (this.holder !== null && this.holder !== exec) return Number.POSITIVE_INFINITY;
    if (this.holder === exec) return nowMs;
    let free = Math.max(nowMs, this.releasedAtMs);
    if (this.phantomUntilMs !== null && this.phantomUntilMs > free) free = this.phantomUntilMs;
    return free;
  }

  acquire(exec: Execution): void {
    this.phantomUntilMs = null;
    if (this.holder === exec) return;
    this.holder = exec;
    this.acquisitions += 1;
    // apps-script/reference/lock/lock#releaseLock(): locks are released when the script ends.
    exec.onExit(() => this.release(exec));
  }

  release(exec: Execution): void {
    if (this.holder !== exec) return;
    this.holder = null;
    // An execution that started earlier in virtual time but runs later must wait until now.
    this.releasedAtMs = Math.max(this.releasedAtMs, exec.now());
  }
}

/** The `Lock` object scripts see. */
export interface LockApi {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  hasLock(): boolean;
  releaseLock(): void;
}

export interface LockServiceApi {
  getScriptLock(): LockApi;
  getUserLock(): LockApi;
  getDocumentLock(): LockApi | null;
}

export interface LockScopes {
  readonly script: () => LockStore;
  readonly user: () => LockStore;
  /** Null when there is no containing document. */
  readonly document: () => LockStore | null;
}

function checkTimeout(raw: unknown): number {
  const ms = Number(raw);
  // The reference does not give the error for a bad timeout; this wording is the simulator's own.
  if (!Number.isFinite(ms) || ms < 0) throw new ScriptError('Invalid argument: timeoutInMillis');
  return Math.trunc(ms);
}

/**
 * Ownership is per execution: a second Lock object for the same store in the same execution sees
 * the lock as already acquired (inference; the reference only says tryLock "has no effect if the
 * lock has already been acquired").
 */
function createLock(exec: Execution, store: LockStore): LockApi {
  const attempt = (timeoutMs: number): boolean => {
    const now = exec.now();
    const freeAt = store.freeAt(exec, now);
    if (freeAt <= now + timeoutMs) {
      if (freeAt > now) exec.spend(freeAt - now);
      store.acquire(exec);
      return true;
    }
    // apps-script/reference/lock/lock#tryLock(Integer): waits up to the timeout, then gives up.
    exec.spend(timeoutMs);
    store.timeouts += 1;
    return false;
  };
  return {
    tryLock(timeoutInMillis) {
      exec.charge('Lock.tryLock');
      return attempt(checkTimeout(timeoutInMillis));
    },
    waitLock(timeoutInMillis) {
      exec.charge('Lock.waitLock');
      // apps-script/reference/lock/lock#waitLock(Integer): like tryLock but throws on timeout.
      if (!attempt(checkTimeout(timeoutInMillis))) throw new ScriptError(LOCK_TIMEOUT);
    },
    hasLock() {
      exec.charge('Lock.hasLock');
      // apps-script/reference/lock/lock#hasLock(): true only while this execution holds it.
      return store.heldBy() === exec;
    },
    releaseLock() {
      exec.charge('Lock.releaseLock');
      store.release(exec);
    },
  };
}

/** Builds the `LockService` global for one execution. */
export function createLockService(exec: Execution, scopes: LockScopes): LockServiceApi {
  return {
    getScriptLock() {
      exec.charge('LockService.getScriptLock');
      return createLock(exec, scopes.script());
    },
    getUserLock() {
      exec.charge('LockService.getUserLock');
      return createLock(exec, scopes.user());
    },
    getDocumentLock() {
      exec.charge('LockService.getDocumentLock');
      // apps-script/reference/lock/lock-service#getDocumentLock(): null without a containing document.
      const store = scopes.document();
      return store ? createLock(exec, store) : null;
    },
  };
}
