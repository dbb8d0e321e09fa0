import { describe, expect, it } from 'vitest';
import { checklistInForce } from './checklist-in-force';
import { DEFAULT_STANDARDS } from './default-standards';
import type { RemediationStandard } from './remediation-standard';

const kg = DEFAULT_STANDARDS.find((s) => s.category === 'kindergarten')!;
const publishedAt = '2026-03-01T00:00:00.000Z';
const extra = { ...kg.items[0]!, id: 'kg-extra-night-patrol', text: { zh: '夜间巡查记录', en: 'Night patrol log' } };
const v2: RemediationStandard = { ...kg, version: 2, effectiveFrom: publishedAt, publishedAt, items: [...kg.items, extra] };

describe('checklistInForce', () => {
  it('uses the built-in default while nothing is published for the category', () => {
    const list = checklistInForce(['kindergarten'], [], new Date('2026-03-02T00:00:00Z'));
    expect(list.standards).toEqual([{ category: 'kindergarten', version: 1 }]);
    expect(list.missing).toEqual([]);
  });

  it('is governed by the published version once it is in force, and by the default before', () => {
    const after = checklistInForce(['kindergarten'], [v2], new Date('2026-03-02T00:00:00Z'));
    expect(after.standards).toEqual([{ category: 'kindergarten', version: 2 }]);
    expect(after.items.map((i) => i.id)).toContain('kg-extra-night-patrol');
    const before = checklistInForce(['kindergarten'], [v2], new Date('2026-02-01T00:00:00Z'));
    expect(before.standards).toEqual([{ category: 'kindergarten', version: 1 }]);
    expect(before.items.map((i) => i.id)).not.toContain('kg-extra-night-patrol');
  });

  it('falls back per category: a published standard of one category leaves the others on their defaults', () => {
    const list = checklistInForce(['kindergarten', 'small_restaurant'], [v2], new Date('2026-03-02T00:00:00Z'));
    expect(list.standards).toEqual([
      { category: 'kindergarten', version: 2 },
      { category: 'small_restaurant', version: 1 },
    ]);
  });
});
