import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world';
import { newKey } from '../../testing/intake-fixtures';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

describe('public.preview: what the reporter is shown before sending', () => {
  it('names the venue’s jurisdiction and why, and hints at a report already being handled there', async () => {
    const before = await world.public().public.preview({ venueId: world.venues.A, riskCategory: 'ebike_indoor' });
    expect(before).toMatchObject({ served: true, jurisdiction: { id: world.j.gridA }, basis: 'venue', alreadyBeingHandled: false });
    expect(before.basisLabel?.zh).toBe('按所选场所的辖区');
    await world.public().public.reports.submit({
      idempotencyKey: newKey(),
      riskCategory: 'ebike_indoor',
      description: '楼道内给电动车充电',
      location: { lat: 30, lng: 120, address: '甲区人民路1号' },
      venueId: world.venues.A,
    });
    const after = await world.public().public.preview({ venueId: world.venues.A, riskCategory: 'ebike_indoor' });
    expect(after.alreadyBeingHandled).toBe(true);
    // Another category at the same venue is not hinted at.
    expect((await world.public().public.preview({ venueId: world.venues.A, riskCategory: 'illegal_storage' })).alreadyBeingHandled).toBe(false);
  });

  it('places a bare point by the nearest venue and never hints for a point', async () => {
    const out = await world.public().public.preview({ location: { lat: 30.0001, lng: 120.0001 }, riskCategory: 'ebike_indoor' });
    expect(out).toMatchObject({ served: true, basis: 'nearest_venue', jurisdiction: { id: world.j.gridA }, alreadyBeingHandled: false });
  });

  it('says a place far outside every jurisdiction is not served, and refuses bad input with a field error', async () => {
    expect(await world.public().public.preview({ location: { lat: 0, lng: 0 } })).toEqual({ served: false, jurisdiction: null, path: [], basis: null, basisLabel: null, alreadyBeingHandled: false });
    await expect(world.public().public.preview({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(world.public().public.preview({ venueId: '00000000-0000-4000-8000-000000000009' })).rejects.toMatchObject({ cause: { domain: { code: 'VENUE.NOT_FOUND' } } });
  });
});
