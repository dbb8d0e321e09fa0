import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import type { CollectiveDecision } from '../gb35181/validate-collective-decision';
import {
  createEnforcementAction,
  enforcementActionLifecycle,
  ENFORCEMENT_STATUSES,
  referralInputFromAction,
  transitionEnforcementAction,
  type CreateEnforcementActionInput,
  type EnforcementActionState,
  type EnforcementCommand,
} from './enforcement-action';
import { reachable } from './machine';
import { createReferral } from './referral';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, T0 } from './test-support';

const inspector = actor('inspector');
const inspector2 = actor('inspector', { userId: 'inspector-2', name: '王二' });
const supervisor = actor('fire_supervisor');
const police = actor('police_officer'); // dept-police-a
const committee = actor('committee_officer');

const fine: CreateEnforcementActionInput = {
  jurisdictionId: JURISDICTIONS.gridA1,
  kind: 'fine',
  target: 'unit',
  subjectName: '某商贸有限公司',
  venueId: 'venue-1',
  hazardIds: ['hz-1'],
  facts: '占用、堵塞疏散通道',
  basis: { article: 60, paragraph: 1 },
  amountYuan: 10_000,
};

const detention: CreateEnforcementActionInput = {
  ...fine,
  kind: 'detention_referral',
  target: 'individual',
  subjectName: '张某',
  facts: '擅自拆封被查封场所',
  basis: { article: 64 },
  amountYuan: undefined,
  recipientDepartmentId: 'dept-police-a',
};

const threeLeaders: CollectiveDecision = {
  kind: 'collective',
  participants: [{ userId: 'fire_supervisor-1' }, { userId: 'lead-2' }, { userId: 'lead-3' }],
  votesFor: 3,
};

const at = (who: Actor, hours = 0) => ctxFor(who, { now: hoursLater(T0, hours), newId: () => 'enf-1' });
const propose = (input: CreateEnforcementActionInput = fine, who: Actor = inspector, hours = 0) => createEnforcementAction(input, at(who, hours));
const proposed = (input: CreateEnforcementActionInput = fine) => expectOk(propose(input)).next;

function run(state: EnforcementActionState, command: EnforcementCommand, who: Actor, hours = 0): EnforcementActionState {
  const r = expectOk(transitionEnforcementAction(state, command, at(who, hours)));
  expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
  expect(r.next.version).toBe(state.version + 1);
  return r.next;
}
const decided = (input: CreateEnforcementActionInput = fine) => run(proposed(input), { type: 'decide', decisionRef: '穗消罚决字〔2025〕1号' }, supervisor, 2);
const served = (input: CreateEnforcementActionInput = fine) => run(decided(input), { type: 'serve', receiptRef: 'rcpt-1' }, inspector, 4);

describe('enforcement lifecycle table', () => {
  it('reaches every status from proposed', () => {
    expect([...reachable(enforcementActionLifecycle)].sort()).toEqual([...ENFORCEMENT_STATUSES].sort());
  });
});

describe('createEnforcementAction', () => {
  it('proposes a fine checked against the statutory range', () => {
    const { next, effects } = expectOk(propose());
    expect(next).toMatchObject({
      id: 'enf-1',
      status: 'proposed',
      amountYuan: 10_000,
      citation: '消防法 第60条第1款',
      collectiveRequired: null,
      finalAuthority: 'fire_agency',
      proposedBy: { userId: inspector.userId },
      version: 1,
    });
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'role', role: 'fire_supervisor', jurisdictionId: JURISDICTIONS.gridA1 });
  });

  it('passes the statutory checks’ refusals through', () => {
    expect(errorOf(propose({ ...fine, amountYuan: 60_000 })).code).toBe('ENFORCEMENT.FINE_OUT_OF_RANGE');
    expect(errorOf(propose({ ...fine, basis: { article: 64 } })).code).toBe('ENFORCEMENT.POLICE_MATTER');
    expect(errorOf(propose({ ...fine, facts: ' ' })).code).toBe('ENFORCEMENT.FACTS_REQUIRED');
    expect(errorOf(propose(fine, police)).code).toBe('ENFORCEMENT.ROLE_CANNOT_PROPOSE');
    expect(errorOf(propose({ ...detention, target: 'unit' })).code).toBe('ENFORCEMENT.DETENTION_INDIVIDUAL_ONLY');
    expect(errorOf(propose({ ...detention, recipientDepartmentId: undefined })).code).toBe('ENFORCEMENT.RECIPIENT_REQUIRED');
  });

  it('refuses roles, places and subjects before the statutory checks', () => {
    expect(errorOf(propose(fine, actor('unit'))).code).toBe('ENFORCEMENT.ROLE_NOT_ALLOWED');
    expect(errorOf(propose({ ...fine, jurisdictionId: JURISDICTIONS.districtB })).code).toBe('ENFORCEMENT.OUT_OF_SCOPE');
    expect(errorOf(propose({ ...fine, subjectName: '' })).code).toBe('ENFORCEMENT.SUBJECT_REQUIRED');
  });

  it('records the police referral plan for detention instead of a fire-agency penalty', () => {
    const p = proposed(detention);
    expect(p).toMatchObject({ finalAuthority: 'police_station', referralPlan: { recipient: 'police_station', decidedBy: 'police_station', article: 64 } });
  });

  it('requires grounds on record for blacklist entry and exit', () => {
    const entry = { ...fine, kind: 'blacklist_entry' as const, basis: undefined, amountYuan: undefined };
    expect(errorOf(propose(entry)).code).toBe('ENFORCEMENT.BLACKLIST_GROUNDS_REQUIRED');
    expect(errorOf(propose({ ...entry, blacklist: { events: [] } })).code).toBe('ENFORCEMENT.BLACKLIST_NO_GROUNDS');
    const grounds = { events: [{ kind: 'false_commitment' as const, at: daysLater(T0, -10).toISOString(), refId: 'commit-1' }] };
    expect(expectOk(propose({ ...entry, blacklist: grounds })).next.kind).toBe('blacklist_entry');
    const exit = { ...entry, kind: 'blacklist_exit' as const };
    const recent = { events: [], enteredAt: daysLater(T0, -30).toISOString(), openHazards: 0, appliedAt: daysLater(T0, -1).toISOString() };
    expect(errorOf(propose({ ...exit, blacklist: recent })).code).toBe('ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE');
    const clean = { ...recent, enteredAt: daysLater(T0, -400).toISOString() };
    expect(expectOk(propose({ ...exit, blacklist: clean })).next.kind).toBe('blacklist_exit');
  });
});

describe('decide', () => {
  it('is decided by someone other than the proposer, in a deciding role', () => {
    const p = proposed();
    const cmd = { type: 'decide', decisionRef: 'D-1' } as const;
    expect(errorOf(transitionEnforcementAction(p, cmd, at(inspector))).code).toBe('ENFORCEMENT.SAME_PERSON');
    expect(errorOf(transitionEnforcementAction(p, cmd, at(inspector2))).code).toBe('ENFORCEMENT.ROLE_CANNOT_DECIDE');
    expect(errorOf(transitionEnforcementAction(p, cmd, at(actor('unit')))).code).toBe('ENFORCEMENT.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionEnforcementAction(p, { ...cmd, decisionRef: '' }, at(supervisor))).code).toBe('ENFORCEMENT.DECISION_REF_REQUIRED');
    const away = actor('fire_supervisor', { userId: 'sup-b', jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(transitionEnforcementAction(p, cmd, at(away))).code).toBe('ENFORCEMENT.OUT_OF_SCOPE');
    const d = decided();
    expect(d).toMatchObject({ status: 'decided', decidedBy: { userId: supervisor.userId }, decisionRef: '穗消罚决字〔2025〕1号' });
    expect(errorOf(transitionEnforcementAction(d, cmd, at(supervisor))).code).toBe('ENFORCEMENT.INVALID_TRANSITION');
  });

  it('keeps a changed amount within the law, and sends large fines to collective discussion', () => {
    const p = proposed();
    expect(errorOf(transitionEnforcementAction(p, { type: 'decide', decisionRef: 'D', amountYuan: 4_000 }, at(supervisor))).code).toBe('ENFORCEMENT.FINE_OUT_OF_RANGE');
    expect(run(p, { type: 'decide', decisionRef: 'D', amountYuan: 20_000 }, supervisor).amountYuan).toBe(20_000);
    const large = proposed({ ...fine, amountYuan: 50_000 });
    expect(large.collectiveRequired).toBe('fine_threshold');
    expect(errorOf(transitionEnforcementAction(large, { type: 'decide', decisionRef: 'D' }, at(supervisor))).code).toBe('ENFORCEMENT.COLLECTIVE_REVIEW_REQUIRED');
  });

  it('decides after a collective discussion that met its quorum', () => {
    const stop = { ...fine, kind: 'stop_business' as const, basis: { article: 61, paragraph: 1 }, amountYuan: undefined };
    const review = run(proposed(stop), { type: 'refer_to_collective' }, supervisor, 1);
    expect(review).toMatchObject({ status: 'collective_review', collectiveRequired: 'kind', referredToCollectiveBy: { userId: supervisor.userId } });
    expect(errorOf(transitionEnforcementAction(review, { type: 'decide', decisionRef: 'D' }, at(supervisor))).code).toBe('ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED');
    const two = { ...threeLeaders, participants: threeLeaders.participants.slice(0, 2), votesFor: 2 };
    expect(errorOf(transitionEnforcementAction(review, { type: 'decide', decisionRef: 'D', collectiveDecision: two }, at(supervisor))).code).toBe(
      'DECISION.TOO_FEW_PARTICIPANTS',
    );
    const d = run(review, { type: 'decide', decisionRef: 'D', collectiveDecision: threeLeaders }, supervisor, 3);
    expect(d.collective).toMatchObject({ check: { participants: 3, votesFor: 3 } });
  });

  it('requires the discussion once referred, even when the law did not', () => {
    const review = run(proposed(), { type: 'refer_to_collective' }, supervisor);
    expect(errorOf(transitionEnforcementAction(review, { type: 'decide', decisionRef: 'D' }, at(supervisor))).code).toBe('ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED');
    expect(run(review, { type: 'decide', decisionRef: 'D', collectiveDecision: threeLeaders }, supervisor).status).toBe('decided');
  });

  it('leaves a large-impact stop-business order to the local government', () => {
    const stop = { ...fine, kind: 'stop_business' as const, basis: { article: 61, paragraph: 1 }, amountYuan: undefined, largeImpact: true };
    const review = run(proposed(stop), { type: 'refer_to_collective' }, supervisor);
    const cmd = { type: 'decide', decisionRef: 'D', collectiveDecision: threeLeaders } as const;
    expect(errorOf(transitionEnforcementAction(review, cmd, at(supervisor))).code).toBe('ENFORCEMENT.GOVERNMENT_DECISION_REQUIRED');
    expect(run(review, cmd, committee).decidedBy?.role).toBe('committee_officer');
  });

  it('tells the police station of a detention referral: the police decide', () => {
    const { effects } = expectOk(transitionEnforcementAction(proposed(detention), { type: 'decide', decisionRef: 'YS-1' }, at(supervisor)));
    expect(effectsOfType(effects, 'notify')).toContainEqual(
      expect.objectContaining({ to: { kind: 'department', departmentId: 'dept-police-a' }, template: 'enforcement.detention_referral' }),
    );
  });
});

describe('reject and withdraw', () => {
  it('rejects by a decider with a reason, never by the proposer', () => {
    const p = proposed();
    expect(errorOf(transitionEnforcementAction(p, { type: 'reject', reason: 'x' }, at(inspector))).code).toBe('ENFORCEMENT.ROLE_CANNOT_DECIDE');
    const selfSupervisor = expectOk(propose({ ...fine, kind: 'public_exposure', basis: undefined, amountYuan: undefined }, committee)).next;
    expect(errorOf(transitionEnforcementAction(selfSupervisor, { type: 'reject', reason: 'x' }, at(committee))).code).toBe('ENFORCEMENT.SAME_PERSON');
    expect(errorOf(transitionEnforcementAction(p, { type: 'reject', reason: '' }, at(supervisor))).code).toBe('ENFORCEMENT.REASON_REQUIRED');
    expect(run(p, { type: 'reject', reason: '证据不足' }, supervisor).rejection?.reason).toBe('证据不足');
  });

  it('is withdrawn only by its proposer and only before the decision', () => {
    expect(errorOf(transitionEnforcementAction(proposed(), { type: 'withdraw', reason: 'x' }, at(inspector2))).code).toBe('ENFORCEMENT.NOT_PROPOSER');
    expect(errorOf(transitionEnforcementAction(proposed(), { type: 'withdraw', reason: '' }, at(inspector))).code).toBe('ENFORCEMENT.REASON_REQUIRED');
    expect(run(proposed(), { type: 'withdraw', reason: '当事人已改正' }, inspector).withdrawnBy?.userId).toBe(inspector.userId);
    expect(errorOf(transitionEnforcementAction(decided(), { type: 'withdraw', reason: 'x' }, at(inspector))).code).toBe('ENFORCEMENT.INVALID_TRANSITION');
  });
});

describe('temporary sealing', () => {
  const sealing: CreateEnforcementActionInput = {
    ...fine,
    kind: 'temporary_sealing',
    basis: undefined,
    amountYuan: undefined,
    sealing: {
      emergency: false,
      inspectedAt: T0.toISOString(),
      sealedAt: hoursLater(T0, 24).toISOString(),
      plannedEnd: daysLater(T0, 20).toISOString(),
      hazardRemains: true,
    },
  };

  it('schedules the decision within 3 working days of the inspection', () => {
    const { effects } = expectOk(propose(sealing));
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'enforcement.sealing_decision', due: '2025-03-06T15:59:59.999Z' })]);
    expect(errorOf(propose({ ...sealing, sealing: undefined })).code).toBe('ENFORCEMENT.SEALING_PLAN_REQUIRED');
    const tooLong = { ...sealing.sealing!, plannedEnd: daysLater(T0, 60).toISOString(), hazardRemains: false };
    expect(errorOf(propose({ ...sealing, sealing: tooLong })).code).toBe('ENFORCEMENT.SEALING_TOO_LONG');
    const backdated = { ...sealing.sealing!, sealedAt: hoursLater(T0, -1).toISOString() };
    expect(errorOf(propose({ ...sealing, sealing: backdated })).code).toBe('ENFORCEMENT.SEALING_INVALID_PERIOD');
  });

  it('is served on time, starting no earlier than service, or refused as late', () => {
    const d = decided(sealing);
    const { next, effects } = expectOk(transitionEnforcementAction(d, { type: 'serve', receiptRef: 'R' }, at(inspector, 48)));
    expect(next.sealing?.sealedAt).toBe(hoursLater(T0, 48).toISOString());
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('enforcement.sealing_decision');
    expect(effectsOfType(effects, 'deadline')[0]).toMatchObject({ kind: 'enforcement.sealing_end', due: daysLater(T0, 20).toISOString() });
    expect(errorOf(transitionEnforcementAction(d, { type: 'serve', receiptRef: 'R' }, at(inspector, 96))).code).toBe('ENFORCEMENT.SEALING_DECISION_LATE');
  });

  it('gives an emergency sealing 24 hours for its decision', () => {
    const emergency = { ...sealing, sealing: { ...sealing.sealing!, emergency: true, sealedAt: T0.toISOString() } };
    const d = decided(emergency);
    expect(run(d, { type: 'serve', receiptRef: 'R' }, inspector, 20).status).toBe('served');
    expect(errorOf(transitionEnforcementAction(d, { type: 'serve', receiptRef: 'R' }, at(inspector, 25))).code).toBe('ENFORCEMENT.SEALING_DECISION_LATE');
  });
});

describe('serve, execute, close', () => {
  it('serves with proof of service', () => {
    expect(errorOf(transitionEnforcementAction(decided(), { type: 'serve', receiptRef: '' }, at(inspector))).code).toBe('ENFORCEMENT.RECEIPT_REQUIRED');
    expect(served()).toMatchObject({ status: 'served', receiptRef: 'rcpt-1', servedBy: { userId: inspector.userId } });
  });

  it('is executed by the fire agency for its own measures', () => {
    expect(errorOf(transitionEnforcementAction(served(), { type: 'execute', outcome: '已缴纳' }, at(police))).code).toBe('ENFORCEMENT.NOT_EXECUTOR');
    expect(errorOf(transitionEnforcementAction(served(), { type: 'execute', outcome: '' }, at(inspector))).code).toBe('ENFORCEMENT.OUTCOME_REQUIRED');
    const e = run(served(), { type: 'execute', outcome: '罚款已缴纳', evidenceRefs: ['pay-1', ''] }, inspector, 100);
    expect(e).toMatchObject({ status: 'executed', outcome: '罚款已缴纳', evidenceRefs: ['pay-1'] });
  });

  it('leaves the execution of detention to the receiving police station', () => {
    const s = served(detention);
    expect(errorOf(transitionEnforcementAction(s, { type: 'execute', outcome: '拘留' }, at(inspector))).code).toBe('ENFORCEMENT.NOT_EXECUTOR');
    const otherStation = actor('police_officer', { departmentId: 'dept-police-b' });
    expect(errorOf(transitionEnforcementAction(s, { type: 'execute', outcome: '拘留' }, at(otherStation))).code).toBe('ENFORCEMENT.NOT_EXECUTOR');
    const civilian = actor('industry_officer', { departmentId: 'dept-police-a' });
    expect(errorOf(transitionEnforcementAction(s, { type: 'execute', outcome: '拘留' }, at(civilian))).code).toBe('ENFORCEMENT.POLICE_EXECUTES');
    expect(run(s, { type: 'execute', outcome: '公安机关决定行政拘留十日' }, police).executedBy?.role).toBe('police_officer');
  });

  it('closes after execution by a supervisor', () => {
    const e = run(served(), { type: 'execute', outcome: '已缴纳' }, inspector);
    expect(errorOf(transitionEnforcementAction(served(), { type: 'close' }, at(supervisor))).code).toBe('ENFORCEMENT.INVALID_TRANSITION');
    expect(errorOf(transitionEnforcementAction(e, { type: 'close' }, at(inspector))).code).toBe('ENFORCEMENT.ROLE_NOT_ALLOWED');
    expect(run(e, { type: 'close' }, supervisor).closedBy?.userId).toBe(supervisor.userId);
  });
});

describe('referralInputFromAction', () => {
  it('opens the police referral for a decided detention matter, and nothing for fines', () => {
    expect(referralInputFromAction(proposed(detention))).toBeNull();
    expect(referralInputFromAction(decided())).toBeNull();
    const input = referralInputFromAction(decided(detention));
    expect(input).toMatchObject({ kind: 'detention', toDepartmentId: 'dept-police-a', subject: { entity: 'enforcement', id: 'enf-1' } });
    const referral = expectOk(createReferral(input!, ctxFor(supervisor)));
    expect(referral.next).toMatchObject({ fromDepartmentId: 'dept-fire-a', toDepartmentId: 'dept-police-a', kind: 'detention' });
  });
});
