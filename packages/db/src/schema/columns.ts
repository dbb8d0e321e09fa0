import { bigint, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Builders are stateful, so every table gets fresh ones from these factories.

/** An instant (timestamptz) read back as a JS Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => instant('created_at').notNull().defaultNow();
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

export const primaryId = () => uuid('id').primaryKey().defaultRandom();

/**
 * Money is integer fen (分) in bigint: no floating point anywhere near payments.
 * mode 'number' is exact up to 2^53 fen (about 90 trillion yuan).
 */
export const money = (name: string) => bigint(name, { mode: 'number' });

/** The optimistic-concurrency counter (saveTransition compares and bumps it). */
export const version = () => integer('version').notNull().default(1);

/** Open JSON objects whose shape belongs to the kernel, not to the database. */
export const jsonObject = (name: string) => jsonb(name).$type<Record<string, unknown>>();

export const textOf = <T extends string>(name: string) => text(name).$type<T>();
