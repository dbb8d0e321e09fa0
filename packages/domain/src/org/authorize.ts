import type { Actor } from '../common/actor';
import type { JurisdictionScope } from '../common/context';
import { err, ok, type Result } from '../common/errors';
import { ROLE_NAMES, type Role } from '../common/roles';
import { capabilityDefinition, type Capability, type CapabilityDefinition } from './capabilities';

/** What an action is about: where it sits, and which department it is assigned to, if any. */
export interface AccessSubject {
  readonly jurisdictionId: string;
  readonly departmentId?: string | null;
}

/**
 * May `actor` exercise `capability` on `subject`? Checks, in order: the role
 * holds the capability, the subject lies in the actor's jurisdiction subtree,
 * and for department-bound capabilities the subject is assigned to the actor's
 * own department. A department-bound subject with no department is refused:
 * an unassigned referral is nobody's to handle yet.
 */
export function authorize(
  actor: Actor,
  capability: Capability,
  subject: AccessSubject,
  scope: JurisdictionScope,
): Result<CapabilityDefinition> {
  // The API may pass strings from the wire; an unknown code is refused, not thrown.
  const def = capabilityDefinition(capability);
  if (!def) {
    return err('ACCESS.UNKNOWN_CAPABILITY', `Unknown capability ${String(capability)}`, `未知权限：${String(capability)}`, {
      capability,
    });
  }
  if (!(def.roles as readonly Role[]).includes(actor.role)) {
    return err(
      'ACCESS.ROLE_NOT_ALLOWED',
      `Role ${actor.role} may not ${def.en.toLowerCase()}`,
      `当前角色（${ROLE_NAMES[actor.role]?.zh ?? actor.role}）无权${def.zh}`,
      { capability, role: actor.role },
    );
  }
  if (actor.jurisdictionId === null || !scope.contains(actor.jurisdictionId, subject.jurisdictionId)) {
    return err('ACCESS.OUT_OF_SCOPE', 'The subject is outside your jurisdiction', '该事项不在您的辖区范围内', {
      capability,
      jurisdictionId: subject.jurisdictionId,
    });
  }
  if (def.departmentBound) {
    const target = subject.departmentId ?? null;
    if (target === null || actor.departmentId === null || actor.departmentId !== target) {
      return err(
        'ACCESS.WRONG_DEPARTMENT',
        'Only the department this is assigned to may do this',
        `仅承办部门可以${def.zh}`,
        { capability, departmentId: target },
      );
    }
  }
  return ok(def);
}
