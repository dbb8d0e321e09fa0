import type { Role } from '../common/roles';
import { err, ok, type Result } from '../common/errors';
import type { JurisdictionScope } from '../common/context';
import { authorize } from '../org/authorize';
import type { Assignee } from './report';

/**
 * Who may be assigned a report to verify (指派核查), besides what the report lifecycle's
 * `assign` command checks (a named inspector or police officer, not the same person again):
 * an active staff account that can itself verify reports in the report's jurisdiction, by the
 * kernel's own access rule, so the verifier can act on the report afterwards.
 */

/** A staff account as the database holds it. */
export interface AssigneeAccount {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly departmentId: string | null;
  readonly jurisdictionId: string | null;
  readonly disabled: boolean;
}

/** An assignee with the jurisdiction subtree they act in. */
export type ScopedAssignee = Assignee & { readonly jurisdictionId: string | null };

/** A disabled or missing account cannot be assigned: USER.NOT_FOUND, as if it did not exist. */
export function assigneeFromAccount(account: AssigneeAccount | undefined, requestedId: string): Result<ScopedAssignee> {
  if (!account || account.disabled) return err('USER.NOT_FOUND', 'Assignee not found', '被指派人员不存在', { id: requestedId });
  return ok({ userId: account.id, name: account.displayName, role: account.role, departmentId: account.departmentId, jurisdictionId: account.jurisdictionId });
}

/**
 * REPORT.INVALID_ASSIGNEE when the assignee could not verify reports in the report's
 * jurisdiction (wrong role, outside their subtree); `details.reason` is the access code.
 */
export function checkReportAssignee(assignee: ScopedAssignee, reportJurisdictionId: string, scope: JurisdictionScope): Result<Assignee> {
  const { jurisdictionId, ...person } = assignee;
  const verdict = authorize({ ...person, jurisdictionId }, 'report.verify', { jurisdictionId: reportJurisdictionId }, scope);
  if (!verdict.ok) {
    return err('REPORT.INVALID_ASSIGNEE', 'The assignee cannot verify reports in this jurisdiction', '被指派人员无权核查该辖区的举报', { reason: verdict.error.code });
  }
  return ok(person);
}
