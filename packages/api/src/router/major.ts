import { z } from 'zod';
import { COLLECTIVE_DECISION_KINDS, DEFAULT_GB35181_VERSION, VENUE_CLASSES, type HazardState } from '@firebreak/domain';
import { findDetermination, listDeterminationsForHazard, loadLifecycle } from '@firebreak/db';
import { notFound, requireAccess } from '../application/access';
import { majorHazardContext } from '../application/major/context';
import { determineMajorHazardCase } from '../application/major/determine';
import { capabilityProcedure, router } from '../trpc';
import { text, versionInput } from './staff/wire';

export const determineInput = z.object({
  hazardId: z.uuid(),
  hazardVersion: versionInput,
  /** The GB 35181 rule-table version to determine under, e.g. '2017'. */
  ruleVersion: z.string().max(20).default(DEFAULT_GB35181_VERSION),
  venueClasses: z.array(z.enum(VENUE_CLASSES)).max(VENUE_CLASSES.length),
  elements: z.array(z.object({ code: z.string().max(20), correctableImmediately: z.boolean() })).max(100),
  exclusions: z.array(z.string().max(60)).max(20).default([]),
  /** 集体讨论 (at least 3) or 专家组 (at least 7, two thirds agreeing): the kernel checks the quorum. */
  decision: z.object({
    kind: z.enum(COLLECTIVE_DECISION_KINDS),
    participants: z.array(z.object({ userId: z.string().max(100) })).max(100),
    votesFor: z.number().int(),
  }),
  /** The expert group's reasoned departure from the counting rules (GB 35181-2017 5.3.4). */
  override: z.object({ major: z.boolean(), reason: text(4000) }).optional(),
});
export const getDeterminationInput = z.object({ id: z.uuid() });
export const hazardDeterminationsInput = z.object({ hazardId: z.uuid() });

export const major = router({
  /** 重大火灾隐患判定 (application/major/determine.ts; the rules: the kernel's decideMajorHazard). */
  determine: capabilityProcedure('major.determine')
    .input(determineInput)
    .mutation(({ ctx, input }) => determineMajorHazardCase(ctx, ctx.actor, input)),

  /** What the determination screen opens on: hazard, venue, suggested venue classes, clocks, history. */
  context: capabilityProcedure('hazard.read')
    .input(hazardDeterminationsInput)
    .query(({ ctx, input }) => majorHazardContext(ctx, ctx.actor, input)),

  get: capabilityProcedure('hazard.read')
    .input(getDeterminationInput)
    .query(async ({ ctx, input }) => {
      const row = await findDetermination(ctx.db, input.id);
      if (!row) notFound('DETERMINATION', { en: 'Determination', zh: '重大火灾隐患判定记录' }, input.id);
      await requireAccess(ctx, 'hazard.read', { jurisdictionId: row.jurisdictionId });
      return { ...row, determinedAt: row.determinedAt.toISOString(), createdAt: row.createdAt.toISOString() };
    }),

  /** Every determination made on one hazard, newest first. */
  forHazard: capabilityProcedure('hazard.read')
    .input(hazardDeterminationsInput)
    .query(async ({ ctx, input }) => {
      const hazard = await loadLifecycle<HazardState>(ctx.db, 'hazard', input.hazardId);
      await requireAccess(ctx, 'hazard.read', { jurisdictionId: hazard.jurisdictionId });
      const rows = await listDeterminationsForHazard(ctx.db, hazard.id);
      return rows.map((r) => ({ ...r, determinedAt: r.determinedAt.toISOString(), createdAt: r.createdAt.toISOString() }));
    }),
});
