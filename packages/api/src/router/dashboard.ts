import { router } from '../trpc';

export const dashboard = router({});
