import { transitionReport, type Actor, type DomainError, type ReportCommand, type ReportState, type TransitionContext } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { Services } from '../../context/services';
import { runTransition } from '../../kernel/run-transition';
import { staffReportView } from '../../router/staff/report-view';
import type { Clock } from '../../context/request-context';
import { referenceOf } from '../access';

export interface ReportDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
}

export interface ReportCommandOptions {
  /** A further kernel rule on the state the command leads to; its refusal refuses the command. */
  readonly check?: (next: ReportState, k: TransitionContext) => { ok: true } | { ok: false; error: DomainError };
  readonly set?: (next: ReportState) => { duplicateOfId?: string | null };
}

/** Optional notes every report command may carry: a public one reaches the reporter, an internal one never does. */
export const notesOf = (input: { publicNote?: string | undefined; internalNote?: string | undefined }) => ({
  ...(input.publicNote === undefined ? {} : { publicNote: input.publicNote }),
  ...(input.internalNote === undefined ? {} : { internalNote: input.internalNote }),
});

/** One report command through the one lifecycle path, answered with the staff view. */
export async function reportCommand(deps: ReportDeps, actor: Actor, id: string, version: number | undefined, cmd: ReportCommand, options: ReportCommandOptions = {}) {
  const ref = await referenceOf(deps);
  const saved = await runTransition<ReportState, 'report'>(
    deps,
    actor,
    'report',
    id,
    (state, k) => {
      const result = transitionReport(state, cmd, k, ref.timeLimits);
      if (!result.ok || !options.check) return result;
      const verdict = options.check(result.next, k);
      return verdict.ok ? result : verdict;
    },
    { ...(version === undefined ? {} : { expectedVersion: version }), ...(options.set ? { set: options.set } : {}) },
  );
  return { id: saved.id, version: saved.version, report: staffReportView(saved.state) };
}
