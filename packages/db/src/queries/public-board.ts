import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../database';
import { draws } from '../schema/draws';
import { enforcementActions, listings } from '../schema/enforcement';
import { hazards } from '../schema/hazards';
import { jurisdictions } from '../schema/jurisdictions';
import { venues } from '../schema/venues';

/**
 * What the public boards read: the exposure board (曝光台) and the published
 * 双随机 draws. Only rows staff made public are selected here; what of them is
 * shown is decided by the kernel projections in the API.
 */

export interface ExposureRow {
  readonly source: 'listing' | 'enforcement';
  readonly id: string;
  readonly venueId: string | null;
  readonly venueName: string | null;
  readonly venueAddress: string | null;
  readonly venuePublicToken: string | null;
  readonly state: Record<string, unknown>;
  readonly at: Date;
}

/**
 * Listings (挂牌督办) marked published or exposed, and executed or closed
 * enforcement actions of kind exposure, newest first. Their public moment is
 * taken from the kernel state (the exposure, else the publication; the
 * execution of an exposure action).
 */
export async function listExposures(db: Db, input: { limit: number; offset: number }): Promise<ExposureRow[]> {
  const rows = await queryRows<{
    source: 'listing' | 'enforcement';
    id: string;
    venue_id: string | null;
    venue_name: string | null;
    venue_address: string | null;
    venue_public_token: string | null;
    state: Record<string, unknown> | string;
    at: Date | string;
  }>(
    db,
    sql`
      select b.source, b.id, b.venue_id, v.name as venue_name, v.address as venue_address, v.public_token as venue_public_token, b.state, b.at
      from (
        select 'listing' as source, l.id, l.venue_id, l.state,
               coalesce(l.state #>> '{exposed,by,at}', l.state #>> '{published,at}')::timestamptz as at
        from ${listings} l
        where jsonb_typeof(l.state -> 'published') = 'object' or jsonb_typeof(l.state -> 'exposed') = 'object'
        union all
        select 'enforcement' as source, e.id, e.venue_id, e.state,
               coalesce(e.state #>> '{executedBy,at}', e.updated_at::text)::timestamptz as at
        from ${enforcementActions} e
        where e.kind = 'exposure' and e.status in ('executed', 'closed')
      ) b
      left join ${venues} v on v.id = b.venue_id
      order by b.at desc, b.id
      limit ${input.limit} offset ${input.offset}
    `,
  );
  return rows.map((r) => ({
    source: r.source,
    id: r.id,
    venueId: r.venue_id,
    venueName: r.venue_name,
    venueAddress: r.venue_address,
    venuePublicToken: r.venue_public_token,
    state: typeof r.state === 'string' ? (JSON.parse(r.state) as Record<string, unknown>) : r.state,
    at: r.at instanceof Date ? r.at : new Date(r.at),
  }));
}

/** Kernel hazard states by id (missing ids are simply absent). */
export async function listHazardStates(db: Db, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ state: hazards.state }).from(hazards).where(inArray(hazards.id, [...ids]));
  return rows.map((r) => r.state);
}

export interface PublicDrawSummary {
  readonly id: string;
  readonly kind: 'units' | 'inspectors';
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly campaignId: string | null;
  readonly createdAt: Date;
  /** Set when the commitment was published (fb-draw-2); older draws have none. */
  readonly committedAt: Date | null;
  readonly drawnAt: Date | null;
  readonly publishedAt: Date | null;
}

const drawSummary = {
  id: draws.id,
  kind: draws.kind,
  jurisdictionId: draws.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  campaignId: draws.campaignId,
  createdAt: draws.createdAt,
  committedAt: draws.committedAt,
  drawnAt: draws.drawnAt,
  publishedAt: draws.publishedAt,
};

// A draw is public from its commitment on (so an abandoned commitment stays visible), or from its publication.
const isPublic = sql`(${draws.commitment} is not null or ${draws.publishedAt} is not null)`;

/** Public draws, newest first: commitments awaiting their run or result, and published results. */
export async function listPublicDraws(db: Db, input: { limit: number; offset: number }): Promise<PublicDrawSummary[]> {
  return db
    .select(drawSummary)
    .from(draws)
    .innerJoin(jurisdictions, eq(jurisdictions.id, draws.jurisdictionId))
    .where(isPublic)
    .orderBy(desc(sql`coalesce(${draws.publishedAt}, ${draws.committedAt})`), desc(draws.id))
    .limit(input.limit)
    .offset(input.offset);
}

export interface PublicDraw extends PublicDrawSummary {
  readonly commitment: Record<string, unknown> | null;
  /** Only once published: the inputs with the lists, and the output. */
  readonly inputs: Record<string, unknown> | null;
  readonly output: Record<string, unknown> | null;
}

/** A public draw: its commitment always, its lists and result only once published; others do not exist for the public. */
export async function findPublicDraw(db: Db, id: string): Promise<PublicDraw | null> {
  const [row] = await db
    .select({ ...drawSummary, commitment: draws.commitment, inputs: draws.inputs, output: draws.output })
    .from(draws)
    .innerJoin(jurisdictions, eq(jurisdictions.id, draws.jurisdictionId))
    .where(and(eq(draws.id, id), isPublic))
    .limit(1);
  if (!row) return null;
  const published = row.publishedAt !== null;
  return { ...row, inputs: published ? row.inputs : null, output: published ? row.output : null };
}
