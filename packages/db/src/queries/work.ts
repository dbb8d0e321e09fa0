import { and, asc, getTableName, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { venues } from '../schema/venues';
import { LIFECYCLE_TABLES, type LifecycleEntity } from '../transitions/lifecycle-tables';
import { inJurisdictionSubtree, nextPendingDeadline } from './hazards';

export interface WaitingSubjectRow {
  readonly entity: LifecycleEntity;
  readonly id: string;
  readonly status: string;
  readonly jurisdictionId: string;
  readonly state: Record<string, unknown>;
  readonly updatedAt: Date;
  /** The earliest legal time limit still pending on it, or null. */
  readonly dueAt: Date | null;
  /** The venue named in its state, when there is one. */
  readonly venueName: string | null;
}

/**
 * Subjects of one lifecycle in the given statuses that may wait on a person: in a jurisdiction
 * subtree, or addressed to a department through a state field (referrals, campaign tasks), the
 * earliest pending clock first (then the oldest). The caller applies the kernel's waitsOn.
 */
export async function listWaitingSubjects(
  db: Db,
  input: {
    readonly entity: LifecycleEntity;
    readonly statuses: readonly string[];
    readonly scope: { readonly jurisdictionRoot: string } | { readonly stateField: 'toDepartmentId' | 'leadDepartmentId'; readonly departmentId: string };
    readonly limit: number;
  },
): Promise<WaitingSubjectRow[]> {
  const t = LIFECYCLE_TABLES[input.entity];
  // Qualified by the table's name: in a one-table select drizzle leaves columns bare.
  const self = sql.identifier(getTableName(t));
  const due = nextPendingDeadline(input.entity, t.id);
  const where: SQL[] = [inArray(t.status, [...input.statuses])];
  if ('jurisdictionRoot' in input.scope) where.push(inJurisdictionSubtree(t.jurisdictionId, input.scope.jurisdictionRoot));
  else where.push(sql`${t.state}->>${input.scope.stateField} = ${input.scope.departmentId}`);
  const venueName = sql<string | null>`(select v.name from ${venues} v where v.id::text = ${self}.state->>'venueId')`;
  const rows = await db
    .select({ id: t.id, status: t.status, jurisdictionId: t.jurisdictionId, state: t.state, updatedAt: t.updatedAt, dueAt: due, venueName })
    .from(t)
    .where(and(...where))
    .orderBy(sql`${due} asc nulls last`, asc(t.updatedAt))
    .limit(input.limit);
  return rows.map((r) => ({ entity: input.entity, ...r, state: r.state }));
}
