import { err, ok, type Result } from '../common/errors';
import { ROLE_NAMES, STAFF_ROLES, type Role, type StaffRole } from '../common/roles';
import { DEPARTMENT_KIND_NAMES, type DepartmentKind } from './department-kinds';

/**
 * Which department kinds each staff role may belong to. Supervision powers
 * follow the department: only a fire agency inspects as 消防监督员, only a police
 * station as 派出所民警, only an industry department as 行业部门人员. Grid workers
 * are employed by the street or township government. Custodians sit in the fire
 * agency but outside the reward chain (separation is enforced by role, not kind).
 */
export const ROLE_DEPARTMENT_KINDS: Readonly<Record<StaffRole, readonly DepartmentKind[]>> = {
  grid_worker: ['government'],
  inspector: ['fire_agency'],
  fire_supervisor: ['fire_agency'],
  police_officer: ['police_station'],
  industry_officer: ['industry'],
  committee_officer: ['committee_office', 'government'],
  expert: ['expert_pool'],
  discipline_inspector: ['discipline'],
  reward_officer: ['fire_agency'],
  custodian: ['fire_agency'],
  admin: ['fire_agency', 'committee_office'],
};

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** May a user with `role` be placed in a department of `kind`? */
export function validateStaffAssignment(role: Role, kind: DepartmentKind): Result<{ role: StaffRole; kind: DepartmentKind }> {
  if (!isStaffRole(role)) {
    return err(
      'ACCESS.NOT_STAFF_ROLE',
      `Role ${role} is not a staff role and cannot belong to a department`,
      `“${ROLE_NAMES[role].zh}”不是工作人员角色，不能归属部门`,
      { role },
    );
  }
  const allowed = ROLE_DEPARTMENT_KINDS[role];
  if (!allowed.includes(kind)) {
    return err(
      'ACCESS.DEPARTMENT_KIND_NOT_ALLOWED',
      `Role ${role} cannot belong to a ${kind} department`,
      `“${ROLE_NAMES[role].zh}”不能归属于${DEPARTMENT_KIND_NAMES[kind].zh}`,
      { role, kind, allowed },
    );
  }
  return ok({ role, kind });
}
