import type { Role } from '../common/roles';
import { campaignTaskLifecycle, type CampaignTaskCommand, type CampaignTaskStatus } from '../lifecycles/campaign-task';

type Command = CampaignTaskCommand['type'];
const OWNER_COMMANDS: readonly Command[] = ['assign', 'accept', 'send_back', 'mark_overdue'];
const LEAD_COMMANDS: readonly Command[] = ['start', 'report_progress'];

/**
 * The commands a user may take on a task, as `transitionCampaignTask` decides them apart from the
 * jurisdiction (the server still checks it): the transition table's status and role, the owning
 * department for assign / accept / send back / mark overdue, the lead department for start and
 * report, and a passed deadline for mark overdue. The console offers exactly these buttons.
 */
export function allowedCampaignCommands(
  task: { readonly status: string; readonly ownerDepartmentId: string; readonly leadDepartmentId: string | null },
  actor: { readonly role: string; readonly departmentId: string | null },
  overdue: boolean,
): Command[] {
  if (actor.departmentId === null) return [];
  return campaignTaskLifecycle.transitions
    .filter((t) => (t.from as readonly string[]).includes(task.status as CampaignTaskStatus) && (t.roles).includes(actor.role as Role))
    .map((t) => t.command)
    .filter((c) => {
      if (OWNER_COMMANDS.includes(c) && actor.departmentId !== task.ownerDepartmentId) return false;
      if (LEAD_COMMANDS.includes(c) && actor.departmentId !== task.leadDepartmentId) return false;
      if (c === 'mark_overdue' && (!overdue || task.status === 'overdue')) return false;
      return true;
    });
}
