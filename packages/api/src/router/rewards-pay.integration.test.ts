import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RewardClaimState, RewardState } from '@firebreak/domain';
import { countAuditEntries, createDb, listClaimsForReward, loadLifecycle, type DbHandle } from '@firebreak/db';
import { actorOf, callerFor, fileClaim, fileReport, rewardAtStage, substantiate, type Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

/**
 * "Paid exactly once" under fire. On real PostgreSQL every caller has its own
 * connection (a separate pool of one onto the world's schema), so the requests
 * truly race; PGlite has one connection, so there the same calls run in turn.
 */
const CALLERS = 50;

let world: World;
let handles: DbHandle[] = [];
let callers: Caller[] = [];

beforeAll(async () => {
  world = await createWorld();
  const officer = await actorOf(world, 'rewardOfficer');
  if (world.db.url && world.db.schemaName) {
    for (let i = 0; i < CALLERS; i++) {
      handles.push(await createDb({ url: world.db.url, searchPath: world.db.schemaName, migrate: false, maxConnections: 1 }));
    }
    callers = handles.map((h) => callerFor(world, officer, h.db));
  } else {
    callers = Array.from({ length: CALLERS }, () => callerFor(world, officer));
  }
});

afterAll(async () => {
  for (const h of handles) await h.close();
  handles = [];
  await world?.close();
});

const concurrent = () => world.db.url !== null;

/** All at once on PostgreSQL, one after another on PGlite; each settles to 'ok' or its domain code. */
async function fire(calls: (() => Promise<unknown>)[]): Promise<string[]> {
  const settle = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string; cause?: { domain?: { code?: string } } }) => `${e.code}:${e.cause?.domain?.code ?? 'none'}`,
    );
  if (concurrent()) return Promise.all(calls.map((c) => settle(c())));
  const out: string[] = [];
  for (const c of calls) out.push(await settle(c()));
  return out;
}

async function claimedReward() {
  const report = await fileReport(world, { jurisdictionId: world.j.gridA, identity: { name: '周实名', phone: '13600000000' } });
  await substantiate(world, report, { inspector: await actorOf(world, 'inspectorA1') });
  return rewardAtStage(world, report.reportId, 'claimed', { officer: world.as('rewardOfficer'), approver: world.as('supervisorA') });
}

describe(`rewards.pay with ${CALLERS} callers`, () => {
  it('records exactly one payout; every other caller gets a coded CONFLICT', async () => {
    const { rewardId, claimId } = await claimedReward();
    const outcomes = await fire(callers.map((c, i) => () => c.rewards.pay({ rewardId, paymentReference: `ZF-${i}` })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    const refused = outcomes.filter((o) => o !== 'ok');
    expect(refused).toHaveLength(CALLERS - 1);
    for (const o of refused) expect(o).toMatch(/^CONFLICT:(CONCURRENCY\.STALE|REWARD\.ALREADY_PAID)$/);
    if (!concurrent()) expect(new Set(refused)).toEqual(new Set(['CONFLICT:REWARD.ALREADY_PAID']));

    const reward = await loadLifecycle<RewardState>(world.db.db, 'reward', rewardId);
    expect(reward.state.status).toBe('paid');
    expect(await countAuditEntries(world.db.db, { entity: 'reward', entityId: rewardId, action: 'pay' })).toBe(1);
    expect(await countAuditEntries(world.db.db, { entity: 'claim', entityId: claimId!, action: 'pay' })).toBe(1);
    const claims = await listClaimsForReward(world.db.db, rewardId);
    expect(claims.filter((c) => c.status === 'paid')).toHaveLength(1);
    const claim = await loadLifecycle<RewardClaimState>(world.db.db, 'claim', claimId!);
    // The winning reference is the one on both records.
    expect(claim.state.payment?.reference).toBe(reward.state.payment?.reference);
  });

  it('accepts exactly one of many verified claims racing for the same reward', async () => {
    const report = await fileReport(world, { jurisdictionId: world.j.gridA });
    await substantiate(world, report, { inspector: await actorOf(world, 'inspectorA1') });
    const officer = world.as('rewardOfficer');
    const { rewardId } = await rewardAtStage(world, report.reportId, 'notified', { officer, approver: world.as('supervisorA') });
    const claimIds: string[] = [];
    for (let i = 0; i < CALLERS; i++) {
      const id = await fileClaim(world, rewardId);
      await officer.rewards.claims.verifyIdentity({ claimId: id, method: '现场核验' });
      claimIds.push(id);
    }
    const outcomes = await fire(callers.map((c, i) => () => c.rewards.claims.accept({ claimId: claimIds[i]! })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    for (const o of outcomes.filter((x) => x !== 'ok')) {
      expect(o).toMatch(/^CONFLICT:(REWARD_CLAIM\.ALREADY_ACCEPTED|CONCURRENCY\.STALE|REWARD\.INVALID_TRANSITION)$/);
    }
    const claims = await listClaimsForReward(world.db.db, rewardId);
    expect(claims.filter((c) => c.status === 'accepted')).toHaveLength(1);
    const reward = await loadLifecycle<RewardState>(world.db.db, 'reward', rewardId);
    expect(reward.state).toMatchObject({ status: 'claimed', claim: { claimId: claims.find((c) => c.status === 'accepted')!.id } });
  });
});
