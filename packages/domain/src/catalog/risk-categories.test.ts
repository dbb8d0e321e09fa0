import { describe, expect, it } from 'vitest';
import { URGENT_RISK_CATEGORIES } from '../calendar/time-limits';
import { isRiskCategoryCode, RISK_CATEGORIES, RISK_CATEGORY_CODES, riskCategory } from './risk-categories';

describe('risk categories 9+4', () => {
  it('uses exactly the kernel codes, nine national then four provincial', () => {
    expect(RISK_CATEGORY_CODES).toEqual([
      'flammable_decoration',
      'poor_separation',
      'evacuation_blocked',
      'illegal_storage',
      'facilities_disabled',
      'ebike_indoor',
      'key_staff_negligence',
      'weak_management',
      'weak_training',
      'dorm_partitions',
      'kindergarten_hazards',
      'ward_corridor_beds',
      'bathhouse_lodging',
    ]);
    expect(RISK_CATEGORIES.map((r) => r.code)).toEqual([...RISK_CATEGORY_CODES]);
    expect(RISK_CATEGORIES.filter((r) => r.origin === 'national')).toHaveLength(9);
    expect(RISK_CATEGORIES.filter((r) => r.origin === 'provincial').map((r) => r.code)).toEqual([
      'dorm_partitions',
      'kindergarten_hazards',
      'ward_corridor_beds',
      'bathhouse_lodging',
    ]);
  });

  it('names and describes every category in both languages', () => {
    for (const r of RISK_CATEGORIES) {
      expect(r.zh).toMatch(/\p{Script=Han}/u);
      expect(r.en).toMatch(/[A-Za-z]/);
      expect(r.description.zh.length).toBeGreaterThan(5);
      expect(r.description.en.length).toBeGreaterThan(5);
    }
  });

  it('marks as urgent exactly the categories the time limits verify within 24 hours', () => {
    const urgent = RISK_CATEGORIES.filter((r) => r.urgentVerification).map((r) => r.code);
    expect([...urgent].sort()).toEqual([...URGENT_RISK_CATEGORIES].sort());
    expect(urgent).toEqual(['evacuation_blocked', 'facilities_disabled']);
  });

  it('looks codes up', () => {
    expect(isRiskCategoryCode('ebike_indoor')).toBe(true);
    expect(isRiskCategoryCode('ebike')).toBe(false);
    expect(riskCategory('ward_corridor_beds').zh).toBe('医院住院部走廊违规加床');
  });
});
