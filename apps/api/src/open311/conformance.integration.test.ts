import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpWorld, nextAddress, type HttpWorld } from '../../test/http-world';

/**
 * Every Open311 answer this server gives, checked against the GeoReport v2
 * field definitions (http://wiki.open311.org/GeoReport_v2, "Response" tables
 * of each method; Service Discovery for discovery.json). A field the spec
 * marks "May not be returned" is optional here; every other one must be
 * present. Types and allowed values come from the same tables. No field
 * outside the table may appear: the spec asks for no foreign elements.
 */

type Check = (v: unknown) => boolean;
interface Field {
  readonly required: boolean;
  readonly check: Check;
  readonly rule: string;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const datetime: Check = (v) => typeof v === 'string' && W3C_DATETIME.test(v);
const datetimeOrNull: Check = (v) => v === null || datetime(v);
const between = (lo: number, hi: number): Check => (v) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
/** "This may contain line breaks, but not html or code ... limited to 4,000 characters." */
const freeText: Check = (v) => v === null || (typeof v === 'string' && v.length <= 4000 && !/<[a-z/!]/i.test(v));

const must = (check: Check, rule: string): Field => ({ required: true, check, rule });
const may = (check: Check, rule: string): Field => ({ required: false, check, rule });

/** GET Service List → services ⇊ service ↴ */
const SERVICE: Record<string, Field> = {
  service_code: must(str, 'string'),
  service_name: must(str, 'string'),
  description: must(str, 'string'),
  metadata: must(bool, 'true | false'),
  type: must(oneOf('realtime', 'batch', 'blackbox'), 'realtime | batch | blackbox'),
  keywords: must(str, 'comma separated list'),
  group: must(str, 'string'),
};

/** GET Service Definition → service_definition ↴ */
const SERVICE_DEFINITION: Record<string, Field> = {
  service_code: must(str, 'the code asked for'),
  attributes: must(Array.isArray, 'attributes ⇊'),
};
const ATTRIBUTE: Record<string, Field> = {
  variable: must(bool, 'true | false'),
  code: must(str, 'unique identifier'),
  datatype: must(oneOf('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'), 'datatype'),
  required: must(bool, 'true | false'),
  datatype_description: must(strOrNull, 'string'),
  order: must((v) => Number.isInteger(v) && (v as number) > 0, 'positive integer'),
  description: must(str, 'string'),
  values: must(Array.isArray, 'values ⇊'),
};
const VALUE: Record<string, Field> = { key: must(str, 'string'), name: must(str, 'string') };

/** POST Service Request → service_requests ⇊ request ↴ (service_request_id and token are alternatives). */
const POSTED: Record<string, Field> = {
  service_request_id: may(str, 'not returned with token'),
  token: may(str, 'not returned with service_request_id'),
  service_notice: may(strOrNull, 'may not be returned'),
  account_id: may(strOrNull, 'may not be returned'),
};

/** GET service_request_id from a token → service_requests ⇊ request ↴ */
const TOKEN: Record<string, Field> = { service_request_id: must(str, 'string'), token: must(str, 'string') };

/** GET Service Requests / GET Service Request → service_requests ⇊ request ↴ */
const REQUEST: Record<string, Field> = {
  service_request_id: must(str, 'string'),
  status: must(oneOf('open', 'closed'), 'open | closed'),
  status_notes: may(strOrNull, 'may not be returned'),
  service_name: must(str, 'string'),
  service_code: must(str, 'string'),
  description: must(freeText, '≤ 4000 characters, no html'),
  agency_responsible: may(strOrNull, 'may not be returned'),
  service_notice: may(strOrNull, 'may not be returned'),
  requested_datetime: must(datetime, 'w3 format with zone'),
  updated_datetime: must(datetime, 'w3 format with zone'),
  expected_datetime: may(datetimeOrNull, 'may not be returned'),
  address: must(str, 'string'),
  address_id: must(strOrNull, 'string'),
  zipcode: must(strOrNull, 'string'),
  lat: must(between(-90, 90), 'WGS84 latitude'),
  long: must(between(-180, 180), 'WGS84 longitude'),
  media_url: must(strOrNull, 'URL'),
};

/** Errors: "The numbers represent the HTTP status code returned for each error type". */
const ERROR: Record<string, Field> = {
  code: must((v) => Number.isInteger(v), 'the HTTP status'),
  description: must((v) => typeof v === 'string' && v.length > 0, 'string'),
};

/** Service Discovery. */
const DISCOVERY: Record<string, Field> = {
  changeset: must(datetime, 'w3 datetime'),
  contact: must(str, 'string'),
  key_service: must(str, 'string'),
  endpoints: must(Array.isArray, 'endpoints ⇊'),
};
const ENDPOINT: Record<string, Field> = {
  specification: must(oneOf('http://wiki.open311.org/GeoReport_v2'), 'spec URL'),
  url: must((v) => typeof v === 'string' && /^https?:\/\/.+\/$/.test(v), 'endpoint URL'),
  changeset: must(datetime, 'w3 datetime'),
  type: must(oneOf('production', 'test'), 'production | test'),
  formats: must((v) => Array.isArray(v) && v.every((f) => f === 'application/json' || f === 'text/xml'), 'mime types'),
};

function violations(where: string, value: unknown, table: Record<string, Field>): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${where}: not an object`];
  const o = value as Record<string, unknown>;
  const out: string[] = [];
  for (const [name, f] of Object.entries(table)) {
    if (!(name in o)) {
      if (f.required) out.push(`${where}.${name}: required`);
    } else if (!f.check(o[name])) out.push(`${where}.${name}: ${JSON.stringify(o[name])} is not ${f.rule}`);
  }
  for (const name of Object.keys(o)) if (!(name in table)) out.push(`${where}.${name}: not a GeoReport v2 field`);
  return out;
}

function eachOf(where: string, list: unknown, table: Record<string, Field>): string[] {
  if (!Array.isArray(list)) return [`${where}: not a list`];
  return list.flatMap((item, i) => violations(`${where}[${i}]`, item, table));
}

type Kind = 'services' | 'definition' | 'posted' | 'requests' | 'discovery' | 'tokens';

/** The whole check for one answer in JSON. */
function jsonViolations(kind: Kind, res: LightMyRequestResponse): string[] {
  if (res.headers['content-type'] !== 'application/json; charset=utf-8') return [`content-type ${String(res.headers['content-type'])}`];
  const body: unknown = JSON.parse(res.body);
  if (res.statusCode >= 400) {
    const errs = eachOf('errors', body, ERROR);
    const codes = Array.isArray(body) ? body.map((e: { code?: unknown }) => e.code) : [];
    if (codes.length === 0 || codes.some((c) => c !== res.statusCode)) errs.push(`error codes ${JSON.stringify(codes)} are not the status ${res.statusCode}`);
    return errs;
  }
  switch (kind) {
    case 'services':
      return eachOf('services', body, SERVICE);
    case 'definition': {
      const def = body as { attributes?: unknown[] };
      const out = violations('service_definition', body, SERVICE_DEFINITION);
      (def.attributes ?? []).forEach((a, i) => {
        out.push(...violations(`attributes[${i}]`, a, ATTRIBUTE));
        out.push(...eachOf(`attributes[${i}].values`, (a as { values?: unknown }).values, VALUE));
        const dt = (a as { datatype?: string }).datatype;
        if ((dt === 'singlevaluelist' || dt === 'multivaluelist') && ((a as { values?: unknown[] }).values ?? []).length === 0) out.push(`attributes[${i}]: a list without values`);
      });
      const orders = (def.attributes ?? []).map((a) => (a as { order?: number }).order);
      if (new Set(orders).size !== orders.length) out.push('attribute order values repeat');
      return out;
    }
    case 'posted': {
      const out = eachOf('service_requests', body, POSTED);
      for (const r of body as Record<string, unknown>[]) if (('service_request_id' in r) === ('token' in r)) out.push('exactly one of service_request_id and token');
      return out;
    }
    case 'tokens':
      return eachOf('service_requests', body, TOKEN);
    case 'requests':
      return eachOf('service_requests', body, REQUEST);
    case 'discovery': {
      const out = violations('discovery', body, DISCOVERY);
      return [...out, ...eachOf('endpoints', (body as { endpoints?: unknown }).endpoints, ENDPOINT)];
    }
  }
}

/** A small reader for the schemaless XML the spec describes: elements, text and the five entities. */
interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  text: string;
}
function parseXml(xml: string): XmlNode {
  const decl = '<?xml version="1.0" encoding="utf-8"?>';
  if (!xml.startsWith(decl)) throw new Error('missing the XML declaration with encoding utf-8');
  const src = xml.slice(decl.length).trim();
  const stack: XmlNode[] = [{ name: '#document', children: [], text: '' }];
  const re = /<(\/?)([a-z_][a-z0-9_]*)(\/?)>|([^<]+)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.text += m[4].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: m[2]!, children: [], text: '' };
      top.children.push(node);
      if (!m[3]) stack.push(node);
    }
  }
  if (stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('not one well-formed root element');
  return stack[0]!.children[0]!;
}

/** The element names the spec's XML uses for each answer, and the fields of each item. */
const XML_SHAPES: Record<Kind | 'errors', { root: string; item: string | null; table: Record<string, Field> }> = {
  services: { root: 'services', item: 'service', table: SERVICE },
  definition: { root: 'service_definition', item: null, table: SERVICE_DEFINITION },
  posted: { root: 'service_requests', item: 'request', table: POSTED },
  tokens: { root: 'service_requests', item: 'request', table: TOKEN },
  requests: { root: 'service_requests', item: 'request', table: REQUEST },
  discovery: { root: 'discovery', item: null, table: DISCOVERY },
  errors: { root: 'errors', item: 'error', table: ERROR },
};

function xmlViolations(kind: Kind, res: LightMyRequestResponse): string[] {
  if (res.headers['content-type'] !== 'text/xml; charset=utf-8') return [`content-type ${String(res.headers['content-type'])}`];
  let root: XmlNode;
  try {
    root = parseXml(res.body);
  } catch (e) {
    return [String(e)];
  }
  const shape = XML_SHAPES[res.statusCode >= 400 ? 'errors' : kind];
  if (root.name !== shape.root) return [`root <${root.name}> is not <${shape.root}>`];
  const items = shape.item ? root.children : [root];
  const out: string[] = [];
  for (const [i, item] of items.entries()) {
    if (shape.item && item.name !== shape.item) out.push(`<${item.name}> in <${root.name}> is not <${shape.item}>`);
    const names = item.children.map((c) => c.name);
    for (const [name, f] of Object.entries(shape.table)) if (f.required && !names.includes(name)) out.push(`${shape.root}[${i}].${name}: required`);
    for (const name of names) if (!(name in shape.table)) out.push(`${shape.root}[${i}].${name}: not a GeoReport v2 field`);
  }
  return out;
}

let h: HttpWorld;
const answers: { kind: Kind; format: 'json' | 'xml'; url: string; res: LightMyRequestResponse }[] = [];

async function call(kind: Kind, method: 'GET' | 'POST', url: string, payload?: Record<string, string>): Promise<LightMyRequestResponse> {
  const res = await h.app.inject({
    method,
    url,
    remoteAddress: nextAddress(),
    ...(payload ? { payload: new URLSearchParams(payload).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } } : {}),
  });
  answers.push({ kind, format: url.includes('.xml') ? 'xml' : 'json', url, res });
  return res;
}

beforeAll(async () => {
  h = await createHttpWorld();
  const report = (over: Record<string, string> = {}) => ({
    api_key: h.apiKey,
    service_code: 'facilities_disabled',
    lat: '30.0005',
    long: '120.0005',
    address_string: '甲区人民路1号地下车库',
    description: '消火栓被杂物圈占\n喷淋阀门关闭',
    ...over,
  });
  let id = '';
  for (const format of ['json', 'xml'] as const) {
    await call('discovery', 'GET', `/open311/v2/discovery.${format}`);
    await call('services', 'GET', `/open311/v2/services.${format}`);
    await call('definition', 'GET', `/open311/v2/services/ebike_indoor.${format}`);
    await call('definition', 'GET', `/open311/v2/services/no_such_service.${format}`);
    const posted = await call('posted', 'POST', `/open311/v2/requests.${format}`, report());
    if (format === 'json') id = (JSON.parse(posted.body) as { service_request_id: string }[])[0]!.service_request_id;
    await call('posted', 'POST', `/open311/v2/requests.${format}`, report({ first_name: '小明', last_name: '王', phone: '13912345678', email: 'w@example.cn' }));
    await call('posted', 'POST', `/open311/v2/requests.${format}`, report({ api_key: 'wrong' }));
    await call('posted', 'POST', `/open311/v2/requests.${format}`, report({ service_code: 'potholes' }));
    await call('posted', 'POST', `/open311/v2/requests.${format}`, report({ description: '' }));
    await call('requests', 'GET', `/open311/v2/requests.${format}`);
    await call('requests', 'GET', `/open311/v2/requests.${format}?status=open&service_code=facilities_disabled`);
    await call('requests', 'GET', `/open311/v2/requests.${format}?start_date=2026-01-01`);
    await call('requests', 'GET', `/open311/v2/requests/${id}.${format}`);
    await call('requests', 'GET', `/open311/v2/requests/00000000-0000-4000-8000-000000000000.${format}`);
    await call('tokens', 'GET', `/open311/v2/tokens/123456.${format}`);
  }
}, 120_000);
afterAll(async () => h?.close());

describe('GeoReport v2 conformance', () => {
  it('gave the answers the battery expects (successes and errors alike)', () => {
    const statuses = answers.filter((a) => a.format === 'json').map((a) => `${a.res.statusCode} ${a.url}`);
    expect(statuses.map((s) => Number(s.split(' ')[0]))).toEqual([200, 200, 200, 404, 201, 201, 403, 404, 400, 200, 200, 400, 200, 404, 404]);
    const lists = answers.filter((a) => a.kind === 'requests' && a.res.statusCode === 200 && a.format === 'json');
    expect(lists.every((a) => (JSON.parse(a.res.body) as unknown[]).length > 0)).toBe(true);
  });

  it('every JSON answer has the fields the spec defines, of the types it defines, and no others', () => {
    const problems = answers.filter((a) => a.format === 'json').flatMap((a) => jsonViolations(a.kind, a.res).map((p) => `${a.url} → ${p}`));
    expect(problems).toEqual([]);
  });

  it('every XML answer is well formed, declared utf-8, and has the spec’s elements', () => {
    const problems = answers.filter((a) => a.format === 'xml').flatMap((a) => xmlViolations(a.kind, a.res).map((p) => `${a.url} → ${p}`));
    expect(problems).toEqual([]);
  });

  it('the checker itself catches a missing field, a wrong type, a foreign field and a bad error code', () => {
    const fake = (body: unknown, statusCode = 200) => ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }) as unknown as LightMyRequestResponse;
    const good = JSON.parse(answers.find((a) => a.kind === 'requests' && a.format === 'json' && a.res.statusCode === 200)!.res.body) as Record<string, unknown>[];
    const { requested_datetime: _dropped, ...missing } = good[0]!;
    expect(jsonViolations('requests', fake([missing]))).toEqual(['service_requests[0].requested_datetime: required']);
    expect(jsonViolations('requests', fake([{ ...good[0], status: 'pending' }]))[0]).toMatch(/status/);
    expect(jsonViolations('requests', fake([{ ...good[0], reporter: 'x' }]))).toEqual(['service_requests[0].reporter: not a GeoReport v2 field']);
    expect(jsonViolations('requests', fake([{ code: 400, description: 'x' }], 404))[0]).toMatch(/not the status 404/);
  });
});
