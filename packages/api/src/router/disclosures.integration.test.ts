import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, countAuditEntries, countRows, disclosureRequests, outbox } from '@firebreak/db';
import { expectInvalidInput, expectRefusal } from '../testing/expect-refusal';
import { actorOf, addOtherCity, callerFor, fileClaim, fileReport, rewardAtStage, substantiate, staffUser, type Caller } from '../testing/rewards-fixtures';
import { createWorld, type World } from '../testing/world';

const SECRET_NAME = '欧阳隐名';
const SECRET_PHONE = '13912345678';
const CLAIM_NAME = '司马领奖';
const CLAIM_ID_NUMBER = '11010119800101999X';

let world: World;
let officer: Caller;
let officer2: Caller;
let custodian: Caller;
let other: { city: string; district: string };

beforeAll(async () => {
  world = await createWorld();
  officer = world.as('rewardOfficer');
  officer2 = world.as('rewardOfficer2');
  custodian = world.as('custodian');
  other = await addOtherCity(world);
});
afterAll(async () => world?.close());

const realNameReport = (jurisdictionId: string = world.j.gridA) =>
  fileReport(world, { jurisdictionId, identity: { name: SECRET_NAME, phone: SECRET_PHONE } });

describe('disclosures.request', () => {
  it('records a request with its reason and tells the custodians', async () => {
    const r = await realNameReport();
    const out = await officer.disclosures.request({ reportId: r.reportId, reason: '核实举报人是否为被举报单位员工' });
    expect(out).toMatchObject({ status: 'requested', state: { reportId: r.reportId, requestedBy: { userId: world.users.rewardOfficer.id } } });
    expect(await countAuditEntries(world.db.db, { entity: 'disclosure', entityId: out.id, action: 'request' })).toBe(1);
    const notes = await world.db.db.select().from(outbox);
    expect(notes.some((n) => n.entityId === out.id && n.template === 'disclosure.requested')).toBe(true);
  });

  it('refuses other roles, other cities and a blank reason, recording nothing', async () => {
    const r = await realNameReport();
    const far = await realNameReport(other.district);
    const before = await countRows(world.db.db, disclosureRequests);
    await expectRefusal(custodian.disclosures.request({ reportId: r.reportId, reason: '查看' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorCity').disclosures.request({ reportId: r.reportId, reason: '查看' }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(officer.disclosures.request({ reportId: far.reportId, reason: '查看' }), 'FORBIDDEN', 'DISCLOSURE.OUT_OF_SCOPE');
    await expectRefusal(officer.disclosures.request({ reportId: r.reportId, reason: '   ' }), 'BAD_REQUEST', 'DISCLOSURE.REASON_REQUIRED');
    await expectRefusal(officer.disclosures.request({ reportId: randomUUID(), reason: '查看' }), 'NOT_FOUND', 'REPORT.NOT_FOUND');
    await expectInvalidInput(officer.disclosures.request({ reportId: 'x', reason: '查看' }), 'reportId');
    expect(await countRows(world.db.db, disclosureRequests)).toBe(before);
  });
});

describe('disclosures.approve / deny', () => {
  it('lets a custodian decide once', async () => {
    const r = await realNameReport();
    const a = await officer.disclosures.request({ reportId: r.reportId, reason: '奖励发放前核实身份' });
    const approved = await custodian.disclosures.approve({ disclosureId: a.id, note: '同意' });
    expect(approved).toMatchObject({ status: 'approved', state: { decision: { approved: true, by: { userId: world.users.custodian.id } } } });
    await expectRefusal(custodian.disclosures.deny({ disclosureId: a.id, reason: '改变主意' }), 'CONFLICT', 'DISCLOSURE.INVALID_TRANSITION');
    const d = await officer.disclosures.request({ reportId: r.reportId, reason: '再次核实' });
    expect(await custodian.disclosures.deny({ disclosureId: d.id, reason: '理由不充分' })).toMatchObject({ status: 'denied', state: { decision: { approved: false, note: '理由不充分' } } });
    const listed = await custodian.disclosures.get({ disclosureId: d.id });
    expect(listed.decidedAt?.toISOString()).toBe(world.now.toISOString());
  });

  it('refuses the requester deciding, other roles, other cities and a blank denial', async () => {
    const r = await realNameReport();
    const a = await officer.disclosures.request({ reportId: r.reportId, reason: '核实' });
    await expectRefusal(officer.disclosures.approve({ disclosureId: a.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    // A custodian who is also the requester: the kernel's separation of duties, whatever the roles say.
    const both = await staffUser(world, 'custodian', world.j.city);
    const farOfficer = callerFor(world, await staffUser(world, 'reward_officer', other.city));
    const far = await realNameReport(other.district);
    const farRequest = await farOfficer.disclosures.request({ reportId: far.reportId, reason: '核实' });
    await expectRefusal(custodian.disclosures.approve({ disclosureId: farRequest.id }), 'FORBIDDEN', 'DISCLOSURE.OUT_OF_SCOPE');
    await expectRefusal(custodian.disclosures.deny({ disclosureId: a.id, reason: ' ' }), 'BAD_REQUEST', 'DISCLOSURE.REASON_REQUIRED');
    await expectRefusal(callerFor(world, { ...both, userId: world.users.rewardOfficer.id }).disclosures.approve({ disclosureId: a.id }), 'BAD_REQUEST', 'DISCLOSURE.SAME_PERSON');
    expect((await custodian.disclosures.get({ disclosureId: a.id })).status).toBe('requested');
    await expectRefusal(custodian.disclosures.get({ disclosureId: farRequest.id }), 'FORBIDDEN', 'ACCESS.OUT_OF_SCOPE');
  });
});

describe('disclosures.readIdentity', () => {
  it('opens the identity for the requester of an approved request, one audit entry per read', async () => {
    const r = await realNameReport();
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const { rewardId } = await rewardAtStage(world, r.reportId, 'notified', { officer, approver: world.as('supervisorA') });
    const claimId = await fileClaim(world, rewardId, { identity: { name: CLAIM_NAME, idNumber: CLAIM_ID_NUMBER, phone: SECRET_PHONE } });
    const a = await officer.disclosures.request({ reportId: r.reportId, reason: '发放奖金前核实身份' });
    await custodian.disclosures.approve({ disclosureId: a.id });
    const first = await officer.disclosures.readIdentity({ disclosureId: a.id });
    expect(first.reporterIdentity).toEqual({ name: SECRET_NAME, phone: SECRET_PHONE });
    expect(first.claimIdentities).toEqual([{ claimId, identity: { name: CLAIM_NAME, idNumber: CLAIM_ID_NUMBER, phone: SECRET_PHONE } }]);
    await officer.disclosures.readIdentity({ disclosureId: a.id });
    expect(await countAuditEntries(world.db.db, { entity: 'disclosure', entityId: a.id, action: 'access_logged' })).toBe(2);
  });

  it('refuses anyone else, and any request not approved, logging nothing', async () => {
    const r = await realNameReport();
    const pending = await officer.disclosures.request({ reportId: r.reportId, reason: '核实' });
    const approved = await officer.disclosures.request({ reportId: r.reportId, reason: '核实二' });
    await custodian.disclosures.approve({ disclosureId: approved.id });
    const denied = await officer.disclosures.request({ reportId: r.reportId, reason: '核实三' });
    await custodian.disclosures.deny({ disclosureId: denied.id, reason: '不予批准' });
    const before = await countRows(world.db.db, auditLog);
    await expectRefusal(officer.disclosures.readIdentity({ disclosureId: pending.id }), 'BAD_REQUEST', 'DISCLOSURE.NOT_APPROVED');
    await expectRefusal(officer.disclosures.readIdentity({ disclosureId: denied.id }), 'BAD_REQUEST', 'DISCLOSURE.NOT_APPROVED');
    await expectRefusal(officer2.disclosures.readIdentity({ disclosureId: approved.id }), 'BAD_REQUEST', 'DISCLOSURE.NOT_REQUESTER');
    await expectRefusal(custodian.disclosures.readIdentity({ disclosureId: approved.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(world.as('supervisorCity').disclosures.readIdentity({ disclosureId: approved.id }), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    // The requester moved to another city keeps no access to this one.
    const moved = callerFor(world, { ...(await actorOf(world, 'rewardOfficer')), jurisdictionId: other.city });
    await expectRefusal(moved.disclosures.readIdentity({ disclosureId: approved.id }), 'FORBIDDEN', 'DISCLOSURE.OUT_OF_SCOPE');
    expect(await countRows(world.db.db, auditLog)).toBe(before);
  });
});

describe('disclosures.list / mine', () => {
  it('gives custodians the queue in scope and officers their own requests', async () => {
    const r = await realNameReport();
    const mine = await officer.disclosures.request({ reportId: r.reportId, reason: '核实甲' });
    const theirs = await officer2.disclosures.request({ reportId: r.reportId, reason: '核实乙' });
    const farOfficer = callerFor(world, await staffUser(world, 'reward_officer', other.city));
    const far = await farOfficer.disclosures.request({ reportId: (await realNameReport(other.district)).reportId, reason: '核实丙' });
    const queue = (await custodian.disclosures.list({ status: 'requested', limit: 200 })).items;
    expect(queue.map((d) => d.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(queue.map((d) => d.id)).not.toContain(far.id);
    const own = (await officer.disclosures.mine({ limit: 200 })).items;
    expect(own.map((d) => d.id)).toContain(mine.id);
    expect(own.map((d) => d.id)).not.toContain(theirs.id);
    await expectRefusal(officer.disclosures.list({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefusal(custodian.disclosures.mine({}), 'FORBIDDEN', 'ACCESS.ROLE_NOT_ALLOWED');
    await expectInvalidInput(custodian.disclosures.list({ status: 'open' as never }), 'status');
  });
});

describe('no procedure but readIdentity returns an identity', () => {
  it('keeps the sealed-in names out of every other answer and out of the audit log', async () => {
    const r = await realNameReport();
    await substantiate(world, r, { inspector: await actorOf(world, 'inspectorA1') });
    const supervisorA = world.as('supervisorA');
    const { rewardId } = await rewardAtStage(world, r.reportId, 'notified', { officer, approver: supervisorA });
    const claimId = await fileClaim(world, rewardId, { identity: { name: CLAIM_NAME, idNumber: CLAIM_ID_NUMBER, phone: SECRET_PHONE } });
    await officer.rewards.claims.verifyIdentity({ claimId, method: '身份证' });
    const answers: unknown[] = [];
    answers.push(await officer.rewards.claims.accept({ claimId }));
    answers.push(await officer.rewards.pay({ rewardId, paymentReference: 'ZF-LEAK-1' }));
    const request = await officer.disclosures.request({ reportId: r.reportId, reason: '核实' });
    answers.push(request);
    answers.push(await custodian.disclosures.approve({ disclosureId: request.id }));
    const opened = await officer.disclosures.readIdentity({ disclosureId: request.id });
    expect(JSON.stringify(opened)).toContain(SECRET_NAME);

    answers.push(await officer.rewards.get({ rewardId }));
    answers.push(await officer.rewards.list({ limit: 200 }));
    answers.push(await supervisorA.rewards.list({ limit: 200 }));
    answers.push(await officer.rewards.claims.list({ rewardId }));
    answers.push(await custodian.disclosures.list({ limit: 200 }));
    answers.push(await custodian.disclosures.get({ disclosureId: request.id }));
    answers.push(await officer.disclosures.mine({ limit: 200 }));
    answers.push(await world.as('discipline').audit.list({ limit: 500 }));
    answers.push(await world.as('admin').audit.list({ limit: 500 }));
    answers.push(await world.as('discipline').dashboard.figures({ byDistrict: true }));
    const text = JSON.stringify(answers);
    for (const secret of [SECRET_NAME, SECRET_PHONE, CLAIM_NAME, CLAIM_ID_NUMBER, 'claimant@example.com']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/fb1\.[0-9a-f]{8}\./); // no sealed envelope either

    const log = JSON.stringify(await world.db.db.select().from(auditLog));
    for (const secret of [SECRET_NAME, SECRET_PHONE, CLAIM_NAME, CLAIM_ID_NUMBER]) expect(log).not.toContain(secret);
  });
});
