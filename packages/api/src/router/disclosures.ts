import { z } from 'zod';
import { DISCLOSURE_STATUSES, createDisclosure, recordIdentityAccess, transitionDisclosure, type DisclosureState } from '@firebreak/domain';
import {
  applyEffects,
  countDisclosures,
  rewardReportSummaries,
  getDisclosureRow,
  getReportScope,
  getSealedReportIdentity,
  listDisclosures,
  sealedClaimIdentitiesForReport,
  type Db,
  type DisclosureRow,
} from '@firebreak/db';
import { runCreate, runTransition, transitionContext } from '../kernel/run-transition';
import { requireAccess, kernelDeps } from '../application/access';
import { capabilityProcedure, router } from '../trpc';
import { DomainFailure } from '../application/failure';

// The contexts the intake seals with (services/submit-report.ts, services/claim-reward.ts):
// a sealed value opens only under the column and row it was sealed for.
const reportIdentityContext = (reportId: string) => `report-identity:${reportId}`;
const claimIdentityContext = (claimId: string) => `claims.sealed_identity:${claimId}`;

const requestInput = z.object({ reportId: z.uuid(), reason: z.string().max(2000) });
const approveInput = z.object({ disclosureId: z.uuid(), note: z.string().max(2000).optional() });
const denyInput = z.object({ disclosureId: z.uuid(), reason: z.string().max(2000) });
const disclosureIdInput = z.object({ disclosureId: z.uuid() });
const listInput = z.object({
  status: z.enum(DISCLOSURE_STATUSES).optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});

/** A request as listed: who asked, why, who decided; never the identity itself. */
function disclosureView(row: Pick<DisclosureRow, 'id' | 'status' | 'version' | 'jurisdictionId' | 'reportId' | 'requestedByUserId' | 'reason' | 'decidedByUserId' | 'decidedAt' | 'createdAt' | 'state'>) {
  const state = row.state as unknown as DisclosureState;
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    jurisdictionId: row.jurisdictionId,
    reportId: row.reportId,
    reason: row.reason,
    requestedBy: state.requestedBy,
    decision: state.decision,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}

/** One page of requests with the report's category and venue beside each (what the custodian weighs the reason against). */
async function page(db: Db, filter: { rootId: string; status?: string; requestedByUserId?: string }, input: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([listDisclosures(db, { ...filter, limit: input.limit, offset: input.offset }), countDisclosures(db, filter)]);
  const reports = await rewardReportSummaries(db, rows.map((r) => r.reportId));
  return { items: rows.map((r) => ({ ...disclosureView(r), report: reports.get(r.reportId) ?? null })), total };
}

type Saved = { id: string; version: number; state: DisclosureState };
const savedView = (s: Saved) => ({ id: s.id, status: s.state.status, version: s.version, state: s.state });

/**
 * Identity disclosure (GlobaLeaks pattern): a reward officer asks with a reason,
 * a custodian who is not the requester decides once, and only the requester of
 * an approved request can open the sealed identity, each read audited.
 */
export const disclosures = router({
  request: capabilityProcedure('identity.request')
    .input(requestInput)
    .mutation(async ({ ctx, input }) => {
      const report = await getReportScope(ctx.db, input.reportId);
      const created = await runCreate<DisclosureState, 'disclosure'>(
        kernelDeps(ctx),
        ctx.actor,
        'disclosure',
        (k) => createDisclosure({ reportId: report.id, jurisdictionId: report.jurisdictionId, reason: input.reason }, k),
        (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, reportId: s.reportId, requestedByUserId: s.requestedBy.userId, reason: s.reason }),
      );
      return savedView({ id: created.id, version: 1, state: created.state });
    }),

  approve: capabilityProcedure('identity.decide')
    .input(approveInput)
    .mutation(async ({ ctx, input }) =>
      savedView(
        await runTransition<DisclosureState, 'disclosure'>(
          kernelDeps(ctx),
          ctx.actor,
          'disclosure',
          input.disclosureId,
          (s, k) => transitionDisclosure(s, input.note === undefined ? { type: 'approve' } : { type: 'approve', note: input.note }, k),
          { set: (next) => ({ decidedByUserId: next.decision?.by.userId ?? null, decidedAt: next.decision ? new Date(next.decision.by.at) : null }) },
        ),
      ),
    ),

  deny: capabilityProcedure('identity.decide')
    .input(denyInput)
    .mutation(async ({ ctx, input }) =>
      savedView(
        await runTransition<DisclosureState, 'disclosure'>(
          kernelDeps(ctx),
          ctx.actor,
          'disclosure',
          input.disclosureId,
          (s, k) => transitionDisclosure(s, { type: 'deny', reason: input.reason }, k),
          { set: (next) => ({ decidedByUserId: next.decision?.by.userId ?? null, decidedAt: next.decision ? new Date(next.decision.by.at) : null }) },
        ),
      ),
    ),

  /**
   * The one procedure that returns a reporter's identity. The kernel decides
   * (approved, the requester, in scope); its audit effect is written in the same
   * transaction as the unsealing, so there is no read without its record.
   */
  readIdentity: capabilityProcedure('identity.request')
    .input(disclosureIdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await getDisclosureRow(ctx.db, input.disclosureId);
      const state = row.state as unknown as DisclosureState;
      const now = ctx.clock();
      const k = await transitionContext(ctx.db, ctx.services, ctx.actor, now);
      const access = recordIdentityAccess(state, k);
      if (!access.ok) throw new DomainFailure(access.error);
      const { effects } = access;
      const { sealer } = ctx.services;
      return ctx.db.transaction(async (tx) => {
        const applied = await applyEffects(tx, effects, { now });
        const sealed = await getSealedReportIdentity(tx, state.reportId);
        const claimsSealed = await sealedClaimIdentitiesForReport(tx, state.reportId);
        return {
          disclosureId: row.id,
          reportId: state.reportId,
          reporterIdentity: sealed === null ? null : sealer.open(sealed, reportIdentityContext(state.reportId)),
          claimIdentities: claimsSealed.map((c) => {
            const opened = sealer.open(c.sealedIdentity, claimIdentityContext(c.claimId)) as { identity?: unknown } | null;
            return { claimId: c.claimId, identity: opened && typeof opened === 'object' && 'identity' in opened ? (opened.identity ?? null) : opened };
          }),
          accessLoggedAt: now.toISOString(),
          auditSeq: applied.auditSeqs[0] ?? null,
        };
      });
    }),

  /** The custodian's queue: requests in scope, optionally by status, one page with the total. */
  list: capabilityProcedure('identity.decide')
    .input(listInput)
    .query(async ({ ctx, input }) => page(ctx.db, { rootId: ctx.jurisdictionRoot, ...(input.status ? { status: input.status } : {}) }, input)),

  /** A reward officer's own requests and their decisions. */
  mine: capabilityProcedure('identity.request')
    .input(listInput)
    .query(async ({ ctx, input }) =>
      page(ctx.db, { rootId: ctx.jurisdictionRoot, requestedByUserId: ctx.actor.userId, ...(input.status ? { status: input.status } : {}) }, input),
    ),

  get: capabilityProcedure('identity.decide')
    .input(disclosureIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getDisclosureRow(ctx.db, input.disclosureId);
      await requireAccess(ctx, 'identity.decide', { jurisdictionId: row.jurisdictionId });
      return disclosureView(row);
    }),
});
