import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { expectNoChange, submitRemediationAsUnit } from '../testing/staff-fixtures';

let world: World;
const at = (iso: string) => {
  world.now = new Date(iso);
};
beforeAll(async () => {
  world = await createWorld({ now: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => world.close());

/**
 * One hazard from a public report to 销号 through the API, each step by the
 * person accountable for it, and the ledger naming every one of them
 * (谁检查谁负责、谁验收谁负责、谁销号谁负责).
 */
describe('a reported hazard, end to end', () => {
  it('runs report → accept → verify → substantiate → confirm → order → remediation → re-inspection → close', async () => {
    // 群众 reports a blocked exit at the supermarket.
    const filed = await world.public().public.reports.submit({
      idempotencyKey: randomUUID(),
      riskCategory: 'evacuation_blocked',
      description: '超市二楼安全出口被货物堵死',
      location: { lat: 30.0, lng: 120.0, address: '甲区人民路1号' },
      venueId: world.venues.A,
    });
    const reportId = filed.reportId;
    expect(filed.urgent).toBe(true);

    at('2026-03-02T03:00:00Z');
    await world.as('inspectorA1').reports.accept({ id: reportId });
    await world.as('supervisorA').reports.assign({ id: reportId, assigneeUserId: world.users.inspectorA1.id });

    at('2026-03-02T06:00:00Z');
    const hazard = await world.as('inspectorA1').hazards.register({
      source: 'report',
      sourceRef: reportId,
      venueId: world.venues.A,
      riskCategory: 'evacuation_blocked',
      description: '二楼东侧安全出口被货物堵塞，无法开启',
    });
    const hazardId = hazard.id;
    await world.as('inspectorA1').reports.substantiate({ id: reportId, hazardIds: [hazardId] });
    await world.as('inspectorA1').hazards.confirm({ id: hazardId, note: '现场确认属实' });
    await world.as('inspectorA1').hazards.order({ id: hazardId, correction: { mode: 'deadline', dueDate: '2026-03-06' }, noticeRef: '甲消责改〔2026〕12号' });

    at('2026-03-04T01:00:00Z');
    await submitRemediationAsUnit(world, 'A', hazardId);

    at('2026-03-05T02:00:00Z');
    await world.as('inspectorA2').hazards.reinspectPass({ id: hazardId, signatureRef: 'sig-zhao-0305', note: '出口已清空，可正常开启' });

    // 谁验收谁负责、谁销号谁负责: the re-inspection signer may not also close it.
    await expectNoChange(world, () => world.as('inspectorA2').hazards.close({ id: hazardId }), 'ACCESS.ROLE_NOT_ALLOWED', { entity: 'hazard', id: hazardId });

    at('2026-03-05T08:00:00Z');
    const closed = await world.as('supervisorA').hazards.close({ id: hazardId, note: '复查合格，同意销号' });
    expect(closed.hazard.status).toBe('closed');
    await world.as('inspectorA1').reports.reply({ id: reportId, text: '您举报的安全出口堵塞问题经核查属实，已督促整改并复查合格。' });

    const view = await world.as('supervisorCity').hazards.get({ id: hazardId });
    expect(view.hazard).toMatchObject({
      status: 'closed',
      source: 'report',
      sourceRef: reportId,
      foundBy: { name: '王监督', role: 'inspector' },
      confirmedBy: { name: '王监督' },
      orderedBy: { name: '王监督' },
      acceptedBy: { name: '赵监督', role: 'inspector' },
      closedBy: { name: '孙大队长', role: 'fire_supervisor' },
    });
    const brigade = '甲区消防救援大队';
    expect(view.ledger.map((e) => [e.action, e.toStatus, e.actorName, e.actorRole, e.actorDepartmentName, e.at])).toEqual([
      ['create', 'found', '王监督', 'inspector', brigade, '2026-03-02T06:00:00.000Z'],
      ['confirm', 'confirmed', '王监督', 'inspector', brigade, '2026-03-02T06:00:00.000Z'],
      ['order', 'ordered', '王监督', 'inspector', brigade, '2026-03-02T06:00:00.000Z'],
      ['submit_remediation', 'remediation_submitted', '好又多超市', 'unit', null, '2026-03-04T01:00:00.000Z'],
      ['reinspect_pass', 'verified', '赵监督', 'inspector', brigade, '2026-03-05T02:00:00.000Z'],
      ['close', 'closed', '孙大队长', 'fire_supervisor', brigade, '2026-03-05T08:00:00.000Z'],
    ]);
    const people = new Set(view.ledger.map((e) => e.actorUserId));
    expect(people).toEqual(new Set([world.users.inspectorA1.id, world.users.unitA.id, world.users.inspectorA2.id, world.users.supervisorA.id]));

    const report = await world.as('inspectorA2').reports.get({ id: reportId });
    expect(report.report).toMatchObject({
      status: 'replied',
      hazardIds: [hazardId],
      acceptedBy: { name: '王监督' },
      assignedBy: { name: '孙大队长' },
      verifiedBy: { name: '王监督' },
      verifiedLate: false,
      repliedBy: { name: '王监督' },
    });

    // The reporter reads the outcome through the receipt, with the hazard closed.
    const tracked = await world.public().public.reports.track({ receipt: filed.receipt });
    expect(tracked.report.status).toBe('replied');
    expect(tracked.report.hazards.map((h) => h.status)).toEqual(['closed']);
  });
});
