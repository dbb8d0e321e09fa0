import { reports } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, nextAddress, type HttpWorld } from '../../test/http-world';

// Requests anyone can send that used to reach PostgreSQL and answer 500.
let h: HttpWorld;
beforeAll(async () => {
  h = await createHttpWorld();
}, 120_000);
afterAll(async () => h?.close());

const countReports = () => h.world.db.db.$count(reports);

const submission = (over: { description?: string; address?: string } = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  riskCategory: 'ebike_indoor',
  description: over.description ?? '楼道充电',
  location: { lat: 30.0001, lng: 120.0001, address: over.address ?? '甲区人民路1号' },
});

type TrpcError = { error: { message: string; data: { httpStatus: number; domain: { code: string; details?: { path?: string } } | null } } };

describe('tRPC refuses text PostgreSQL cannot store, with a coded 400 in the caller’s language', () => {
  it.each([
    ['a NUL in the description', { description: '楼道\u0000充电' }, 'description'],
    ['a NUL in the address', { address: '甲区\u0000人民路' }, 'location.address'],
    ['a lone high surrogate in the description', { description: '楼道\ud800充电' }, 'description'],
    ['a lone low surrogate in the address', { address: '\udc00甲区' }, 'location.address'],
  ])('%s', async (_label, over, path) => {
    const before = await countReports();
    const res = await h.app.inject({ method: 'POST', url: '/trpc/public.reports.submit', remoteAddress: nextAddress(), payload: submission(over) });
    expect(res.statusCode).toBe(400);
    const body = res.json<TrpcError>();
    expect(body.error.data.domain?.code).toBe('INPUT.UNSTORABLE_TEXT');
    expect(body.error.data.domain?.details?.path).toBe(path);
    expect(body.error.message).toContain('无法保存');
    expect(await countReports()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/trpc/public.reports.submit',
      remoteAddress: nextAddress(),
      headers: { 'accept-language': 'en' },
      payload: submission({ description: 'x\u0000' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<TrpcError>().error.message).toMatch(/cannot be saved/);
  });

  it('keeps a well-formed surrogate pair (an emoji) and files the report', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/trpc/public.reports.submit', remoteAddress: nextAddress(), payload: submission({ description: '楼道充电 🔥' }) });
    expect(res.statusCode).toBe(200);
  });

  it('refuses NUL in a GET query input and in a receipt, and hostile nesting, before any procedure runs', async () => {
    const q = encodeURIComponent(JSON.stringify({ serviceRequestId: '\u0000' }));
    const get = await h.app.inject({ method: 'GET', url: `/trpc/public.reports.status?input=${q}`, remoteAddress: nextAddress() });
    expect(get.statusCode).toBe(400);
    expect(get.json<TrpcError>().error.data.domain?.code).toBe('INPUT.UNSTORABLE_TEXT');
    const track = await h.app.inject({ method: 'POST', url: '/trpc/public.reports.track', remoteAddress: nextAddress(), payload: { receipt: '1234\u00005678' } });
    expect(track.statusCode).toBe(400);
    const depth = 5_000;
    const deep = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const nested = await h.app.inject({
      method: 'POST',
      url: '/trpc/public.reports.submit',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(submission()).replace(/"description":"[^"]*"/, `"description":${deep}`),
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json<TrpcError>().error.data.domain?.code).toBe('INPUT.TOO_DEEP');
  });
});

describe('Open311 refuses the same text and out-of-range dates', () => {
  const base = () => ({ api_key: h.apiKey, service_code: 'ebike_indoor', lat: '30.0003', long: '120.0003', address_string: '甲区人民路1号', description: '楼道里有电动车在充电' });
  const postForm = (fields: Record<string, string>) =>
    h.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  it.each([
    ['NUL in the description (form)', { description: '充电\u0000' }],
    ['NUL in address_string (form)', { address_string: '\u0000' }],
  ])('%s', async (_label, over) => {
    const before = await countReports();
    const res = await postForm({ ...base(), ...over });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: number; description: string }[]>()[0]!.description).toMatch(/^INPUT\.UNSTORABLE_TEXT: .*无法保存/);
    expect(await countReports()).toBe(before);
  });

  it('a lone surrogate in a JSON description', async () => {
    const before = await countReports();
    const res = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextAddress(), payload: { ...base(), description: '充电\ud800' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ description: string }[]>()[0]!.description).toMatch(/^INPUT\.UNSTORABLE_TEXT/);
    expect(await countReports()).toBe(before);
  });

  it.each([
    'start_date=0000-01-01T00:00:00Z',
    'end_date=0000-01-01T00:00:00Z',
    'start_date=1899-12-31T23:59:59Z',
    'end_date=9999-12-31T23:59:59Z&start_date=9999-12-01T00:00:00Z',
  ])('GET requests.json?%s answers a coded 400 or a list, never a 500', async (query) => {
    const res = await h.app.inject({ method: 'GET', url: `/open311/v2/requests.json?${query}` });
    expect(res.statusCode).toBeLessThan(500);
    if (query.startsWith('end_date=9999')) expect(res.statusCode).toBe(200);
    else {
      expect(res.statusCode).toBe(400);
      expect(res.json<{ description: string }[]>()[0]!.description).toMatch(/^(INPUT\.DATE_OUT_OF_RANGE|OPEN311\.INVALID_DATE)/);
    }
  });
});
