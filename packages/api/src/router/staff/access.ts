import { authorize, type AccessSubject, type Actor, type Capability } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { Services } from '../../context/services';
import type { ReferenceData } from '../../context/reference';
import { toTRPCError, type Clock } from '../../trpc';

/** What a staff procedure's context carries once capabilityProcedure has run. */
export interface StaffContext {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
  readonly actor: Actor;
  /** Root of the caller's jurisdiction subtree (list queries filter on it). */
  readonly jurisdictionRoot: string;
}

export function referenceOf(ctx: Pick<StaffContext, 'db' | 'services'>): Promise<ReferenceData> {
  return ctx.services.reference.get(ctx.db);
}

/**
 * The scope half of every staff read and non-lifecycle write: the kernel's
 * `authorize` on the loaded subject (role, jurisdiction subtree, department).
 */
export async function requireAccess(ctx: StaffContext, capability: Capability, subject: AccessSubject): Promise<void> {
  const ref = await referenceOf(ctx);
  const decision = authorize(ctx.actor, capability, subject, ref.tree);
  if (!decision.ok) throw toTRPCError(decision.error);
}

/**
 * Runs `fn` in one database transaction with a context whose `db` is the
 * transaction, so a lifecycle write and the rows it creates (hazards from an
 * inspection, a referral from a detention decision) commit or fail together.
 */
export function inTransaction<C extends StaffContext, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}

/** The department a staff actor acts for (staff rows always have one: users_staff_scope_ck). */
export function actorDepartment(actor: Actor): string {
  if (actor.departmentId === null) {
    throw toTRPCError({ code: 'ACCESS.NO_DEPARTMENT', message: 'Your account belongs to no department', messageZh: '您的账号未归属任何部门' });
  }
  return actor.departmentId;
}

/** `<KIND>.NOT_FOUND` (the transport's NOT_FOUND), naming what was missing in both languages. */
export function notFound(kind: string, what: { en: string; zh: string }, id: string): never {
  throw toTRPCError({ code: `${kind}.NOT_FOUND`, message: `${what.en} not found`, messageZh: `${what.zh}不存在`, details: { id } });
}

/** Refuses when any of `ids` is not among `found`, listing the missing ones. */
export function requireAll(kind: string, what: { en: string; zh: string }, ids: readonly string[], found: readonly string[]): void {
  const present = new Set(found);
  const missing = ids.filter((i) => !present.has(i));
  if (missing.length > 0) {
    throw toTRPCError({ code: `${kind}.NOT_FOUND`, message: `${what.en} not found`, messageZh: `${what.zh}不存在`, details: { missing } });
  }
}
