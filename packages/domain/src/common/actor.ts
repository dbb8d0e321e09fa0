import type { Role } from './roles';

/**
 * The person behind a command. Every state change records who, in which role,
 * for which department, and when (the time comes from the TransitionContext).
 * Public and whistleblower actors have no department or jurisdiction; they are
 * identified by an opaque subject (a receipt-derived id), never by identity.
 */
export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly departmentId: string | null;
  /** Root of the jurisdiction subtree this actor may act in (null for public actors). */
  readonly jurisdictionId: string | null;
}

/** What an audit record keeps of an actor (the `who, in which role and department`). */
export interface ActorStamp {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly departmentId: string | null;
  readonly at: string; // ISO-8601 instant
}

export function stamp(actor: Actor, now: Date): ActorStamp {
  return {
    userId: actor.userId,
    name: actor.name,
    role: actor.role,
    departmentId: actor.departmentId,
    at: now.toISOString(),
  };
}
