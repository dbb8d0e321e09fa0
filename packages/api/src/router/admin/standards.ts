import { z } from 'zod';
import {
  cataloguedError,
  nextStandardVersion,
  publishStandard,
  reviseStandardDraft,
  stamp,
  type RemediationStandard,
  type StandardContent,
  type StandardDraftInput,
} from '@firebreak/domain';
import {
  insertStandardVersion,
  latestStandardSnapshots,
  listCheckItemRows,
  listStandardRows,
  publishStandardRow,
  replaceStandardDraft,
  runAudited,
  type Db,
  type StandardVersionRow,
} from '@firebreak/db';
import { insertAuditedUnique } from '../../application/admin/audited-insert';
import { requireAccess, referenceOf, treeRootOf, type StaffContext } from '../../application/access';
import { domainError } from '../../application/failure';
import { capabilityProcedure, router } from '../../trpc';
import { checkItemValues, standardFromRows } from './standard-rows';
import { DomainFailure, unwrap } from '../../application/failure';

// Shapes only: the content rules (item ids, risk categories, deadlines, legal
// bases) are the kernel's standard schema, so a bad item comes back as STANDARD.INVALID.
const content = {
  category: z.string().trim().min(1).max(60),
  title: z.object({ zh: z.string().max(500), en: z.string().max(500) }),
  effectiveFrom: z.string().max(40),
  items: z.array(z.record(z.string(), z.unknown())).max(200),
};
const createDraftInput = z.object({ ...content, basedOnVersion: z.int().min(1).nullable() });
const reviseInput = z.object({ version: z.int().min(1), content: z.object(content) });
const versionInput = z.object({ category: z.string().trim().min(1).max(60), version: z.int().min(1) });
const listInput = z.object({ category: z.string().trim().min(1).max(60).optional() }).default({});

/** Every stored version of a category (or all), in the kernel's shape, with the row ids. */
async function loadVersions(db: Db, category?: string): Promise<{ row: StandardVersionRow; standard: RemediationStandard }[]> {
  const rows = await listStandardRows(db, category ? { category } : {});
  const ids = rows.map((r) => r.id);
  const items = await listCheckItemRows(db, ids);
  const snapshots = await latestStandardSnapshots(db, ids);
  return rows.map((row) => ({
    row,
    standard: standardFromRows(
      row,
      items.filter((i) => i.standardId === row.id),
      snapshots.get(row.id),
    ),
  }));
}

/** Standards are national/provincial configuration: only an admin at the top of the tree changes them. */
async function authorizeCatalog(ctx: StaffContext): Promise<void> {
  const ref = await referenceOf(ctx);
  await requireAccess(ctx, 'admin.catalog', { jurisdictionId: treeRootOf(ref, ctx.jurisdictionRoot) });
}

const STALE = cataloguedError('STANDARD.STALE');

/** Remediation standards (整治标准), versioned by the kernel's rules. */
export const standardsAdmin = router({
  list: capabilityProcedure('admin.catalog')
    .input(listInput)
    .query(async ({ ctx, input }) =>
      (await loadVersions(ctx.db, input.category)).map(({ row, standard }) => ({ id: row.id, ...standard, items: standard.items.length })),
    ),

  get: capabilityProcedure('admin.catalog')
    .input(versionInput)
    .query(async ({ ctx, input }) => {
      const hit = (await loadVersions(ctx.db, input.category)).find((v) => v.standard.version === input.version);
      if (!hit) throw new DomainFailure(domainError('STANDARD.NOT_FOUND', `No version ${input.version} of this standard`, `整治标准第${input.version}版不存在`));
      return { id: hit.row.id, ...hit.standard };
    }),

  /** The next version as a draft (kernel nextStandardVersion: one draft at a time, based on the latest). */
  createDraft: capabilityProcedure('admin.catalog')
    .input(createDraftInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeCatalog(ctx);
      const versions = await loadVersions(ctx.db, input.category);
      const draft = unwrap(nextStandardVersion(versions.map((v) => v.standard), input as unknown as StandardDraftInput));
      const now = ctx.clock();
      const result = await insertAuditedUnique(
        ctx,
        ctx.actor,
        now,
        (tx) =>
          insertStandardVersion(tx, {
            code: draft.category,
            venueCategory: draft.category,
            version: draft.version,
            titleZh: draft.title.zh,
            titleEn: draft.title.en,
            createdByUserId: ctx.actor.userId,
            items: checkItemValues(draft.items),
          }),
        (row) => ({ entity: 'standard', entityId: row.id, action: 'create_draft', from: null, to: 'draft', data: { standard: draft } }),
        STALE,
      );
      return { id: result.id, ...draft };
    }),

  /** Replaces a draft's content (kernel reviseStandardDraft refuses published versions). */
  revise: capabilityProcedure('admin.catalog')
    .input(reviseInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeCatalog(ctx);
      const versions = await loadVersions(ctx.db, input.content.category);
      const revised = unwrap(reviseStandardDraft(versions.map((v) => v.standard), input.version, input.content as unknown as StandardContent));
      const row = versions.find((v) => v.standard.version === input.version)!.row;
      const now = ctx.clock();
      await runAudited(
        ctx.db,
        (tx) => replaceStandardDraft(tx, row.id, { titleZh: revised.title.zh, titleEn: revised.title.en, items: checkItemValues(revised.items), now }),
        () => ({ entity: 'standard', entityId: row.id, action: 'revise_draft', from: 'draft', to: 'draft', by: stamp(ctx.actor, now), data: { standard: revised } }),
      );
      return { id: row.id, ...revised };
    }),

  /** Publishes a draft (kernel publishStandard: never retroactive); the row is frozen from then on. */
  publish: capabilityProcedure('admin.catalog')
    .input(versionInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeCatalog(ctx);
      const versions = await loadVersions(ctx.db, input.category);
      const now = ctx.clock();
      const published = unwrap(publishStandard(versions.map((v) => v.standard), input.category, input.version, now));
      const row = versions.find((v) => v.standard.version === input.version)!.row;
      await runAudited(
        ctx.db,
        async (tx) => {
          if (!(await publishStandardRow(tx, row.id, now))) {
            throw new DomainFailure(domainError('STANDARD.IMMUTABLE', 'This version is already published', '该版本已发布，不可重复发布'));
          }
        },
        () => ({ entity: 'standard', entityId: row.id, action: 'publish', from: 'draft', to: 'published', by: stamp(ctx.actor, now), data: { standard: published } }),
      );
      return { id: row.id, ...published };
    }),
});
