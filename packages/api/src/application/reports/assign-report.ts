import { assigneeFromAccount, checkReportAssignee, type Actor, type ScopedAssignee } from '@firebreak/domain';
import { findStaffUsers } from '@firebreak/db';
import { unwrap } from '../failure';
import { notesOf, reportCommand, type ReportDeps } from './report-command';

export interface AssignReportInput {
  readonly id: string;
  readonly version?: number | undefined;
  readonly publicNote?: string | undefined;
  readonly internalNote?: string | undefined;
}

/**
 * The report's `assign` command, then the kernel's assignment rule (checkReportAssignee: the
 * assignee can verify reports where the report is) on the state it leads to, before anything
 * is saved.
 */
async function assignTo(deps: ReportDeps, actor: Actor, input: AssignReportInput, assignee: ScopedAssignee) {
  const person = { userId: assignee.userId, name: assignee.name, role: assignee.role, departmentId: assignee.departmentId };
  return reportCommand(deps, actor, input.id, input.version, { type: 'assign', assignee: person, ...notesOf(input) }, {
    check: (next, k) => checkReportAssignee(assignee, next.jurisdictionId, k.scope),
  });
}

/** 指派核查: to an active staff account (assigneeFromAccount) who passes the assignment rule. */
export async function assignReport(deps: ReportDeps, actor: Actor, input: AssignReportInput & { readonly assigneeUserId: string }) {
  const [account] = await findStaffUsers(deps.db, [input.assigneeUserId]);
  return assignTo(deps, actor, input, unwrap(assigneeFromAccount(account, input.assigneeUserId)));
}

/** 开始核查: the verifier takes the report on themselves (the kernel's `assign` with the caller as assignee). */
export function startVerification(deps: ReportDeps, actor: Actor, input: AssignReportInput) {
  return assignTo(deps, actor, input, { userId: actor.userId, name: actor.name, role: actor.role, departmentId: actor.departmentId, jurisdictionId: actor.jurisdictionId });
}
