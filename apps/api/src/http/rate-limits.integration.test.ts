import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { insertApiKey, reports } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, multipartBody, type HttpWorld } from '../../test/http-world';

let h: HttpWorld;
const ONE_HOUR = 3_600_000;

beforeAll(async () => {
  h = await createHttpWorld({
    rateLimits: {
      receiptLookup: { max: 2, windowMs: ONE_HOUR },
      reportSubmit: { max: 1, windowMs: ONE_HOUR },
      publicTrpc: { max: 3, windowMs: ONE_HOUR },
      uploads: { max: 1, windowMs: ONE_HOUR },
      open311Post: { max: 1, windowMs: ONE_HOUR },
    },
  });
}, 120_000);
afterAll(async () => h?.close());

const track = (remoteAddress: string, batch = false) =>
  h.app.inject({
    method: 'POST',
    url: batch ? '/trpc/public.reports.track,whistleblower.track?batch=1' : '/trpc/public.reports.track',
    remoteAddress,
    payload: batch ? { 0: { receipt: '1234567890123456' }, 1: { receipt: '1234567890123456' } } : { receipt: '1234567890123456' },
  });

describe('tRPC limits', () => {
  it('stop receipt lookups per client with a tRPC-shaped 429, before the procedure runs', async () => {
    const first = await track('192.0.2.1');
    expect(first.statusCode).toBe(404); // a wrong receipt: the procedure ran
    const wrongWords = first.json<{ error: { message: string } }>().error.message;
    await track('192.0.2.1');
    const third = await track('192.0.2.1');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(third.headers['cache-control']).toBe('no-store');
    expect(third.json()).toMatchObject({
      error: { code: -32029, message: '无法查询该回执码：请核对16位号码，或10分钟后再试', data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, domain: { code: 'HTTP.RATE_LIMITED' } } },
    });
    // The words are a wrong receipt's: a guesser learns nothing from them.
    expect(third.json<{ error: { message: string } }>().error.message).toBe(wrongWords);
    // Another client is not affected.
    expect((await track('192.0.2.2')).statusCode).toBe(404);
  });

  it('answer a batch with one error per call', async () => {
    const res = await track('192.0.2.3', true);
    expect(res.statusCode).toBe(404);
    const over = await track('192.0.2.3', true);
    expect(over.statusCode).toBe(429);
    expect(over.json<unknown[]>()).toHaveLength(2);
    expect(over.json<{ error: { data: { path: string } } }[]>()[1]!.error.data.path).toBe('whistleblower.track');
  });

  it('allow one report submission per window here, and count it apart from reads', async () => {
    const before = await h.world.db.db.$count(reports);
    const submit = () =>
      h.app.inject({
        method: 'POST',
        url: '/trpc/public.reports.submit',
        remoteAddress: '192.0.2.4',
        payload: {
          idempotencyKey: crypto.randomUUID(),
          riskCategory: 'ebike_indoor',
          description: '楼道充电',
          location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
        },
      });
    expect((await submit()).statusCode).toBe(200);
    expect((await submit()).statusCode).toBe(429);
    expect(await h.world.db.db.$count(reports)).toBe(before + 1);
    expect((await h.app.inject({ method: 'GET', url: '/trpc/public.catalogs', remoteAddress: '192.0.2.4' })).statusCode).toBe(200);
  });

  it('leave staff procedures and health alone', async () => {
    for (let i = 0; i < 5; i++) expect((await h.app.inject({ method: 'GET', url: '/trpc/health', remoteAddress: '192.0.2.5' })).statusCode).toBe(200);
  });
});

describe('tRPC limits key on the procedure tRPC runs, however the path is spelled', () => {
  const submitBody = () => ({
    idempotencyKey: crypto.randomUUID(),
    riskCategory: 'ebike_indoor',
    description: '楼道充电',
    location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
  });
  let n = 0;
  const fresh = () => `203.0.113.${(n += 1)}`;

  it.each([
    ['%23', '/trpc/public.reports.submit%23x'],
    ['%2E', '/trpc/public%2Ereports%2Esubmit'],
    ['%252E', '/trpc/public%252Ereports.submit'],
    ['; matrix', '/trpc/public.reports.submit;x'],
  ])('submit spelled with %s is charged to the submit budget', async (_label, url) => {
    const ip = fresh();
    const before = await h.world.db.db.$count(reports);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.app.inject({ method: 'POST', url, remoteAddress: ip, payload: submitBody() })).statusCode);
    // Never more than the one submission this world's budget allows, whatever tRPC answered.
    expect(await h.world.db.db.$count(reports)).toBeLessThanOrEqual(before + 1);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
    expect(statuses.at(-1)).not.toBe(200);
  });

  it('a batch `a,b?batch=1` charges every call, and a trailing slash reaches no procedure', async () => {
    const ip = fresh();
    const before = await h.world.db.db.$count(reports);
    // Two submissions in one batch against a budget of one: the second name is charged too.
    const batch = await h.app.inject({
      method: 'POST',
      url: '/trpc/public.reports.submit,public%2Ereports.submit?batch=1',
      remoteAddress: ip,
      payload: { 0: submitBody(), 1: submitBody() },
    });
    expect(batch.statusCode).toBe(429);
    expect(batch.json<unknown[]>()).toHaveLength(2);
    expect(await h.world.db.db.$count(reports)).toBe(before);
    const slash = await h.app.inject({ method: 'POST', url: '/trpc/public.reports.submit/', remoteAddress: fresh(), payload: submitBody() });
    expect(slash.statusCode).toBe(404);
  });

  // inject() drops a URL fragment before the server sees it; a raw socket sends `#` as
  // an attacker's client does, so these go over a real connection.
  describe('over a socket, with a literal #', () => {
    let port = 0;
    beforeAll(async () => {
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      port = (h.app.server.address() as AddressInfo).port;
    });
    const raw = (path: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const data = JSON.stringify(body);
        const req = request(
          { host: '127.0.0.1', port, method: 'POST', path, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(data);
      });

    it('submit#x is charged to the submit budget', async () => {
      // All socket requests share 127.0.0.1, so this test owns that address's budgets.
      const before = await h.world.db.db.$count(reports);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push(await raw('/trpc/public.reports.submit#x', submitBody()));
      expect(statuses).toEqual([200, 429, 429]);
      expect(await h.world.db.db.$count(reports)).toBe(before + 1);
    });

    it('track#x is charged to the receipt budget', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push(await raw('/trpc/public.reports.track#x', { receipt: '1234567890123456' }));
      expect(statuses).toEqual([404, 404, 429]);
    });
  });
});

describe('upload limit', () => {
  it('answers 429 with a coded error', async () => {
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const body = multipartBody([{ name: 'file', filename: 'a.jpg', data: jpeg }]);
    const send = () => h.app.inject({ method: 'POST', url: '/uploads', remoteAddress: '192.0.2.6', payload: body.payload, headers: body.headers });
    expect((await send()).statusCode).toBe(201);
    const over = await send();
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: { code: 'HTTP.RATE_LIMITED', messageZh: expect.any(String) } });
  });
});

describe('Open311 POST limit', () => {
  it('counts per integrator key, whatever the address, and answers in the Open311 error shape', async () => {
    const form = (apiKey: string) =>
      new URLSearchParams({ api_key: apiKey, service_code: 'ebike_indoor', lat: '30.0001', long: '120.0001', address_string: '甲区人民路1号', description: '楼道充电' }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const first = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: '192.0.2.7', payload: form(h.apiKey), headers });
    expect(first.statusCode).toBe(201);
    const over = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: '192.0.2.8', payload: form(h.apiKey), headers });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toEqual([{ code: 429, description: expect.stringMatching(/^HTTP.RATE_LIMITED: /) }]);

    const otherKey = 'fb-second-integrator-000000000000';
    await insertApiKey(h.world.db.db, { keyHash: createHash('sha256').update(otherKey).digest('hex'), name: '96119' });
    const other = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: '192.0.2.8', payload: form(otherKey), headers });
    expect(other.statusCode).toBe(201);
  });

  it('does not limit Open311 reads', async () => {
    for (let i = 0; i < 5; i++) expect((await h.app.inject({ method: 'GET', url: '/open311/v2/services.json', remoteAddress: '192.0.2.9' })).statusCode).toBe(200);
  });
});
