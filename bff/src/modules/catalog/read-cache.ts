/**
 * A tiny in-process cache for the shopper's catalog reads (categories, product pages, product detail),
 * keyed by the normalised query.
 *
 * How stale can a shopper's view be?
 * - Staff catalog writes through THIS instance clear the cache before their response is sent, so the
 *   next read anywhere on this instance sees the write. A read that was already loading when the write
 *   landed still answers its own callers, but its result is not kept.
 * - Everything else (writes through another instance, stock taken by orders, sales counts bumped by
 *   payments) shows within `ttlMs`: an entry is served for at most `ttlMs` after its query BEGAN, so
 *   what a shopper sees is never older than ttlMs plus one query's duration.
 * Stock on a product page may therefore be a second or so behind. Orders never trust it: they
 * decrement stock with a conditional UPDATE.
 */
export interface ReadCache {
  /** The cached value for `key`, or the result of `load` (shared by concurrent callers of the same key). */
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
}

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

export function createReadCache(options: { ttlMs: number; maxEntries?: number; now?: () => number }): ReadCache {
  const { ttlMs, maxEntries = 1000, now = Date.now } = options;
  const entries = new Map<string, Entry>();

  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (ttlMs <= 0) return load();
      const at = now();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > at) return hit.value as Promise<T>;
      if (hit) entries.delete(key);
      // Keyword searches make the key space unbounded: drop the oldest entry rather than grow.
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      const value = load();
      const entry: Entry = { expiresAt: at + ttlMs, value };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    invalidate() {
      entries.clear();
    },
  };
}

/** One second: long enough to absorb a burst on a shared product, short enough that nobody notices. */
export const catalogReadTtlMs = 1000;

const caches = new WeakMap<object, ReadCache>();

/**
 * The catalog read cache of one database (the app's drizzle handle), shared by the shopper routes,
 * which read through it, and the console routes and the demo seed, which invalidate it.
 */
export function catalogReadCache(database: object): ReadCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = createReadCache({ ttlMs: catalogReadTtlMs });
    caches.set(database, cache);
  }
  return cache;
}
