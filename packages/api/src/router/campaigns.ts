import { router } from '../trpc';

export const campaigns = router({});
