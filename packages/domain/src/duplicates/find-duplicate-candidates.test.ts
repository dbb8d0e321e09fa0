import { describe, expect, it } from 'vitest';
import { DomainInvariantError } from '../common/errors';
import { DEFAULT_DUPLICATE_CONFIG, duplicateConfigSchema } from './duplicate-config';
import { findDuplicateCandidates, type DuplicateCheckReport } from './find-duplicate-candidates';

const M_PER_DEG_LAT = 111_195.08;
const base = { lat: 31.2304, lng: 121.4737 };
const north = (m: number) => ({ lat: base.lat + m / M_PER_DEG_LAT, lng: base.lng });

const report = (id: string, over: Partial<DuplicateCheckReport> = {}): DuplicateCheckReport => ({
  id,
  venueId: null,
  location: base,
  riskCategory: 'evacuation_blocked',
  receivedAt: '2025-07-01T02:00:00Z',
  ...over,
});
const ids = (r: readonly { reportId: string }[]) => r.map((c) => c.reportId);

describe('findDuplicateCandidates', () => {
  const incoming = report('new', { venueId: 'venue-1' });

  it('finds a report about the same venue, however far its pin was dropped', () => {
    const [c] = findDuplicateCandidates(incoming, [report('old', { venueId: 'venue-1', location: north(900) })]);
    expect(c).toMatchObject({ reportId: 'old', sameVenue: true });
    expect(c!.reasons.map((r) => r.code)).toEqual(['SAME_VENUE', 'SAME_RISK_CATEGORY', 'WITHIN_WINDOW']);
  });

  it('finds a nearby report within the distance and says how far', () => {
    const [c] = findDuplicateCandidates(incoming, [report('near', { location: north(60) })]);
    expect(c!.distanceMeters).toBeCloseTo(60, 0);
    expect(c!.reasons[0]).toMatchObject({ code: 'NEARBY', zh: '两处举报位置相距约 60 米（阈值 100 米）' });
  });

  it('ignores reports beyond the distance, of another risk category, outside the window, or the report itself', () => {
    const existing = [
      report('far', { location: north(150) }),
      report('other-category', { riskCategory: 'ebike_indoor' }),
      report('too-old', { receivedAt: '2025-06-28T01:59:59Z' }),
      report('new'),
    ];
    expect(findDuplicateCandidates(incoming, existing)).toEqual([]);
  });

  it('counts the window on both sides, up to and including its edge', () => {
    const existing = [report('edge-before', { receivedAt: '2025-06-28T02:00:00Z' }), report('after', { receivedAt: '2025-07-02T02:00:00Z' })];
    expect(ids(findDuplicateCandidates(incoming, existing))).toEqual(['after', 'edge-before']);
  });

  it('does not treat two reports without a venue as the same venue, nor match without locations', () => {
    const noVenue = report('x', { venueId: null, location: null });
    expect(findDuplicateCandidates(report('y', { venueId: null, location: null }), [noVenue])).toEqual([]);
    expect(findDuplicateCandidates(report('y', { venueId: null }), [report('z', { location: null })])).toEqual([]);
  });

  it('orders the same venue first, then by distance, then by time', () => {
    const existing = [
      report('near-late', { location: north(40), receivedAt: '2025-07-01T09:00:00Z' }),
      report('nearer', { location: north(10), receivedAt: '2025-07-01T09:00:00Z' }),
      report('venue', { venueId: 'venue-1', location: north(300) }),
      report('near-early', { location: north(40), receivedAt: '2025-07-01T03:00:00Z' }),
    ];
    expect(ids(findDuplicateCandidates(incoming, existing))).toEqual(['venue', 'nearer', 'near-early', 'near-late']);
  });

  it('uses the configured distance and window', () => {
    const existing = [report('150m', { location: north(150) }), report('5d', { receivedAt: '2025-06-26T02:00:00Z' })];
    expect(ids(findDuplicateCandidates(incoming, existing, { distanceMeters: 200, windowHours: 24 * 5 }))).toEqual(['5d', '150m']);
  });

  it('refuses an unreadable timestamp as a programmer error', () => {
    expect(() => findDuplicateCandidates(incoming, [report('bad', { receivedAt: 'yesterday' })])).toThrow(DomainInvariantError);
  });
});

describe('duplicate config', () => {
  it('ships valid defaults and refuses nonsense', () => {
    expect(duplicateConfigSchema.parse(DEFAULT_DUPLICATE_CONFIG)).toEqual({ distanceMeters: 100, windowHours: 72 });
    expect(duplicateConfigSchema.safeParse({ distanceMeters: -1, windowHours: 72 }).success).toBe(false);
  });
});
