import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../database';
import { sessions, users } from '../schema/users';

export type UserRow = typeof users.$inferSelect;

/** The live session with this token hash and its (enabled) user, or null. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<{ sessionId: string; user: UserRow } | null> {
  const rows = await db
    .select({ sessionId: sessions.id, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  return row && !row.user.disabled ? row : null;
}

export async function insertSession(
  db: Db,
  values: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string | null; now: Date },
): Promise<void> {
  await db.insert(sessions).values({
    tokenHash: values.tokenHash,
    userId: values.userId,
    expiresAt: values.expiresAt,
    userAgent: values.userAgent,
    lastSeenAt: values.now,
  });
  await db.update(users).set({ lastLoginAt: values.now }).where(eq(users.id, values.userId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row ?? null;
}
