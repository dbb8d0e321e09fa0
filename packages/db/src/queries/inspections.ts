import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { inspectionInspectors, inspections, signatures } from '../schema/inspections';
import { users } from '../schema/users';
import { venues } from '../schema/venues';
import { inJurisdictionSubtree, type Page } from './hazards';

/** What staff procedures need of a venue: where it is (scope) and what it is (checklist). */
export async function findVenueRef(db: Db, venueId: string) {
  const [row] = await db
    .select({ id: venues.id, name: venues.name, jurisdictionId: venues.jurisdictionId, categories: venues.categories, flags: venues.flags, status: venues.status })
    .from(venues)
    .where(eq(venues.id, venueId))
    .limit(1);
  return row ?? null;
}

/** Staff accounts by id, as the kernel names people (name, role, department, scope root). */
export function findStaffUsers(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      jurisdictionId: users.jurisdictionId,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

/** Who is on an inspection, for queries by person ("my inspections"). */
export async function insertInspectionTeam(db: Db, inspectionId: string, members: readonly { userId: string; role: 'lead' | 'member' | 'expert' }[]) {
  if (members.length === 0) return;
  await db.insert(inspectionInspectors).values(members.map((m) => ({ inspectionId, userId: m.userId, role: m.role })));
}

export function listInspectionTeam(db: Db, inspectionId: string) {
  return db
    .select({ userId: inspectionInspectors.userId, role: inspectionInspectors.role, name: users.displayName })
    .from(inspectionInspectors)
    .innerJoin(users, eq(users.id, inspectionInspectors.userId))
    .where(eq(inspectionInspectors.inspectionId, inspectionId))
    .orderBy(asc(users.displayName));
}

/** A signature over the hash of the inspection record as it stood when signed. */
export async function insertSignature(
  db: Db,
  input: { inspectionId: string; signerKind: 'inspector' | 'unit'; userId: string | null; signerName: string; documentHash: string; signedAt: Date },
) {
  const [row] = await db.insert(signatures).values(input).returning({ id: signatures.id });
  return row!.id;
}

export function listSignatures(db: Db, inspectionId: string) {
  return db
    .select({
      id: signatures.id,
      signerKind: signatures.signerKind,
      userId: signatures.userId,
      signerName: signatures.signerName,
      documentHash: signatures.documentHash,
      signedAt: signatures.signedAt,
    })
    .from(signatures)
    .where(eq(signatures.inspectionId, inspectionId))
    .orderBy(asc(signatures.signedAt), asc(signatures.createdAt), asc(signatures.id));
}

export interface InspectionListFilter extends Page {
  readonly jurisdictionRoot: string;
  readonly statuses?: readonly string[];
  readonly venueId?: string;
  readonly sources?: readonly string[];
  /** Only inspections this person is on. */
  readonly memberUserId?: string;
}

export async function listInspections(db: Db, f: InspectionListFilter) {
  const where = and(
    inJurisdictionSubtree(inspections.jurisdictionId, f.jurisdictionRoot),
    f.statuses && f.statuses.length > 0 ? inArray(inspections.status, [...f.statuses]) : undefined,
    f.venueId ? eq(inspections.venueId, f.venueId) : undefined,
    f.sources && f.sources.length > 0 ? inArray(inspections.source, [...f.sources] as (typeof inspections.source._.data)[]) : undefined,
    f.memberUserId
      ? sql`exists (select 1 from ${inspectionInspectors} m where m.inspection_id = ${inspections.id} and m.user_id = ${f.memberUserId}::uuid)`
      : undefined,
  );
  const items = await db
    .select({
      id: inspections.id,
      status: inspections.status,
      version: inspections.version,
      jurisdictionId: inspections.jurisdictionId,
      venueId: inspections.venueId,
      venueName: venues.name,
      source: inspections.source,
      departmentId: inspections.departmentId,
      plannedFor: sql<string | null>`${inspections.state}->>'plannedFor'`,
      findings: sql<number>`coalesce(jsonb_array_length(${inspections.state}->'findings'), 0)`.mapWith(Number),
      startedAt: inspections.startedAt,
      finishedAt: inspections.finishedAt,
      createdAt: inspections.createdAt,
    })
    .from(inspections)
    .innerJoin(venues, eq(venues.id, inspections.venueId))
    .where(where)
    .orderBy(desc(inspections.createdAt), desc(inspections.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(inspections).where(where);
  return { items, total: Number(total?.n ?? 0) };
}
