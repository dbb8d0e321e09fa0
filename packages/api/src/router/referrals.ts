import { z } from 'zod';
import { openReferral } from '../application/referrals/open-referral';
import {
  capabilityDefinition,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  transitionReferral,
  type HazardState,
  type ReferralCommand,
  type ReferralState,
  type ReferralSubject,
} from '@firebreak/domain';
import { findDepartmentRef, findVenueRef, listReferrals, loadLifecycle, type referrals as referralsTable } from '@firebreak/db';
import { runTransition } from '../kernel/run-transition';
import { capabilityProcedure, router } from '../trpc';
import { actorDepartment, notFound, referenceOf, requireAccess, type StaffContext } from '../application/access';
import { instantOrNull } from './staff/columns';
import { pageInput, text, versionInput, wire } from './staff/wire';
import { DomainFailure } from '../application/failure';

const subject = { id: z.uuid(), version: versionInput };

export const listReferralsInput = z.object({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: z.array(z.enum(REFERRAL_STATUSES)).max(REFERRAL_STATUSES.length).optional(),
  ...pageInput,
});
export const getReferralInput = z.object({ id: z.uuid() });
export const sendReferralInput = z.object({
  kind: z.enum(REFERRAL_KINDS),
  toDepartmentId: z.uuid(),
  /** The hazard referred (its venue and jurisdiction come with it). */
  hazardId: z.uuid().optional(),
  venueId: z.uuid().optional(),
  summary: text(4000),
  legalBasis: text(500).optional(),
  /** Police transfers: when the unapproved venue was found. */
  foundAt: z.iso.datetime({ offset: true }).optional(),
});
export const acknowledgeReferralInput = z.object({ ...subject });
export const handleReferralInput = z.object({ ...subject, outcome: text(4000), measures: z.array(z.string().max(500)).max(50).optional() });
export const replyReferralInput = z.object({ ...subject, text: text(4000) });
export const returnReferralInput = z.object({ ...subject, reason: text(2000), suggestedDepartmentId: z.uuid().optional() });

type ReferralColumns = Partial<Pick<typeof referralsTable.$inferInsert, 'dueAt'>>;

/** The one time limit running: acknowledgement while sent, the reply once acknowledged. */
function referralColumns(next: ReferralState): ReferralColumns {
  if (next.status === 'sent') return { dueAt: instantOrNull(next.ackDue) };
  if (next.status === 'acknowledged' || next.status === 'handled') return { dueAt: instantOrNull(next.replyDue) };
  return { dueAt: null };
}

/** The receiving department's steps; the kernel binds them to that department (REFERRAL.WRONG_DEPARTMENT). */
async function referralCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: ReferralCommand) {
  const ref = await referenceOf(ctx);
  const saved = await runTransition<ReferralState, 'referral'>(ctx, ctx.actor, 'referral', id, (state, k) => transitionReferral(state, cmd, k, ref.timeLimits), {
    ...(version === undefined ? {} : { expectedVersion: version }),
    set: referralColumns,
  });
  return { id: saved.id, version: saved.version, referral: saved.state };
}

/** Referrals are department-bound (capability `referral.handle`): only the two departments on one see it. */
const departmentBound = capabilityDefinition('referral.handle')?.departmentBound ?? true;

export const referrals = router({
  /** Referrals to or from the caller's department (an industry officer sees only their own department's). */
  list: capabilityProcedure('referral.handle')
    .input(listReferralsInput)
    .query(async ({ ctx, input }) => {
      const page = await listReferrals(ctx.db, {
        departmentId: actorDepartment(ctx.actor),
        jurisdictionRoot: departmentBound ? null : ctx.jurisdictionRoot,
        limit: input.limit,
        offset: input.offset,
        ...(input.direction ? { direction: input.direction } : {}),
        ...(input.status ? { statuses: input.status } : {}),
      });
      return { total: page.total, items: page.items.map(wire) };
    }),

  get: capabilityProcedure('referral.handle')
    .input(getReferralInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<ReferralState>(ctx.db, 'referral', input.id);
      const department = ctx.actor.departmentId;
      if (department !== row.state.toDepartmentId && department !== row.state.fromDepartmentId) {
        throw new DomainFailure({
          code: 'ACCESS.WRONG_DEPARTMENT',
          message: 'Only the sending and receiving departments may read this referral',
          messageZh: '仅发出部门和接收部门可以查看该抄告移送事项',
          details: { toDepartmentId: row.state.toDepartmentId },
        });
      }
      return { id: row.id, version: row.version, referral: row.state };
    }),

  /** 抄告/移送 to another department, on behalf of the caller's own. */
  send: capabilityProcedure('referral.send')
    .input(sendReferralInput)
    .mutation(async ({ ctx, input }) => {
      if (!(await findDepartmentRef(ctx.db, input.toDepartmentId))) {
        notFound('DEPARTMENT', { en: 'Receiving department', zh: '接收部门' }, input.toDepartmentId);
      }
      let jurisdictionId = ctx.jurisdictionRoot;
      let venueId = input.venueId ?? null;
      let about: ReferralSubject | null = null;
      if (input.hazardId !== undefined) {
        const hazard = await loadLifecycle<HazardState>(ctx.db, 'hazard', input.hazardId);
        await requireAccess(ctx, 'referral.send', { jurisdictionId: hazard.jurisdictionId });
        jurisdictionId = hazard.jurisdictionId;
        venueId = hazard.state.venueId ?? venueId;
        about = { entity: 'hazard', id: hazard.id };
      } else if (venueId !== null) {
        const venue = await findVenueRef(ctx.db, venueId);
        if (!venue) notFound('VENUE', { en: 'Venue', zh: '场所' }, venueId);
        jurisdictionId = venue.jurisdictionId;
        about = { entity: 'venue', id: venue.id };
      }
      const created = await openReferral(
        ctx,
        ctx.actor,
        {
          jurisdictionId,
          kind: input.kind,
          toDepartmentId: input.toDepartmentId,
          subject: about,
          venueId,
          summary: input.summary,
          legalBasis: input.legalBasis ?? null,
          ...(input.foundAt ? { foundAt: input.foundAt } : {}),
        },
        { hazardId: input.hazardId ?? null },
      );
      return { id: created.id, version: 1, referral: created.state };
    }),

  /** 签收. */
  acknowledge: capabilityProcedure('referral.handle')
    .input(acknowledgeReferralInput)
    .mutation(({ ctx, input }) => referralCommand(ctx, input.id, input.version, { type: 'acknowledge' })),

  /** 办理. */
  handle: capabilityProcedure('referral.handle')
    .input(handleReferralInput)
    .mutation(({ ctx, input }) =>
      referralCommand(ctx, input.id, input.version, { type: 'handle', outcome: input.outcome, ...(input.measures ? { measures: input.measures } : {}) }),
    ),

  /** 反馈办理结果. */
  reply: capabilityProcedure('referral.handle')
    .input(replyReferralInput)
    .mutation(({ ctx, input }) => referralCommand(ctx, input.id, input.version, { type: 'reply', text: input.text })),

  /** 退回: not this department's matter, optionally naming whose it is. */
  return: capabilityProcedure('referral.handle')
    .input(returnReferralInput)
    .mutation(({ ctx, input }) =>
      referralCommand(ctx, input.id, input.version, { type: 'return', reason: input.reason, suggestedDepartmentId: input.suggestedDepartmentId ?? null }),
    ),
});
