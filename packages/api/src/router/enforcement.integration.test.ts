import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World, type WorldUserKey } from '../testing/world';
import { expectNoChange, expectRefused, rawRows } from '../testing/staff-fixtures';
import { everyItem } from '../testing/every-item';

let world: World;
beforeAll(async () => {
  world = await createWorld({ now: new Date('2026-03-02T02:00:00Z') });
});
afterAll(async () => world.close());

const noChange = (id: string) => ({ entity: 'enforcement' as const, id });
type Side = 'A' | 'B';
const people = (side: Side) =>
  side === 'A'
    ? { proposer: 'inspectorA1' as WorldUserKey, decider: 'supervisorA' as WorldUserKey }
    : { proposer: 'inspectorB1' as WorldUserKey, decider: 'supervisorB' as WorldUserKey };

function fine(side: Side, amountYuan = 10_000) {
  return {
    kind: 'fine' as const,
    target: 'unit' as const,
    subjectName: side === 'A' ? '甲区好又多超市' : '乙区快捷宾馆',
    venueId: world.venues[side],
    facts: '占用、堵塞疏散通道，经责令改正逾期未改',
    basis: { article: 60, paragraph: 1 },
    amountYuan,
  };
}

function detention(recipientDepartmentId: string) {
  return {
    kind: 'detention_referral' as const,
    target: 'individual' as const,
    subjectName: '张某',
    venueId: world.venues.A,
    facts: '擅自拆封、使用被查封场所',
    basis: { article: 64 },
    recipientDepartmentId,
  };
}

const stopBusiness = (side: Side) => ({
  kind: 'stop_business' as const,
  target: 'unit' as const,
  subjectName: '场所经营者',
  venueId: world.venues[side],
  facts: '公众聚集场所未经许可擅自投入使用',
  basis: { article: 58, paragraph: 1 },
});

const collective = (ids: string[]) => ({ kind: 'collective' as const, participants: ids.map((userId) => ({ userId })), votesFor: ids.length });

type Stage = 'proposed' | 'decided' | 'served' | 'executed';

/** A fine on venue A or B moved to `stage` by that side's inspector and supervisor. */
async function fineAt(stage: Stage, side: Side = 'A'): Promise<string> {
  const { proposer, decider } = people(side);
  const { id } = await world.as(proposer).enforcement.propose(fine(side));
  if (stage === 'proposed') return id;
  await world.as(decider).enforcement.decide({ id, decisionRef: `罚决字〔2026〕${id.slice(0, 4)}号` });
  if (stage === 'decided') return id;
  await world.as(proposer).enforcement.serve({ id, receiptRef: 'receipt.pdf' });
  if (stage === 'served') return id;
  await world.as(proposer).enforcement.execute({ id, outcome: '罚款已缴纳', evidenceRefs: ['bank-receipt.pdf'] });
  return id;
}

describe('enforcement.propose', () => {
  it('proposes a fine within the statutory range, citing the article', async () => {
    const r = await world.as('inspectorA1').enforcement.propose(fine('A'));
    expect(r.action).toMatchObject({ status: 'proposed', kind: 'fine', amountYuan: 10_000, proposedBy: { name: '王监督' }, collectiveRequired: null });
    expect(r.action.citation).toContain('60');
    const row = await rawRows<{ amount_fen: number | string; kind: string; department_id: string }>(world, `select amount_fen, kind, department_id from enforcement_actions where id = '${r.id}'`);
    expect(Number(row[0]?.amount_fen)).toBe(1_000_000);
    expect(row[0]).toMatchObject({ kind: 'fine', department_id: world.d.brigadeA });
  });

  it('is refused by role, out of scope, and for what the statute does not allow (changing nothing)', async () => {
    await expectRefused(world.as('supervisorA').enforcement.propose(fine('A')), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose(fine('B')), 'ENFORCEMENT.OUT_OF_SCOPE');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose(fine('A', 100)), 'ENFORCEMENT.FINE_OUT_OF_RANGE');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose({ ...fine('A'), basis: undefined }), 'ENFORCEMENT.LEGAL_BASIS_REQUIRED');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose({ ...detention(world.d.policeA), target: 'unit' }), 'ENFORCEMENT.DETENTION_INDIVIDUAL_ONLY');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose({ ...detention(world.d.policeA), basis: { article: 60 } }), 'ENFORCEMENT.NOT_A_DETENTION_MATTER');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.propose({ ...detention('00000000-0000-4000-8000-000000000007') }), 'DEPARTMENT.NOT_FOUND');
  });
});

describe('enforcement.referToCollective and decide', () => {
  it('sends a stop-business order to collective discussion and decides it with a quorum', async () => {
    const { id } = await world.as('inspectorA1').enforcement.propose(stopBusiness('A'));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id, decisionRef: '决定1' }), 'ENFORCEMENT.COLLECTIVE_REVIEW_REQUIRED', noChange(id));
    const referred = await world.as('supervisorA').enforcement.referToCollective({ id });
    expect(referred.action).toMatchObject({ status: 'collective_review', referredToCollectiveBy: { name: '孙大队长' } });
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id, decisionRef: '决定1' }), 'ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED', noChange(id));
    await expectNoChange(
      world,
      () => world.as('supervisorA').enforcement.decide({ id, decisionRef: '决定1', collectiveDecision: collective([world.users.supervisorA.id, world.users.supervisorCity.id]) }),
      'DECISION.TOO_FEW_PARTICIPANTS',
      noChange(id),
    );
    const decided = await world.as('supervisorA').enforcement.decide({
      id,
      decisionRef: '停决字〔2026〕1号',
      collectiveDecision: collective([world.users.supervisorA.id, world.users.supervisorCity.id, world.users.inspectorA2.id]),
    });
    expect(decided.action).toMatchObject({ status: 'decided', decisionRef: '停决字〔2026〕1号', collective: { check: { participants: 3 } } });
    expect(decided.referralId).toBeNull();
  });

  it('decides a fine and records the decision time', async () => {
    const id = await fineAt('decided');
    const row = await rawRows<{ decided_at: unknown; status: string }>(world, `select decided_at, status from enforcement_actions where id = '${id}'`);
    expect(row[0]?.status).toBe('decided');
    expect(row[0]?.decided_at).not.toBeNull();
  });

  it('opens the police referral for a detention in the same transaction as the decision', async () => {
    const { id } = await world.as('inspectorA1').enforcement.propose(detention(world.d.policeA));
    const decided = await world.as('supervisorA').enforcement.decide({ id, decisionRef: '移送字〔2026〕3号' });
    expect(decided.referralId).not.toBeNull();
    const incoming = await everyItem((page) => world.as('police').referrals.list({ direction: 'incoming', ...page }));
    const referral = incoming.find((r) => r.id === decided.referralId);
    expect(referral).toMatchObject({ kind: 'detention', enforcementId: id, fromDepartmentId: world.d.brigadeA, toDepartmentId: world.d.policeA, status: 'sent' });
    const view = await world.as('supervisorA').enforcement.get({ id });
    expect(view.referral?.id).toBe(decided.referralId);
  });

  it('rolls the decision back when its referral cannot be opened', async () => {
    // Addressed to the deciding brigade itself: the kernel refuses the referral, so the decision must not stand either.
    const { id } = await world.as('inspectorA1').enforcement.propose(detention(world.d.brigadeA));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id, decisionRef: '移送字〔2026〕4号' }), 'REFERRAL.SAME_DEPARTMENT', noChange(id));
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const a = await fineAt('proposed');
    const b = await fineAt('proposed', 'B');
    await expectRefused(world.as('inspectorA1').enforcement.referToCollective({ id: a }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA2').enforcement.decide({ id: a, decisionRef: 'x' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('supervisorA').enforcement.referToCollective({ id: b }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id: b, decisionRef: 'x' }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id: a, decisionRef: ' ' }), 'ENFORCEMENT.DECISION_REF_REQUIRED', noChange(a));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.decide({ id: a, decisionRef: 'x', amountYuan: 60_000 }), 'ENFORCEMENT.FINE_OUT_OF_RANGE', noChange(a));
    await world.as('supervisorA').enforcement.referToCollective({ id: a });
    await expectNoChange(world, () => world.as('supervisorA').enforcement.referToCollective({ id: a }), 'ENFORCEMENT.INVALID_TRANSITION', noChange(a));
  });
});

describe('enforcement.serve, execute and close', () => {
  it('serves, executes and closes a fine', async () => {
    const id = await fineAt('executed');
    const closed = await world.as('supervisorA').enforcement.close({ id, note: '结案' });
    expect(closed.action).toMatchObject({ status: 'closed', servedBy: { name: '王监督' }, executedBy: { name: '王监督' }, closedBy: { name: '孙大队长' }, outcome: '罚款已缴纳' });
  });

  it('lets only the receiving police station execute a detention', async () => {
    const { id } = await world.as('inspectorA1').enforcement.propose(detention(world.d.policeA));
    await world.as('supervisorA').enforcement.decide({ id, decisionRef: '移送字〔2026〕5号' });
    await world.as('inspectorA1').enforcement.serve({ id, receiptRef: 'receipt.pdf' });
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.execute({ id, outcome: '已拘留' }), 'ENFORCEMENT.NOT_EXECUTOR', noChange(id));
    const executed = await world.as('police').enforcement.execute({ id, outcome: '行政拘留十日，已执行' });
    expect(executed.action).toMatchObject({ status: 'executed', executedBy: { name: '郑民警', role: 'police_officer' } });
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const decided = await fineAt('decided');
    const served = await fineAt('served');
    const executed = await fineAt('executed');
    const bDecided = await fineAt('decided', 'B');
    const bServed = await fineAt('served', 'B');
    const bExecuted = await fineAt('executed', 'B');
    await expectRefused(world.as('supervisorA').enforcement.serve({ id: decided, receiptRef: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('supervisorA').enforcement.execute({ id: served, outcome: 'o' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').enforcement.close({ id: executed }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.serve({ id: bDecided, receiptRef: 'r' }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(bDecided));
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.execute({ id: bServed, outcome: 'o' }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(bServed));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.close({ id: bExecuted }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(bExecuted));
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.serve({ id: decided, receiptRef: '' }), 'ENFORCEMENT.RECEIPT_REQUIRED', noChange(decided));
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.execute({ id: served, outcome: ' ' }), 'ENFORCEMENT.OUTCOME_REQUIRED', noChange(served));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.close({ id: served }), 'ENFORCEMENT.INVALID_TRANSITION', noChange(served));
  });
});

describe('enforcement.withdraw and reject', () => {
  it('withdraws by the proposer, rejects by the decider', async () => {
    const a = await fineAt('proposed');
    expect((await world.as('inspectorA1').enforcement.withdraw({ id: a, reason: '当事人已整改' })).action).toMatchObject({ status: 'withdrawn', withdrawnBy: { name: '王监督' } });
    const b = await fineAt('proposed');
    expect((await world.as('supervisorA').enforcement.reject({ id: b, reason: '事实不清' })).action).toMatchObject({ status: 'rejected', rejection: { reason: '事实不清', by: { name: '孙大队长' } } });
  });

  it('are refused by role, out of scope, and for bad input', async () => {
    const a = await fineAt('proposed');
    const b = await fineAt('proposed', 'B');
    await expectRefused(world.as('supervisorA').enforcement.withdraw({ id: a, reason: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('inspectorA1').enforcement.reject({ id: a, reason: 'r' }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.withdraw({ id: b, reason: 'r' }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.reject({ id: b, reason: 'r' }), 'ENFORCEMENT.OUT_OF_SCOPE', noChange(b));
    await expectNoChange(world, () => world.as('inspectorA2').enforcement.withdraw({ id: a, reason: 'r' }), 'ENFORCEMENT.NOT_PROPOSER', noChange(a));
    await expectNoChange(world, () => world.as('inspectorA1').enforcement.withdraw({ id: a, reason: ' ' }), 'ENFORCEMENT.REASON_REQUIRED', noChange(a));
    await expectNoChange(world, () => world.as('supervisorA').enforcement.reject({ id: a, reason: '' }), 'ENFORCEMENT.REASON_REQUIRED', noChange(a));
  });
});

describe('enforcement.list and get', () => {
  it('lists the caller’s subtree for oversight roles', async () => {
    const a = await fineAt('proposed');
    const b = await fineAt('proposed', 'B');
    // Earlier tests in this file file more fines than one page holds, and rows made within one
    // clock tick are ordered by random id: read every page instead of assuming the first.
    const mine = await everyItem((page) => world.as('supervisorA').enforcement.list({ kind: ['fine'], ...page }));
    expect(mine.map((i) => i.id)).toContain(a);
    expect(mine.map((i) => i.id)).not.toContain(b);
    expect(mine.find((i) => i.id === a)).toMatchObject({ kind: 'fine', venueName: '甲区好又多超市', amountFen: 1_000_000 });
    const audit = await everyItem((page) => world.as('discipline').enforcement.list(page));
    expect(audit.map((i) => i.id)).toEqual(expect.arrayContaining([a, b]));
  });

  it('are refused by role and out of scope', async () => {
    const b = await fineAt('proposed', 'B');
    await expectRefused(world.as('gridWorker').enforcement.list({}), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('gridWorker').enforcement.get({ id: b }), 'ACCESS.ROLE_NOT_ALLOWED');
    await expectRefused(world.as('supervisorA').enforcement.get({ id: b }), 'ACCESS.OUT_OF_SCOPE', 'FORBIDDEN');
  });
});
