// Retries with exponential back-off and full jitter for the errors that pass on their own (quota,
// server errors, timeouts, dropped connections). Jitter spreads the retries of many concurrent
// entities so they do not hit the quota again in the same instant; a Retry-After from the server
// wins over our own guess, since the server knows when the quota refills.
import { FleetError, toFleetError } from './fleet-errors';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on a server's Retry-After, so a bad header cannot stall the run for hours. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (error: FleetError, attempt: number, delayMs: number) => void;
  /** Narrows which retryable errors are retried (default: all of them). */
  shouldRetry?: (error: FleetError) => boolean;
}

export function backoffDelayMs(
  policy: RetryPolicy,
  attempt: number,
  error: FleetError,
  random: () => number = Math.random,
): number {
  if (error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds * 1000, policy.maxRetryAfterMs);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export async function withRetry<T>(
  run: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (raw) {
      const error = toFleetError(raw);
      const retry = error.retryable && (hooks.shouldRetry?.(error) ?? true);
      if (!retry || attempt >= policy.maxAttempts) {
        if (error.retryable && attempt > 1) {
          throw new FleetError(
            error.code,
            `${error.message}; se intentó ${attempt} veces`,
            error.retryable,
            error.retryAfterSeconds,
          );
        }
        throw error;
      }
      const delay = backoffDelayMs(policy, attempt, error, hooks.random);
      hooks.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}
