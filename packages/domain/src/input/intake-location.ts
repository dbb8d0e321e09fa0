import { err, ok, type Result } from '../common/errors';

/**
 * Where a report is, as a door received it. GeoReport v2 (Open311) says a
 * POST's location is one of: lat and long, or address_string, or address_id;
 * the portal always sends coordinates and a typed address.
 */
export type IntakePlace =
  /** Coordinates, with the typed address when there is one ('' when not). */
  | { readonly kind: 'point'; readonly lat: number; readonly lng: number; readonly address: string }
  /** A typed address only, to be found in the venue library. */
  | { readonly kind: 'address'; readonly address: string }
  /** An id of the venue library (Open311's address_id: a master address repository's id). */
  | { readonly kind: 'address_id'; readonly addressId: string };

const COORDINATE = /^-?\d{1,3}(\.\d+)?$/;

/**
 * Which of the three location forms the fields are, the first complete one in
 * the spec's order. Half a coordinate pair, or a pair that is not WGS84
 * decimal degrees, is refused rather than silently replaced by the address:
 * an integrator who sends coordinates means them.
 */
export function chooseIntakePlace(fields: { lat?: string | undefined; long?: string | undefined; addressString?: string | undefined; addressId?: string | undefined }): Result<IntakePlace> {
  const { lat, long } = fields;
  const addressString = fields.addressString?.trim() ?? '';
  const addressId = fields.addressId?.trim() ?? '';
  if (lat !== undefined || long !== undefined) {
    if (lat === undefined || long === undefined || !COORDINATE.test(lat) || !COORDINATE.test(long)) {
      return err(
        'REPORT.INVALID_COORDINATES',
        'lat and long go together, as WGS84 decimal degrees (e.g. lat=30.25&long=120.16)',
        'lat 与 long 须同时提供，为 WGS84 十进制经纬度（例如 lat=30.25&long=120.16）',
      );
    }
    const la = Number(lat);
    const lo = Number(long);
    if (Math.abs(la) > 90 || Math.abs(lo) > 180) {
      return err('REPORT.INVALID_COORDINATES', 'lat must lie in [-90, 90] and long in [-180, 180]', 'lat 须在 -90 至 90 之间，long 须在 -180 至 180 之间');
    }
    return ok({ kind: 'point', lat: la, lng: lo, address: addressString });
  }
  if (addressId !== '') return ok({ kind: 'address_id', addressId });
  if (addressString !== '') return ok({ kind: 'address', address: addressString });
  return err(
    'REPORT.LOCATION_REQUIRED',
    'Give the location as lat and long, or address_string, or address_id',
    '请提供举报地点：lat 与 long，或 address_string，或 address_id',
  );
}

/**
 * The channels on which coordinates alone are a complete location. Open311
 * allows it (a hotline may only have the caller's position); the portal's form
 * asks for an address and keeps refusing a blank one.
 */
export const ADDRESS_DERIVING_CHANNELS: readonly string[] = ['open311'];

export function mayDeriveAddress(channel: string, address: string): boolean {
  return address.trim() === '' && ADDRESS_DERIVING_CHANNELS.includes(channel);
}

/** Leads every address the system wrote itself, so no reader takes it for one the reporter gave. */
export const DERIVED_ADDRESS_MARK = '〔按坐标推定 derived from coordinates〕';

export function isDerivedAddress(address: string): boolean {
  return address.startsWith(DERIVED_ADDRESS_MARK);
}

/**
 * The address shown for a report filed with coordinates only: the nearest
 * registered venue when one is close (routing used it too), else the
 * jurisdiction the report was routed to, with the coordinates either way.
 */
export function derivedAddress(input: {
  readonly lat: number;
  readonly lng: number;
  readonly jurisdictionName: string | null;
  readonly nearestVenue: { readonly name: string; readonly address: string } | null;
}): string {
  const where = input.nearestVenue
    ? `${input.nearestVenue.address}（${input.nearestVenue.name}附近 near）`
    : (input.jurisdictionName ?? '');
  const coords = `${input.lat.toFixed(6)}, ${input.lng.toFixed(6)}`;
  return `${DERIVED_ADDRESS_MARK} ${where} [${coords}]`.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * The form a typed address is compared in against the venue library: no
 * whitespace or common punctuation, full-width digits and letters folded,
 * lower case. The same folding is done in SQL (see findVenuesByAddress).
 */
export function normalizeAddress(address: string): string {
  return address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,，.。、·\-—_()（）#＃]/g, '');
}
