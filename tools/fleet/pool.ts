// Runs one task per item with at most `concurrency` in flight. The Apps Script API has per-user
// quotas, so the fleet never fans out to every entity at once; `shouldStop` lets a caller (the
// failure-rate threshold, Ctrl+C) stop starting new items while the ones in flight finish.

export interface PoolOptions {
  concurrency: number;
  shouldStop?: () => boolean;
}

/** Resolves with the indexes of the items that were never started. */
export async function runPool<T>(
  items: readonly T[],
  options: PoolOptions,
  task: (item: T, index: number) => Promise<void>,
): Promise<number[]> {
  let next = 0;
  const notStarted: number[] = [];
  const worker = async (): Promise<void> => {
    for (;;) {
      if (next >= items.length) return;
      if (options.shouldStop?.()) return;
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  for (let i = next; i < items.length; i++) notStarted.push(i);
  return notStarted;
}
