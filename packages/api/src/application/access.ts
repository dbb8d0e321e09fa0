import { authorize, cataloguedError, type AccessSubject, type Actor, type Capability, type DomainError } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { ReferenceData } from '../context/reference';
import type { Services } from '../context/services';
import type { Clock } from '../context/request-context';
import { DomainFailure } from './failure';

/**
 * The one set of access helpers every staff door uses (tRPC procedures today; the console's
 * exports and the job runner through the same use cases). Refusals are DomainFailures with the
 * kernel's codes; the transport adapters map them.
 */

/** What a staff caller's context carries once its role gate has passed. */
export interface StaffContext {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
  readonly actor: Actor;
  /** Root of the caller's jurisdiction subtree (list queries filter on it). */
  readonly jurisdictionRoot: string;
}

/** What runCreate/runTransition need, from a context (or a transaction of it). */
export function kernelDeps(ctx: Pick<StaffContext, 'db' | 'services' | 'clock'>, db: Db = ctx.db) {
  return { db, services: ctx.services, clock: ctx.clock };
}

export function referenceOf(ctx: Pick<StaffContext, 'db' | 'services'>): Promise<ReferenceData> {
  return ctx.services.reference.get(ctx.db);
}

/**
 * The scope half of every staff read and non-lifecycle write: the kernel's `authorize` on the
 * loaded subject (role, jurisdiction subtree, department). Returns the reference data it read.
 */
export async function requireAccess(ctx: Pick<StaffContext, 'db' | 'services' | 'actor'>, capability: Capability, subject: AccessSubject): Promise<ReferenceData> {
  const ref = await referenceOf(ctx);
  const decision = authorize(ctx.actor, capability, subject, ref.tree);
  if (!decision.ok) throw new DomainFailure(decision.error);
  return ref;
}

/** The top of the tree above the caller: configuration without a jurisdiction belongs there. */
export function treeRootOf(ref: ReferenceData, jurisdictionId: string): string {
  return ref.tree.ancestors(jurisdictionId)[0] ?? jurisdictionId;
}

/**
 * Runs `fn` in one database transaction with a context whose `db` is the transaction, so a
 * lifecycle write and the rows it creates (hazards from an inspection, a referral from a
 * detention decision) commit or fail together.
 */
export function inTransaction<C extends StaffContext, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** The department a staff actor acts for (staff rows always have one: users_staff_scope_ck). */
export function actorDepartment(actor: Actor): string {
  if (actor.departmentId === null) {
    throw new DomainFailure(cataloguedError('ACCESS.NO_DEPARTMENT'));
  }
  return actor.departmentId;
}

/** `<KIND>.NOT_FOUND`, naming what was missing in both languages. */
export function notFound(kind: string, what: { en: string; zh: string }, id: string): never {
  throw new DomainFailure({ code: `${kind}.NOT_FOUND`, message: `${what.en} not found`, messageZh: `${what.zh}不存在`, details: { id } });
}

/** Refuses when any of `ids` is not among `found`, listing the missing ones. */
export function requireAll(kind: string, what: { en: string; zh: string }, ids: readonly string[], found: readonly string[]): void {
  const present = new Set(found);
  const missing = ids.filter((i) => !present.has(i));
  if (missing.length > 0) {
    throw new DomainFailure({ code: `${kind}.NOT_FOUND`, message: `${what.en} not found`, messageZh: `${what.zh}不存在`, details: { missing } });
  }
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
    if (isUniqueViolation(e)) throw new DomainFailure(conflict);
    throw e;
  }
}
