import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '@firebreak/db';
import { MASKED_REPORTER } from '@firebreak/domain';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { actorOf, fileReport, rewardAtStage, substantiate, type Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

const SECRET_NAME = '公孙不露';
const SECRET_PHONE = '13966667777';

let world: World;
let officer: Caller;
let officer2: Caller;
let head: Caller;

beforeAll(async () => {
  world = await createWorld();
  officer = world.as('rewardOfficer');
  officer2 = world.as('rewardOfficer2');
  head = world.as('supervisorCity');
});
afterAll(async () => world?.close());

/** A real-name report in 甲区, substantiated, its reward carried to `paid` (determined by one officer, approved by the district head). */
async function paidReward(amountCheck = true) {
  const r = await fileReport(world, { jurisdictionId: world.j.gridA, identity: { name: SECRET_NAME, phone: SECRET_PHONE } });
  await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
  const out = await rewardAtStage(world, r.reportId, 'paid', { officer, approver: world.as('supervisorA') });
  if (amountCheck) expect((await officer.rewards.get({ rewardId: out.rewardId })).status).toBe('paid');
  return { ...out, reportId: r.reportId };
}

describe('rewards.yearList', () => {
  it('previews, prepares and (by another person, a fire-agency head) publishes the masked list, then freezes it', async () => {
    const { rewardId } = await paidReward();
    const reward = await officer.rewards.get({ rewardId });

    const preview = await officer.rewards.yearList.get({ year: 2026 });
    expect(preview.stored).toBeNull();
    expect(preview.live.entries.length).toBeGreaterThanOrEqual(1);
    expect(preview.live.entries.every((e) => JSON.stringify(e.reporter) === JSON.stringify(MASKED_REPORTER))).toBe(true);
    expect(preview.live.totalFen).toBeGreaterThanOrEqual(reward.amountFen!);

    const draft = await officer.rewards.yearList.prepare({ year: 2026 });
    expect(draft).toMatchObject({ status: 'draft', year: 2026, version: 1, totalFen: preview.live.totalFen });
    expect(draft.entries.some((e) => e.amountFen === reward.amountFen && e.month === '2026-03')).toBe(true);
    // Nothing identifying in the stored list: no name, phone, report, reward or hazard id.
    const text = JSON.stringify(draft.entries);
    for (const secret of [SECRET_NAME, SECRET_PHONE, rewardId, reward.reportId]) expect(text).not.toContain(secret);
    expect(await countAuditEntries(world.db.db, { entity: 'reward_list', entityId: draft.id, action: 'prepare' })).toBe(1);

    // Prepared again (another paid reward meanwhile): the head must preview the new version.
    await paidReward();
    const again = await officer2.rewards.yearList.prepare({ year: 2026 });
    expect(again).toMatchObject({ id: draft.id, version: 2 });
    expect(again.entries.length).toBe(draft.entries.length + 1);
    await expectRefusal(head.rewards.yearList.publish({ year: 2026, version: 1 }), 'CONFLICT', 'REWARD_LIST.STALE');

    // The portal sees nothing until it is published.
    expect((await world.public().public.rewards.list({ year: 2026 })).lists).toEqual([]);
    const published = await head.rewards.yearList.publish({ year: 2026, version: 2 });
    expect(published).toMatchObject({ status: 'published', version: 3, entries: again.entries, totalFen: again.totalFen });
    expect(published.publishedAt).not.toBeNull();
    expect(await countAuditEntries(world.db.db, { entity: 'reward_list', entityId: draft.id, action: 'publish' })).toBe(1);

    const portal = await world.public().public.rewards.list({ year: 2026 });
    expect(portal.years).toContain(2026);
    expect(portal.lists).toHaveLength(1);
    expect(portal.lists[0]).toMatchObject({ year: 2026, entries: again.entries, totalFen: again.totalFen });
    expect(JSON.stringify(portal)).not.toContain(world.users.rewardOfficer.id);
    expect(Object.keys(portal.lists[0]!)).not.toContain('preparedBy');

    // Frozen: later payouts change nothing, preparing and publishing again are refused, and so is a raw update.
    await paidReward();
    await expectRefusal(officer.rewards.yearList.prepare({ year: 2026 }), 'CONFLICT', 'REWARD_LIST.ALREADY_PUBLISHED');
    await expectRefusal(head.rewards.yearList.publish({ year: 2026, version: 3 }), 'CONFLICT', 'REWARD_LIST.ALREADY_PUBLISHED');
    const raw = await world.db.db.execute(`update reward_lists set year = 2025 where id = '${draft.id}'`).then(
      () => null,
      (e: unknown) => e as { cause?: unknown },
    );
    expect(String(raw?.cause)).toMatch(/published and frozen/);
    expect((await world.public().public.rewards.list({ year: 2026 })).lists[0]!.entries).toEqual(again.entries);
  });

  it('refuses the wrong roles, the preparer publishing, future years and years with no list', async () => {
    await expectRefusal(world.as('inspectorA1').rewards.yearList.prepare({ year: 2025 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(head.rewards.yearList.prepare({ year: 2025 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('custodian').rewards.yearList.get({ year: 2025 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('discipline').rewards.yearList.get({ year: 2025 }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(head.rewards.yearList.publish({ year: 2025, version: 1 }), 'NOT_FOUND', 'REWARD_LIST.NOT_FOUND');
    await expectRefusal(officer.rewards.yearList.prepare({ year: 2027 }), 'BAD_REQUEST', 'REWARD_LIST.YEAR_NOT_BEGUN');
    const draft = await officer.rewards.yearList.prepare({ year: 2025 });
    expect(draft.entries).toEqual([]);
    // A reward officer holds reward.approve, but the kernel lets only a fire-agency head publish.
    await expectRefusal(officer2.rewards.yearList.publish({ year: 2025, version: draft.version }), 'FORBIDDEN', 'REWARD_LIST.ROLE_NOT_ALLOWED');
    // A district head's list is the district's own: the city's draft is not theirs to publish.
    await expectRefusal(world.as('supervisorA').rewards.yearList.publish({ year: 2025, version: draft.version }), 'NOT_FOUND', 'REWARD_LIST.NOT_FOUND');
    await expectInvalidInput(officer.rewards.yearList.get({ year: 1999 }), 'year');
    expect((await world.public().public.rewards.list({ year: 2025 })).lists).toEqual([]);
  });
});

describe('rewards: approval and payment by the right people', () => {
  it('a second reward officer cannot approve (the kernel gives approval to a fire-agency head); the determiner cannot either', async () => {
    const r = await fileReport(world, { jurisdictionId: world.j.gridA });
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const { rewardId } = await rewardAtStage(world, r.reportId, 'determined', { officer, approver: head });
    await expectRefusal(officer2.rewards.approve({ rewardId }), 'FORBIDDEN', /ROLE_NOT_ALLOWED/);
    await expectRefusal(world.as('inspectorA1').rewards.approve({ rewardId }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const ok = await head.rewards.approve({ rewardId });
    expect(ok.status).toBe('approved');
  });

  it('pays once with the payment reference; a second payment is refused and changes nothing', async () => {
    const { rewardId } = await paidReward();
    const paid = await officer.rewards.get({ rewardId });
    expect(paid.state.payment?.reference).toBe('PAY-0001');
    await expectRefusal(officer2.rewards.pay({ rewardId, paymentReference: 'PAY-0002' }), 'CONFLICT', 'REWARD.ALREADY_PAID');
    expect((await officer.rewards.get({ rewardId })).state.payment?.reference).toBe('PAY-0001');
    await expectRefusal(head.rewards.pay({ rewardId, paymentReference: 'PAY-0003' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
  });
});

describe('identity reads are visible to the discipline inspector', () => {
  it('each read is one audit entry the discipline inspector reads, with who read and when, never the identity', async () => {
    const r = await fileReport(world, { jurisdictionId: world.j.gridA, identity: { name: SECRET_NAME, phone: SECRET_PHONE } });
    const request = await officer.disclosures.request({ reportId: r.reportId, reason: '核对领奖人与举报人是否一致' });
    await expectRefusal(world.as('inspectorA1').disclosures.request({ reportId: r.reportId, reason: 'x' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    const queue = await world.as('custodian').disclosures.list({ status: 'requested', limit: 200 });
    expect(queue.items.map((d) => d.id)).toContain(request.id);
    expect(queue.total).toBeGreaterThanOrEqual(1);
    await world.as('custodian').disclosures.approve({ disclosureId: request.id });
    await officer.disclosures.readIdentity({ disclosureId: request.id });
    await officer.disclosures.readIdentity({ disclosureId: request.id });
    const audit = await world.as('discipline').audit.list({ entity: 'disclosure', entityId: request.id, limit: 50 });
    const reads = audit.entries.filter((e) => e.action === 'access_logged');
    expect(reads).toHaveLength(2);
    expect(reads.every((e) => e.actorUserId === world.users.rewardOfficer.id)).toBe(true);
    expect(audit.entries.map((e) => e.action).sort()).toEqual(['access_logged', 'access_logged', 'approve', 'request']);
    expect(JSON.stringify(audit)).not.toContain(SECRET_NAME);
    const reward = await world.as('rewardOfficer2').disclosures.mine({ limit: 50 });
    expect(reward.items.map((d) => d.id)).not.toContain(request.id);
  });
});
