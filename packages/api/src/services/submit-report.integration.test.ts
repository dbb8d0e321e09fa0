import { randomUUID } from 'node:crypto';
import { statementLog } from '@firebreak/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world';
import { submitReport } from './submit-report';

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 120_000);
afterAll(async () => world?.close());

const input = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  riskCategory: 'evacuation_blocked',
  description: '安全出口被锁',
  location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
  ...over,
});

describe('submitReport round trips', () => {
  it('files an anonymous report at a venue in few statements (the count is printed)', async () => {
    const deps = { services: world.services, clock: () => world.now };
    // Warm the reference-data cache, which a running server holds.
    await submitReport({ ...deps, db: world.db.db }, input({ venueId: world.venues.A }), { channel: 'web' });
    const counting = statementLog(world.db);
    const out = await submitReport({ ...deps, db: counting.db }, input({ venueId: world.venues.A }), { channel: 'web' });
    expect(out.replayed).toBe(false);
    const sent = counting.statements.filter((s) => !/^(begin|commit|savepoint|release)/i.test(s));
    console.log(`submitReport: ${counting.statements.length} statements (${sent.length} besides transaction control)\n${counting.statements.map((s) => `  ${s.slice(0, 140)}`).join('\n')}`);
    // The venue read once (it was read again for routing), no audit lock or head read, no savepoint
    // for the effects inside the entity's own: 9, down from 16 before issue 10 (plus BEGIN and COMMIT).
    expect(counting.statements.length).toBeLessThanOrEqual(9);
    expect(counting.statements.filter((s) => /advisory|savepoint sp2/i.test(s))).toEqual([]);
  });
});
