import { router } from '../trpc';

export const publicRouter = router({});
