import { isRiskCategoryCode } from '../catalog/risk-categories';
import { err, ok, type Result } from '../common/errors';

/** A latitude/longitude box, in WGS84 decimal degrees. */
export interface ServedArea {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLng: number;
  readonly maxLng: number;
}

/**
 * How far beyond the outermost located venue of the configured jurisdictions a
 * report is still ours. Jurisdictions carry no boundaries, so the located venues
 * registered in them are the best record of where the served area lies; a
 * district's edge is rarely farther than this from its outermost registered venue.
 */
export const SERVED_AREA_MARGIN_METERS = 30_000;

const METERS_PER_DEGREE_LAT = 111_320;

/**
 * The served area from the extent of the venues in the configured jurisdictions,
 * widened by the margin; null when no venue is located (nothing to judge by:
 * reports are then accepted wherever they are).
 */
export function servedAreaFromExtent(extent: ServedArea | null, marginMeters: number = SERVED_AREA_MARGIN_METERS): ServedArea | null {
  if (extent === null) return null;
  const dLat = marginMeters / METERS_PER_DEGREE_LAT;
  // Longitude degrees shrink towards the poles: widen by the most shrunken edge's scale.
  const edgeLat = Math.min(89, Math.max(Math.abs(extent.minLat), Math.abs(extent.maxLat)) + dLat);
  const dLng = marginMeters / (METERS_PER_DEGREE_LAT * Math.cos((edgeLat * Math.PI) / 180));
  return {
    minLat: Math.max(-90, extent.minLat - dLat),
    maxLat: Math.min(90, extent.maxLat + dLat),
    minLng: Math.max(-180, extent.minLng - dLng),
    maxLng: Math.min(180, extent.maxLng + dLng),
  };
}

export function isInsideServedArea(area: ServedArea | null, at: { lat: number; lng: number }): boolean {
  if (area === null) return true;
  return at.lat >= area.minLat && at.lat <= area.maxLat && at.lng >= area.minLng && at.lng <= area.maxLng;
}

/**
 * The one intake check every door (portal, whistleblower app, Open311) applies
 * before a report is filed: a category from the catalog, and a place inside
 * the served area.
 */
export function checkIntake(input: { riskCategory: string; location: { lat: number; lng: number } }, area: ServedArea | null): Result<void> {
  if (!isRiskCategoryCode(input.riskCategory)) {
    return err('REPORT.UNKNOWN_RISK_CATEGORY', 'Choose a risk category from the list', '请从列表中选择隐患类别', { riskCategory: input.riskCategory.slice(0, 60) });
  }
  if (!isInsideServedArea(area, input.location)) {
    return err(
      'REPORT.OUTSIDE_SERVED_AREA',
      'This place is outside the area this system serves; please report it to the local fire-rescue agency or call 12345 / 96119',
      '该位置不在本系统服务的辖区范围内，请向当地消防救援机构举报，或拨打 12345 / 96119',
    );
  }
  return ok(undefined);
}
