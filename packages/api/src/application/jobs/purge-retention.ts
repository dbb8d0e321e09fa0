import {
  DEFAULT_RETENTION_POLICY,
  isClaimPastRetention,
  isPastRetention,
  RETENTION_FINAL_CLAIM_STATUSES,
  RETENTION_FINAL_REPORT_STATUSES,
  stamp,
  systemActor,
  type RetentionPolicy,
} from '@firebreak/domain';
import { listClaimRetentionCandidates, listRetentionCandidates, purgeClaimEnvelopes, purgeSealedReportMaterial } from '@firebreak/db';
import { treeRootOf } from '../access';
import type { JobDeps } from './job-deps';

/** Removes one sealed original from storage; removing a missing one is not an error (the door's blob store). */
export type RemoveOriginal = (storageKey: string) => Promise<void>;

/**
 * The whistleblower retention job: past the configured period after a whistleblower report was
 * finished with (the kernel's isPastRetention), its sealed identity and the sealed originals of
 * its attachments are purged as `system:retention`, with an audit line; the report row, its
 * status, category, place and dates stay for the statistics. Objects are removed before the rows
 * are marked, so a run killed in between removes them again (a no-op) and then marks them.
 * Reward claims (public or whistleblower) that were paid or rejected longer ago than the same
 * period lose their sealed identity and payment details the same way (`claimsPurged`).
 */
export async function runRetentionJob(
  deps: JobDeps,
  removeOriginal: RemoveOriginal,
  options: { readonly policy?: RetentionPolicy; readonly limit?: number } = {},
): Promise<{ readonly purged: number; readonly claimsPurged: number }> {
  const policy = options.policy ?? DEFAULT_RETENTION_POLICY;
  const now = deps.clock();
  const before = new Date(now.getTime() - policy.whistleblowerDays * 86_400_000);
  const candidates = await listRetentionCandidates(deps.db, { before, finalStatuses: RETENTION_FINAL_REPORT_STATUSES, limit: options.limit ?? 100 });
  let purged = 0;
  for (const c of candidates) {
    if (!isPastRetention(c, now, policy)) continue;
    for (const key of c.originalKeys) await removeOriginal(key);
    const ref = await deps.services.reference.get(deps.db);
    const [row] = await deps.db.query.reports.findMany({ where: (r, { eq }) => eq(r.id, c.reportId), columns: { jurisdictionId: true }, limit: 1 });
    const actor = systemActor('retention', row ? treeRootOf(ref, row.jurisdictionId) : 'none');
    const done = await purgeSealedReportMaterial(deps.db, {
      reportId: c.reportId,
      audit: {
        entity: 'report',
        entityId: c.reportId,
        action: 'retention_purge',
        from: c.status,
        to: c.status,
        by: stamp(actor, now),
        data: { retentionDays: policy.whistleblowerDays, finishedAt: c.finishedAt },
      },
    });
    if (done) purged++;
  }
  const claimsPurged = await purgeClaims(deps, policy, before, now, options.limit ?? 100);
  if (purged > 0 || claimsPurged > 0) deps.log?.('retention job', { purged, claimsPurged });
  return { purged, claimsPurged };
}

async function purgeClaims(deps: JobDeps, policy: RetentionPolicy, before: Date, now: Date, limit: number): Promise<number> {
  const candidates = await listClaimRetentionCandidates(deps.db, { before, finalStatuses: RETENTION_FINAL_CLAIM_STATUSES, limit });
  let purged = 0;
  for (const c of candidates) {
    if (!isClaimPastRetention(c, now, policy)) continue;
    const ref = await deps.services.reference.get(deps.db);
    const done = await purgeClaimEnvelopes(deps.db, {
      claimId: c.claimId,
      audit: {
        entity: 'claim',
        entityId: c.claimId,
        action: 'retention_purge',
        from: c.status,
        to: c.status,
        by: stamp(systemActor('retention', treeRootOf(ref, c.jurisdictionId)), now),
        data: { retentionDays: policy.whistleblowerDays, finishedAt: c.finishedAt, identity: true, payment: true },
      },
    });
    if (done) purged++;
  }
  return purged;
}
