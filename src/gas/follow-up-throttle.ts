// Failed follow-up lookups, counted per radicado in the entity's own cache (the shim hands it over):
// after a few in a window, that radicado answers "try later" for a while, whatever the token, so a
// token cannot be found by trying. Unknown radicados count the same, so the answer never tells
// whether a radicado exists.

/** Failed lookups of one radicado allowed within the window. */
export const MAX_FAILED_LOOKUPS = 5;
/** The window the failures are counted in, and how long a radicado then stays closed. */
export const LOOKUP_WINDOW_SECONDS = 15 * 60;

export interface LookupThrottle {
  /** True while the radicado answers "try later". */
  closed(radicado: string): boolean;
  /** One more failed lookup of the radicado (a wrong or missing token, or no such case). */
  failed(radicado: string): void;
}

type Cache = GoogleAppsScript.Cache.Cache;

/** Cache keys are at most 250 characters; a radicado in a query string may be anything. */
function keyOf(prefix: string, radicado: string): string {
  return `${prefix}${radicado.trim().toUpperCase().slice(0, 60)}`;
}

export function cacheThrottle(cache: () => Cache): LookupThrottle {
  return {
    closed(radicado) {
      return cache().get(keyOf('fu.closed:', radicado)) !== null;
    },
    failed(radicado) {
      const key = keyOf('fu.failed:', radicado);
      const count = Number(cache().get(key) ?? '0') + 1;
      // The count's expiry restarts with each failure: a slow guesser stays counted.
      cache().put(key, String(count), LOOKUP_WINDOW_SECONDS);
      if (count >= MAX_FAILED_LOOKUPS) {
        cache().put(keyOf('fu.closed:', radicado), '1', LOOKUP_WINDOW_SECONDS);
        cache().remove(key);
      }
    },
  };
}
