import { z } from 'zod';
import { findVenueByPublicToken, searchVenues } from '@firebreak/db';
import { venuePage } from '../../services/venue-page';
import { dbProcedure, router } from '../../trpc';
import { DomainFailure } from '../../application/failure';

export const venueSearchInput = z.object({
  query: z.string().trim().min(1).max(50),
  limit: z.number().int().min(1).max(50).default(20),
});

export const venuePageInput = z.object({
  /** The unguessable token printed in the QR code at the venue's door. */
  publicToken: z.string().trim().min(16).max(128),
});

export const publicVenues = router({
  /** Find a venue by name or address to attach a report to it: public fields only. */
  search: dbProcedure.input(venueSearchInput).query(async ({ ctx, input }) => {
    const rows = await searchVenues(ctx.db, input);
    return rows.map((v) => ({ id: v.id, publicToken: v.publicToken, name: v.name, address: v.address, categories: v.categories }));
  }),

  /** The venue's public page (三自主两公开一承诺) through the kernel's publicVenueView. */
  page: dbProcedure.input(venuePageInput).query(async ({ ctx, input }) => {
    const venue = await findVenueByPublicToken(ctx.db, input.publicToken);
    if (!venue) throw new DomainFailure({ code: 'VENUE.NOT_FOUND', message: 'No venue has this code', messageZh: '未找到该场所' });
    return venuePage(ctx.db, venue, ctx.clock());
  }),
});
