import { router } from '../trpc';

export const draws = router({});
