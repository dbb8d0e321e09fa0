import { describe, expect, it } from 'vitest';
import { suggestVenueClasses } from './venue-classes';
import { checkDeterminer } from './check-determiner';

describe('suggestVenueClasses', () => {
  it('reads crowded from the catalog group, important from high-rise and heritage, else other', () => {
    expect(suggestVenueClasses(['market'])).toEqual(['crowded']);
    expect(suggestVenueClasses(['high_rise', 'hotel_restaurant'])).toEqual(['crowded', 'important']);
    expect(suggestVenueClasses(['construction_site'])).toEqual(['other']);
    expect(suggestVenueClasses([])).toEqual(['other']);
  });
});

describe('checkDeterminer', () => {
  it('lets a fire supervisor record either kind and an expert only an expert group', () => {
    expect(checkDeterminer('fire_supervisor', 'collective').ok).toBe(true);
    expect(checkDeterminer('fire_supervisor', 'expert_group').ok).toBe(true);
    expect(checkDeterminer('expert', 'expert_group').ok).toBe(true);
    const r = checkDeterminer('expert', 'collective');
    expect(!r.ok && r.error.code).toBe('DECISION.KIND_NOT_ALLOWED');
    const i = checkDeterminer('inspector', 'expert_group');
    expect(!i.ok && i.error.code).toBe('DECISION.KIND_NOT_ALLOWED');
  });
});
