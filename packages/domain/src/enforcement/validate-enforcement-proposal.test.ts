import { describe, expect, it } from 'vitest';
import type { CollectiveDecision } from '../gb35181/validate-collective-decision';
import { ENFORCEMENT_ACTION_KINDS, ENFORCEMENT_ACTIONS } from './enforcement-actions';
import { DEFAULT_ENFORCEMENT_RULES, type EnforcementRules } from './enforcement-rules';
import { requiresCollectiveDecision } from './requires-collective-decision';
import { validateEnforcementProposal, type EnforcementProposal } from './validate-enforcement-proposal';

const inspector = { userId: 'u-insp', role: 'inspector' as const };
const supervisor = { userId: 'u-head', role: 'fire_supervisor' as const };
const committee = { userId: 'u-gov', role: 'committee_officer' as const };
const collective: CollectiveDecision = { kind: 'collective', participants: [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }], votesFor: 3 };

const fine = (amountYuan: number, extra: Partial<EnforcementProposal> = {}): EnforcementProposal => ({
  kind: 'fine',
  target: 'unit',
  facts: '疏散通道被货物堵塞',
  proposer: inspector,
  basis: { article: 60, paragraph: 1, item: 3 },
  amountYuan,
  ...extra,
});

function code(p: EnforcementProposal, rules?: EnforcementRules): string | true {
  const r = validateEnforcementProposal(p, rules);
  return r.ok ? true : r.error.code;
}

describe('enforcement action role data', () => {
  it('covers every action kind with proposers and deciders', () => {
    for (const kind of ENFORCEMENT_ACTION_KINDS) {
      const def = ENFORCEMENT_ACTIONS[kind];
      expect(def.proposedBy.length).toBeGreaterThan(0);
      expect(def.decidedBy.length).toBeGreaterThan(0);
      expect(def.label.zh).toBeTruthy();
    }
    expect(ENFORCEMENT_ACTIONS.detention_referral.finalAuthority).toBe('police_station');
    expect(ENFORCEMENT_ACTIONS.license_revocation_request.finalAuthority).toBe('licensing_department');
  });
});

describe('requiresCollectiveDecision', () => {
  it('always for stop-business, licence revocation requests and criminal referrals', () => {
    for (const kind of ['stop_business', 'license_revocation_request', 'criminal_referral'] as const) {
      expect(requiresCollectiveDecision({ kind, target: 'unit' }, DEFAULT_ENFORCEMENT_RULES)).toBe('kind');
    }
    expect(requiresCollectiveDecision({ kind: 'order_correction', target: 'unit' }, DEFAULT_ENFORCEMENT_RULES)).toBeNull();
  });

  it('for unit fines at or above 50,000 yuan, configurable', () => {
    expect(requiresCollectiveDecision({ kind: 'fine', target: 'unit', amountYuan: 49_999 }, DEFAULT_ENFORCEMENT_RULES)).toBeNull();
    expect(requiresCollectiveDecision({ kind: 'fine', target: 'unit', amountYuan: 50_000 }, DEFAULT_ENFORCEMENT_RULES)).toBe('fine_threshold');
    const strict = { ...DEFAULT_ENFORCEMENT_RULES, collective: { ...DEFAULT_ENFORCEMENT_RULES.collective, fineThresholdYuan: { unit: 20_000, individual: null } } };
    expect(requiresCollectiveDecision({ kind: 'fine', target: 'unit', amountYuan: 20_000 }, strict)).toBe('fine_threshold');
    expect(requiresCollectiveDecision({ kind: 'fine', target: 'individual', amountYuan: 50_000 }, strict)).toBeNull();
  });
});

describe('validateEnforcementProposal: proposal stage', () => {
  it('accepts a fine proposal within range and reports what the decision will need', () => {
    const r = validateEnforcementProposal(fine(50_000));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({ kind: 'fine', stage: 'proposal', finalAuthority: 'fire_agency', collectiveDecision: 'fine_threshold', referral: null });
      expect(r.value.fine?.citation).toBe('消防法 第60条第1款第3项');
    }
  });

  it('checks who may propose', () => {
    expect(code(fine(10_000, { proposer: { userId: 'g', role: 'grid_worker' } }))).toBe('ENFORCEMENT.ROLE_CANNOT_PROPOSE');
    expect(code({ kind: 'interview', target: 'unit', facts: '隐患久拖不改', proposer: { userId: 'x', role: 'industry_officer' } })).toBe(true);
  });

  it('needs facts, a legal basis for fines and an amount within range', () => {
    expect(code(fine(10_000, { facts: '  ' }))).toBe('ENFORCEMENT.FACTS_REQUIRED');
    expect(code(fine(10_000, { basis: undefined }))).toBe('ENFORCEMENT.LEGAL_BASIS_REQUIRED');
    expect(code(fine(60_000))).toBe('ENFORCEMENT.FINE_OUT_OF_RANGE');
    expect(code(fine(Number.NaN))).toBe('ENFORCEMENT.INVALID_AMOUNT');
    expect(code({ ...fine(0), amountYuan: undefined })).toBe('ENFORCEMENT.INVALID_AMOUNT');
  });

  it('reads fines from their article even if a configuration drops the basis requirement', () => {
    const loose: EnforcementRules = {
      ...DEFAULT_ENFORCEMENT_RULES,
      actions: { ...DEFAULT_ENFORCEMENT_RULES.actions, fine: { ...DEFAULT_ENFORCEMENT_RULES.actions.fine, requiresLegalBasis: false } },
    };
    expect(code(fine(10_000, { basis: undefined }), loose)).toBe('ENFORCEMENT.LEGAL_BASIS_REQUIRED');
  });

  it('never turns a detention article into a fire-agency fine', () => {
    expect(code(fine(500, { target: 'individual', basis: { article: 64 } }))).toBe('ENFORCEMENT.POLICE_MATTER');
  });

  it('refers detention matters to the police station, for individuals only', () => {
    const referral: EnforcementProposal = {
      kind: 'detention_referral',
      target: 'individual',
      facts: '擅自拆封被查封场所',
      proposer: inspector,
      basis: { article: 64, item: 6 },
      recipientDepartmentId: 'police-station-1',
    };
    const r = validateEnforcementProposal(referral);
    expect(r.ok && r.value).toMatchObject({ finalAuthority: 'police_station', referral: { article: 64, recipient: 'police_station' } });
    expect(code({ ...referral, target: 'unit' })).toBe('ENFORCEMENT.DETENTION_INDIVIDUAL_ONLY');
    expect(code({ ...referral, basis: { article: 60 } })).toBe('ENFORCEMENT.NOT_A_DETENTION_MATTER');
    expect(code({ ...referral, recipientDepartmentId: undefined })).toBe('ENFORCEMENT.RECIPIENT_REQUIRED');
  });

  it('stop-business needs an article that provides it, and its precondition', () => {
    const stop: EnforcementProposal = { kind: 'stop_business', target: 'unit', facts: '三合一场所', proposer: inspector, basis: { article: 61 } };
    expect(code(stop)).toBe(true);
    expect(code({ ...stop, basis: { article: 60 } })).toBe('ENFORCEMENT.MEASURE_NOT_PROVIDED');
    expect(code({ ...stop, basis: { article: 66 } })).toBe('ENFORCEMENT.PRECONDITION_UNMET');
    expect(code({ ...stop, basis: { article: 66 }, priorOrderOverdue: true })).toBe(true);
  });

  it('fines after overdue correction (Art. 65, 66) need the overdue order', () => {
    const p = fine(3_000, { basis: { article: 66 } });
    expect(code(p)).toBe('ENFORCEMENT.PRECONDITION_UNMET');
    expect(code({ ...p, priorOrderOverdue: true })).toBe(true);
  });

  it('forced execution and licence revocation requests follow an ignored order', () => {
    const forced: EnforcementProposal = { kind: 'forced_execution', target: 'unit', facts: '拒不清除占用消防车通道的障碍物', proposer: inspector };
    expect(code(forced)).toBe('ENFORCEMENT.PRECONDITION_UNMET');
    expect(code({ ...forced, priorOrderOverdue: true })).toBe(true);
    const revoke: EnforcementProposal = { kind: 'license_revocation_request', target: 'unit', facts: '逾期不整改', proposer: inspector, priorOrderOverdue: true };
    expect(code(revoke)).toBe('ENFORCEMENT.RECIPIENT_REQUIRED');
    const ok = validateEnforcementProposal({ ...revoke, recipientDepartmentId: 'market-regulation' });
    expect(ok.ok && ok.value).toMatchObject({ finalAuthority: 'licensing_department', collectiveDecision: 'kind' });
  });

  it('refuses an unknown kind coming from outside the type system', () => {
    expect(code({ ...fine(10_000), kind: 'confiscation' as never })).toBe('ENFORCEMENT.UNKNOWN_ACTION');
  });
});

describe('validateEnforcementProposal: decision stage', () => {
  it('a supervisor decides a small fine without a collective discussion', () => {
    const r = validateEnforcementProposal(fine(10_000, { decider: supervisor }));
    expect(r.ok && r.value).toMatchObject({ stage: 'decision', collectiveDecision: null });
  });

  it('checks the decider role and separation from the proposer', () => {
    expect(code(fine(10_000, { decider: { userId: 'u-2', role: 'inspector' } }))).toBe('ENFORCEMENT.ROLE_CANNOT_DECIDE');
    expect(code(fine(10_000, { proposer: { userId: 'same', role: 'inspector' }, decider: { userId: 'same', role: 'fire_supervisor' } }))).toBe(
      'ENFORCEMENT.SAME_PERSON',
    );
    // An order to correct is served on the spot by the inspector who found the hazard.
    expect(code({ kind: 'order_correction', target: 'unit', facts: '灭火器过期', proposer: inspector, decider: inspector })).toBe(true);
  });

  it('requires a valid collective discussion at or above the threshold', () => {
    expect(code(fine(50_000, { decider: supervisor }))).toBe('ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED');
    expect(
      code(fine(50_000, { decider: supervisor, collectiveDecision: { ...collective, kind: 'expert_group' } })),
    ).toBe('ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED');
    expect(code(fine(50_000, { decider: supervisor, collectiveDecision: { ...collective, participants: collective.participants.slice(0, 2), votesFor: 2 } }))).toBe(
      'DECISION.TOO_FEW_PARTICIPANTS',
    );
    expect(code(fine(50_000, { decider: supervisor, collectiveDecision: collective }))).toBe(true);
  });

  it('a stop-business order with large impact goes to the local government', () => {
    const stop: EnforcementProposal = {
      kind: 'stop_business',
      target: 'unit',
      facts: '大型商场未经许可擅自营业',
      proposer: inspector,
      basis: { article: 58 },
      largeImpact: true,
      collectiveDecision: collective,
    };
    expect(code({ ...stop, decider: supervisor })).toBe('ENFORCEMENT.GOVERNMENT_DECISION_REQUIRED');
    expect(code({ ...stop, decider: committee })).toBe(true);
    expect(code({ ...stop, largeImpact: false, decider: supervisor })).toBe(true);
    expect(code({ ...stop, largeImpact: false, decider: committee })).toBe('ENFORCEMENT.ROLE_CANNOT_DECIDE');
  });
});
