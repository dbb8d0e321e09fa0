import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { listings } from '../schema/enforcement';
import { venues } from '../schema/venues';
import { inJurisdictionSubtree, nextPendingDeadline, type Page } from './hazards';

export interface ListingListFilter extends Page {
  readonly jurisdictionRoot: string;
  readonly statuses?: readonly string[];
  readonly venueId?: string;
}

/** 挂牌督办 records in the caller's subtree, newest first. */
export async function listListings(db: Db, f: ListingListFilter) {
  const where = and(
    inJurisdictionSubtree(listings.jurisdictionId, f.jurisdictionRoot),
    f.statuses && f.statuses.length > 0 ? inArray(listings.status, [...f.statuses]) : undefined,
    f.venueId ? eq(listings.venueId, f.venueId) : undefined,
  );
  const items = await db
    .select({
      id: listings.id,
      status: listings.status,
      version: listings.version,
      jurisdictionId: listings.jurisdictionId,
      venueId: listings.venueId,
      venueName: venues.name,
      hazardIds: sql<string[]>`coalesce(array(select jsonb_array_elements_text(${listings.state}->'hazardIds')), '{}')`,
      listingRef: sql<string | null>`${listings.state}->>'listingRef'`,
      published: sql<boolean>`(${listings.state}->'published') is not null and (${listings.state}->'published') <> 'null'::jsonb`.mapWith(Boolean),
      exposed: sql<boolean>`(${listings.state}->'exposed') is not null and (${listings.state}->'exposed') <> 'null'::jsonb`.mapWith(Boolean),
      listedAt: listings.listedAt,
      delistedAt: listings.delistedAt,
      nextDeadline: nextPendingDeadline('listing', listings.id),
      createdAt: listings.createdAt,
    })
    .from(listings)
    .innerJoin(venues, eq(venues.id, listings.venueId))
    .where(where)
    .orderBy(desc(listings.createdAt), desc(listings.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(listings).where(where);
  return { items, total: Number(total?.n ?? 0) };
}
