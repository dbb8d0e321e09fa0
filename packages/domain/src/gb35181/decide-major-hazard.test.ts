import { describe, expect, it } from 'vitest';
import { decidedWithExperts, decideMajorHazard, DEFAULT_GB35181_VERSION, gb35181RuleTable, GB35181_RULE_TABLES } from './decide-major-hazard';
import { GB35181_2017 } from './gb35181-2017';
import type { CollectiveDecision } from './validate-collective-decision';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}` }));
const collective: CollectiveDecision = { kind: 'collective', participants: people(3), votesFor: 3 };
const experts: CollectiveDecision = { kind: 'expert_group', participants: people(7), votesFor: 5 };
const direct = { venueClasses: ['crowded' as const], elements: [{ code: '6.5', correctableImmediately: false }], exclusions: [] };
const minor = { venueClasses: ['crowded' as const], elements: [{ code: '7.3.6', correctableImmediately: false }], exclusions: [] };

function decided(request: Parameters<typeof decideMajorHazard>[0]) {
  const r = decideMajorHazard(request);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
function refused(request: Parameters<typeof decideMajorHazard>[0]) {
  const r = decideMajorHazard(request);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('GB 35181 edition', () => {
  it('defaults to the 2017 edition and finds it by version', () => {
    expect(DEFAULT_GB35181_VERSION).toBe('2017');
    expect(gb35181RuleTable('2017')).toEqual({ ok: true, value: GB35181_2017 });
  });

  it('refuses an edition that is not configured, naming those that are, and never reads inherited keys', () => {
    for (const v of ['2025', 'toString', '__proto__']) {
      const r = gb35181RuleTable(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'GB35181.UNKNOWN_VERSION', details: { ruleVersion: v, available: Object.keys(GB35181_RULE_TABLES) } });
    }
  });

  it('determines under a table handed in, so a new edition is a table added', () => {
    const t2025 = { ...GB35181_2017, version: '2025' };
    const r = decideMajorHazard({ ruleVersion: '2025', input: direct, decision: collective, determinationId: 'd1' }, { '2025': t2025 });
    expect(r.ok && r.value.table.version).toBe('2025');
    expect(r.ok && r.value.result.version).toBe('2025');
  });
});

describe('decideMajorHazard', () => {
  it('without an override, the decision is what the counting rules say', () => {
    const d = decided({ ruleVersion: '2017', input: direct, decision: collective, determinationId: 'd1' });
    expect(d.computed.major).toBe(true);
    expect(d.result).toBe(d.computed);
    expect(d.quorum).toMatchObject({ kind: 'collective', participants: 3 });
    expect(d.withExperts).toBe(false);
  });

  it('an expert override replaces the result, cites the determination and keeps the computed one', () => {
    const d = decided({ ruleVersion: '2017', input: minor, decision: experts, override: { major: true, reason: '疏散通道长期堵塞' }, determinationId: 'det-9' });
    expect(d.computed.major).toBe(false);
    expect(d.result.major).toBe(true);
    expect(d.result.override).toEqual({ major: true, reason: '疏散通道长期堵塞', decisionId: 'det-9', computedMajor: false });
    expect(d.withExperts).toBe(true);
  });

  it('counts a determination as made with experts only when an expert group held it', () => {
    expect(decidedWithExperts({ kind: 'expert_group' })).toBe(true);
    expect(decidedWithExperts({ kind: 'collective' })).toBe(false);
  });

  it('refuses in order: edition, counting, quorum, override', () => {
    const badOverride = { major: true, reason: '   ' };
    expect(refused({ ruleVersion: '1999', input: { ...direct, elements: [{ code: 'nope', correctableImmediately: false }] }, decision: { ...collective, participants: people(1) }, override: badOverride, determinationId: 'd' }).code).toBe(
      'GB35181.UNKNOWN_VERSION',
    );
    const counting = refused({ ruleVersion: '2017', input: { ...direct, elements: [{ code: 'nope', correctableImmediately: false }] }, decision: { ...collective, participants: people(1) }, override: badOverride, determinationId: 'd' });
    expect(counting.code).toMatch(/^GB35181\./);
    expect(counting.code).not.toBe('GB35181.UNKNOWN_VERSION');
    expect(refused({ ruleVersion: '2017', input: direct, decision: { ...collective, participants: people(1) }, override: badOverride, determinationId: 'd' }).code).toBe('DECISION.TOO_FEW_PARTICIPANTS');
    expect(refused({ ruleVersion: '2017', input: direct, decision: collective, override: badOverride, determinationId: 'd' }).code).toBe('GB35181.OVERRIDE_REASON_REQUIRED');
  });
});
