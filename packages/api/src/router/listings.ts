import { router } from '../trpc';

export const listings = router({});
