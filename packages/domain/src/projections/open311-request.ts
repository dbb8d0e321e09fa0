import type { ReportState, ReportStatus } from '../lifecycles/report';
import { chinaMinute, toChinaIso } from './china-time';
import { REPORT_STATUS_LABELS, riskCategoryLabel } from './labels';
import { reportTimeline } from './public-report-view';

/**
 * Open311 GeoReport v2: services are the risk categories, requests are reports.
 *
 * "closed" means the agency owes the requester nothing more on this report:
 * - rejected: not accepted (out of scope, too vague, duplicate), with the reason;
 * - unfounded: verification found no hazard; the verdict is the answer, the
 *   formal reply letter that may follow changes nothing a third party tracks;
 * - replied: the reporter has had the final answer.
 * A substantiated report stays open: the hazard is being acted on and the reply
 * is still owed (that is what expected_datetime then shows).
 */
export const OPEN311_CLOSED_REPORT_STATUSES: readonly ReportStatus[] = ['rejected', 'unfounded', 'replied'];

export type Open311Status = 'open' | 'closed';

export function open311Status(status: ReportStatus): Open311Status {
  return OPEN311_CLOSED_REPORT_STATUSES.includes(status) ? 'closed' : 'open';
}

export interface Open311Request {
  readonly service_request_id: string;
  readonly status: Open311Status;
  readonly status_notes: string | null;
  readonly service_name: string;
  readonly service_code: string;
  readonly description: string | null;
  readonly agency_responsible: string | null;
  readonly service_notice: string | null;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: string | null;
  readonly address: string;
  readonly lat: number;
  readonly long: number;
  readonly media_url: string | null;
}

export interface Open311Options {
  readonly locale?: 'zh-CN' | 'en';
  /** Name of the fire-rescue agency for the report's jurisdiction (looked up by the API). */
  readonly agencyResponsible?: string | null;
  /** A vetted, public photo URL; the kernel never derives one, because photos can identify people. */
  readonly mediaUrl?: string | null;
}

/**
 * Whistleblower reports stay out of Open311 altogether: a public list with the
 * employer's address and the time would tell the employer someone inside spoke.
 * The API filters with this before listing or serving a request.
 */
export function isOpen311Visible(report: Pick<ReportState, 'whistleblower'>): boolean {
  return !report.whistleblower;
}

/** The deadline the agency is working to now, or null once nothing more is owed. */
function expectedAt(report: ReportState): string | null {
  switch (report.status) {
    case 'submitted':
    case 'accepted':
    case 'verifying':
      return report.verificationDue;
    case 'substantiated':
      return report.replyDue;
    default:
      return null;
  }
}

export function open311Request(report: ReportState, options: Open311Options = {}): Open311Request {
  const zh = (options.locale ?? 'zh-CN') === 'zh-CN';
  const category = riskCategoryLabel(report.riskCategory);
  const status = open311Status(report.status);
  const lastNote = report.publicNotes.at(-1);
  const statusLabel = REPORT_STATUS_LABELS[report.status];
  const expected = status === 'open' ? expectedAt(report) : null;
  const times = [...reportTimeline(report).map((e) => e.at), ...report.publicNotes.map((n) => n.at)];
  const updated = times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), report.receivedAt);
  const notice =
    expected === null
      ? null
      : report.status === 'substantiated'
        ? zh
          ? `依规定应于 ${chinaMinute(expected)} 前答复举报人`
          : `The reporter is to be answered by ${chinaMinute(expected)} (China time)`
        : zh
          ? `依《消防监督检查规定》应于 ${chinaMinute(expected)} 前完成核查`
          : `To be verified by ${chinaMinute(expected)} (China time) under the Fire Supervision and Inspection Provisions`;
  return {
    service_request_id: report.id,
    status,
    status_notes: lastNote ? lastNote.text : zh ? statusLabel.zh : statusLabel.en,
    service_name: zh ? category.zh : category.en,
    service_code: category.code,
    description: report.whistleblower ? null : report.description,
    agency_responsible: options.agencyResponsible ?? null,
    service_notice: notice,
    requested_datetime: toChinaIso(report.receivedAt),
    updated_datetime: toChinaIso(updated),
    expected_datetime: expected === null ? null : toChinaIso(expected),
    address: report.location.address,
    lat: report.location.lat,
    long: report.location.lng,
    media_url: options.mediaUrl ?? null,
  };
}
