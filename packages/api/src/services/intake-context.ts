import type { Db } from '@firebreak/db';
import type { Services } from '../context/services';
import type { Clock, HttpBridge } from '../trpc';
import type { IntakeDeps } from './receipt-access';

/** The intake services' view of a procedure's context. */
export function intakeDeps(ctx: { readonly db: Db; readonly services: Services; readonly clock: Clock }): IntakeDeps {
  return { db: ctx.db, services: ctx.services, clock: ctx.clock };
}

/**
 * Whom receipt lookups are counted against: the HTTP layer's keyed hash of the
 * client address. Server-side callers without HTTP share one budget.
 */
export function clientKeyOf(ctx: { readonly http: HttpBridge | null }): string {
  return ctx.http?.clientKey ?? 'server';
}
