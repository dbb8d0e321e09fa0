import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJurisdictionTree, indexBoundaries, locateJurisdiction, parseBoundary, type JurisdictionTree } from '@firebreak/domain';
import { createSealer, generateSealingKey, listJurisdictionBoundaries, listJurisdictionRows, schema } from '@firebreak/db';
import { createTestDb, type TestDb } from '@firebreak/db/testing';
import { demoVenues } from './demo-venues';
import { seededRandom } from './random';
import { seedJurisdictionsAndDepartments } from './seed-org';
import { seedVenues } from './seed-venues';

// The demo org and venues as the seed stores them (the lifecycle history is not needed here).
let testDb: TestDb;
let tree: JurisdictionTree;
beforeAll(async () => {
  testDb = await createTestDb();
  const org = await seedJurisdictionsAndDepartments(testDb.db);
  const rng = seededRandom(20260301);
  await seedVenues(testDb.db, demoVenues(org.grids, 320, rng), { sealer: createSealer(generateSealingKey()), rng, now: new Date('2026-11-23T02:00:00Z') });
  const built = buildJurisdictionTree(await listJurisdictionRows(testDb.db));
  if (!built.ok) throw new Error(built.error.message);
  tree = built.value;
}, 300_000);
afterAll(async () => testDb?.close());

describe('the stored demo city', () => {
  it('stores a valid outline for the city, its districts and its streets only', async () => {
    const rows = await listJurisdictionBoundaries(testDb.db);
    expect(rows).toHaveLength(15);
    for (const r of rows) expect(parseBoundary(r.boundary).ok).toBe(true);
    expect(new Set(rows.map((r) => tree.levelOf(r.id)))).toEqual(new Set(['city', 'district', 'street']));
  });

  it('routes every stored venue’s point to the street its own grid cell belongs to', async () => {
    const index = indexBoundaries((await listJurisdictionBoundaries(testDb.db)).map((r) => [r.id, r.boundary] as const));
    const venues = await testDb.db.select({ name: schema.venues.name, lat: schema.venues.lat, lng: schema.venues.lng, jurisdictionId: schema.venues.jurisdictionId }).from(schema.venues);
    expect(venues).toHaveLength(320);
    for (const v of venues) {
      const street = tree.ancestors(v.jurisdictionId).find((id) => tree.levelOf(id) === 'street');
      expect(locateJurisdiction(tree, index, { lat: v.lat!, lng: v.lng! }), v.name).toMatchObject({ found: true, jurisdictionId: street, onEdge: false });
    }
  });
});
