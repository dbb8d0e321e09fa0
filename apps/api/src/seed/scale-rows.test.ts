import { describe, expect, it } from 'vitest';
import { VENUE_CATEGORY_CODES } from '@firebreak/domain';
import { seededRandom } from './random';
import { scaleBatch, uuidv7 } from './scale-rows';

const places = [
  { id: 'a0000000-0000-4000-8000-000000000001', name: '甲网格' },
  { id: 'a0000000-0000-4000-8000-000000000002', name: '乙网格' },
];

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID whose text order follows time', () => {
    const r = Buffer.alloc(10, 0xff);
    const a = uuidv7(1_767_225_600_000, r);
    const b = uuidv7(1_767_225_600_001, Buffer.alloc(10, 0));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13).replace('-', '')).toBe((1_767_225_600_000).toString(16).padStart(12, '0'));
  });
});

describe('scaleBatch', () => {
  const first = scaleBatch(0, 500, places, seededRandom(1));
  const second = scaleBatch(500, 500, places, seededRandom(2));

  it('makes each venue with a responsible person and a manager, spread over the places', () => {
    expect(first.venues).toHaveLength(500);
    expect(first.persons).toHaveLength(1000);
    for (const v of first.venues) {
      expect(first.persons.filter((p) => p.venueId === v.id).map((p) => p.role).sort()).toEqual(['manager', 'responsible']);
      expect(VENUE_CATEGORY_CODES).toContain(v.categories[0]);
    }
    expect(new Set(first.venues.map((v) => v.jurisdictionId))).toEqual(new Set(places.map((p) => p.id)));
  });

  it('keeps ids increasing across batches and names and public tokens unique', () => {
    const all = [...first.venues, ...second.venues];
    const ids = all.map((v) => v.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(all.map((v) => v.name)).size).toBe(all.length);
    expect(new Set(all.map((v) => v.publicToken)).size).toBe(all.length);
    for (const v of all) expect(v.publicToken).toMatch(/^[0-9a-f]{32}$/);
  });
});
