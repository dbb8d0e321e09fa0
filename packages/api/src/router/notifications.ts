import { z } from 'zod';
import { renderNotification, shortRef } from '@firebreak/domain';
import { listInApp, markInAppRead } from '@firebreak/db';
import { authedProcedure, router } from '../trpc';

const readInput = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

/** "My work": the in-app notifications of the signed-in account (staff or unit), in the caller's language. */
export const notifications = router({
  mine: authedProcedure.query(async ({ ctx }) => {
    const rows = await listInApp(ctx.db, { userId: ctx.actor.userId });
    const locale = ctx.locale === 'en' ? 'en' : 'zh-CN';
    return rows.map((r) => {
      const text = renderNotification(r.template, locale, { ref: shortRef(r.entityId), ...(r.data ?? {}) });
      return { id: r.id, template: r.template, entity: r.entity, entityId: r.entityId, ...text, createdAt: r.createdAt, readAt: r.readAt };
    });
  }),

  markRead: authedProcedure.input(readInput).mutation(async ({ ctx, input }) => ({
    marked: await markInAppRead(ctx.db, ctx.actor.userId, input.ids, ctx.clock()),
  })),
});
