import { authorize, type AccessSubject, type Actor, type Capability, type DomainError } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { ReferenceData } from '../context/reference';
import type { Services } from '../context/services';
import { toTRPCError, type Clock } from '../trpc';

/** The context a capabilityProcedure hands its resolver. */
export interface StaffCtx {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
  readonly actor: Actor;
  readonly jurisdictionRoot: string;
}

/** What runCreate/runTransition need, from a procedure context (or a transaction of it). */
export function kernelDeps(ctx: Pick<StaffCtx, 'db' | 'services' | 'clock'>, db: Db = ctx.db) {
  return { db, services: ctx.services, clock: ctx.clock };
}

export function reference(ctx: Pick<StaffCtx, 'db' | 'services'>): Promise<ReferenceData> {
  return ctx.services.reference.get(ctx.db);
}

/** The scope half of a read or non-lifecycle write: the kernel's authorize on the loaded subject. */
export async function authorizeSubject(ctx: StaffCtx, capability: Capability, subject: AccessSubject): Promise<ReferenceData> {
  const ref = await reference(ctx);
  const decision = authorize(ctx.actor, capability, subject, ref.tree);
  if (!decision.ok) throw toTRPCError(decision.error);
  return ref;
}

/** The top of the tree above the caller: configuration without a jurisdiction belongs there. */
export function treeRootOf(ref: ReferenceData, jurisdictionId: string): string {
  return ref.tree.ancestors(jurisdictionId)[0] ?? jurisdictionId;
}

/** Postgres unique violation (23505), whether raised by postgres.js or PGlite and wrapped by drizzle or not. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === 'object' && (cur as { code?: unknown }).code === '23505') return true;
    cur = typeof cur === 'object' ? (cur as { cause?: unknown }).cause : undefined;
  }
  return false;
}

/** Runs `fn`; a unique violation becomes the given coded conflict instead of a server error. */
export async function uniqueAsConflict<T>(fn: () => Promise<T>, conflict: DomainError): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw toTRPCError(conflict);
    throw e;
  }
}

export function domainError(code: string, message: string, messageZh: string, details?: Record<string, unknown>): DomainError {
  return details ? { code, message, messageZh, details } : { code, message, messageZh };
}
