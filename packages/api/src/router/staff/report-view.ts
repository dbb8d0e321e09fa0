import type { DuplicateCheckReport, ReportState } from '@firebreak/domain';

/**
 * The report as staff see it: the kernel state without `reporterRef`, the one
 * field that leads to the sealed identity (only the disclosure workflow follows it).
 */
export type StaffReportView = Omit<ReportState, 'reporterRef'>;

export function staffReportView(state: ReportState): StaffReportView {
  const { reporterRef: _sealed, ...view } = state;
  return view;
}

/** What the kernel's duplicate check reads from a stored report. */
export function duplicateCheckOf(state: ReportState): DuplicateCheckReport {
  return {
    id: state.id,
    venueId: state.venueId,
    location: Number.isFinite(state.location?.lat) && Number.isFinite(state.location?.lng) ? { lat: state.location.lat, lng: state.location.lng } : null,
    riskCategory: state.riskCategory,
    receivedAt: state.receivedAt,
  };
}
