import { err, ok, type Result } from '../common/errors';
import type { Role } from '../common/roles';
import type { CollectiveDecisionKind } from './validate-collective-decision';

/**
 * Who may record a determination of which kind. The fire agency's leaders hold the collective
 * discussion (集体讨论) and may also record an expert group's (专家组论证) conclusion; an expert
 * records only the expert group's, never a discussion of the agency's leaders. Code:
 * DECISION.KIND_NOT_ALLOWED.
 */
export const DETERMINATION_KINDS_BY_ROLE: Readonly<Partial<Record<Role, readonly CollectiveDecisionKind[]>>> = {
  fire_supervisor: ['collective', 'expert_group'],
  expert: ['expert_group'],
};

export function checkDeterminer(role: Role, kind: CollectiveDecisionKind): Result<{ readonly kind: CollectiveDecisionKind }> {
  const kinds = DETERMINATION_KINDS_BY_ROLE[role] ?? [];
  if (!kinds.includes(kind)) {
    return err(
      'DECISION.KIND_NOT_ALLOWED',
      kind === 'collective' ? 'Only the fire agency’s leaders record a collective discussion; an expert records an expert group' : `Role ${role} may not record this determination`,
      kind === 'collective' ? '集体讨论由消防救援机构负责人记录；专家请按专家组论证记录' : '当前角色无权记录该判定',
      { role, kind, allowed: kinds },
    );
  }
  return ok({ kind });
}
