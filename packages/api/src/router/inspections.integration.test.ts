import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { addStaff, expectNoChange, expectRefused, rawRows } from '../testing/staff-fixtures';
import { everyItem } from '../testing/every-item';

let world: World;
let inspectorB2: Awaited<ReturnType<typeof addStaff>>;
beforeAll(async () => {
  world = await createWorld({ now: new Date('2026-03-02T02:00:00Z') });
  inspectorB2 = await addStaff(world, { username: 'inspectorB2', name: '李监督', role: 'inspector', departmentId: world.d.brigadeB, jurisdictionId: world.j.districtB });
});
afterAll(async () => world.close());

type Stage = 'planned' | 'in_progress' | 'recorded' | 'signed' | 'refusal_recorded' | 'confirmed' | 'completed';
const noChange = (id: string) => ({ entity: 'inspection' as const, id });

const FINDINGS = [
  { checkItemId: 'market.aisles-clear', riskCategory: 'evacuation_blocked' as const, description: '主通道被货架占用' },
  { riskCategory: 'ebike_indoor' as const, description: '仓库内电动车充电', photoRefs: ['p1.jpg'] },
];

/**
 * An inspection at venue A (team 王监督 + 赵监督, planned by 孙大队长) or B (team
 * 钱监督 + 李监督, planned by 周大队长), moved to `stage`.
 */
async function inspectionAt(stage: Stage, venue: 'A' | 'B' = 'A'): Promise<string> {
  const lead = world.as(venue === 'A' ? 'inspectorA1' : 'inspectorB1');
  const second = venue === 'A' ? world.as('inspectorA2') : inspectorB2.caller;
  const planner = world.as(venue === 'A' ? 'supervisorA' : 'supervisorB');
  const team = venue === 'A' ? [world.users.inspectorA1.id, world.users.inspectorA2.id] : [world.users.inspectorB1.id, inspectorB2.id];
  const { id } = await planner.inspections.plan({ venueId: world.venues[venue], source: 'campaign', plannedFor: '2026-03-03', team });
  if (stage === 'planned') return id;
  await lead.inspections.start({ id, presentInspectorIds: team });
  if (stage === 'in_progress') return id;
  await lead.inspections.record({ id, findings: FINDINGS, signatureRef: 'sig-lead' });
  if (stage === 'recorded') return id;
  await second.inspections.sign({ id, signatureRef: 'sig-second' });
  if (stage === 'signed') return id;
  if (stage === 'refusal_recorded') {
    await lead.inspections.recordRefusal({ id, reason: '负责人拒绝签字', witness: { name: '刘见证', signatureRef: 'sig-liu' } });
    return id;
  }
  await world.as(venue === 'A' ? 'unitA' : 'unitB').unit.inspections.confirm({ inspectionId: id, signerName: '张责任', capacity: 'responsible_person', signatureRef: 'sig-zhang' });
  if (stage === 'confirmed') return id;
  await lead.inspections.complete({ id });
  return id;
}

describe('inspections.plan', () => {
  it('plans with the venue’s checklist and a team of two, and records who is on it', async () => {
    const r = await world.as('supervisorA').inspections.plan({
      venueId: world.venues.A,
      source: 'double_random',
      plannedFor: '2026-03-03',
      team: [world.users.inspectorA1.id, world.users.inspectorA2.id],
    });
    expect(r.inspection).toMatchObject({ status: 'planned', source: 'double_random', plannedBy: { name: '孙大队长' } });
    expect(r.inspection.checkItemIds).toContain('market.aisles-clear');
    expect(r.checklist.standards.map((s) => s.category)).toEqual(['market']);
    const team = await rawRows<{ role: string }>(world, `select role from inspection_inspectors where inspection_id = '${r.id}' order by role`);
    expect(team.map((t) => t.role)).toEqual(['lead', 'member']);
    const row = await rawRows<{ source: string }>(world, `select source from inspections where id = '${r.id}'`);
    expect(row[0]?.source).toBe('random_sampling');
  });

  it('plans a joint inspection with a police officer on the team', async () => {
    const r = await world.as('police').inspections.plan({ venueId: world.venues.A, source: 'joint', plannedFor: '2026-03-04', team: [world.users.police.id, world.users.inspectorA1.id] });
    expect(r.inspection.team.map((p) => p.role)).toEqual(['police_officer', 'inspector']);
  });

  it('is refused by role, out of scope, and for a team the law does not allow (changing nothing)', async () => {
    const team = [world.users.inspectorA1.id, world.users.inspectorA2.id];
    await expectRefused(world.as('inspectorA1').inspections.plan({ venueId: world.venues.A, source: 'campaign', plannedFor: '2026-03-03', team }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.B, source: 'campaign', plannedFor: '2026-03-03', team }), 'INSPECTION.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.A, source: 'campaign', plannedFor: '2026-03-03', team: [world.users.inspectorA1.id] }), 'INSPECTION.TOO_FEW_INSPECTORS');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.A, source: 'joint', plannedFor: '2026-03-03', team: [world.users.inspectorA1.id, world.users.industry.id] }), 'INSPECTION.INVALID_TEAM_MEMBER');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.A, source: 'campaign', plannedFor: '2026-13-01', team }), 'INSPECTION.INVALID_DATE');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.A, source: 'campaign', plannedFor: '2026-03-03', team: [...team, '00000000-0000-4000-8000-000000000006'] }), 'USER.NOT_FOUND');
    await expectNoChange(world, () => world.as('supervisorA').inspections.plan({ venueId: world.venues.A, source: 'expert_check', plannedFor: '2026-03-03', team }), 'INSPECTION.EXPERT_REQUIRED');
  });
});

describe('inspections.start', () => {
  it('starts with the inspectors on site', async () => {
    const id = await inspectionAt('in_progress');
    const view = await world.as('inspectorA2').inspections.get({ id });
    expect(view.inspection).toMatchObject({ status: 'in_progress', startedBy: { name: '王监督' } });
    expect(view.inspection.presentInspectorIds).toHaveLength(2);
  });

  it('is refused by role, out of scope, and with too few on site or by someone off the team', async () => {
    const a = await inspectionAt('planned');
    const b = await inspectionAt('planned', 'B');
    const both = [world.users.inspectorA1.id, world.users.inspectorA2.id];
    await expectRefused(world.as('supervisorA').inspections.start({ id: a, presentInspectorIds: both }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').inspections.start({ id: b, presentInspectorIds: [world.users.inspectorB1.id, inspectorB2.id] }), 'INSPECTION.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.start({ id: a, presentInspectorIds: [world.users.inspectorA1.id] }), 'INSPECTION.TOO_FEW_INSPECTORS', noChange(a));
    await expectNoChange(world, () => world.as('police').inspections.start({ id: a, presentInspectorIds: both }), 'INSPECTION.NOT_ON_TEAM', noChange(a));
  });
});

describe('inspections.record and sign', () => {
  it('records findings signed by the recorder, then the second inspector signs the same record hash', async () => {
    const id = await inspectionAt('signed');
    const view = await world.as('inspectorA1').inspections.get({ id });
    expect(view.inspection.findings.map((f) => f.description)).toEqual(['主通道被货架占用', '仓库内电动车充电']);
    expect(view.inspection.signatures.map((s) => s.name)).toEqual(['王监督', '赵监督']);
    expect(view.signatures.map((s) => s.signerName)).toEqual(['王监督', '赵监督']);
    expect(new Set(view.signatures.map((s) => s.documentHash))).toEqual(new Set([view.recordHash]));
  });

  it('are refused by role, out of scope, and for bad findings or a second signature', async () => {
    const a = await inspectionAt('in_progress');
    const b = await inspectionAt('in_progress', 'B');
    await expectRefused(world.as('supervisorA').inspections.record({ id: a, findings: FINDINGS, signatureRef: 's' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').inspections.record({ id: b, findings: FINDINGS, signatureRef: 's' }), 'INSPECTION.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.record({ id: a, findings: [{ riskCategory: 'ebike_indoor', description: ' ' }], signatureRef: 's' }), 'INSPECTION.INVALID_FINDING', noChange(a));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.record({ id: a, findings: FINDINGS, signatureRef: '' }), 'INSPECTION.SIGNATURE_REQUIRED', noChange(a));

    const recorded = await inspectionAt('recorded');
    const bRecorded = await inspectionAt('recorded', 'B');
    await expectRefused(world.as('supervisorA').inspections.sign({ id: recorded, signatureRef: 's' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').inspections.sign({ id: bRecorded, signatureRef: 's' }), 'INSPECTION.OUT_OF_SCOPE', noChange(bRecorded));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.sign({ id: recorded, signatureRef: 'again' }), 'INSPECTION.ALREADY_SIGNED', noChange(recorded));
  });
});

describe('inspections.recordRefusal', () => {
  it('records the unit’s refusal before an outside witness', async () => {
    const id = await inspectionAt('refusal_recorded');
    const view = await world.as('inspectorA1').inspections.get({ id });
    expect(view.inspection).toMatchObject({ status: 'refusal_recorded', refusal: { witness: { name: '刘见证' }, recordedBy: { name: '王监督' } } });
  });

  it('is refused by role, out of scope, before all signatures, and with a team member as witness', async () => {
    const recorded = await inspectionAt('recorded');
    const signed = await inspectionAt('signed');
    const b = await inspectionAt('recorded', 'B');
    const witness = { name: '刘见证' };
    await expectRefused(world.as('supervisorA').inspections.recordRefusal({ id: signed, reason: '拒签', witness }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').inspections.recordRefusal({ id: b, reason: '拒签', witness }), 'INSPECTION.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.recordRefusal({ id: recorded, reason: '拒签', witness }), 'INSPECTION.SIGNATURES_INCOMPLETE', noChange(recorded));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.recordRefusal({ id: signed, reason: '拒签', witness: { name: '赵监督' } }), 'INSPECTION.WITNESS_NOT_INDEPENDENT', noChange(signed));
  });
});

describe('inspections.complete', () => {
  it('turns every finding into a hazard on the ledger in the same step', async () => {
    const id = await inspectionAt('confirmed');
    const r = await world.as('inspectorA2').inspections.complete({ id });
    expect(r.inspection).toMatchObject({ status: 'completed', completedBy: { name: '赵监督' } });
    expect(r.hazardIds).toHaveLength(2);
    const rows = await rawRows<{ id: string; source: string; inspection_id: string; status: string }>(world, `select id, source, inspection_id, status from hazards where inspection_id = '${id}' order by risk_category`);
    expect(rows.map((h) => [h.source, h.status])).toEqual([
      ['inspection', 'found'],
      ['inspection', 'found'],
    ]);
    const hazard = await world.as('inspectorA1').hazards.get({ id: r.hazardIds[0]! });
    expect(hazard.hazard).toMatchObject({ source: 'inspection', sourceRef: id, venueId: world.venues.A });
    expect(hazard.ledger[0]).toMatchObject({ action: 'create', actorName: '赵监督' });
    const finished = await rawRows<{ finished_at: unknown }>(world, `select finished_at from inspections where id = '${id}'`);
    expect(finished[0]?.finished_at).not.toBeNull();
  });

  it('is refused by role, out of scope, and before confirmation (no hazards created)', async () => {
    const confirmed = await inspectionAt('confirmed');
    const recorded = await inspectionAt('signed');
    const b = await inspectionAt('confirmed', 'B');
    await expectRefused(world.as('supervisorA').inspections.complete({ id: confirmed }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').inspections.complete({ id: b }), 'INSPECTION.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA1').inspections.complete({ id: recorded }), 'INSPECTION.INVALID_TRANSITION', noChange(recorded));
  });
});

describe('inspections.list and get', () => {
  it('lists the caller’s subtree and their own inspections', async () => {
    const a = await inspectionAt('planned');
    const b = await inspectionAt('planned', 'B');
    const page = await everyItem((p) => world.as('inspectorA2').inspections.list({ status: ['planned'], ...p }));
    expect(page.map((i) => i.id)).toContain(a);
    expect(page.map((i) => i.id)).not.toContain(b);
    const mine = await everyItem((p) => world.as('inspectorB1').inspections.list({ mine: true, ...p }));
    expect(mine.map((i) => i.id)).toContain(b);
    expect(mine.every((i) => i.venueName === '乙区快捷宾馆')).toBe(true);
  });

  it('are refused by role and out of scope', async () => {
    const b = await inspectionAt('planned', 'B');
    await expectRefused(world.as('gridWorker').inspections.list({}), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').inspections.get({ id: b }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').inspections.get({ id: b }), 'ACCESS.OUT_OF_SCOPE', 'FORBIDDEN');
  });
});

// Last in the file: once published, the revised market standard governs every later plan.
describe('inspections.plan after a standard is published', () => {
  it('plans with the standard an admin published, not the built-in default', async () => {
    const admin = world.as('admin');
    const versions = await admin.admin.standards.list({ category: 'market' });
    const latest = versions.reduce((n, v) => Math.max(n, v.version), 0);
    const patrol = {
      id: 'market.night-patrol-log',
      text: { zh: '夜间防火巡查记录完整', en: 'Night fire patrol log kept' },
      riskCategory: 'evacuation_blocked',
      severity: 'general',
      basis: [{ law: '机关、团体、企业、事业单位消防安全管理规定', article: '第二十六条' }],
      deadline: { kind: 'working_days', n: 3 },
    } as const;
    const draft = await admin.admin.standards.createDraft({
      category: 'market',
      title: { zh: '商场市场火灾隐患整治标准（修订）', en: 'Remediation standard for markets (revised)' },
      effectiveFrom: '2026-03-10T00:00:00+08:00',
      items: [patrol],
      basedOnVersion: latest === 0 ? null : latest,
    });
    await admin.admin.standards.publish({ category: 'market', version: draft.version });
    const start = world.now;
    world.now = new Date('2026-03-11T02:00:00Z');
    try {
      const r = await world.as('supervisorA').inspections.plan({
        venueId: world.venues.A,
        source: 'campaign',
        plannedFor: '2026-03-12',
        team: [world.users.inspectorA1.id, world.users.inspectorA2.id],
      });
      expect(r.checklist.standards).toEqual([{ category: 'market', version: draft.version }]);
      expect(r.inspection.checkItemIds).toEqual(['market.night-patrol-log']);
    } finally {
      world.now = start;
    }
  });
});

describe('the console’s inspection procedures', () => {
  it('offer the planner the inspectors and venues of their own subtree only', async () => {
    const staffA = await world.as('supervisorA').inspections.staff({});
    expect(staffA.map((p) => p.id)).toEqual(expect.arrayContaining([world.users.inspectorA1.id, world.users.inspectorA2.id]));
    expect(staffA.map((p) => p.id)).not.toContain(world.users.inspectorB1.id);
    expect(new Set(staffA.map((p) => p.role))).not.toContain('expert');
    const venues = await world.as('supervisorA').inspections.venues({ query: '超市' });
    expect(venues.map((v) => v.id)).toContain(world.venues.A);
    expect(venues.map((v) => v.id)).not.toContain(world.venues.B);
    await expectRefused(world.as('inspectorA1').inspections.staff({}), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('discipline').inspections.venues({ query: '超市' }), 'ACCESS.ROLE_NOT_ALLOWED');
  });

  it('keep the checklist item by item, take the unit’s signature on the tablet, and name the resulting hazards', async () => {
    const id = await inspectionAt('in_progress');
    const view = await world.as('inspectorA1').inspections.get({ id });
    expect(view.checklist.map((i) => i.id)).toEqual(view.inspection.checkItemIds);
    // The standard in force may be one an earlier test published: fail an item that cites a basis.
    const failed = view.checklist.find((i) => i.basis.length > 0)!;
    expect(failed.text.zh).not.toBe('');
    const finding = { checkItemId: failed.id, riskCategory: failed.riskCategory, description: '现场发现的问题' };
    const itemResults = view.checklist.map((i) => ({ checkItemId: i.id, result: i.id === failed.id ? ('fail' as const) : ('pass' as const) }));
    await expectRefused(
      world.as('inspectorA1').inspections.record({ id, findings: [FINDINGS[1]!], itemResults, signatureRef: 'sig-lead' }),
      'INSPECTION.FINDINGS_MISMATCH',
    );
    await world.as('inspectorA1').inspections.record({ id, findings: [finding], itemResults, signatureRef: 'sig-lead' });
    await expectRefused(world.as('inspectorA1').inspections.confirm({ id, signerName: '张责任', capacity: 'responsible_person', signatureRef: 'sig-zhang' }), 'INSPECTION.SIGNATURES_INCOMPLETE');
    await world.as('inspectorA2').inspections.sign({ id, signatureRef: 'sig-second' });
    await expectRefused(world.as('discipline').inspections.confirm({ id, signerName: '张责任', capacity: 'responsible_person', signatureRef: 'x' }), 'ACCESS.ROLE_NOT_ALLOWED');
    const confirmed = await world.as('inspectorA1').inspections.confirm({ id, signerName: '张责任', capacity: 'responsible_person', signatureRef: 'sig-zhang' });
    expect(confirmed.inspection).toMatchObject({ status: 'confirmed', unitConfirmation: { signerName: '张责任', recordedBy: { userId: world.users.inspectorA1.id } } });
    const done = await world.as('inspectorA1').inspections.complete({ id });
    const after = await world.as('discipline').inspections.get({ id });
    expect(after.inspection.itemResults?.filter((r) => r.result === 'fail').map((r) => r.checkItemId)).toEqual([failed.id]);
    expect(after.hazards.map((h) => h.id)).toEqual(done.hazardIds);
    expect(after.parties.venue?.name).toBe('甲区好又多超市');
    const notice = await world.as('discipline').hazards.document({ id: done.hazardIds[0]! });
    expect(notice.checkItem?.id).toBe(failed.id);
    expect(notice.checkItem?.basis).toEqual(failed.basis);
    await expectRefused(world.as('inspectorB1').hazards.document({ id: done.hazardIds[0]! }), 'ACCESS.OUT_OF_SCOPE');
  });

  it('filter the list by source', async () => {
    const id = await inspectionAt('planned');
    const campaign = await everyItem((p) => world.as('supervisorA').inspections.list({ source: ['campaign'], ...p }));
    expect(campaign.map((i) => i.id)).toContain(id);
    const random = await everyItem((p) => world.as('supervisorA').inspections.list({ source: ['double_random'], ...p }));
    expect(random.map((i) => i.id)).not.toContain(id);
    expect(new Set(random.map((i) => i.source))).toEqual(new Set(random.length ? ['random_sampling'] : []));
  });
});
