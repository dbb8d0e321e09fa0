import type { SubmitReportInput } from '@firebreak/api';
import { findVenueById, findVenuesByAddress, type Db } from '@firebreak/db';
import type { IntakePlace } from '@firebreak/domain';
import { badRequest, type Open311Failure } from './open311-error';
import type { Open311Request } from './post-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const addressIdUnknown = badRequest(
  'OPEN311.ADDRESS_ID_NOT_FOUND',
  'address_id is not a located venue of the venue library (GET /venues on the portal); send lat and long instead',
  'address_id 不是场所库中已定位的场所编号；请改为提供 lat 与 long',
);

/**
 * The spec's three location forms as the intake's one (coordinates and an
 * address). Coordinates pass through (a blank address is derived later, from
 * where the report is routed); address_id is a venue's id, and the report is
 * then about that venue; address_string must name one located venue by its
 * address or name. There is no geocoder, so anything else is refused rather
 * than guessed.
 */
export async function locatePlace(db: Db, request: Open311Request, place: IntakePlace): Promise<{ ok: true; input: SubmitReportInput } | { ok: false; error: Open311Failure }> {
  switch (place.kind) {
    case 'point':
      return { ok: true, input: { ...request, location: { lat: place.lat, lng: place.lng, address: place.address } } };
    case 'address_id': {
      const venue = UUID.test(place.addressId) ? await findVenueById(db, place.addressId) : null;
      if (!venue || venue.lat === null || venue.lng === null) return { ok: false, error: addressIdUnknown };
      return { ok: true, input: { ...request, venueId: venue.id, location: { lat: venue.lat, lng: venue.lng, address: venue.address } } };
    }
    case 'address': {
      const matches = await findVenuesByAddress(db, place.address);
      const points = new Set(matches.map((m) => `${m.lat},${m.lng}`));
      const match = matches[0];
      if (match === undefined) {
        return {
          ok: false,
          error: badRequest(
            'OPEN311.ADDRESS_NOT_FOUND',
            'address_string matches no venue of the venue library, and this server has no geocoder; send lat and long (WGS84) with it',
            'address_string 与场所库中任何场所的地址或名称都不匹配，本系统无法据此定位；请同时提供 lat 与 long（WGS84 经纬度）',
          ),
        };
      }
      if (points.size > 1) {
        return {
          ok: false,
          error: badRequest(
            'OPEN311.ADDRESS_AMBIGUOUS',
            'address_string matches several venues at different places; send lat and long, or the venue as address_id',
            'address_string 与多个不同位置的场所匹配；请提供 lat 与 long，或以 address_id 指明场所',
          ),
        };
      }
      return { ok: true, input: { ...request, location: { lat: match.lat, lng: match.lng, address: place.address } } };
    }
  }
}
