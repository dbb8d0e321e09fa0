import { router } from '../trpc';

export const reports = router({});
