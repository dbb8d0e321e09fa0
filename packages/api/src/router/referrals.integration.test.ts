import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { expectNoChange, expectRefused, hazardAt, rawRows } from '../testing/staff-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld({ now: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => world.close());

const noChange = (id: string) => ({ entity: 'referral' as const, id });

/** A notice (抄告) from 甲区消防救援大队 to the education bureau about a hazard at venue A. */
async function toEducation(): Promise<string> {
  const hazardId = await hazardAt(world, 'confirmed');
  const { id } = await world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, hazardId, summary: '校外培训机构疏散通道堵塞，请督促整改' });
  return id;
}

type Stage = 'sent' | 'acknowledged' | 'handled';
async function referralAt(stage: Stage): Promise<string> {
  const id = await toEducation();
  if (stage === 'sent') return id;
  await world.as('industry').referrals.acknowledge({ id });
  if (stage === 'acknowledged') return id;
  await world.as('industry').referrals.handle({ id, outcome: '已约谈机构负责人', measures: ['约谈', '限期整改'] });
  return id;
}

describe('referrals.send', () => {
  it('sends a notice about a hazard to an industry department, with its acknowledgement deadline', async () => {
    const hazardId = await hazardAt(world, 'confirmed');
    const r = await world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, hazardId, summary: '请督促整改' });
    expect(r.referral).toMatchObject({ status: 'sent', kind: 'notice', fromDepartmentId: world.d.brigadeA, toDepartmentId: world.d.education, subject: { entity: 'hazard', id: hazardId }, venueId: world.venues.A, sentBy: { name: '王监督' } });
    const row = await rawRows<{ kind: string; hazard_id: string; due_at: unknown; jurisdiction_id: string }>(world, `select kind, hazard_id, due_at, jurisdiction_id from referrals where id = '${r.id}'`);
    expect(row[0]).toMatchObject({ kind: 'notify', hazard_id: hazardId, jurisdiction_id: world.j.gridA });
    expect(row[0]?.due_at).not.toBeNull();
  });

  it('records a late police transfer as late', async () => {
    const r = await world.as('police').referrals.send({ kind: 'police_transfer', toDepartmentId: world.d.brigadeA, venueId: world.venues.A, summary: '未经消防许可擅自营业', foundAt: '2026-02-16T02:00:00Z' });
    expect(r.referral).toMatchObject({ kind: 'police_transfer', sentLate: true });
  });

  it('is refused by role, out of scope, and for bad input (changing nothing)', async () => {
    const bHazard = await hazardAt(world, 'confirmed', 'B');
    const summary = '请督促整改';
    await expectRefused(world.as('gridWorker').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, summary }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, hazardId: bHazard, summary }), 'ACCESS.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, venueId: world.venues.B, summary }), 'REFERRAL.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.brigadeA, summary }), 'REFERRAL.SAME_DEPARTMENT');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: world.d.education, summary: '  ' }), 'REFERRAL.SUMMARY_REQUIRED');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'police_transfer', toDepartmentId: world.d.education, summary, foundAt: '2026-03-01T02:00:00Z' }), 'REFERRAL.KIND_ROLE_MISMATCH');
    await expectNoChange(world, () => world.as('inspectorA1').referrals.send({ kind: 'notice', toDepartmentId: '00000000-0000-4000-8000-000000000008', summary }), 'DEPARTMENT.NOT_FOUND');
  });
});

describe('referrals.acknowledge, handle, reply and return', () => {
  it('are the receiving department’s steps, in order', async () => {
    const id = await referralAt('handled');
    const replied = await world.as('industry').referrals.reply({ id, text: '已责令该机构停业整改，整改完成后复查' });
    expect(replied.referral).toMatchObject({
      status: 'replied',
      acknowledgedBy: { name: '冯科长' },
      handledBy: { name: '冯科长' },
      handling: { outcome: '已约谈机构负责人', measures: ['约谈', '限期整改'] },
      repliedBy: { name: '冯科长' },
    });
    const returned = await world.as('industry').referrals.return({ id: await referralAt('sent'), reason: '属市场监管部门职责', suggestedDepartmentId: world.d.committee });
    expect(returned.referral).toMatchObject({ status: 'returned', returnReason: '属市场监管部门职责', suggestedDepartmentId: world.d.committee });
  });

  it('are refused by role and to any department but the receiving one', async () => {
    const sent = await referralAt('sent');
    const acknowledged = await referralAt('acknowledged');
    const handled = await referralAt('handled');
    await expectRefused(world.as('gridWorker').referrals.acknowledge({ id: sent }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('expert').referrals.handle({ id: acknowledged, outcome: 'o' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').referrals.reply({ id: handled, text: 't' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').referrals.return({ id: sent, reason: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('police').referrals.acknowledge({ id: sent }), 'REFERRAL.WRONG_DEPARTMENT', noChange(sent));
    await expectNoChange(world, () => world.as('inspectorA1').referrals.handle({ id: acknowledged, outcome: '代为办理' }), 'REFERRAL.WRONG_DEPARTMENT', noChange(acknowledged));
    await expectNoChange(world, () => world.as('committee').referrals.reply({ id: handled, text: '已办' }), 'REFERRAL.WRONG_DEPARTMENT', noChange(handled));
    await expectNoChange(world, () => world.as('supervisorA').referrals.return({ id: sent, reason: '退回' }), 'REFERRAL.WRONG_DEPARTMENT', noChange(sent));
  });

  it('refuse bad input and out-of-order steps (changing nothing)', async () => {
    const sent = await referralAt('sent');
    const acknowledged = await referralAt('acknowledged');
    const handled = await referralAt('handled');
    await expectNoChange(world, () => world.as('industry').referrals.handle({ id: sent, outcome: '办理' }), 'REFERRAL.INVALID_TRANSITION', noChange(sent));
    await expectNoChange(world, () => world.as('industry').referrals.acknowledge({ id: acknowledged }), 'REFERRAL.INVALID_TRANSITION', noChange(acknowledged));
    await expectNoChange(world, () => world.as('industry').referrals.handle({ id: acknowledged, outcome: ' ' }), 'REFERRAL.OUTCOME_REQUIRED', noChange(acknowledged));
    await expectNoChange(world, () => world.as('industry').referrals.reply({ id: handled, text: '' }), 'REFERRAL.REPLY_REQUIRED', noChange(handled));
    await expectNoChange(world, () => world.as('industry').referrals.return({ id: sent, reason: ' ' }), 'REFERRAL.REASON_REQUIRED', noChange(sent));
    await expectNoChange(world, () => world.as('industry').referrals.return({ id: sent, reason: '非本部门', suggestedDepartmentId: world.d.education }), 'REFERRAL.SAME_DEPARTMENT', noChange(sent));
  });
});

describe('referrals.list and get', () => {
  it('shows each department only its own referrals', async () => {
    const toEdu = await toEducation();
    const { id: toPolice } = await world.as('inspectorA1').referrals.send({ kind: 'transfer', toDepartmentId: world.d.policeA, venueId: world.venues.A, summary: '涉嫌违法住人，请派出所核查' });
    const industry = (await world.as('industry').referrals.list({})).items.map((r) => r.id);
    expect(industry).toContain(toEdu);
    expect(industry).not.toContain(toPolice);
    const police = (await world.as('police').referrals.list({ direction: 'incoming' })).items.map((r) => r.id);
    expect(police).toContain(toPolice);
    expect(police).not.toContain(toEdu);
    const sender = (await world.as('inspectorA2').referrals.list({ direction: 'outgoing' })).items.map((r) => r.id);
    expect(sender).toEqual(expect.arrayContaining([toEdu, toPolice]));
    // 乙区 brigade is neither sender nor receiver.
    expect((await world.as('inspectorB1').referrals.list({})).items.map((r) => r.id)).not.toContain(toEdu);

    expect((await world.as('industry').referrals.get({ id: toEdu })).referral.summary).toBe('校外培训机构疏散通道堵塞，请督促整改');
    await expectRefused(world.as('police').referrals.get({ id: toEdu }), 'ACCESS.WRONG_DEPARTMENT', 'FORBIDDEN');
    await expectRefused(world.as('inspectorB1').referrals.get({ id: toEdu }), 'ACCESS.WRONG_DEPARTMENT');
  });

  it('are refused by role', async () => {
    const id = await toEducation();
    await expectRefused(world.as('gridWorker').referrals.list({}), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('discipline').referrals.get({ id }), 'ACCESS.ROLE_NOT_ALLOWED');
  });
});
