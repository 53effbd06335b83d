// CacheService: short-lived string caches whose expiry runs on the simulator's virtual clock.
// Which cache a call gets (library vs shim, per user, per document) is the loader's decision.
import { type Execution, ScriptError } from '../kernel';

/** apps-script/reference/cache/cache: keys up to 250 characters. */
export const CACHE_KEY_MAX_CHARS = 250;
/** apps-script/reference/cache/cache: values up to 100 KB (102,400 bytes, measured by a public probe). */
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
/** apps-script/reference/cache/cache#put(String,String): default expiration 10 minutes. */
export const CACHE_DEFAULT_EXPIRATION_S = 600;
/** apps-script/reference/cache/cache#put(String,String,Integer): at most 21600 s (6 hours). */
export const CACHE_MAX_EXPIRATION_S = 21600;
/** apps-script/reference/cache/cache: "The cap for cached items is 1,000 ... stores the 900 items farthest from expiration". */
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_ITEMS_AFTER_TRIM = 900;

interface Entry {
  readonly value: string;
  readonly expiresAtMs: number;
}

/** One cache (script, user or document scope); persistent across executions, expiring by virtual time. */
export class CacheStore {
  private readonly entries = new Map<string, Entry>();
  /** How many entries fault injection or the 1,000-item cap threw away (for tests and reports). */
  evictions = 0;

  get(key: string, nowMs: number): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, expiresAtMs: number, nowMs: number): void {
    this.entries.set(key, { value, expiresAtMs });
    this.trim(nowMs);
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  /** Live keys at `nowMs`. */
  keys(nowMs: number): string[] {
    return [...this.entries].filter(([, e]) => e.expiresAtMs > nowMs).map(([key]) => key);
  }

  /** Fault injection: the reference warns entries may vanish before they expire. */
  evictAll(): void {
    this.evictions += this.entries.size;
    this.entries.clear();
  }

  /** Fault injection for a single key. */
  evict(key: string): void {
    if (this.entries.delete(key)) this.evictions += 1;
  }

  private trim(nowMs: number): void {
    for (const [key, entry] of this.entries)
      if (entry.expiresAtMs <= nowMs) this.entries.delete(key);
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    // apps-script/reference/cache/cache: over 1,000 items, keep the 900 farthest from expiration.
    const keep = [...this.entries]
      .sort((a, b) => b[1].expiresAtMs - a[1].expiresAtMs)
      .slice(0, CACHE_ITEMS_AFTER_TRIM);
    this.evictions += this.entries.size - keep.length;
    this.entries.clear();
    for (const [key, entry] of keep) this.entries.set(key, entry);
  }
}

/** The `Cache` object scripts see. */
export interface CacheApi {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: unknown, expirationInSeconds?: unknown): void;
  putAll(values: Record<string, unknown>, expirationInSeconds?: unknown): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export interface CacheServiceApi {
  getScriptCache(): CacheApi;
  getUserCache(): CacheApi;
  getDocumentCache(): CacheApi | null;
}

export interface CacheScopes {
  readonly script: () => CacheStore;
  readonly user: () => CacheStore;
  /** Null when there is no containing document. */
  readonly document: () => CacheStore | null;
}

function checkKey(key: string): void {
  // apps-script/reference/cache/cache: keys longer than 250 characters are refused.
  if (key.length > CACHE_KEY_MAX_CHARS) throw new ScriptError('Argument too large: key');
}

function checkValue(value: string): void {
  // apps-script/reference/cache/cache: values over 100 KB are refused.
  if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_MAX_BYTES) {
    throw new ScriptError('Argument too large: value');
  }
}

/**
 * Seconds until expiry. A public probe of the live service stored entries put with 0, -5 and
 * 99999 seconds and read them back at once; we treat non-positive values as the default and clamp
 * large ones to the documented 6-hour maximum (both inferences), and refuse non-numbers the way the
 * probe saw ("Cannot convert 'abc' to int.").
 */
function expirationSeconds(raw: unknown): number {
  if (raw === undefined || raw === null) return CACHE_DEFAULT_EXPIRATION_S;
  const seconds = Math.trunc(Number(raw));
  if (!Number.isFinite(seconds)) throw new ScriptError(`Cannot convert '${String(raw)}' to int.`);
  if (seconds <= 0) return CACHE_DEFAULT_EXPIRATION_S;
  return Math.min(seconds, CACHE_MAX_EXPIRATION_S);
}

function createCache(exec: Execution, store: CacheStore): CacheApi {
  const prepare = (key: unknown, value: unknown): [string, string] | null => {
    const k = String(key);
    checkKey(k);
    // Public probe: put(key, null) leaves no entry behind.
    if (value === null || value === undefined) return null;
    const v = String(value);
    checkValue(v);
    return [k, v];
  };
  return {
    get(key) {
      exec.charge('Cache.get');
      const k = String(key);
      checkKey(k);
      // apps-script/reference/cache/cache#get(String): null when missing or expired.
      return store.get(k, exec.now());
    },
    getAll(keys) {
      exec.charge('Cache.getAll', keys.length);
      // apps-script/reference/cache/cache#getAll(String): only the keys that were found.
      const found: Record<string, string> = {};
      for (const key of keys) {
        const k = String(key);
        checkKey(k);
        const value = store.get(k, exec.now());
        if (value !== null) found[k] = value;
      }
      return found;
    },
    put(key, value, expirationInSeconds) {
      exec.charge('Cache.put');
      const seconds = expirationSeconds(expirationInSeconds);
      const entry = prepare(key, value);
      if (entry) store.put(entry[0], entry[1], exec.now() + seconds * 1000, exec.now());
    },
    putAll(values, expirationInSeconds) {
      const pairs = Object.entries(values);
      exec.charge('Cache.putAll', pairs.length);
      const seconds = expirationSeconds(expirationInSeconds);
      // Validate the batch first so one oversized value stores nothing (inference: undocumented).
      const prepared = pairs.map(([k, v]) => prepare(k, v));
      for (const entry of prepared) {
        if (entry) store.put(entry[0], entry[1], exec.now() + seconds * 1000, exec.now());
      }
    },
    remove(key) {
      exec.charge('Cache.remove');
      store.remove(String(key));
    },
    removeAll(keys) {
      exec.charge('Cache.removeAll', keys.length);
      for (const key of keys) store.remove(String(key));
    },
  };
}

/** Builds the `CacheService` global for one execution. */
export function createCacheService(exec: Execution, scopes: CacheScopes): CacheServiceApi {
  return {
    getScriptCache() {
      exec.charge('CacheService.getScriptCache');
      return createCache(exec, scopes.script());
    },
    getUserCache() {
      exec.charge('CacheService.getUserCache');
      return createCache(exec, scopes.user());
    },
    getDocumentCache() {
      exec.charge('CacheService.getDocumentCache');
      // apps-script/reference/cache/cache-service#getDocumentCache(): null without a containing document.
      const store = scopes.document();
      return store ? createCache(exec, store) : null;
    },
  };
}
