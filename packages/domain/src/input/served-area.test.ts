import { describe, expect, it } from 'vitest';
import { checkIntake, isInsideServedArea, servedAreaFromExtent } from './served-area';

const extent = { minLat: 30.0, maxLat: 30.1, minLng: 120.0, maxLng: 120.1 };

describe('servedAreaFromExtent', () => {
  it('widens the venues’ box by the margin on every side', () => {
    const area = servedAreaFromExtent(extent, 10_000)!;
    expect(area.minLat).toBeCloseTo(30.0 - 0.0898, 3);
    expect(area.maxLat).toBeCloseTo(30.1 + 0.0898, 3);
    // A degree of longitude is shorter at 30°N, so the margin spans more of them.
    expect(120.0 - area.minLng).toBeGreaterThan(0.1);
    expect(area.maxLng - 120.1).toBeGreaterThan(0.1);
  });

  it('is unknown (everything accepted) when no venue is located', () => {
    expect(servedAreaFromExtent(null)).toBeNull();
    expect(isInsideServedArea(null, { lat: 0, lng: 0 })).toBe(true);
  });
});

describe('checkIntake', () => {
  const area = servedAreaFromExtent(extent);
  it.each([
    [{ lat: 30.05, lng: 120.05 }, true],
    [{ lat: 30.2, lng: 120.2 }, true],
    [{ lat: 0, lng: 0 }, false],
    [{ lat: 31.5, lng: 121.5 }, false],
    [{ lat: 30.05, lng: -120.05 }, false],
  ])('%o inside: %s', (location, inside) => {
    const r = checkIntake({ riskCategory: 'ebike_indoor', location }, area);
    expect(r.ok).toBe(inside);
    if (!r.ok) expect(r.error.code).toBe('REPORT.OUTSIDE_SERVED_AREA');
  });

  it('refuses a category that is not in the catalog', () => {
    const r = checkIntake({ riskCategory: 'made_up', location: { lat: 30.05, lng: 120.05 } }, area);
    expect(r.ok ? null : r.error.code).toBe('REPORT.UNKNOWN_RISK_CATEGORY');
  });
});
