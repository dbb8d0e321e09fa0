import { describe, expect, it } from 'vitest';
import { chooseIntakePlace, derivedAddress, isDerivedAddress, mayDeriveAddress, normalizeAddress } from './intake-location';

describe('chooseIntakePlace (GeoReport v2: lat+long, or address_string, or address_id)', () => {
  it('takes coordinates alone, and keeps a typed address beside them', () => {
    expect(chooseIntakePlace({ lat: '30.1', long: '120.2' })).toEqual({ ok: true, value: { kind: 'point', lat: 30.1, lng: 120.2, address: '' } });
    expect(chooseIntakePlace({ lat: '30.1', long: '120.2', addressString: ' 某路1号 ' })).toMatchObject({ ok: true, value: { kind: 'point', address: '某路1号' } });
  });

  it('takes address_id, then address_string, when no coordinates are sent', () => {
    expect(chooseIntakePlace({ addressId: 'v-1', addressString: '某路1号' })).toEqual({ ok: true, value: { kind: 'address_id', addressId: 'v-1' } });
    expect(chooseIntakePlace({ addressString: '某路1号' })).toEqual({ ok: true, value: { kind: 'address', address: '某路1号' } });
  });

  it.each([
    [{ lat: '30.1' }, 'REPORT.INVALID_COORDINATES'],
    [{ long: '120.2', addressString: '某路1号' }, 'REPORT.INVALID_COORDINATES'],
    [{ lat: '30.1', long: '120.2; drop' }, 'REPORT.INVALID_COORDINATES'],
    [{ lat: '91', long: '120' }, 'REPORT.INVALID_COORDINATES'],
    [{ lat: '30', long: '181' }, 'REPORT.INVALID_COORDINATES'],
    [{}, 'REPORT.LOCATION_REQUIRED'],
    [{ addressString: '   ', addressId: '' }, 'REPORT.LOCATION_REQUIRED'],
  ])('refuses %o with %s', (fields, code) => {
    const r = chooseIntakePlace(fields);
    expect(r.ok ? null : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.messageZh.length).toBeGreaterThan(0);
  });
});

describe('derived addresses', () => {
  it('are allowed on Open311 only, for a blank address', () => {
    expect(mayDeriveAddress('open311', '')).toBe(true);
    expect(mayDeriveAddress('open311', '某路1号')).toBe(false);
    expect(mayDeriveAddress('web', ' ')).toBe(false);
  });

  it('name the nearest venue, else the jurisdiction, with the coordinates, and are marked', () => {
    const near = derivedAddress({ lat: 30.1, lng: 120.2, jurisdictionName: '湖滨街道', nearestVenue: { name: '万家福', address: '湖滨路1号' } });
    expect(near).toBe('〔按坐标推定 derived from coordinates〕 湖滨路1号（万家福附近 near） [30.100000, 120.200000]');
    const far = derivedAddress({ lat: 30.1, lng: 120.2, jurisdictionName: '东湖区', nearestVenue: null });
    expect(far).toContain('东湖区');
    expect(isDerivedAddress(near) && isDerivedAddress(far)).toBe(true);
    expect(isDerivedAddress('湖滨路1号')).toBe(false);
  });

  it('normalizeAddress folds spacing, punctuation and full-width forms', () => {
    expect(normalizeAddress(' 湖滨路 １号，A座 ')).toBe(normalizeAddress('湖滨路1号a座'));
    expect(normalizeAddress('湖滨路1号')).not.toBe(normalizeAddress('湖滨路2号'));
  });
});
