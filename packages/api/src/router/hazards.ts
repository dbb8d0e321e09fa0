import { router } from '../trpc';

export const hazards = router({});
