import { z } from 'zod';
import { listDeliveries, requeueDelivery, DELIVERY_STATUSES } from '@firebreak/db';
import { referenceOf, requireAccess, treeRootOf } from '../../application/access';
import { DomainFailure } from '../../application/failure';
import { capabilityProcedure, router } from '../../trpc';

const listInput = z.object({ status: z.enum(DELIVERY_STATUSES).optional(), limit: z.int().min(1).max(500).default(100) }).default({ limit: 100 });
const idInput = z.object({ deliveryId: z.uuid() });

/**
 * Notification deliveries for the admin: what went out, what is retrying, what is dead-lettered
 * and why. Deliveries hold no contact, so nothing here can show a reporter's phone or email.
 * Notifications serve the whole deployment, so the gate is the top of the tree.
 */
export const outboxAdmin = router({
  list: capabilityProcedure('admin.notifications')
    .input(listInput)
    .query(async ({ ctx, input }) => {
      const ref = await referenceOf(ctx);
      await requireAccess(ctx, 'admin.notifications', { jurisdictionId: treeRootOf(ref, ctx.jurisdictionRoot) });
      return listDeliveries(ctx.db, { ...(input.status ? { status: input.status } : {}), limit: input.limit });
    }),

  /** Back into the queue after the channel was fixed: attempts start again. */
  requeue: capabilityProcedure('admin.notifications')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      const ref = await referenceOf(ctx);
      await requireAccess(ctx, 'admin.notifications', { jurisdictionId: treeRootOf(ref, ctx.jurisdictionRoot) });
      if (!(await requeueDelivery(ctx.db, input.deliveryId, ctx.clock()))) {
        throw new DomainFailure({ code: 'NOTIFICATION.NOT_DEAD', message: 'Only a dead-lettered delivery can be requeued', messageZh: '只能重新投递已进入死信的通知', details: { id: input.deliveryId } });
      }
      return { requeued: true };
    }),
});
