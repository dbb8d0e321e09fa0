import { z } from 'zod';
import { createHazard, HAZARD_COMMAND_CAPABILITY, HAZARD_STATUSES, RISK_CATEGORY_CODES, transitionHazard, type HazardCommand, type HazardSource, type HazardState } from '@firebreak/domain';
import { findDetermination, findDocumentParties, findVenueRef, listDeterminationsForHazard, listHazardEvents, listHazardLedgerPage, listHazards, loadLifecycle, type hazards as hazardsTable } from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { venueChecklist } from '../services/venue-checklist';
import { capabilityProcedure, router } from '../trpc';
import { notFound, referenceOf, requireAccess, type StaffContext } from '../application/access';
import { hazardSourceColumn, instantOrNull } from './staff/columns';
import { pageInput, text, versionInput, wire, ymd } from './staff/wire';
import { DomainFailure } from '../application/failure';

const subject = { id: z.uuid(), version: versionInput };

/** Hazards come onto the ledger here from every source but an inspection (inspections.complete creates those). */
const REGISTERED_SOURCES = ['report', 'self_inspection', 'grid_patrol', 'expert', 'referral'] as const satisfies readonly HazardSource[];

export const listHazardsInput = z.object({
  status: z.array(z.enum(HAZARD_STATUSES)).max(HAZARD_STATUSES.length).optional(),
  venueId: z.uuid().optional(),
  riskCategory: z.enum(RISK_CATEGORY_CODES).optional(),
  severity: z.enum(['general', 'major']).optional(),
  overdueOnly: z.boolean().optional(),
  ...pageInput,
});
export const getHazardInput = z.object({ id: z.uuid() });
/** The ledger's filter with a keyset cursor: the XLSX export walks it page by page. */
export const hazardLedgerInput = listHazardsInput.omit({ limit: true, offset: true }).extend({
  limit: z.number().int().min(1).max(1000).default(500),
  after: z.object({ cursorAt: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/), id: z.uuid() }).optional(),
});
export const registerHazardInput = z
  .object({
    source: z.enum(REGISTERED_SOURCES),
    /** The report or referral it came from (required for those sources; the kernel checks). */
    sourceRef: z.uuid().optional(),
    venueId: z.uuid().optional(),
    /** Where the hazard is when no venue is named (a grid patrol on a street). */
    jurisdictionId: z.uuid().optional(),
    riskCategory: z.enum(RISK_CATEGORY_CODES),
    description: text(4000),
    photoRefs: z.array(z.string().max(200)).max(20).optional(),
    foundAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => v.venueId !== undefined || v.jurisdictionId !== undefined, { message: 'venueId or jurisdictionId is required', path: ['venueId'] });
export const confirmHazardInput = z.object({ ...subject, note: text(2000).optional() });
export const dismissHazardInput = z.object({ ...subject, reason: text(2000) });
export const orderHazardInput = z.object({
  ...subject,
  correction: z.discriminatedUnion('mode', [z.object({ mode: z.literal('immediate') }), z.object({ mode: z.literal('deadline'), dueDate: ymd })]),
  noticeRef: text(200).optional(),
});
export const serveNoticeInput = z.object({ ...subject, noticeRef: text(200) });
export const reinspectPassInput = z.object({ ...subject, signatureRef: text(500), note: text(2000).optional(), inspectionId: z.uuid().optional() });
export const reinspectFailInput = z.object({ ...subject, signatureRef: text(500), note: text(2000), newDueDate: ymd, inspectionId: z.uuid().optional() });
export const closeHazardInput = z.object({ ...subject, note: text(2000).optional() });
export const escalateHazardInput = z.object({ ...subject, note: text(2000).optional() });
export const markMajorInput = z.object({ ...subject, determinationId: z.uuid() });

type HazardColumns = Partial<Pick<typeof hazardsTable.$inferInsert, 'dueAt' | 'closedAt' | 'severity'>>;

/** Indexed columns kept in step with the kernel state (the ledger view and the overdue job filter on them). */
export function hazardColumns(next: HazardState): HazardColumns {
  return {
    dueAt: instantOrNull(next.correctionDue),
    closedAt: instantOrNull(next.closedBy?.at),
    severity: next.major ? 'major' : 'general',
  };
}

/** One hazard command through the one lifecycle path. */
export async function hazardCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: HazardCommand) {
  const ref = await referenceOf(ctx);
  const saved = await runTransition<HazardState, 'hazard'>(ctx, ctx.actor, 'hazard', id, (state, k) => transitionHazard(state, cmd, k, ref.timeLimits), {
    ...(version === undefined ? {} : { expectedVersion: version }),
    set: hazardColumns,
  });
  return { id: saved.id, version: saved.version, hazard: saved.state };
}

export const hazards = router({
  /** The hazard ledger of the caller's subtree: status, venue, deadline, overdue. */
  list: capabilityProcedure('hazard.read')
    .input(listHazardsInput)
    .query(async ({ ctx, input }) => {
      const page = await listHazards(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        now: ctx.clock(),
        limit: input.limit,
        offset: input.offset,
        ...(input.status ? { statuses: input.status } : {}),
        ...(input.venueId ? { venueId: input.venueId } : {}),
        ...(input.riskCategory ? { riskCategory: input.riskCategory } : {}),
        ...(input.severity ? { severity: input.severity } : {}),
        ...(input.overdueOnly ? { overdueOnly: true } : {}),
      });
      return {
        total: page.total,
        items: page.items.map(({ deadlinePassed, ...row }) => ({ ...wire(row), overdue: row.status === 'overdue' || deadlinePassed })),
      };
    }),

  /** 隐患台账 rows for export: the list's filter and scope, with the columns a brigade's paper ledger keeps. */
  ledger: capabilityProcedure('hazard.read')
    .input(hazardLedgerInput)
    .query(async ({ ctx, input }) => {
      const rows = await listHazardLedgerPage(
        ctx.db,
        {
          jurisdictionRoot: ctx.jurisdictionRoot,
          now: ctx.clock(),
          ...(input.status ? { statuses: input.status } : {}),
          ...(input.venueId ? { venueId: input.venueId } : {}),
          ...(input.riskCategory ? { riskCategory: input.riskCategory } : {}),
          ...(input.severity ? { severity: input.severity } : {}),
          ...(input.overdueOnly ? { overdueOnly: true } : {}),
        },
        { limit: input.limit, ...(input.after ? { after: input.after } : {}) },
      );
      return rows.map((r) => wire({ ...r }));
    }),

  /** One hazard with its ledger: who found, confirmed, ordered, re-inspected, accepted and closed it, and when. */
  get: capabilityProcedure('hazard.read')
    .input(getHazardInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<HazardState>(ctx.db, 'hazard', input.id);
      await requireAccess(ctx, 'hazard.read', { jurisdictionId: row.jurisdictionId });
      const ledger = await listHazardEvents(ctx.db, row.id);
      const determinations = await listDeterminationsForHazard(ctx.db, row.id);
      return {
        id: row.id,
        version: row.version,
        hazard: row.state,
        ledger: ledger.map(wire),
        determinations: determinations.map((d) => ({ id: d.id, ruleVersion: d.ruleVersion, major: d.major, computedMajor: d.computedMajor, decidedByRule: d.decidedByRule, determinedByName: d.determinedByName, determinedAt: d.determinedAt.toISOString() })),
      };
    }),

  /**
   * What a printed 责令改正通知书 names: the parties, the check item the hazard breaches with its
   * legal basis from the standard in force when it was found, and the order in force.
   */
  document: capabilityProcedure('hazard.read')
    .input(getHazardInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<HazardState>(ctx.db, 'hazard', input.id);
      await requireAccess(ctx, 'hazard.read', { jurisdictionId: row.jurisdictionId });
      const order = row.state.orders.at(-1) ?? null;
      const parties = await findDocumentParties(ctx.db, { venueId: row.state.venueId, departmentId: order?.by.departmentId ?? row.state.foundBy.departmentId, jurisdictionId: row.jurisdictionId });
      const venue = row.state.venueId ? await findVenueRef(ctx.db, row.state.venueId) : null;
      const checklist = venue ? await venueChecklist(ctx.db, venue.categories, new Date(row.state.foundAt)) : null;
      const item = row.state.checkItemId ? checklist?.items.find((i) => i.id === row.state.checkItemId) : undefined;
      return { id: row.id, hazard: row.state, parties, checkItem: item ? { id: item.id, text: item.text, basis: item.basis.map((b) => ({ law: b.law, article: b.article ?? null })) } : null };
    }),

  /** 登记隐患 from a grid patrol, an expert check, a referral, a report or a unit's self-inspection. */
  register: capabilityProcedure('hazard.register')
    .input(registerHazardInput)
    .mutation(async ({ ctx, input }) => {
      let jurisdictionId = input.jurisdictionId;
      if (input.venueId !== undefined) {
        const venue = await findVenueRef(ctx.db, input.venueId);
        if (!venue) notFound('VENUE', { en: 'Venue', zh: '场所' }, input.venueId);
        jurisdictionId = venue.jurisdictionId;
      }
      // The record it came from must exist, so the ledger never points nowhere.
      if (input.sourceRef !== undefined && (input.source === 'report' || input.source === 'referral')) {
        await loadLifecycle(ctx.db, input.source, input.sourceRef);
      }
      const created = await runCreate<HazardState, 'hazard'>(
        ctx,
        ctx.actor,
        'hazard',
        (k) =>
          createHazard(
            {
              jurisdictionId: jurisdictionId!,
              venueId: input.venueId ?? null,
              source: input.source,
              sourceRef: input.sourceRef ?? null,
              riskCategory: input.riskCategory,
              description: input.description,
              ...(input.photoRefs ? { photoRefs: input.photoRefs } : {}),
              ...(input.foundAt ? { foundAt: input.foundAt } : {}),
            },
            k,
          ),
        (s) => ({
          id: s.id,
          jurisdictionId: s.jurisdictionId,
          venueId: s.venueId,
          reportId: s.source === 'report' ? s.sourceRef : null,
          riskCategory: s.riskCategory,
          source: hazardSourceColumn(s.source),
        }),
      );
      return { id: created.id, version: 1, hazard: created.state };
    }),

  /** 确认隐患. */
  confirm: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.confirm)
    .input(confirmHazardInput)
    .mutation(({ ctx, input }) => hazardCommand(ctx, input.id, input.version, { type: 'confirm', ...(input.note ? { note: input.note } : {}) })),

  /** 不构成隐患: the other outcome of the same review as confirm. */
  dismiss: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.dismiss)
    .input(dismissHazardInput)
    .mutation(({ ctx, input }) => hazardCommand(ctx, input.id, input.version, { type: 'dismiss', reason: input.reason })),

  /** 责令改正: on the spot or by a deadline. */
  order: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.order)
    .input(orderHazardInput)
    .mutation(({ ctx, input }) =>
      hazardCommand(ctx, input.id, input.version, { type: 'order', correction: input.correction, ...(input.noticeRef ? { noticeRef: input.noticeRef } : {}) }),
    ),

  /** 送达整改通知书. */
  serveNotice: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.serve_notice)
    .input(serveNoticeInput)
    .mutation(({ ctx, input }) => hazardCommand(ctx, input.id, input.version, { type: 'serve_notice', noticeRef: input.noticeRef })),

  /** 复查合格 (验收), signed by the re-inspecting officer. */
  reinspectPass: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.reinspect_pass)
    .input(reinspectPassInput)
    .mutation(({ ctx, input }) =>
      hazardCommand(ctx, input.id, input.version, {
        type: 'reinspect_pass',
        signatureRef: input.signatureRef,
        ...(input.note ? { note: input.note } : {}),
        inspectionId: input.inspectionId ?? null,
      }),
    ),

  /** 复查不合格: back to ordered with a new deadline. */
  reinspectFail: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.reinspect_fail)
    .input(reinspectFailInput)
    .mutation(({ ctx, input }) =>
      hazardCommand(ctx, input.id, input.version, {
        type: 'reinspect_fail',
        signatureRef: input.signatureRef,
        note: input.note,
        newDueDate: input.newDueDate,
        inspectionId: input.inspectionId ?? null,
      }),
    ),

  /** 销号: by someone other than the re-inspection signer (the kernel decides). */
  close: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.close)
    .input(closeHazardInput)
    .mutation(({ ctx, input }) => hazardCommand(ctx, input.id, input.version, { type: 'close', ...(input.note ? { note: input.note } : {}) })),

  /** 逾期督办: the kernel refuses until the correction deadline has passed. */
  escalate: capabilityProcedure(HAZARD_COMMAND_CAPABILITY.escalate)
    .input(escalateHazardInput)
    .mutation(({ ctx, input }) => hazardCommand(ctx, input.id, input.version, { type: 'escalate', ...(input.note ? { note: input.note } : {}) })),

  /** Records a stored GB 35181 determination of this hazard on it (major.determine does both at once). */
  markMajor: capabilityProcedure('major.determine')
    .input(markMajorInput)
    .mutation(async ({ ctx, input }) => {
      const determination = await findDetermination(ctx.db, input.determinationId);
      if (!determination) notFound('DETERMINATION', { en: 'Determination', zh: '重大火灾隐患判定记录' }, input.determinationId);
      if (determination.hazardId !== input.id) {
        throw new DomainFailure({
          code: 'MAJOR.DETERMINATION_MISMATCH',
          message: 'The determination was made on another hazard',
          messageZh: '该判定记录不属于此隐患',
          details: { determinationId: determination.id, hazardId: determination.hazardId },
        });
      }
      return hazardCommand(ctx, input.id, input.version, {
        type: 'mark_major',
        determinationId: determination.id,
        decided: determination.major,
        withExperts: determination.withExperts,
      });
    }),
});
