import { and, asc, desc, eq, gte, ilike, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { hazards } from '../schema/hazards';
import { inspections } from '../schema/inspections';
import { responsiblePersons, venues, type ResponsibleRole } from '../schema/venues';

/** What anyone may read about a venue: no credit code, attributes or internal flags. */
export interface PublicVenueRow {
  readonly id: string;
  readonly publicToken: string;
  readonly name: string;
  readonly address: string;
  readonly categories: string[];
}

const publicColumns = {
  id: venues.id,
  publicToken: venues.publicToken,
  name: venues.name,
  address: venues.address,
  categories: venues.categories,
};

/** `%`, `_` and `\` typed by a user are literal text, not patterns. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Active venues whose name or address contains `query`, names starting with it
 * first. Substring ILIKE is served by trigram indexes on name and address when
 * the database has them (see the report to the lead); the limit caps the work.
 */
export function searchVenues(db: Db, input: { query: string; limit: number }): Promise<PublicVenueRow[]> {
  const pattern = `%${escapeLike(input.query)}%`;
  const prefix = `${escapeLike(input.query)}%`;
  return db
    .select(publicColumns)
    .from(venues)
    .where(and(eq(venues.status, 'active'), or(ilike(venues.name, pattern), ilike(venues.address, pattern))))
    .orderBy(sql`case when ${venues.name} ilike ${prefix} then 0 else 1 end`, asc(venues.name), asc(venues.id))
    .limit(input.limit);
}

/** Positions of the two published persons (法定代表人, 总经理 ...), kept in the venue's attributes. */
const positionColumns = {
  responsiblePosition: sql<string | null>`${venues.attributes} ->> 'responsiblePosition'`,
  managerPosition: sql<string | null>`${venues.attributes} ->> 'managerPosition'`,
};

export interface VenuePageRow extends PublicVenueRow {
  readonly responsiblePosition: string | null;
  readonly managerPosition: string | null;
}

export async function findVenueByPublicToken(db: Db, publicToken: string): Promise<VenuePageRow | null> {
  const [row] = await db
    .select({ ...publicColumns, ...positionColumns })
    .from(venues)
    .where(and(eq(venues.publicToken, publicToken), eq(venues.status, 'active')))
    .limit(1);
  return row ?? null;
}

/** Records the published positions without touching the venue's other attributes. */
export async function setVenuePositions(db: Db, venueId: string, positions: { responsiblePosition: string | null; managerPosition: string | null }, now: Date): Promise<void> {
  await db
    .update(venues)
    .set({
      attributes: sql`${venues.attributes} || ${JSON.stringify(positions)}::jsonb`,
      updatedAt: now,
      version: sql`${venues.version} + 1`,
    })
    .where(eq(venues.id, venueId));
}

export interface VenueRow extends VenuePageRow {
  readonly jurisdictionId: string;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly flags: string[];
  readonly status: 'active' | 'suspended' | 'closed';
}

export async function findVenueById(db: Db, id: string): Promise<VenueRow | null> {
  const [row] = await db
    .select({ ...publicColumns, ...positionColumns, jurisdictionId: venues.jurisdictionId, lat: venues.lat, lng: venues.lng, flags: venues.flags, status: venues.status })
    .from(venues)
    .where(eq(venues.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Located venues inside a lat/lng box around a point, nearest first by a flat
 * approximation (the caller measures the real distance with the kernel's
 * haversine and keeps the nearest).
 */
export function listVenuesNear(
  db: Db,
  input: { lat: number; lng: number; latDelta: number; lngDelta: number; limit?: number },
): Promise<{ id: string; jurisdictionId: string; name: string; address: string; lat: number | null; lng: number | null }[]> {
  const lngScale = Math.cos((input.lat * Math.PI) / 180);
  return db
    .select({ id: venues.id, jurisdictionId: venues.jurisdictionId, name: venues.name, address: venues.address, lat: venues.lat, lng: venues.lng })
    .from(venues)
    .where(
      and(
        gte(venues.lat, input.lat - input.latDelta),
        lte(venues.lat, input.lat + input.latDelta),
        gte(venues.lng, input.lng - input.lngDelta),
        lte(venues.lng, input.lng + input.lngDelta),
      ),
    )
    .orderBy(sql`power(${venues.lat} - ${input.lat}, 2) + power((${venues.lng} - ${input.lng}) * ${lngScale}, 2)`, asc(venues.id))
    .limit(input.limit ?? 20);
}

/** The box around every located venue (what the served area is judged from), or null when none is located. */
export async function venueExtent(db: Db): Promise<{ minLat: number; maxLat: number; minLng: number; maxLng: number } | null> {
  const [row] = await db
    .select({
      minLat: sql<number | null>`min(${venues.lat})`.mapWith(Number),
      maxLat: sql<number | null>`max(${venues.lat})`.mapWith(Number),
      minLng: sql<number | null>`min(${venues.lng})`.mapWith(Number),
      maxLng: sql<number | null>`max(${venues.lng})`.mapWith(Number),
      located: sql<number>`count(*) filter (where ${venues.lat} is not null and ${venues.lng} is not null)`.mapWith(Number),
    })
    .from(venues);
  if (!row || row.located === 0) return null;
  return { minLat: row.minLat, maxLat: row.maxLat, minLng: row.minLng, maxLng: row.maxLng };
}

export interface ResponsiblePersonRow {
  readonly id: string;
  readonly role: ResponsibleRole;
  readonly name: string;
  readonly duties: string | null;
  readonly since: string | null;
  readonly hasPhone: boolean;
}

/** The persons currently published for a venue (ended_at is null). */
export function listCurrentResponsiblePersons(db: Db, venueId: string): Promise<ResponsiblePersonRow[]> {
  return db
    .select({
      id: responsiblePersons.id,
      role: responsiblePersons.role,
      name: responsiblePersons.name,
      duties: responsiblePersons.duties,
      since: responsiblePersons.since,
      hasPhone: sql<boolean>`${responsiblePersons.phoneSealed} is not null`,
    })
    .from(responsiblePersons)
    .where(and(eq(responsiblePersons.venueId, venueId), isNull(responsiblePersons.endedAt)))
    .orderBy(asc(responsiblePersons.role));
}

export interface NewResponsiblePerson {
  readonly id: string;
  readonly role: ResponsibleRole;
  readonly name: string;
  readonly phoneSealed: string | null;
  readonly duties: string | null;
  readonly since: string | null;
}

/**
 * 两公开: the people named now replace those named before. The old rows are
 * ended (kept as history), in one transaction with the new ones, so the
 * partial unique index on current persons never sees two at once.
 */
export async function replaceResponsiblePersons(db: Db, venueId: string, persons: readonly NewResponsiblePerson[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const role of new Set(persons.map((p) => p.role))) {
      await tx
        .update(responsiblePersons)
        .set({ endedAt: now, updatedAt: now })
        .where(and(eq(responsiblePersons.venueId, venueId), eq(responsiblePersons.role, role), isNull(responsiblePersons.endedAt)));
    }
    for (const p of persons) {
      await tx.insert(responsiblePersons).values({ ...p, venueId, createdAt: now, updatedAt: now });
    }
  });
}

export interface VenueLifecycleRow {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly venueId: string | null;
  readonly jurisdictionId: string;
  readonly state: Record<string, unknown>;
}

/** The venue's most recently completed inspection, or null. */
export async function findLastCompletedInspection(db: Db, venueId: string): Promise<VenueLifecycleRow | null> {
  const [row] = await db
    .select({ id: inspections.id, version: inspections.version, status: inspections.status, venueId: inspections.venueId, jurisdictionId: inspections.jurisdictionId, state: inspections.state })
    .from(inspections)
    .where(and(eq(inspections.venueId, venueId), eq(inspections.status, 'completed')))
    .orderBy(desc(sql`coalesce(${inspections.finishedAt}, ${inspections.updatedAt})`))
    .limit(1);
  return row ?? null;
}

/** Inspections of a venue in one status, newest first. */
export function listVenueInspections(db: Db, venueId: string, status: string, limit = 50): Promise<VenueLifecycleRow[]> {
  return db
    .select({ id: inspections.id, version: inspections.version, status: inspections.status, venueId: inspections.venueId, jurisdictionId: inspections.jurisdictionId, state: inspections.state })
    .from(inspections)
    .where(and(eq(inspections.venueId, venueId), eq(inspections.status, status)))
    .orderBy(desc(inspections.updatedAt))
    .limit(limit);
}

/** The venue an inspection or hazard belongs to, to check a unit's claim on it before loading more. */
export async function findInspectionVenue(db: Db, inspectionId: string): Promise<{ venueId: string } | null> {
  const [row] = await db.select({ venueId: inspections.venueId }).from(inspections).where(eq(inspections.id, inspectionId)).limit(1);
  return row ?? null;
}

export async function findHazardVenue(db: Db, hazardId: string): Promise<{ venueId: string | null } | null> {
  const [row] = await db.select({ venueId: hazards.venueId }).from(hazards).where(eq(hazards.id, hazardId)).limit(1);
  return row ?? null;
}

/** A venue's hazards, open ones first then newest first. */
export function listVenueHazards(db: Db, venueId: string, input: { limit: number; offset: number }): Promise<VenueLifecycleRow[]> {
  return db
    .select({ id: hazards.id, version: hazards.version, status: hazards.status, venueId: hazards.venueId, jurisdictionId: hazards.jurisdictionId, state: hazards.state })
    .from(hazards)
    .where(eq(hazards.venueId, venueId))
    .orderBy(sql`case when ${hazards.status} in ('closed', 'dismissed') then 1 else 0 end`, desc(hazards.createdAt), asc(hazards.id))
    .limit(input.limit)
    .offset(input.offset);
}
