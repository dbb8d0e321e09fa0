import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { messages, reports } from '../schema/reports';
import { users } from '../schema/users';
import { venues } from '../schema/venues';
import { inJurisdictionSubtree, nextPendingDeadline, pendingDeadlinePassed, type Page } from './hazards';

export interface StaffReportFilter extends Page {
  readonly jurisdictionRoot: string;
  readonly statuses?: readonly string[];
  readonly channels?: readonly string[];
  readonly riskCategory?: string;
  readonly overdueOnly?: boolean;
  readonly now: Date;
}

/**
 * Reports as handlers triage them. Deliberately selects columns one by one: the
 * sealed identity, the receipt hash and the reporter reference never leave here.
 */
export async function listStaffReports(db: Db, f: StaffReportFilter) {
  const passed = pendingDeadlinePassed('report', reports.id, f.now);
  const where = and(
    inJurisdictionSubtree(reports.jurisdictionId, f.jurisdictionRoot),
    f.statuses && f.statuses.length > 0 ? inArray(reports.status, [...f.statuses]) : undefined,
    f.channels && f.channels.length > 0 ? inArray(reports.channel, [...f.channels] as (typeof reports.channel._.data)[]) : undefined,
    f.riskCategory ? eq(reports.riskCategory, f.riskCategory) : undefined,
    f.overdueOnly ? passed : undefined,
  );
  const items = await db
    .select({
      id: reports.id,
      status: reports.status,
      version: reports.version,
      jurisdictionId: reports.jurisdictionId,
      channel: reports.channel,
      riskCategory: reports.riskCategory,
      venueId: reports.venueId,
      venueName: venues.name,
      address: reports.address,
      submittedAt: reports.submittedAt,
      urgent: sql<boolean>`coalesce((${reports.state}->>'urgent')::boolean, false)`.mapWith(Boolean),
      assigneeName: sql<string | null>`${reports.state}->'assignee'->>'name'`,
      duplicateOfId: reports.duplicateOfId,
      nextDeadline: nextPendingDeadline('report', reports.id),
      overdue: passed,
    })
    .from(reports)
    .leftJoin(venues, eq(venues.id, reports.venueId))
    .where(where)
    .orderBy(desc(reports.submittedAt), desc(reports.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(reports).where(where);
  return { items, total: Number(total?.n ?? 0) };
}

/** The nearest pending time limit of one report, and whether it has passed. */
export async function reportDeadline(db: Db, reportId: string, now: Date) {
  const [row] = await db
    .select({ nextDeadline: nextPendingDeadline('report', reports.id), overdue: pendingDeadlinePassed('report', reports.id, now) })
    .from(reports)
    .where(eq(reports.id, reportId));
  return row ?? { nextDeadline: null, overdue: false };
}

export interface NearbyReportsQuery {
  readonly jurisdictionRoot: string;
  readonly excludeId: string;
  readonly riskCategory: string;
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
}

/**
 * Recent reports of the same risk category in the caller's scope, as the kernel's
 * duplicate check reads them (it decides what is near enough; this only narrows the window).
 */
export function listScopedReportsForDuplicateCheck(db: Db, q: NearbyReportsQuery) {
  return db
    .select({ id: reports.id, state: reports.state })
    .from(reports)
    .where(
      and(
        inJurisdictionSubtree(reports.jurisdictionId, q.jurisdictionRoot),
        ne(reports.id, q.excludeId),
        eq(reports.riskCategory, q.riskCategory),
        gte(reports.submittedAt, q.from),
        lte(reports.submittedAt, q.to),
      ),
    )
    .orderBy(desc(reports.submittedAt))
    .limit(q.limit);
}

/** A handler's message to the reporter, read through the receipt. */
export async function insertHandlerMessage(db: Db, input: { reportId: string; body: string; authorUserId: string; now: Date }) {
  const [row] = await db
    .insert(messages)
    .values({ reportId: input.reportId, direction: 'handler', body: input.body, authorUserId: input.authorUserId, createdAt: input.now })
    .returning({ id: messages.id, createdAt: messages.createdAt });
  return row!;
}

/** The two-way thread of a report, oldest first; handlers are named, the reporter never is. */
export function listStaffReportMessages(db: Db, reportId: string) {
  return db
    .select({
      id: messages.id,
      direction: messages.direction,
      body: messages.body,
      authorUserId: messages.authorUserId,
      authorName: users.displayName,
      readAt: messages.readAt,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(eq(messages.reportId, reportId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function countReportMessages(db: Db, reportId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.reportId, reportId));
  return Number(row?.n ?? 0);
}
