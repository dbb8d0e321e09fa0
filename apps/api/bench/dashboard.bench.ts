// pnpm --filter @firebreak/api-server exec tsx bench/dashboard.bench.ts
// The dashboard's and bulletin's queries (packages/db/src/queries/dashboard.ts) over the demo
// city plus BENCH_VENUES load venues (default 20 000; the issue's goal is p95 ≤ 150 ms at
// 1 000 000), with a hazard for every 5th venue and a completed inspection for every 10th,
// spread over the city's grids and the last 180 days. DATABASE_URL set: PostgreSQL (a throwaway
// schema); otherwise in-memory PGlite. Prints p50/p95 per query; asserts nothing.
import { randomBytes } from 'node:crypto';
import { createServices, hashPassword } from '@firebreak/api';
import { campaignFiguresByMonth, createDb, createSealer, dashboardBreakdown, dashboardFigures, generateSealingKey, listedHazards, type Db, type DbHandle } from '@firebreak/db';
import { seedDemoIfEmpty } from '../src/seed';

const VENUES = Number((process.env.BENCH_VENUES ?? '20000').replace(/_/g, ''));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const GOAL_P95_MS = 150;

/** Rows of a plain SQL text (this app does not depend on drizzle-orm; postgres.js answers an array, PGlite { rows }). */
async function rows<T>(db: Db, text: string): Promise<T[]> {
  const result: unknown = await db.execute(text);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || null;
  const schema = `fbdash_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const handle: DbHandle = url ? await createDb({ url, searchPath: schema, migrationsSchema: schema, maxConnections: 4 }) : await createDb();
  const db = handle.db;
  try {
    const services = createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: randomBytes(32).toString('hex') });
    await seedDemoIfEmpty(db, { hashPassword, services, now: new Date() });
    const t0 = performance.now();
    await db.execute(`
      with leaves as (select array_agg(id order by path) as a, count(*)::int as n from jurisdictions where level = 'grid')
      insert into venues (name, address, categories, flags, jurisdiction_id, public_token)
      select '压测场所' || g, '压测路' || g || '号',
             array[(array['market', 'multi_use', 'public_entertainment', 'hotel_restaurant'])[1 + g % 4]],
             case when g % 50 = 0 then array['high_risk'] else '{}'::text[] end,
             leaves.a[1 + g % leaves.n], md5('bench' || g)
      from generate_series(1, ${Math.max(0, Math.floor(VENUES))}) g, leaves`);
    await db.execute(`
      insert into hazards (status, jurisdiction_id, state, venue_id, risk_category, source, created_at, closed_at)
      select case v.rn % 4 when 0 then 'closed' when 1 then 'ordered' when 2 then 'found' else 'overdue' end,
             v.jurisdiction_id, '{}'::jsonb, v.id, 'evacuation_blocked', 'inspection',
             now() - (v.rn % 180) * interval '1 day', case when v.rn % 4 = 0 then now() - (v.rn % 170) * interval '1 day' end
      from (select id, jurisdiction_id, row_number() over (order by id) as rn from venues where name like '压测场所%') v
      where v.rn % 5 = 0`);
    await db.execute(`
      insert into inspections (status, jurisdiction_id, state, venue_id, source, department_id, finished_at)
      select 'completed', v.jurisdiction_id, '{}'::jsonb, v.id,
             case when v.rn % 50 = 0 then 'expert_check' when v.rn % 7 = 0 then 'joint' else 'campaign' end,
             (select d.id from departments d order by d.name limit 1), now() - (v.rn % 180) * interval '1 day'
      from (select id, jurisdiction_id, row_number() over (order by id) as rn from venues where name like '压测场所%') v
      where v.rn % 10 = 0`);
    await db.execute(`analyze`);
    const [counts] = await rows<{ venues: number; hazards: number; inspections: number }>(
      db,
      `select (select count(*)::int from venues) as venues, (select count(*)::int from hazards) as hazards, (select count(*)::int from inspections) as inspections`,
    );
    console.log(`loaded in ${Math.round(performance.now() - t0)} ms: ${JSON.stringify(counts)} (${url ? 'postgres' : 'pglite'})`);

    const [city] = await rows<{ id: string }>(db, `select id::text as id from jurisdictions where level = 'city' limit 1`);
    const districts = (await rows<{ id: string }>(db, `select id::text as id from jurisdictions where level = 'district' order by name`)).map((r) => r.id);
    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
    const cases: [string, () => Promise<unknown>][] = [
      ['figures (city + 4 districts, all time)', () => dashboardFigures(db, { bucketIds: [city!.id, ...districts], from: null, to: null, now })],
      ['figures (city + 4 districts, 30 days)', () => dashboardFigures(db, { bucketIds: [city!.id, ...districts], from: monthAgo, to: now, now })],
      ['breakdown by venue category', () => dashboardBreakdown(db, { rootId: city!.id, by: 'venueCategory', from: null, to: null })],
      ['breakdown by risk category', () => dashboardBreakdown(db, { rootId: city!.id, by: 'riskCategory', from: null, to: null })],
      ['breakdown by month', () => dashboardBreakdown(db, { rootId: city!.id, by: 'month', from: null, to: null })],
      ['listed hazards', () => listedHazards(db, { rootId: city!.id, from: monthAgo, to: now, limit: 200 })],
      ['campaign figures by month (6)', () => campaignFiguresByMonth(db, { rootId: city!.id, months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'] })],
    ];
    for (const [name, run] of cases) {
      await run();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await run();
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      const p95 = quantile(ms, 0.95);
      console.log(`${name.padEnd(42)} p50 ${quantile(ms, 0.5).toFixed(1).padStart(8)} ms  p95 ${p95.toFixed(1).padStart(8)} ms  ${p95 <= GOAL_P95_MS ? 'ok' : `over ${GOAL_P95_MS} ms`}`);
    }
  } finally {
    if (url) await db.execute(`drop schema if exists "${schema}" cascade`);
    await handle.close();
  }
}

await main();
