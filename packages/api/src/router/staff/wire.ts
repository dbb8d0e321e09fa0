import { z } from 'zod';

/**
 * The API has no serialising transformer, so instants leave as ISO strings:
 * what a server-side caller sees is what the browser gets.
 */
export type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export function wire<T extends Record<string, unknown>>(row: T): Wire<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out as Wire<T>;
}

export const pageInput = {
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(1_000_000).default(0),
};

/** Optional compare-and-set: the version the client last read; a stale one fails with CONCURRENCY.STALE. */
export const versionInput = z.number().int().min(1).optional();

export const idInput = z.object({ id: z.uuid() });

/** A China-local calendar date, as the kernel's deadline commands take them. */
export const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const text = (max: number) => z.string().max(max);
