import { z } from 'zod';
import {
  CADENCE_REPORT_KINDS,
  campaignProgress,
  createCampaignTask,
  rollUpCampaignTasks,
  stamp,
  type CadenceReportDraft,
  type TaskRollup,
  transitionCampaignTask,
  type CampaignTaskCommand,
  type CampaignTaskState,
} from '@firebreak/domain';
import {
  departmentNames,
  getCampaignReportRow,
  getCampaignRow,
  getDepartmentRow,
  listCampaignReports,
  listDepartmentRows,
  insertCampaignRecord,
  listCampaignHazards,
  listCampaignMeasures,
  listCampaignTaskRows,
  listCampaigns,
  loadLifecycle,
  nextCampaignTaskOrdinal,
  runAudited,
  type CampaignTaskRow,
} from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { requireAccess, kernelDeps, type StaffContext } from '../application/access';
import { draftCampaignReport, issueCampaignReport } from '../application/campaigns/cadence-reports';
import { capabilityProcedure, router } from '../trpc';

const ymd = z.iso.date();

const createCampaignInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    jurisdictionId: z.uuid(),
    leadDepartmentId: z.uuid().optional(),
    startsOn: ymd,
    endsOn: ymd.optional(),
    /** Cadence and reporting settings (weekly analysis, monthly bulletin ...). */
    plan: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((c) => c.endsOn === undefined || c.endsOn >= c.startsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
const addTaskInput = z.object({ campaignId: z.uuid(), parentId: z.uuid().optional(), title: z.string().max(500) });
const assignInput = z.object({
  taskId: z.uuid(),
  leadDepartmentId: z.uuid(),
  supportingDepartmentIds: z.array(z.uuid()).max(30).optional(),
  deadline: z.iso.datetime({ offset: true }),
});
const taskIdInput = z.object({ taskId: z.uuid() });
const progressInput = z.object({
  taskId: z.uuid(),
  figures: z.record(z.string().max(60), z.number()),
  summary: z.string().max(5000),
});
const sendBackInput = z.object({ taskId: z.uuid(), reason: z.string().max(2000) });
const listInput = z.object({
  status: z.enum(['planned', 'active', 'closed']).optional(),
  limit: z.int().min(1).max(200).default(50),
  offset: z.int().min(0).default(0),
});
const campaignIdInput = z.object({ campaignId: z.uuid() });
const reportKind = z.enum(CADENCE_REPORT_KINDS);
const draftReportInput = z.object({ campaignId: z.uuid(), kind: reportKind, on: ymd.optional() });
const issueReportInput = z.object({
  campaignId: z.uuid(),
  kind: reportKind,
  /** Any day of the period (the draft's period.from). */
  on: ymd,
  title: z.string().max(200),
  sections: z.array(z.object({ key: z.string().max(40), text: z.string().max(20_000) })).max(20),
});
const reportIdInput = z.object({ reportId: z.uuid() });

type Saved = { id: string; version: number; state: CampaignTaskState };
const taskView = (s: Saved) => ({ id: s.id, status: s.state.status, version: s.version, state: s.state });

function taskCommand(ctx: StaffContext, taskId: string, command: CampaignTaskCommand) {
  return runTransition<CampaignTaskState, 'campaign_task'>(kernelDeps(ctx), ctx.actor, 'campaign_task', taskId, (s, k) => transitionCampaignTask(s, command, k), {
    set: (next) => ({ leadDepartmentId: next.leadDepartmentId, dueAt: next.deadline ? new Date(next.deadline) : null }),
  });
}

interface TaskNode {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly status: string;
  readonly overdue: boolean;
  readonly ownerDepartmentId: string;
  readonly leadDepartmentId: string | null;
  readonly leadDepartmentName: string | null;
  readonly deadline: string | null;
  readonly version: number;
  /** Progress rolled up from the sub-sub-items below (the kernel's rollUpCampaignTasks). */
  readonly rollup: TaskRollup;
  readonly latestReport: { readonly summary: string; readonly figures: Readonly<Record<string, number>>; readonly at: string; readonly by: string } | null;
  readonly sentBackReason: string | null;
  readonly children: TaskNode[];
}

/** The task list as the outline tree (7 items → 22 sub-items → 91 sub-sub-items), siblings by ordinal. */
function taskTree(rows: readonly CampaignTaskRow[], now: Date, names: ReadonlyMap<string, string>): TaskNode[] {
  const states = rows.map((r) => r.state as unknown as CampaignTaskState);
  const rollup = rollUpCampaignTasks(states, now);
  const nodes = new Map<string, TaskNode>();
  for (const r of rows) {
    const s = r.state as unknown as CampaignTaskState;
    const last = s.reports.at(-1);
    const roll = rollup.get(r.id)!;
    nodes.set(r.id, {
      id: r.id,
      code: s.code,
      title: s.title,
      status: r.status,
      overdue: roll.overdue,
      ownerDepartmentId: s.ownerDepartmentId,
      leadDepartmentId: s.leadDepartmentId,
      leadDepartmentName: s.leadDepartmentId ? (names.get(s.leadDepartmentId) ?? null) : null,
      deadline: s.deadline,
      version: r.version,
      rollup: roll,
      latestReport: last ? { summary: last.summary, figures: last.figures, at: last.by.at, by: last.by.name } : null,
      sentBackReason: s.status === 'in_progress' && s.sentBack ? s.sentBack.reason : null,
      children: [],
    });
  }
  const roots: TaskNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export const campaigns = router({
  /** A campaign dispatched for a jurisdiction (not a lifecycle: its tasks are). */
  create: capabilityProcedure('campaign.manage')
    .input(createCampaignInput)
    .mutation(async ({ ctx, input }) => {
      await requireAccess(ctx, 'campaign.manage', { jurisdictionId: input.jurisdictionId });
      if (input.leadDepartmentId) await getDepartmentRow(ctx.db, input.leadDepartmentId);
      const id = ctx.services.newId();
      const now = ctx.clock();
      const { result } = await runAudited(
        ctx.db,
        (tx) =>
          insertCampaignRecord(tx, {
            id,
            name: input.name,
            jurisdictionId: input.jurisdictionId,
            leadDepartmentId: input.leadDepartmentId ?? null,
            startsOn: input.startsOn,
            endsOn: input.endsOn ?? null,
            plan: input.plan ?? {},
          }),
        (row) => ({ entity: 'campaign', entityId: row.id, action: 'create', from: null, to: row.status, by: stamp(ctx.actor, now), data: { jurisdictionId: row.jurisdictionId, name: row.name } }),
      );
      return result;
    }),

  /** Adds a task under the campaign or under a parent task; its outline number follows its siblings. */
  addTask: capabilityProcedure('campaign.manage')
    .input(addTaskInput)
    .mutation(async ({ ctx, input }) => {
      const campaign = await getCampaignRow(ctx.db, input.campaignId);
      const parent = input.parentId ? (await loadLifecycle<CampaignTaskState>(ctx.db, 'campaign_task', input.parentId)).state : null;
      const ordinal = await nextCampaignTaskOrdinal(ctx.db, campaign.id, parent?.id ?? null);
      const code = parent ? `${parent.code}.${ordinal}` : String(ordinal);
      const created = await runCreate<CampaignTaskState, 'campaign_task'>(
        kernelDeps(ctx),
        ctx.actor,
        'campaign_task',
        (k) => createCampaignTask({ campaignId: campaign.id, jurisdictionId: campaign.jurisdictionId, code, title: input.title, parent }, k),
        (s) => ({ id: s.id, jurisdictionId: s.jurisdictionId, campaignId: s.campaignId, parentId: s.parentId, ordinal, title: s.title }),
      );
      return taskView({ id: created.id, version: 1, state: created.state });
    }),

  /** Hands a task to a lead department with the plan's deadline. */
  assign: capabilityProcedure('campaign.manage')
    .input(assignInput)
    .mutation(async ({ ctx, input }) => {
      for (const d of [input.leadDepartmentId, ...(input.supportingDepartmentIds ?? [])]) await getDepartmentRow(ctx.db, d);
      return taskView(
        await taskCommand(ctx, input.taskId, {
          type: 'assign',
          leadDepartmentId: input.leadDepartmentId,
          deadline: input.deadline,
          ...(input.supportingDepartmentIds ? { supportingDepartmentIds: input.supportingDepartmentIds } : {}),
        }),
      );
    }),

  start: capabilityProcedure('campaign.progress')
    .input(taskIdInput)
    .mutation(async ({ ctx, input }) => taskView(await taskCommand(ctx, input.taskId, { type: 'start' }))),

  /** The lead department's figures and summary (a line of the progress list). */
  reportProgress: capabilityProcedure('campaign.progress')
    .input(progressInput)
    .mutation(async ({ ctx, input }) =>
      taskView(await taskCommand(ctx, input.taskId, { type: 'report_progress', figures: input.figures, summary: input.summary })),
    ),

  accept: capabilityProcedure('campaign.manage')
    .input(taskIdInput)
    .mutation(async ({ ctx, input }) => taskView(await taskCommand(ctx, input.taskId, { type: 'accept' }))),

  sendBack: capabilityProcedure('campaign.manage')
    .input(sendBackInput)
    .mutation(async ({ ctx, input }) => taskView(await taskCommand(ctx, input.taskId, { type: 'send_back', reason: input.reason }))),

  /** The kernel refuses before the deadline has passed. */
  markOverdue: capabilityProcedure('campaign.manage')
    .input(taskIdInput)
    .mutation(async ({ ctx, input }) => taskView(await taskCommand(ctx, input.taskId, { type: 'mark_overdue' }))),

  list: capabilityProcedure('dashboard.read')
    .input(listInput)
    .query(async ({ ctx, input }) =>
      listCampaigns(ctx.db, { rootId: ctx.jurisdictionRoot, limit: input.limit, offset: input.offset, ...(input.status ? { status: input.status } : {}) }),
    ),

  /** One campaign with its "four lists": tasks, progress, hazards, measures. */
  get: capabilityProcedure('dashboard.read')
    .input(campaignIdInput)
    .query(async ({ ctx, input }) => {
      const campaign = await getCampaignRow(ctx.db, input.campaignId);
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: campaign.jurisdictionId });
      const rows = await listCampaignTaskRows(ctx.db, campaign.id);
      const progress = rows
        .flatMap((r) => {
          const s = r.state as unknown as CampaignTaskState;
          return s.reports.map((p) => ({ taskId: r.id, code: s.code, title: s.title, figures: p.figures, summary: p.summary, by: p.by }));
        })
        .sort((a, b) => (a.by.at < b.by.at ? -1 : a.by.at > b.by.at ? 1 : 0));
      const hazards = await listCampaignHazards(ctx.db, campaign.id);
      const measures = await listCampaignMeasures(ctx.db, campaign.id);
      const states = rows.map((r) => r.state as unknown as CampaignTaskState);
      const names = await departmentNames(ctx.db, [...states.flatMap((s) => (s.leadDepartmentId ? [s.leadDepartmentId] : [])), ...(campaign.leadDepartmentId ? [campaign.leadDepartmentId] : [])]);
      const now = ctx.clock();
      return {
        campaign: { ...campaign, leadDepartmentName: campaign.leadDepartmentId ? (names.get(campaign.leadDepartmentId) ?? null) : null },
        progressTotal: campaignProgress(states, now),
        tasks: taskTree(rows, now, names),
        progress: progress.map((p) => ({ ...p, leadDepartmentName: names.get(states.find((s) => s.id === p.taskId)?.leadDepartmentId ?? '') ?? null })),
        hazards,
        measures,
      };
    }),

  /** Departments in the caller's subtree a task can be handed to (the assign form's choices). */
  departments: capabilityProcedure('campaign.manage')
    .input(z.object({}).default({}))
    .query(async ({ ctx }) => (await listDepartmentRows(ctx.db, { rootId: ctx.jurisdictionRoot })).map((d) => ({ id: d.id, name: d.name, kind: d.kind }))),

  /** A cadence report drafted from the four lists for the period containing `on`; nothing is stored. */
  draftReport: capabilityProcedure('campaign.manage')
    .input(draftReportInput)
    .query(async ({ ctx, input }) => draftCampaignReport(ctx, input)),

  /** Issues the report with the officer's wording; stored once per period and never changed. */
  issueReport: capabilityProcedure('campaign.manage')
    .input(issueReportInput)
    .mutation(async ({ ctx, input }) => issueCampaignReport(ctx, input)),

  /** Issued reports of a campaign, newest first. */
  reports: capabilityProcedure('dashboard.read')
    .input(campaignIdInput)
    .query(async ({ ctx, input }) => {
      const campaign = await getCampaignRow(ctx.db, input.campaignId);
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: campaign.jurisdictionId });
      return listCampaignReports(ctx.db, campaign.id);
    }),

  /** One issued report as it was issued (the printable page and the export read it). */
  report: capabilityProcedure('dashboard.read')
    .input(reportIdInput)
    .query(async ({ ctx, input }) => {
      const row = await getCampaignReportRow(ctx.db, input.reportId);
      await requireAccess(ctx, 'dashboard.read', { jurisdictionId: row.jurisdictionId });
      const campaign = await getCampaignRow(ctx.db, row.campaignId);
      const names = await departmentNames(ctx.db, [row.departmentId]);
      return { ...row, sections: row.sections as CadenceReportDraft['sections'], figures: row.figures as unknown as CadenceReportDraft['figures'], campaignName: campaign.name, departmentName: names.get(row.departmentId) ?? null };
    }),
});
