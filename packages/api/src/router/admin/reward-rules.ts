import { z } from 'zod';
import { cataloguedError, parseRewardRules } from '@firebreak/domain';
import { insertRewardRuleVersion, listRewardRuleRows } from '@firebreak/db';
import { insertAuditedUnique } from '../../application/admin/audited-insert';
import { requireAccess, referenceOf, treeRootOf, type StaffContext } from '../../application/access';
import { capabilityProcedure, router } from '../../trpc';
import { effectiveInstant } from '../../services/reward-rules';
import { unwrap } from '../../application/failure';

const createInput = z.object({
  /** null: the default set for every jurisdiction without its own. */
  jurisdictionId: z.uuid().nullable(),
  /** Checked by the kernel's reward rules schema (REWARD_RULES.INVALID with the issues). */
  rules: z.unknown(),
});
const listInput = z.object({ jurisdictionId: z.uuid().nullable().optional() }).default({});

/** A jurisdiction's own rules are its admins'; the default set belongs to the top of the tree. */
async function authorizeRules(ctx: StaffContext, jurisdictionId: string | null): Promise<void> {
  const ref = await referenceOf(ctx);
  await requireAccess(ctx, 'admin.reward_rules', { jurisdictionId: jurisdictionId ?? treeRootOf(ref, ctx.jurisdictionRoot) });
}

export const rewardRulesAdmin = router({
  list: capabilityProcedure('admin.reward_rules')
    .input(listInput)
    .query(async ({ ctx, input }) => listRewardRuleRows(ctx.db, input.jurisdictionId === undefined ? {} : { jurisdictionId: input.jurisdictionId })),

  /**
   * A new published version (rewards cite the version they were computed with,
   * so versions are never edited: the database freezes them).
   */
  create: capabilityProcedure('admin.reward_rules')
    .input(createInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeRules(ctx, input.jurisdictionId);
      const rules = unwrap(parseRewardRules(input.rules));
      const now = ctx.clock();
      return insertAuditedUnique(
        ctx,
        ctx.actor,
        now,
        (tx) =>
          insertRewardRuleVersion(tx, {
            jurisdictionId: input.jurisdictionId,
            rules: rules,
            effectiveFrom: effectiveInstant(rules.effectiveFrom),
            publishedAt: now,
            createdByUserId: ctx.actor.userId,
          }),
        (row) => ({
          entity: 'reward_rules',
          entityId: row.id,
          action: 'publish',
          from: null,
          to: 'published',
          data: { ...(input.jurisdictionId ? { jurisdictionId: input.jurisdictionId } : {}), version: row.version, rulesVersion: rules.version, effectiveFrom: rules.effectiveFrom },
        }),
        cataloguedError('REWARD_RULES.STALE'),
      );
    }),
});
