import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/actor';
import { ROLES, type Role } from '../common/roles';
import { createWorkingCalendar, DEFAULT_CALENDAR_CONFIG, DEFAULT_TIME_LIMITS } from '../calendar/index';
import { computeReward, DEFAULT_REWARD_RULES } from '../rewards/index';
import { reachable } from './machine';
import {
  createReward,
  REWARD_STATUSES,
  rewardLifecycle,
  transitionReward,
  type CreateRewardInput,
  type RewardCommand,
  type RewardState,
  type RewardStatus,
  claimHoldsReward,
} from './reward';
import { actor, ctxFor, daysLater, effectsOfType, errorOf, expectOk, hoursLater, JURISDICTIONS, simpleCalendar, T0, type CtxOptions } from './test-support';

const input: CreateRewardInput = {
  reportId: 'rep-1',
  jurisdictionId: JURISDICTIONS.streetA1,
  hazardIds: ['hz-1'],
  channel: 'public',
  anonymous: false,
};

const officer = actor('reward_officer');
const supervisor = actor('fire_supervisor');
// Weekends only, pinned so the claim-window dates below stay literal whatever the shared test calendar becomes.
const weekendsOnly = simpleCalendar();
const at = (who: Role | Actor, now: Date = T0, opts: CtxOptions = {}) => ctxFor(who, { now, calendar: weekendsOnly, ...opts });

/** Monday 2025-03-03 + 30 working days (weekends only) = Monday 2025-04-14, end of day China time. */
const WINDOW_END = '2025-04-14T15:59:59.999Z';

const determination = {
  amountFen: 50_000,
  factors: [{ code: 'TIER_BASE', zh: '一般火灾隐患奖励标准 500.00元', en: 'Standard amount for a general hazard: CNY 500.00', effectFen: 50_000 }],
  rulesVersion: 'gz-2024.1',
};

const candidate = (): RewardState => expectOk(createReward(input, at('inspector', T0, { newId: () => 'rw-1' }))).next;
const step = (s: RewardState, cmd: RewardCommand, who: Role | Actor, now: Date = T0): RewardState =>
  expectOk(transitionReward(s, cmd, at(who, now))).next;
const eligible = () => step(candidate(), { type: 'assess_eligible' }, officer);
const ineligible = () => step(candidate(), { type: 'assess_ineligible', reasons: ['hazard_already_known'] }, officer);
const determined = () => step(eligible(), { type: 'determine', ...determination }, officer);
const approved = () => step(determined(), { type: 'approve' }, supervisor);
const notified = () => step(approved(), { type: 'notify' }, officer);
const claimed = () =>
  step(notified(), { type: 'record_claim', claimId: 'cl-1', claimSubmittedAt: daysLater(T0, 1).toISOString() }, officer, daysLater(T0, 2));
const paid = () => step(claimed(), { type: 'pay', paymentReference: 'PAY-0001' }, officer);
const expired = () => step(notified(), { type: 'expire' }, officer, daysLater(T0, 60));
const withheld = () => step(approved(), { type: 'withhold', reason: '举报人系该单位消防安全管理人' }, supervisor);

const inStatus: Record<RewardStatus, () => RewardState> = {
  candidate,
  eligible,
  ineligible,
  determined,
  approved,
  notified,
  claimed,
  paid,
  expired,
  withheld,
};

/** A command that passes its own preconditions, with the moment it is valid at. */
const valid: Record<RewardCommand['type'], { cmd: RewardCommand; now: Date }> = {
  assess_eligible: { cmd: { type: 'assess_eligible' }, now: T0 },
  assess_ineligible: { cmd: { type: 'assess_ineligible', reasons: ['malicious_or_false'] }, now: T0 },
  determine: { cmd: { type: 'determine', ...determination }, now: T0 },
  send_back: { cmd: { type: 'send_back', reason: '金额计算未计入罚款比例' }, now: T0 },
  approve: { cmd: { type: 'approve' }, now: T0 },
  notify: { cmd: { type: 'notify' }, now: T0 },
  record_claim: { cmd: { type: 'record_claim', claimId: 'cl-1', claimSubmittedAt: T0.toISOString() }, now: T0 },
  reopen_claim: { cmd: { type: 'reopen_claim', claimId: 'cl-1', reason: '身份核验有误' }, now: daysLater(T0, 3) },
  pay: { cmd: { type: 'pay', paymentReference: 'PAY-1' }, now: T0 },
  expire: { cmd: { type: 'expire' }, now: daysLater(T0, 60) },
  withhold: { cmd: { type: 'withhold', reason: '系虚假举报' }, now: T0 },
};

describe('reward lifecycle table', () => {
  it('reaches every status from candidate', () => {
    expect([...reachable(rewardLifecycle)].sort()).toEqual([...REWARD_STATUSES].sort());
  });

  for (const rule of rewardLifecycle.transitions) {
    const { cmd, now } = valid[rule.command];
    for (const from of rule.from) {
      it(`${rule.command}: ${from} → ${rule.to} for ${rule.roles.join('/')}`, () => {
        for (const role of rule.roles) {
          const before = inStatus[from]();
          const { next, effects } = expectOk(transitionReward(before, cmd, at(role, now)));
          expect(next.status).toBe(rule.to);
          expect(next.version).toBe(before.version + 1);
          const audits = effectsOfType(effects, 'audit');
          expect(audits).toHaveLength(1);
          expect(audits[0]).toMatchObject({ entity: 'reward', entityId: 'rw-1', action: rule.command, from, to: rule.to });
          expect(audits[0]?.by).toMatchObject({ role, at: now.toISOString() });
        }
      });
    }

    it(`${rule.command}: refused from every other status`, () => {
      const role = rule.roles[0]!;
      for (const status of REWARD_STATUSES.filter((s) => !rule.from.includes(s))) {
        const code = errorOf(transitionReward(inStatus[status](), cmd, at(role, now))).code;
        expect(code).toBe(rule.command === 'pay' && status === 'paid' ? 'REWARD.ALREADY_PAID' : 'REWARD.INVALID_TRANSITION');
      }
    });

    it(`${rule.command}: refused for other roles and outside the jurisdiction`, () => {
      const state = inStatus[rule.from[0]!]();
      for (const role of ROLES.filter((r) => !rule.roles.includes(r))) {
        expect(errorOf(transitionReward(state, cmd, at(role, now))).code).toBe('REWARD.ROLE_NOT_ALLOWED');
      }
      const far = actor(rule.roles[0]!, { jurisdictionId: JURISDICTIONS.districtB });
      expect(errorOf(transitionReward(state, cmd, at(far, now))).code).toBe('REWARD.OUT_OF_SCOPE');
    });
  }
});

describe('createReward', () => {
  it('opens a candidate for a report acted on, and tells the reward officers', () => {
    const { next, effects } = expectOk(createReward(input, at('inspector', T0, { newId: () => 'rw-1' })));
    expect(next).toMatchObject({ id: 'rw-1', status: 'candidate', reportId: 'rep-1', version: 1, determination: null, payment: null });
    expect(next.createdBy).toMatchObject({ userId: 'inspector-1', role: 'inspector', at: T0.toISOString() });
    expect(effectsOfType(effects, 'audit')).toHaveLength(1);
    expect(effectsOfType(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { kind: 'role', role: 'reward_officer', jurisdictionId: JURISDICTIONS.streetA1 } }),
    ]);
  });

  it('needs at least one hazard acted on', () => {
    expect(errorOf(createReward({ ...input, hazardIds: [] }, at('inspector'))).code).toBe('REWARD.NOT_ACTED_ON');
  });

  it('refuses the public, units and actors outside the jurisdiction', () => {
    for (const role of ['public', 'whistleblower', 'unit', 'custodian', 'industry_officer'] as const) {
      expect(errorOf(createReward(input, at(role))).code).toBe('REWARD.ROLE_NOT_ALLOWED');
    }
    const far = actor('inspector', { jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(createReward(input, at(far))).code).toBe('REWARD.OUT_OF_SCOPE');
  });
});

describe('eligibility and determination', () => {
  it('records the reasons a reward is refused and tells the reporter', () => {
    const r = transitionReward(candidate(), { type: 'assess_ineligible', reasons: [' fire_agency_staff_or_relative '] }, at(officer));
    const { next, effects } = expectOk(r);
    expect(next.assessment).toMatchObject({ eligible: false, reasons: ['fire_agency_staff_or_relative'] });
    expect(effectsOfType(effects, 'notify')).toEqual([expect.objectContaining({ to: { kind: 'reporter' }, template: 'reward.ineligible' })]);
  });

  it('refuses ineligibility without a reason or with a blank one', () => {
    expect(errorOf(transitionReward(candidate(), { type: 'assess_ineligible', reasons: [] }, at(officer))).code).toBe('REWARD.REASON_REQUIRED');
    expect(errorOf(transitionReward(candidate(), { type: 'assess_ineligible', reasons: ['x', '  '] }, at(officer))).code).toBe(
      'REWARD.REASON_REQUIRED',
    );
  });

  it('freezes the computed amount, factors and rules version with who determined it', () => {
    const s = determined();
    expect(s.determination).toMatchObject({ ...determination, by: { userId: officer.userId, role: 'reward_officer' } });
  });

  it('takes the rules engine’s computation as it is', () => {
    const c = computeReward(DEFAULT_REWARD_RULES, {
      severity: 'general',
      riskCategory: 'ebike_indoor',
      fineFen: null,
      isFirstValidReporter: true,
      jointReporters: 1,
      reporterKind: 'public',
      anonymous: false,
      exclusionFlags: {
        isFireAgencyStaffOrRelative: false,
        isUnitResponsiblePerson: false,
        hazardAlreadyKnown: false,
        underInspection: false,
        maliciousOrFalse: false,
      },
      alreadyPaidThisYearFen: 0,
    });
    const { amountFen, factors, rulesVersion } = c;
    const s = step(eligible(), { type: 'determine', amountFen, factors, rulesVersion }, officer);
    expect(s.determination).toMatchObject({ amountFen, rulesVersion, factors });
  });

  it('refuses amounts that are not a positive whole number of fen', () => {
    for (const amountFen of [0, -100, 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const r = transitionReward(eligible(), { type: 'determine', ...determination, amountFen }, at(officer));
      expect(errorOf(r).code).toBe('REWARD.INVALID_AMOUNT');
    }
  });

  it('refuses a determination that does not say which rules and factors produced it', () => {
    expect(errorOf(transitionReward(eligible(), { type: 'determine', ...determination, factors: [] }, at(officer))).code).toBe(
      'REWARD.RULES_MISSING',
    );
    expect(errorOf(transitionReward(eligible(), { type: 'determine', ...determination, rulesVersion: ' ' }, at(officer))).code).toBe(
      'REWARD.RULES_MISSING',
    );
  });
});

describe('approval by a second person', () => {
  it('refuses approval by the person who determined the amount', () => {
    const sameUser = actor('fire_supervisor', { userId: officer.userId });
    const e = errorOf(transitionReward(determined(), { type: 'approve' }, at(sameUser)));
    expect(e.code).toBe('REWARD.SAME_PERSON');
    expect(e.messageZh).toMatch(/同一人/);
  });

  it('records the approver', () => {
    expect(approved().approval).toMatchObject({ userId: supervisor.userId, role: 'fire_supervisor' });
  });

  it('sends back for redetermination with a reason, clearing the amount', () => {
    expect(errorOf(transitionReward(determined(), { type: 'send_back', reason: ' ' }, at(supervisor))).code).toBe('REWARD.REASON_REQUIRED');
    const back = step(determined(), { type: 'send_back', reason: '未适用罚款分成' }, supervisor);
    expect(back).toMatchObject({ status: 'eligible', determination: null, sentBack: { reason: '未适用罚款分成' } });
    const again = step(back, { type: 'determine', ...determination, amountFen: 80_000 }, officer);
    expect(step(again, { type: 'approve' }, supervisor).determination?.amountFen).toBe(80_000);
  });
});

describe('notification and the claim window', () => {
  it('sets the claim window from the time limits, schedules it and tells the reporter through the receipt', () => {
    const { next, effects } = expectOk(transitionReward(approved(), { type: 'notify' }, at(officer)));
    expect(next.claimWindowEnd).toBe(WINDOW_END);
    expect(effectsOfType(effects, 'deadline')).toEqual([
      expect.objectContaining({ kind: 'reward.claim_window', due: WINDOW_END, basis: expect.stringContaining('领奖期限') }),
    ]);
    expect(effectsOfType(effects, 'notify')).toEqual([
      expect.objectContaining({ to: { kind: 'reporter' }, template: 'reward.notified', data: { amountFen: 50_000, claimWindowEnd: WINDOW_END } }),
    ]);
  });

  it('counts working days on the configured calendar (Qingming 2025-04-04 pushes the end back a day)', () => {
    const china = ctxFor(officer, { calendar: createWorkingCalendar(DEFAULT_CALENDAR_CONFIG) });
    expect(expectOk(transitionReward(approved(), { type: 'notify' }, china)).next.claimWindowEnd).toBe('2025-04-15T15:59:59.999Z');
  });

  it('uses a city-specific window when configured', () => {
    const limits = { ...DEFAULT_TIME_LIMITS, claimWindow: { unit: 'days', n: 90 } as const };
    expect(expectOk(transitionReward(approved(), { type: 'notify' }, at(officer), limits)).next.claimWindowEnd).toBe('2025-06-01T15:59:59.999Z');
  });

  it('records a claim submitted up to the end of the window and cancels the window deadline', () => {
    const { next, effects } = expectOk(
      transitionReward(notified(), { type: 'record_claim', claimId: 'cl-9', claimSubmittedAt: WINDOW_END }, at(officer, daysLater(T0, 50))),
    );
    expect(next.claim).toMatchObject({ claimId: 'cl-9', submittedAt: WINDOW_END });
    expect(effectsOfType(effects, 'cancelDeadline')).toEqual([expect.objectContaining({ kind: 'reward.claim_window' })]);
  });

  it('refuses a claim submitted after the window closed', () => {
    const late = new Date(Date.parse(WINDOW_END) + 1).toISOString();
    const r = transitionReward(notified(), { type: 'record_claim', claimId: 'cl-9', claimSubmittedAt: late }, at(officer, daysLater(T0, 60)));
    expect(errorOf(r).code).toBe('REWARD.CLAIM_WINDOW_CLOSED');
  });

  it('refuses a claim without an id or with a missing or future submission time', () => {
    expect(errorOf(transitionReward(notified(), { type: 'record_claim', claimId: '', claimSubmittedAt: T0.toISOString() }, at(officer))).code).toBe(
      'REWARD.INVALID_CLAIM',
    );
    expect(errorOf(transitionReward(notified(), { type: 'record_claim', claimId: 'cl-1', claimSubmittedAt: 'soon' }, at(officer))).code).toBe(
      'REWARD.INVALID_CLAIM',
    );
    const future = hoursLater(T0, 1).toISOString();
    expect(errorOf(transitionReward(notified(), { type: 'record_claim', claimId: 'cl-1', claimSubmittedAt: future }, at(officer))).code).toBe(
      'REWARD.INVALID_CLAIM',
    );
  });

  it('expires only once the window has passed', () => {
    expect(errorOf(transitionReward(notified(), { type: 'expire' }, at(officer, hoursLater(T0, 1)))).code).toBe('REWARD.CLAIM_WINDOW_OPEN');
    expect(errorOf(transitionReward(notified(), { type: 'expire' }, at(officer, new Date(WINDOW_END)))).code).toBe('REWARD.CLAIM_WINDOW_OPEN');
    const after = new Date(Date.parse(WINDOW_END) + 1);
    expect(expectOk(transitionReward(notified(), { type: 'expire' }, at(officer, after))).next.expiredBy).toMatchObject({
      userId: officer.userId,
      at: after.toISOString(),
    });
  });
});

describe('payment exactly once', () => {
  it('records the payment reference and the payer', () => {
    const s = paid();
    expect(s.payment).toEqual({ reference: 'PAY-0001', by: expect.objectContaining({ userId: officer.userId, role: 'reward_officer' }) });
  });

  it('refuses a second payment with REWARD.ALREADY_PAID', () => {
    const e = errorOf(transitionReward(paid(), { type: 'pay', paymentReference: 'PAY-0002' }, at(officer)));
    expect(e.code).toBe('REWARD.ALREADY_PAID');
    expect(e.details).toEqual({ paymentReference: 'PAY-0001' });
  });

  it('refuses payment without a reference', () => {
    expect(errorOf(transitionReward(claimed(), { type: 'pay', paymentReference: '  ' }, at(officer))).code).toBe('REWARD.PAYMENT_REF_REQUIRED');
  });

  it('never pays twice, whatever sequence of commands and actors', () => {
    const commands = Object.values(valid).map((v) => v.cmd);
    const roles: Role[] = ['reward_officer', 'fire_supervisor', 'inspector', 'public'];
    fc.assert(
      fc.property(
        fc.constantFrom(...REWARD_STATUSES),
        fc.array(fc.record({ cmd: fc.constantFrom(...commands), role: fc.constantFrom(...roles), days: fc.integer({ min: 0, max: 80 }) }), {
          maxLength: 30,
        }),
        (start, steps) => {
          let s = inStatus[start]();
          let payments = 0;
          for (const { cmd, role, days } of steps) {
            const r = transitionReward(s, cmd, at(role, daysLater(T0, days)));
            if (!r.ok) continue;
            expect(r.next.version).toBe(s.version + 1);
            expect(effectsOfType(r.effects, 'audit')).toHaveLength(1);
            if (cmd.type === 'pay') payments += 1;
            s = r.next;
          }
          expect(payments + (start === 'paid' ? 1 : 0)).toBeLessThanOrEqual(1);
          expect(s.payment !== null).toBe(s.status === 'paid');
        },
      ),
    );
  });
});

describe('withholding', () => {
  it('needs a reason and keeps the status it was withheld from', () => {
    expect(errorOf(transitionReward(approved(), { type: 'withhold', reason: '' }, at(supervisor))).code).toBe('REWARD.REASON_REQUIRED');
    expect(withheld().withholding).toMatchObject({ from: 'approved', reason: '举报人系该单位消防安全管理人' });
  });

  it('cancels the claim window when withheld after notification', () => {
    const { effects } = expectOk(transitionReward(notified(), { type: 'withhold', reason: '发现系重复举报' }, at(officer)));
    expect(effectsOfType(effects, 'cancelDeadline')).toEqual([expect.objectContaining({ kind: 'reward.claim_window' })]);
    const before = expectOk(transitionReward(approved(), { type: 'withhold', reason: '发现系重复举报' }, at(officer)));
    expect(effectsOfType(before.effects, 'cancelDeadline')).toEqual([]);
  });
});

describe('reopening after the recorded claim is rejected', () => {
  const reopen = (claimId = 'cl-1', reason = '身份核验有误'): RewardCommand => ({ type: 'reopen_claim', claimId, reason });

  it('goes back to notified within the same window, clears the claim and re-arms the window deadline', () => {
    const before = claimed();
    expect(claimHoldsReward(before, 'cl-1')).toBe(true);
    expect(claimHoldsReward(before, 'cl-2')).toBe(false);
    const now = daysLater(T0, 3);
    const { next, effects } = expectOk(transitionReward(before, reopen(), at(officer, now)));
    expect(next).toMatchObject({ status: 'notified', claim: null, claimWindowEnd: WINDOW_END, version: before.version + 1 });
    expect(claimHoldsReward(next, 'cl-1')).toBe(false);
    expect(effectsOfType(effects, 'audit')).toEqual([expect.objectContaining({ action: 'reopen_claim', from: 'claimed', to: 'notified', data: { claimId: 'cl-1', reason: '身份核验有误' } })]);
    expect(effectsOfType(effects, 'deadline')).toEqual([expect.objectContaining({ kind: 'reward.claim_window', due: WINDOW_END })]);
    // Another claim can then be recorded, and the window still ends the reward.
    const again = step(next, { type: 'record_claim', claimId: 'cl-2', claimSubmittedAt: daysLater(T0, 4).toISOString() }, officer, daysLater(T0, 4));
    expect(again.claim?.claimId).toBe('cl-2');
    expect(step(next, { type: 'expire' }, officer, daysLater(T0, 60)).status).toBe('expired');
  });

  it('refuses a blank reason, a claim other than the recorded one, and a closed window', () => {
    const now = daysLater(T0, 3);
    expect(errorOf(transitionReward(claimed(), reopen('cl-1', ' '), at(officer, now))).code).toBe('REWARD.REASON_REQUIRED');
    expect(errorOf(transitionReward(claimed(), reopen('cl-2'), at(officer, now))).code).toBe('REWARD.CLAIM_MISMATCH');
    const late = new Date(Date.parse(WINDOW_END) + 1);
    expect(errorOf(transitionReward(claimed(), reopen(), at(officer, late))).code).toBe('REWARD.CLAIM_WINDOW_CLOSED');
    expect(expectOk(transitionReward(claimed(), reopen(), at(officer, new Date(WINDOW_END)))).next.status).toBe('notified');
  });

  it('does not apply once the reward is withheld or paid', () => {
    const w = step(claimed(), { type: 'withhold', reason: '系虚假举报' }, officer);
    expect(claimHoldsReward(w, 'cl-1')).toBe(false);
    expect(claimHoldsReward(paid(), 'cl-1')).toBe(false);
  });
});
