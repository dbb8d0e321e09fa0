import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  canonicalJson,
  createHazard,
  hazardInputsFromInspection,
  CHECK_RESULTS,
  INSPECTION_SOURCES,
  INSPECTION_STATUSES,
  INSPECTOR_ROLES,
  RISK_CATEGORY_CODES,
  transitionInspection,
  type HazardState,
  type InspectionCommand,
  type InspectionState,
} from '@firebreak/domain';
import {
  findDocumentParties,
  findVenueRef,
  insertSignature,
  listInspectionHazards,
  listInspections,
  listInspectionTeam,
  listSignatures,
  listStaffInScope,
  loadLifecycle,
  searchVenuesInScope,
  type inspections as inspectionsTable,
} from '@firebreak/db';
import { runCreate, runTransition } from '../kernel/run-transition';
import { planInspection } from '../application/inspections/plan-inspection';
import { venueChecklist } from '../services/venue-checklist';
import { capabilityProcedure, router } from '../trpc';
import { inTransaction, requireAccess, type StaffContext } from '../application/access';
import { hazardSourceColumn, inspectionSourceColumn } from './staff/columns';
import { pageInput, text, versionInput, wire, ymd } from './staff/wire';

const subject = { id: z.uuid(), version: versionInput };
const people = z.array(z.uuid()).max(20);

export const listInspectionsInput = z.object({
  status: z.array(z.enum(INSPECTION_STATUSES)).max(INSPECTION_STATUSES.length).optional(),
  source: z.array(z.enum(INSPECTION_SOURCES)).max(INSPECTION_SOURCES.length).optional(),
  venueId: z.uuid().optional(),
  mine: z.boolean().optional(),
  ...pageInput,
});
export const getInspectionInput = z.object({ id: z.uuid() });
export const planInspectionInput = z.object({
  venueId: z.uuid(),
  source: z.enum(INSPECTION_SOURCES),
  /** The report verified, campaign, draw ... the inspection answers. */
  sourceRef: z.uuid().optional(),
  plannedFor: ymd,
  team: people,
  experts: people.optional(),
});
export const startInspectionInput = z.object({ ...subject, presentInspectorIds: people, presentExpertIds: people.optional() });
export const recordInspectionInput = z.object({
  ...subject,
  findings: z
    .array(
      z.object({
        checkItemId: z.string().max(200).optional(),
        riskCategory: z.enum(RISK_CATEGORY_CODES),
        description: text(4000),
        photoRefs: z.array(z.string().max(200)).max(20).optional(),
      }),
    )
    .max(200),
  /** The checklist item by item (合格 / 不合格 / 不适用); the kernel matches failed items to findings. */
  itemResults: z.array(z.object({ checkItemId: z.string().max(200), result: z.enum(CHECK_RESULTS), note: text(2000).optional() })).max(500).optional(),
  signatureRef: text(500),
  privateRemark: text(2000).optional(),
});
export const signInspectionInput = z.object({ ...subject, signatureRef: text(500), privateRemark: text(2000).optional() });
export const recordRefusalInput = z.object({
  ...subject,
  reason: text(2000),
  witness: z.object({ name: text(100), signatureRef: text(500).optional() }),
});
export const confirmInspectionOnSiteInput = z.object({
  ...subject,
  /** The responsible person or manager signing on the inspector's tablet. */
  signerName: text(50),
  capacity: z.enum(['responsible_person', 'manager']),
  signatureRef: text(500),
});
export const completeInspectionInput = z.object({ ...subject });
export const staffForTeamInput = z.object({ experts: z.boolean().optional() });
export const venuesForPlanInput = z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(20) });

type InspectionColumns = Partial<Pick<typeof inspectionsTable.$inferInsert, 'startedAt' | 'finishedAt'>>;

function inspectionColumns(next: InspectionState): InspectionColumns {
  return {
    startedAt: next.startedBy ? new Date(next.startedBy.at) : null,
    finishedAt: next.completedBy ? new Date(next.completedBy.at) : null,
  };
}

/**
 * What each signature covers: the record as the unit and the public may see it
 * (findings, never the private remarks), so a later edit is detectable.
 */
function recordHash(state: InspectionState): string {
  const body = canonicalJson({
    inspectionId: state.id,
    venueId: state.venueId,
    checkItemIds: state.checkItemIds,
    findings: state.findings,
    // Records made before per-item results keep the hash they were signed over.
    ...(state.itemResults ? { itemResults: state.itemResults } : {}),
  });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

async function inspectionCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: InspectionCommand) {
  return runTransition<InspectionState, 'inspection'>(ctx, ctx.actor, 'inspection', id, (state, k) => transitionInspection(state, cmd, k), {
    ...(version === undefined ? {} : { expectedVersion: version }),
    set: inspectionColumns,
  });
}

/** record and sign: the kernel step plus the signature row, in one transaction. */
async function signedCommand(ctx: StaffContext, id: string, version: number | undefined, cmd: InspectionCommand) {
  return inTransaction(ctx, async (tx) => {
    const saved = await inspectionCommand(tx, id, version, cmd);
    const mine = saved.state.signatures.find((s) => s.userId === ctx.actor.userId);
    if (mine) {
      await insertSignature(tx.db, {
        inspectionId: id,
        signerKind: 'inspector',
        userId: ctx.actor.userId,
        signerName: mine.name,
        documentHash: recordHash(saved.state),
        signedAt: new Date(mine.at),
      });
    }
    return { id: saved.id, version: saved.version, inspection: saved.state };
  });
}

export const inspections = router({
  list: capabilityProcedure('inspection.read')
    .input(listInspectionsInput)
    .query(async ({ ctx, input }) => {
      const page = await listInspections(ctx.db, {
        jurisdictionRoot: ctx.jurisdictionRoot,
        limit: input.limit,
        offset: input.offset,
        ...(input.status ? { statuses: input.status } : {}),
        ...(input.source ? { sources: input.source.map(inspectionSourceColumn) } : {}),
        ...(input.venueId ? { venueId: input.venueId } : {}),
        ...(input.mine ? { memberUserId: ctx.actor.userId } : {}),
      });
      return { total: page.total, items: page.items.map(wire) };
    }),

  get: capabilityProcedure('inspection.read')
    .input(getInspectionInput)
    .query(async ({ ctx, input }) => {
      const row = await loadLifecycle<InspectionState>(ctx.db, 'inspection', input.id);
      await requireAccess(ctx, 'inspection.read', { jurisdictionId: row.jurisdictionId });
      const team = await listInspectionTeam(ctx.db, row.id);
      const signatures = await listSignatures(ctx.db, row.id);
      const venue = await findVenueRef(ctx.db, row.state.venueId);
      // The checklist as it stood when the plan was made: the items the plan fixed, with their wording and basis.
      const inForce = venue ? await venueChecklist(ctx.db, venue.categories, new Date(row.state.plannedBy.at)) : null;
      const byId = new Map((inForce?.items ?? []).map((i) => [i.id, i]));
      const checklist = row.state.checkItemIds.flatMap((itemId) => {
        const item = byId.get(itemId);
        return item ? [{ id: item.id, text: item.text, riskCategory: item.riskCategory, severity: item.severity, basis: item.basis.map((b) => ({ law: b.law, article: b.article ?? null })) }] : [];
      });
      const parties = await findDocumentParties(ctx.db, { venueId: row.state.venueId, departmentId: row.state.plannedBy.departmentId, jurisdictionId: row.jurisdictionId });
      const hazards = await listInspectionHazards(ctx.db, row.id);
      return {
        id: row.id,
        version: row.version,
        inspection: row.state,
        venue: venue ? { id: venue.id, name: venue.name, categories: venue.categories } : null,
        parties,
        hazards,
        checklist,
        team,
        signatures: signatures.map(wire),
        recordHash: recordHash(row.state),
      };
    }),

  /** Who may be put on a team: inspectors and police officers (or experts) in the planner's subtree. */
  staff: capabilityProcedure('inspection.plan')
    .input(staffForTeamInput)
    .query(async ({ ctx, input }) => {
      const rows = await listStaffInScope(ctx.db, { rootId: ctx.jurisdictionRoot, roles: input.experts ? ['expert'] : INSPECTOR_ROLES });
      return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, departmentName: r.departmentName }));
    }),

  /** The venue picker of the plan form: venues in the planner's subtree by name or address. */
  venues: capabilityProcedure('inspection.plan')
    .input(venuesForPlanInput)
    .query(({ ctx, input }) => searchVenuesInScope(ctx.db, { rootId: ctx.jurisdictionRoot, query: input.query, limit: input.limit })),

  /** 制定检查计划: the venue's checklist from the standards in force, a team of at least two (the kernel counts). */
  plan: capabilityProcedure('inspection.plan')
    .input(planInspectionInput)
    .mutation(({ ctx, input }) => planInspection(ctx, input)),

  /** 开始检查 with the inspectors (and experts) actually on site. */
  start: capabilityProcedure('inspection.conduct')
    .input(startInspectionInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await inspectionCommand(ctx, input.id, input.version, {
        type: 'start',
        presentInspectorIds: input.presentInspectorIds,
        ...(input.presentExpertIds ? { presentExpertIds: input.presentExpertIds } : {}),
      });
      return { id: saved.id, version: saved.version, inspection: saved.state };
    }),

  /** 制作检查记录: findings against the checklist, signed by the recording inspector. */
  record: capabilityProcedure('inspection.conduct')
    .input(recordInspectionInput)
    .mutation(({ ctx, input }) =>
      signedCommand(ctx, input.id, input.version, {
        type: 'record',
        findings: input.findings.map((f) => ({
          checkItemId: f.checkItemId ?? null,
          riskCategory: f.riskCategory,
          description: f.description,
          ...(f.photoRefs ? { photoRefs: f.photoRefs } : {}),
        })),
        ...(input.itemResults ? { itemResults: input.itemResults.map((r) => ({ checkItemId: r.checkItemId, result: r.result, note: r.note ?? null })) } : {}),
        signatureRef: input.signatureRef,
        ...(input.privateRemark ? { privateRemark: input.privateRemark } : {}),
      }),
    ),

  /** Each inspector on site signs the record. */
  sign: capabilityProcedure('inspection.conduct')
    .input(signInspectionInput)
    .mutation(({ ctx, input }) =>
      signedCommand(ctx, input.id, input.version, {
        type: 'sign',
        signatureRef: input.signatureRef,
        ...(input.privateRemark ? { privateRemark: input.privateRemark } : {}),
      }),
    ),

  /** The unit refused to sign: recorded before a named witness from outside the team. */
  recordRefusal: capabilityProcedure('inspection.conduct')
    .input(recordRefusalInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await inspectionCommand(ctx, input.id, input.version, {
        type: 'record_refusal',
        reason: input.reason,
        witness: { name: input.witness.name, signatureRef: input.witness.signatureRef ?? null },
      });
      return { id: saved.id, version: saved.version, inspection: saved.state };
    }),

  /** The unit's responsible person signs on site, on the inspector's tablet (the kernel's `confirm`, entered by a present inspector). */
  confirm: capabilityProcedure('inspection.conduct')
    .input(confirmInspectionOnSiteInput)
    .mutation(async ({ ctx, input }) => {
      const saved = await inspectionCommand(ctx, input.id, input.version, {
        type: 'confirm',
        signerName: input.signerName,
        capacity: input.capacity,
        signatureRef: input.signatureRef,
      });
      return { id: saved.id, version: saved.version, inspection: saved.state };
    }),

  /** 检查办结: every finding becomes a hazard on the ledger, in the same transaction. */
  complete: capabilityProcedure('inspection.conduct')
    .input(completeInspectionInput)
    .mutation(({ ctx, input }) =>
      inTransaction(ctx, async (tx) => {
        const saved = await inspectionCommand(tx, input.id, input.version, { type: 'complete' });
        const hazardIds: string[] = [];
        for (const h of hazardInputsFromInspection(saved.state)) {
          const created = await runCreate<HazardState, 'hazard'>(
            tx,
            ctx.actor,
            'hazard',
            (k) => createHazard(h, k),
            (s) => ({
              id: s.id,
              jurisdictionId: s.jurisdictionId,
              venueId: s.venueId,
              inspectionId: saved.id,
              riskCategory: s.riskCategory,
              source: hazardSourceColumn(s.source),
            }),
          );
          hazardIds.push(created.id);
        }
        return { id: saved.id, version: saved.version, inspection: saved.state, hazardIds };
      }),
    ),
});
