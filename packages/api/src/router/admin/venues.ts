import { z } from 'zod';
import { VENUE_IMPORT_MAX_ROWS, VENUE_SHEET_COLUMNS } from '@firebreak/domain';
import { countVenueLibrary, exportVenueLibraryPage, importVenues } from '../../application/admin/import-venues';
import { capabilityProcedure, router } from '../../trpc';

const cell = z.string().max(1000);
const cells = z.object(Object.fromEntries(VENUE_SHEET_COLUMNS.map((c) => [c.key, cell.optional()])) as Record<(typeof VENUE_SHEET_COLUMNS)[number]['key'], z.ZodOptional<typeof cell>>);
const importInput = z.object({
  fileName: z.string().max(255).nullable().default(null),
  // One more than the kernel allows, so an oversized file is told so by the kernel's report.
  rows: z.array(z.object({ rowNumber: z.int().min(1), cells })).max(VENUE_IMPORT_MAX_ROWS + 1),
});
const exportInput = z.object({ afterId: z.uuid().nullable().default(null), limit: z.int().min(1).max(2000).default(500) });

/** The unit library (单位库): import all-or-nothing, export in the same layout (apps/api serves the XLSX). */
export const venuesAdmin = router({
  summary: capabilityProcedure('admin.catalog')
    .input(z.object({}).default({}))
    .query(({ ctx }) => countVenueLibrary(ctx)),

  /** Rows as read from the workbook; refused with VENUE_IMPORT.INVALID and every issue when any row is bad. */
  import: capabilityProcedure('admin.catalog')
    .input(importInput)
    .mutation(({ ctx, input }) => importVenues(ctx, input)),

  exportPage: capabilityProcedure('admin.catalog')
    .input(exportInput)
    .query(({ ctx, input }) => exportVenueLibraryPage(ctx, input)),
});
