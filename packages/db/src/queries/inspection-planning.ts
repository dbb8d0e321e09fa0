import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Role } from '@firebreak/domain';
import type { Db } from '../database';
import { departments } from '../schema/jurisdictions';
import { users } from '../schema/users';
import { venues } from '../schema/venues';
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
