import { describe, expect, it } from 'vitest';
import { BASE_ITEMS, COMMON_ITEMS } from './common-check-items';
import { checklistFor } from './build-checklist';
import { DEFAULT_STANDARDS } from './default-standards';
import type { RemediationStandard } from './remediation-standard';

const at = new Date('2024-01-01T00:00:00.000Z');
const std = (category: string) => DEFAULT_STANDARDS.find((s) => s.category === category)!;

describe('checklistFor', () => {
  it('is the standard itself for a venue in one category', () => {
    const list = checklistFor(['kindergarten'], DEFAULT_STANDARDS, at);
    expect(list.items.map((i) => i.id)).toEqual(std('kindergarten').items.map((i) => i.id));
    expect(list.standards).toEqual([{ category: 'kindergarten', version: 1 }]);
    expect(list.missing).toEqual([]);
  });

  it('lists an item shared by several categories once, naming every source', () => {
    const list = checklistFor(['small_hotel', 'small_restaurant'], DEFAULT_STANDARDS, at);
    const ids = list.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const union = new Set([...std('small_hotel').items, ...std('small_restaurant').items].map((i) => i.id));
    expect(ids.length).toBe(union.size);
    for (const base of BASE_ITEMS) {
      expect(list.items.find((i) => i.id === base.id)?.sources).toEqual([
        { category: 'small_hotel', version: 1 },
        { category: 'small_restaurant', version: 1 },
      ]);
    }
    expect(list.items.find((i) => i.id === COMMON_ITEMS.gasSafe.id)?.sources).toEqual([{ category: 'small_restaurant', version: 1 }]);
  });

  it('keeps the order of the first category, then appends new items of the next', () => {
    const list = checklistFor(['small_shop', 'market'], DEFAULT_STANDARDS, at);
    const shopIds = std('small_shop').items.map((i) => i.id);
    expect(list.items.slice(0, shopIds.length).map((i) => i.id)).toEqual(shopIds);
  });

  it('ignores repeated categories and reports categories without a standard in force', () => {
    const list = checklistFor(['bathhouse', 'bathhouse', 'night_market'], DEFAULT_STANDARDS, at);
    expect(list.standards).toEqual([{ category: 'bathhouse', version: 1 }]);
    expect(list.missing).toEqual(['night_market']);
    expect(list.items.every((i) => i.sources.length === 1)).toBe(true);
    expect(checklistFor(['market'], DEFAULT_STANDARDS, new Date('2020-01-01T00:00:00Z')).missing).toEqual(['market']);
  });

  it('takes the strictest severity and deadline and every basis when revised copies differ', () => {
    const base = COMMON_ITEMS.wiringSafe;
    const revised = {
      ...base,
      severity: 'serious' as const,
      deadline: { kind: 'immediate' as const },
      basis: [...base.basis, { law: 'GB 50016-2014（2018年版）建筑设计防火规范', article: '第10.2.4条' }],
      gbElements: ['7.9.3', '7.6.2'],
    };
    const standards: RemediationStandard[] = [
      ...DEFAULT_STANDARDS,
      { ...std('small_shop'), version: 2, effectiveFrom: '2023-12-01T00:00:00.000Z', publishedAt: '2023-11-01T00:00:00.000Z', items: [revised] },
    ];
    const list = checklistFor(['small_restaurant', 'small_shop'], standards, at);
    const row = list.items.find((i) => i.id === base.id)!;
    expect(row.text).toEqual(base.text);
    expect(row.severity).toBe('serious');
    expect(row.deadline).toEqual({ kind: 'immediate' });
    expect(row.basis).toHaveLength(base.basis.length + 1);
    expect(row.gbElements).toEqual(['7.9.3', '7.6.2']);
    expect(row.sources).toEqual([
      { category: 'small_restaurant', version: 1 },
      { category: 'small_shop', version: 2 },
    ]);
    expect(list.standards).toContainEqual({ category: 'small_shop', version: 2 });
  });

  it('prefers fewer working days when neither deadline is immediate', () => {
    const a = { ...COMMON_ITEMS.smokeAlarms, deadline: { kind: 'working_days' as const, n: 3 } };
    const standards: RemediationStandard[] = [
      { ...std('group_rental'), items: [COMMON_ITEMS.smokeAlarms] },
      { ...std('small_hotel'), items: [a] },
    ];
    const row = checklistFor(['group_rental', 'small_hotel'], standards, at).items[0]!;
    expect(row.deadline).toEqual({ kind: 'working_days', n: 3 });
    expect(row.severity).toBe('general');
  });
});
