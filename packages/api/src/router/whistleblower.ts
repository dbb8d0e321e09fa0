import { router } from '../trpc';

export const whistleblower = router({});
