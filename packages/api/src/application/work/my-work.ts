import { departmentAddressed, stepsWaitingOn, waitsOn, type WaitingStep } from '@firebreak/domain';
import { listWaitingSubjects, type LifecycleEntity } from '@firebreak/db';
import type { StaffContext } from '../access';

export interface WorkItem {
  readonly entity: WaitingStep['entity'];
  readonly id: string;
  readonly status: string;
  readonly command: string;
  readonly task: WaitingStep['task'];
  readonly jurisdictionId: string;
  /** The earliest legal time limit still pending, ISO, or null. */
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly venueName: string | null;
  readonly riskCategory: string | null;
  /** A short title from the record (task title, hazard description …), or null. */
  readonly title: string | null;
}

/** Rows read per step before the kernel's addressee filter; the queue shows the first `limit` overall. */
const PER_STEP = 200;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function titleOf(state: Record<string, unknown>): string | null {
  const t = text(state.title) ?? text(state.description) ?? text(state.summary);
  if (t === null) return null;
  const code = text(state.code);
  const short = t.length > 60 ? `${t.slice(0, 59)}…` : t;
  return code ? `${code} ${short}` : short;
}

/**
 * "My work" for a staff member: every lifecycle step the kernel says waits on them (their role
 * may take it, it is addressed to them), in their jurisdiction subtree or their department,
 * the earliest legal deadline first and overdue ones marked. Read-only roles get nothing.
 */
export async function myWork(ctx: Pick<StaffContext, 'db' | 'actor' | 'jurisdictionRoot' | 'clock'>, limit: number): Promise<{ items: WorkItem[]; truncated: boolean }> {
  const now = ctx.clock();
  const steps = stepsWaitingOn(ctx.actor.role);
  // One query per lifecycle and addressing: the steps of one entity share it.
  const groups = new Map<string, WaitingStep[]>();
  for (const s of steps) {
    if (departmentAddressed(s) && ctx.actor.departmentId === null) continue;
    const key = `${s.entity}:${s.addressee === 'to_department' ? 'to' : s.addressee === 'lead_department' ? 'lead' : 'scope'}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const items: WorkItem[] = [];
  let truncated = false;
  for (const [, group] of groups) {
    const first = group[0]!;
    const scope =
      first.addressee === 'to_department'
        ? { stateField: 'toDepartmentId' as const, departmentId: ctx.actor.departmentId! }
        : first.addressee === 'lead_department'
          ? { stateField: 'leadDepartmentId' as const, departmentId: ctx.actor.departmentId! }
          : { jurisdictionRoot: ctx.jurisdictionRoot };
    const rows = await listWaitingSubjects(ctx.db, { entity: first.entity as LifecycleEntity, statuses: group.map((s) => s.status), scope, limit: PER_STEP });
    if (rows.length === PER_STEP) truncated = true;
    for (const r of rows) {
      const s = group.find((g) => g.status === r.status);
      if (!s || !waitsOn(s, r.state, ctx.actor)) continue;
      items.push({
        entity: s.entity,
        id: r.id,
        status: r.status,
        command: s.command,
        task: s.task,
        jurisdictionId: r.jurisdictionId,
        dueAt: r.dueAt?.toISOString() ?? null,
        overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
        venueName: r.venueName,
        riskCategory: text(r.state.riskCategory),
        title: titleOf(r.state),
      });
    }
  }
  items.sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  if (items.length > limit) truncated = true;
  return { items: items.slice(0, limit), truncated };
}
