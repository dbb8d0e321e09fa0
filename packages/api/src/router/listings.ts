import { z } from 'zod';
import { createListing, LISTING_STATUSES, transitionListing, type ListingCommand, type ListingState } from '@firebreak/domain';
import { findExistingHazardIds, findVenueRef, listListings, loadLifecycle, type listings as listingsTable } from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { capabilityProcedure, router } from '../trpc';
import { actorDepartment, notFound, requireAccess, requireAll, type StaffContext } from '../application/access';
import { instantOrNull } from './staff/columns';
import { pageInput, text, versionInput, wire, ymd } from './staff/wire';

const subject = { id: z.uuid(), version: versionInput };

export const acceptanceRecordInput = z.object({
  onSiteAt: z.iso.datetime({ offset: true }),
  participants: z.array(z.string().max(100)).max(50),
  recordRef: text(200),
  note: text(2000).optional(),
});

export const allListingsInput = z.object({
  status: z.array(z.enum(LISTING_STATUSES)).max(LISTING_STATUSES.length).optional(),
  venueId: z.uuid().optional(),
  ...pageInput,
});
export const getListingInput = z.object({ id: z.uuid() });
export const proposeListingInput = z.object({ venueId: z.uuid(), hazardIds: z.array(z.uuid()).max(50), reason: text(4000) });
export const listListingInput = z.object({ ...subject, listingRef: text(200), rectificationDueDate: ymd });
export const declineListingInput = z.object({ ...subject, reason: text(2000) });
export const startRectifyingInput = z.object({ ...subject, planRef: text(500) });
export const requestAcceptanceInput = z.object({ ...subject, evidenceRefs: z.array(z.string().max(200)).max(50) });
export const reportProgressInput = z.object({ ...subject, note: text(2000), evidenceRefs: z.array(z.string().max(200)).max(50).default([]) });
export const acceptanceInput = z.object({ ...subject, acceptance: acceptanceRecordInput });
export const publishListingInput = z.object({ ...subject });
export const exposeListingInput = z.object({ ...subject, mediaRef: text(500).optional() });

type ListingColumns = Partial<Pick<typeof listingsTable.$inferInsert, 'listedAt' | 'delistedAt' | 'listedByDepartmentId'>>;

function listingColumns(next: ListingState): ListingColumns {
  return {
    listedAt: instantOrNull(next.listedBy?.at),
    delistedAt: instantOrNull(next.delistedBy?.at),
    ...(next.listedBy?.departmentId ? { listedByDepartmentId: next.listedBy.departmentId } : {}),
  };
}

async function listingCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: ListingCommand) {
  const saved = await runTransition<ListingState, 'listing'>(ctx, ctx.actor, 'listing', id, (state, k) => transitionListing(state, cmd, k), {
    ...(version === undefined ? {} : { expectedVersion: version }),
    set: listingColumns,
  });
  return { id: saved.id, version: saved.version, listing: saved.state };
}

export const listings = router({
  /** 挂牌督办 records of the caller's subtree (oversight roles, as for enforcement). */
  all: capabilityProcedure('dashboard.read')
    .input(allListingsInput)
    .query(async ({ ctx, input }) => {
      const page = await listListings(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        limit: input.limit,
        offset: input.offset,
        ...(input.status ? { statuses: input.status } : {}),
        ...(input.venueId ? { venueId: input.venueId } : {}),
      });
      return { total: page.total, items: page.items.map(wire) };
    }),

  get: capabilityProcedure('dashboard.read')
    .input(getListingInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<ListingState>(ctx.db, 'listing', input.id);
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: row.jurisdictionId });
      const venue = await findVenueRef(ctx.db, row.state.venueId);
      return { id: row.id, version: row.version, listing: row.state, venue: venue ? { id: venue.id, name: venue.name } : null };
    }),

  /** 提请挂牌督办 of a unit for its major hazards. */
  propose: capabilityProcedure('listing.propose')
    .input(proposeListingInput)
    .mutation(async ({ ctx, input }) => {
      const venue = await findVenueRef(ctx.db, input.venueId);
      if (!venue) notFound('VENUE', { en: 'Venue', zh: '挂牌督办单位' }, input.venueId);
      requireAll('HAZARD', { en: 'Listed hazards', zh: '列明的隐患' }, input.hazardIds, await findExistingHazardIds(ctx.db, input.hazardIds));
      const department = actorDepartment(ctx.actor);
      const created = await runCreate<ListingState, 'listing'>(
        ctx,
        ctx.actor,
        'listing',
        (k) => createListing({ jurisdictionId: venue.jurisdictionId, venueId: venue.id, hazardIds: input.hazardIds, reason: input.reason }, k),
        (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, venueId: s.venueId, hazardId: s.hazardIds[0] ?? null, listedByDepartmentId: department }),
      );
      return { id: created.id, version: 1, listing: created.state };
    }),

  /** 挂牌督办: the government lists the unit with a rectification deadline. */
  list: capabilityProcedure('listing.manage')
    .input(listListingInput)
    .mutation(({ ctx, input }) =>
      listingCommand(ctx, input.id, input.version, { type: 'list', listingRef: input.listingRef, rectificationDueDate: input.rectificationDueDate }),
    ),

  /** 不予挂牌. */
  decline: capabilityProcedure('listing.manage')
    .input(declineListingInput)
    .mutation(({ ctx, input }) => listingCommand(ctx, input.id, input.version, { type: 'decline', reason: input.reason })),

  /** 报送整改方案 (staff on the unit's behalf; the unit uses its own router). */
  startRectifying: capabilityProcedure('listing.propose')
    .input(startRectifyingInput)
    .mutation(({ ctx, input }) => listingCommand(ctx, input.id, input.version, { type: 'start_rectification', planRef: input.planRef })),

  /** 申请验收. */
  requestAcceptance: capabilityProcedure('listing.propose')
    .input(requestAcceptanceInput)
    .mutation(({ ctx, input }) => listingCommand(ctx, input.id, input.version, { type: 'request_acceptance', evidenceRefs: input.evidenceRefs })),

  /** 报送整改进展 while rectifying. */
  reportProgress: capabilityProcedure('listing.propose')
    .input(reportProgressInput)
    .mutation(({ ctx, input }) => listingCommand(ctx, input.id, input.version, { type: 'report_progress', note: input.note, evidenceRefs: input.evidenceRefs })),

  /** 现场验收不合格: back to rectifying, with the on-site record. */
  failAcceptance: capabilityProcedure('listing.manage')
    .input(acceptanceInput)
    .mutation(({ ctx, input }) =>
      listingCommand(ctx, input.id, input.version, {
        type: 'fail_acceptance',
        acceptance: { result: 'fail', onSiteAt: input.acceptance.onSiteAt, participants: input.acceptance.participants, recordRef: input.acceptance.recordRef, ...(input.acceptance.note ? { note: input.acceptance.note } : {}) },
      }),
    ),

  /** 摘牌销案, only on a passed on-site acceptance record. */
  delist: capabilityProcedure('listing.manage')
    .input(acceptanceInput)
    .mutation(({ ctx, input }) =>
      listingCommand(ctx, input.id, input.version, {
        type: 'delist',
        acceptance: { result: 'pass', onSiteAt: input.acceptance.onSiteAt, participants: input.acceptance.participants, recordRef: input.acceptance.recordRef, ...(input.acceptance.note ? { note: input.acceptance.note } : {}) },
      }),
    ),

  /** 公布 (四个一批). */
  publish: capabilityProcedure('listing.manage')
    .input(publishListingInput)
    .mutation(({ ctx, input }) => listingCommand(ctx, input.id, input.version, { type: 'publish' })),

  /** 曝光 (四个一批). */
  expose: capabilityProcedure('exposure.publish')
    .input(exposeListingInput)
    .mutation(({ ctx, input }) =>
      listingCommand(ctx, input.id, input.version, { type: 'expose', ...(input.mediaRef ? { mediaRef: input.mediaRef } : {}) }),
    ),
});
