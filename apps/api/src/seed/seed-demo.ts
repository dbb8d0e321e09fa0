import { createHash } from 'node:crypto';
import type { Services } from '@firebreak/api';
import { countJurisdictionRows, insertApiKey, lockDemoSeed, type Db, type Sealer } from '@firebreak/db';
import { DEMO_CITY, DEMO_OPEN311_KEY, DEMO_PASSWORD } from './demo-city';
import { scheduleCampaign } from './demo-campaign';
import { scheduleInspections } from './demo-inspections';
import { scheduleMajorHazard } from './demo-major';
import { scheduleEnforcement } from './demo-enforcement';
import { scheduleStories } from './demo-stories';
import { createVenuePool } from './venue-pool';
import { demoVenues } from './demo-venues';
import { kernelDriver } from './kernel-driver';
import type { LifecycleDriver } from './lifecycle-driver';
import { seededRandom } from './random';
import { routerDriver } from './router-driver';
import { seedCalendar, seedRewardRules, seedStandards } from './seed-catalog';
import { evidencePhotos, type EvidencePhotos } from './evidence-photos';
import type { BlobStore } from '../uploads';
import { seedJurisdictionsAndDepartments, seedUnitAccount, seedUsers } from './seed-org';
import { seedVenues, type SeededVenue } from './seed-venues';
import { Timeline, type SimulatedClock } from './timeline';

export interface DemoSeedDeps {
  readonly hashPassword: (password: string) => Promise<string>;
  /** The server's services: routers run with them, so receipts and seals match what the server reads. */
  readonly services: Services;
  /** Default: services.sealer. */
  readonly sealer?: Sealer;
  /** Default: services.receiptPepper. */
  readonly receiptPepper?: string;
  /** The present of the demo: history is written in the weeks before it. */
  readonly now: Date;
  /** About this many venues (default 320). */
  readonly venues?: number;
  /**
   * Where uploads live (`<data dir>/uploads`, as the server's upload routes use).
   * With it, units hand in remediation pictures through the unit router; without
   * it those steps go straight through the kernel with placeholder evidence refs.
   */
  readonly uploadsDir?: string | BlobStore;
  /** Progress lines (the server passes its logger). */
  readonly log?: (message: string) => void;
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  /** The demo Open311 key (also in the README), only when this call seeded. */
  readonly open311ApiKey?: string;
  readonly counts?: {
    readonly jurisdictions: number;
    readonly departments: number;
    readonly users: number;
    readonly venues: number;
    readonly steps: number;
  };
  /** Per operation, how many went through a tRPC router and how many straight through the kernel. */
  readonly paths?: Readonly<Record<string, { router: number; kernel: number; skipped?: number }>>;
  readonly receipts?: readonly { status: string; receipt: string }[];
  readonly ms?: number;
}

/**
 * First-start demo data: on a database without jurisdictions, builds the demo
 * city (org, venues, standards, reward rules, holidays, an Open311 key) and a
 * month of history in which reports, hazards and campaign tasks reach every
 * state of their lifecycles through the real routers as the demo users. One
 * transaction, serialised by an advisory lock: a crash leaves the database
 * empty (the next start tries again), and two servers starting together seed once.
 */
export async function seedDemoIfEmpty(db: Db, deps: DemoSeedDeps): Promise<DemoSeedResult> {
  if ((await countJurisdictionRows(db)) > 0) return { seeded: false };
  const started = performance.now();
  let photos: EvidencePhotos | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      await lockDemoSeed(tx);
      if ((await countJurisdictionRows(tx)) > 0) return null;
      photos = deps.uploadsDir ? evidencePhotos(tx, deps.services, deps.uploadsDir) : null;
      return seedDemo(tx, deps, photos);
    });
    if (!result) return { seeded: false };
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await (photos as EvidencePhotos | null)?.discard();
    throw error;
  } finally {
    // The cache may hold the tree as seen inside the transaction (or a rolled-back one).
    deps.services.reference.invalidate();
  }
}

async function seedDemo(db: Db, deps: DemoSeedDeps, photos: EvidencePhotos | null): Promise<Omit<DemoSeedResult, 'ms'>> {
  const log = deps.log ?? (() => {});
  const sealer = deps.sealer ?? deps.services.sealer;
  const rng = seededRandom(20260301);
  const now = deps.now;

  const t0 = performance.now();
  const org = await seedJurisdictionsAndDepartments(db);
  const venueSpecs = demoVenues(org.grids, deps.venues ?? 320, rng);
  const venues = await seedVenues(db, venueSpecs, { sealer, rng, now });
  const passwordHash = await deps.hashPassword(DEMO_PASSWORD);
  const users = await seedUsers(
    db,
    org,
    new Map(venues.map((v) => [v.name, v.id])),
    new Map(venues.map((v) => [v.id, v.jurisdictionId])),
    passwordHash,
  );
  const checkItems = await seedStandards(db);
  await seedRewardRules(db, now);
  await seedCalendar(db);
  await insertApiKey(db, {
    keyHash: createHash('sha256').update(DEMO_OPEN311_KEY, 'utf8').digest('hex'),
    name: `${DEMO_CITY}12345政务服务热线（演示）`,
    jurisdictionId: org.jurisdiction('city', DEMO_CITY),
  });
  deps.services.reference.invalidate();
  const t1 = performance.now();
  log(
    `demo seed: ${org.jurisdictions.size} jurisdictions, ${org.departments.size} departments, ${venues.length} venues, ${users.size} accounts, standards, rules and holidays in ${Math.round(t1 - t0)} ms`,
  );

  const clock: SimulatedClock = { at: new Date(now.getTime() - 60 * 86_400_000) };
  const timeline = new Timeline(clock);
  const kernel = kernelDriver({ db, services: deps.services, clock: () => clock.at }, checkItems);
  const driver: LifecycleDriver = routerDriver({ db, services: deps.services, clock: () => clock.at, kernel, users, checkItems, photos });
  const unitAccounts = new Map([...users.values()].filter((u) => u.venueId !== null).map((u) => [u.venueId!, u]));
  const unitFor = async (venue: SeededVenue) => {
    let account = unitAccounts.get(venue.id);
    if (!account) {
      account = await seedUnitAccount(db, venue, `unit-${String(unitAccounts.size + 1).padStart(3, '0')}`, passwordHash);
      unitAccounts.set(venue.id, account);
    }
    return account;
  };
  scheduleCampaign({ driver, timeline, org, users, now });
  const pool = createVenuePool(venues, org, rng);
  const outcome = scheduleStories({ driver, timeline, users, pool, now, rng, unitFor });
  scheduleInspections({ driver, timeline, users, pool, now, rng, unitFor });
  scheduleMajorHazard({ driver, timeline, users, pool, now, rng, unitFor });
  scheduleEnforcement({ driver, timeline, users, pool, now, rng, unitFor });
  await timeline.play();

  const paths: Record<string, { router: number; kernel: number; skipped?: number }> = {};
  for (const [op, n] of [...driver.paths.entries()].sort(([a], [b]) => a.localeCompare(b))) paths[op] = n;
  log(`demo seed: ${timeline.size} lifecycle steps written through the routers in ${Math.round(performance.now() - t1)} ms`);
  return {
    seeded: true,
    open311ApiKey: DEMO_OPEN311_KEY,
    counts: {
      jurisdictions: org.jurisdictions.size,
      departments: org.departments.size,
      users: users.size + [...unitAccounts.values()].filter((u) => !users.has(u.username)).length,
      venues: venues.length,
      steps: timeline.size,
    },
    paths,
    receipts: outcome.receipts,
  };
}
