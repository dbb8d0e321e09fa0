import type { ReportStatus } from '../lifecycles/report';
import { DEFAULT_DUPLICATE_CONFIG, type DuplicateConfig } from './duplicate-config';
import { findDuplicateCandidates, type DuplicateCheckReport } from './find-duplicate-candidates';

/** Statuses in which a report is still being handled: triage, verification, or a hazard being worked. */
export const REPORT_STATUSES_BEING_HANDLED: readonly ReportStatus[] = ['submitted', 'accepted', 'verifying', 'substantiated'];

/**
 * What the public may be told before filing: whether a report about this very
 * venue and risk category is already being handled (same venue only, never a
 * nearby place: a place anyone can type would otherwise let them probe who
 * reported what where). A yes invites the reporter to add to it; it is a hint,
 * never a refusal, and says nothing about the other report.
 */
export function alreadyBeingHandled(
  draft: { readonly venueId: string; readonly riskCategory: string; readonly at: string },
  pool: readonly (DuplicateCheckReport & { readonly status: ReportStatus })[],
  config: DuplicateConfig = DEFAULT_DUPLICATE_CONFIG,
): boolean {
  const open = pool.filter((r) => REPORT_STATUSES_BEING_HANDLED.includes(r.status));
  const candidates = findDuplicateCandidates({ id: '', venueId: draft.venueId, location: null, riskCategory: draft.riskCategory, receivedAt: draft.at }, open, config);
  return candidates.some((c) => c.sameVenue);
}
