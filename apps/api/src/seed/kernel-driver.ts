import { randomInt } from 'node:crypto';
import {
  createCampaignTask,
  createHazard,
  createReport,
  stamp,
  transitionCampaignTask,
  transitionHazard,
  transitionReport,
  type CampaignTaskState,
  type HazardSource,
  type HazardState,
  type ReportState,
} from '@firebreak/domain';
import { activateCampaign, insertSeedCampaign, receiptLookupHash, type HazardSource as HazardSourceColumn } from '@firebreak/db';
import type { CheckItemIndex } from './seed-catalog';
import { runCreate, runTransition, type Services } from '@firebreak/api';
import type { Db } from '@firebreak/db';

/** What the lifecycle write path needs: the same deps a router has. */
export interface KernelDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: () => Date;
}
import { countPath, type LifecycleDriver } from './lifecycle-driver';

/** The kernel names the expert source 'expert'; the table's check constraint says 'expert_check'. */
const SOURCE_COLUMN: Readonly<Record<HazardSource, HazardSourceColumn>> = {
  report: 'report',
  inspection: 'inspection',
  self_inspection: 'self_inspection',
  grid_patrol: 'grid_patrol',
  expert: 'expert_check',
  referral: 'referral',
};

/** 16 digits from the CSPRNG, as the public intake issues them. */
function newReceipt(): string {
  let digits = '';
  for (let i = 0; i < 16; i++) digits += String(randomInt(0, 10));
  return digits;
}

function hazardColumns(next: HazardState, now: Date) {
  return {
    dueAt: next.correctionDue === null ? null : new Date(next.correctionDue),
    closedAt: next.status === 'closed' ? now : null,
  };
}

export function kernelDriver(deps: KernelDeps, checkItems: CheckItemIndex): LifecycleDriver {
  const paths: LifecycleDriver['paths'] = new Map();
  const checkItemRowId = (categories: readonly string[], code: string | null): string | null => {
    if (code === null) return null;
    for (const c of categories) {
      const id = checkItems.get(c)?.get(code);
      if (id) return id;
    }
    return null;
  };

  return {
    paths,

    async submitReport(input) {
      const receipt = newReceipt();
      const publicActor = { userId: 'public', name: '群众', role: 'public' as const, departmentId: null, jurisdictionId: null };
      const { id } = await runCreate<ReportState, 'report'>(
        deps,
        publicActor,
        'report',
        (k) => {
          const reportId = k.newId();
          return createReport(
            {
              id: reportId,
              jurisdictionId: input.venue.jurisdictionId,
              channel: input.whistleblower ? 'whistleblower' : 'web',
              riskCategory: input.riskCategory,
              venueId: input.venue.id,
              location: { lat: input.venue.lat, lng: input.venue.lng, address: input.venue.address },
              description: input.description,
              anonymous: input.contact === undefined,
              whistleblower: input.whistleblower ?? false,
              reporterRef: input.contact === undefined ? null : `report-identity:${reportId}`,
            },
            input.whistleblower ? { ...k, actor: { ...publicActor, role: 'whistleblower' } } : k,
          );
        },
        (s) => ({
          id: s.id,
          jurisdictionId: s.jurisdictionId,
          receiptHash: receiptLookupHash(receipt, deps.services.receiptPepper),
          channel: s.channel === 'hotline' ? 'hotline_12345' : s.channel,
          riskCategory: s.riskCategory,
          venueId: s.venueId,
          address: s.location.address,
          lat: s.location.lat,
          lng: s.location.lng,
          anonymous: s.anonymous,
          whistleblower: s.whistleblower,
          sealedIdentity: input.contact === undefined ? null : deps.services.sealer.seal(input.contact, `report-identity:${s.id}`),
          submittedAt: new Date(s.receivedAt),
        }),
      );
      countPath(paths, 'report.submit', 'kernel');
      return { id, receipt };
    },

    async report(by, id, command) {
      await runTransition<ReportState, 'report'>(deps, by.actor, 'report', id, (s, k) => transitionReport(s, command, k), {
        set: (next) => (command.type === 'reject' ? { duplicateOfId: next.duplicateOf } : {}),
      });
      countPath(paths, `report.${command.type}`, 'kernel');
    },

    async registerHazard(by, input) {
      const checkItemId = checkItemRowId(input.venue.categories, input.checkItemId);
      const { id } = await runCreate<HazardState, 'hazard'>(
        deps,
        by.actor,
        'hazard',
        (k) =>
          createHazard(
            {
              jurisdictionId: input.venue.jurisdictionId,
              venueId: input.venue.id,
              source: input.source,
              sourceRef: input.sourceRef,
              riskCategory: input.riskCategory,
              checkItemId: input.checkItemId,
              description: input.description,
            },
            k,
          ),
        (s) => ({
          id: s.id,
          jurisdictionId: s.jurisdictionId,
          venueId: s.venueId,
          reportId: input.source === 'report' ? input.sourceRef : null,
          checkItemId,
          riskCategory: s.riskCategory,
          // 'major' is for a hazard determined under GB 35181, which no registration is yet.
          severity: 'general',
          source: SOURCE_COLUMN[s.source],
        }),
      );
      countPath(paths, 'hazard.register', 'kernel');
      return id;
    },

    async hazard(by, id, command) {
      await runTransition<HazardState, 'hazard'>(deps, by.actor, 'hazard', id, (s, k) => transitionHazard(s, command, k), {
        set: (next) => hazardColumns(next, deps.clock()),
      });
      countPath(paths, `hazard.${command.type}`, 'kernel');
    },

    async createCampaign(_by, input) {
      const id = await insertSeedCampaign(deps.db, {
        name: input.name,
        jurisdictionId: input.jurisdictionId,
        leadDepartmentId: input.leadDepartmentId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        status: 'planned',
        plan: input.plan,
      });
      countPath(paths, 'campaign.create', 'kernel');
      return id;
    },

    async call(op) {
      // Only the router driver reaches procedures; the kernel driver has no extra stories.
      countPath(paths, op, 'skipped');
      return null;
    },

    async activateCampaign(by, id) {
      await activateCampaign(deps.db, id, stamp(by.actor, deps.clock()));
      countPath(paths, 'campaign.activate', 'kernel');
    },

    async createCampaignTask(by, input) {
      const { id } = await runCreate<CampaignTaskState, 'campaign_task'>(
        deps,
        by.actor,
        'campaign_task',
        (k) =>
          createCampaignTask(
            {
              campaignId: input.campaignId,
              jurisdictionId: input.jurisdictionId,
              code: input.code,
              title: input.title,
              parent: input.parent ? { id: input.parent.id, code: input.parent.code, campaignId: input.campaignId } : null,
            },
            k,
          ),
        (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, campaignId: s.campaignId, parentId: s.parentId, ordinal: input.ordinal, title: s.title }),
      );
      countPath(paths, 'campaign_task.create', 'kernel');
      return id;
    },

    async campaignTask(by, id, command) {
      await runTransition<CampaignTaskState, 'campaign_task'>(
        deps,
        by.actor,
        'campaign_task',
        id,
        (s, k) => transitionCampaignTask(s, command, k),
        { set: (next) => ({ leadDepartmentId: next.leadDepartmentId, dueAt: next.deadline === null ? null : new Date(next.deadline) }) },
      );
      countPath(paths, `campaign_task.${command.type}`, 'kernel');
    },
  };
}
