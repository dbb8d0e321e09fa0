import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, EntityKind } from '../common/effects';
import { err, type DomainError } from '../common/errors';
import type { Role } from '../common/roles';

/**
 * Lifecycles are data: a status list and a transition table. The table is the
 * single source for (a) which command may move which status to which, (b) which
 * roles may issue it, and (c) the generated state diagrams in docs/domain/.
 * Command-specific preconditions (signatures, deadlines, payload checks) live in
 * each lifecycle's `transition` function, after `guard` has passed.
 */
export interface TransitionRule<S extends string, C extends string> {
  readonly command: C;
  readonly from: readonly S[];
  readonly to: S;
  readonly roles: readonly Role[];
  /** Short label for diagrams and audit views. */
  readonly label: { readonly zh: string; readonly en: string };
  /** Whether the actor's jurisdiction must contain the subject's (false for public actors). */
  readonly scoped: boolean;
}

export interface Lifecycle<S extends string, C extends string> {
  readonly name: string; // upper-case code prefix, e.g. 'HAZARD'
  readonly entity: EntityKind;
  readonly title: { readonly zh: string; readonly en: string };
  readonly states: readonly S[];
  readonly initial: S;
  readonly terminal: readonly S[];
  readonly transitions: readonly TransitionRule<S, C>[];
}

export function defineLifecycle<const S extends string, const C extends string>(def: Lifecycle<S, C>): Lifecycle<S, C> {
  return def;
}

/** The subject a transition acts on: its status and where it sits in the jurisdiction tree. */
export interface Subject<S extends string> {
  readonly id: string;
  readonly status: S;
  readonly jurisdictionId: string;
}

/**
 * Checks role, scope and status for `command` on `subject`. Returns the matching
 * rule, or a coded error: `<NAME>.UNKNOWN_COMMAND`, `<NAME>.INVALID_TRANSITION`,
 * `<NAME>.ROLE_NOT_ALLOWED`, `<NAME>.OUT_OF_SCOPE`.
 */
export function guard<S extends string, C extends string>(
  lc: Lifecycle<S, C>,
  subject: Subject<S>,
  command: C,
  ctx: TransitionContext,
): { ok: true; rule: TransitionRule<S, C> } | { ok: false; error: DomainError } {
  const rules = lc.transitions.filter((t) => t.command === command);
  if (rules.length === 0) {
    return err(`${lc.name}.UNKNOWN_COMMAND`, `Unknown command ${command}`, `未知操作：${command}`);
  }
  // Role, then scope, then status: someone outside the jurisdiction must not learn
  // the subject's status from an INVALID_TRANSITION answer.
  if (!rules.some((t) => t.roles.includes(ctx.actor.role))) {
    return err(
      `${lc.name}.ROLE_NOT_ALLOWED`,
      `Role ${ctx.actor.role} may not ${command}`,
      `当前角色无权执行“${rules[0]!.label.zh}”`,
      { command, role: ctx.actor.role },
    );
  }
  if (rules.some((t) => t.scoped)) {
    const root = ctx.actor.jurisdictionId;
    if (root === null || !ctx.scope.contains(root, subject.jurisdictionId)) {
      return err(
        `${lc.name}.OUT_OF_SCOPE`,
        `Subject is outside the actor's jurisdiction`,
        `该事项不在您的辖区范围内`,
        { command },
      );
    }
  }
  const rule = rules.find((t) => t.from.includes(subject.status));
  if (!rule) {
    return err(
      `${lc.name}.INVALID_TRANSITION`,
      `Cannot ${command} when ${lc.title.en.toLowerCase()} is ${subject.status}`,
      `${lc.title.zh}当前状态为“${subject.status}”，不能执行“${rules[0]!.label.zh}”`,
      { command, status: subject.status },
    );
  }
  if (!rule.roles.includes(ctx.actor.role)) {
    return err(
      `${lc.name}.ROLE_NOT_ALLOWED`,
      `Role ${ctx.actor.role} may not ${command}`,
      `当前角色无权执行“${rule.label.zh}”`,
      { command, role: ctx.actor.role },
    );
  }
  return { ok: true, rule };
}

/** The audit effect every transition emits: who, in which role and department, when, from what to what. */
export function auditEffect<S extends string>(
  lc: Lifecycle<S, string>,
  subjectId: string,
  action: string,
  from: S | null,
  to: S,
  ctx: TransitionContext,
  data?: Record<string, unknown>,
): Effect {
  const by: ActorStamp = stamp(ctx.actor, ctx.now);
  return data
    ? { type: 'audit', entity: lc.entity, entityId: subjectId, action, from, to, by, data }
    : { type: 'audit', entity: lc.entity, entityId: subjectId, action, from, to, by };
}

/** States reachable from `initial` through the table (used by tests and docs). */
export function reachable<S extends string>(lc: Lifecycle<S, string>): Set<S> {
  const seen = new Set<S>([lc.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of lc.transitions) {
      if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return seen;
}

/** Mermaid stateDiagram-v2 generated from the table: docs/domain/ is written from this. */
export function toMermaid<S extends string>(lc: Lifecycle<S, string>): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${lc.initial}`];
  for (const t of lc.transitions) {
    for (const f of t.from) lines.push(`  ${f} --> ${t.to}: ${t.command} (${t.roles.join(', ')})`);
  }
  for (const s of lc.terminal) lines.push(`  ${s} --> [*]`);
  return lines.join('\n');
}
