import { intakeCatalogs } from '../services/intake-catalogs';
import { publicProcedure, router } from '../trpc';
import { publicDraws } from './public/draws';
import { exposure } from './public/exposure';
import { publicReports } from './public/reports';
import { publicRewards } from './public/rewards';
import { publicVenues } from './public/venues';

/** Everything the public portal calls without a session. */
export const publicRouter = router({
  /** Venue categories, risk categories (with the urgent ones marked) and report channels, zh and en. */
  catalogs: publicProcedure.query(() => intakeCatalogs()),
  venues: publicVenues,
  reports: publicReports,
  exposure,
  draws: publicDraws,
  rewards: publicRewards,
});
