import { reports } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, nextAddress, type HttpWorld } from '../../test/http-world';

// The portal's tRPC submit and Open311 POST apply one intake check (the kernel's checkIntake).
let h: HttpWorld;
beforeAll(async () => {
  h = await createHttpWorld();
}, 120_000);
afterAll(async () => h?.close());

const countReports = () => h.world.db.db.$count(reports);

const trpcSubmit = (over: { riskCategory?: string; lat?: number; lng?: number }, lang?: string) =>
  h.app.inject({
    method: 'POST',
    url: '/trpc/public.reports.submit',
    remoteAddress: nextAddress(),
    headers: lang ? { 'accept-language': lang } : {},
    payload: {
      idempotencyKey: crypto.randomUUID(),
      riskCategory: over.riskCategory ?? 'ebike_indoor',
      description: '楼道充电',
      location: { lat: over.lat ?? 30.0001, lng: over.lng ?? 120.0001, address: '甲区人民路1号' },
    },
  });

const open311Post = (over: { service_code?: string; lat?: string; long?: string }) =>
  h.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    remoteAddress: nextAddress(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: h.apiKey,
      service_code: over.service_code ?? 'ebike_indoor',
      lat: over.lat ?? '30.0003',
      long: over.long ?? '120.0003',
      address_string: '甲区人民路1号',
      description: '楼道里有电动车在充电',
    }).toString(),
  });

type TrpcError = { error: { message: string; data: { domain: { code: string } | null } } };

describe('risk category from the catalog', () => {
  it('tRPC refuses an unknown riskCategory with a coded 400 in the caller’s language', async () => {
    const before = await countReports();
    const zh = await trpcSubmit({ riskCategory: 'made_up_code' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json<TrpcError>().error.data.domain?.code).toBe('REPORT.UNKNOWN_RISK_CATEGORY');
    expect(zh.json<TrpcError>().error.message).toBe('请从列表中选择隐患类别');
    const en = await trpcSubmit({ riskCategory: 'made_up_code' }, 'en');
    expect(en.json<TrpcError>().error.message).toBe('Choose a risk category from the list');
    expect(await countReports()).toBe(before);
  });

  it('Open311 refuses an unknown service_code', async () => {
    const res = await open311Post({ service_code: 'made_up_code' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ description: string }[]>()[0]!.description).toMatch(/^OPEN311\.SERVICE_NOT_FOUND/);
  });
});

describe('places inside the served area (the located venues of the configured jurisdictions)', () => {
  it.each([
    ['(0, 0)', 0, 0],
    ['Shanghai, ~200 km from every venue', 31.23, 121.47],
  ])('tRPC and Open311 both refuse %s', async (_label, lat, lng) => {
    const before = await countReports();
    const viaTrpc = await trpcSubmit({ lat, lng });
    expect(viaTrpc.statusCode).toBe(400);
    expect(viaTrpc.json<TrpcError>().error.data.domain?.code).toBe('REPORT.OUTSIDE_SERVED_AREA');
    expect(viaTrpc.json<TrpcError>().error.message).toContain('不在本系统服务的辖区范围内');
    const viaOpen311 = await open311Post({ lat: String(lat), long: String(lng) });
    expect(viaOpen311.statusCode).toBe(400);
    expect(viaOpen311.json<{ description: string }[]>()[0]!.description).toMatch(/^REPORT\.OUTSIDE_SERVED_AREA: 该位置不在/);
    expect(await countReports()).toBe(before);
  });

  it('both still file a place inside it', async () => {
    expect((await trpcSubmit({ lat: 30.2, lng: 120.2 })).statusCode).toBe(200);
    expect((await open311Post({ lat: '30.2', long: '120.2' })).statusCode).toBe(201);
  });
});
