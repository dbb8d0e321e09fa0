import type { Actor } from '@firebreak/domain';
import { deleteSession, findSessionUser, insertSession, type Db, type UserRow } from '@firebreak/db';
import { newSessionToken, sessionTokenHash } from './secrets';
import type { Session } from '../context/request-context';

export const SESSION_TTL_SECONDS = 8 * 3600; // one working day; staff sign in again each morning

export async function resolveSession(db: Db, token: string, now: Date): Promise<Session | null> {
  const row = await findSessionUser(db, sessionTokenHash(token), now);
  return row ? { sessionId: row.sessionId, actor: actorOf(row.user), venueId: row.user.venueId } : null;
}

export function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    name: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    jurisdictionId: user.jurisdictionId,
  };
}

export async function openSession(db: Db, userId: string, now: Date, userAgent: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await insertSession(db, { tokenHash: sessionTokenHash(token), userId, expiresAt, userAgent, now });
  return { token, expiresAt };
}

export function closeSession(db: Db, sessionId: string): Promise<void> {
  return deleteSession(db, sessionId);
}
