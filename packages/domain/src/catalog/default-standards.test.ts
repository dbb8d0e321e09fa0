import { describe, expect, it } from 'vitest';
import { BASE_ITEMS, COMMON_ITEMS } from './common-check-items';
import { DEFAULT_STANDARDS } from './default-standards';
import type { CheckItem } from './remediation-standard';
import { RISK_CATEGORY_CODES } from './risk-categories';
import { GB_ELEMENT_CODE, remediationStandardSchema } from './standard-schema';
import { VENUE_CATEGORY_CODES } from './venue-categories';

describe('default remediation standards', () => {
  it('covers every venue category with exactly one published version 1', () => {
    expect(DEFAULT_STANDARDS.map((s) => s.category)).toEqual([...VENUE_CATEGORY_CODES]);
    for (const s of DEFAULT_STANDARDS) {
      expect(s.version).toBe(1);
      expect(s.status).toBe('published');
    }
  });

  it('is valid under the admin schema, with 6 to 15 uniquely identified items per category', () => {
    for (const s of DEFAULT_STANDARDS) {
      const parsed = remediationStandardSchema.safeParse(s);
      expect(parsed.success, `${s.category}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(s.items.length).toBeGreaterThanOrEqual(6);
      expect(s.items.length).toBeLessThanOrEqual(15);
      expect(new Set(s.items.map((i) => i.id)).size).toBe(s.items.length);
    }
  });

  it('reuses shared items by reference: one id is one object everywhere', () => {
    const byId = new Map<string, CheckItem>();
    for (const s of DEFAULT_STANDARDS) {
      for (const item of s.items) {
        const seen = byId.get(item.id);
        if (seen) expect(item).toBe(seen);
        else byId.set(item.id, item);
      }
    }
    for (const common of Object.values(COMMON_ITEMS)) {
      const users = DEFAULT_STANDARDS.filter((s) => s.items.includes(common));
      expect(users.length, common.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('carries the base checks in every building-use category', () => {
    const exempt = new Set(['group_rental', 'construction_site', 'heritage_building']);
    for (const s of DEFAULT_STANDARDS.filter((s) => !exempt.has(s.category))) {
      for (const base of BASE_ITEMS) expect(s.items, `${s.category} lacks ${base.id}`).toContain(base);
    }
  });

  it('uses every risk category, and each provincial venue carries its provincial risk', () => {
    const used = new Set(DEFAULT_STANDARDS.flatMap((s) => s.items.map((i) => i.riskCategory)));
    expect([...used].sort()).toEqual([...RISK_CATEGORY_CODES].sort());
    const risks = (category: string) => DEFAULT_STANDARDS.find((s) => s.category === category)!.items.map((i) => i.riskCategory);
    expect(risks('student_dormitory')).toContain('dorm_partitions');
    expect(risks('kindergarten')).toContain('kindergarten_hazards');
    expect(risks('hospital_ward')).toContain('ward_corridor_beds');
    expect(risks('bathhouse')).toContain('bathhouse_lodging');
  });

  it('cites a legal basis for every item and only well-formed GB 35181 element codes', () => {
    for (const s of DEFAULT_STANDARDS) {
      for (const item of s.items) {
        expect(item.basis.length).toBeGreaterThan(0);
        for (const code of item.gbElements ?? []) expect(code).toMatch(GB_ELEMENT_CODE);
      }
    }
  });

  it('gives items that may evidence a major hazard a GB 35181 element', () => {
    for (const s of DEFAULT_STANDARDS) {
      for (const item of s.items.filter((i) => i.severity === 'major_candidate')) {
        expect(item.gbElements?.length ?? 0, item.id).toBeGreaterThan(0);
      }
    }
  });
});
