import type { Lifecycle } from './machine';
import { campaignTaskLifecycle } from './campaign-task';
import { disclosureLifecycle } from './disclosure';
import { enforcementActionLifecycle } from './enforcement-action';
import { hazardLifecycle } from './hazard';
import { inspectionLifecycle } from './inspection';
import { listingLifecycle } from './listing';
import { referralLifecycle } from './referral';
import { reportLifecycle } from './report';
import { rewardClaimLifecycle } from './reward-claim';
import { rewardLifecycle } from './reward';

export * from './machine';
export * from './report';
export * from './report-files';
export * from './report-assignee';
export * from './hazard';
export * from './inspection';
export * from './enforcement-action';
export * from './referral';
export * from './listing';
export * from './reward';
export * from './reward-claim';
export * from './disclosure';
export * from './campaign-task';

/** Every lifecycle table, in the order a report travels: the docs index and the registry tests walk this list. */
export const LIFECYCLES: readonly Lifecycle<string, string>[] = [
  reportLifecycle,
  hazardLifecycle,
  inspectionLifecycle,
  enforcementActionLifecycle,
  referralLifecycle,
  listingLifecycle,
  rewardLifecycle,
  rewardClaimLifecycle,
  disclosureLifecycle,
  campaignTaskLifecycle,
];
