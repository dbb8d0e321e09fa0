import { publicProcedure } from '../trpc';

export interface HealthStatus {
  readonly status: 'ok';
  /** Server time (ISO-8601) so the front ends can show when the API last answered. */
  readonly time: string;
}

export const health = publicProcedure.query(({ ctx }): HealthStatus => ({ status: 'ok', time: ctx.clock().toISOString() }));
