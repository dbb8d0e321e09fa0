import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Role } from '@firebreak/domain';
import type { Db } from '../database';
import { hazards } from '../schema/hazards';
import { departments, jurisdictions } from '../schema/jurisdictions';
import { users } from '../schema/users';
import { responsiblePersons, venues } from '../schema/venues';
import { inJurisdictionSubtree } from './hazards';
import { escapeLike } from './venues';

/** Staff of these roles in the subtree, enabled, by name: who may be put on an inspection team. */
export function listStaffInScope(db: Db, f: { rootId: string; roles: readonly Role[] }) {
  return db
    .select({ id: users.id, name: users.displayName, role: users.role, departmentId: users.departmentId, departmentName: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(inArray(users.role, [...f.roles]), eq(users.disabled, false), inJurisdictionSubtree(users.jurisdictionId, f.rootId)))
    .orderBy(asc(departments.name), asc(users.displayName), asc(users.id))
    .limit(500);
}

/** Active venues in the subtree whose name or address contains `query` (names starting with it first). */
export function searchVenuesInScope(db: Db, f: { rootId: string; query: string; limit: number }) {
  const pattern = `%${escapeLike(f.query)}%`;
  const prefix = `${escapeLike(f.query)}%`;
  return db
    .select({ id: venues.id, name: venues.name, address: venues.address, categories: venues.categories })
    .from(venues)
    .where(and(eq(venues.status, 'active'), inJurisdictionSubtree(venues.jurisdictionId, f.rootId), or(ilike(venues.name, pattern), ilike(venues.address, pattern))))
    .orderBy(sql`case when ${venues.name} ilike ${prefix} then 0 else 1 end`, asc(venues.name), asc(venues.id))
    .limit(f.limit);
}

/** The hazards an inspection put on the ledger when it was completed. */
export function listInspectionHazards(db: Db, inspectionId: string) {
  return db
    .select({ id: hazards.id, status: hazards.status, riskCategory: hazards.riskCategory })
    .from(hazards)
    .where(eq(hazards.inspectionId, inspectionId))
    .orderBy(asc(hazards.createdAt), asc(hazards.id));
}

/** What a printed legal document names about the parties: the venue, where it is, and the issuing department. */
export async function findDocumentParties(db: Db, f: { venueId: string | null; departmentId: string | null; jurisdictionId: string }) {
  const [venue] = f.venueId
    ? await db.select({ name: venues.name, address: venues.address, creditCode: venues.creditCode }).from(venues).where(eq(venues.id, f.venueId)).limit(1)
    : [];
  const persons = f.venueId
    ? await db
        .select({ role: responsiblePersons.role, name: responsiblePersons.name })
        .from(responsiblePersons)
        .where(and(eq(responsiblePersons.venueId, f.venueId), isNull(responsiblePersons.endedAt)))
    : [];
  const [department] = f.departmentId ? await db.select({ name: departments.name }).from(departments).where(eq(departments.id, f.departmentId)).limit(1) : [];
  const [jurisdiction] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.id, f.jurisdictionId)).limit(1);
  return {
    venue: venue ?? null,
    responsiblePerson: persons.find((p) => p.role === 'responsible')?.name ?? null,
    manager: persons.find((p) => p.role === 'manager')?.name ?? null,
    departmentName: department?.name ?? null,
    jurisdictionName: jurisdiction?.name ?? null,
  };
}
