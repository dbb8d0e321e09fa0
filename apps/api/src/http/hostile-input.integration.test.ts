import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { appRouter } from '@firebreak/api';
import { reports, schema } from '@firebreak/db';
import { WORLD_PASSWORD } from '@firebreak/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, sessionCookieFrom, type HttpWorld } from '../../test/http-world';

/**
 * Hostile input over HTTP against every public and unit procedure and every
 * Open311 endpoint: each answer is a 2xx or a coded 4xx in the caller's language,
 * never a 5xx, and nothing already saved changes.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const UNLIMITED = { max: 1_000_000, windowMs: 3_600_000 };

let h: HttpWorld;
let unitCookie = '';
let savedReportId = '';
const statuses = new Map<number, number>();
let requests = 0;

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription' } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)
  .filter(([name]) => /^(public|whistleblower|unit)\./.test(name) || name === 'auth.login' || name === 'auth.me' || name === 'health')
  .map(([name, p]) => ({ name, type: p._def.type }));

beforeAll(async () => {
  h = await createHttpWorld({
    rateLimits: { reportSubmit: UNLIMITED, receiptLookup: UNLIMITED, publicTrpc: UNLIMITED, open311Post: UNLIMITED, uploads: UNLIMITED },
  });
  const login = await h.app.inject({ method: 'POST', url: '/trpc/auth.login', remoteAddress: '198.18.9.1', payload: { username: 'unitA', password: WORLD_PASSWORD } });
  unitCookie = sessionCookieFrom(login);
  const saved = await h.app.inject({
    method: 'POST',
    url: '/trpc/public.reports.submit',
    remoteAddress: '198.18.9.2',
    payload: { idempotencyKey: crypto.randomUUID(), riskCategory: 'ebike_indoor', description: '楼道充电', location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' } },
  });
  expect(saved.statusCode).toBe(200);
  savedReportId = saved.json<{ result: { data: { reportId: string } } }>().result.data.reportId;
}, 120_000);

afterAll(async () => {
  const histogram = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
  console.log(`hostile-input fuzz: ${requests} requests (seed ${SEED}), status codes ${JSON.stringify(histogram)}`);
  await h?.close();
});

async function snapshot(): Promise<{ counts: Record<string, number>; report: unknown }> {
  const counts: Record<string, number> = {};
  // Every table of the schema (drizzle marks its tables with this symbol).
  const TABLE_NAME = Symbol.for('drizzle:Name');
  for (const value of Object.values(schema)) {
    const name = (value as unknown as Record<symbol, unknown>)[TABLE_NAME];
    if (typeof name === 'string' && (value as unknown as Record<symbol, unknown>)[Symbol.for('drizzle:IsAlias')] !== true) {
      counts[name] = await h.world.db.db.$count(value as unknown as typeof reports);
    }
  }
  const rows = (await h.world.db.db.select().from(reports)).filter((r) => r.id === savedReportId);
  return { counts, report: JSON.parse(JSON.stringify(rows)) };
}

// ---- generators -------------------------------------------------------------

/** encodeURIComponent, but a lone surrogate goes out as its (invalid) three UTF-8-style bytes instead of throwing. */
function urlEncode(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    return encodeURIComponent(ch);
  });
}

const edgeStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\udc00\ud800',
  '\u202e\u2066',
  '\ufeff\u200b',
  '🔥'.repeat(5),
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'NaN',
  '1e309',
  '-0',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '2026-13-45T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  '1234567890123456',
];
const hugeString = fc.integer({ min: 5_001, max: 120_000 }).map((n) => '消'.repeat(n));
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...edgeStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
);
const hostileNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 91, -181, 0));
const leaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const fieldNames = fc.constantFrom(
  'receipt', 'description', 'location', 'lat', 'lng', 'address', 'riskCategory', 'idempotencyKey', 'venueId', 'serviceRequestId',
  'body', 'query', 'id', 'token', 'page', 'cursor', 'limit', 'username', 'password', 'contact', 'name', 'phone', 'attachmentIds',
  'kind', 'content', 'text', 'hazardId', 'inspectionId', 'drawId', 'identity', 'payment', '__proto__', 'constructor', '0',
);
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fieldNames, tie('value'), { maxKeys: 5 }),
  ),
}));

/** A valid report with exactly one field made invalid, so it reaches deep but never files (the whistleblower form calls `contact` `identity`). */
const validReport = () => ({
  idempotencyKey: crypto.randomUUID(),
  riskCategory: 'ebike_indoor',
  description: '楼道充电',
  location: { lat: 30.0001, lng: 120.0001, address: '甲区人民路1号' },
});
const badReportField = fc.oneof(
  fc.record({ path: fc.constant(['description']), v: fc.oneof(fc.constantFrom('\u0000', 'a\ud800', '', '   ', 5, null, []), hugeString) }),
  fc.record({ path: fc.constant(['location', 'address']), v: fc.oneof(fc.constantFrom('\u0000', '\udfff', 7, {}), hugeString) }),
  fc.record({ path: fc.constant(['location', 'lat']), v: fc.constantFrom(91, -91, 0, '30', null, 1e308) }),
  fc.record({ path: fc.constant(['location', 'lng']), v: fc.constantFrom(181, 0, 'x', null, -1e308) }),
  fc.record({ path: fc.constant(['riskCategory']), v: fc.constantFrom('made_up', 'EBIKE_INDOOR', '', '\u0000', 1) }),
  fc.record({ path: fc.constant(['idempotencyKey']), v: fc.constantFrom('short', '', '\u0000'.repeat(20), 12345) }),
  fc.record({ path: fc.constant(['venueId']), v: fc.constantFrom('00000000-0000-4000-8000-000000000000', 'x', 3) }),
  fc.record({ path: fc.constant(['attachmentIds']), v: fc.constantFrom(['00000000-0000-4000-8000-000000000000'], 'x', Array(21).fill('00000000-0000-4000-8000-000000000001')) }),
  fc.record({ path: fc.constant(['contact']), v: fc.constantFrom({ name: '张三', phone: 'abc' }, { name: '\u0000', phone: '13800000000' }, 'x') }),
);
function withField(base: Record<string, unknown>, path: readonly string[], v: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path.at(-1)!] = v;
  return copy;
}

const rawBodies = fc.oneof(
  fc.constantFrom('', '{', '}', 'NaN', '{"lat": NaN}', '{"a":1,}', 'null', '[]', '"\\ud800"', '{"description":"\\u0000"}', '\u0000', '{"0":{"json":1}}', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
);
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '',
);
const languages = fc.constantFrom('zh-CN', 'zh-CN,zh;q=0.9', 'en', 'en-US,en;q=0.8', '', 'xx', '*');

const procedure = fc.constantFrom(...procedures);
const trpcRequest = fc.oneof(
  // Well-formed JSON of a hostile shape.
  fc.record({ p: procedure, input: hostileValue, batch: fc.boolean(), wrongMethod: fc.boolean() }).map(({ p, input, batch, wrongMethod }) => {
    const get = (p.type === 'query') !== wrongMethod;
    const wrapped = batch ? { 0: input } : input;
    const url = `/trpc/${p.name}${batch ? '?batch=1' : ''}`;
    return get
      ? { p, opts: { method: 'GET', url: `${url}${batch ? '&' : '?'}input=${urlEncode(JSON.stringify(wrapped) ?? '')}` } }
      : { p, opts: { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(wrapped) ?? '' } };
  }),
  // Unreadable or mislabelled bodies.
  fc.record({ p: procedure, body: rawBodies, type: contentTypes }).map(({ p, body, type }) => ({
    p,
    opts: { method: 'POST', url: `/trpc/${p.name}`, headers: type ? { 'content-type': type } : {}, payload: body },
  })),
  // A GET input that is not JSON at all.
  fc.record({ p: procedure, raw: fc.string({ unit: 'binary', maxLength: 30 }) }).map(({ p, raw }) => ({
    p,
    opts: { method: 'GET', url: `/trpc/${p.name}?input=${urlEncode(raw)}` },
  })),
  // The two report intakes, almost valid.
  fc.record({ name: fc.constantFrom('public.reports.submit', 'whistleblower.submit'), bad: badReportField }).map(({ name, bad }) => ({
    p: { name, type: 'mutation' as const },
    opts: { method: 'POST', url: `/trpc/${name}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(withField(validReport(), name === 'whistleblower.submit' && bad.path[0] === 'contact' ? ['identity'] : bad.path, bad.v)) },
  })),
);

const open311Params = fc.dictionary(
  fc.constantFrom('start_date', 'end_date', 'status', 'service_code', 'service_request_id', 'api_key', 'jurisdiction_id', 'page', 'lat', 'long'),
  fc.oneof(hostileString, fc.constantFrom('0000-01-01T00:00:00Z', '1899-12-31T00:00:00Z', '9999-12-31T23:59:59+14:00', '-000001-01-01T00:00:00Z', 'open,closed', 'ebike_indoor')),
  { maxKeys: 4 },
);
const query = (params: Record<string, string>) => {
  const q = new URLSearchParams(params).toString();
  return q ? `?${q}` : '';
};
const open311Request = fc.oneof(
  fc.record({ params: open311Params, format: fc.constantFrom('json', 'xml', 'html', '') }).map(({ params, format }) => ({
    opts: { method: 'GET', url: `/open311/v2/requests${format ? `.${format}` : ''}${query(params)}` },
  })),
  fc.record({ seg: hostileString, which: fc.constantFrom('requests', 'services', 'tokens') }).map(({ seg, which }) => ({
    opts: { method: 'GET', url: `/open311/v2/${which}/${urlEncode(seg.slice(0, 300))}.json` },
  })),
  fc.constantFrom('discovery.json', 'services.xml', 'services.json', 'nothing.json').map((f) => ({ opts: { method: 'GET', url: `/open311/v2/${f}` } })),
  // POST with the real key: one field always invalid, so nothing is filed.
  fc
    .record({
      bad: fc.oneof(
        fc.record({ k: fc.constant('service_code'), v: fc.constantFrom('made_up', '', '\u0000', 'EBIKE') }),
        fc.record({ k: fc.constant('lat'), v: fc.constantFrom('0', '91', 'NaN', '1e3', '30.0.1', '') }),
        fc.record({ k: fc.constant('description'), v: fc.oneof(fc.constantFrom('\u0000', '  ', 'x\ud800'), hugeString) }),
        fc.record({ k: fc.constant('phone'), v: fc.constantFrom('abc', '\u0000') }),
      ),
      json: fc.boolean(),
    })
    .map(({ bad, json }) => {
      // A form body cannot carry a lone surrogate (it goes out as U+FFFD, which is valid text): use NUL there.
      const v = !json && /[\ud800-\udfff]/.test(bad.v) ? `${bad.v}\u0000` : bad.v;
      const fields: Record<string, string> = { api_key: h.apiKey, service_code: 'ebike_indoor', lat: '30.0003', long: '120.0003', address_string: '甲区人民路1号', description: '楼道里有电动车在充电', [bad.k]: v };
      return {
        opts: json
          ? ({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(fields) })
          : ({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() }),
      };
    }),
  // POST without a valid key, any body.
  fc.record({ body: fc.oneof(rawBodies, open311Params.map((p) => new URLSearchParams(p).toString())), type: contentTypes, format: fc.constantFrom('json', 'xml') }).map(({ body, type, format }) => ({
    opts: { method: 'POST', url: `/open311/v2/requests.${format}`, headers: type ? { 'content-type': type } : {}, payload: body },
  })),
);

// ---- checks -----------------------------------------------------------------

const CJK = /[\u4e00-\u9fff]/;

function checkTrpc(res: LightMyRequestResponse, en: boolean): void {
  if (res.statusCode < 400) return;
  const parsed = JSON.parse(res.body) as unknown;
  const errors = (Array.isArray(parsed) ? parsed : [parsed]) as { error?: { message?: string; data?: { code?: string; domain?: { code?: string } | null; fieldErrors?: unknown[] | null } } }[];
  for (const e of errors.filter((x) => x.error)) {
    const data = e.error!.data;
    const code = data?.domain?.code ?? (data?.fieldErrors?.length ? `FIELDS.${data.code}` : undefined);
    expect(code, res.body.slice(0, 300)).toMatch(/^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+$/);
    const message = e.error!.message ?? '';
    if (en) expect(message, res.body.slice(0, 300)).toMatch(/[A-Za-z]/);
    else expect(message, res.body.slice(0, 300)).toMatch(CJK);
  }
}

function checkOpen311(res: LightMyRequestResponse): void {
  if (res.statusCode < 400) return;
  if (String(res.headers['content-type'] ?? '').includes('xml')) {
    expect(res.body).toMatch(/<description>[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+: /);
    return;
  }
  const [first] = res.json<{ code: number; description: string }[]>();
  expect(first?.code, res.body.slice(0, 300)).toBe(res.statusCode);
  // Both languages, the code first: GeoReport v2 has one description field.
  expect(first?.description, res.body.slice(0, 300)).toMatch(/^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)+: /);
  expect(first?.description).toMatch(CJK);
}

async function send(opts: InjectOptions, lang: string, cookie: string | null): Promise<LightMyRequestResponse> {
  const headers = { ...(opts.headers ?? {}), ...(lang ? { 'accept-language': lang } : {}), ...(cookie ? { cookie } : {}) };
  const res = await h.app.inject({ ...opts, headers, remoteAddress: '198.18.10.1' });
  requests += 1;
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  expect(res.statusCode, `${opts.method} ${(typeof opts.url === 'string' ? opts.url : JSON.stringify(opts.url)).slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  return res;
}

describe('hostile input over HTTP', () => {
  it('never answers 5xx, always codes its 4xx in the caller’s language, and changes nothing saved', async () => {
    const before = await snapshot();
    const called = new Set<string>();
    const enOf = (lang: string) => lang.split(',')[0]!.trim().toLowerCase().startsWith('en');
    await fc.assert(
      fc.asyncProperty(trpcRequest, languages, async ({ p, opts }, lang) => {
        called.add(p.name);
        const res = await send(opts, lang, p.name.startsWith('unit.') ? unitCookie : null);
        checkTrpc(res, enOf(lang));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(open311Request, languages, async ({ opts }, lang) => {
        checkOpen311(await send(opts, lang, null));
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
    expect(await snapshot()).toEqual(before);
    // Every public and unit procedure was driven at least once.
    expect([...called].sort()).toEqual(procedures.map((p) => p.name).sort());
  }, 120_000);
});
