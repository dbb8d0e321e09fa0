import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { cataloguedError, stamp } from '@firebreak/domain';
import { getApiKeySummary, insertApiKey, listApiKeySummaries, revokeApiKeyRow, runAudited } from '@firebreak/db';
import { requireAccess, referenceOf, treeRootOf, type StaffContext } from '../../application/access';
import { capabilityProcedure, router } from '../../trpc';
import { DomainFailure } from '../../application/failure';

const issueInput = z.object({
  /** Who integrates: '12345 市民热线', '96119 火灾举报' ... */
  name: z.string().trim().min(1).max(100),
  /** Reports filed with the key land here unless located more precisely; null: anywhere. */
  jurisdictionId: z.uuid().nullable().default(null),
});
const keyIdInput = z.object({ keyId: z.uuid() });

/** A key bound to a jurisdiction is its admins'; an unbound one belongs to the top of the tree. */
async function authorizeKey(ctx: StaffContext, jurisdictionId: string | null): Promise<void> {
  const ref = await referenceOf(ctx);
  await requireAccess(ctx, 'admin.users', { jurisdictionId: jurisdictionId ?? treeRootOf(ref, ctx.jurisdictionRoot) });
}

/** sha256 hex of the key as the integrator sends it: all api_keys stores (apps/api Open311 apiKeyHash). */
const keyHash = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Open311 integrators (12345 / 96119 hotlines, third-party apps). Integrators are accounts, so admin.users. */
export const apiKeysAdmin = router({
  /** A 256-bit key, shown this once; only its hash is stored. */
  issue: capabilityProcedure('admin.users')
    .input(issueInput)
    .mutation(async ({ ctx, input }) => {
      await authorizeKey(ctx, input.jurisdictionId);
      const key = `fb_${randomBytes(32).toString('base64url')}`;
      const now = ctx.clock();
      const { result: id } = await runAudited(
        ctx.db,
        (tx) => insertApiKey(tx, { keyHash: keyHash(key), name: input.name, jurisdictionId: input.jurisdictionId }),
        (keyId) => ({
          entity: 'api_key',
          entityId: keyId,
          action: 'issue',
          from: null,
          to: 'active',
          by: stamp(ctx.actor, now),
          data: { name: input.name, ...(input.jurisdictionId ? { jurisdictionId: input.jurisdictionId } : {}) },
        }),
      );
      return { ...(await getApiKeySummary(ctx.db, id)), key };
    }),

  list: capabilityProcedure('admin.users')
    .input(z.object({}).default({}))
    .query(async ({ ctx }) => {
      const ref = await referenceOf(ctx);
      return listApiKeySummaries(ctx.db, { rootId: ctx.jurisdictionRoot, includeUnscoped: ref.tree.parentOf(ctx.jurisdictionRoot) === null });
    }),

  revoke: capabilityProcedure('admin.users')
    .input(keyIdInput)
    .mutation(async ({ ctx, input }) => {
      const key = await getApiKeySummary(ctx.db, input.keyId);
      await authorizeKey(ctx, key.jurisdictionId);
      const now = ctx.clock();
      await runAudited(
        ctx.db,
        async (tx) => {
          if (!(await revokeApiKeyRow(tx, key.id))) throw new DomainFailure(cataloguedError('API_KEY.ALREADY_REVOKED'));
        },
        () => ({
          entity: 'api_key',
          entityId: key.id,
          action: 'revoke',
          from: 'active',
          to: 'revoked',
          by: stamp(ctx.actor, now),
          data: { name: key.name, ...(key.jurisdictionId ? { jurisdictionId: key.jurisdictionId } : {}) },
        }),
      );
      return getApiKeySummary(ctx.db, key.id);
    }),
});
