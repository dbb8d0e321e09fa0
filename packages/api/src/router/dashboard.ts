import { z } from 'zod';
import { dashboardFigures } from '@firebreak/db';
import { requireAccess } from '../application/access';
import { capabilityProcedure, router } from '../trpc';

const figuresInput = z
  .object({
    /** Defaults to the caller's whole jurisdiction. */
    jurisdictionId: z.uuid().optional(),
    /** Also break the figures down by district (区/县) within it. */
    byDistrict: z.boolean().default(false),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), { message: 'from must be before to', path: ['to'] });

/** The oversight figures of DOMAIN.md §7, aggregated in SQL over a jurisdiction subtree. */
export const dashboard = router({
  figures: capabilityProcedure('dashboard.read')
    .input(figuresInput)
    .query(async ({ ctx, input }) => {
      const root = input.jurisdictionId ?? ctx.jurisdictionRoot;
      const ref = await requireAccess(ctx, 'dashboard.read', { jurisdictionId: root });
      const districts = input.byDistrict
        ? [root, ...ref.tree.descendants(root)].filter((id) => ref.tree.levelOf(id) === 'district' && id !== root)
        : [];
      const rows = await dashboardFigures(ctx.db, {
        bucketIds: [root, ...districts],
        from: input.from ? new Date(input.from) : null,
        to: input.to ? new Date(input.to) : null,
        now: ctx.clock(),
      });
      const named = rows.map((r) => ({ ...r, name: ref.tree.node(r.jurisdictionId)?.name ?? null, path: ref.tree.path(r.jurisdictionId) }));
      return { asOf: ctx.clock().toISOString(), total: named[0]!, districts: named.slice(1) };
    }),
});
