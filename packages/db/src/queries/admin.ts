import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database';
import { DbError } from '../errors';
import { appendAudit, type AuditEntry, type AuditRecord } from '../audit/append-audit';
import { auditLog } from '../schema/audit';
import { holidayCalendar } from '../schema/calendar';
import { departments, jurisdictions } from '../schema/jurisdictions';
import { checkItems, standards } from '../schema/standards';
import { apiKeys, sessions, users } from '../schema/users';
import { scopedTo } from './audit-read';

/**
 * A configuration write and its audit entry in one transaction: either both are
 * recorded or neither. `entry` sees the write's result (e.g. the new row's id).
 */
export async function runAudited<T>(db: Db, write: (tx: Db) => Promise<T>, entry: (result: T) => AuditEntry): Promise<{ result: T; audit: AuditRecord }> {
  return db.transaction(async (tx) => {
    const result = await write(tx);
    const audit = await appendAudit(tx, entry(result));
    return { result, audit };
  });
}

// ---- standards -------------------------------------------------------------

export type StandardVersionRow = typeof standards.$inferSelect;
export type CheckItemRow = typeof checkItems.$inferSelect;
export type CheckItemValues = Omit<typeof checkItems.$inferInsert, 'id' | 'standardId'>;

export async function listStandardRows(db: Db, f: { category?: string } = {}): Promise<StandardVersionRow[]> {
  return db
    .select()
    .from(standards)
    .where(f.category ? eq(standards.venueCategory, f.category) : undefined)
    .orderBy(asc(standards.venueCategory), asc(standards.version));
}

export async function listCheckItemRows(db: Db, standardIds: readonly string[]): Promise<CheckItemRow[]> {
  if (standardIds.length === 0) return [];
  return db
    .select()
    .from(checkItems)
    .where(inArray(checkItems.standardId, [...standardIds]))
    .orderBy(asc(checkItems.standardId), asc(checkItems.ordinal));
}

export async function getStandardRow(db: Db, id: string): Promise<StandardVersionRow> {
  const [row] = await db.select().from(standards).where(eq(standards.id, id)).limit(1);
  if (!row) throw new DbError('STANDARD.NOT_FOUND', 'No such standard', '整治标准不存在', { id });
  return row;
}

export async function insertStandardVersion(
  db: Db,
  input: { code: string; venueCategory: string; version: number; titleZh: string; titleEn: string | null; createdByUserId: string; items: readonly CheckItemValues[] },
): Promise<StandardVersionRow> {
  const { items, ...values } = input;
  const [row] = await db.insert(standards).values(values).returning();
  if (items.length > 0) await db.insert(checkItems).values(items.map((i) => ({ ...i, standardId: row!.id })));
  return row!;
}

/** Replaces a draft's title and items (the frozen-row triggers refuse this once published). */
export async function replaceStandardDraft(
  db: Db,
  id: string,
  input: { titleZh: string; titleEn: string | null; items: readonly CheckItemValues[]; now: Date },
): Promise<void> {
  await db.update(standards).set({ titleZh: input.titleZh, titleEn: input.titleEn, updatedAt: input.now }).where(eq(standards.id, id));
  await db.delete(checkItems).where(eq(checkItems.standardId, id));
  if (input.items.length > 0) await db.insert(checkItems).values(input.items.map((i) => ({ ...i, standardId: id })));
}

/** Publishes a draft once; false when it was already published (by someone else meanwhile). */
export async function publishStandardRow(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(standards)
    .set({ published: true, publishedAt: at, updatedAt: at })
    .where(and(eq(standards.id, id), eq(standards.published, false)))
    .returning({ id: standards.id });
  return rows.length === 1;
}

/**
 * The newest content snapshot an audited standard write recorded for each row
 * (`data.standard`). The standards table has no column for the effective date
 * or the kernel's full item detail, so the audit chain carries them.
 */
export async function latestStandardSnapshots(db: Db, standardIds: readonly string[]): Promise<Map<string, unknown>> {
  if (standardIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([auditLog.entityId], { entityId: auditLog.entityId, snapshot: sql<unknown>`${auditLog.data} -> 'standard'` })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'standard'), inArray(auditLog.entityId, [...standardIds]), sql`(${auditLog.data} -> 'standard') is not null`))
    .orderBy(auditLog.entityId, desc(auditLog.seq));
  return new Map(rows.map((r) => [r.entityId, r.snapshot]));
}

// ---- calendar --------------------------------------------------------------

/** Replaces one year's exceptions to the Monday-Friday week. */
export async function replaceCalendarYear(
  db: Db,
  year: number,
  days: readonly { date: string; kind: 'holiday' | 'workday'; name: string | null }[],
): Promise<void> {
  await db.delete(holidayCalendar).where(eq(holidayCalendar.year, year));
  if (days.length > 0) await db.insert(holidayCalendar).values(days.map((d) => ({ ...d, year })));
}

export async function listCalendarYear(db: Db, year: number) {
  return db.select().from(holidayCalendar).where(eq(holidayCalendar.year, year)).orderBy(asc(holidayCalendar.date));
}

// ---- jurisdictions and departments -----------------------------------------

export async function getJurisdictionRow(db: Db, id: string) {
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id)).limit(1);
  if (!row) throw new DbError('JURISDICTION.NOT_FOUND', 'No such jurisdiction', '辖区不存在', { id });
  return row;
}

export type DepartmentRow = typeof departments.$inferSelect;

export async function getDepartmentRow(db: Db, id: string): Promise<DepartmentRow> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  if (!row) throw new DbError('DEPARTMENT.NOT_FOUND', 'No such department', '部门不存在', { id });
  return row;
}

export async function listDepartmentRows(db: Db, f: { rootId: string }): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(departments)
    .where(scopedTo(departments.jurisdictionId, f.rootId))
    .orderBy(asc(departments.name));
}

// ---- users -------------------------------------------------------------------

/** A user without the password hash or sealed phone. */
const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentId: users.departmentId,
  jurisdictionId: users.jurisdictionId,
  venueId: users.venueId,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export type UserSummary = { [K in keyof typeof userColumns]: (typeof users.$inferSelect)[K] };

export async function getUserSummary(db: Db, id: string): Promise<UserSummary> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new DbError('USER.NOT_FOUND', 'No such user', '用户不存在', { id });
  return row;
}

export async function listUserSummaries(db: Db, f: { rootId: string; limit: number; offset: number }): Promise<UserSummary[]> {
  return db
    .select(userColumns)
    .from(users)
    .where(scopedTo(users.jurisdictionId, f.rootId))
    .orderBy(asc(users.username))
    .limit(f.limit)
    .offset(f.offset);
}

/** Disables an account and ends its sessions; false when it was already disabled. */
export async function disableUserAccount(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ disabled: true, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.disabled, false)))
    .returning({ id: users.id });
  await db.delete(sessions).where(eq(sessions.userId, id));
  return rows.length === 1;
}

// ---- Open311 api keys -------------------------------------------------------

const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  jurisdictionId: apiKeys.jurisdictionId,
  active: apiKeys.active,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

export type ApiKeySummary = { [K in keyof typeof apiKeyColumns]: (typeof apiKeys.$inferSelect)[K] };

/** Keys without their hashes; keys bound to no jurisdiction only for readers at the top of the tree. */
export async function listApiKeySummaries(db: Db, f: { rootId: string; includeUnscoped: boolean }): Promise<ApiKeySummary[]> {
  const scoped = scopedTo(apiKeys.jurisdictionId, f.rootId);
  const where: SQL = f.includeUnscoped ? sql`(${apiKeys.jurisdictionId} is null or ${scoped})` : scoped;
  return db.select(apiKeyColumns).from(apiKeys).where(where).orderBy(desc(apiKeys.createdAt));
}

export async function getApiKeySummary(db: Db, id: string): Promise<ApiKeySummary> {
  const [row] = await db.select(apiKeyColumns).from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  if (!row) throw new DbError('API_KEY.NOT_FOUND', 'No such API key', '接口密钥不存在', { id });
  return row;
}

/** False when the key was already revoked. */
export async function revokeApiKeyRow(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ active: false })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.active, true)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}
