/**
 * Answers computed once per store generation. The aggregates behind the filter menus, the
 * entity top list, the map, the network, the figure series and the timeline read whole tables;
 * between two writes they cannot change, so each is computed once per (route, parameters) and
 * store generation (`Store.generation`, which every write raises in its own transaction) and
 * reused until the generation moves. The generation is read from the store at every request,
 * never kept here: a worker or an ingest in another process writing while `serve` answers
 * raises it too. Engine-neutral: it sees only the `Store` interface.
 *
 * The first request after a write pays the full computation (as every request did before);
 * the following ones read memory. Answers are shared between requests: callers must not change
 * them.
 */
import type { Store } from '../store/store.js';

interface Entry {
  readonly generation: number;
  readonly value: Promise<unknown>;
}

/** Answers kept per store, the least recently used dropped first. */
export const CACHE_ENTRIES = 256;

const caches = new WeakMap<Store, Map<string, Entry>>();

/**
 * The answer of `compute` for `key` at the store's current generation: computed once, then
 * reused while no write happens. A computation that fails is not kept. Concurrent requests for
 * the same key and generation share one computation.
 *
 * @example
 * await perGeneration(store, `facets`, () => store.facets())
 */
export async function perGeneration<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
  // Read before computing: an answer computed while a write lands is kept under the older
  // generation, so the next request computes again.
  const generation = await store.generation();
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation) {
    cache.delete(key); // most recently used last
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  // A request that read an older generation than the one kept does not replace it.
  if (hit && hit.generation > generation) return value;
  cache.delete(key);
  cache.set(key, { generation, value });
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  const kept = cache;
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

/** A cache key: the route and its parsed parameters (zod gives their keys in schema order). */
export function cacheKey(route: string, params: unknown): string {
  return `${route} ${JSON.stringify(params ?? null)}`;
}
