import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { enforcementActions } from '../schema/enforcement';
import { hazards } from '../schema/hazards';

/**
 * What a unit's blacklist proposal is decided on, read from the record rather than typed in:
 * its blacklist measures (standing and entry date), the fire-safety penalties decided against it
 * (the kernel's 'violation' events), and its hazards not yet closed (the correction).
 */
export async function venueBlacklistRecord(db: Db, venueId: string) {
  const kind = sql<string>`${enforcementActions.state}->>'kind'`;
  const measures = await db
    .select({ id: enforcementActions.id, kind, status: enforcementActions.status, decidedAt: enforcementActions.decidedAt })
    .from(enforcementActions)
    .where(and(eq(enforcementActions.venueId, venueId), inArray(enforcementActions.kind, ['blacklist', 'fine'])));
  const [open] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(hazards)
    .where(and(eq(hazards.venueId, venueId), notInArray(hazards.status, ['closed', 'dismissed'])));
  return {
    blacklist: measures
      .filter((m) => m.kind === 'blacklist_entry' || m.kind === 'blacklist_exit')
      .map((m) => ({ id: m.id, kind: m.kind as 'blacklist_entry' | 'blacklist_exit', status: m.status, decidedAt: m.decidedAt })),
    penalties: measures.filter((m) => m.kind === 'fine' && m.decidedAt !== null && ['decided', 'served', 'executed', 'closed'].includes(m.status)).map((m) => ({ id: m.id, decidedAt: m.decidedAt! })),
    openHazards: Number(open?.n ?? 0),
  };
}

/** The Fire Law article each measure's state cites (the legal-basis column holds only a fine's citation once decided). */
export async function findBasisArticles(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: enforcementActions.id, article: sql<string | null>`${enforcementActions.state}->'basis'->>'article'` })
    .from(enforcementActions)
    .where(inArray(enforcementActions.id, [...ids]));
  return new Map(rows.filter((r) => r.article !== null).map((r) => [r.id, Number(r.article)]));
}
