import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { auth } from './router/auth';
import { health } from './router/health';
import { publicRouter } from './router/public';
import { whistleblower } from './router/whistleblower';
import { unit } from './router/unit';
import { reports } from './router/reports';
import { inspections } from './router/inspections';
import { hazards } from './router/hazards';
import { enforcement } from './router/enforcement';
import { blacklist } from './router/blacklist';
import { referrals } from './router/referrals';
import { listings } from './router/listings';
import { major } from './router/major';
import { rewards } from './router/rewards';
import { disclosures } from './router/disclosures';
import { campaigns } from './router/campaigns';
import { draws } from './router/draws';
import { dashboard } from './router/dashboard';
import { mapAreas } from './router/map-areas';
import { audit } from './router/audit';
import { admin } from './router/admin';
import { notifications } from './router/notifications';
import { work } from './router/work';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  health,
  auth,
  public: publicRouter,
  whistleblower,
  unit,
  reports,
  inspections,
  hazards,
  enforcement,
  blacklist,
  referrals,
  listings,
  major,
  rewards,
  disclosures,
  campaigns,
  draws,
  dashboard,
  mapAreas,
  audit,
  admin,
  notifications,
  work,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side and test callers: `createCaller(createContextInner({ ... })).health()`. */
export const createCaller = createCallerFactory(appRouter);
