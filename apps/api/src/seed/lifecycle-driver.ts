import type { CampaignTaskCommand, HazardCommand, HazardSource, ReportCommand } from '@firebreak/domain';
import type { SeededUser } from './seed-org';
import type { SeededVenue } from './seed-venues';

/**
 * Every lifecycle write the demo stories make, in kernel terms. Two drivers
 * implement it: through the tRPC routers as the demo users (the preferred path)
 * and, for procedures not written yet, straight through the kernel with the
 * same load/transition/compare-and-set sequence. `paths` records which one each
 * operation took, for the first-start log and the lead's report.
 */
export interface ReportSubmission {
  readonly venue: SeededVenue;
  readonly riskCategory: string;
  readonly description: string;
  /** Real-name reporter (sealed); absent for an anonymous report. */
  readonly contact?: { readonly name: string; readonly phone: string };
  readonly whistleblower?: boolean;
  /** Makes the submission replay-safe, as a browser retry would. */
  readonly idempotencyKey: string;
}

export interface HazardRegistration {
  readonly source: HazardSource;
  /** The report, inspection or referral it came from. */
  readonly sourceRef: string | null;
  readonly venue: SeededVenue;
  readonly riskCategory: string;
  /** The standard's check item id (kernel code), when found against one. */
  readonly checkItemId: string | null;
  readonly description: string;
}

export interface CampaignSpec {
  readonly name: string;
  readonly jurisdictionId: string;
  readonly leadDepartmentId: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly plan: Record<string, unknown>;
}

export interface CampaignTaskSpec {
  readonly campaignId: string;
  readonly jurisdictionId: string;
  readonly code: string;
  readonly title: string;
  readonly parent: { readonly id: string; readonly code: string } | null;
  readonly ordinal: number;
}

export type DriverOperation =
  | 'report.submit'
  | `report.${ReportCommand['type']}`
  | 'hazard.register'
  | `hazard.${HazardCommand['type']}`
  | 'campaign.create'
  | 'campaign.activate'
  | 'campaign_task.create'
  | `campaign_task.${CampaignTaskCommand['type']}`;

export interface LifecycleDriver {
  submitReport(input: ReportSubmission): Promise<{ id: string; receipt: string }>;
  report(by: SeededUser, id: string, command: ReportCommand): Promise<void>;
  registerHazard(by: SeededUser, input: HazardRegistration): Promise<string>;
  hazard(by: SeededUser, id: string, command: HazardCommand): Promise<void>;
  createCampaign(by: SeededUser, input: CampaignSpec): Promise<string>;
  /** planned → active (no router procedure exists for it: an audited direct update). */
  activateCampaign(by: SeededUser, id: string): Promise<void>;
  createCampaignTask(by: SeededUser, input: CampaignTaskSpec): Promise<string>;
  campaignTask(by: SeededUser, id: string, command: CampaignTaskCommand): Promise<void>;
  /**
   * Any other procedure, by path, as `by` (null: no session). For the lifecycles
   * the demo adds on top of its required stories (inspections, rewards ...): it
   * answers null when the procedure does not exist, and the story is left out.
   */
  call(op: string, by: SeededUser | null, path: string, input: Record<string, unknown>): Promise<unknown>;
  /** Which path each operation took (router, kernel, or skipped for want of a procedure), counted. */
  readonly paths: Map<string, { router: number; kernel: number; skipped?: number }>;
}

export function countPath(paths: LifecycleDriver['paths'], op: DriverOperation | (string & {}), via: 'router' | 'kernel' | 'skipped'): void {
  const entry = paths.get(op) ?? { router: 0, kernel: 0 };
  if (via === 'skipped') {
    entry.skipped = (entry.skipped ?? 0) + 1;
    paths.set(op, entry);
    return;
  }
  entry[via] += 1;
  paths.set(op, entry);
}
