import { router } from '../trpc';

export const major = router({});
