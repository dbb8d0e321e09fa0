import { z } from 'zod';
import {
  auditEntryHash,
  auditHash,
  auditInclusionProof,
  auditLeafData,
  findAuditActors,
  listAccountability,
  listAuditEntries,
  merkleLeafHash,
  verifyAuditChain,
  verifyMerkleInclusion,
} from '@firebreak/db';
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

const chainInput = z.object({ entity: z.string().trim().min(1).max(40), entityId: z.string().trim().min(1).max(80) });

const actorsInput = z.object({ name: z.string().trim().min(1).max(40) });

const accountabilityInput = z
  .object({
    jurisdictionId: z.uuid().optional(),
    /** Closed in [from, to). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Only cases where this official took a step. */
    userId: z.uuid().optional(),
    limit: z.int().min(1).max(100).default(20),
    offset: z.int().min(0).default(0),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), { message: 'from must be before to', path: ['to'] });

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

  /** Officials in the caller's subtree by part of their name: the actor filter's choices. */
  actors: capabilityProcedure('audit.read')
    .input(actorsInput)
    .query(async ({ ctx, input }) => {
      await requireAccess(ctx, 'audit.read', { jurisdictionId: ctx.jurisdictionRoot });
      return findAuditActors(ctx.db, { rootId: ctx.jurisdictionRoot, name: input.name, limit: 20 });
    }),

  /**
   * One record's chain: its entries oldest first, each with its own hash recomputed from its
   * content and, once sealed, its Merkle inclusion in its batch checked against the batch root
   * (RFC 6962 audit path). The entries are the scoped list's, so a record outside the caller's
   * subtree has an empty chain.
   */
  chain: capabilityProcedure('audit.read')
    .input(chainInput)
    .query(async ({ ctx, input }) => {
      const ref = await requireAccess(ctx, 'audit.read', { jurisdictionId: ctx.jurisdictionRoot });
      const rows = await listAuditEntries(ctx.db, {
        rootId: ctx.jurisdictionRoot,
        includeUnscoped: ref.tree.parentOf(ctx.jurisdictionRoot) === null,
        entity: input.entity,
        entityId: input.entityId,
        limit: 200,
      });
      const entries = [];
      for (const row of rows.reverse()) {
        const content = {
            at: row.at,
            entity: row.entity,
            entityId: row.entityId,
            action: row.action,
            fromStatus: row.fromStatus,
            toStatus: row.toStatus,
            actorUserId: row.actorUserId,
            actorName: row.actorName,
            actorRole: row.actorRole,
            actorDepartmentId: row.actorDepartmentId,
            data: row.data ?? null,
          };
        // Entries from before sealing keep their one-row chain hash (prev_hash || content).
        const hashOk = (row.prevHash === null ? auditEntryHash(content) : auditHash({ ...content, seq: row.seq, prevHash: row.prevHash })) === row.hash;
        const proof = row.batchId === null ? null : await auditInclusionProof(ctx.db, row.seq);
        const included =
          proof === null
            ? null
            : proof.leaf === merkleLeafHash(auditLeafData(row)).toString('hex') &&
              verifyMerkleInclusion(Buffer.from(proof.leaf, 'hex'), proof.leafIndex, proof.size, proof.path.map((p) => Buffer.from(p, 'hex')), Buffer.from(proof.root, 'hex'));
        entries.push({ ...row, hashOk, included, batchHash: proof?.batchHash ?? null, leafIndex: row.leafIndex, proofLength: proof?.path.length ?? null });
      }
      return { entity: input.entity, entityId: input.entityId, entries };
    }),

  /**
   * 一案双查: closed hazards of the subtree with who checked (found, ordered the correction),
   * who accepted (signed the passing re-inspection) and who closed, each with department and time.
   */
  accountability: capabilityProcedure('audit.read')
    .input(accountabilityInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      await requireAccess(ctx, 'audit.read', { jurisdictionId: root });
      const { rows, total } = await listAccountability(ctx.db, {
        rootId: root,
        from: input.from ? new Date(input.from) : null,
        to: input.to ? new Date(input.to) : null,
        ...(input.userId ? { userId: input.userId } : {}),
        limit: input.limit,
        offset: input.offset,
      });
      return { total, items: rows.map((r) => ({ ...r, closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString() })) };
    }),
});
