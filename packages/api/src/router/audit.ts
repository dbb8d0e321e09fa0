import { z } from 'zod';
import { listAuditEntries, verifyAuditChain } from '@firebreak/db';
import { requireAccess } from '../application/access';
import { capabilityProcedure, router } from '../trpc';

const listInput = z.object({
  /** Defaults to the caller's whole jurisdiction. */
  jurisdictionId: z.uuid().optional(),
  entity: z.string().trim().min(1).max(40).optional(),
  entityId: z.string().trim().min(1).max(80).optional(),
  actorUserId: z.string().trim().min(1).max(80).optional(),
  action: z.string().trim().min(1).max(60).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Paging backwards: the smallest seq of the previous page. */
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
});

/** anchor: a batch head (id and chain hash) kept outside the database since. */
const verifyInput = z.object({ anchor: z.object({ batch: z.int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).optional() }).default({});

/** The sealed audit log, read-only ("一案双查": discipline inspectors and supervisors). */
export const audit = router({
  /**
   * Entries about records in the caller's subtree, newest first. Entries about
   * records without a jurisdiction (standards, reward rules, the calendar) are
   * shown only to readers whose jurisdiction is the top of the tree.
   */
  list: capabilityProcedure('audit.read')
    .input(listInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const ref = await requireAccess(ctx, 'audit.read', { jurisdictionId: root });
      const rows = await listAuditEntries(ctx.db, {
        rootId: root,
        includeUnscoped: ref.tree.parentOf(root) === null,
        limit: input.limit,
        ...(input.entity ? { entity: input.entity } : {}),
        ...(input.entityId ? { entityId: input.entityId } : {}),
        ...(input.actorUserId ? { actorUserId: input.actorUserId } : {}),
        ...(input.action ? { action: input.action } : {}),
        ...(input.from ? { from: new Date(input.from) } : {}),
        ...(input.to ? { to: new Date(input.to) } : {}),
        ...(input.beforeSeq ? { beforeSeq: input.beforeSeq } : {}),
      });
      return { entries: rows, nextBeforeSeq: rows.length === input.limit ? (rows.at(-1)?.seq ?? null) : null };
    }),

  /**
   * Recomputes every hash: the batch chain, every entry's inclusion in its
   * batch, and the hashes of entries still waiting for the sealer (counted as
   * unsealed in the verdict: nothing outside their row vouches for them yet).
   */
  verify: capabilityProcedure('audit.read')
    .input(verifyInput)
    .query(async ({ ctx, input }) => {
      await requireAccess(ctx, 'audit.read', { jurisdictionId: ctx.jurisdictionRoot });
      return verifyAuditChain(ctx.db, input.anchor ? { anchor: input.anchor } : {});
    }),
});
