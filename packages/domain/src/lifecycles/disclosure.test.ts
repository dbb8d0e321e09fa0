import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { ROLES, type Role } from '../common/roles';
import {
  createDisclosure,
  DISCLOSURE_STATUSES,
  disclosureLifecycle,
  recordIdentityAccess,
  transitionDisclosure,
  type CreateDisclosureInput,
  type DisclosureCommand,
  type DisclosureState,
  type DisclosureStatus,
  type IdentityAccessResult,
} from './disclosure';
import { reachable } from './machine';
import { actor, ctxFor, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, T0 } from './test-support';

const input: CreateDisclosureInput = { reportId: 'rep-1', jurisdictionId: JURISDICTIONS.streetA1, reason: '领奖人身份与举报人身份需比对' };
const officer = actor('reward_officer');
const custodian = actor('custodian');
const at = (who: Role | Actor, now: Date = T0) => ctxFor(who, { now });

const requested = (): DisclosureState => expectOk(createDisclosure(input, ctxFor(officer, { newId: () => 'dc-1' }))).next;
const approved = () => expectOk(transitionDisclosure(requested(), { type: 'approve' }, at(custodian))).next;
const denied = () => expectOk(transitionDisclosure(requested(), { type: 'deny', reason: '理由不充分' }, at(custodian))).next;
const accessError = (r: IdentityAccessResult) => {
  if (r.ok) throw new Error('expected the access to be refused');
  return r.error;
};
const inStatus: Record<DisclosureStatus, () => DisclosureState> = { requested, approved, denied };
const valid: Record<DisclosureCommand['type'], DisclosureCommand> = {
  approve: { type: 'approve', note: '仅限核对领奖身份' },
  deny: { type: 'deny', reason: '可通过回执核验，无需披露' },
};

describe('disclosure lifecycle table', () => {
  it('reaches every status and has no way out of approved or denied', () => {
    expect([...reachable(disclosureLifecycle)].sort()).toEqual([...DISCLOSURE_STATUSES].sort());
    for (const t of disclosureLifecycle.transitions) {
      expect(t.from).toEqual(['requested']);
    }
  });

  for (const rule of disclosureLifecycle.transitions) {
    const cmd = valid[rule.command];
    it(`${rule.command}: requested → ${rule.to} by a custodian`, () => {
      const before = requested();
      const { next, effects } = expectOk(transitionDisclosure(before, cmd, at(custodian)));
      expect(next).toMatchObject({ status: rule.to, version: before.version + 1 });
      expect(next.decision).toMatchObject({ approved: rule.to === 'approved', by: { userId: custodian.userId, role: 'custodian' } });
      expect(effectsOfType(effects, 'audit')).toEqual([
        expect.objectContaining({ entity: 'disclosure', entityId: 'dc-1', action: rule.command, from: 'requested', to: rule.to }),
      ]);
      expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ to: { kind: 'user', userId: officer.userId } })]);
    });

    it(`${rule.command}: refused once decided, for other roles and outside the jurisdiction`, () => {
      for (const status of ['approved', 'denied'] as const) {
        expect(errorOf(transitionDisclosure(inStatus[status](), cmd, at(custodian))).code).toBe('DISCLOSURE.INVALID_TRANSITION');
      }
      for (const role of ROLES.filter((r) => r !== 'custodian')) {
        expect(errorOf(transitionDisclosure(requested(), cmd, at(role))).code).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
      }
      const far = actor('custodian', { jurisdictionId: JURISDICTIONS.districtB });
      expect(errorOf(transitionDisclosure(requested(), cmd, at(far))).code).toBe('DISCLOSURE.OUT_OF_SCOPE');
    });

    it(`${rule.command}: refused when the custodian is the requester`, () => {
      const sameUser = actor('custodian', { userId: officer.userId });
      const e = errorOf(transitionDisclosure(requested(), cmd, at(sameUser)));
      expect(e.code).toBe('DISCLOSURE.SAME_PERSON');
      expect(e.messageZh).toMatch(/同一人/);
    });
  }
});

describe('createDisclosure', () => {
  it('is requested by a reward officer for one report, with the reason, and tells the custodians', () => {
    const { next, effects } = expectOk(createDisclosure(input, ctxFor(officer, { newId: () => 'dc-1' })));
    expect(next).toMatchObject({ id: 'dc-1', status: 'requested', reportId: 'rep-1', reason: input.reason, decision: null, version: 1 });
    expect(next.requestedBy).toMatchObject({ userId: officer.userId, role: 'reward_officer', at: T0.toISOString() });
    expect(effectsOfType(effects, 'audit')).toEqual([expect.objectContaining({ action: 'request', data: { reportId: 'rep-1', reason: input.reason } })]);
    expect(effectsOfType(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { kind: 'role', role: 'custodian', jurisdictionId: JURISDICTIONS.streetA1 } }),
    ]);
  });

  it('refuses every other role', () => {
    for (const role of ROLES.filter((r) => r !== 'reward_officer')) {
      expect(errorOf(createDisclosure(input, ctxFor(role))).code).toBe('DISCLOSURE.ROLE_NOT_ALLOWED');
    }
  });

  it('refuses a request without a reason, without a report, or outside the jurisdiction', () => {
    expect(errorOf(createDisclosure({ ...input, reason: '   ' }, ctxFor(officer))).code).toBe('DISCLOSURE.REASON_REQUIRED');
    expect(errorOf(createDisclosure({ ...input, reportId: '' }, ctxFor(officer))).code).toBe('DISCLOSURE.REPORT_REQUIRED');
    expect(errorOf(createDisclosure({ ...input, jurisdictionId: JURISDICTIONS.districtB }, ctxFor(officer))).code).toBe('DISCLOSURE.OUT_OF_SCOPE');
  });

  it('refuses a denial without a reason', () => {
    expect(errorOf(transitionDisclosure(requested(), { type: 'deny', reason: '' }, at(custodian))).code).toBe('DISCLOSURE.REASON_REQUIRED');
  });
});

describe('recordIdentityAccess', () => {
  it('logs each read by the requester of an approved request as an audit effect, without changing the request', () => {
    const s = approved();
    for (const now of [hoursLater(T0, 1), hoursLater(T0, 2)]) {
      const r = recordIdentityAccess(s, at(officer, now));
      expect(r).toEqual({
        ok: true,
        effects: [
          expect.objectContaining({
            type: 'audit',
            entity: 'disclosure',
            entityId: 'dc-1',
            action: 'access_logged',
            from: 'approved',
            to: 'approved',
            by: expect.objectContaining({ userId: officer.userId, at: now.toISOString() }),
          }),
        ],
      });
    }
    expect(s.status).toBe('approved');
  });

  it('refuses reads under a request that is not approved', () => {
    expect(accessError(recordIdentityAccess(requested(), at(officer))).code).toBe('DISCLOSURE.NOT_APPROVED');
    expect(accessError(recordIdentityAccess(denied(), at(officer))).code).toBe('DISCLOSURE.NOT_APPROVED');
  });

  it('refuses anyone but the requester, including the approving custodian and other reward officers', () => {
    const s = approved();
    const others = [custodian, actor('reward_officer', { userId: 'reward_officer-2' }), actor('admin'), actor('fire_supervisor')];
    for (const who of others) {
      expect(accessError(recordIdentityAccess(s, at(who))).code).toBe('DISCLOSURE.NOT_REQUESTER');
    }
    // Same user id acting in another role is not the reward officer who asked.
    expect(accessError(recordIdentityAccess(s, at(actor('inspector', { userId: officer.userId })))).code).toBe(
      'DISCLOSURE.NOT_REQUESTER',
    );
  });

  it('refuses the requester once moved outside the jurisdiction', () => {
    const moved = actor('reward_officer', { jurisdictionId: JURISDICTIONS.districtB });
    expect(accessError(recordIdentityAccess(approved(), at(moved))).code).toBe('DISCLOSURE.OUT_OF_SCOPE');
  });
});
