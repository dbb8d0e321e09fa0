import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Boundary } from '@firebreak/domain';
import { createdAt, primaryId, textOf, updatedAt } from './columns';

export const JURISDICTION_LEVELS = ['province', 'city', 'district', 'street', 'community', 'grid'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/**
 * The administrative tree (province → ... → grid). `path` is the materialised
 * list of ancestor ids, `/<root>/.../<self>/`, so "everything in my subtree" is a
 * prefix match served by a text_pattern_ops index instead of a recursive query.
 */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: primaryId(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
    level: textOf<JurisdictionLevel>('level').notNull(),
    name: text('name').notNull(),
    /** 行政区划代码 or grid number, when one exists. */
    code: text('code'),
    path: text('path').notNull(),
    /**
     * The area as GeoJSON geometry (Polygon or MultiPolygon, WGS84 lon/lat; never
     * GCJ-02), checked by the kernel's parseBoundary before it is written. Null:
     * not drawn; reports there are placed by a mapped ancestor (locateJurisdiction).
     */
    boundary: jsonb('boundary').$type<Boundary>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('jurisdictions_parent_idx').on(t.parentId),
    uniqueIndex('jurisdictions_path_uq').using('btree', t.path.op('text_pattern_ops')),
    uniqueIndex('jurisdictions_code_uq').on(t.code),
    check('jurisdictions_level_ck', sql`level in ('province', 'city', 'district', 'street', 'community', 'grid')`),
    check('jurisdictions_path_ck', sql`path like '%/' || id::text || '/'`),
    check('jurisdictions_boundary_ck', sql`boundary is null or (jsonb_typeof(boundary) = 'object' and boundary->>'type' in ('Polygon', 'MultiPolygon'))`),
  ],
);

/** `/<ancestors>/<id>/` for a new node under `parentPath` (null for a root). */
export function jurisdictionPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export const DEPARTMENT_KINDS = [
  'fire_agency', // 消防救援机构
  'police_station', // 公安派出所
  'industry', // 行业部门 (sector says which)
  'committee_office', // 消安委办
  'government', // 地方政府
  'expert_pool', // 专家库
  'discipline', // 纪委监委
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const departments = pgTable(
  'departments',
  {
    id: primaryId(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: textOf<DepartmentKind>('kind').notNull(),
    /** For industry departments: education, civil_affairs, housing, culture_tourism, health, ... */
    sector: text('sector'),
    level: textOf<JurisdictionLevel>('level').notNull(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => departments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('departments_jurisdiction_idx').on(t.jurisdictionId),
    index('departments_kind_idx').on(t.kind, t.sector),
    check(
      'departments_kind_ck',
      sql`kind in ('fire_agency', 'police_station', 'industry', 'committee_office', 'government', 'expert_pool', 'discipline', 'other')`,
    ),
  ],
);
