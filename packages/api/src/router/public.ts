import { intakeCatalogs } from '../services/intake-catalogs';
import { intakePreviewInput, previewIntake } from '../services/intake-preview';
import { intakeDeps } from '../services/intake-context';
import { dbProcedure, publicProcedure, router } from '../trpc';
import { publicDraws } from './public/draws';
import { exposure } from './public/exposure';
import { publicJurisdictions } from './public/jurisdictions';
import { publicReports } from './public/reports';
import { publicRewards } from './public/rewards';
import { publicVenues } from './public/venues';

/** Everything the public portal calls without a session. */
export const publicRouter = router({
  /** Venue categories, risk categories (with the urgent ones marked) and report channels, zh and en. */
  catalogs: publicProcedure.query(() => intakeCatalogs()),
  /** Before sending: the jurisdiction that will handle the report and why, whether the place is served, the duplicate hint. */
  preview: dbProcedure.input(intakePreviewInput).query(({ ctx, input }) => previewIntake(intakeDeps(ctx), input)),
  venues: publicVenues,
  reports: publicReports,
  exposure,
  draws: publicDraws,
  rewards: publicRewards,
  jurisdictions: publicJurisdictions,
});
