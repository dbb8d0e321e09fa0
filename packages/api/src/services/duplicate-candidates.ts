import { DEFAULT_DUPLICATE_CONFIG, findDuplicateCandidates, type DuplicateCandidate, type DuplicateCheckReport, type DuplicateConfig, type ReportState } from '@firebreak/domain';
import { listReportsForDuplicateCheck, type Db, type DuplicateCheckRow } from '@firebreak/db';

/**
 * Reports that may describe the same hazard as `report`, for the staff who
 * triage it (never shown to the public): the kernel's findDuplicateCandidates
 * over the reports of the same category within its time window.
 */
export async function duplicateCandidates(db: Db, report: ReportState, config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG): Promise<DuplicateCandidate[]> {
  const at = Date.parse(report.receivedAt);
  const windowMs = config.windowHours * 3_600_000;
  const pool = await listReportsForDuplicateCheck(db, { riskCategory: report.riskCategory, from: new Date(at - windowMs), to: new Date(at + windowMs) });
  return findDuplicateCandidates(
    { id: report.id, venueId: report.venueId, location: { lat: report.location.lat, lng: report.location.lng }, riskCategory: report.riskCategory, receivedAt: report.receivedAt },
    pool.map(duplicateCheckReport),
    config,
  );
}

/** A stored report as the kernel's duplicate check reads it. */
export function duplicateCheckReport(r: DuplicateCheckRow): DuplicateCheckReport {
  return {
    id: r.id,
    venueId: r.venueId,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    riskCategory: r.riskCategory ?? '',
    receivedAt: r.submittedAt.toISOString(),
  };
}
