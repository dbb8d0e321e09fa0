import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { reachable } from './machine';
import {
  createReferral,
  referralLifecycle,
  REFERRAL_STATUSES,
  transitionReferral,
  type CreateReferralInput,
  type ReferralCommand,
  type ReferralState,
} from './referral';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, T0 } from './test-support';

const inspector = actor('inspector'); // dept-fire-a
const edu = actor('industry_officer'); // dept-edu-a
const eduCity = actor('industry_officer', { userId: 'edu-city', jurisdictionId: JURISDICTIONS.city, departmentId: 'dept-edu-a' });
const police = actor('police_officer'); // dept-police-a

const input: CreateReferralInput = {
  jurisdictionId: JURISDICTIONS.streetA1,
  kind: 'transfer',
  toDepartmentId: 'dept-edu-a',
  subject: { entity: 'hazard', id: 'hz-1' },
  venueId: 'venue-kg',
  summary: '某幼儿园使用易燃装修材料，移送教育部门督促整改',
  legalBasis: '消防法 第四条',
};

const at = (who: Actor, days = 0) => ctxFor(who, { now: daysLater(T0, days) });
function run(state: ReferralState, command: ReferralCommand, who: Actor, days = 0): ReferralState {
  const r = expectOk(transitionReferral(state, command, at(who, days)));
  expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
  expect(r.next.version).toBe(state.version + 1);
  return r.next;
}

const sent = (over: Partial<CreateReferralInput> = {}): ReferralState => expectOk(createReferral({ ...input, ...over }, ctxFor(inspector, { newId: () => 'ref-1' }))).next;
const acknowledged = () => run(sent(), { type: 'acknowledge' }, edu, 1);
const handled = () => run(acknowledged(), { type: 'handle', outcome: '已责令拆除易燃装修', measures: ['约谈园长', ' '] }, edu, 5);

describe('referral lifecycle table', () => {
  it('reaches every status from sent', () => {
    expect([...reachable(referralLifecycle)].sort()).toEqual([...REFERRAL_STATUSES].sort());
  });
});

describe('createReferral', () => {
  it('sends from the actor’s department with an acknowledgement deadline', () => {
    const { next, effects } = expectOk(createReferral(input, ctxFor(inspector, { newId: () => 'ref-1' })));
    expect(next).toMatchObject({ id: 'ref-1', status: 'sent', fromDepartmentId: 'dept-fire-a', toDepartmentId: 'dept-edu-a', sentLate: false, version: 1 });
    expect(next.ackDue).toBe('2025-03-06T15:59:59.999Z');
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'referral.ack', due: next.ackDue })]);
    expect(effectsOfType(effects, 'notify')[0]).toMatchObject({ to: { kind: 'department', departmentId: 'dept-edu-a' }, template: 'referral.sent.transfer' });
  });

  it('refuses non-staff, out-of-scope, department-less senders and self-referrals', () => {
    expect(errorOf(createReferral(input, ctxFor('unit'))).code).toBe('REFERRAL.ROLE_NOT_ALLOWED');
    expect(errorOf(createReferral({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(inspector))).code).toBe('REFERRAL.OUT_OF_SCOPE');
    expect(errorOf(createReferral(input, ctxFor(actor('inspector', { departmentId: null })))).code).toBe('REFERRAL.NO_DEPARTMENT');
    expect(errorOf(createReferral({ ...input, toDepartmentId: 'dept-fire-a' }, ctxFor(inspector))).code).toBe('REFERRAL.SAME_DEPARTMENT');
    expect(errorOf(createReferral({ ...input, summary: '' }, ctxFor(inspector))).code).toBe('REFERRAL.SUMMARY_REQUIRED');
  });

  it('lets only the fire agency refer for detention, and only a police station transfer unapproved venues', () => {
    expect(expectOk(createReferral({ ...input, kind: 'detention', toDepartmentId: 'dept-police-a' }, ctxFor(inspector))).next.kind).toBe('detention');
    expect(errorOf(createReferral({ ...input, kind: 'detention', toDepartmentId: 'dept-fire-a' }, ctxFor(edu))).code).toBe('REFERRAL.KIND_ROLE_MISMATCH');
    expect(errorOf(createReferral({ ...input, kind: 'police_transfer', foundAt: T0.toISOString() }, ctxFor(inspector))).code).toBe(
      'REFERRAL.KIND_ROLE_MISMATCH',
    );
  });

  it('flags a police transfer sent after 5 working days from finding the venue', () => {
    const transfer = { ...input, kind: 'police_transfer' as const, toDepartmentId: 'dept-fire-a', foundAt: T0.toISOString() };
    expect(errorOf(createReferral({ ...transfer, foundAt: undefined }, at(police, 1))).code).toBe('REFERRAL.FOUND_AT_REQUIRED');
    expect(errorOf(createReferral({ ...transfer, foundAt: daysLater(T0, 2).toISOString() }, at(police, 1))).code).toBe('REFERRAL.INVALID_DATE');
    // Found Monday 3rd: due end of Monday 10th.
    expect(expectOk(createReferral(transfer, at(police, 7))).next.sentLate).toBe(false);
    const late = expectOk(createReferral(transfer, at(police, 8)));
    expect(late.next).toMatchObject({ sentLate: true, foundAt: T0.toISOString() });
    expect(effectsOfType(late.effects, 'audit')[0]?.data).toMatchObject({ sentLate: true });
  });
});

describe('transitionReferral', () => {
  it('is acknowledged by the receiving department, which starts the reply deadline', () => {
    const { next, effects } = expectOk(transitionReferral(sent(), { type: 'acknowledge' }, at(edu, 1)));
    expect(next).toMatchObject({ status: 'acknowledged', acknowledgedBy: { userId: edu.userId, departmentId: 'dept-edu-a' } });
    // Acknowledged Tuesday 4th: 15 working days → Tuesday 25th.
    expect(next.replyDue).toBe('2025-03-25T15:59:59.999Z');
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('referral.ack');
    expect(effectsOfType(effects, 'deadline')[0]?.kind).toBe('referral.reply');
    expect(effectsOfType(effects, 'notify')[0]?.to).toEqual({ kind: 'department', departmentId: 'dept-fire-a' });
    expect(effectsOfType(effects, 'audit')[0]?.data).toMatchObject({ late: false });
  });

  it('accepts the receiving department outside the sender’s subtree, and records a late acknowledgement', () => {
    const { effects } = expectOk(transitionReferral(sent(), { type: 'acknowledge' }, at(eduCity, 10)));
    expect(effectsOfType(effects, 'audit')[0]?.data).toMatchObject({ late: true });
  });

  it('refuses anyone outside the receiving department, including the sender', () => {
    for (const who of [inspector, police, actor('industry_officer', { departmentId: 'dept-health-a' })]) {
      expect(errorOf(transitionReferral(sent(), { type: 'acknowledge' }, at(who))).code).toBe('REFERRAL.WRONG_DEPARTMENT');
    }
    expect(errorOf(transitionReferral(acknowledged(), { type: 'handle', outcome: 'x' }, at(inspector))).code).toBe('REFERRAL.WRONG_DEPARTMENT');
    expect(errorOf(transitionReferral(handled(), { type: 'reply', text: 'x' }, at(inspector))).code).toBe('REFERRAL.WRONG_DEPARTMENT');
  });

  it('refuses the wrong role and the wrong status', () => {
    const unitInDept = actor('unit', { departmentId: 'dept-edu-a' });
    expect(errorOf(transitionReferral(sent(), { type: 'acknowledge' }, at(unitInDept))).code).toBe('REFERRAL.ROLE_NOT_ALLOWED');
    expect(errorOf(transitionReferral(sent(), { type: 'handle', outcome: 'x' }, at(edu))).code).toBe('REFERRAL.INVALID_TRANSITION');
    expect(errorOf(transitionReferral(acknowledged(), { type: 'reply', text: 'x' }, at(edu))).code).toBe('REFERRAL.INVALID_TRANSITION');
  });

  it('is handled with an outcome and replied to the sender', () => {
    expect(errorOf(transitionReferral(acknowledged(), { type: 'handle', outcome: ' ' }, at(edu))).code).toBe('REFERRAL.OUTCOME_REQUIRED');
    const h = handled();
    expect(h).toMatchObject({ status: 'handled', handling: { outcome: '已责令拆除易燃装修', measures: ['约谈园长'] } });
    expect(errorOf(transitionReferral(h, { type: 'reply', text: '' }, at(edu))).code).toBe('REFERRAL.REPLY_REQUIRED');
    const { next, effects } = expectOk(transitionReferral(h, { type: 'reply', text: '整改完毕' }, ctxFor(edu, { now: hoursLater(T0, 24 * 30) })));
    expect(next).toMatchObject({ status: 'replied', reply: '整改完毕', repliedBy: { userId: edu.userId } });
    expect(effectsOfType(effects, 'audit')[0]?.data).toMatchObject({ late: true });
    expect(effectsOfType(effects, 'cancelDeadline')[0]?.kind).toBe('referral.reply');
    expect(effectsOfType(effects, 'notify')[0]).toMatchObject({ template: 'referral.replied', to: { kind: 'department', departmentId: 'dept-fire-a' } });
  });

  it('is returned as misdirected, with a reason and a suggested department', () => {
    expect(errorOf(transitionReferral(sent(), { type: 'return', reason: '' }, at(edu))).code).toBe('REFERRAL.REASON_REQUIRED');
    expect(errorOf(transitionReferral(sent(), { type: 'return', reason: 'x', suggestedDepartmentId: 'dept-edu-a' }, at(edu))).code).toBe(
      'REFERRAL.SAME_DEPARTMENT',
    );
    const fromSent = expectOk(transitionReferral(sent(), { type: 'return', reason: '民办培训机构归人社部门', suggestedDepartmentId: 'dept-hr-a' }, at(edu)));
    expect(fromSent.next).toMatchObject({ status: 'returned', suggestedDepartmentId: 'dept-hr-a', returnReason: '民办培训机构归人社部门' });
    expect(effectsOfType(fromSent.effects, 'cancelDeadline')[0]?.kind).toBe('referral.ack');
    const fromAck = expectOk(transitionReferral(acknowledged(), { type: 'return', reason: '非本部门职责' }, at(edu, 2)));
    expect(effectsOfType(fromAck.effects, 'cancelDeadline')[0]?.kind).toBe('referral.reply');
    expect(errorOf(transitionReferral(handled(), { type: 'return', reason: 'x' }, at(edu))).code).toBe('REFERRAL.INVALID_TRANSITION');
  });
});
