import { isRiskCategoryCode, riskCategory } from '../catalog/risk-categories';
import type { HazardStatus } from '../lifecycles/hazard';
import type { ReportRejectReason, ReportStatus } from '../lifecycles/report';

/**
 * Status names as the public reads them. They are worded for a reporter or a
 * passer-by, not for staff: "责令改正中" rather than the command that led there.
 */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, Label>> = {
  submitted: { zh: '已提交，待受理', en: 'Submitted, awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  verifying: { zh: '核查中', en: 'Being verified' },
  substantiated: { zh: '核查属实，依法处理中', en: 'Substantiated, being acted on' },
  unfounded: { zh: '经核查不属实', en: 'Not substantiated' },
  replied: { zh: '已答复', en: 'Replied' },
};

export const REPORT_REJECT_REASON_LABELS: Readonly<Record<ReportRejectReason, Label>> = {
  out_of_scope: { zh: '不属于消防救援机构受理范围', en: 'Outside the fire agency’s remit' },
  insufficient: { zh: '举报内容不具体，无法核查', en: 'Too little detail to verify' },
  duplicate: { zh: '重复举报', en: 'Duplicate of an earlier report' },
};

export const HAZARD_STATUS_LABELS: Readonly<Record<HazardStatus, Label>> = {
  found: { zh: '待确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  ordered: { zh: '责令改正中', en: 'Correction ordered' },
  overdue: { zh: '逾期未改正', en: 'Correction overdue' },
  remediation_submitted: { zh: '已整改，待复查', en: 'Remediated, awaiting re-inspection' },
  verified: { zh: '复查合格，待销号', en: 'Re-inspection passed, awaiting closure' },
  closed: { zh: '已整改销号', en: 'Remediated and closed' },
  dismissed: { zh: '经核实不构成隐患', en: 'Not a hazard' },
};

/** The catalog's name for a risk category; an unknown code (an admin-added one) shows as itself. */
export function riskCategoryLabel(code: string): Label & { readonly code: string } {
  if (!isRiskCategoryCode(code)) return { code, zh: code, en: code };
  const c = riskCategory(code);
  return { code, zh: c.zh, en: c.en };
}
