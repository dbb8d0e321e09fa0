import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { ROLES, type Role } from '../common/roles';
import { reachable } from './machine';
import {
  CLAIM_HOLDING_STATUSES,
  createRewardClaim,
  REWARD_CLAIM_STATUSES,
  rewardClaimLifecycle,
  transitionRewardClaim,
  type CreateRewardClaimInput,
  type RewardClaimCommand,
  type RewardClaimState,
  type RewardClaimStatus,
} from './reward-claim';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, JURISDICTIONS, T0 } from './test-support';

const WINDOW_END = '2025-04-14T15:59:59.999Z';
const reward: CreateRewardClaimInput['reward'] = {
  id: 'rw-1',
  status: 'notified',
  jurisdictionId: JURISDICTIONS.streetA1,
  reportId: 'rep-1',
  anonymous: false,
  claimWindowEnd: WINDOW_END,
};
const input: CreateRewardClaimInput = {
  reward,
  sealedRef: 'sealed-claim-1',
  identityGiven: true,
  paymentDetailsGiven: true,
  anonymousPolicy: 'identify_at_claim',
};

const officer = actor('reward_officer');
const at = (who: Role | Actor, now: Date = T0) => ctxFor(who, { now });

const submitted = (): RewardClaimState => expectOk(createRewardClaim(input, ctxFor('public', { newId: () => 'cl-1' }))).next;
const step = (s: RewardClaimState, cmd: RewardClaimCommand): RewardClaimState => expectOk(transitionRewardClaim(s, cmd, at(officer))).next;
const verified = () => step(submitted(), { type: 'verify_identity', method: '身份证原件核对' });
const accepted = () => step(verified(), { type: 'accept', holdingClaimId: null });
const paid = () => step(accepted(), { type: 'pay', paymentReference: 'PAY-1' });
const rejected = () => step(submitted(), { type: 'reject', reason: '身份信息与举报记录不符' });

const inStatus: Record<RewardClaimStatus, () => RewardClaimState> = {
  submitted,
  identity_verified: verified,
  accepted,
  paid,
  rejected,
};

const valid: Record<RewardClaimCommand['type'], RewardClaimCommand> = {
  verify_identity: { type: 'verify_identity', method: '公安人口信息比对' },
  accept: { type: 'accept', holdingClaimId: null },
  pay: { type: 'pay', paymentReference: 'PAY-7' },
  reject: { type: 'reject', reason: '收款信息无效' },
};

describe('reward claim lifecycle table', () => {
  it('reaches every status from submitted', () => {
    expect([...reachable(rewardClaimLifecycle)].sort()).toEqual([...REWARD_CLAIM_STATUSES].sort());
  });

  for (const rule of rewardClaimLifecycle.transitions) {
    const cmd = valid[rule.command];
    for (const from of rule.from) {
      it(`${rule.command}: ${from} → ${rule.to}`, () => {
        const before = inStatus[from]();
        const { next, effects } = expectOk(transitionRewardClaim(before, cmd, at(officer)));
        expect(next.status).toBe(rule.to);
        expect(next.version).toBe(before.version + 1);
        const audits = effectsOfType(effects, 'audit');
        expect(audits).toHaveLength(1);
        expect(audits[0]).toMatchObject({ entity: 'claim', entityId: 'cl-1', action: rule.command, from, to: rule.to });
      });
    }

    it(`${rule.command}: refused from every other status, for other roles and outside the jurisdiction`, () => {
      for (const status of REWARD_CLAIM_STATUSES.filter((s) => !rule.from.includes(s))) {
        const code = errorOf(transitionRewardClaim(inStatus[status](), cmd, at(officer))).code;
        expect(code).toBe(rule.command === 'pay' && status === 'paid' ? 'REWARD_CLAIM.ALREADY_PAID' : 'REWARD_CLAIM.INVALID_TRANSITION');
      }
      const state = inStatus[rule.from[0]!]();
      for (const role of ROLES.filter((r) => !rule.roles.includes(r))) {
        expect(errorOf(transitionRewardClaim(state, cmd, at(role))).code).toBe('REWARD_CLAIM.ROLE_NOT_ALLOWED');
      }
      const far = actor('reward_officer', { jurisdictionId: JURISDICTIONS.districtB });
      expect(errorOf(transitionRewardClaim(state, cmd, at(far))).code).toBe('REWARD_CLAIM.OUT_OF_SCOPE');
    });
  }
});

describe('createRewardClaim', () => {
  it('is filed by the reporter through the receipt, public or whistleblower', () => {
    for (const role of ['public', 'whistleblower'] as const) {
      const { next, effects } = expectOk(createRewardClaim(input, ctxFor(role, { newId: () => 'cl-1' })));
      expect(next).toMatchObject({ id: 'cl-1', status: 'submitted', rewardId: 'rw-1', reportId: 'rep-1', jurisdictionId: JURISDICTIONS.streetA1 });
      expect(next.submittedBy.role).toBe(role);
      expect(effectsOfType(effects, 'audit')).toHaveLength(1);
      expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ template: 'claim.submitted' })]);
    }
  });

  it('refuses staff filing claims', () => {
    for (const role of ROLES.filter((r) => r !== 'public' && r !== 'whistleblower')) {
      expect(errorOf(createRewardClaim(input, ctxFor(role))).code).toBe('REWARD_CLAIM.ROLE_NOT_ALLOWED');
    }
  });

  it('keeps only the sealed reference and flags, never identity or payment details', () => {
    const s = submitted();
    expect(Object.keys(s).sort()).toEqual(
      [
        'acceptedBy',
        'id',
        'identityGiven',
        'identityVerifiedBy',
        'jurisdictionId',
        'payment',
        'paymentDetailsGiven',
        'rejection',
        'rewardId',
        'reportId',
        'sealedRef',
        'status',
        'submittedBy',
        'version',
      ].sort(),
    );
    expect(s).toMatchObject({ sealedRef: 'sealed-claim-1', identityGiven: true, paymentDetailsGiven: true });
  });

  it('refuses a claim on a reward that is not open for claims', () => {
    for (const status of ['candidate', 'approved', 'claimed', 'paid', 'expired', 'withheld'] as const) {
      const r = createRewardClaim({ ...input, reward: { ...reward, status } }, ctxFor('public'));
      expect(errorOf(r).code).toBe('REWARD_CLAIM.REWARD_NOT_CLAIMABLE');
    }
  });

  it('accepts a claim up to the end of the window and refuses it after', () => {
    expect(createRewardClaim(input, ctxFor('public', { now: new Date(WINDOW_END) })).ok).toBe(true);
    const late = new Date(Date.parse(WINDOW_END) + 1);
    expect(errorOf(createRewardClaim(input, ctxFor('public', { now: late }))).code).toBe('REWARD_CLAIM.WINDOW_CLOSED');
  });

  it('applies the anonymous-report policy', () => {
    const anon: CreateRewardClaimInput = { ...input, reward: { ...reward, anonymous: true }, identityGiven: false };
    expect(errorOf(createRewardClaim(anon, ctxFor('public'))).code).toBe('REWARD_CLAIM.IDENTITY_REQUIRED');
    expect(createRewardClaim({ ...anon, identityGiven: true }, ctxFor('public')).ok).toBe(true);
    expect(errorOf(createRewardClaim({ ...anon, identityGiven: true, anonymousPolicy: 'refuse' }, ctxFor('public'))).code).toBe(
      'REWARD_CLAIM.ANONYMOUS_NOT_REWARDED',
    );
    expect(createRewardClaim({ ...anon, anonymousPolicy: 'allow' }, ctxFor('public')).ok).toBe(true);
    // A real-name reporter's identity is already sealed with the report.
    expect(createRewardClaim({ ...input, identityGiven: false, anonymousPolicy: 'refuse' }, ctxFor('public')).ok).toBe(true);
  });

  it('needs payment details and a sealed reference', () => {
    expect(errorOf(createRewardClaim({ ...input, paymentDetailsGiven: false }, ctxFor('public'))).code).toBe(
      'REWARD_CLAIM.PAYMENT_DETAILS_REQUIRED',
    );
    expect(errorOf(createRewardClaim({ ...input, sealedRef: ' ' }, ctxFor('public'))).code).toBe('REWARD_CLAIM.SEALED_REF_REQUIRED');
  });
});

describe('claim handling', () => {
  it('records who verified the identity and how', () => {
    expect(errorOf(transitionRewardClaim(submitted(), { type: 'verify_identity', method: '' }, at(officer))).code).toBe(
      'REWARD_CLAIM.METHOD_REQUIRED',
    );
    const { next, effects } = expectOk(transitionRewardClaim(submitted(), { type: 'verify_identity', method: '身份证原件核对' }, at(officer)));
    expect(next.identityVerifiedBy).toMatchObject({ userId: officer.userId, role: 'reward_officer' });
    expect(effectsOfType(effects, 'audit')[0]?.data).toEqual({ method: '身份证原件核对' });
  });

  it('accepts only one claim per reward', () => {
    const e = errorOf(transitionRewardClaim(verified(), { type: 'accept', holdingClaimId: 'cl-other' }, at(officer)));
    expect(e.code).toBe('REWARD_CLAIM.ALREADY_ACCEPTED');
    expect(e.details).toMatchObject({ rewardId: 'rw-1', holdingClaimId: 'cl-other' });
    // Replaying the accept of the claim that already holds the reward is not a second claim.
    expect(transitionRewardClaim(verified(), { type: 'accept', holdingClaimId: 'cl-1' }, at(officer)).ok).toBe(true);
  });

  it('declares which statuses hold the reward (backed by a unique index in the database)', () => {
    expect([...CLAIM_HOLDING_STATUSES].sort()).toEqual(['accepted', 'paid']);
  });

  it('pays once, with a reference', () => {
    expect(errorOf(transitionRewardClaim(accepted(), { type: 'pay', paymentReference: '' }, at(officer))).code).toBe(
      'REWARD_CLAIM.PAYMENT_REF_REQUIRED',
    );
    expect(paid().payment).toMatchObject({ reference: 'PAY-1', by: { userId: officer.userId } });
    expect(errorOf(transitionRewardClaim(paid(), { type: 'pay', paymentReference: 'PAY-2' }, at(officer))).code).toBe('REWARD_CLAIM.ALREADY_PAID');
  });

  it('rejects with a reason and tells the reporter', () => {
    expect(errorOf(transitionRewardClaim(verified(), { type: 'reject', reason: ' ' }, at(officer))).code).toBe('REWARD_CLAIM.REASON_REQUIRED');
    const { next, effects } = expectOk(transitionRewardClaim(accepted(), { type: 'reject', reason: '奖励已决定不予发放' }, at(officer)));
    expect(next.rejection).toMatchObject({ reason: '奖励已决定不予发放', from: 'accepted' });
    expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ to: { kind: 'reporter' }, template: 'claim.rejected' })]);
  });

  it('never lets two claims of one reward hold it at once, when accept carries the holder', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 2), { minLength: 1, maxLength: 12 }), (order) => {
        // Three claims for one reward, each verified, accepted in a random order; the API passes the current holder.
        const claims = [0, 1, 2].map((i) => ({ ...verified(), id: `cl-${i}` }));
        let holder: string | null = null;
        for (const i of order) {
          const c = claims[i]!;
          const r = transitionRewardClaim(c, { type: 'accept', holdingClaimId: holder }, at(officer, daysLater(T0, 1)));
          if (r.ok) {
            claims[i] = r.next;
            holder = r.next.id;
          }
        }
        expect(claims.filter((c) => CLAIM_HOLDING_STATUSES.includes(c.status))).toHaveLength(1);
      }),
    );
  });
});
