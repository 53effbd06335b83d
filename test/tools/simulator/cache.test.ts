import { Execution } from '../../../tools/simulator/kernel';
import { CacheStore, createCacheService } from '../../../tools/simulator/services/cache';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
// Zero-cost calls so every put happens exactly at the execution's start time.
const FREE = { '*': { baseMs: 0 } };

function cacheAt(store: CacheStore, offsetMs: number) {
  const exec = new Execution({ name: 'test', startMs: T0 + offsetMs, costs: FREE });
  const service = createCacheService(exec, {
    script: () => store,
    user: () => new CacheStore(),
    document: () => null,
  });
  return { exec, cache: service.getScriptCache(), service };
}

describe('CacheService', () => {
  test('default expiration is 600 seconds on the virtual clock', () => {
    const store = new CacheStore();
    cacheAt(store, 0).cache.put('k', 'v');
    expect(cacheAt(store, 599_000).cache.get('k')).toBe('v');
    expect(cacheAt(store, 600_000).cache.get('k')).toBeNull();
  });

  test('an explicit expiration is honoured; above 21600 s it is capped at 6 hours', () => {
    const store = new CacheStore();
    const { cache } = cacheAt(store, 0);
    cache.put('short', 'v', 60);
    cache.put('long', 'v', 99999);
    expect(cacheAt(store, 59_000).cache.get('short')).toBe('v');
    expect(cacheAt(store, 60_000).cache.get('short')).toBeNull();
    expect(cacheAt(store, 21_599_000).cache.get('long')).toBe('v');
    expect(cacheAt(store, 21_600_000).cache.get('long')).toBeNull();
  });

  test('a non-numeric expiration is refused', () => {
    const { cache } = cacheAt(new CacheStore(), 0);
    expect(() => cache.put('k', 'v', 'abc')).toThrow("Cannot convert 'abc' to int.");
    expect(cache.get('k')).toBeNull();
  });

  test('keys over 250 characters and values over 100 KB are refused', () => {
    const { cache } = cacheAt(new CacheStore(), 0);
    expect(() => cache.put('k'.repeat(250), 'v')).not.toThrow();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.put('ok', 'v'.repeat(102_400))).not.toThrow();
    expect(() => cache.put('big', 'v'.repeat(102_401))).toThrow('Argument too large: value');
  });

  test('values are stored as strings; null leaves no entry', () => {
    const { cache } = cacheAt(new CacheStore(), 0);
    cache.put('n', 42);
    cache.put('none', null);
    expect(cache.get('n')).toBe('42');
    expect(cache.get('none')).toBeNull();
  });

  test('getAll returns only the keys found; putAll and removeAll work on batches', () => {
    const { cache } = cacheAt(new CacheStore(), 0);
    cache.putAll({ a: '1', b: '2' }, 120);
    expect(cache.getAll(['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    cache.removeAll(['a']);
    cache.remove('b');
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  test('evictAll drops entries before they expire (fault injection)', () => {
    const store = new CacheStore();
    cacheAt(store, 0).cache.put('k', 'v', 3600);
    store.evictAll();
    expect(cacheAt(store, 1000).cache.get('k')).toBeNull();
    expect(store.evictions).toBe(1);
  });

  test('over 1,000 items the cache keeps the 900 farthest from expiration', () => {
    const store = new CacheStore();
    const { cache } = cacheAt(store, 0);
    for (let i = 1; i <= 1001; i += 1) cache.put(`k${i}`, 'v', i);
    expect(store.keys(T0)).toHaveLength(900);
    expect(cache.get('k1')).toBeNull();
    expect(cache.get('k1001')).toBe('v');
  });

  test('getDocumentCache is null without a document; calls are charged', () => {
    const { service, exec } = cacheAt(new CacheStore(), 0);
    expect(service.getDocumentCache()).toBeNull();
    service.getScriptCache().get('x');
    expect(exec.calls.get('CacheService.getDocumentCache')).toBe(1);
    expect(exec.calls.get('CacheService.getScriptCache')).toBe(2);
    expect(exec.calls.get('Cache.get')).toBe(1);
  });
});
