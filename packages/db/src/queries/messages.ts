import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import { messages } from '../schema/reports';

/**
 * The two-way channel of a report. The reporter has no account, so a public
 * message carries no author; a handler's carries the user id, which is never
 * shown to the reporter.
 */
export interface ReportMessageRow {
  readonly id: string;
  readonly direction: 'public' | 'handler';
  readonly body: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

export async function insertMessage(
  db: Db,
  input: { reportId: string; direction: 'public' | 'handler'; body: string; authorUserId?: string | null; now: Date },
): Promise<ReportMessageRow> {
  const [row] = await db
    .insert(messages)
    .values({ reportId: input.reportId, direction: input.direction, body: input.body, authorUserId: input.authorUserId ?? null, createdAt: input.now })
    .returning({ id: messages.id, direction: messages.direction, body: messages.body, createdAt: messages.createdAt, readAt: messages.readAt });
  return row!;
}

/** Oldest first, without authors. */
export function listReportMessages(db: Db, reportId: string, limit = 200): Promise<ReportMessageRow[]> {
  return db
    .select({ id: messages.id, direction: messages.direction, body: messages.body, createdAt: messages.createdAt, readAt: messages.readAt })
    .from(messages)
    .where(eq(messages.reportId, reportId))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(limit);
}

/** Marks what one side has not read yet from the other side; returns how many. */
export async function markMessagesRead(db: Db, reportId: string, fromDirection: 'public' | 'handler', now: Date): Promise<number> {
  const updated = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.reportId, reportId), eq(messages.direction, fromDirection), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return updated.length;
}
