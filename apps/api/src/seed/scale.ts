// pnpm seed:scale -- --venues 1000000 [--reports 100000] [--batch 5000]
//
// Load data for list queries, search and dashboards at city scale: venues with
// their responsible person and manager, and optionally reports, into
// DATABASE_URL (COPY) or the embedded database in FIREBREAK_DATA_DIR (multi-row
// INSERT; stop the server first, it holds the data directory). An empty
// database gets the demo city first, so there are jurisdictions to fill.
import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServices, hashPassword, type Services } from '@firebreak/api';
import { createReport, RISK_CATEGORY_CODES, type Actor, type ReportState, type TransitionContext } from '@firebreak/domain';
import {
  bulkInsertReports,
  bulkInsertResponsiblePersons,
  bulkInsertVenues,
  countJurisdictionRows,
  createDb,
  createSealer,
  listLeafJurisdictionRows,
  receiptLookupHash,
  type BulkReport,
  type Db,
} from '@firebreak/db';
import { loadEnv } from '../env';
import { resolveSecrets } from '../secrets';
import { seededRandom } from './random';
import { scaleBatch, type ScalePlace } from './scale-rows';
import { seedDemoIfEmpty } from './seed-demo';
import { openBlobStore } from '../uploads/index';

const USAGE = `pnpm seed:scale -- --venues N [--reports N] [--batch N]
  --venues   venues to add, each with a responsible person and a manager (default 100000)
  --reports  anonymous web reports to add on those venues (default 0). Load data only:
             they carry the kernel's state but no audit entries, deadlines or notifications
  --batch    rows per COPY / INSERT (default 5000 on PostgreSQL, 1000 embedded)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got ${value}`);
  return n;
}

const rate = (rows: number, ms: number) => Math.round(rows / Math.max(ms / 1000, 1e-3)).toLocaleString('en-US');
const fmt = (n: number) => n.toLocaleString('en-US');

async function insertVenues(db: Db, total: number, batch: number, places: readonly ScalePlace[]): Promise<{ ids: string[]; ms: number; rows: number }> {
  const rng = seededRandom(1_000_003);
  const started = performance.now();
  const ids: string[] = [];
  let rows = 0;
  let done = 0;
  // The database stores one batch while the next is generated: the rows of a
  // batch are on the wire before its promise is awaited.
  let inFlight: Promise<void> | null = null;
  for (let made = 0; made < total; ) {
    const n = Math.min(batch, total - made);
    const b = scaleBatch(made, n, places, rng);
    made += n;
    for (const v of b.venues) if (ids.length < 100_000) ids.push(v.id); // a sample for reports is enough
    await inFlight;
    inFlight = (async () => {
      rows += await bulkInsertVenues(db, b.venues);
      rows += await bulkInsertResponsiblePersons(db, b.persons);
      done += n;
      console.log(`venues ${fmt(done)}/${fmt(total)}  overall ${rate(rows, performance.now() - started)} rows/s`);
    })();
  }
  await inFlight;
  return { ids, ms: performance.now() - started, rows };
}

async function insertReports(
  db: Db,
  services: Services,
  total: number,
  batch: number,
  venues: readonly { id: string; jurisdictionId: string }[],
): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const ref = await services.reference.get(db);
  const rng = seededRandom(2_000_003);
  const publicActor: Actor = { userId: 'public', name: '群众', role: 'public', departmentId: null, jurisdictionId: null };
  const now = new Date();
  let rows = 0;
  for (let done = 0; done < total; ) {
    const n = Math.min(batch, total - done);
    const t0 = performance.now();
    const out: BulkReport[] = [];
    for (let i = 0; i < n; i++) {
      const venue = venues[rng.int(0, venues.length - 1)]!;
      const receivedAt = new Date(now.getTime() - rng.int(0, 365 * 86_400) * 1000);
      const k: TransitionContext = { actor: publicActor, now, calendar: ref.calendar, scope: ref.tree, newId: randomUUID };
      const riskCategory = rng.pick(RISK_CATEGORY_CODES);
      const lat = 30.1 + rng.next() * 0.3;
      const lng = 120.0 + rng.next() * 0.3;
      const made = createReport(
        {
          jurisdictionId: venue.jurisdictionId,
          channel: 'web',
          riskCategory,
          venueId: venue.id,
          location: { lat, lng, address: '示范市（压测数据）' },
          description: '压测数据：发现消防安全隐患，请核查。',
          anonymous: true,
          whistleblower: false,
          reporterRef: null,
          receivedAt: receivedAt.toISOString(),
        },
        k,
        ref.timeLimits,
      );
      if (!made.ok) throw new Error(`scale seed: the kernel refused a report: ${made.error.code}`);
      const state: ReportState = made.next;
      // A receipt nobody will ever hold: the rows exist to be listed and counted, not tracked.
      const receipt = Array.from({ length: 16 }, () => randomInt(0, 10)).join('');
      out.push({
        id: state.id,
        jurisdictionId: state.jurisdictionId,
        state: state as unknown as BulkReport['state'],
        receiptHash: receiptLookupHash(receipt, services.receiptPepper),
        channel: 'web',
        riskCategory,
        venueId: venue.id,
        address: state.location.address,
        lat,
        lng,
        submittedAt: receivedAt,
      });
    }
    rows += await bulkInsertReports(db, out);
    done += n;
    console.log(`reports ${fmt(done)}/${fmt(total)}  batch ${rate(n, performance.now() - t0)} rows/s  overall ${rate(rows, performance.now() - started)} rows/s`);
  }
  return { ms: performance.now() - started, rows };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { venues: { type: 'string' }, reports: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv();
  const venues = positive('venues', values.venues, 100_000);
  const reports = positive('reports', values.reports, 0);
  const batch = Math.max(1, positive('batch', values.batch, env.DATABASE_URL ? 5000 : 1000));

  const handle = env.DATABASE_URL ? await createDb({ url: env.DATABASE_URL }) : await createDb({ dataDir: join(env.FIREBREAK_DATA_DIR, 'pglite') });
  console.log(`scale seed into ${handle.driver === 'postgres' ? 'PostgreSQL (DATABASE_URL, COPY)' : `embedded PGlite in ${env.FIREBREAK_DATA_DIR} (COPY from a Blob)`}`);
  try {
    const secrets = resolveSecrets(env);
    const services = createServices({ sealer: createSealer(secrets.sealingKey), receiptPepper: secrets.receiptPepper });
    if ((await countJurisdictionRows(handle.db)) === 0) {
      const seeded = await seedDemoIfEmpty(handle.db, {
        hashPassword,
        services,
        now: new Date(),
        // The same store the server uses, so the demo photos are where it will look for them.
        uploadsDir: openBlobStore(env.FIREBREAK_STORAGE_URL ?? { kind: 'dir', dir: join(env.FIREBREAK_DATA_DIR, 'uploads') }),
        log: (m) => console.log(m),
      });
      console.log(`empty database: demo city seeded first (${seeded.ms ?? 0} ms)`);
    }
    const places: ScalePlace[] = (await listLeafJurisdictionRows(handle.db)).map((p) => ({ id: p.id, name: p.name }));
    console.log(`${fmt(venues)} venues (+${fmt(venues * 2)} responsible persons) over ${places.length} leaf jurisdictions, batches of ${fmt(batch)}`);

    const v = await insertVenues(handle.db, venues, batch, places);
    console.log(`venues done: ${fmt(v.rows)} rows in ${(v.ms / 1000).toFixed(1)} s = ${rate(v.rows, v.ms)} rows/s`);
    if (reports > 0) {
      if (v.ids.length === 0) throw new Error('--reports needs --venues > 0: reports are filed on the venues this run adds');
      const jurisdictionOf = new Map<string, string>();
      // The sampled venue ids were spread round-robin over the places, in order.
      v.ids.forEach((id, i) => jurisdictionOf.set(id, places[i % places.length]!.id));
      const r = await insertReports(handle.db, services, reports, batch, v.ids.map((id) => ({ id, jurisdictionId: jurisdictionOf.get(id)! })));
      console.log(`reports done: ${fmt(r.rows)} rows in ${(r.ms / 1000).toFixed(1)} s = ${rate(r.rows, r.ms)} rows/s`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('scale seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
