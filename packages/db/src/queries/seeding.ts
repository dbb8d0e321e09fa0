import type { ActorStamp } from '@firebreak/domain';
import { and, count, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import { queryRows, type Db } from '../database';
import { DbError } from '../errors';
import { holidayCalendar } from '../schema/calendar';
import { campaigns } from '../schema/campaigns';
import type { hazards } from '../schema/hazards';
import { departments, jurisdictions } from '../schema/jurisdictions';
import { attachments, reports, type ReportChannel } from '../schema/reports';
import { rewardRules } from '../schema/rewards';
import { checkItems, standards, type Severity } from '../schema/standards';
import { apiKeys, users } from '../schema/users';
import { commitments, responsiblePersons, venues, type CommitmentKind, type ResponsibleRole } from '../schema/venues';
import { LIFECYCLE_TABLES, type LifecycleEntity } from '../transitions/lifecycle-tables';

/**
 * Inserts used by the demo seed (first start) and the scale seed. Everything
 * here writes configuration or master data that has no lifecycle: lifecycle
 * rows go through runCreate/runTransition so their audit trail is real.
 */

/**
 * Serialises first-start seeding between server processes sharing one database:
 * held until the caller's transaction ends, after which the loser finds the
 * database no longer empty.
 */
export async function lockDemoSeed(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.demo_seed'))`);
}

/** Number of jurisdiction nodes: zero means a database nobody has set up yet. */
export async function countJurisdictionRows(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(jurisdictions);
  return row?.n ?? 0;
}

export interface SeedCheckItem {
  readonly code: string;
  readonly textZh: string;
  readonly textEn: string | null;
  readonly riskCategory: string;
  readonly defaultSeverity: Severity;
  readonly legalBasis: string | null;
  readonly defaultDeadlineDays: number | null;
  readonly gbElement: string | null;
}

/**
 * One published standard version with its check items. Check items of a
 * published standard are frozen by trigger, so the version is written as a
 * draft, filled, then published, all in one transaction.
 */
export async function insertPublishedStandard(
  db: Db,
  input: {
    code: string;
    venueCategory: string;
    version: number;
    titleZh: string;
    titleEn: string | null;
    publishedAt: Date;
    createdByUserId?: string | null;
    items: readonly SeedCheckItem[];
  },
): Promise<{ standardId: string; checkItemIds: ReadonlyMap<string, string> }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(standards)
      .values({
        code: input.code,
        venueCategory: input.venueCategory,
        version: input.version,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        published: false,
        publishedAt: null,
        createdByUserId: input.createdByUserId ?? null,
      })
      .returning({ id: standards.id });
    const standardId = row!.id;
    const checkItemIds = new Map<string, string>();
    if (input.items.length > 0) {
      const inserted = await tx.insert(checkItems).values(
        input.items.map((item, i) => ({
          standardId,
          ordinal: i + 1,
          code: item.code,
          textZh: item.textZh,
          textEn: item.textEn,
          riskCategory: item.riskCategory,
          defaultSeverity: item.defaultSeverity,
          legalBasis: item.legalBasis,
          defaultDeadlineDays: item.defaultDeadlineDays,
          gbElement: item.gbElement,
        })),
      ).returning({ id: checkItems.id, code: checkItems.code });
      for (const r of inserted) checkItemIds.set(r.code, r.id);
    }
    await tx.update(standards).set({ published: true, publishedAt: input.publishedAt }).where(eq(standards.id, standardId));
    return { standardId, checkItemIds };
  });
}

/** Holiday and adjusted-workday rows; an existing date keeps its row. */
export async function insertSeedCalendarDays(
  db: Db,
  days: readonly { date: string; kind: 'holiday' | 'workday'; name: string | null }[],
): Promise<number> {
  if (days.length === 0) return 0;
  const inserted = await db
    .insert(holidayCalendar)
    .values(days.map((d) => ({ date: d.date, kind: d.kind, year: Number(d.date.slice(0, 4)), name: d.name })))
    .onConflictDoNothing()
    .returning({ date: holidayCalendar.date });
  return inserted.length;
}

/** A published reward rule version (null jurisdiction = the default set). */
export async function insertSeedRewardRules(
  db: Db,
  input: { jurisdictionId: string | null; version: number; rules: Record<string, unknown>; effectiveFrom: Date; publishedAt: Date | null },
): Promise<string> {
  const [row] = await db
    .insert(rewardRules)
    .values({
      jurisdictionId: input.jurisdictionId,
      version: input.version,
      rules: input.rules,
      effectiveFrom: input.effectiveFrom,
      publishedAt: input.publishedAt,
    })
    .returning({ id: rewardRules.id });
  return row!.id;
}

export async function insertSeedCampaign(
  db: Db,
  input: {
    name: string;
    jurisdictionId: string;
    leadDepartmentId: string | null;
    startsOn: string;
    endsOn: string | null;
    status: 'planned' | 'active' | 'closed';
    plan: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = await db
    .insert(campaigns)
    .values({
      name: input.name,
      jurisdictionId: input.jurisdictionId,
      leadDepartmentId: input.leadDepartmentId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: input.status,
      plan: input.plan,
    })
    .returning({ id: campaigns.id });
  return row!.id;
}

export async function insertSeedCommitment(
  db: Db,
  input: {
    venueId: string;
    kind: CommitmentKind;
    content: Record<string, unknown>;
    signedByName: string;
    signedByUserId?: string | null;
    signedAt: Date;
    validUntil: Date | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(commitments)
    .values({
      venueId: input.venueId,
      kind: input.kind,
      content: input.content,
      signedByName: input.signedByName,
      signedByUserId: input.signedByUserId ?? null,
      signedAt: input.signedAt,
      validUntil: input.validUntil,
    })
    .returning({ id: commitments.id });
  return row!.id;
}

export interface BulkVenue {
  readonly id: string;
  readonly name: string;
  readonly address: string;
  readonly lat: number | null;
  readonly lng: number | null;
  readonly categories: readonly string[];
  readonly flags: readonly string[];
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly jurisdictionId: string;
  readonly creditCode: string | null;
  readonly publicToken: string;
}

export interface BulkResponsiblePerson {
  readonly venueId: string;
  readonly role: ResponsibleRole;
  readonly name: string;
  readonly duties: string | null;
}

/** What a raw postgres.js client offers for COPY; PGlite has no such method. */
interface CopyCapableClient {
  (strings: TemplateStringsArray, ...values: unknown[]): { writable(): Promise<NodeJS.WritableStream> };
  unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> };
}

/** PGlite reads COPY ... FROM '/dev/blob' from a Blob handed to query(). */
interface BlobCopyClient {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
  exec(sql: string): Promise<unknown>;
}

function blobCopyClient(db: Db): BlobCopyClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === 'object' && client !== null && typeof (client as { exec?: unknown }).exec === 'function' ? (client as BlobCopyClient) : null;
}

function copyText(rows: readonly (string | number | null)[][]): string {
  return rows.map((r) => r.map(copyField).join('\t')).join('\n') + '\n';
}

async function copyInto(db: Db, table: string, columns: readonly string[], rows: readonly (string | number | null)[][]): Promise<boolean> {
  const client = copyClient(db);
  if (client) {
    await copyRows(client, table, columns, rows);
    return true;
  }
  const embedded = blobCopyClient(db);
  if (embedded) {
    await embedded.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    return true;
  }
  return false;
}

function copyClient(db: Db): CopyCapableClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  // postgres.js exposes the pool as a tagged-template function with `unsafe`; PGlite is a class instance.
  return typeof client === 'function' && typeof (client as { unsafe?: unknown }).unsafe === 'function' ? (client as CopyCapableClient) : null;
}

/** COPY text format: backslash, tab, newline and carriage return are escaped; null is \N. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A PostgreSQL array literal of text, quoted so any element survives. */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

async function copyRows(client: CopyCapableClient, table: string, columns: readonly string[], rows: readonly (string | number | null)[][]): Promise<void> {
  const stream = await client.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    // One write per batch: the batch is already bounded by the caller.
    stream.write(copyText(rows));
    stream.end();
  });
}

/**
 * Venues in bulk for the scale seed: COPY (from stdin on a PostgreSQL server,
 * from a Blob on PGlite), the fastest way in; a multi-row INSERT inside a
 * transaction, where no raw client is at hand. Ids are given by the caller so
 * the responsible persons of the same batch can refer to them.
 */
export async function bulkInsertVenues(db: Db, rows: readonly BulkVenue[]): Promise<number> {
  if (rows.length === 0) return 0;
  if (
    await copyInto(
      db,
      'venues',
      ['id', 'name', 'address', 'lat', 'lng', 'categories', 'flags', 'attributes', 'jurisdiction_id', 'credit_code', 'public_token'],
      rows.map((v) => [
        v.id,
        v.name,
        v.address,
        v.lat,
        v.lng,
        textArrayLiteral(v.categories),
        textArrayLiteral(v.flags),
        JSON.stringify(v.attributes),
        v.jurisdictionId,
        v.creditCode,
        v.publicToken,
      ]),
    )
  ) {
    return rows.length;
  }
  await db.insert(venues).values(
    rows.map((v) => ({
      id: v.id,
      name: v.name,
      address: v.address,
      lat: v.lat,
      lng: v.lng,
      categories: [...v.categories],
      flags: [...v.flags],
      attributes: { ...v.attributes },
      jurisdictionId: v.jurisdictionId,
      creditCode: v.creditCode,
      publicToken: v.publicToken,
    })),
  );
  return rows.length;
}

export async function bulkInsertResponsiblePersons(db: Db, rows: readonly BulkResponsiblePerson[]): Promise<number> {
  if (rows.length === 0) return 0;
  if (await copyInto(db, 'responsible_persons', ['venue_id', 'role', 'name', 'duties'], rows.map((p) => [p.venueId, p.role, p.name, p.duties]))) {
    return rows.length;
  }
  await db.insert(responsiblePersons).values(rows.map((p) => ({ venueId: p.venueId, role: p.role, name: p.name, duties: p.duties })));
  return rows.length;
}

/** Leaf jurisdictions (no children) with their ids: where the scale seed spreads venues. */
export async function listLeafJurisdictionRows(db: Db): Promise<{ id: string; name: string; level: string }[]> {
  return db
    .select({ id: jurisdictions.id, name: jurisdictions.name, level: jurisdictions.level })
    .from(jurisdictions)
    .where(sql`not exists (select 1 from ${jurisdictions} c where c.parent_id = ${jurisdictions.id})`);
}

export async function countVenueRows(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(venues);
  return row?.n ?? 0;
}

/** How many rows of each lifecycle table are in each status (demo seed checks, first-start log). */
export async function lifecycleStatusCounts(db: Db, entity: LifecycleEntity): Promise<Record<string, number>> {
  const t = LIFECYCLE_TABLES[entity] as unknown as typeof hazards;
  const rows = await db.select({ status: t.status, n: count() }).from(t).groupBy(t.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Row counts of the master-data tables the demo seed fills. */
export async function masterDataCounts(db: Db): Promise<Record<string, number>> {
  const tables = { venues, responsiblePersons, commitments, standards, checkItems, holidayCalendar, rewardRules, campaigns, apiKeys, attachments, users, departments, jurisdictions };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}

/** Venues per category code (a venue in several categories counts in each). */
export async function venueCategoryCounts(db: Db): Promise<Record<string, number>> {
  const rows = await queryRows<{ category: string; n: number | string }>(
    db,
    sql`select c as category, count(*) as n from ${venues}, unnest(${venues.categories}) as c group by c`,
  );
  return Object.fromEntries(rows.map((r) => [r.category, Number(r.n)]));
}

export interface BulkReport {
  readonly id: string;
  readonly jurisdictionId: string;
  /** The kernel's state object, as createReport made it. */
  readonly state: Readonly<Record<string, unknown>> & { readonly status: string };
  readonly receiptHash: string;
  readonly channel: ReportChannel;
  readonly riskCategory: string;
  readonly venueId: string | null;
  readonly address: string;
  readonly lat: number;
  readonly lng: number;
  readonly submittedAt: Date;
}

/**
 * Reports in bulk, for load data only: the rows carry a kernel-made state but
 * none of the creating transition's effects (no audit entries, deadlines or
 * notifications), so they must never be mixed into a database people work in.
 */
export async function bulkInsertReports(db: Db, rows: readonly BulkReport[]): Promise<number> {
  if (rows.length === 0) return 0;
  if (
    await copyInto(
      db,
      'reports',
      ['id', 'status', 'jurisdiction_id', 'version', 'state', 'receipt_hash', 'channel', 'risk_category', 'venue_id', 'address', 'lat', 'lng', 'anonymous', 'whistleblower', 'submitted_at'],
      rows.map((r) => [
        r.id,
        r.state.status,
        r.jurisdictionId,
        1,
        JSON.stringify(r.state),
        r.receiptHash,
        r.channel,
        r.riskCategory,
        r.venueId,
        r.address,
        r.lat,
        r.lng,
        't',
        'f',
        r.submittedAt.toISOString(),
      ]),
    )
  ) {
    return rows.length;
  }
  await db.insert(reports).values(
    rows.map((r) => ({
      id: r.id,
      status: r.state.status,
      jurisdictionId: r.jurisdictionId,
      version: 1,
      state: { ...r.state },
      receiptHash: r.receiptHash,
      channel: r.channel,
      riskCategory: r.riskCategory,
      venueId: r.venueId,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      anonymous: true,
      whistleblower: false,
      submittedAt: r.submittedAt,
    })),
  );
  return rows.length;
}

/** A few venues with what a report about them needs (the HTTP benchmark files reports on them). */
export async function listVenueSample(db: Db, limit: number): Promise<{ id: string; lat: number | null; lng: number | null; address: string }[]> {
  return db.select({ id: venues.id, lat: venues.lat, lng: venues.lng, address: venues.address }).from(venues).limit(limit);
}

/**
 * Starts a planned campaign (the campaigns router has no procedure for it yet),
 * with an audit entry like the router's create writes, in one transaction.
 */
export async function activateCampaign(db: Db, id: string, by: ActorStamp): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: 'active', updatedAt: new Date(by.at) })
      .where(and(eq(campaigns.id, id), eq(campaigns.status, 'planned')))
      .returning({ id: campaigns.id });
    if (!row) throw new DbError('CAMPAIGN.NOT_PLANNED', 'Only a planned campaign can be started', '只有计划中的专项行动可以启动', { id });
    await appendAudit(tx, { entity: 'campaign', entityId: id, action: 'activate', from: 'planned', to: 'active', by });
  });
}
