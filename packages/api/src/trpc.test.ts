import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { err, ok } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unwrap } from './application/failure';
import { createContextInner, publicProcedure, router, trpcCodeFor } from './trpc';

describe('trpcCodeFor', () => {
  it.each([
    ['HAZARD.NOT_FOUND', 'NOT_FOUND'],
    ['REPORT.ROLE_NOT_ALLOWED', 'FORBIDDEN'],
    ['REPORT.OUT_OF_SCOPE', 'FORBIDDEN'],
    ['AUTH.UNAUTHENTICATED', 'UNAUTHORIZED'],
    ['HAZARD.ALREADY_CLOSED', 'CONFLICT'],
    ['REWARD.INVALID_TRANSITION', 'CONFLICT'],
    ['RECEIPT.THROTTLED', 'TOO_MANY_REQUESTS'],
    ['FINE.AMOUNT_OUT_OF_RANGE', 'BAD_REQUEST'],
  ] as const)('%s -> %s', (domainCode, trpcCode) => {
    expect(trpcCodeFor(domainCode)).toBe(trpcCode);
  });

  it('matches whole segments only', () => {
    expect(trpcCodeFor('HAZARD.NOT_FOUND_YET')).toBe('BAD_REQUEST');
  });
});

const testRouter = router({
  closed: publicProcedure.mutation(() =>
    unwrap(err('HAZARD.ALREADY_CLOSED', 'Hazard is already closed', '隐患已销号', { hazardId: 'h1' })),
  ),
  fine: publicProcedure.query(() => unwrap(ok(42))),
  validated: publicProcedure.input(z.object({ name: z.string().min(2) })).query(({ input }) => input.name),
  broken: publicProcedure.query(() => {
    throw new Error('relation "secret_table" does not exist');
  }),
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(`http://test.local/trpc/${path}`, init),
    router: testRouter,
    createContext: () => createContextInner(),
  });
  return { status: res.status, body: (await res.json()) as { error?: { message: string; data: Record<string, unknown> }; result?: unknown } };
}

describe('error formatter', () => {
  it('maps a domain error to its transport status and carries both messages', async () => {
    const { status, body } = await call('closed', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(status).toBe(409);
    expect(body.error?.data.code).toBe('CONFLICT');
    expect(body.error?.data.domain).toEqual({
      code: 'HAZARD.ALREADY_CLOSED',
      message: 'Hazard is already closed',
      messageZh: '隐患已销号',
      details: { hazardId: 'h1' },
    });
  });

  it('passes ok results through unwrap', async () => {
    const { status, body } = await call('fine');
    expect(status).toBe(200);
    expect(body.result).toEqual({ data: 42 });
  });

  it('flattens zod issues for forms', async () => {
    const input = encodeURIComponent(JSON.stringify({ name: 'x' }));
    const { status, body } = await call(`validated?input=${input}`);
    expect(status).toBe(400);
    const zodError = body.error?.data.zodError as { fieldErrors: Record<string, string[]> } | null;
    expect(zodError?.fieldErrors.name?.length).toBeGreaterThan(0);
    expect(body.error?.data.domain).toBeNull();
  });

  it('hides internal messages and stacks', async () => {
    const { status, body } = await call('broken');
    expect(status).toBe(500);
    expect(body.error?.message).toBe('服务器内部错误');
    expect(JSON.stringify(body)).not.toContain('secret_table');
    expect(body.error?.data).not.toHaveProperty('stack');
  });
});

describe('thrown domain errors', () => {
  class CodedError extends Error {
    constructor(
      readonly code: string,
      message: string,
      readonly messageZh: string,
    ) {
      super(message);
    }
  }

  const throwing = router({
    stale: publicProcedure.mutation(() => {
      throw new CodedError('CONCURRENCY.STALE', 'Record changed meanwhile', '记录已被他人修改');
    }),
    system: publicProcedure.query(() => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }),
  });

  async function callThrowing(path: string, init: RequestInit = {}) {
    const res = await fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(`http://test.local/trpc/${path}`, init),
      router: throwing,
      createContext: () => createContextInner(),
    });
    return { status: res.status, body: (await res.json()) as { error: { message: string; data: Record<string, unknown> } } };
  }

  it('maps an error carrying a domain code and both messages', async () => {
    const { status, body } = await callThrowing('stale', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(status).toBe(409);
    expect(body.error.data.domain).toEqual({ code: 'CONCURRENCY.STALE', message: 'Record changed meanwhile', messageZh: '记录已被他人修改' });
  });

  it('leaves system errors (a code but no Chinese message) as internal errors', async () => {
    const { status, body } = await callThrowing('system');
    expect(status).toBe(500);
    expect(body.error.message).toBe('服务器内部错误');
    expect(body.error.data.domain).toBeNull();
  });
});
