import { router } from '../trpc';

export const inspections = router({});
