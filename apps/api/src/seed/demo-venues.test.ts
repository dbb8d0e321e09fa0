import { describe, expect, it } from 'vitest';
import { classifyNineSmall, groupsOf, isKeyVenueCategory, VENUE_CATEGORY_CODES, type VenueFacts } from '@firebreak/domain';
import { UNIT_ACCOUNT_VENUES } from './demo-city';
import { demoVenues, type GridPlace } from './demo-venues';
import { seededRandom } from './random';

const grids: GridPlace[] = ['湖滨社区', '东坡社区', '西溪社区'].map((community, i) => ({
  gridId: `grid-${i}`,
  district: '东湖区',
  street: '湖滨街道',
  community,
  centre: { lat: 30.27, lng: 120.17 },
}));

describe('demoVenues', () => {
  const venues = demoVenues(grids, 320, seededRandom(42));

  it('makes the requested number, every category at least three times, names unique', () => {
    expect(venues).toHaveLength(320);
    for (const code of VENUE_CATEGORY_CODES) expect(venues.filter((v) => v.categories.includes(code)).length, code).toBeGreaterThanOrEqual(3);
    expect(new Set(venues.map((v) => v.name)).size).toBe(venues.length);
  });

  it('creates the unit-account venues first, under the names the README gives', () => {
    expect(venues.slice(0, 3).map((v) => v.name)).toEqual(Object.values(UNIT_ACCOUNT_VENUES));
  });

  it('is reproducible from its seed', () => {
    const again = demoVenues(grids, 320, seededRandom(42));
    expect(again.map((v) => [v.name, v.address, v.categories])).toEqual(venues.map((v) => [v.name, v.address, v.categories]));
    expect(demoVenues(grids, 320, seededRandom(43)).map((v) => v.name)).not.toEqual(venues.map((v) => v.name));
  });

  it('flags key units by their main category only', () => {
    for (const v of venues) expect(v.flags.includes('key_unit'), v.name).toBe(isKeyVenueCategory(v.categories[0]!));
  });

  it('gives every 九小 venue facts that classify it as the small category it is filed under', () => {
    const small = venues.filter((v) => groupsOf([v.categories[0]!]).includes('nine_small'));
    expect(small.length).toBeGreaterThan(50);
    for (const v of small) {
      const verdict = classifyNineSmall({ ...(v.attributes as unknown as VenueFacts), keyUnit: false });
      expect(verdict, v.name).toMatchObject({ nineSmall: true, subtype: v.categories[0] });
    }
  });

  it('keeps coordinates near the grid centre and addresses inside the district', () => {
    for (const v of venues) {
      expect(Math.abs(v.lat - 30.27)).toBeLessThan(0.011);
      expect(Math.abs(v.lng - 120.17)).toBeLessThan(0.011);
      expect(v.address.startsWith('东湖区湖滨街道')).toBe(true);
    }
  });
});
