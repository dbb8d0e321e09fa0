import { createTestDb, type TestDb } from '@firebreak/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrontEndFixture, type FrontEndFixture } from '../test/front-end-fixture';
import { buildApp, type HealthzBody } from './app';
import { serverDatabase } from './database';

let handle: TestDb;
let fixture: FrontEndFixture;
let app: FastifyInstance;

beforeAll(async () => {
  // In-memory PGlite; a throwaway schema on real PostgreSQL when DATABASE_URL is set.
  handle = await createTestDb();
  fixture = await createFrontEndFixture();
  app = await buildApp({ logger: false, frontEndsDir: fixture.dir, db: serverDatabase(handle), healthTimeoutMs: 2000 });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await handle?.close(); // idempotent: one test closes it early
  await fixture?.cleanup();
});

describe('server with a real database', () => {
  it('reports the database kind on /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json<HealthzBody>()).toMatchObject({ status: 'ok', service: 'firebreak', database: handle.driver });
  });

  it('answers tRPC with the database in the context', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ result: { data: { status: string } } }>().result.data.status).toBe('ok');
  });

  it('answers 503 once the database is gone', async () => {
    await handle.close();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json<HealthzBody>().status).toBe('unavailable');
  });
});
