import type { EntityKind } from '@firebreak/domain';
import { campaignTasks } from '../schema/campaigns';
import { enforcementActions, listings, referrals } from '../schema/enforcement';
import { hazards } from '../schema/hazards';
import { inspections } from '../schema/inspections';
import { reports } from '../schema/reports';
import { claims, disclosureRequests, rewards } from '../schema/rewards';

/** The tables built on lifecycleColumns(), by the kernel's entity kind. */
export const LIFECYCLE_TABLES = {
  report: reports,
  hazard: hazards,
  inspection: inspections,
  enforcement: enforcementActions,
  referral: referrals,
  listing: listings,
  reward: rewards,
  claim: claims,
  disclosure: disclosureRequests,
  campaign_task: campaignTasks,
} as const satisfies Partial<Record<EntityKind, unknown>>;

export type LifecycleEntity = keyof typeof LIFECYCLE_TABLES;
export type LifecycleTable = (typeof LIFECYCLE_TABLES)[LifecycleEntity];
