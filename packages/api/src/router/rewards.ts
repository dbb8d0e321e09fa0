import { router } from '../trpc';

export const rewards = router({});
