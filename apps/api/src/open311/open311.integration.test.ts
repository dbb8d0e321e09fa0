import { createHash } from 'node:crypto';
import { insertApiKey, reports } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport } from '@firebreak/api';
import { createHttpWorld, nextAddress, type HttpWorld } from '../../test/http-world';
import type { Open311Created, Open311RequestBody } from './open311-routes';
import type { Open311Service } from './services';

let h: HttpWorld;
let whistleId: string;

beforeAll(async () => {
  h = await createHttpWorld();
  const filed = await submitReport(
    { db: h.world.db.db, services: h.world.services, clock: () => h.world.now },
    {
      idempotencyKey: 'whistle-0000000000000001',
      riskCategory: 'evacuation_blocked',
      description: '老板下班后把安全出口锁上',
      location: { lat: 30.0002, lng: 120.0002, address: '甲区人民路1号仓库' },
    },
    { channel: 'whistleblower', identity: { name: '内部员工', phone: '13800000000' } },
  );
  whistleId = filed.reportId;
}, 120_000);
afterAll(async () => h?.close());

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const base = () => ({
  api_key: h.apiKey,
  service_code: 'ebike_indoor',
  lat: '30.0003',
  long: '120.0003',
  address_string: '甲区人民路1号3单元',
  description: '楼道里有电动车在充电',
});
const countReports = () => h.world.db.db.$count(reports);

function post(fields: Record<string, string>, opts: { url?: string; headers?: Record<string, string> } = {}) {
  return h.app.inject({
    method: 'POST',
    url: opts.url ?? '/open311/v2/requests.json',
    remoteAddress: nextAddress(),
    payload: new URLSearchParams(fields).toString(),
    headers: { ...FORM, ...opts.headers },
  });
}

describe('GET services', () => {
  it('lists the 13 risk categories as realtime services, in Chinese unless English is asked for', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = res.json<Open311Service[]>();
    expect(services.map((s) => s.service_code)).toContain('bathhouse_lodging');
    expect(services).toHaveLength(13);
    expect(services.find((s) => s.service_code === 'evacuation_blocked')).toMatchObject({
      service_name: '疏散通道堵塞、安全出口锁闭',
      type: 'realtime',
      metadata: true,
      group: '全国九类突出风险',
    });
    const en = await h.app.inject({ method: 'GET', url: '/open311/v2/services.json', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json<Open311Service[]>()[0]!.service_name).toBe('Flammable decoration');
  });

  it('answers XML too', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>flammable_decoration<\/service_code>/);
  });

  it('defines the one attribute, and 404s an unknown service', async () => {
    const def = await h.app.inject({ method: 'GET', url: '/open311/v2/services/ebike_indoor.json' });
    expect(def.json()).toMatchObject({ service_code: 'ebike_indoor', attributes: [{ code: 'attachment_ids', required: false, order: 1 }] });
    const missing = await h.app.inject({ method: 'GET', url: '/open311/v2/services/potholes.json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringMatching(/^OPEN311.SERVICE_NOT_FOUND: /) }]);
  });

  it('404s an unknown format or resource with the error list', async () => {
    for (const url of ['/open311/v2/services.csv', '/open311/v2/things.json', '/open311/v2/a/b/c.json']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json<unknown[]>()[0]).toMatchObject({ code: 404 });
    }
  });
});

describe('POST requests', () => {
  let filedId: string;

  it('files a report through the shared intake and answers with its id and notice, not the receipt', async () => {
    const before = await countReports();
    const res = await post(base());
    expect(res.statusCode).toBe(201);
    const [created] = res.json<Open311Created[]>();
    expect(created).toEqual({ service_request_id: expect.any(String), service_notice: expect.stringMatching(/前完成核查$/), account_id: null });
    // No 16-digit receipt, grouped or not, anywhere in the answer.
    expect(res.body.replace(/\D/g, ' ')).not.toMatch(/\d{16}/);
    expect(res.body).not.toMatch(/\d{4} \d{4} \d{4} \d{4}/);
    expect(await countReports()).toBe(before + 1);
    filedId = created!.service_request_id;
    const row = (await h.world.db.db.select().from(reports)).find((r) => r.id === filedId)!;
    expect(row).toMatchObject({ channel: 'open311', apiKeyId: h.apiKeyId, anonymous: true, whistleblower: false, riskCategory: 'ebike_indoor', sealedIdentity: null });
  });

  it('takes JSON as well, and seals a named reporter', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: nextAddress(),
      payload: { ...base(), lat: 30.0004, long: 120.0004, first_name: '小红', last_name: '李', phone: '13700000001' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<Open311Created[]>()[0]!.service_request_id;
    const row = (await h.world.db.db.select().from(reports)).find((r) => r.id === id)!;
    expect(row.anonymous).toBe(false);
    expect(row.sealedIdentity).toMatch(/^fb1\./);
    expect(JSON.stringify(row)).not.toMatch(/13700000001|李小红/);
  });

  it('files once for a repeated Idempotency-Key', async () => {
    const before = await countReports();
    const headers = { 'idempotency-key': 'hotline-call-2026-000123' };
    const first = await post(base(), { headers });
    const again = await post(base(), { headers });
    expect(again.json<Open311Created[]>()[0]!.service_request_id).toBe(first.json<Open311Created[]>()[0]!.service_request_id);
    expect(await countReports()).toBe(before + 1);
  });

  it('answers XML when asked', async () => {
    const res = await post(base(), { url: '/open311/v2/requests.xml' });
    expect(res.statusCode).toBe(201);
    expect(res.body).toMatch(/<service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id><service_notice>.+<\/service_notice><account_id\/><\/request><\/service_requests>$/);
  });

  it.each([
    ['a wrong key', { api_key: 'fb-wrong' }],
    ['no key', { api_key: '' }],
  ])('refuses %s with 403 and files nothing', async (_label, override) => {
    const before = await countReports();
    const res = await post({ ...base(), ...override });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual([{ code: 403, description: expect.stringMatching(/^OPEN311.INVALID_API_KEY: /) }]);
    expect(await countReports()).toBe(before);
  });

  it('refuses a deactivated key', async () => {
    const key = 'fb-retired-key-0000000000000000';
    const id = await insertApiKey(h.world.db.db, { keyHash: createHash('sha256').update(key).digest('hex'), name: '停用' });
    const { apiKeys } = await import('@firebreak/db');
    await h.world.db.db.update(apiKeys).set({ active: false });
    try {
      const res = await post({ ...base(), api_key: key });
      expect(res.statusCode).toBe(403);
    } finally {
      await h.world.db.db.update(apiKeys).set({ active: true });
      expect(id).toBeTruthy();
    }
  });

  it.each([
    ['no service_code', { service_code: '' }, 400, 'OPEN311.SERVICE_CODE_REQUIRED'],
    ['an unknown service_code', { service_code: 'potholes' }, 404, 'OPEN311.SERVICE_NOT_FOUND'],
    ['no location at all', { lat: '', long: '', address_string: '' }, 400, 'REPORT.LOCATION_REQUIRED'],
    ['half a coordinate pair', { long: '' }, 400, 'REPORT.INVALID_COORDINATES'],
    ['an address the venue library does not know', { lat: '', long: '', address_string: '丙区无名路99号' }, 400, 'OPEN311.ADDRESS_NOT_FOUND'],
    ['an address_id that is no venue', { lat: '', long: '', address_string: '', address_id: '00000000-0000-4000-8000-000000000000' }, 400, 'OPEN311.ADDRESS_ID_NOT_FOUND'],
    ['an address_id that is not an id', { lat: '', long: '', address_string: '', address_id: 'A-17' }, 400, 'OPEN311.ADDRESS_ID_NOT_FOUND'],
    ['a blank description (the kernel says)', { description: '   ' }, 400, 'REPORT.DESCRIPTION_REQUIRED'],
    ['half an identity', { phone: '13700000001' }, 400, 'OPEN311.CONTACT_INCOMPLETE'],
    ['a photo that does not exist', { 'attribute[attachment_ids]': '00000000-0000-4000-8000-000000000000' }, 400, 'ATTACHMENT.UNAVAILABLE'],
  ])('refuses %s with a coded error and files nothing', async (_label, override, status, code) => {
    const before = await countReports();
    const res = await post({ ...base(), ...override });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual([{ code: status, description: expect.stringContaining(`${code}: `) }]);
    expect(await countReports()).toBe(before);
  });

  describe('the three location forms of GeoReport v2', () => {
    const get = async (id: string) => {
      const res = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
      expect(res.statusCode).toBe(200);
      return res.json<Open311RequestBody[]>()[0]!;
    };
    const filed = async (fields: Record<string, string>) => {
      const res = await post(fields);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Open311Created[]>()[0]!.service_request_id;
    };

    it('files lat and long alone, and GET shows the address the system derived, marked as derived', async () => {
      const { address_string: _a, ...coordinatesOnly } = base();
      const id = await filed(coordinatesOnly);
      const shown = await get(id);
      expect(shown).toMatchObject({ lat: 30.0003, long: 120.0003, agency_responsible: '甲区消防救援大队' });
      // Placed by the nearest venue (甲区好又多超市, about 40 m away), so the derived address names it.
      expect(shown.address).toBe('〔按坐标推定 derived from coordinates〕 甲区人民路1号（甲区好又多超市附近 near） [30.000300, 120.000300]');
    });

    it('files address_string alone when it is a venue’s address (spacing and punctuation aside), at that venue', async () => {
      const id = await filed({ ...base(), lat: '', long: '', address_string: ' 甲区人民路 1号 ' });
      expect(await get(id)).toMatchObject({ lat: 30, long: 120, address: '甲区人民路 1号', agency_responsible: '甲区消防救援大队' });
    });

    it('files address_id as a venue of the venue library', async () => {
      const id = await filed({ ...base(), lat: '', long: '', address_string: '', address_id: h.world.venues.B });
      expect(await get(id)).toMatchObject({ lat: 30.1, long: 120.1, address: '乙区解放路2号' });
      const row = (await h.world.db.db.select().from(reports)).find((r) => r.id === id)!;
      expect(row.venueId).toBe(h.world.venues.B);
    });

    it('answers an unknown address with the spec’s error list in both languages', async () => {
      const res = await post({ ...base(), lat: '', long: '', address_string: '丙区无名路99号' });
      expect(res.statusCode).toBe(400);
      const [error] = res.json<{ code: number; description: string }[]>();
      expect(error!.code).toBe(400);
      expect(error!.description).toContain('场所库');
      expect(error!.description).toContain('send lat and long');
    });
  });

  it('refuses other body types and malformed JSON without filing', async () => {
    const before = await countReports();
    const text = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextAddress(), payload: 'x', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toEqual([{ code: 415, description: expect.stringMatching(/^OPEN311.UNSUPPORTED_MEDIA_TYPE/) }]);
    const broken = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextAddress(), payload: '{"api_key":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<unknown[]>()[0]).toMatchObject({ code: 400 });
    const nested = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', remoteAddress: nextAddress(), payload: { ...base(), description: { $gt: '' } } });
    expect(nested.statusCode).toBe(400);
    expect(await countReports()).toBe(before);
  });

  describe('GET requests', () => {
    it('lists public reports as the kernel projects them, with the agency responsible, and never a whistleblower’s', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
      expect(res.statusCode).toBe(200);
      const list = res.json<Open311RequestBody[]>();
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((r) => r.service_request_id)).toContain(filedId);
      expect(list.map((r) => r.service_request_id)).not.toContain(whistleId);
      expect(res.body).not.toContain('安全出口锁上');
      expect(list.find((r) => r.service_request_id === filedId)).toMatchObject({
        status: 'open',
        service_code: 'ebike_indoor',
        description: '楼道里有电动车在充电',
        agency_responsible: '甲区消防救援大队',
        address: '甲区人民路1号3单元',
        lat: 30.0003,
        long: 120.0003,
        requested_datetime: '2026-03-02T10:00:00+08:00',
        address_id: null,
        zipcode: null,
        media_url: null,
      });
    });

    it('filters by status, service code, dates and ids', async () => {
      const get = async (qs: string) => (await h.app.inject({ method: 'GET', url: `/open311/v2/requests.json?${qs}` })).json<Open311RequestBody[]>();
      expect(await get('status=closed')).toEqual([]);
      expect((await get('status=open')).length).toBeGreaterThan(0);
      expect(await get('service_code=bathhouse_lodging')).toEqual([]);
      expect((await get('service_code=ebike_indoor,bathhouse_lodging')).every((r) => r.service_code === 'ebike_indoor')).toBe(true);
      expect(await get('start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00Z')).toEqual([]);
      expect((await get('start_date=2026-03-01T00:00:00Z&end_date=2026-03-03T00:00:00Z')).length).toBeGreaterThan(0);
      expect((await get(`service_request_id=${filedId},${whistleId}`)).map((r) => r.service_request_id)).toEqual([filedId]);
    });

    it('answers a bad filter with 400 and the error list', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=pending' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.stringMatching(/^OPEN311.INVALID_STATUS/) }]);
    });

    it('serves one request, and a whistleblower’s exactly like a missing one', async () => {
      const one = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${filedId}.json` });
      expect(one.statusCode).toBe(200);
      expect(one.json<Open311RequestBody[]>()).toHaveLength(1);
      const hidden = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${whistleId}.json` });
      const missing = await h.app.inject({ method: 'GET', url: '/open311/v2/requests/00000000-0000-4000-8000-000000000000.json' });
      const malformed = await h.app.inject({ method: 'GET', url: '/open311/v2/requests/1%20or%201=1.json' });
      for (const r of [hidden, missing, malformed]) {
        expect(r.statusCode).toBe(404);
        expect(r.body).toBe(missing.body);
      }
    });

    it('serves XML with the request elements', async () => {
      const res = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${filedId}.xml` });
      expect(res.body).toContain(`<service_requests><request><service_request_id>${filedId}</service_request_id><status>open</status>`);
      expect(res.body).toContain('<address_id/><zipcode/>');
    });
  });
});

describe('tokens and discovery', () => {
  it('issues no tokens, so none resolves', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/open311/v2/tokens/4821093755210046.json' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: expect.stringMatching(/^OPEN311.TOKEN_NOT_FOUND/) }]);
  });

  it('describes the endpoint for discovery', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/open311/v2/discovery.json', headers: { host: 'firebreak.example.cn' } });
    expect(res.json()).toMatchObject({
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://firebreak.example.cn/open311/v2/', type: 'test', formats: ['application/json', 'text/xml'] }],
    });
  });
});

describe('one report, three doors', () => {
  it('a report filed through Open311 POST appears through Open311 GET and through tRPC public.reports.status', async () => {
    const created = await post(base());
    expect(created.statusCode).toBe(201);
    const [{ service_request_id: id }] = created.json<Open311Created[]>() as [Open311Created];

    const viaOpen311 = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json` });
    expect(viaOpen311.statusCode).toBe(200);
    const [row] = viaOpen311.json<Open311RequestBody[]>() as [Open311RequestBody];
    expect(row).toMatchObject({ service_request_id: id, status: 'open', service_code: 'ebike_indoor' });

    const input = encodeURIComponent(JSON.stringify({ serviceRequestId: id }));
    const viaTrpc = await h.app.inject({ method: 'GET', url: `/trpc/public.reports.status?input=${input}` });
    expect(viaTrpc.statusCode).toBe(200);
    const status = viaTrpc.json<{ result: { data: Record<string, unknown> } }>().result.data;
    expect(status).toMatchObject({ service_request_id: id, status: 'open', service_code: 'ebike_indoor', description: row.description });
    // One projection: the same fields with the same values, agency included.
    expect(row.agency_responsible).toEqual(expect.any(String));
    expect(status).toEqual(row);
    for (const lang of ['en', 'zh-CN']) {
      const o = await h.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json`, headers: { 'accept-language': lang } });
      const t = await h.app.inject({ method: 'GET', url: `/trpc/public.reports.status?input=${input}`, headers: { 'accept-language': lang } });
      expect(t.json<{ result: { data: unknown } }>().result.data, lang).toEqual(o.json<unknown[]>()[0]);
    }

    const hidden = await h.app.inject({ method: 'GET', url: `/trpc/public.reports.status?input=${encodeURIComponent(JSON.stringify({ serviceRequestId: whistleId }))}` });
    expect(hidden.statusCode).toBe(404);
  });
});
