import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCollectiveDecision } from './validate-collective-decision';

const people = (...ids: string[]) => ids.map((userId) => ({ userId }));
const seven = people('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7');

describe('validateCollectiveDecision', () => {
  it('a collective decision needs at least 3 distinct people', () => {
    expect(validateCollectiveDecision({ kind: 'collective', participants: people('a', 'b', 'c'), votesFor: 2 })).toEqual({
      ok: true,
      value: { kind: 'collective', participants: 3, votesFor: 2, required: 0 },
    });
    const dup = validateCollectiveDecision({ kind: 'collective', participants: people('a', 'b', 'a'), votesFor: 2 });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error).toMatchObject({ code: 'DECISION.TOO_FEW_PARTICIPANTS', details: { participants: 2, min: 3 } });
  });

  it('an expert group needs 7 distinct experts and two-thirds agreement, rounded up', () => {
    expect(validateCollectiveDecision({ kind: 'expert_group', participants: seven, votesFor: 5 })).toMatchObject({ ok: true, value: { required: 5 } });
    const four = validateCollectiveDecision({ kind: 'expert_group', participants: seven, votesFor: 4 });
    expect(four.ok).toBe(false);
    if (!four.ok) expect(four.error).toMatchObject({ code: 'DECISION.INSUFFICIENT_AGREEMENT', details: { required: 5, votesFor: 4 } });
    // 9 experts: exactly 6 is two-thirds.
    const nine = [...seven, ...people('e8', 'e9')];
    expect(validateCollectiveDecision({ kind: 'expert_group', participants: nine, votesFor: 6 }).ok).toBe(true);
    expect(validateCollectiveDecision({ kind: 'expert_group', participants: nine, votesFor: 5 }).ok).toBe(false);
    const six = validateCollectiveDecision({ kind: 'expert_group', participants: seven.slice(0, 6), votesFor: 6 });
    expect(!six.ok && six.error.code).toBe('DECISION.TOO_FEW_PARTICIPANTS');
  });

  it('refuses impossible vote counts and anonymous participants', () => {
    for (const votesFor of [-1, 8, 2.5, Number.NaN]) {
      const r = validateCollectiveDecision({ kind: 'expert_group', participants: seven, votesFor });
      expect(!r.ok && r.error.code).toBe('DECISION.INVALID_VOTES');
    }
    const anon = validateCollectiveDecision({ kind: 'collective', participants: people('a', ' ', 'c', 'd'), votesFor: 3 });
    expect(!anon.ok && anon.error.code).toBe('DECISION.INVALID_PARTICIPANT');
  });

  it('honours a configured majority for collective discussions', () => {
    const rules = {
      collective: { minParticipants: 3, agreement: { numerator: 1, denominator: 2 } },
      expert_group: { minParticipants: 7, agreement: { numerator: 2, denominator: 3 } },
    };
    expect(validateCollectiveDecision({ kind: 'collective', participants: people('a', 'b', 'c', 'd'), votesFor: 1 }, rules).ok).toBe(false);
    expect(validateCollectiveDecision({ kind: 'collective', participants: people('a', 'b', 'c', 'd'), votesFor: 2 }, rules).ok).toBe(true);
  });

  it('expert agreement equals 3·votes ≥ 2·participants for every group size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 60 }), fc.nat(60), (n, v) => {
        fc.pre(v <= n);
        const participants = Array.from({ length: n }, (_, i) => ({ userId: `x${i}` }));
        const r = validateCollectiveDecision({ kind: 'expert_group', participants, votesFor: v });
        expect(r.ok).toBe(3 * v >= 2 * n);
      }),
    );
  });
});
