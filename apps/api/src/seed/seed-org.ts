import { randomUUID } from 'node:crypto';
import { validateStaffAssignment, type Actor, type JurisdictionLevel } from '@firebreak/domain';
import { insertDepartment, insertJurisdiction, insertUser, setJurisdictionBoundary, type Db } from '@firebreak/db';
import { DEMO_BOUNDARIES, STREET_VENUE_CENTRES } from './demo-boundaries';
import {
  DEMO_CITY,
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_PROVINCE,
  DEMO_USERS,
  GRIDS_PER_COMMUNITY,
  gridName,
  type DepartmentKey,
  type DemoUserSpec,
} from './demo-city';
import type { GridPlace } from './demo-venues';

export interface SeededOrg {
  /** Jurisdiction ids by `${level}:${name}` (names are unique per level in the demo city). */
  readonly jurisdictions: ReadonlyMap<string, string>;
  readonly departments: ReadonlyMap<DepartmentKey, string>;
  readonly grids: readonly GridPlace[];
  jurisdiction(level: JurisdictionLevel, name: string): string;
  department(key: DepartmentKey): string;
}

/** The administrative tree and the departments, top down (a child needs its parent's path). */
export async function seedJurisdictionsAndDepartments(db: Db): Promise<SeededOrg> {
  const ids = new Map<string, string>();
  const add = async (level: JurisdictionLevel, name: string, parentId: string | null) => {
    const id = randomUUID();
    await insertJurisdiction(db, { id, parentId, level, name });
    ids.set(`${level}:${name}`, id);
    return id;
  };
  const province = await add('province', DEMO_PROVINCE, null);
  const city = await add('city', DEMO_CITY, province);
  const grids: GridPlace[] = [];
  for (const d of DEMO_DISTRICTS) {
    const district = await add('district', d.name, city);
    for (const s of d.streets) {
      const street = await add('street', s.name, district);
      for (const c of s.communities) {
        const community = await add('community', c, street);
        for (let n = 1; n <= GRIDS_PER_COMMUNITY; n++) {
          const gridId = await add('grid', gridName(c, n), community);
          grids.push({ gridId, district: d.name, street: s.name, community: c, centre: STREET_VENUE_CENTRES[s.name] ?? d.centre });
        }
      }
    }
  }

  const jurisdiction = (level: JurisdictionLevel, name: string): string => {
    const id = ids.get(`${level}:${name}`);
    if (!id) throw new Error(`demo seed: no ${level} named ${name}`);
    return id;
  };
  for (const drawn of DEMO_BOUNDARIES) await setJurisdictionBoundary(db, jurisdiction(drawn.level, drawn.name), drawn.boundary);

  const departments = new Map<DepartmentKey, string>();
  for (const spec of DEMO_DEPARTMENTS) {
    const parentId = spec.parent ? departments.get(spec.parent) ?? null : null;
    const id = await insertDepartment(db, {
      name: spec.name,
      nameEn: spec.nameEn,
      kind: spec.kind,
      sector: spec.sector ?? null,
      level: spec.at.level,
      jurisdictionId: jurisdiction(spec.at.level, spec.at.name),
      parentId,
    });
    departments.set(spec.key, id);
  }
  const department = (key: DepartmentKey): string => {
    const id = departments.get(key);
    if (!id) throw new Error(`demo seed: no department ${key}`);
    return id;
  };
  return { jurisdictions: ids, departments, grids, jurisdiction, department };
}

export interface SeededUser {
  readonly id: string;
  readonly username: string;
  readonly actor: Actor;
  /** The venue a unit account acts for. */
  readonly venueId: string | null;
}

/**
 * One account per role (and a few more so every district has inspectors). The
 * role ↔ department kind pairing is the kernel's rule, checked before insert.
 */
export async function seedUsers(
  db: Db,
  org: SeededOrg,
  venueIdByName: ReadonlyMap<string, string>,
  venueJurisdiction: ReadonlyMap<string, string>,
  passwordHash: string,
): Promise<ReadonlyMap<string, SeededUser>> {
  const users = new Map<string, SeededUser>();
  const kindOf = new Map(DEMO_DEPARTMENTS.map((d) => [d.key, d.kind] as const));
  for (const spec of DEMO_USERS) {
    const { departmentId, jurisdictionId, venueId } = placement(spec, org, venueIdByName, venueJurisdiction);
    if (spec.department) {
      const checked = validateStaffAssignment(spec.role, kindOf.get(spec.department)! as Parameters<typeof validateStaffAssignment>[1]);
      if (!checked.ok) throw new Error(`demo seed: ${spec.username}: ${checked.error.message}`);
    }
    const id = await insertUser(db, {
      username: spec.username,
      displayName: spec.displayName,
      role: spec.role,
      passwordHash,
      departmentId,
      jurisdictionId,
      venueId,
    });
    users.set(spec.username, {
      id,
      username: spec.username,
      venueId,
      actor: { userId: id, name: spec.displayName, role: spec.role, departmentId, jurisdictionId },
    });
  }
  return users;
}

function placement(
  spec: DemoUserSpec,
  org: SeededOrg,
  venueIdByName: ReadonlyMap<string, string>,
  venueJurisdiction: ReadonlyMap<string, string>,
): { departmentId: string | null; jurisdictionId: string | null; venueId: string | null } {
  if (spec.role === 'unit') {
    const venueId = spec.venueName ? venueIdByName.get(spec.venueName) : undefined;
    if (!venueId) throw new Error(`demo seed: unit account ${spec.username} has no venue ${spec.venueName ?? ''}`);
    // A unit account sits where its venue sits: the kernel scopes unit commands by it.
    return { departmentId: null, jurisdictionId: venueJurisdiction.get(venueId) ?? null, venueId };
  }
  if (!spec.department || !spec.scope) throw new Error(`demo seed: staff account ${spec.username} needs a department and a scope`);
  return { departmentId: org.department(spec.department), jurisdictionId: org.jurisdiction(spec.scope.level, spec.scope.name), venueId: null };
}

/**
 * An account for a venue that has none yet, made when the demo needs the unit
 * itself to act (handing in remediation evidence is the unit's own step).
 */
export async function seedUnitAccount(
  db: Db,
  venue: { id: string; name: string; jurisdictionId: string },
  username: string,
  passwordHash: string,
): Promise<SeededUser> {
  const id = await insertUser(db, {
    username,
    displayName: venue.name,
    role: 'unit',
    passwordHash,
    departmentId: null,
    jurisdictionId: venue.jurisdictionId,
    venueId: venue.id,
  });
  return {
    id,
    username,
    venueId: venue.id,
    actor: { userId: id, name: venue.name, role: 'unit', departmentId: null, jurisdictionId: venue.jurisdictionId },
  };
}
