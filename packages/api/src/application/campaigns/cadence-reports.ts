import {
  buildCadenceReport,
  cadenceIssueNumber,
  cadencePeriod,
  cataloguedError,
  chinaDate,
  issueCadenceReport,
  stamp,
  type CadenceInput,
  type CadenceReportDraft,
  type CadenceReportKind,
  type CampaignTaskState,
} from '@firebreak/domain';
import {
  departmentNames,
  getCampaignRow,
  insertCampaignReport,
  listCampaignHazardDates,
  listCampaignMeasureDates,
  listCampaignTaskRows,
  nextCampaignReportSequence,
  runAudited,
  type CampaignRow,
  type CampaignReportRow,
} from '@firebreak/db';
import { actorDepartment, requireAccess, uniqueAsConflict, type StaffContext } from '../access';
import { unwrap } from '../failure';

/** What the cadence report of a campaign is built from: its four lists, read now. */
async function cadenceInput(ctx: StaffContext, campaign: CampaignRow, kind: CadenceReportKind, on: string): Promise<CadenceInput> {
  const period = unwrap(cadencePeriod(kind, on));
  const rows = await listCampaignTaskRows(ctx.db, campaign.id);
  const states = rows.map((r) => r.state as unknown as CampaignTaskState);
  const names = await departmentNames(ctx.db, states.flatMap((s) => (s.leadDepartmentId ? [s.leadDepartmentId] : [])));
  const hazards = await listCampaignHazardDates(ctx.db, campaign.id);
  const measures = await listCampaignMeasureDates(ctx.db, campaign.id);
  return {
    kind,
    period,
    now: ctx.clock(),
    campaign: { name: campaign.name },
    tasks: states.map((s) => ({
      id: s.id,
      parentId: s.parentId,
      code: s.code,
      title: s.title,
      status: s.status,
      deadline: s.deadline,
      leadDepartmentName: s.leadDepartmentId ? (names.get(s.leadDepartmentId) ?? null) : null,
      reports: s.reports.map((p) => ({ figures: p.figures, summary: p.summary, at: p.by.at })),
    })),
    hazards: hazards.map((h) => ({ status: h.status, createdAt: h.createdAt.toISOString(), closedAt: h.closedAt?.toISOString() ?? null })),
    measures: measures.map((m) => ({ kind: m.kind, amountFen: m.amountFen, createdAt: m.createdAt.toISOString(), decidedAt: m.decidedAt?.toISOString() ?? null })),
  };
}

async function managedCampaign(ctx: StaffContext, campaignId: string): Promise<CampaignRow> {
  const campaign = await getCampaignRow(ctx.db, campaignId);
  await requireAccess(ctx, 'campaign.manage', { jurisdictionId: campaign.jurisdictionId });
  return campaign;
}

/** The draft of a cadence report for the period containing `on` (default: today, China time). */
export async function draftCampaignReport(ctx: StaffContext, input: { campaignId: string; kind: CadenceReportKind; on?: string | undefined }): Promise<CadenceReportDraft> {
  const campaign = await managedCampaign(ctx, input.campaignId);
  return buildCadenceReport(await cadenceInput(ctx, campaign, input.kind, input.on ?? chinaDate(ctx.clock())));
}

/**
 * Issues the report: rebuilt from the data as it stands now (the figures are the system's, not
 * the draft the browser held), with the officer's title and texts; stored once per campaign,
 * kind and period, numbered 第N期, audited. The row is append-only.
 */
export async function issueCampaignReport(
  ctx: StaffContext,
  input: { campaignId: string; kind: CadenceReportKind; on: string; title: string; sections: readonly { key: string; text: string }[] },
): Promise<CampaignReportRow> {
  const campaign = await managedCampaign(ctx, input.campaignId);
  const departmentId = actorDepartment(ctx.actor);
  const draft = buildCadenceReport(await cadenceInput(ctx, campaign, input.kind, input.on));
  const now = ctx.clock();
  const issued = unwrap(issueCadenceReport(draft, { title: input.title, sections: input.sections }, now));
  const conflict = cataloguedError('CAMPAIGN_REPORT.ALREADY_ISSUED', { kind: input.kind, periodFrom: issued.period.from });
  const { result } = await uniqueAsConflict(
    () =>
      runAudited(
        ctx.db,
        async (tx) => {
          const sequence = await nextCampaignReportSequence(tx, campaign.id, input.kind);
          return insertCampaignReport(tx, {
            campaignId: campaign.id,
            jurisdictionId: campaign.jurisdictionId,
            kind: input.kind,
            periodFrom: issued.period.from,
            periodTo: issued.period.to,
            sequence,
            issueNumber: cadenceIssueNumber(input.kind, Number(issued.period.from.slice(0, 4)), sequence),
            title: issued.title,
            sections: [...issued.sections],
            figures: { ...issued.figures },
            issuedById: ctx.actor.userId,
            issuedByName: ctx.actor.name,
            issuedByRole: ctx.actor.role,
            departmentId,
            issuedAt: now,
          });
        },
        (row) => ({
          entity: 'campaign_report',
          entityId: row.id,
          action: 'issue',
          from: null,
          to: 'issued',
          by: stamp(ctx.actor, now),
          data: { campaignId: campaign.id, kind: row.kind, periodFrom: row.periodFrom, periodTo: row.periodTo, issueNumber: row.issueNumber },
        }),
      ),
    conflict,
  );
  return result;
}
