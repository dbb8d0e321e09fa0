import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportState } from '@firebreak/domain';
import { loadLifecycle } from '@firebreak/db';
import { createWorld, type World } from '../testing/world';
import { newKey } from '../testing/intake-fixtures';
import { duplicateCandidates } from './duplicate-candidates';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

async function file(over: { riskCategory?: string; venueId?: string; lat?: number; lng?: number; hoursLater?: number }) {
  const saved = world.now;
  world.now = new Date(saved.getTime() + (over.hoursLater ?? 0) * 3_600_000);
  try {
    const out = await world.public().public.reports.submit({
      idempotencyKey: newKey(),
      riskCategory: over.riskCategory ?? 'illegal_storage',
      description: '店内堆放大量汽油桶',
      location: { lat: over.lat ?? 30.2, lng: over.lng ?? 120.2, address: '某路' },
      ...(over.venueId ? { venueId: over.venueId } : {}),
    });
    return out.reportId;
  } finally {
    world.now = saved;
  }
}

describe('duplicateCandidates', () => {
  it('finds same-venue and nearby reports of the same category within the window, closest first', async () => {
    const original = await file({ venueId: world.venues.A, lat: 30.0, lng: 120.0 });
    const sameVenue = await file({ venueId: world.venues.A, lat: 30.0, lng: 120.0, hoursLater: 5 });
    const nearby = await file({ lat: 30.0003, lng: 120.0, hoursLater: 1 });
    await file({ venueId: world.venues.A, riskCategory: 'ebike_indoor', hoursLater: 2 });
    await file({ venueId: world.venues.A, lat: 30.0, lng: 120.0, hoursLater: 100 });
    const state = (await loadLifecycle<ReportState>(world.db.db, 'report', original)).state;
    const found = await duplicateCandidates(world.db.db, state);
    expect(found.map((c) => c.reportId)).toEqual([sameVenue, nearby]);
    expect(found[0]?.reasons.map((r) => r.code)).toContain('SAME_VENUE');
    expect(found[1]?.reasons.map((r) => r.code)).toContain('NEARBY');
  });
});
