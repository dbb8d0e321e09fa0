import { router } from '../trpc';

export const enforcement = router({});
