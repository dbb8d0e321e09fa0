import { DomainInvariantError } from '../common/errors';
import { DEFAULT_DUPLICATE_CONFIG, type DuplicateConfig } from './duplicate-config';
import { haversineMeters, type GeoPoint } from './haversine';

/** The parts of a report a duplicate check looks at. */
export interface DuplicateCheckReport {
  readonly id: string;
  readonly venueId: string | null;
  readonly location: GeoPoint | null;
  readonly riskCategory: string;
  /** ISO-8601 instant. */
  readonly receivedAt: string;
}

export type DuplicateReasonCode = 'SAME_VENUE' | 'NEARBY' | 'SAME_RISK_CATEGORY' | 'WITHIN_WINDOW';

export interface DuplicateReason {
  readonly code: DuplicateReasonCode;
  readonly zh: string;
  readonly en: string;
}

export interface DuplicateCandidate {
  readonly reportId: string;
  readonly sameVenue: boolean;
  /** Null when either report has no location. */
  readonly distanceMeters: number | null;
  readonly hoursApart: number;
  readonly reasons: readonly DuplicateReason[];
}

/**
 * Existing reports that may describe the same hazard: same risk category, received
 * within the window (either side), and at the same venue or within the distance.
 * These are candidates for a handler to confirm, never an automatic rejection, so
 * each carries its reasons. Closest matches come first: same venue, then
 * distance, then time.
 */
export function findDuplicateCandidates(
  report: DuplicateCheckReport,
  existing: readonly DuplicateCheckReport[],
  config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
): DuplicateCandidate[] {
  const at = instant(report);
  const out: DuplicateCandidate[] = [];
  for (const other of existing) {
    if (other.id === report.id || other.riskCategory !== report.riskCategory) continue;
    const hoursApart = Math.abs(instant(other) - at) / 3_600_000;
    if (hoursApart > config.windowHours) continue;
    const sameVenue = report.venueId !== null && report.venueId === other.venueId;
    const distanceMeters = report.location && other.location ? haversineMeters(report.location, other.location) : null;
    const nearby = distanceMeters !== null && distanceMeters <= config.distanceMeters;
    if (!sameVenue && !nearby) continue;

    const reasons: DuplicateReason[] = [];
    if (sameVenue) reasons.push({ code: 'SAME_VENUE', zh: '举报的是同一场所', en: 'Same venue' });
    if (nearby) {
      const m = Math.round(distanceMeters);
      reasons.push({ code: 'NEARBY', zh: `两处举报位置相距约 ${m} 米（阈值 ${config.distanceMeters} 米）`, en: `About ${m} m apart (threshold ${config.distanceMeters} m)` });
    }
    reasons.push({ code: 'SAME_RISK_CATEGORY', zh: '风险类别相同', en: 'Same risk category' });
    const h = Math.round(hoursApart * 10) / 10;
    reasons.push({ code: 'WITHIN_WINDOW', zh: `受理时间相差 ${h} 小时（时间窗 ${config.windowHours} 小时）`, en: `Received ${h} h apart (window ${config.windowHours} h)` });
    out.push({ reportId: other.id, sameVenue, distanceMeters, hoursApart, reasons });
  }
  return out.sort(
    (a, b) =>
      Number(b.sameVenue) - Number(a.sameVenue) ||
      (a.distanceMeters ?? Number.POSITIVE_INFINITY) - (b.distanceMeters ?? Number.POSITIVE_INFINITY) ||
      a.hoursApart - b.hoursApart ||
      (a.reportId < b.reportId ? -1 : a.reportId > b.reportId ? 1 : 0),
  );
}

function instant(r: { readonly id: string; readonly receivedAt: string }): number {
  const t = Date.parse(r.receivedAt);
  if (Number.isNaN(t)) throw new DomainInvariantError('DUPLICATE.INVALID_TIME', `report ${r.id} has an unreadable receivedAt ${r.receivedAt}`);
  return t;
}
