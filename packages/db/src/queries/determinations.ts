import { desc, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { determinations } from '../schema/determinations';

export type DeterminationRow = typeof determinations.$inferSelect;
export type NewDetermination = Omit<typeof determinations.$inferInsert, 'createdAt'>;

/** Stores a GB 35181 determination as decided; rows are evidence and are never updated. */
export async function insertDetermination(db: Db, values: NewDetermination): Promise<string> {
  const [row] = await db.insert(determinations).values(values).returning({ id: determinations.id });
  return row!.id;
}

export async function findDetermination(db: Db, id: string): Promise<DeterminationRow | null> {
  const [row] = await db.select().from(determinations).where(eq(determinations.id, id)).limit(1);
  return row ?? null;
}

/** Every determination made on a hazard, newest first. */
export function listDeterminationsForHazard(db: Db, hazardId: string) {
  return db.select().from(determinations).where(eq(determinations.hazardId, hazardId)).orderBy(desc(determinations.determinedAt), desc(determinations.id));
}
