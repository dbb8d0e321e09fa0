import { z } from 'zod';
import {
  applyExpertOverride,
  COLLECTIVE_DECISION_KINDS,
  determineMajorHazard,
  GB35181_2017,
  validateCollectiveDecision,
  VENUE_CLASSES,
  type HazardState,
  type RuleTable,
} from '@firebreak/domain';
import { findDetermination, insertDetermination, listDeterminationsForHazard, loadLifecycle } from '@firebreak/db';
import { capabilityProcedure, router } from '../trpc';
import { hazardCommand } from './hazards';
import { inTransaction, notFound, requireAccess } from '../application/access';
import { text, versionInput } from './staff/wire';
import { DomainFailure, unwrap } from '../application/failure';

/**
 * GB 35181 rule tables the server can determine under, by version. The 2025
 * edition is a new table added here; nothing else changes.
 */
export const GB35181_RULE_TABLES: Readonly<Record<string, RuleTable>> = { [GB35181_2017.version]: GB35181_2017 };
const DEFAULT_VERSION = GB35181_2017.version;

export const determineInput = z.object({
  hazardId: z.uuid(),
  hazardVersion: versionInput,
  /** The GB 35181 rule-table version to determine under, e.g. '2017'. */
  ruleVersion: z.string().max(20).default(DEFAULT_VERSION),
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
  /**
   * 重大火灾隐患判定: the kernel's GB 35181 counting on the chosen edition, a valid
   * collective decision, an optional expert override; stored as evidence and recorded
   * on the hazard (mark_major) in one transaction.
   */
  determine: capabilityProcedure('major.determine')
    .input(determineInput)
    .mutation(async ({ ctx, input }) => {
      const hazard = await loadLifecycle<HazardState>(ctx.db, 'hazard', input.hazardId);
      await requireAccess(ctx, 'major.determine', { jurisdictionId: hazard.jurisdictionId });
      const table = GB35181_RULE_TABLES[input.ruleVersion];
      if (!table) {
        throw new DomainFailure({
          code: 'GB35181.UNKNOWN_VERSION',
          message: `No GB 35181 rule table for version ${input.ruleVersion}`,
          messageZh: `未配置 GB 35181-${input.ruleVersion} 判定规则`,
          details: { ruleVersion: input.ruleVersion, available: Object.keys(GB35181_RULE_TABLES) },
        });
      }
      const determinationInput = { venueClasses: input.venueClasses, elements: input.elements, exclusions: input.exclusions };
      const computed = unwrap(determineMajorHazard(table, determinationInput));
      const quorum = unwrap(validateCollectiveDecision(input.decision));
      const id = ctx.services.newId();
      const result = input.override ? unwrap(applyExpertOverride(computed, { ...input.override, decisionId: id })) : computed;
      const withExperts = input.decision.kind === 'expert_group';
      const now = ctx.clock();
      return inTransaction(ctx, async (tx) => {
        await insertDetermination(tx.db, {
          id,
          hazardId: hazard.id,
          jurisdictionId: hazard.jurisdictionId,
          venueId: hazard.state.venueId,
          ruleVersion: table.version,
          major: result.major,
          computedMajor: computed.major,
          decidedByRule: result.decidedBy.rule,
          input: determinationInput,
          result: JSON.parse(JSON.stringify(result)) as Record<string, unknown>,
          decision: { ...input.decision, check: quorum },
          withExperts,
          determinedByUserId: ctx.actor.userId,
          determinedByName: ctx.actor.name,
          determinedByRole: ctx.actor.role,
          determinedByDepartmentId: ctx.actor.departmentId,
          determinedAt: now,
        });
        const marked = await hazardCommand(tx, hazard.id, input.hazardVersion, { type: 'mark_major', determinationId: id, decided: result.major, withExperts });
        return { determinationId: id, determination: result, collective: quorum, hazard: marked };
      });
    }),

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
