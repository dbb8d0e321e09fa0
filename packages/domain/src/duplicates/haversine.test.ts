import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from './haversine';

// Points within China's extent: duplicates are looked for within metres, and near
// antipodal points (where haversine's asin loses centimetres) never occur here.
const point = fc.record({ lat: fc.double({ min: 3, max: 54, noNaN: true }), lng: fc.double({ min: 73, max: 136, noNaN: true }) });

describe('haversineMeters', () => {
  it('measures one degree of latitude as π·R/180', () => {
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195.08, 1);
  });

  it('measures Beijing (Tiananmen) to Shanghai (People’s Square) at about 1,067 km', () => {
    const d = haversineMeters({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
  });

  it('is a metric: zero on itself, symmetric, triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(haversineMeters(a, a)).toBeCloseTo(0, 3);
        expect(haversineMeters(a, b)).toBeCloseTo(haversineMeters(b, a), 3);
        expect(haversineMeters(a, c)).toBeLessThanOrEqual(haversineMeters(a, b) + haversineMeters(b, c) + 1e-3);
      }),
    );
  });
});
