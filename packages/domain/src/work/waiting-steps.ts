import type { Actor } from '../common/actor';
import type { EntityKind } from '../common/effects';
import type { Role } from '../common/roles';
import { LIFECYCLES } from '../lifecycles/index';

/**
 * "My work": which lifecycle steps wait on a person. A step is a status in which a forward
 * command is due (受理, 核查, 签字, 签收, 审批 …), and the person it waits on. Who may issue
 * the command comes from the lifecycle's transition table (one source); this table only says
 * which of the allowed commands is the pending duty, and to whom in the scope it is addressed:
 *
 * - `scope`: anyone holding the role in the subject's jurisdiction subtree;
 * - `assignee`: the person assigned (a report being verified);
 * - `unsigned_team`: a member of the inspection team who has not signed the record yet;
 * - `team`: a member of the inspection team;
 * - `to_department` / `lead_department`: the receiving department (referral) or the lead
 *   department (campaign task), whatever its jurisdiction;
 * - `not_determiner`: a person other than the one who determined the amount (四眼原则 on rewards).
 */
export type WorkAddressee = 'scope' | 'assignee' | 'unsigned_team' | 'team' | 'to_department' | 'lead_department' | 'not_determiner';

export interface WaitingStep {
  readonly entity: EntityKind;
  readonly status: string;
  /** The forward command that is due (it must be allowed from `status` by the lifecycle). */
  readonly command: string;
  readonly task: { readonly zh: string; readonly en: string };
  readonly addressee: WorkAddressee;
}

const step = (entity: EntityKind, status: string, command: string, zh: string, en: string, addressee: WorkAddressee = 'scope'): WaitingStep => ({
  entity,
  status,
  command,
  task: { zh, en },
  addressee,
});

export const WAITING_STEPS: readonly WaitingStep[] = [
  step('report', 'submitted', 'accept', '受理举报', 'Triage the report'),
  step('report', 'accepted', 'assign', '指派核查', 'Assign verification'),
  step('report', 'verifying', 'substantiate', '核查举报', 'Verify the report', 'assignee'),
  step('report', 'substantiated', 'reply', '答复举报人', 'Reply to the reporter'),
  step('report', 'unfounded', 'reply', '答复举报人', 'Reply to the reporter'),
  step('hazard', 'found', 'confirm', '确认隐患', 'Confirm the hazard'),
  step('hazard', 'confirmed', 'order', '责令改正', 'Order correction'),
  step('hazard', 'remediation_submitted', 'reinspect_pass', '复查整改', 'Re-inspect'),
  step('hazard', 'verified', 'close', '隐患销号', 'Close the hazard'),
  step('inspection', 'planned', 'start', '开始检查', 'Start the inspection', 'team'),
  step('inspection', 'in_progress', 'record', '填写检查记录', 'Record the inspection', 'team'),
  step('inspection', 'recorded', 'sign', '检查记录签字', 'Sign the record', 'unsigned_team'),
  step('inspection', 'confirmed', 'complete', '完成检查', 'Complete the inspection', 'team'),
  step('inspection', 'refusal_recorded', 'complete', '完成检查', 'Complete the inspection', 'team'),
  step('enforcement', 'proposed', 'decide', '审批执法建议', 'Decide the proposal'),
  step('enforcement', 'collective_review', 'decide', '集体讨论决定', 'Decide after collective review'),
  step('enforcement', 'decided', 'serve', '送达决定书', 'Serve the decision'),
  step('enforcement', 'served', 'execute', '执行决定', 'Execute the decision'),
  step('enforcement', 'executed', 'close', '执法结案', 'Close the case'),
  step('referral', 'sent', 'acknowledge', '签收抄告移送', 'Acknowledge the referral', 'to_department'),
  step('referral', 'acknowledged', 'handle', '办理移送事项', 'Handle the referral', 'to_department'),
  step('referral', 'handled', 'reply', '回复移送事项', 'Reply to the referral', 'to_department'),
  step('listing', 'proposed', 'list', '挂牌督办决定', 'Decide the listing'),
  step('listing', 'listed', 'start_rectification', '启动整改', 'Start rectification'),
  step('listing', 'rectifying', 'request_acceptance', '申请验收', 'Request acceptance'),
  step('listing', 'acceptance_requested', 'delist', '验收摘牌', 'Accept and delist'),
  step('reward', 'candidate', 'assess_eligible', '审查奖励资格', 'Assess eligibility'),
  step('reward', 'eligible', 'determine', '核定奖励金额', 'Determine the amount'),
  step('reward', 'determined', 'approve', '审批奖励', 'Approve the reward', 'not_determiner'),
  step('reward', 'approved', 'notify', '告知领奖', 'Notify the reporter'),
  step('reward', 'claimed', 'pay', '发放奖金', 'Pay the reward'),
  step('claim', 'submitted', 'verify_identity', '核验领奖人身份', 'Verify the claimant'),
  step('claim', 'identity_verified', 'accept', '受理领奖申请', 'Accept the claim'),
  step('disclosure', 'requested', 'approve', '审批身份披露', 'Decide the disclosure'),
  step('campaign_task', 'assigned', 'start', '开始专项任务', 'Start the campaign task', 'lead_department'),
  step('campaign_task', 'in_progress', 'report_progress', '报送任务进展', 'Report progress', 'lead_department'),
  step('campaign_task', 'reported', 'accept', '验收专项任务', 'Accept the task'),
];

function transitionOf(s: WaitingStep) {
  const lc = LIFECYCLES.find((l) => l.entity === s.entity);
  return lc?.transitions.find((t) => t.command === s.command && (t.from).includes(s.status)) ?? null;
}

/** The steps a role may take, by the lifecycles' transition tables. */
export function stepsWaitingOn(role: Role): WaitingStep[] {
  return WAITING_STEPS.filter((s) => (transitionOf(s)?.roles as readonly string[] | undefined)?.includes(role) ?? false);
}

/** Whether the lifecycle allows this step at all (the table above is checked against it). */
export function isLifecycleStep(s: WaitingStep): boolean {
  return transitionOf(s) !== null;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);

/**
 * Whether a subject in the step's status (its stored kernel state) waits on this actor; the
 * jurisdiction-scope half (`scope`) is the caller's query. Pure: reads the state only.
 */
export function waitsOn(s: WaitingStep, state: Readonly<Record<string, unknown>>, actor: Pick<Actor, 'userId' | 'role' | 'departmentId'>): boolean {
  switch (s.addressee) {
    case 'scope':
      return true;
    case 'assignee':
      return obj(state.assignee).userId === actor.userId;
    case 'team':
      return list(state.team).some((p) => p.userId === actor.userId);
    case 'unsigned_team':
      return list(state.team).some((p) => p.userId === actor.userId) && !list(state.signatures).some((p) => p.userId === actor.userId);
    case 'to_department':
      return actor.departmentId !== null && state.toDepartmentId === actor.departmentId;
    case 'lead_department':
      return actor.departmentId !== null && state.leadDepartmentId === actor.departmentId;
    case 'not_determiner':
      return obj(obj(state.determination).by).userId !== actor.userId;
  }
}

/** The entities whose steps are addressed to a department rather than a jurisdiction subtree. */
export function departmentAddressed(s: WaitingStep): boolean {
  return s.addressee === 'to_department' || s.addressee === 'lead_department';
}
