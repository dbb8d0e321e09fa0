import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_FINE_SHARE_REWARD_RULES, type RewardState } from '@firebreak/domain';
import {
  auditLog,
  claims,
  countAuditEntries,
  countRows,
  deadlines,
  enforcementActions,
  insertEntity,
  insertRewardRuleVersion,
  loadLifecycle,
  rewardRules,
  rewards,
} from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import {
  actorOf,
  addOtherCity,
  callerFor,
  fileClaim,
  fileReport,
  rewardAtStage,
  substantiate,
  staffUser,
  type Caller,
} from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

let world: World;
let officer: Caller;
let officer2: Caller;
let supervisorA: Caller;
let other: { city: string; district: string };
let otherOfficer: Caller;
let otherSupervisor: Caller;

beforeAll(async () => {
  world = await createWorld();
  officer = world.as('rewardOfficer');
  officer2 = world.as('rewardOfficer2');
  supervisorA = world.as('supervisorA');
  other = await addOtherCity(world);
  otherOfficer = callerFor(world, await staffUser(world, 'reward_officer', other.city, '丙市经办'));
  otherSupervisor = callerFor(world, await staffUser(world, 'fire_supervisor', other.city, '丙市支队长'));
});
afterAll(async () => world?.close());

/** A substantiated report in 甲区 (or elsewhere), ready for a reward. */
async function caseIn(jurisdictionId: string, opts: { whistleblower?: boolean; severity?: 'general' | 'major'; riskCategory?: string } = {}) {
  const report = await fileReport(world, {
    jurisdictionId,
    ...(opts.whistleblower ? { whistleblower: true, identity: { name: '钱内部', phone: '13900000000' } } : {}),
    ...(opts.riskCategory ? { riskCategory: opts.riskCategory } : {}),
  });
  const inspector =
    jurisdictionId === world.j.districtB || jurisdictionId === world.j.streetB
      ? await actorOf(world, 'inspectorB1')
      : jurisdictionId === other.district || jurisdictionId === other.city
        ? await staffUser(world, 'inspector', other.city)
        : await actorOf(world, 'inspectorA1');
  const { hazardIds } = await substantiate(world, report, { inspector, ...(opts.severity ? { severity: opts.severity } : {}) });
  return { ...report, hazardIds };
}

const state = async (rewardId: string) => (await loadLifecycle<RewardState>(world.db.db, 'reward', rewardId)).state;

describe('rewards.open', () => {
  it('opens a candidate for a substantiated report, audited', async () => {
    const c = await caseIn(world.j.gridA);
    const r = await officer.rewards.open({ reportId: c.reportId });
    expect(r).toMatchObject({ status: 'candidate', state: { reportId: c.reportId, hazardIds: c.hazardIds, channel: 'public', anonymous: true } });
    expect(await countAuditEntries(world.db.db, { entity: 'reward', entityId: r.id, action: 'create' })).toBe(1);
  });

  it('refuses other roles, other cities, reports not acted on, and a second opening', async () => {
    const c = await caseIn(world.j.gridA);
    const before = await countRows(world.db.db, rewards);
    await expectRefusal(world.as('inspectorA1').rewards.open({ reportId: c.reportId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const far = await caseIn(other.district);
    await expectRefusal(officer.rewards.open({ reportId: far.reportId }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    const unverified = await fileReport(world, { jurisdictionId: world.j.gridA });
    await expectRefusal(officer.rewards.open({ reportId: unverified.reportId }), 'BAD_REQUEST', 'REWARD.NOT_ACTED_ON');
    await expectRefusal(officer.rewards.open({ reportId: randomUUID() }), 'NOT_FOUND', 'REPORT.NOT_FOUND');
    await expectInvalidInput(officer.rewards.open({ reportId: 'not-a-uuid' }), 'reportId');
    expect(await countRows(world.db.db, rewards)).toBe(before);
    await officer.rewards.open({ reportId: c.reportId });
    await expectRefusal(officer2.rewards.open({ reportId: c.reportId }), 'CONFLICT', 'REWARD.ALREADY_OPENED');
    expect(await countRows(world.db.db, rewards)).toBe(before + 1);
  });
});

describe('rewards.assessEligible / assessIneligible', () => {
  it('records the assessment', async () => {
    const a = await caseIn(world.j.gridA);
    const { id } = await officer.rewards.open({ reportId: a.reportId });
    expect(await officer.rewards.assessEligible({ rewardId: id, note: '举报属实且已整改' })).toMatchObject({ status: 'eligible' });
    const b = await caseIn(world.j.gridA);
    const r2 = await officer.rewards.open({ reportId: b.reportId });
    const out = await officer.rewards.assessIneligible({ rewardId: r2.id, reasons: ['举报人系被举报单位管理人'] });
    expect(out.state.assessment).toMatchObject({ eligible: false, reasons: ['举报人系被举报单位管理人'] });
  });

  it('refuses other roles, other cities and blank reasons, changing nothing', async () => {
    const c = await caseIn(world.j.gridA);
    const { id } = await officer.rewards.open({ reportId: c.reportId });
    await expectRefusal(supervisorA.rewards.assessEligible({ rewardId: id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.assessIneligible({ rewardId: id, reasons: ['  '] }), 'BAD_REQUEST', 'REWARD.REASON_REQUIRED');
    const far = await caseIn(other.district);
    const farReward = await otherOfficer.rewards.open({ reportId: far.reportId });
    await expectRefusal(officer.rewards.assessEligible({ rewardId: farReward.id }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    expect((await state(id)).status).toBe('candidate');
    expect((await state(farReward.id)).status).toBe('candidate');
  });
});

describe('rewards.determine and preview', () => {
  it('computes the amount over the default rules, seeded on first use, with the factor list', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId } = await rewardAtStage(world, c.reportId, 'eligible', { officer, approver: supervisorA });
    const out = await officer.rewards.determine({ rewardId });
    expect(out.status).toBe('determined');
    expect(out.why).toMatchObject({ amountFen: 10_000, amountYuan: '100.00', rulesVersion: 'default-2025.1' });
    // An anonymous report: the default rules pay once the reporter identifies at claim time.
    expect(out.why?.factors.map((f) => f.code)).toEqual(['ANONYMOUS_IDENTIFY_AT_CLAIM', 'TIER_BASE']);
    const ruleSets = await world.db.db.select().from(rewardRules);
    expect(ruleSets.filter((r) => r.jurisdictionId === null)).toHaveLength(1);
    const got = await officer.rewards.get({ rewardId });
    expect(got).toMatchObject({ amountFen: 10_000, rewardRuleId: ruleSets[0]!.id, why: { factors: [{ code: 'ANONYMOUS_IDENTIFY_AT_CLAIM' }, { code: 'TIER_BASE', zh: expect.stringContaining('100.00元') }] } });
  });

  it('uses the hazards, the channel and the officer\'s judgement as facts', async () => {
    const major = await caseIn(world.j.gridA, { severity: 'major', whistleblower: true });
    const m = await rewardAtStage(world, major.reportId, 'eligible', { officer, approver: supervisorA });
    const majorOut = await officer.rewards.determine({ rewardId: m.rewardId });
    // major tier base 3,000 yuan + 20% whistleblower uplift
    expect(majorOut.why?.factors.map((f) => f.code)).toEqual(['TIER_BASE', 'WHISTLEBLOWER_UPLIFT']);
    expect(majorOut.why?.amountFen).toBe(360_000);

    const joint = await caseIn(world.j.gridA);
    const j = await rewardAtStage(world, joint.reportId, 'eligible', { officer, approver: supervisorA });
    const preview = await officer.rewards.preview({ rewardId: j.rewardId, judgement: { jointReporters: 3 } });
    expect(preview.computation).toMatchObject({ eligible: true, amountFen: 10_000, perReporterFen: 3_333 });
    expect(preview.facts.jointReporters).toBe(3);
    const excluded = await officer.rewards.preview({ rewardId: j.rewardId, judgement: { isUnitResponsiblePerson: true } });
    expect(excluded.computation.factors.map((f) => f.code)).toEqual(['EXCLUDED_UNIT_RESPONSIBLE_PERSON']);
    expect(excluded.computation.eligible).toBe(false);
    expect((await state(j.rewardId)).status).toBe('eligible');
  });

  it('takes 50% of a decided fine under a city\'s own rule set', async () => {
    await insertRewardRuleVersion(world.db.db, {
      jurisdictionId: world.j.districtB,
      rules: CITY_FINE_SHARE_REWARD_RULES,
      effectiveFrom: new Date('2024-12-31T16:00:00Z'),
      publishedAt: world.now,
      createdByUserId: null,
    });
    const c = await fileReport(world, { jurisdictionId: world.j.streetB, identity: { name: '孙实名', phone: '13700000000' } });
    const { hazardIds } = await substantiate(world, c, { inspector: await actorOf(world, 'inspectorB1') });
    const fineId = randomUUID();
    await insertEntity(world.db.db, enforcementActions, {
      values: { id: fineId, jurisdictionId: world.j.streetB, venueId: world.venues.B, hazardId: hazardIds[0]!, kind: 'fine', amountFen: 200_000, departmentId: world.d.brigadeB },
      state: { id: fineId, status: 'decided', kind: 'fine', hazardIds, amountYuan: 2_000 } as { status: string },
      effects: [],
    });
    const { rewardId } = await rewardAtStage(world, c.reportId, 'eligible', { officer, approver: supervisorA });
    const out = await officer.rewards.determine({ rewardId });
    expect(out.why).toMatchObject({ amountFen: 100_000, rulesVersion: CITY_FINE_SHARE_REWARD_RULES.version });
    expect(out.why?.factors.map((f) => f.code)).toEqual(['TIER_BASE', 'FINE_SHARE']);
  });

  it('refuses a second reporter of the same hazard through the kernel (nothing payable), and other roles and cities', async () => {
    const first = await caseIn(world.j.gridA);
    world.now = new Date(world.now.getTime() + 60_000);
    const second = await fileReport(world, { jurisdictionId: world.j.gridA });
    const inspector = await actorOf(world, 'inspectorA1');
    const { transitionReport } = await import('@firebreak/domain');
    const { runTransition } = await import('../kernel/run-transition');
    const d = { db: world.db.db, services: world.services, clock: () => world.now };
    await runTransition(d, inspector, 'report', second.reportId, (s, k) => transitionReport(s as never, { type: 'accept' }, k));
    await runTransition(d, inspector, 'report', second.reportId, (s, k) =>
      transitionReport(s as never, { type: 'assign', assignee: { userId: inspector.userId, name: inspector.name, role: 'inspector', departmentId: inspector.departmentId } }, k),
    );
    await runTransition(d, inspector, 'report', second.reportId, (s, k) => transitionReport(s as never, { type: 'substantiate', hazardIds: first.hazardIds }, k));
    const { rewardId } = await rewardAtStage(world, second.reportId, 'eligible', { officer, approver: supervisorA });
    const preview = await officer.rewards.preview({ rewardId });
    expect(preview.computation.factors.map((f) => f.code)).toEqual(['NOT_FIRST_VALID_REPORTER']);
    const far = await caseIn(other.district);
    const farReward = await rewardAtStage(world, far.reportId, 'eligible', { officer: otherOfficer, approver: otherSupervisor });
    const candidate = await caseIn(world.j.gridA);
    const cand = await officer.rewards.open({ reportId: candidate.reportId });
    const auditBefore = await countRows(world.db.db, auditLog);
    await expectRefusal(officer.rewards.determine({ rewardId }), 'BAD_REQUEST', 'REWARD.INVALID_AMOUNT');
    await expectRefusal(world.as('inspectorA1').rewards.determine({ rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.determine({ rewardId: farReward.rewardId }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(officer.rewards.determine({ rewardId: cand.id }), 'CONFLICT', 'REWARD.INVALID_TRANSITION');
    expect(await countRows(world.db.db, auditLog)).toBe(auditBefore);
    expect((await state(rewardId)).status).toBe('eligible');
  });
});

describe('rewards.approve / sendBack / notify', () => {
  it('lets a supervisor approve and the officer notify with the rule set\'s claim window', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId } = await rewardAtStage(world, c.reportId, 'determined', { officer, approver: supervisorA });
    await expectRefusal(officer.rewards.approve({ rewardId }), 'FORBIDDEN', 'REWARD.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorB').rewards.approve({ rewardId }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').rewards.approve({ rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    expect((await state(rewardId)).status).toBe('determined');
    expect(await supervisorA.rewards.approve({ rewardId })).toMatchObject({ status: 'approved', state: { approval: { userId: world.users.supervisorA.id } } });
    await expectRefusal(supervisorA.rewards.notify({ rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const notified = await officer.rewards.notify({ rewardId });
    // 30 working days after Monday 2026-03-02, skipping the Qingming holiday (Monday 04-06): Tuesday 04-14, end of day in China.
    expect(notified.state.claimWindowEnd).toBe('2026-04-14T15:59:59.999Z');
    const got = await officer.rewards.get({ rewardId });
    expect(got.claimDeadline?.toISOString()).toBe(notified.state.claimWindowEnd);
  });

  it('sends a determination back with a reason, never without', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId } = await rewardAtStage(world, c.reportId, 'determined', { officer, approver: supervisorA });
    await expectRefusal(supervisorA.rewards.sendBack({ rewardId, reason: ' ' }), 'BAD_REQUEST', 'REWARD.REASON_REQUIRED');
    const back = await supervisorA.rewards.sendBack({ rewardId, reason: '未核实罚款金额' });
    expect(back).toMatchObject({ status: 'eligible', state: { determination: null, sentBack: { reason: '未核实罚款金额' } } });
    expect((await officer.rewards.get({ rewardId })).amountFen).toBeNull();
  });
});

describe('rewards.withhold / expire', () => {
  it('withholds with a reason and expires only after the claim window', async () => {
    const c = await caseIn(world.j.gridA);
    const w = await rewardAtStage(world, c.reportId, 'approved', { officer, approver: supervisorA });
    await expectRefusal(officer.rewards.withhold({ rewardId: w.rewardId, reason: '' }), 'BAD_REQUEST', 'REWARD.REASON_REQUIRED');
    await expectRefusal(world.as('inspectorA1').rewards.withhold({ rewardId: w.rewardId, reason: 'x' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    expect(await supervisorA.rewards.withhold({ rewardId: w.rewardId, reason: '举报人系单位员工近亲属' })).toMatchObject({ status: 'withheld' });

    const d = await caseIn(world.j.gridA);
    const e = await rewardAtStage(world, d.reportId, 'notified', { officer, approver: supervisorA });
    await expectRefusal(officer.rewards.expire({ rewardId: e.rewardId }), 'BAD_REQUEST', 'REWARD.CLAIM_WINDOW_OPEN');
    await expectRefusal(world.as('supervisorA').rewards.expire({ rewardId: e.rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const saved = world.now;
    try {
      world.now = new Date('2026-05-01T00:00:00Z');
      const far = await caseIn(other.district);
      const farReward = await rewardAtStage(world, far.reportId, 'notified', { officer: otherOfficer, approver: otherSupervisor });
      world.now = new Date('2026-08-01T00:00:00Z');
      await expectRefusal(officer.rewards.expire({ rewardId: farReward.rewardId }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
      expect(await officer.rewards.expire({ rewardId: e.rewardId })).toMatchObject({ status: 'expired' });
    } finally {
      world.now = saved;
    }
  });
});

describe('rewards.list / get', () => {
  it('lists only the caller\'s subtree and refuses a reward outside it', async () => {
    const a = await caseIn(world.j.gridA);
    const ra = await officer.rewards.open({ reportId: a.reportId });
    const b = await caseIn(world.j.streetB);
    const rb = await officer.rewards.open({ reportId: b.reportId });
    const cityList = (await officer.rewards.list({ status: 'candidate', limit: 200 })).items;
    expect(cityList.map((r) => r.id)).toEqual(expect.arrayContaining([ra.id, rb.id]));
    const aList = (await supervisorA.rewards.list({ limit: 200 })).items;
    expect(aList.map((r) => r.id)).toContain(ra.id);
    expect(aList.map((r) => r.id)).not.toContain(rb.id);
    expect(aList.every((r) => r.jurisdictionId !== world.j.streetB)).toBe(true);
    await expectRefusal(supervisorA.rewards.get({ rewardId: rb.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').rewards.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('custodian').rewards.get({ rewardId: ra.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(officer.rewards.list({ limit: 0 }), 'limit');
    await expectRefusal(officer.rewards.get({ rewardId: randomUUID() }), 'NOT_FOUND', 'REWARD.NOT_FOUND');
  });
});

describe('rewards.claims', () => {
  it('verifies, accepts one claim per reward, and rejects with a reason', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId } = await rewardAtStage(world, c.reportId, 'notified', { officer, approver: supervisorA });
    const first = await fileClaim(world, rewardId);
    const second = await fileClaim(world, rewardId);
    await expectRefusal(supervisorA.rewards.claims.verifyIdentity({ claimId: first, method: '身份证' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.claims.verifyIdentity({ claimId: first, method: ' ' }), 'BAD_REQUEST', 'REWARD_CLAIM.METHOD_REQUIRED');
    expect(await officer.rewards.claims.verifyIdentity({ claimId: first, method: '现场核验身份证' })).toMatchObject({ status: 'identity_verified' });
    await officer.rewards.claims.verifyIdentity({ claimId: second, method: '现场核验身份证' });
    expect(await officer.rewards.claims.accept({ claimId: first })).toMatchObject({ status: 'accepted' });
    expect((await state(rewardId)).status).toBe('claimed');
    await expectRefusal(officer.rewards.claims.accept({ claimId: second }), 'CONFLICT', 'REWARD_CLAIM.ALREADY_ACCEPTED');
    await expectRefusal(officer.rewards.claims.reject({ claimId: second, reason: '' }), 'BAD_REQUEST', 'REWARD_CLAIM.REASON_REQUIRED');
    expect(await officer.rewards.claims.reject({ claimId: second, reason: '重复申领' })).toMatchObject({ status: 'rejected' });
    const listed = await supervisorA.rewards.claims.list({ rewardId });
    expect(listed.map((x) => [x.id, x.status])).toEqual(
      expect.arrayContaining([
        [first, 'accepted'],
        [second, 'rejected'],
      ]),
    );
    expect(JSON.stringify(listed)).not.toMatch(/赵领奖|110101199001011234|claimant@example|sealed/i);
    await expectRefusal(world.as('supervisorB').rewards.claims.list({ rewardId }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
  });

  it('reopens the reward when the accepted claim is rejected, in the same transaction', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId, claimId } = await rewardAtStage(world, c.reportId, 'claimed', { officer, approver: supervisorA });
    const held = await state(rewardId);
    expect(held).toMatchObject({ status: 'claimed', claim: { claimId } });
    const rejected = await officer.rewards.claims.reject({ claimId: claimId!, reason: '身份证件系伪造' });
    expect(rejected).toMatchObject({ status: 'rejected' });
    const reopened = await loadLifecycle<RewardState>(world.db.db, 'reward', rewardId);
    expect(reopened.state).toMatchObject({ status: 'notified', claim: null, claimWindowEnd: held.claimWindowEnd });
    expect(await countAuditEntries(world.db.db, { entity: 'reward', entityId: rewardId, action: 'reopen_claim' })).toBe(1);
    const window = (await world.db.db.select().from(deadlines)).filter((d) => d.entityId === rewardId && d.kind === 'reward.claim_window' && d.doneAt === null);
    expect(window.map((d) => d.dueAt.toISOString())).toEqual([held.claimWindowEnd]);
    // Open again: a fresh claim can be accepted and recorded.
    const next = await fileClaim(world, rewardId);
    await officer.rewards.claims.verifyIdentity({ claimId: next, method: '现场核验身份证' });
    await officer.rewards.claims.accept({ claimId: next });
    expect((await state(rewardId)).claim?.claimId).toBe(next);
  });

  it('refuses to reject the accepted claim after the claim window, changing nothing, until the reward is withheld', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId, claimId } = await rewardAtStage(world, c.reportId, 'claimed', { officer, approver: supervisorA });
    const end = (await state(rewardId)).claimWindowEnd!;
    const saved = world.now;
    try {
      world.now = new Date(Date.parse(end) + 60_000);
      const before = { claims: await world.db.db.select().from(claims), rewards: await world.db.db.select().from(rewards), audit: await countRows(world.db.db, auditLog) };
      await expectRefusal(officer.rewards.claims.reject({ claimId: claimId!, reason: '身份证件系伪造' }), 'BAD_REQUEST', 'REWARD.CLAIM_WINDOW_CLOSED');
      expect({ claims: await world.db.db.select().from(claims), rewards: await world.db.db.select().from(rewards), audit: await countRows(world.db.db, auditLog) }).toEqual(before);
      await supervisorA.rewards.withhold({ rewardId, reason: '领奖人身份系冒用' });
      expect(await officer.rewards.claims.reject({ claimId: claimId!, reason: '身份证件系伪造' })).toMatchObject({ status: 'rejected' });
      expect((await state(rewardId)).status).toBe('withheld');
      expect(await countAuditEntries(world.db.db, { entity: 'reward', entityId: rewardId, action: 'reopen_claim' })).toBe(0);
    } finally {
      world.now = saved;
    }
  });

  it('refuses claims handling in another city', async () => {
    const far = await caseIn(other.district);
    const { claimId } = await rewardAtStage(world, far.reportId, 'claim_submitted', { officer: otherOfficer, approver: otherSupervisor });
    await expectRefusal(officer.rewards.claims.verifyIdentity({ claimId: claimId!, method: '身份证' }), 'FORBIDDEN', 'REWARD_CLAIM.OUT_OF_SCOPE');
  });
});

describe('rewards.pay', () => {
  it('pays the reward and its claim exactly once', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId, claimId } = await rewardAtStage(world, c.reportId, 'claimed', { officer, approver: supervisorA });
    const auditBefore = await countRows(world.db.db, auditLog);
    await expectRefusal(officer.rewards.pay({ rewardId, paymentReference: '  ' }), 'BAD_REQUEST', 'REWARD.PAYMENT_REF_REQUIRED');
    await expectRefusal(supervisorA.rewards.pay({ rewardId, paymentReference: 'X' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    expect(await countRows(world.db.db, auditLog)).toBe(auditBefore);
    const paid = await officer.rewards.pay({ rewardId, paymentReference: 'ZF-2026-0001' });
    expect(paid).toMatchObject({ status: 'paid', claim: { id: claimId, status: 'paid' } });
    await expectRefusal(officer2.rewards.pay({ rewardId, paymentReference: 'ZF-2026-0002' }), 'CONFLICT', 'REWARD.ALREADY_PAID');
    expect(await countAuditEntries(world.db.db, { entity: 'reward', entityId: rewardId, action: 'pay' })).toBe(1);
    expect(await countAuditEntries(world.db.db, { entity: 'claim', entityId: claimId!, action: 'pay' })).toBe(1);
    const got = await officer.rewards.get({ rewardId });
    expect(got.paidAt).not.toBeNull();
    expect(got.state.payment?.reference).toBe('ZF-2026-0001');
  });

  it('refuses to pay in another city or before a claim was accepted', async () => {
    const far = await caseIn(other.district);
    const { rewardId } = await rewardAtStage(world, far.reportId, 'claimed', { officer: otherOfficer, approver: otherSupervisor });
    await expectRefusal(officer.rewards.pay({ rewardId, paymentReference: 'X-1' }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    const c = await caseIn(world.j.gridA);
    const n = await rewardAtStage(world, c.reportId, 'claim_submitted', { officer, approver: supervisorA });
    const claimsBefore = await world.db.db.select().from(claims);
    await expectRefusal(officer.rewards.pay({ rewardId: n.rewardId, paymentReference: 'X-2' }), 'CONFLICT', 'REWARD.INVALID_TRANSITION');
    expect(await world.db.db.select().from(claims)).toEqual(claimsBefore);
    expect((await state(rewardId)).status).toBe('claimed');
  });
});

describe('rewards: the remaining refusals per procedure', () => {
  it('refuses preview, notify, sendBack, approve, withhold and claims handling by the wrong people or at the wrong time', async () => {
    const c = await caseIn(world.j.gridA);
    const { rewardId } = await rewardAtStage(world, c.reportId, 'determined', { officer, approver: supervisorA });
    const far = await caseIn(other.district);
    const farReward = await rewardAtStage(world, far.reportId, 'determined', { officer: otherOfficer, approver: otherSupervisor });
    const audit = await countRows(world.db.db, auditLog);
    await expectRefusal(supervisorA.rewards.preview({ rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.preview({ rewardId: farReward.rewardId }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
    await expectInvalidInput(officer.rewards.preview({ rewardId, judgement: { jointReporters: 0 } }), 'judgement');
    await expectRefusal(officer.rewards.notify({ rewardId }), 'CONFLICT', 'REWARD.INVALID_TRANSITION');
    // Out of scope is refused before the status is looked at, so the status does not leak.
    await expectRefusal(officer.rewards.notify({ rewardId: farReward.rewardId }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    await expectRefusal(world.as('inspectorA1').rewards.sendBack({ rewardId, reason: '重核' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.sendBack({ rewardId, reason: '重核' }), 'FORBIDDEN', 'REWARD.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorB').rewards.sendBack({ rewardId, reason: '重核' }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    await expectRefusal(supervisorA.rewards.approve({ rewardId: farReward.rewardId }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    await expectRefusal(supervisorA.rewards.withhold({ rewardId: farReward.rewardId, reason: '不予发放' }), 'FORBIDDEN', 'REWARD.OUT_OF_SCOPE');
    await expectRefusal(officer.rewards.expire({ rewardId }), 'CONFLICT', 'REWARD.INVALID_TRANSITION');
    expect(await countRows(world.db.db, auditLog)).toBe(audit);
    expect((await state(rewardId)).status).toBe('determined');

    const n = await caseIn(world.j.gridA);
    const claimed = await rewardAtStage(world, n.reportId, 'claim_submitted', { officer, approver: supervisorA });
    const claimId = claimed.claimId!;
    const farClaim = await rewardAtStage(world, (await caseIn(other.district)).reportId, 'claim_submitted', { officer: otherOfficer, approver: otherSupervisor });
    await expectRefusal(world.as('inspectorA1').rewards.claims.list({ rewardId: claimed.rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.claims.accept({ claimId }), 'CONFLICT', 'REWARD_CLAIM.INVALID_TRANSITION');
    await expectRefusal(supervisorA.rewards.claims.accept({ claimId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.claims.accept({ claimId: farClaim.claimId! }), 'FORBIDDEN', 'REWARD_CLAIM.OUT_OF_SCOPE');
    await expectRefusal(supervisorA.rewards.claims.reject({ claimId, reason: '材料不全' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.rewards.claims.reject({ claimId: farClaim.claimId!, reason: '材料不全' }), 'FORBIDDEN', 'REWARD_CLAIM.OUT_OF_SCOPE');
    await expectRefusal(officer.rewards.claims.verifyIdentity({ claimId: randomUUID(), method: '身份证' }), 'NOT_FOUND', 'DB.NOT_FOUND');
    expect((await officer.rewards.claims.list({ rewardId: claimed.rewardId })).map((x) => x.status)).toEqual(['submitted']);
  });
});
