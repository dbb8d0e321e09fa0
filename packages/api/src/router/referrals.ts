import { router } from '../trpc';

export const referrals = router({});
