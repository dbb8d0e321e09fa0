import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REWARD_RULES } from '@firebreak/domain';
import { schema } from '@firebreak/db';
import { createWorld, type World } from '../../testing/world';
import { newKey, notifiedReward, rowCounts, substantiateReport } from '../../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const identity = { name: '举报人钱七', idNumber: '11010519491231002X', phone: '13700001234' };
const payment = { method: 'alipay' as const, account: 'qian7@example.com' };

/** A report at venue A, substantiated, with a reward advanced as far as `upTo`. */
async function rewardedReport(opts: { contact?: { name: string; phone: string }; upTo?: 'determined' | 'notified' | 'withheld' } = {}) {
  const filed = await world.public().public.reports.submit({
    idempotencyKey: newKey(),
    riskCategory: 'evacuation_blocked',
    description: '后门安全出口上锁',
    location: { lat: 30, lng: 120, address: '甲区人民路1号' },
    venueId: world.venues.A,
    ...(opts.contact ? { contact: opts.contact } : {}),
  });
  const hazardId = await substantiateReport(world, filed.reportId);
  const rewardId = await notifiedReward(world, { reportId: filed.reportId, jurisdictionId: world.j.gridA, hazardId, anonymous: !opts.contact, upTo: opts.upTo ?? 'notified' });
  return { ...filed, rewardId };
}

async function claimRow(id: string) {
  return (await world.db.db.select().from(schema.claims)).find((c) => c.id === id);
}

describe('public.rewards.status', () => {
  it('says there is no reward yet for a fresh report', async () => {
    const filed = await world.public().public.reports.submit({
      idempotencyKey: newKey(),
      riskCategory: 'ebike_indoor',
      description: '楼道里给电动车充电',
      location: { lat: 30, lng: 120, address: '甲区人民路1号' },
      venueId: world.venues.A,
    });
    expect(await world.public().public.rewards.status({ receipt: filed.receipt })).toEqual({ reward: null });
  });

  it('hides the amount until a second person approved it, then shows it with the claim window', async () => {
    const determined = await rewardedReport({ upTo: 'determined' });
    expect(await world.public().public.rewards.status({ receipt: determined.receipt })).toEqual({
      reward: { status: 'determined', amountFen: null, claimWindowEnd: null, claim: null, explanation: null, refusalReasons: [] },
    });
    const notified = await rewardedReport();
    const status = await world.public().public.rewards.status({ receipt: notified.receipt });
    expect(status.reward).toMatchObject({ status: 'notified', amountFen: 20_000, claim: null });
    expect(Date.parse(status.reward!.claimWindowEnd!)).toBeGreaterThan(world.now.getTime());
    expect(JSON.stringify(status)).not.toContain('蒋经办');
  });

  it('explains an approved amount factor by factor with the rule set version, and never who decided', async () => {
    const notified = await rewardedReport();
    const { reward } = await world.public().public.rewards.status({ receipt: notified.receipt });
    expect(reward?.explanation).toEqual({ rulesVersion: 'default-2025.1', factors: [{ code: 'tier', zh: '一般隐患', en: 'General', effectFen: 20_000 }] });
    expect(reward?.refusalReasons).toEqual([]);
    expect(Object.keys(reward ?? {})).not.toContain('by');
  });

  it('gives the reason a reward was withheld, and no amount', async () => {
    const withheld = await rewardedReport({ upTo: 'withheld' });
    const { reward } = await world.public().public.rewards.status({ receipt: withheld.receipt });
    expect(reward).toMatchObject({ status: 'withheld', amountFen: null, explanation: null, refusalReasons: ['经核查举报人系该单位消防安全管理人'] });
  });

  it('answers a wrong receipt with RECEIPT.NOT_FOUND and a malformed one with a field error', async () => {
    await expect(world.public().public.rewards.status({ receipt: '1111 2222 3333 4444' })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { domain: { code: 'RECEIPT.NOT_FOUND' } } });
    await expect(world.public().public.rewards.status({ receipt: '1111-2222' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('public.rewards.claim', () => {
  it('files a claim with identity and payment details sealed per column and claim', async () => {
    const r = await rewardedReport();
    const claim = await world.public().public.rewards.claim({ receipt: r.receipt, identity, payment });
    expect(claim).toMatchObject({ status: 'submitted', submittedAt: world.now.toISOString() });
    const row = await claimRow(claim.claimId);
    expect(row).toMatchObject({ rewardId: r.rewardId, status: 'submitted', jurisdictionId: world.j.gridA });
    expect(world.services.sealer.open(row!.sealedIdentity, `claims.sealed_identity:${claim.claimId}`)).toEqual({ identity });
    expect(world.services.sealer.open(row!.sealedPayment, `claims.sealed_payment:${claim.claimId}`)).toEqual(payment);
    const stored = JSON.stringify({ ...row, sealedIdentity: null, sealedPayment: null });
    for (const secret of [identity.name, identity.idNumber, identity.phone, payment.account]) expect(stored).not.toContain(secret);
    const status = await world.public().public.rewards.status({ receipt: r.receipt });
    expect(status.reward?.claim).toEqual({ status: 'submitted', submittedAt: world.now.toISOString() });
  });

  it('lets a real-name reporter claim without repeating their identity', async () => {
    const r = await rewardedReport({ contact: { name: '实名孙八', phone: '13600006666' } });
    const claim = await world.public().public.rewards.claim({ receipt: r.receipt, payment: { method: 'bank', account: '6222020200001234', bank: '工商银行' } });
    expect(claim.status).toBe('submitted');
  });

  it('applies the default anonymous policy: an anonymous reporter must identify to claim', async () => {
    expect(DEFAULT_REWARD_RULES.anonymousPolicy).toBe('identify_at_claim');
    const r = await rewardedReport();
    const before = await rowCounts(world);
    await expect(world.public().public.rewards.claim({ receipt: r.receipt, payment })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { domain: { code: 'REWARD_CLAIM.IDENTITY_REQUIRED', messageZh: '匿名举报人领奖须提供真实身份信息' } },
    });
    expect(await rowCounts(world)).toEqual(before);
  });

  it('refuses bad input, unknown receipts, reports without a reward and claims after the window, changing nothing', async () => {
    const r = await rewardedReport();
    const before = await rowCounts(world);
    await expect(world.public().public.rewards.claim({ receipt: r.receipt, identity, payment: { method: 'cash' as 'bank', account: 'x123' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.rewards.claim({ receipt: r.receipt, identity: { ...identity, idNumber: '123' }, payment })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.rewards.claim({ receipt: '9999 8888 7777 6666', identity, payment })).rejects.toMatchObject({ cause: { domain: { code: 'RECEIPT.NOT_FOUND' } } });
    const plain = await world.public().public.reports.submit({
      idempotencyKey: newKey(),
      riskCategory: 'ebike_indoor',
      description: '电动车入户',
      location: { lat: 30, lng: 120, address: '甲区人民路1号' },
      venueId: world.venues.A,
    });
    const mid = await rowCounts(world);
    await expect(world.public().public.rewards.claim({ receipt: plain.receipt, identity, payment })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { domain: { code: 'REWARD.NOT_FOUND' } } });
    const saved = world.now;
    world.now = new Date(saved.getTime() + 120 * 86_400_000);
    try {
      await expect(world.public().public.rewards.claim({ receipt: r.receipt, identity, payment })).rejects.toMatchObject({ cause: { domain: { code: 'REWARD_CLAIM.WINDOW_CLOSED' } } });
    } finally {
      world.now = saved;
    }
    const after = await rowCounts(world);
    expect(after).toEqual(mid);
    expect(after.claims).toBe(before.claims);
  });

  it('judges a claim by the rule set its amount was determined with: a district that refuses anonymous rewards', async () => {
    const r = await rewardedReport();
    const refuse = { ...DEFAULT_REWARD_RULES, version: 'district-a.1', anonymousPolicy: 'refuse' as const };
    const [row] = await world.db.db
      .insert(schema.rewardRules)
      .values({ jurisdictionId: world.j.districtA, version: 1, rules: refuse, effectiveFrom: new Date('2025-01-01T00:00:00+08:00'), publishedAt: world.now })
      .returning({ id: schema.rewardRules.id });
    // As rewards.determine records it: the rule set the amount was computed with.
    await world.db.db.execute(`update rewards set reward_rule_id = '${row!.id}' where id = '${r.rewardId}'`);
    const before = await rowCounts(world);
    await expect(world.public().public.rewards.claim({ receipt: r.receipt, identity, payment })).rejects.toMatchObject({
      cause: { domain: { code: 'REWARD_CLAIM.ANONYMOUS_NOT_REWARDED' } },
    });
    expect(await rowCounts(world)).toEqual(before);
  });
});
