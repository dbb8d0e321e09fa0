import { z } from 'zod';
import { openReferral } from '../application/referrals/open-referral';
import {
  BLACKLIST_EVENT_KINDS,
  COLLECTIVE_DECISION_KINDS,
  createEnforcementAction,
  ENFORCEMENT_ACTION_KINDS,
  ENFORCEMENT_STATUSES,
  referralInputFromAction,
  transitionEnforcementAction,
  type EnforcementActionState,
  type EnforcementCommand,
} from '@firebreak/domain';
import {
  findDepartmentRef,
  findExistingHazardIds,
  findReferralForEnforcement,
  findVenueRef,
  listEnforcementActions,
  loadLifecycle,
  type enforcementActions as enforcementTable,
} from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { capabilityProcedure, router } from '../trpc';
import { actorDepartment, inTransaction, notFound, referenceOf, requireAccess, requireAll, type StaffContext } from '../application/access';
import { enforcementKindColumn, instantOrNull } from './staff/columns';
import { pageInput, text, versionInput, wire } from './staff/wire';

const subject = { id: z.uuid(), version: versionInput };
const instant = z.iso.datetime({ offset: true });

export const collectiveDecisionInput = z.object({
  kind: z.enum(COLLECTIVE_DECISION_KINDS),
  participants: z.array(z.object({ userId: z.string().max(100) })).max(50),
  votesFor: z.number().int(),
});

export const listEnforcementInput = z.object({
  status: z.array(z.enum(ENFORCEMENT_STATUSES)).max(ENFORCEMENT_STATUSES.length).optional(),
  venueId: z.uuid().optional(),
  hazardId: z.uuid().optional(),
  kind: z.array(z.enum(ENFORCEMENT_ACTION_KINDS)).max(ENFORCEMENT_ACTION_KINDS.length).optional(),
  ...pageInput,
});
export const getEnforcementInput = z.object({ id: z.uuid() });
export const proposeEnforcementInput = z.object({
  kind: z.enum(ENFORCEMENT_ACTION_KINDS),
  target: z.enum(['unit', 'individual']),
  subjectName: text(200),
  venueId: z.uuid(),
  hazardIds: z.array(z.uuid()).max(50).optional(),
  facts: text(8000),
  basis: z
    .object({ article: z.number().int().min(1).max(200), paragraph: z.number().int().min(1).max(20).optional(), item: z.number().int().min(1).max(30).optional(), variant: z.string().max(40).optional() })
    .optional(),
  /** Whole yuan, as the statute writes the ranges. */
  amountYuan: z.number().int().min(0).max(100_000_000).optional(),
  priorOrderOverdue: z.boolean().optional(),
  recipientDepartmentId: z.uuid().optional(),
  largeImpact: z.boolean().optional(),
  sealing: z
    .object({
      emergency: z.boolean(),
      inspectedAt: instant,
      sealedAt: instant,
      plannedEnd: instant,
      hazardRemains: z.boolean(),
      extensionReason: text(2000).nullable().optional(),
    })
    .optional(),
  blacklist: z
    .object({
      events: z.array(z.object({ kind: z.enum(BLACKLIST_EVENT_KINDS), at: instant, refId: z.string().max(100) })).max(200),
      enteredAt: instant.optional(),
      openHazards: z.number().int().min(0).optional(),
      appliedAt: instant.nullable().optional(),
    })
    .optional(),
});
export const referToCollectiveInput = z.object({ ...subject });
export const decideEnforcementInput = z.object({
  ...subject,
  decisionRef: text(200),
  collectiveDecision: collectiveDecisionInput.optional(),
  amountYuan: z.number().int().min(0).max(100_000_000).optional(),
});
export const serveEnforcementInput = z.object({ ...subject, receiptRef: text(500) });
export const executeEnforcementInput = z.object({ ...subject, outcome: text(4000), evidenceRefs: z.array(z.string().max(200)).max(50).optional() });
export const closeEnforcementInput = z.object({ ...subject, note: text(2000).optional() });
export const withdrawEnforcementInput = z.object({ ...subject, reason: text(2000) });
export const rejectEnforcementInput = z.object({ ...subject, reason: text(2000) });

type EnforcementColumns = Partial<Pick<typeof enforcementTable.$inferInsert, 'amountFen' | 'legalBasis' | 'decidedAt'>>;

function enforcementColumns(next: EnforcementActionState): EnforcementColumns {
  return {
    amountFen: next.amountYuan === null ? null : next.amountYuan * 100,
    legalBasis: next.citation ?? next.referralPlan?.basis ?? null,
    decidedAt: instantOrNull(next.decidedBy?.at),
  };
}

async function enforcementCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: EnforcementCommand) {
  const ref = await referenceOf(ctx);
  const saved = await runTransition<EnforcementActionState, 'enforcement'>(
    ctx,
    ctx.actor,
    'enforcement',
    id,
    (state, k) => transitionEnforcementAction(state, cmd, k, { limits: ref.timeLimits }),
    { ...(version === undefined ? {} : { expectedVersion: version }), set: enforcementColumns },
  );
  return { id: saved.id, version: saved.version, action: saved.state };
}

export const enforcement = router({
  /** Enforcement measures in the caller's subtree (oversight: supervisors, committee, discipline). */
  list: capabilityProcedure('dashboard.read')
    .input(listEnforcementInput)
    .query(async ({ ctx, input }) => {
      const page = await listEnforcementActions(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        limit: input.limit,
        offset: input.offset,
        ...(input.status ? { statuses: input.status } : {}),
        ...(input.venueId ? { venueId: input.venueId } : {}),
        ...(input.hazardId ? { hazardId: input.hazardId } : {}),
        ...(input.kind ? { kinds: input.kind } : {}),
      });
      return { total: page.total, items: page.items.map(wire) };
    }),

  get: capabilityProcedure('dashboard.read')
    .input(getEnforcementInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<EnforcementActionState>(ctx.db, 'enforcement', input.id);
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: row.jurisdictionId });
      const referral = await findReferralForEnforcement(ctx.db, row.id);
      return { id: row.id, version: row.version, action: row.state, referral };
    }),

  /** 提出执法建议: statutory ranges, legal basis and detention-as-referral are the kernel's checks. */
  propose: capabilityProcedure('enforcement.propose')
    .input(proposeEnforcementInput)
    .mutation(async ({ ctx, input }) => {
      const venue = await findVenueRef(ctx.db, input.venueId);
      if (!venue) notFound('VENUE', { en: 'Venue', zh: '当事场所' }, input.venueId);
      if (input.recipientDepartmentId !== undefined && !(await findDepartmentRef(ctx.db, input.recipientDepartmentId))) {
        notFound('DEPARTMENT', { en: 'Receiving department', zh: '接收部门' }, input.recipientDepartmentId);
      }
      const hazardIds = input.hazardIds ?? [];
      requireAll('HAZARD', { en: 'Linked hazards', zh: '关联的隐患' }, hazardIds, await findExistingHazardIds(ctx.db, hazardIds));
      const department = actorDepartment(ctx.actor);
      const ref = await referenceOf(ctx);
      const created = await runCreate<EnforcementActionState, 'enforcement'>(
        ctx,
        ctx.actor,
        'enforcement',
        (k) =>
          createEnforcementAction(
            {
              jurisdictionId: venue.jurisdictionId,
              kind: input.kind,
              target: input.target,
              subjectName: input.subjectName,
              venueId: venue.id,
              hazardIds,
              facts: input.facts,
              ...(input.basis ? { basis: input.basis } : {}),
              ...(input.amountYuan === undefined ? {} : { amountYuan: input.amountYuan }),
              ...(input.priorOrderOverdue === undefined ? {} : { priorOrderOverdue: input.priorOrderOverdue }),
              ...(input.recipientDepartmentId === undefined ? {} : { recipientDepartmentId: input.recipientDepartmentId }),
              ...(input.largeImpact === undefined ? {} : { largeImpact: input.largeImpact }),
              ...(input.sealing ? { sealing: input.sealing } : {}),
              ...(input.blacklist ? { blacklist: input.blacklist } : {}),
            },
            k,
            { limits: ref.timeLimits },
          ),
        (s) => ({
          id: s.id,
          jurisdictionId: s.jurisdictionId,
          venueId: venue.id,
          hazardId: s.hazardIds[0] ?? null,
          kind: enforcementKindColumn(s.kind),
          departmentId: department,
          ...enforcementColumns(s),
        }),
      );
      return { id: created.id, version: 1, action: created.state };
    }),

  /** 提交负责人集体讨论. */
  referToCollective: capabilityProcedure('enforcement.decide')
    .input(referToCollectiveInput)
    .mutation(({ ctx, input }) => enforcementCommand(ctx, input.id, input.version, { type: 'refer_to_collective' })),

  /**
   * 作出决定. A measure that ends with another department (detention with the police
   * station, revocation with the licensing department, criminal cases with public
   * security) opens its referral in the same transaction.
   */
  decide: capabilityProcedure('enforcement.decide')
    .input(decideEnforcementInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, async (tx) => {
        const decided = await enforcementCommand(tx, input.id, input.version, {
          type: 'decide',
          decisionRef: input.decisionRef,
          ...(input.collectiveDecision ? { collectiveDecision: input.collectiveDecision } : {}),
          ...(input.amountYuan === undefined ? {} : { amountYuan: input.amountYuan }),
        });
        const referralInput = referralInputFromAction(decided.action);
        let referralId: string | null = null;
        if (referralInput) {
          const referral = await openReferral(tx, ctx.actor, referralInput, { hazardId: decided.action.hazardIds[0] ?? null, enforcementId: decided.id });
          referralId = referral.id;
        }
        return { ...decided, referralId };
      }),
    ),

  /** 送达. */
  serve: capabilityProcedure('enforcement.propose')
    .input(serveEnforcementInput)
    .mutation(({ ctx, input }) => enforcementCommand(ctx, input.id, input.version, { type: 'serve', receiptRef: input.receiptRef })),

  /** 执行: the kernel decides who records it (the police station for detention). */
  execute: capabilityProcedure('enforcement.propose')
    .input(executeEnforcementInput)
    .mutation(({ ctx, input }) =>
      enforcementCommand(ctx, input.id, input.version, { type: 'execute', outcome: input.outcome, ...(input.evidenceRefs ? { evidenceRefs: input.evidenceRefs } : {}) }),
    ),

  /** 结案. */
  close: capabilityProcedure('enforcement.decide')
    .input(closeEnforcementInput)
    .mutation(({ ctx, input }) => enforcementCommand(ctx, input.id, input.version, { type: 'close', ...(input.note ? { note: input.note } : {}) })),

  /** 撤回 by the proposer. */
  withdraw: capabilityProcedure('enforcement.propose')
    .input(withdrawEnforcementInput)
    .mutation(({ ctx, input }) => enforcementCommand(ctx, input.id, input.version, { type: 'withdraw', reason: input.reason })),

  /** 不予批准. */
  reject: capabilityProcedure('enforcement.decide')
    .input(rejectEnforcementInput)
    .mutation(({ ctx, input }) => enforcementCommand(ctx, input.id, input.version, { type: 'reject', reason: input.reason })),
});
