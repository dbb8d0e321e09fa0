import { router } from '../trpc';

export const admin = router({});
