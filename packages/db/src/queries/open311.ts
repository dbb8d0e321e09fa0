import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { departments } from '../schema/jurisdictions';
import { reports } from '../schema/reports';
import { venues } from '../schema/venues';
import { apiKeys } from '../schema/users';

/** An active Open311 integrator key with this SHA-256 (hex), or null. Keys themselves are never stored. */
export async function findActiveApiKey(db: Db, keyHash: string): Promise<{ id: string; name: string; jurisdictionId: string | null } | null> {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, jurisdictionId: apiKeys.jurisdictionId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), eq(apiKeys.active, true)))
    .limit(1);
  return row ?? null;
}

export async function touchApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

export interface Open311ReportFilter {
  /** When given, the only filter applied (as GeoReport v2 says). */
  readonly ids?: readonly string[];
  readonly riskCategories?: readonly string[];
  readonly statuses?: readonly string[];
  /** requested_datetime range, start inclusive, end exclusive. */
  readonly from?: Date;
  readonly until?: Date;
  readonly limit: number;
}

/**
 * Kernel states of reports that may appear in Open311, newest first.
 * Whistleblower reports are excluded here in SQL, by flag and by channel, so
 * they never even reach the server's memory on this path; the API still
 * applies the kernel's isOpen311Visible to what comes back.
 */
export async function listOpen311Reports(db: Db, filter: Open311ReportFilter): Promise<Record<string, unknown>[]> {
  if (filter.ids?.length === 0) return [];
  const visible = and(eq(reports.whistleblower, false), ne(reports.channel, 'whistleblower'));
  const conditions = filter.ids
    ? [visible, inArray(reports.id, [...filter.ids])]
    : [
        visible,
        filter.riskCategories ? inArray(reports.riskCategory, [...filter.riskCategories]) : undefined,
        filter.statuses ? inArray(reports.status, [...filter.statuses]) : undefined,
        filter.from ? gte(reports.submittedAt, filter.from) : undefined,
        filter.until ? lt(reports.submittedAt, filter.until) : undefined,
      ];
  const rows = await db
    .select({ state: reports.state })
    .from(reports)
    .where(and(...conditions))
    .orderBy(desc(reports.submittedAt), desc(reports.id))
    .limit(filter.limit);
  return rows.map((r) => r.state);
}

/** Fire-rescue agencies with the jurisdiction each is seated at (the Open311 agency_responsible). */
export function listFireAgencies(db: Db): Promise<{ id: string; name: string; nameEn: string | null; jurisdictionId: string }[]> {
  return db
    .select({ id: departments.id, name: departments.name, nameEn: departments.nameEn, jurisdictionId: departments.jurisdictionId })
    .from(departments)
    .where(eq(departments.kind, 'fire_agency'));
}

/**
 * Located venues whose address or name is the typed address, compared after the
 * kernel's normalizeAddress folding (NFKC, lower case, no spacing or common
 * punctuation), done here in SQL on both sides. A sequential scan: Open311
 * posts without coordinates are rare, and the venue library has no geocoder.
 */
export function findVenuesByAddress(db: Db, address: string, limit = 5): Promise<{ id: string; name: string; address: string; lat: number; lng: number }[]> {
  const fold = (v: unknown) => sql`lower(regexp_replace(normalize(${v}, NFKC), '[[:space:],，.。、·\-—_()（）#＃]', '', 'g'))`;
  const typed = fold(address);
  return db
    .select({ id: venues.id, name: venues.name, address: venues.address, lat: sql<number>`${venues.lat}`, lng: sql<number>`${venues.lng}` })
    .from(venues)
    .where(and(isNotNull(venues.lat), isNotNull(venues.lng), or(sql`${fold(venues.address)} = ${typed}`, sql`${fold(venues.name)} = ${typed}`)))
    .orderBy(asc(venues.id))
    .limit(limit);
}
