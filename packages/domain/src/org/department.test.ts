import { describe, expect, it } from 'vitest';
import { PLAIN_DEPARTMENT_KINDS, departmentSchema } from './department';
import {
  DEPARTMENT_KIND_NAMES,
  DEPARTMENT_KINDS,
  FIRE_AGENCY_LEVEL_NAMES,
  FIRE_AGENCY_LEVELS,
  INDUSTRY_SECTOR_NAMES,
  INDUSTRY_SECTORS,
} from './department-kinds';

const base = { id: 'd1', name: '牡丹江市消防救援支队', jurisdictionId: 'city' };

describe('departments', () => {
  it('names every kind, fire echelon and sector in both languages', () => {
    for (const k of DEPARTMENT_KINDS) expect(DEPARTMENT_KIND_NAMES[k].zh).toMatch(/\p{Script=Han}/u);
    expect(FIRE_AGENCY_LEVELS.map((l) => FIRE_AGENCY_LEVEL_NAMES[l].zh)).toEqual(['消防救援总队', '消防救援支队', '消防救援大队', '消防救援站']);
    for (const s of INDUSTRY_SECTORS) expect(INDUSTRY_SECTOR_NAMES[s].en.length).toBeGreaterThan(2);
    for (const s of ['education', 'civil_affairs', 'housing_construction', 'culture_tourism', 'health', 'religious_affairs', 'market_regulation', 'emergency_management', 'commerce', 'transport', 'human_resources', 'natural_resources']) {
      expect(INDUSTRY_SECTORS).toContain(s);
    }
  });

  it('validates the attribute each kind needs', () => {
    expect(departmentSchema.safeParse({ ...base, kind: 'fire_agency', fireLevel: 'detachment' }).success).toBe(true);
    expect(departmentSchema.safeParse({ ...base, kind: 'fire_agency' }).success).toBe(false);
    expect(departmentSchema.safeParse({ ...base, kind: 'fire_agency', fireLevel: 'battalion' }).success).toBe(false);
    expect(departmentSchema.safeParse({ ...base, kind: 'industry', sector: 'education' }).success).toBe(true);
    expect(departmentSchema.safeParse({ ...base, kind: 'industry' }).success).toBe(false);
    expect(departmentSchema.safeParse({ ...base, kind: 'police_station' }).success).toBe(true);
    expect(departmentSchema.safeParse({ ...base, kind: 'ministry' }).success).toBe(false);
    expect(departmentSchema.safeParse({ ...base, name: ' ', kind: 'discipline' }).success).toBe(false);
  });

  it('covers every department kind in exactly one schema branch', () => {
    expect([...PLAIN_DEPARTMENT_KINDS, 'fire_agency', 'industry'].sort()).toEqual([...DEPARTMENT_KINDS].sort());
  });
});
