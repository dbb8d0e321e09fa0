import { router } from '../trpc';

export const unit = router({});
