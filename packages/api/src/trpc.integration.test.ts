import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { hazards, saveTransition } from '@firebreak/db';
import { createTestDb, type TestDb } from '@firebreak/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner, publicProcedure, router } from './trpc';

// A persistence error thrown deep inside a query must reach the client with its
// domain code and transport status, not as an anonymous 500.
let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

const testRouter = router({
  closeMissingHazard: publicProcedure.mutation(async ({ ctx }) => {
    if (!ctx.db) throw new Error('test needs a database');
    return saveTransition(ctx.db, hazards, {
      id: '00000000-0000-4000-8000-000000000000',
      expectedVersion: 1,
      next: { status: 'closed' },
      effects: [],
    });
  }),
});

describe('database errors through tRPC', () => {
  it('maps a DbError thrown by a real query to its code and both messages', async () => {
    const res = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request('http://test.local/trpc/closeMissingHazard', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
      router: testRouter,
      createContext: () => createContextInner({ db: testDb.db }),
    });
    const body = (await res.json()) as { error: { data: { code: string; domain: { code: string; messageZh: string } | null } } };
    expect(res.status).toBe(404);
    expect(body.error.data.code).toBe('NOT_FOUND');
    expect(body.error.data.domain?.code).toBe('DB.NOT_FOUND');
    expect(body.error.data.domain?.messageZh).toContain('记录不存在');
  });
});
