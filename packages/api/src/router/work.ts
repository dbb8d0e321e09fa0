import { z } from 'zod';
import { myWork } from '../application/work/my-work';
import { router, staffProcedure } from '../trpc';

const mineInput = z.object({ limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 });

/** The console's "my work": one queue across lifecycles of what waits on the signed-in staff member. */
export const work = router({
  mine: staffProcedure.input(mineInput).query(({ ctx, input }) => myWork(ctx, input.limit)),
});
