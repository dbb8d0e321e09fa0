import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { expectInvalidInput, expectNoChange, expectRefused, fileReport, hazardAt, submitRemediationAsUnit } from '../testing/staff-fixtures';
import { everyItem } from '../testing/every-item';

let world: World;
const start = new Date('2026-03-02T02:00:00Z');
beforeAll(async () => {
  world = await createWorld({ now: start });
});
afterAll(async () => world.close());

const at = <T>(when: string, fn: () => Promise<T>): Promise<T> => {
  world.now = new Date(when);
  return fn().finally(() => {
    world.now = start;
  });
};

const noChange = (id: string) => ({ entity: 'hazard' as const, id });

describe('hazards.list', () => {
  it('shows the caller’s subtree ledger with deadline and overdue', async () => {
    const a = await hazardAt(world, 'ordered', 'A', '2026-03-04');
    const b = await hazardAt(world, 'found', 'B');
    const page = await everyItem((p) => world.as('inspectorA1').hazards.list({ status: ['ordered'], ...p }));
    expect(page.map((h) => h.id)).toContain(a);
    expect(page.map((h) => h.id)).not.toContain(b);
    const row = page.find((h) => h.id === a)!;
    expect(row).toMatchObject({ status: 'ordered', venueName: '甲区好又多超市', riskCategory: 'ebike_indoor', overdue: false, dueAt: '2026-03-04T15:59:59.999Z' });
    const later = await at('2026-03-05T02:00:00Z', () => everyItem((p) => world.as('inspectorA1').hazards.list({ overdueOnly: true, ...p })));
    expect(later.find((h) => h.id === a)?.overdue).toBe(true);
    expect((await everyItem((p) => world.as('supervisorCity').hazards.list(p))).map((h) => h.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('is refused to roles without hazard.read, and refuses bad filters', async () => {
    await expectRefused(world.as('rewardOfficer').hazards.list({}), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectInvalidInput(world.as('inspectorA1').hazards.list({ status: ['lost' as 'found'] }));
  });
});

describe('hazards.get', () => {
  it('returns the hazard with its ledger', async () => {
    const id = await hazardAt(world, 'confirmed');
    const view = await world.as('gridWorker').hazards.get({ id });
    expect(view.hazard.status).toBe('confirmed');
    expect(view.ledger.map((e) => [e.action, e.actorName, e.actorRole, e.actorDepartmentName])).toEqual([
      ['create', '王监督', 'inspector', '甲区消防救援大队'],
      ['confirm', '王监督', 'inspector', '甲区消防救援大队'],
    ]);
  });

  it('is refused by role, out of scope, and for unknown ids', async () => {
    const b = await hazardAt(world, 'found', 'B');
    await expectRefused(world.as('rewardOfficer').hazards.get({ id: b }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').hazards.get({ id: b }), 'ACCESS.OUT_OF_SCOPE', 'FORBIDDEN');
    await expectRefused(world.as('inspectorA1').hazards.get({ id: '00000000-0000-4000-8000-000000000003' }), 'DB.NOT_FOUND', 'NOT_FOUND');
  });
});

describe('hazards.register', () => {
  it('puts a grid patrol find on the ledger, located by jurisdiction when there is no venue', async () => {
    const r = await world.as('gridWorker').hazards.register({ source: 'grid_patrol', jurisdictionId: world.j.gridA, riskCategory: 'evacuation_blocked', description: '小区消防车道被占用' });
    expect(r.hazard).toMatchObject({ status: 'found', source: 'grid_patrol', venueId: null, jurisdictionId: world.j.gridA, foundBy: { name: '朱网格', role: 'grid_worker' } });
    const expert = await world.as('expert').hazards.register({ source: 'expert', venueId: world.venues.A, riskCategory: 'facilities_disabled', description: '喷淋系统阀门关闭' });
    expect(expert.hazard.source).toBe('expert');
    const report = await fileReport(world, { venue: 'A' });
    const fromReport = await world.as('inspectorA1').hazards.register({ source: 'report', sourceRef: report, venueId: world.venues.A, riskCategory: 'evacuation_blocked', description: '出口堵塞' });
    expect(fromReport.hazard.sourceRef).toBe(report);
  });

  it('is refused by role, out of scope, and for bad input (changing nothing)', async () => {
    await expectRefused(world.as('supervisorA').hazards.register({ source: 'grid_patrol', venueId: world.venues.A, riskCategory: 'ebike_indoor', description: 'x' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').hazards.register({ source: 'grid_patrol', venueId: world.venues.B, riskCategory: 'ebike_indoor', description: '乙区隐患' }), 'HAZARD.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('gridWorker').hazards.register({ source: 'report', sourceRef: '00000000-0000-4000-8000-000000000004', jurisdictionId: world.j.gridA, riskCategory: 'ebike_indoor', description: 'x' }), 'DB.NOT_FOUND');
    await expectNoChange(world, () => world.as('industry').hazards.register({ source: 'referral', venueId: world.venues.A, riskCategory: 'ebike_indoor', description: '移送隐患' }), 'HAZARD.SOURCE_REF_REQUIRED');
    await expectNoChange(world, () => world.as('gridWorker').hazards.register({ source: 'grid_patrol', jurisdictionId: world.j.gridA, riskCategory: 'ebike_indoor', description: '  ' }), 'HAZARD.DESCRIPTION_REQUIRED');
    await expectNoChange(world, () => world.as('gridWorker').hazards.register({ source: 'expert', jurisdictionId: world.j.gridA, riskCategory: 'ebike_indoor', description: '网格员登记专家隐患' }), 'HAZARD.ROLE_NOT_ALLOWED');
    await expectInvalidInput(world.as('gridWorker').hazards.register({ source: 'grid_patrol', riskCategory: 'ebike_indoor', description: '无位置' }));
  });
});

describe('hazards.confirm and dismiss', () => {
  it('confirms, or dismisses with a reason', async () => {
    const a = await hazardAt(world, 'found');
    expect((await world.as('police').hazards.confirm({ id: a, note: '现场确认' })).hazard.confirmedBy?.name).toBe('郑民警');
    const b = await hazardAt(world, 'found');
    const dismissed = await world.as('inspectorA2').hazards.dismiss({ id: b, reason: '已有合规充电设施' });
    expect(dismissed.hazard).toMatchObject({ status: 'dismissed', dismissal: { reason: '已有合规充电设施', by: { name: '赵监督' } } });
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const a = await hazardAt(world, 'found');
    const b = await hazardAt(world, 'found', 'B');
    await expectRefused(world.as('gridWorker').hazards.confirm({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('police').hazards.dismiss({ id: a, reason: '不构成' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').hazards.dismiss({ id: a, reason: 'x' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').hazards.confirm({ id: b }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').hazards.dismiss({ id: b, reason: '不构成' }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').hazards.dismiss({ id: a, reason: ' ' }), 'HAZARD.REASON_REQUIRED', noChange(a));
    await world.as('inspectorA1').hazards.confirm({ id: a });
    await expectNoChange(world, () => world.as('inspectorA1').hazards.confirm({ id: a }), 'HAZARD.INVALID_TRANSITION', noChange(a));
  });
});

describe('hazards.order and serveNotice', () => {
  it('orders by deadline with the notice owed, then serves it', async () => {
    const id = await hazardAt(world, 'confirmed');
    const ordered = await world.as('inspectorA1').hazards.order({ id, correction: { mode: 'deadline', dueDate: '2026-03-16' } });
    expect(ordered.hazard.orders.at(-1)).toMatchObject({ mode: 'deadline', noticeRef: null, by: { name: '王监督' } });
    expect(ordered.hazard.orders.at(-1)?.noticeDue).not.toBeNull();
    const served = await world.as('inspectorA2').hazards.serveNotice({ id, noticeRef: '责改〔2026〕7号' });
    expect(served.hazard.orders.at(-1)).toMatchObject({ noticeRef: '责改〔2026〕7号' });
    const now = await hazardAt(world, 'confirmed');
    expect((await world.as('inspectorA1').hazards.order({ id: now, correction: { mode: 'immediate' } })).hazard.correctionDue).toBe(start.toISOString());
  });

  it('are refused by role, out of scope, and for bad dates or no notice owed', async () => {
    const a = await hazardAt(world, 'confirmed');
    const b = await hazardAt(world, 'confirmed', 'B');
    await expectRefused(world.as('gridWorker').hazards.order({ id: a, correction: { mode: 'immediate' } }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').hazards.order({ id: b, correction: { mode: 'immediate' } }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').hazards.order({ id: a, correction: { mode: 'deadline', dueDate: '2026-02-27' } }), 'HAZARD.DEADLINE_IN_PAST', noChange(a));
    await expectNoChange(world, () => world.as('inspectorA1').hazards.order({ id: a, correction: { mode: 'deadline', dueDate: '2026-02-30' } }), 'HAZARD.INVALID_DATE', noChange(a));
    const served = await hazardAt(world, 'ordered');
    const bOrdered = await hazardAt(world, 'ordered', 'B');
    await expectRefused(world.as('gridWorker').hazards.serveNotice({ id: served, noticeRef: 'x' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').hazards.serveNotice({ id: bOrdered, noticeRef: 'x' }), 'HAZARD.OUT_OF_SCOPE', noChange(bOrdered));
    await expectNoChange(world, () => world.as('inspectorA1').hazards.serveNotice({ id: served, noticeRef: '重复送达' }), 'HAZARD.NOTICE_NOT_OWED', noChange(served));
  });
});

describe('hazards.reinspectPass and reinspectFail', () => {
  it('passes with a signed re-inspection, or fails with a new deadline', async () => {
    const a = await hazardAt(world, 'remediation_submitted');
    const pass = await world.as('inspectorA2').hazards.reinspectPass({ id: a, signatureRef: 'sig-zhao', note: '已整改' });
    expect(pass.hazard).toMatchObject({ status: 'verified', acceptedBy: { name: '赵监督' } });
    const b = await hazardAt(world, 'remediation_submitted');
    const fail = await world.as('police').hazards.reinspectFail({ id: b, signatureRef: 'sig-zheng', note: '仍在室内充电', newDueDate: '2026-03-20' });
    expect(fail.hazard).toMatchObject({ status: 'ordered', correctionDue: '2026-03-20T15:59:59.999Z', orderedBy: { name: '郑民警' } });
  });

  it('are refused by role, out of scope, and without signature or findings', async () => {
    const a = await hazardAt(world, 'remediation_submitted');
    const b = await hazardAt(world, 'remediation_submitted', 'B');
    await expectRefused(world.as('supervisorA').hazards.reinspectPass({ id: a, signatureRef: 's' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('supervisorA').hazards.reinspectFail({ id: a, signatureRef: 's', note: 'n', newDueDate: '2026-03-20' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA2').hazards.reinspectPass({ id: b, signatureRef: 's' }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA2').hazards.reinspectFail({ id: b, signatureRef: 's', note: 'n', newDueDate: '2026-03-20' }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA2').hazards.reinspectPass({ id: a, signatureRef: '  ' }), 'HAZARD.SIGNATURE_REQUIRED', noChange(a));
    await expectNoChange(world, () => world.as('inspectorA2').hazards.reinspectFail({ id: a, signatureRef: 's', note: ' ', newDueDate: '2026-03-20' }), 'HAZARD.FINDINGS_REQUIRED', noChange(a));
  });
});

describe('hazards.close', () => {
  it('closes a verified hazard (销号) by a supervisor', async () => {
    const id = await hazardAt(world, 'verified');
    const closed = await world.as('supervisorA').hazards.close({ id, note: '同意销号' });
    expect(closed.hazard).toMatchObject({ status: 'closed', closedBy: { name: '孙大队长' }, acceptedBy: { name: '赵监督' } });
    const page = await everyItem((p) => world.as('supervisorA').hazards.list({ status: ['closed'], ...p }));
    expect(page.find((h) => h.id === id)?.closedAt).toBe(start.toISOString());
  });

  it('is refused to the re-inspection signer, out of scope, and before verification', async () => {
    const a = await hazardAt(world, 'verified');
    const b = await hazardAt(world, 'verified', 'B');
    await expectRefused(world.as('inspectorA2').hazards.close({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED', 'FORBIDDEN');
    await expectNoChange(world, () => world.as('supervisorA').hazards.close({ id: b }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    const ordered = await hazardAt(world, 'ordered');
    await expectNoChange(world, () => world.as('supervisorA').hazards.close({ id: ordered }), 'HAZARD.INVALID_TRANSITION', noChange(ordered));
  });
});

describe('hazards.escalate', () => {
  it('escalates only once the correction deadline has passed (the kernel decides)', async () => {
    const id = await hazardAt(world, 'ordered', 'A', '2026-03-04');
    await expectNoChange(world, () => world.as('supervisorA').hazards.escalate({ id }), 'HAZARD.DEADLINE_NOT_PASSED', noChange(id));
    const escalated = await at('2026-03-05T02:00:00Z', () => world.as('supervisorA').hazards.escalate({ id, note: '逾期未改' }));
    expect(escalated.hazard).toMatchObject({ status: 'overdue', escalations: [{ name: '孙大队长' }] });
    // The unit may still remediate an overdue hazard.
    await submitRemediationAsUnit(world, 'A', id);
  });

  it('is refused by role and out of scope', async () => {
    const a = await hazardAt(world, 'ordered', 'A', '2026-03-04');
    const b = await hazardAt(world, 'ordered', 'B', '2026-03-04');
    await expectRefused(world.as('committee').hazards.escalate({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('police').hazards.close({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await at('2026-03-05T02:00:00Z', () => expectNoChange(world, () => world.as('supervisorA').hazards.escalate({ id: b }), 'HAZARD.OUT_OF_SCOPE', noChange(b)));
  });
});

describe('hazards.markMajor', () => {
  const decision = (ids: string[]) => ({ kind: 'collective' as const, participants: ids.map((userId) => ({ userId })), votesFor: ids.length });

  it('records a stored determination of this hazard on it', async () => {
    const id = await hazardAt(world, 'confirmed');
    const people = [world.users.supervisorA.id, world.users.inspectorA1.id, world.users.inspectorA2.id];
    const first = await world.as('supervisorA').major.determine({ hazardId: id, venueClasses: ['crowded'], elements: [{ code: '6.5', correctableImmediately: false }], decision: decision(people) });
    expect(first.hazard.hazard.major?.determinationId).toBe(first.determinationId);
    // A later determination finds it not major; the earlier record can be put back on the hazard.
    const second = await world.as('supervisorA').major.determine({ hazardId: id, venueClasses: ['crowded'], elements: [{ code: '7.3.6', correctableImmediately: false }], decision: decision(people) });
    expect(second.hazard.hazard.major).toBeNull();
    const marked = await world.as('supervisorA').hazards.markMajor({ id, determinationId: first.determinationId });
    expect(marked.hazard).toMatchObject({ major: { determinationId: first.determinationId, markedBy: { name: '孙大队长' } } });
    await expectNoChange(world, () => world.as('supervisorA').hazards.markMajor({ id, determinationId: first.determinationId }), 'HAZARD.ALREADY_MAJOR', noChange(id));
  });

  it('is refused by role, out of scope, and for a missing or foreign determination', async () => {
    const a = await hazardAt(world, 'confirmed');
    const other = await hazardAt(world, 'confirmed');
    const b = await hazardAt(world, 'confirmed', 'B');
    const people = [world.users.supervisorB.id, world.users.inspectorB1.id, world.users.supervisorCity.id];
    const onB = await world.as('supervisorB').major.determine({ hazardId: b, venueClasses: ['crowded'], elements: [{ code: '6.5', correctableImmediately: false }], decision: decision(people) });
    const onOther = await world.as('supervisorA').major.determine({ hazardId: other, venueClasses: ['crowded'], elements: [{ code: '6.5', correctableImmediately: false }], decision: decision(people) });
    await expectRefused(world.as('inspectorA1').hazards.markMajor({ id: a, determinationId: onOther.determinationId }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').hazards.markMajor({ id: b, determinationId: onB.determinationId }), 'HAZARD.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').hazards.markMajor({ id: a, determinationId: onOther.determinationId }), 'MAJOR.DETERMINATION_MISMATCH', noChange(a));
    await expectNoChange(world, () => world.as('supervisorA').hazards.markMajor({ id: a, determinationId: '00000000-0000-4000-8000-000000000005' }), 'DETERMINATION.NOT_FOUND', noChange(a));
  });
});
