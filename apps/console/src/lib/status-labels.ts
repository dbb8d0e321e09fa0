import { HAZARD_STATUS_LABELS, REPORT_STATUS_LABELS } from '@firebreak/domain';
import { INSPECTION_STATUS_TEXT } from './inspection-labels';
import type { Label } from './text';

const l = (zh: string, en: string): Label => ({ zh, en });

/** Status names for the lifecycles whose labels the kernel does not carry yet (my work, audit). */
export const STATUS_LABELS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  report: REPORT_STATUS_LABELS,
  hazard: HAZARD_STATUS_LABELS,
  inspection: INSPECTION_STATUS_TEXT,
  enforcement: {
    proposed: l('待审批', 'Proposed'),
    collective_review: l('集体讨论', 'Collective review'),
    decided: l('已决定', 'Decided'),
    served: l('已送达', 'Served'),
    executed: l('已执行', 'Executed'),
    closed: l('已结案', 'Closed'),
    withdrawn: l('已撤回', 'Withdrawn'),
    rejected: l('不予批准', 'Rejected'),
  },
  referral: { sent: l('待签收', 'Sent'), acknowledged: l('已签收', 'Acknowledged'), handled: l('已办理', 'Handled'), replied: l('已回复', 'Replied'), returned: l('已退回', 'Returned') },
  listing: {
    proposed: l('提请挂牌', 'Proposed'),
    declined: l('不予挂牌', 'Declined'),
    listed: l('已挂牌', 'Listed'),
    rectifying: l('整改中', 'Rectifying'),
    acceptance_requested: l('申请验收', 'Acceptance requested'),
    delisted: l('已摘牌', 'Delisted'),
  },
  reward: {
    candidate: l('待审查', 'Candidate'),
    eligible: l('符合条件', 'Eligible'),
    ineligible: l('不符合条件', 'Ineligible'),
    determined: l('已核定', 'Determined'),
    approved: l('已审批', 'Approved'),
    notified: l('已告知', 'Notified'),
    claimed: l('已申领', 'Claimed'),
    paid: l('已发放', 'Paid'),
    expired: l('已过期', 'Expired'),
    withheld: l('不予发放', 'Withheld'),
  },
  claim: { submitted: l('已提交', 'Submitted'), identity_verified: l('身份已核验', 'Identity verified'), accepted: l('已受理', 'Accepted'), paid: l('已发放', 'Paid'), rejected: l('未受理', 'Rejected') },
  disclosure: { requested: l('待审批', 'Requested'), approved: l('已批准', 'Approved'), denied: l('未批准', 'Denied') },
  campaign_task: { draft: l('草稿', 'Draft'), assigned: l('已分派', 'Assigned'), in_progress: l('办理中', 'In progress'), reported: l('已报送', 'Reported'), completed: l('已完成', 'Completed'), overdue: l('已逾期', 'Overdue') },
};
