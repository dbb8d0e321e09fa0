/**
 * Fixed-window counters per key, in memory. Receipt lookups are guessable only by
 * brute force, so each client and each receipt gets a small budget per window;
 * the HTTP layer adds coarser per-address limits on top.
 */
export interface Throttle {
  /** Counts one attempt; false when `key` has used its budget for the window. */
  take(key: string, now: number): boolean;
  /** True when `key` has used its budget for the window (counts nothing). */
  exhausted(key: string, now: number): boolean;
}

export function createThrottle(options: { limit: number; windowMs: number; maxKeys?: number }): Throttle {
  const buckets = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    take(key, now) {
      let b = buckets.get(key);
      if (!b || now - b.start >= options.windowMs) {
        if (!b && buckets.size >= maxKeys) {
          // Drop expired buckets first; if none expired, forget the oldest.
          for (const [k, v] of buckets) if (now - v.start >= options.windowMs) buckets.delete(k);
          if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        }
        b = { start: now, count: 0 };
        buckets.set(key, b);
      }
      b.count += 1;
      return b.count <= options.limit;
    },
    exhausted(key, now) {
      const b = buckets.get(key);
      return b !== undefined && now - b.start < options.windowMs && b.count >= options.limit;
    },
  };
}
