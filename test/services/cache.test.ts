import { describe, expect, it } from 'vitest';
import { CACHE_ENTRIES, cacheKey, perGeneration } from '../../src/services/cache.js';
import type { Store } from '../../src/store/store.js';

/** A store that only tells its generation: what the cache reads of it. */
function fakeStore(): Store & { gen: number } {
  const store = { gen: 0, generation: async () => store.gen };
  return store as unknown as Store & { gen: number };
}

describe('answers cached per store generation', () => {
  it('computes once per key and generation, and again after a write', async () => {
    const store = fakeStore();
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    expect(await perGeneration(store, 'k', compute)).toEqual({ run: 1 });
    expect(await perGeneration(store, 'k', compute)).toEqual({ run: 1 });
    expect(await perGeneration(store, 'other', compute)).toEqual({ run: 2 });
    store.gen++;
    expect(await perGeneration(store, 'k', compute)).toEqual({ run: 3 });
    expect(await perGeneration(store, 'k', compute)).toEqual({ run: 3 });
  });

  it('shares one computation between concurrent requests, keeps no failure, and keeps stores apart', async () => {
    const store = fakeStore();
    let runs = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    expect(await Promise.all([perGeneration(store, 'k', slow), perGeneration(store, 'k', slow)])).toEqual([1, 1]);
    await expect(perGeneration(store, 'bad', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await perGeneration(store, 'bad', async () => 'ok')).toBe('ok');
    expect(await perGeneration(fakeStore(), 'k', async () => 'another store')).toBe('another store');
  });

  it('keeps at most CACHE_ENTRIES answers, the least recently used dropped', async () => {
    const store = fakeStore();
    let runs = 0;
    const compute = async () => ++runs;
    for (let i = 0; i <= CACHE_ENTRIES; i++) await perGeneration(store, `k${i}`, compute);
    expect(runs).toBe(CACHE_ENTRIES + 1);
    await perGeneration(store, `k${CACHE_ENTRIES}`, compute); // kept
    expect(runs).toBe(CACHE_ENTRIES + 1);
    await perGeneration(store, 'k0', compute); // dropped
    expect(runs).toBe(CACHE_ENTRIES + 2);
  });

  it('keys a route by its parameters', () => {
    expect(cacheKey('places', { type: 'ASSAULT' })).not.toBe(cacheKey('places', { type: 'AID' }));
    expect(cacheKey('places', {})).not.toBe(cacheKey('timeline', {}));
  });
});
