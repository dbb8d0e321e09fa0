import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, createContextInner, createServices, hashPassword, type Services } from '@firebreak/api';
import {
  CAMPAIGN_TASK_STATUSES,
  DEFAULT_STANDARDS,
  HAZARD_STATUSES,
  INSPECTION_STATUSES,
  REPORT_STATUSES,
  VENUE_CATEGORY_CODES,
} from '@firebreak/domain';
import {
  createSealer,
  findActiveApiKey,
  generateSealingKey,
  lifecycleStatusCounts,
  masterDataCounts,
  venueCategoryCounts,
  verifyAuditChain,
} from '@firebreak/db';
import { createTestDb, type TestDb } from '@firebreak/db/testing';
import { DEMO_OPEN311_KEY, DEMO_PASSWORD, DEMO_USERS } from './demo-city';
import { calendarRows } from './seed-catalog';
import { seedDemoIfEmpty, type DemoSeedResult } from './seed-demo';

let testDb: TestDb;
let services: Services;
let uploadsDir: string;
let result: DemoSeedResult;
const now = new Date('2026-11-23T02:00:00Z'); // a Monday, 10:00 in China

beforeAll(async () => {
  testDb = await createTestDb();
  services = createServices({ sealer: createSealer(generateSealingKey()), receiptPepper: randomBytes(32).toString('hex') });
  uploadsDir = mkdtempSync(join(tmpdir(), 'firebreak-seed-uploads-'));
  result = await seedDemoIfEmpty(testDb.db, { hashPassword, services, now, uploadsDir });
}, 300_000);

afterAll(async () => {
  await testDb?.close();
  if (uploadsDir) rmSync(uploadsDir, { recursive: true, force: true });
});

const publicCaller = () =>
  createCaller(
    createContextInner({
      db: testDb.db,
      services,
      clock: () => now,
      http: { getCookie: () => undefined, setCookie: () => {}, clearCookie: () => {}, clientKey: `test-${randomBytes(4).toString('hex')}`, userAgent: 'vitest' },
    }),
  );

describe('seedDemoIfEmpty', () => {
  it('seeds an empty database once and leaves a seeded one alone', async () => {
    expect(result.seeded).toBe(true);
    expect(result.open311ApiKey).toBe(DEMO_OPEN311_KEY);
    const before = await masterDataCounts(testDb.db);
    const again = await seedDemoIfEmpty(testDb.db, { hashPassword, services, now });
    expect(again).toEqual({ seeded: false });
    expect(await masterDataCounts(testDb.db)).toEqual(before);
  });

  it('builds the demo city: tree, departments, a few hundred venues with both published names', async () => {
    const counts = await masterDataCounts(testDb.db);
    expect(counts.jurisdictions).toBe(result.counts?.jurisdictions);
    expect(counts.departments).toBeGreaterThanOrEqual(15);
    expect(counts.venues).toBeGreaterThanOrEqual(200);
    expect(counts.responsiblePersons).toBe(counts.venues! * 2);
    expect(counts.commitments).toBeGreaterThan(0);
    expect(counts.commitments).toBeLessThan(counts.venues!);
    const byCategory = await venueCategoryCounts(testDb.db);
    for (const code of VENUE_CATEGORY_CODES) expect(byCategory[code] ?? 0, code).toBeGreaterThanOrEqual(3);
  });

  it('publishes the default standard of every category with all its check items, the reward rules and the holidays', async () => {
    const counts = await masterDataCounts(testDb.db);
    expect(counts.standards).toBe(DEFAULT_STANDARDS.length);
    expect(counts.checkItems).toBe(DEFAULT_STANDARDS.reduce((n, s) => n + s.items.length, 0));
    expect(counts.rewardRules).toBe(1);
    expect(counts.holidayCalendar).toBe(calendarRows().length);
    // The working calendar the kernel is handed now comes from those rows: 2026-10-07 is a National Day holiday.
    const ref = await services.reference.get(testDb.db);
    expect(ref.calendar.isWorkingDay(new Date('2026-10-07T02:00:00Z'))).toBe(false);
    expect(ref.calendar.isWorkingDay(new Date('2026-10-10T02:00:00Z'))).toBe(true); // adjusted Saturday
  });

  it('puts reports, hazards and campaign tasks in every state of their lifecycles', async () => {
    const reports = await lifecycleStatusCounts(testDb.db, 'report');
    for (const s of REPORT_STATUSES) expect(reports[s] ?? 0, `report ${s}`).toBeGreaterThan(0);
    const hazards = await lifecycleStatusCounts(testDb.db, 'hazard');
    for (const s of HAZARD_STATUSES) expect(hazards[s] ?? 0, `hazard ${s}`).toBeGreaterThan(0);
    const tasks = await lifecycleStatusCounts(testDb.db, 'campaign_task');
    for (const s of CAMPAIGN_TASK_STATUSES) expect(tasks[s] ?? 0, `campaign task ${s}`).toBeGreaterThan(0);
    expect((await masterDataCounts(testDb.db)).campaigns).toBe(1);
  });

  it('adds inspections, a listed major hazard, a fine, a referral, rewards and a disclosure through the routers', async () => {
    const inspections = await lifecycleStatusCounts(testDb.db, 'inspection');
    for (const s of INSPECTION_STATUSES.filter((x) => x !== 'cancelled')) expect(inspections[s] ?? 0, `inspection ${s}`).toBeGreaterThan(0);
    const rewards = await lifecycleStatusCounts(testDb.db, 'reward');
    for (const s of ['approved', 'notified', 'claimed', 'paid']) expect(rewards[s] ?? 0, `reward ${s}`).toBe(1);
    expect(await lifecycleStatusCounts(testDb.db, 'claim')).toMatchObject({ paid: 1, accepted: 1 });
    expect(await lifecycleStatusCounts(testDb.db, 'listing')).toEqual({ rectifying: 1 });
    expect(await lifecycleStatusCounts(testDb.db, 'enforcement')).toEqual({ closed: 1 });
    expect(await lifecycleStatusCounts(testDb.db, 'referral')).toEqual({ replied: 1 });
    expect(await lifecycleStatusCounts(testDb.db, 'disclosure')).toEqual({ approved: 1 });
    const skipped = Object.entries(result.paths ?? {}).filter(([, n]) => (n.skipped ?? 0) > 0);
    expect(skipped).toEqual([]);
  });

  it('wrote a real, unbroken audit chain', async () => {
    const verdict = await verifyAuditChain(testDb.db);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.rows).toBeGreaterThan(result.counts!.steps / 2);
  });

  it('moved reports and hazards through the routers, with remediation pictures uploaded by the units', async () => {
    for (const op of ['report.submit', 'report.accept', 'hazard.register', 'hazard.close']) {
      expect(result.paths?.[op]?.router ?? 0, op).toBeGreaterThan(0);
    }
    const counts = await masterDataCounts(testDb.db);
    expect(counts.attachments).toBe(result.paths?.['hazard.submit_remediation']?.router ?? -1);
    // Each attachment left a sealed original and a display copy on disk.
    expect(readdirSync(uploadsDir)).toHaveLength(counts.attachments! * 2);
  });

  it('lets every listed demo account sign in with the demo password', async () => {
    for (const u of DEMO_USERS.filter((x) => x.listed)) {
      const me = await publicCaller().auth.login({ username: u.username, password: DEMO_PASSWORD });
      expect(me.role, u.username).toBe(u.role);
    }
    await expect(publicCaller().auth.login({ username: 'admin', password: 'not-the-demo-password' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('stores the demo Open311 key only as its SHA-256', async () => {
    const key = await findActiveApiKey(testDb.db, createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex'));
    expect(key?.name).toContain('12345');
    expect(await findActiveApiKey(testDb.db, DEMO_OPEN311_KEY)).toBeNull();
  });

  it('hands back receipts that track their reports, each in the state it was returned for', async () => {
    expect(result.receipts?.length).toBeGreaterThanOrEqual(4);
    for (const r of result.receipts ?? []) {
      const tracked = await publicCaller().public.reports.track({ receipt: r.receipt });
      expect(tracked.report.status).toBe(r.status);
    }
  });
});
