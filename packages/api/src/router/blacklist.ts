import { z } from 'zod';
import { BLACKLIST_EVENT_KINDS, ENFORCEMENT_STATUSES } from '@firebreak/domain';
import { findBasisArticles, listEnforcementActions } from '@firebreak/db';
import { blacklistStandingOf, proposeBlacklistEntry, proposeBlacklistExit } from '../application/blacklist/propose-blacklist';
import { capabilityProcedure, router } from '../trpc';
import { pageInput, text, wire } from './staff/wire';

const instant = z.iso.datetime({ offset: true });

export const blacklistStandingInput = z.object({ venueId: z.uuid() });
export const proposeBlacklistEntryInput = z.object({
  venueId: z.uuid(),
  facts: text(8000),
  basis: z.object({ article: z.number().int().min(1).max(200), paragraph: z.number().int().min(1).max(20).optional(), item: z.number().int().min(1).max(30).optional() }).optional(),
  events: z.array(z.object({ kind: z.enum(BLACKLIST_EVENT_KINDS), at: instant, refId: text(100) })).max(50).default([]),
});
export const blacklistMeasuresInput = z.object({
  kind: z.array(z.enum(['blacklist_entry', 'blacklist_exit', 'interview'])).min(1).max(3),
  status: z.array(z.enum(ENFORCEMENT_STATUSES)).max(ENFORCEMENT_STATUSES.length).optional(),
  ...pageInput,
});
export const proposeBlacklistExitInput = z.object({ venueId: z.uuid(), facts: text(8000), appliedAt: instant.nullable() });

/**
 * 消防安全失信黑名单: proposals whose grounds the server reads from the record (application/blacklist);
 * deciding, serving and closing them are the enforcement router's (enforcement.decide …).
 */
export const blacklist = router({
  /** Blacklist measures and interviews of the caller's subtree, each with the Fire Law article it cites. */
  measures: capabilityProcedure('dashboard.read')
    .input(blacklistMeasuresInput)
    .query(async ({ ctx, input }) => {
      const page = await listEnforcementActions(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        limit: input.limit,
        offset: input.offset,
        kinds: input.kind,
        ...(input.status ? { statuses: input.status } : {}),
      });
      const articles = await findBasisArticles(ctx.db, page.items.map((i) => i.id));
      return { total: page.total, items: page.items.map((i) => ({ ...wire(i), basisArticle: articles.get(i.id) ?? null })) };
    }),

  standing: capabilityProcedure('dashboard.read')
    .input(blacklistStandingInput)
    .query(({ ctx, input }) => blacklistStandingOf(ctx, ctx.actor, input.venueId)),

  proposeEntry: capabilityProcedure('enforcement.propose')
    .input(proposeBlacklistEntryInput)
    .mutation(({ ctx, input }) => proposeBlacklistEntry(ctx, ctx.actor, input)),

  proposeExit: capabilityProcedure('enforcement.propose')
    .input(proposeBlacklistExitInput)
    .mutation(({ ctx, input }) => proposeBlacklistExit(ctx, ctx.actor, input)),
});
