import { router } from '../trpc';

export const disclosures = router({});
