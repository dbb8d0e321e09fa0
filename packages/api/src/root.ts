import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { health } from './router/health';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  health,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side and test callers: `createCaller(createContextInner({ ... })).health()`. */
export const createCaller = createCallerFactory(appRouter);
