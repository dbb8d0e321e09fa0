import { router } from '../trpc';

export const audit = router({});
