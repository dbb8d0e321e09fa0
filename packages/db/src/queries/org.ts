import { eq } from 'drizzle-orm';
import type { Role } from '@firebreak/domain';
import type { Db } from '../database';
import { DbError } from '../errors';
import { departments, jurisdictionPath, jurisdictions, type DepartmentKind, type JurisdictionLevel } from '../schema/jurisdictions';
import { apiKeys, users } from '../schema/users';
import { responsiblePersons, venues, type ResponsibleRole } from '../schema/venues';

/** Adds a node under `parentId` (null for a root) with its materialised path. */
export async function insertJurisdiction(
  db: Db,
  input: { id: string; parentId: string | null; level: JurisdictionLevel; name: string; code?: string | null },
): Promise<{ id: string; path: string }> {
  let parentPath: string | null = null;
  if (input.parentId) {
    const [parent] = await db.select({ path: jurisdictions.path }).from(jurisdictions).where(eq(jurisdictions.id, input.parentId));
    if (!parent) throw new DbError('DB.NOT_FOUND', 'Parent jurisdiction not found', '上级辖区不存在', { id: input.parentId });
    parentPath = parent.path;
  }
  const path = jurisdictionPath(parentPath, input.id);
  await db.insert(jurisdictions).values({ id: input.id, parentId: input.parentId, level: input.level, name: input.name, code: input.code ?? null, path });
  return { id: input.id, path };
}

export async function insertDepartment(
  db: Db,
  input: { id?: string; name: string; nameEn?: string | null; kind: DepartmentKind; sector?: string | null; level: JurisdictionLevel; jurisdictionId: string; parentId?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(departments)
    .values({
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      nameEn: input.nameEn ?? null,
      kind: input.kind,
      sector: input.sector ?? null,
      level: input.level,
      jurisdictionId: input.jurisdictionId,
      parentId: input.parentId ?? null,
    })
    .returning({ id: departments.id });
  return row!.id;
}

export async function insertUser(
  db: Db,
  input: {
    id?: string;
    username: string;
    displayName: string;
    role: Role;
    passwordHash: string;
    departmentId?: string | null;
    jurisdictionId?: string | null;
    venueId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      ...(input.id ? { id: input.id } : {}),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.passwordHash,
      departmentId: input.departmentId ?? null,
      jurisdictionId: input.jurisdictionId ?? null,
      venueId: input.venueId ?? null,
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function insertVenue(
  db: Db,
  input: {
    id?: string;
    name: string;
    address: string;
    lat?: number | null;
    lng?: number | null;
    categories: string[];
    flags?: string[];
    attributes?: Record<string, unknown>;
    jurisdictionId: string;
    creditCode?: string | null;
    publicToken: string;
  },
): Promise<string> {
  const [row] = await db
    .insert(venues)
    .values({
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      categories: input.categories,
      flags: input.flags ?? [],
      attributes: input.attributes ?? {},
      jurisdictionId: input.jurisdictionId,
      creditCode: input.creditCode ?? null,
      publicToken: input.publicToken,
    })
    .returning({ id: venues.id });
  return row!.id;
}

export async function insertResponsiblePerson(
  db: Db,
  input: { venueId: string; role: ResponsibleRole; name: string; phoneSealed?: string | null; duties?: string | null; since?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(responsiblePersons)
    .values({
      venueId: input.venueId,
      role: input.role,
      name: input.name,
      phoneSealed: input.phoneSealed ?? null,
      duties: input.duties ?? null,
      since: input.since ?? null,
    })
    .returning({ id: responsiblePersons.id });
  return row!.id;
}

export async function insertApiKey(db: Db, input: { keyHash: string; name: string; jurisdictionId?: string | null }): Promise<string> {
  const [row] = await db
    .insert(apiKeys)
    .values({ keyHash: input.keyHash, name: input.name, jurisdictionId: input.jurisdictionId ?? null })
    .returning({ id: apiKeys.id });
  return row!.id;
}
