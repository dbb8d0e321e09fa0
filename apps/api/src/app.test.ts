import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createFrontEndFixture, type FrontEndFixture } from '../test/front-end-fixture';
import { buildApp, type HealthzBody } from './app';
import type { ServerDatabase } from './database';

const NOW = new Date('2026-05-04T01:02:03.000Z');
const clock = () => NOW;

let fixture: FrontEndFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fixture = await createFrontEndFixture();
  app = await buildApp({ logger: false, frontEndsDir: fixture.dir, clock });
});

afterAll(async () => {
  await app.close();
  await fixture.cleanup();
});

describe('GET /healthz', () => {
  it('answers 200 JSON without a database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json<HealthzBody>()).toEqual({ status: 'ok', service: 'firebreak', database: 'none', time: NOW.toISOString() });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  function fakeDb(kind: ServerDatabase['kind'], ping: () => Promise<void>): ServerDatabase {
    return { kind, db: null, ping, close: async () => undefined };
  }

  it('pings the database and names its kind', async () => {
    let pings = 0;
    const withDb = await buildApp({ logger: false, frontEndsDir: fixture.dir, clock, db: fakeDb('pglite', async () => void pings++) });
    try {
      const res = await withDb.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json<HealthzBody>().database).toBe('pglite');
      expect(pings).toBe(1);
    } finally {
      await withDb.close();
    }
  });

  it('answers 503 JSON when the database fails', async () => {
    const broken = await buildApp({
      logger: false,
      frontEndsDir: fixture.dir,
      clock,
      db: fakeDb('postgres', () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'))),
    });
    try {
      const res = await broken.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      const body = res.json<HealthzBody>();
      expect(body).toMatchObject({ status: 'unavailable', service: 'firebreak', database: 'postgres' });
      expect(res.body).not.toContain('hunter2');
    } finally {
      await broken.close();
    }
  });

  it('answers 503 when the database hangs past the timeout', async () => {
    const hung = await buildApp({
      logger: false,
      frontEndsDir: fixture.dir,
      clock,
      healthTimeoutMs: 20,
      db: fakeDb('postgres', () => new Promise<void>(() => undefined)),
    });
    try {
      const res = await hung.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
    } finally {
      await hung.close();
    }
  });
});

describe('tRPC at /trpc', () => {
  it('answers the health query', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: { data: { status: 'ok', time: NOW.toISOString() } } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers a batched call the way httpBatchLink sends it', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/health,health?batch=1&input=%7B%7D' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { result: { data: { status: 'ok', time: NOW.toISOString() } } },
      { result: { data: { status: 'ok', time: NOW.toISOString() } } },
    ]);
  });

  it('404s an unknown procedure as JSON, not as a front end page', async () => {
    const res = await app.inject({ method: 'GET', url: '/trpc/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});

describe('front ends', () => {
  it.each([
    ['/', 'portal'],
    ['/whistleblower/', 'whistleblower'],
    ['/console/', 'console'],
  ])('%s serves the %s index.html', async (url, name) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(`data-app="${name}"`);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['/whistleblower', '/whistleblower/'],
    ['/console', '/console/'],
  ])('%s redirects to %s', async (url, location) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(location);
  });

  it('serves hashed assets with a long cache life', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/assets/console-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('"console"');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['/reports/track', 'portal'],
    ['/whistleblower/claim/step-2', 'whistleblower'],
    ['/console/hazards/123?tab=audit', 'console'],
  ])('falls back from %s to the %s index.html', async (url, name) => {
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`data-app="${name}"`);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/open311/v2/nothing/here', '/open311', '/uploads/not-an-id/x', '/trpc/a/b', '/healthz/extra'])(
    'does not fall back for the API path %s',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('data-app=');
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('keeps a missing asset a 404 instead of answering HTML', async () => {
    const res = await app.inject({ method: 'GET', url: '/console/assets/missing-123.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('data-app=');
  });

  it('does not fall back for writes', async () => {
    const res = await app.inject({ method: 'POST', url: '/reports/track', payload: {} });
    expect(res.statusCode).toBe(404);
  });

  it('answers 503 with a hint when a front end was not built', async () => {
    const partial = await createFrontEndFixture(['portal']);
    const partialApp = await buildApp({ logger: false, frontEndsDir: partial.dir, clock });
    try {
      expect((await partialApp.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
      const res = await partialApp.inject({ method: 'GET', url: '/console/' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('pnpm build');
    } finally {
      await partialApp.close();
      await partial.cleanup();
    }
  });
});

describe('security headers', () => {
  it.each(['/', '/console/', '/whistleblower/', '/whistleblower/claim', '/healthz', '/trpc/health'])('%s carries the helmet headers and our CSP', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    // No inline script and no other origin for any request a page makes (the whistleblower site most of all).
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('does not tell the world which framework runs', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
