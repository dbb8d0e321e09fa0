import { isCampaignTaskOverdue, type CampaignTaskStatus } from '../lifecycles/campaign-task';

/** What the roll-up needs of a task (the flat task list, any order). */
export interface RollupTask {
  readonly id: string;
  readonly parentId: string | null;
  readonly status: CampaignTaskStatus;
  readonly deadline: string | null;
}

/**
 * A node's progress: the sub-sub-items (leaves) under it, how many are accepted as completed,
 * and how many of them stand out as overdue. A task without children is its own leaf.
 */
export interface TaskRollup {
  readonly leaves: number;
  readonly completed: number;
  /** Whole per cent of the leaves completed, rounded down (100 only when all are). */
  readonly percent: number;
  /** Leaves overdue (marked, or past their deadline while assigned or in progress). */
  readonly overdueLeaves: number;
  /** This task itself is overdue. */
  readonly overdue: boolean;
}

/**
 * Progress rolls up the task tree by leaves: "7 items / 22 sub-items / 91 sub-sub-items" are
 * counted at the 91, so an item with 10 sub-sub-items, 4 of them accepted, is 40 % done however
 * its sub-items are split. Only acceptance (completed) counts: a reported task still waits for the
 * campaign owner. A parent's own status does not count toward its progress; its children's do.
 * A task whose parent is missing from the list is treated as a root.
 */
export function rollUpCampaignTasks(tasks: readonly RollupTask[], now: Date): ReadonlyMap<string, TaskRollup> {
  const ids = new Set(tasks.map((t) => t.id));
  const children = new Map<string, RollupTask[]>();
  for (const t of tasks) {
    if (t.parentId !== null && ids.has(t.parentId)) {
      const list = children.get(t.parentId) ?? [];
      list.push(t);
      children.set(t.parentId, list);
    }
  }
  const out = new Map<string, TaskRollup>();
  const visit = (t: RollupTask, path: Set<string>): TaskRollup => {
    const done = out.get(t.id);
    if (done) return done;
    const overdue = isCampaignTaskOverdue(t, now);
    const kids = (children.get(t.id) ?? []).filter((k) => !path.has(k.id));
    let leaves = 0;
    let completed = 0;
    let overdueLeaves = 0;
    if (kids.length === 0) {
      leaves = 1;
      completed = t.status === 'completed' ? 1 : 0;
      overdueLeaves = overdue ? 1 : 0;
    } else {
      const inner = new Set(path).add(t.id);
      for (const k of kids) {
        const r = visit(k, inner);
        leaves += r.leaves;
        completed += r.completed;
        overdueLeaves += r.overdueLeaves;
      }
    }
    const r: TaskRollup = { leaves, completed, percent: Math.floor((completed * 100) / leaves), overdueLeaves, overdue };
    out.set(t.id, r);
    return r;
  };
  for (const t of tasks) visit(t, new Set());
  return out;
}

/** The whole campaign's progress: the roll-up of its top-level items taken together. */
export function campaignProgress(tasks: readonly RollupTask[], now: Date): Omit<TaskRollup, 'overdue'> & { readonly overdueTasks: number } {
  const rollup = rollUpCampaignTasks(tasks, now);
  const ids = new Set(tasks.map((t) => t.id));
  let leaves = 0;
  let completed = 0;
  let overdueLeaves = 0;
  for (const t of tasks) {
    if (t.parentId !== null && ids.has(t.parentId)) continue;
    const r = rollup.get(t.id)!;
    leaves += r.leaves;
    completed += r.completed;
    overdueLeaves += r.overdueLeaves;
  }
  const overdueTasks = [...rollup.values()].filter((r) => r.overdue).length;
  return { leaves, completed, percent: leaves === 0 ? 0 : Math.floor((completed * 100) / leaves), overdueLeaves, overdueTasks };
}
