import { describe, expect, it } from 'vitest';
import { applyExpertOverride } from './apply-expert-override';
import { determineMajorHazard, type MajorHazardDetermination } from './determine-major-hazard';
import { GB35181_2017 } from './gb35181-2017';

function computed(): MajorHazardDetermination {
  const r = determineMajorHazard(GB35181_2017, {
    venueClasses: ['crowded'],
    elements: [{ code: '7.3.6', correctableImmediately: false }, { code: '7.5', correctableImmediately: false }],
    exclusions: [],
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('applyExpertOverride', () => {
  it('records the expert decision and keeps what the rules computed', () => {
    const before = computed();
    expect(before.major).toBe(false);
    const r = applyExpertOverride(before, { major: true, reason: '  地下一层唯一疏散楼梯被锁闭，结合5.3.4综合判定  ', decisionId: 'dec-7' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.major).toBe(true);
    expect(r.value.decidedBy).toEqual(before.decidedBy);
    expect(r.value.counted).toEqual(before.counted);
    expect(r.value.override).toEqual({ major: true, reason: '地下一层唯一疏散楼梯被锁闭，结合5.3.4综合判定', decisionId: 'dec-7', computedMajor: false });
  });

  it('requires a non-empty reason and a decision id', () => {
    const blank = applyExpertOverride(computed(), { major: true, reason: '   ', decisionId: 'dec-7' });
    expect(!blank.ok && blank.error.code).toBe('GB35181.OVERRIDE_REASON_REQUIRED');
    const noDecision = applyExpertOverride(computed(), { major: true, reason: 'because', decisionId: '' });
    expect(!noDecision.ok && noDecision.error.code).toBe('GB35181.OVERRIDE_DECISION_REQUIRED');
  });

  it('refuses to override twice', () => {
    const once = applyExpertOverride(computed(), { major: true, reason: 'r', decisionId: 'dec-1' });
    if (!once.ok) throw new Error(once.error.code);
    const twice = applyExpertOverride(once.value, { major: false, reason: 'r2', decisionId: 'dec-2' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error).toMatchObject({ code: 'GB35181.ALREADY_OVERRIDDEN', details: { decisionId: 'dec-1' } });
  });
});
