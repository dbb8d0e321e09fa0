import type { Actor } from '../common/actor';
import { SYSTEM_ROLE } from '../common/roles';

/** The scheduled jobs, each a named actor in the audit log (who acted when no person did). */
export const SYSTEM_JOBS = ['deadlines', 'retention', 'outbox'] as const;
export type SystemJob = (typeof SYSTEM_JOBS)[number];

const NAMES: Readonly<Record<SystemJob, string>> = {
  deadlines: '系统作业（期限监控）',
  retention: '系统作业（吹哨人材料保存期限）',
  outbox: '系统作业（通知投递）',
};

/**
 * The actor a job acts as. It has no department; its jurisdiction is the root of the tree the
 * subject sits in (the job acts for the whole deployment, and the lifecycle's scope check still
 * runs). Its user id `system:<job>` is no users row: the audit log stores actors as text.
 */
export function systemActor(job: SystemJob, jurisdictionRoot: string): Actor {
  return { userId: `system:${job}`, name: NAMES[job], role: SYSTEM_ROLE, departmentId: null, jurisdictionId: jurisdictionRoot };
}

export const isSystemUserId = (userId: string): boolean => userId.startsWith('system:');
