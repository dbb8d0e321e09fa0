import type { HazardState } from '../lifecycles/hazard';
import type { ReportRejectReason, ReportState, ReportStatus } from '../lifecycles/report';
import { REPORT_REJECT_REASON_LABELS, REPORT_STATUS_LABELS, riskCategoryLabel, type Label } from './labels';
import { publicHazardView, type PublicHazardView } from './public-hazard-view';

/** One step the report went through, as the reporter sees it: what and when, never who. */
export interface PublicTimelineEntry {
  readonly status: ReportStatus;
  readonly label: Label;
  readonly at: string;
}

/** A legal time limit the agency is held to, and whether it was kept. */
export interface PublicDeadline {
  readonly kind: 'verification' | 'reply';
  readonly label: Label;
  readonly due: string;
  /** null while the step is still pending. */
  readonly metAt: string | null;
  readonly late: boolean | null;
}

/**
 * What the holder of a receipt reads. The reporter's own words are theirs to see;
 * what is never here: reporterRef or any identity, who filed, verified, replied
 * or was assigned, internal notes, and the hazards' evidence and remarks.
 */
export interface PublicReportView {
  readonly id: string;
  readonly status: ReportStatus;
  readonly statusLabel: Label;
  readonly riskCategory: Label & { readonly code: string };
  readonly description: string;
  readonly address: string;
  readonly receivedAt: string;
  readonly urgent: boolean;
  readonly timeline: readonly PublicTimelineEntry[];
  readonly deadlines: readonly PublicDeadline[];
  readonly rejection: { readonly reason: ReportRejectReason; readonly label: Label; readonly duplicateOf: string | null } | null;
  readonly notes: readonly { readonly at: string; readonly text: string }[];
  readonly reply: string | null;
  readonly hazards: readonly PublicHazardView[];
}

const VERIFICATION_LABEL: Label = { zh: '依法核查时限', en: 'Statutory verification deadline' };
const REPLY_LABEL: Label = { zh: '答复举报人时限', en: 'Deadline to reply to the reporter' };

/** The steps a report took, oldest first, from the stamps each transition left. */
export function reportTimeline(report: ReportState): PublicTimelineEntry[] {
  const entries: { status: ReportStatus; at: string | undefined }[] = [
    { status: 'submitted', at: report.receivedAt },
    { status: 'accepted', at: report.acceptedBy?.at },
    { status: 'rejected', at: report.rejectedBy?.at },
    { status: 'verifying', at: report.assignedBy?.at },
    // The verdict leaves hazard ids only when substantiated.
    { status: report.hazardIds.length > 0 ? 'substantiated' : 'unfounded', at: report.verifiedBy?.at },
    { status: 'replied', at: report.repliedBy?.at },
  ];
  return entries
    .filter((e): e is { status: ReportStatus; at: string } => e.at !== undefined)
    .map((e) => ({ status: e.status, label: REPORT_STATUS_LABELS[e.status], at: e.at }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function deadline(kind: PublicDeadline['kind'], label: Label, due: string, metAt: string | null): PublicDeadline {
  return { kind, label, due, metAt, late: metAt === null ? null : Date.parse(metAt) > Date.parse(due) };
}

/** `hazards` may hold more than this report's; only those the report led to are shown. */
export function publicReportView(report: ReportState, hazards: readonly HazardState[]): PublicReportView {
  const linked = new Set(report.hazardIds);
  const deadlines: PublicDeadline[] = [];
  if (report.status !== 'rejected') {
    deadlines.push(deadline('verification', VERIFICATION_LABEL, report.verificationDue, report.verifiedBy?.at ?? null));
  }
  if (report.replyDue !== null) deadlines.push(deadline('reply', REPLY_LABEL, report.replyDue, report.repliedBy?.at ?? null));
  return {
    id: report.id,
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    riskCategory: riskCategoryLabel(report.riskCategory),
    description: report.description,
    address: report.location.address,
    receivedAt: report.receivedAt,
    urgent: report.urgent,
    timeline: reportTimeline(report),
    deadlines,
    rejection:
      report.rejectReason === null
        ? null
        : { reason: report.rejectReason, label: REPORT_REJECT_REASON_LABELS[report.rejectReason], duplicateOf: report.duplicateOf },
    notes: report.publicNotes.map((n) => ({ at: n.at, text: n.text })),
    reply: report.reply,
    hazards: hazards.filter((h) => linked.has(h.id)).map(publicHazardView),
  };
}
