import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../common/effects';
import { ROLES } from '../common/roles';
import { LIFECYCLES, reachable } from './index';

describe('LIFECYCLES registry', () => {
  it('holds the ten lifecycles, each with its own code prefix and entity', () => {
    expect(LIFECYCLES.map((lc) => lc.name).sort()).toEqual(
      ['CAMPAIGN_TASK', 'DISCLOSURE', 'ENFORCEMENT', 'HAZARD', 'INSPECTION', 'LISTING', 'REFERRAL', 'REPORT', 'REWARD', 'REWARD_CLAIM'].sort(),
    );
    expect(new Set(LIFECYCLES.map((lc) => lc.entity)).size).toBe(LIFECYCLES.length);
    for (const lc of LIFECYCLES) expect(ENTITY_KINDS).toContain(lc.entity);
  });

  for (const lc of LIFECYCLES) {
    describe(lc.name, () => {
      it('names only its own statuses and known roles', () => {
        const states = new Set(lc.states);
        expect(states.size).toBe(lc.states.length);
        expect(states.has(lc.initial)).toBe(true);
        for (const s of lc.terminal) expect(states.has(s)).toBe(true);
        for (const t of lc.transitions) {
          for (const f of t.from) expect(states.has(f)).toBe(true);
          expect(states.has(t.to)).toBe(true);
          expect(t.roles.length).toBeGreaterThan(0);
          for (const r of t.roles) expect(ROLES).toContain(r);
          expect(t.label.zh.trim()).not.toBe('');
          expect(t.label.en.trim()).not.toBe('');
        }
      });

      it('reaches every status from the initial one, and nothing leaves a terminal status', () => {
        expect([...reachable(lc)].sort()).toEqual([...lc.states].sort());
        for (const t of lc.transitions) {
          for (const f of t.from) expect(lc.terminal, `${t.command} leaves terminal ${f}`).not.toContain(f);
        }
      });

      it('never gives one command two rules for the same status (guard would pick by table order)', () => {
        const seen = new Set<string>();
        for (const t of lc.transitions) {
          for (const f of t.from) {
            const key = `${t.command}@${f}`;
            expect(seen.has(key), key).toBe(false);
            seen.add(key);
          }
        }
      });
    });
  }
});
