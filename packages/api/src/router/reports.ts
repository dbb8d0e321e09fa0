import { z } from 'zod';
import {
  DEFAULT_DUPLICATE_CONFIG,
  findDuplicateCandidates,
  REPORT_NOTE_VISIBILITIES,
  REPORT_REJECT_REASONS,
  REPORT_STATUSES,
  RISK_CATEGORY_CODES,
  stamp,
  type Effect,
  type ReportCommand,
  type ReportState,
} from '@firebreak/domain';
import {
  applyEffects,
  findExistingHazardIds,
  insertHandlerMessage,
  listScopedReportsForDuplicateCheck,
  listStaffReportMessages,
  listStaffReports,
  loadLifecycle,
  REPORT_CHANNELS as REPORT_CHANNEL_COLUMNS,
  reportDeadline,
} from '@firebreak/db';
import { inTransaction, requireAccess, requireAll, type StaffContext } from '../application/access';
import { assignReport, startVerification } from '../application/reports/assign-report';
import { notesOf, reportCommand, type ReportCommandOptions } from '../application/reports/report-command';
import { capabilityProcedure, router } from '../trpc';
import { duplicateCheckOf, staffReportView } from './staff/report-view';
import { pageInput, text, versionInput, wire } from './staff/wire';

// Optional notes every report command may carry (the kernel keeps them on the state):
// a public note reaches the reporter through the receipt, an internal one never does.
const notes = {
  publicNote: text(2000).optional(),
  internalNote: text(2000).optional(),
};
const subject = { id: z.uuid(), version: versionInput };

export const listReportsInput = z.object({
  status: z.array(z.enum(REPORT_STATUSES)).max(REPORT_STATUSES.length).optional(),
  channel: z.array(z.enum(REPORT_CHANNEL_COLUMNS)).max(REPORT_CHANNEL_COLUMNS.length).optional(),
  riskCategory: z.enum(RISK_CATEGORY_CODES).optional(),
  overdueOnly: z.boolean().optional(),
  ...pageInput,
});
export const getReportInput = z.object({ id: z.uuid() });
export const acceptReportInput = z.object({ ...subject, ...notes });
export const rejectReportInput = z.object({
  ...subject,
  reason: z.enum(REPORT_REJECT_REASONS),
  explanation: text(2000),
  duplicateOf: z.uuid().optional(),
  ...notes,
});
export const assignReportInput = z.object({ ...subject, assigneeUserId: z.uuid(), ...notes });
export const startVerificationInput = z.object({ ...subject, ...notes });
export const substantiateReportInput = z.object({ ...subject, hazardIds: z.array(z.uuid()).max(50), ...notes });
export const findUnfoundedInput = z.object({ ...subject, reason: text(2000), ...notes });
export const replyReportInput = z.object({ ...subject, text: text(4000), ...notes });
export const addReportNoteInput = z.object({ ...subject, note: text(2000), visibility: z.enum(REPORT_NOTE_VISIBILITIES) });
export const sendMessageInput = z.object({ id: z.uuid(), body: z.string().trim().min(1).max(4000) });

/** One report command as the caller, through the one lifecycle path (application/reports). */
const command = (ctx: StaffContext, id: string, version: number | undefined, cmd: ReportCommand, options?: ReportCommandOptions) =>
  reportCommand(ctx, ctx.actor, id, version, cmd, options);

export const reports = router({
  /** The triage queue of the caller's subtree, with the nearest time limit and whether it has passed. */
  list: capabilityProcedure('report.read')
    .input(listReportsInput)
    .query(async ({ ctx, input }) => {
      const page = await listStaffReports(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        now: ctx.clock(),
        limit: input.limit,
        offset: input.offset,
        ...(input.status ? { statuses: input.status } : {}),
        ...(input.channel ? { channels: input.channel } : {}),
        ...(input.riskCategory ? { riskCategory: input.riskCategory } : {}),
        ...(input.overdueOnly ? { overdueOnly: true } : {}),
      });
      return { total: page.total, items: page.items.map(wire) };
    }),

  /** One report for handling: no identity, its time limit, the message thread and possible duplicates. */
  get: capabilityProcedure('report.read')
    .input(getReportInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<ReportState>(ctx.db, 'report', input.id);
      await requireAccess(ctx, 'report.read', { jurisdictionId: row.jurisdictionId });
      const now = ctx.clock();
      const deadline = await reportDeadline(ctx.db, row.id, now);
      const received = Date.parse(row.state.receivedAt);
      const windowMs = DEFAULT_DUPLICATE_CONFIG.windowHours * 3_600_000;
      const pool = await listScopedReportsForDuplicateCheck(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        excludeId: row.id,
        riskCategory: row.state.riskCategory,
        from: new Date(received - windowMs),
        to: new Date(received + windowMs),
        limit: 500,
      });
      const states = new Map(pool.map((p) => [p.id, p.state as unknown as ReportState]));
      const candidates = findDuplicateCandidates(
        duplicateCheckOf(row.state),
        [...states.values()].map(duplicateCheckOf),
      ).map((c) => ({ ...c, status: states.get(c.reportId)?.status ?? null }));
      const messages = await listStaffReportMessages(ctx.db, row.id);
      return {
        id: row.id,
        version: row.version,
        report: staffReportView(row.state),
        deadline: wire(deadline),
        duplicateCandidates: candidates,
        messages: messages.map(wire),
      };
    }),

  /** 受理. */
  accept: capabilityProcedure('report.triage')
    .input(acceptReportInput)
    .mutation(({ ctx, input }) => command(ctx, input.id, input.version, { type: 'accept', ...notesOf(input) })),

  /** 不予受理; a duplicate links the original, which must exist in the caller's scope. */
  reject: capabilityProcedure('report.triage')
    .input(rejectReportInput)
    .mutation(async ({ ctx, input }) => {
      if (input.duplicateOf !== undefined) {
        const original = await loadLifecycle<ReportState>(ctx.db, 'report', input.duplicateOf);
        await requireAccess(ctx, 'report.read', { jurisdictionId: original.jurisdictionId });
      }
      return command(
        ctx,
        input.id,
        input.version,
        { type: 'reject', reason: input.reason, explanation: input.explanation, duplicateOf: input.duplicateOf ?? null, ...notesOf(input) },
        { set: (next) => ({ duplicateOfId: next.duplicateOf }) },
      );
    }),

  /** 指派核查 to an inspector or police officer who can verify in the report's jurisdiction. */
  assign: capabilityProcedure('report.assign')
    .input(assignReportInput)
    .mutation(({ ctx, input }) => assignReport(ctx, ctx.actor, input)),

  /**
   * 开始核查: the verifier takes the report on themselves. The kernel has no separate
   * command; this is its `assign` with the caller as assignee.
   */
  startVerification: capabilityProcedure('report.verify')
    .input(startVerificationInput)
    .mutation(({ ctx, input }) => startVerification(ctx, ctx.actor, input)),

  /** 核查属实, linking the hazards the verification created or found (they must exist). */
  substantiate: capabilityProcedure('report.verify')
    .input(substantiateReportInput)
    .mutation(async ({ ctx, input }) => {
      requireAll('HAZARD', { en: 'Linked hazards', zh: '关联的隐患' }, input.hazardIds, await findExistingHazardIds(ctx.db, input.hazardIds));
      return command(ctx, input.id, input.version, { type: 'substantiate', hazardIds: input.hazardIds, ...notesOf(input) });
    }),

  /** 核查不属实. */
  findUnfounded: capabilityProcedure('report.verify')
    .input(findUnfoundedInput)
    .mutation(({ ctx, input }) => command(ctx, input.id, input.version, { type: 'mark_unfounded', reason: input.reason, ...notesOf(input) })),

  /** 答复举报人: the text the reporter reads through the receipt. */
  reply: capabilityProcedure('report.reply')
    .input(replyReportInput)
    .mutation(({ ctx, input }) => command(ctx, input.id, input.version, { type: 'reply', text: input.text, ...notesOf(input) })),

  /** A note on an open report: internal ones stay with staff, public ones reach the reporter through the receipt. */
  addNote: capabilityProcedure('report.triage')
    .input(addReportNoteInput)
    .mutation(({ ctx, input }) => command(ctx, input.id, input.version, { type: 'add_note', note: input.note, visibility: input.visibility })),

  /**
   * A message to the reporter through the receipt channel. Not a lifecycle step, so
   * it is authorised here and audited like one, and the reporter is notified.
   */
  sendMessage: capabilityProcedure('report.reply')
    .input(sendMessageInput)
    .mutation(async ({ ctx, input }) => {
      const row = await loadLifecycle<ReportState>(ctx.db, 'report', input.id);
      await requireAccess(ctx, 'report.reply', { jurisdictionId: row.jurisdictionId });
      const now = ctx.clock();
      return inTransaction(ctx, async (tx) => {
        const message = await insertHandlerMessage(tx.db, { reportId: row.id, body: input.body, authorUserId: ctx.actor.userId, now });
        const effects: Effect[] = [
          { type: 'audit', entity: 'report', entityId: row.id, action: 'message', from: row.state.status, to: row.state.status, by: stamp(ctx.actor, now), data: { messageId: message.id } },
          { type: 'notify', to: { kind: 'reporter' }, template: 'report.message', entity: 'report', entityId: row.id },
        ];
        await applyEffects(tx.db, effects, { now });
        return { id: message.id, createdAt: message.createdAt.toISOString() };
      });
    }),
});
