import { describe, expect, it } from 'vitest';
import { jsonFields, open311IdempotencyKey, parseFormFields, readSubmission } from './post-request';

const BASE = { service_code: 'ebike_indoor', lat: '30.1', long: '120.2', address_string: '某路1号', description: '楼道里充电' };

function read(fields: Record<string, string>) {
  return readSubmission(parseFormFields(new URLSearchParams(fields).toString()), 'open311:key:0123456789abcdef');
}

describe('parseFormFields and jsonFields', () => {
  it('fold attribute[code][] into one list and keep repeated keys', () => {
    const f = parseFormFields('a=1&attribute%5Bx%5D%5B%5D=p&attribute%5Bx%5D%5B%5D=q&a=2');
    expect(f.get('a')).toEqual(['1', '2']);
    expect(f.get('attribute[x]')).toEqual(['p', 'q']);
  });

  it('read JSON scalars, lists and an attribute object, and refuse nested objects', () => {
    const f = jsonFields({ lat: 30.1, attribute: { attachment_ids: ['a', 'b'] }, skip: null });
    expect(f?.get('lat')).toEqual(['30.1']);
    expect(f?.get('attribute[attachment_ids]')).toEqual(['a', 'b']);
    expect(f?.has('skip')).toBe(false);
    expect(jsonFields({ description: { $ne: 1 } })).toBeNull();
    expect(jsonFields([1, 2])).toBeNull();
    expect(jsonFields('text')).toBeNull();
  });
});

describe('readSubmission', () => {
  it('builds the intake input for an anonymous report', () => {
    const r = read({ ...BASE, api_key: 'k', device_id: 'IMEI-1', account_id: 'u-7', media_url: 'http://169.254.169.254/' });
    expect(r).toEqual({
      ok: true,
      value: {
        apiKey: 'k',
        identity: null,
        input: {
          idempotencyKey: 'open311:key:0123456789abcdef',
          riskCategory: 'ebike_indoor',
          description: '楼道里充电',
        },
        place: { kind: 'point', lat: 30.1, lng: 120.2, address: '某路1号' },
      },
    });
    expect(JSON.stringify(r)).not.toMatch(/IMEI|u-7|169\.254/);
  });

  it('seals a name in Chinese order with phone and e-mail', () => {
    const r = read({ ...BASE, first_name: '小明', last_name: '王', phone: '13912345678', email: 'w@example.cn' });
    expect(r.ok && r.value.identity).toEqual({ name: '王小明', phone: '13912345678', email: 'w@example.cn' });
  });

  it.each([
    [{ phone: '13912345678' }, 'OPEN311.CONTACT_INCOMPLETE'],
    [{ first_name: '小明', phone: 'call me' }, 'OPEN311.CONTACT_INCOMPLETE'],
  ])('refuses half an identity %o', (extra, code) => {
    expect(read({ ...BASE, ...extra })).toMatchObject({ ok: false, error: { status: 400, code } });
  });

  it.each([
    [{ service_code: '' }, 400, 'OPEN311.SERVICE_CODE_REQUIRED'],
    [{ service_code: 'potholes' }, 404, 'OPEN311.SERVICE_NOT_FOUND'],
    [{ lat: '' }, 400, 'REPORT.INVALID_COORDINATES'],
    [{ long: '120.2; drop' }, 400, 'REPORT.INVALID_COORDINATES'],
    [{ lat: '', long: '', address_string: '' }, 400, 'REPORT.LOCATION_REQUIRED'],
    [{ address_string: 'x'.repeat(301) }, 400, 'OPEN311.INVALID_FIELD'],
    [{ 'attribute[attachment_ids]': 'not-a-uuid' }, 400, 'OPEN311.INVALID_FIELD'],
  ])('refuses %o', (override, status, code) => {
    expect(read({ ...BASE, ...override })).toMatchObject({ ok: false, error: { status, code } });
  });

  it('passes a blank description on, for the kernel to refuse', () => {
    expect(read({ ...BASE, description: '  ' })).toMatchObject({ ok: true, value: { input: { description: '' } } });
  });

  it('reads coordinates alone, address_string alone and address_id alone as the spec’s three forms', () => {
    expect(read({ ...BASE, address_string: '' })).toMatchObject({ ok: true, value: { place: { kind: 'point', lat: 30.1, lng: 120.2, address: '' } } });
    expect(read({ ...BASE, lat: '', long: '' })).toMatchObject({ ok: true, value: { place: { kind: 'address', address: '某路1号' } } });
    expect(read({ ...BASE, lat: '', long: '', address_id: 'v-1' })).toMatchObject({ ok: true, value: { place: { kind: 'address_id', addressId: 'v-1' } } });
  });
});

describe('open311IdempotencyKey', () => {
  it('scopes the integrator’s key and makes a fresh one without it', () => {
    expect(open311IdempotencyKey('k1', 'call-2026-0001')).toBe('open311:k1:call-2026-0001');
    expect(open311IdempotencyKey('k1', 'short')).not.toBe(open311IdempotencyKey('k1', 'short'));
    expect(open311IdempotencyKey('k1', undefined)).toMatch(/^open311:k1:[0-9a-f-]{36}$/);
  });
});
