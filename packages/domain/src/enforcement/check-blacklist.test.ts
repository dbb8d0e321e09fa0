import { describe, expect, it } from 'vitest';
import { DEFAULT_BLACKLIST_RULES, type BlacklistEvent, type BlacklistRules } from './blacklist-rules';
import { checkBlacklistEntry } from './check-blacklist-entry';
import { checkBlacklistRemoval } from './check-blacklist-removal';

const cn = (local: string) => new Date(`${local}+08:00`);
const ev = (kind: BlacklistEvent['kind'], local: string, refId: string): BlacklistEvent => ({ kind, at: cn(local), refId });
const now = cn('2025-10-15T10:00:00');

describe('checkBlacklistEntry', () => {
  it('lists every condition met, with the records behind it', () => {
    const r = checkBlacklistEntry({
      now,
      events: [
        ev('major_hazard_not_corrected', '2025-08-01T00:00:00', 'hz-1'),
        ev('false_commitment', '2025-09-01T00:00:00', 'cm-1'),
        ev('obstructed_inspection', '2024-01-01T00:00:00', 'insp-old'),
      ],
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.reasons.map((x) => [x.code, x.refIds])).toEqual([
        ['refused_major_hazard_correction', ['hz-1']],
        ['false_commitment', ['cm-1']],
      ]);
      expect(r.value.reasons[0]!.label.zh).toContain('重大火灾隐患');
    }
  });

  it('counts repeated violations only within 12 months', () => {
    const three = [
      ev('violation', '2024-10-16T09:00:00', 'p1'),
      ev('violation', '2025-03-01T09:00:00', 'p2'),
      ev('violation', '2025-10-01T09:00:00', 'p3'),
    ];
    const r = checkBlacklistEntry({ now, events: three });
    expect(r.ok && r.value.reasons.map((x) => x.code)).toEqual(['repeated_violations']);
    // The first one falls out of the window on 15 October 2024 and before.
    const old = [ev('violation', '2024-10-15T09:00:00', 'p0'), ...three.slice(1)];
    const none = checkBlacklistEntry({ now, events: old });
    expect(!none.ok && none.error.code).toBe('ENFORCEMENT.BLACKLIST_NO_GROUNDS');
  });

  it('ignores events dated after now and takes configured thresholds', () => {
    const future = checkBlacklistEntry({ now, events: [ev('false_commitment', '2025-10-16T00:00:00', 'f')] });
    expect(future.ok).toBe(false);
    const twice: BlacklistRules = {
      ...DEFAULT_BLACKLIST_RULES,
      entry: DEFAULT_BLACKLIST_RULES.entry.map((c) => (c.code === 'repeated_violations' ? { ...c, minCount: 2 } : c)),
    };
    const r = checkBlacklistEntry({ now, events: [ev('violation', '2025-01-01T00:00:00', 'a'), ev('violation', '2025-02-01T00:00:00', 'b')] }, twice);
    expect(r.ok).toBe(true);
  });
});

describe('checkBlacklistRemoval', () => {
  const entered = cn('2024-09-01T10:00:00');
  const base = { enteredAt: entered, now, openHazards: 0, events: [] as BlacklistEvent[], appliedAt: cn('2025-10-01T09:00:00') };

  it('lets a unit leave after 12 clean months, all hazards closed, on application', () => {
    const r = checkBlacklistRemoval(base);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.eligibleFrom).toEqual(cn('2025-09-01T10:00:00'));
      expect(r.value.conditions.every((c) => c.met)).toBe(true);
    }
  });

  it('lists every unmet condition', () => {
    const r = checkBlacklistRemoval({ ...base, openHazards: 2, appliedAt: null, enteredAt: cn('2025-01-01T00:00:00') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ENFORCEMENT.BLACKLIST_EXIT_NOT_ELIGIBLE');
      expect(r.error.details).toMatchObject({ unmet: ['hazards_closed', 'clean_period', 'application'], openHazards: 2 });
      expect(r.error.messageZh).toContain('12个月');
    }
  });

  it('a new violation restarts the clean period', () => {
    const r = checkBlacklistRemoval({ ...base, events: [ev('violation', '2025-03-10T09:00:00', 'p9')] });
    expect(!r.ok && r.error.details).toMatchObject({ unmet: ['clean_period'], eligibleFrom: cn('2026-03-10T09:00:00').toISOString() });
  });

  it('honours a configured period and switches', () => {
    const rules: BlacklistRules = { ...DEFAULT_BLACKLIST_RULES, exit: { minCleanMonths: 6, requireAllHazardsClosed: false, requireApplication: false } };
    const r = checkBlacklistRemoval({ ...base, enteredAt: cn('2025-04-15T10:00:00'), openHazards: 1, appliedAt: null }, rules);
    expect(r.ok).toBe(true);
  });
});
