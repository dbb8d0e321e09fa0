import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err, type DomainError } from '../common/errors';
import type { Role } from '../common/roles';
import { auditEffect, defineLifecycle, guard } from './machine';

/**
 * Identity disclosure (GlobaLeaks pattern): the reporter's identity stays sealed
 * until a custodian, who is not the requester, approves one request for one
 * report. Approval is final; what follows is not a transition but a trail of
 * `access_logged` audit events, one per actual read (recordIdentityAccess).
 */
export const DISCLOSURE_STATUSES = ['requested', 'approved', 'denied'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export const disclosureLifecycle = defineLifecycle({
  name: 'DISCLOSURE',
  entity: 'disclosure',
  title: { zh: '身份信息披露', en: 'Identity disclosure' },
  states: DISCLOSURE_STATUSES,
  initial: 'requested',
  terminal: ['approved', 'denied'],
  transitions: [
    {
      command: 'approve',
      from: ['requested'],
      to: 'approved',
      roles: ['custodian'],
      label: { zh: '批准查阅', en: 'Approve' },
      scoped: true,
    },
    {
      command: 'deny',
      from: ['requested'],
      to: 'denied',
      roles: ['custodian'],
      label: { zh: '不予批准', en: 'Deny' },
      scoped: true,
    },
  ],
});

/** The only role that may ask to see a reporter's identity (DOMAIN.md §2). */
export const DISCLOSURE_REQUESTER_ROLES: readonly Role[] = ['reward_officer'];

export interface DisclosureState {
  readonly id: string;
  readonly status: DisclosureStatus;
  readonly jurisdictionId: string;
  readonly reportId: string;
  readonly reason: string;
  readonly requestedBy: ActorStamp;
  readonly decision: { readonly approved: boolean; readonly note: string | null; readonly by: ActorStamp } | null;
  readonly version: number;
}

export type DisclosureCommand =
  | { readonly type: 'approve'; readonly note?: string }
  | { readonly type: 'deny'; readonly reason: string };

export interface CreateDisclosureInput {
  readonly reportId: string;
  readonly jurisdictionId: string;
  readonly reason: string;
}

export function createDisclosure(input: CreateDisclosureInput, ctx: TransitionContext): TransitionResult<DisclosureState> {
  if (!DISCLOSURE_REQUESTER_ROLES.includes(ctx.actor.role)) {
    return err('DISCLOSURE.ROLE_NOT_ALLOWED', `Role ${ctx.actor.role} may not request identity disclosure`, '只有奖励经办人可以申请查阅举报人身份', {
      role: ctx.actor.role,
    });
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, input.jurisdictionId)) {
    return err('DISCLOSURE.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  const reason = input.reason.trim();
  if (reason === '') {
    return err('DISCLOSURE.REASON_REQUIRED', 'A reason is required to request identity disclosure', '申请查阅身份信息须说明理由');
  }
  if (input.reportId.trim() === '') {
    return err('DISCLOSURE.REPORT_REQUIRED', 'A disclosure request is for exactly one report', '须指明所涉举报');
  }
  const id = ctx.newId();
  const next: DisclosureState = {
    id,
    status: 'requested',
    jurisdictionId: input.jurisdictionId,
    reportId: input.reportId,
    reason,
    requestedBy: stamp(ctx.actor, ctx.now),
    decision: null,
    version: 1,
  };
  const effects: Effect[] = [
    auditEffect(disclosureLifecycle, id, 'request', null, 'requested', ctx, { reportId: input.reportId, reason }),
    {
      type: 'notify',
      to: { kind: 'role', role: 'custodian', jurisdictionId: input.jurisdictionId },
      template: 'disclosure.requested',
      entity: 'disclosure',
      entityId: id,
    },
  ];
  return { ok: true, next, effects };
}

export function transitionDisclosure(
  state: DisclosureState,
  command: DisclosureCommand,
  ctx: TransitionContext,
): TransitionResult<DisclosureState> {
  const g = guard(disclosureLifecycle, state, command.type, ctx);
  if (!g.ok) return g;
  if (ctx.actor.userId === state.requestedBy.userId) {
    return err('DISCLOSURE.SAME_PERSON', 'The custodian must be a different person from the requester', '审批人不能与申请人为同一人');
  }
  const to = g.rule.to;
  const by = stamp(ctx.actor, ctx.now);
  const toRequester: Effect = {
    type: 'notify',
    to: { kind: 'user', userId: state.requestedBy.userId },
    template: `disclosure.${to}`,
    entity: 'disclosure',
    entityId: state.id,
  };

  switch (command.type) {
    case 'approve': {
      const note = command.note?.trim() || null;
      return {
        ok: true,
        next: { ...state, status: to, decision: { approved: true, note, by }, version: state.version + 1 },
        effects: [auditEffect(disclosureLifecycle, state.id, 'approve', state.status, to, ctx, { reportId: state.reportId }), toRequester],
      };
    }
    case 'deny': {
      const reason = command.reason.trim();
      if (reason === '') return err('DISCLOSURE.REASON_REQUIRED', 'Give the reason for denying', '请填写不予批准的理由');
      return {
        ok: true,
        next: { ...state, status: to, decision: { approved: false, note: reason, by }, version: state.version + 1 },
        effects: [auditEffect(disclosureLifecycle, state.id, 'deny', state.status, to, ctx, { reportId: state.reportId, reason }), toRequester],
      };
    }
  }
}

export type IdentityAccessResult =
  | { readonly ok: true; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: DomainError };

/**
 * Called by the API each time it is about to unseal the identity for display.
 * The state does not change (approval is final); the returned audit effect must be
 * persisted in the same transaction as the read, or the read must not happen.
 */
export function recordIdentityAccess(state: DisclosureState, ctx: TransitionContext): IdentityAccessResult {
  if (state.status !== 'approved') {
    return err('DISCLOSURE.NOT_APPROVED', 'Identity may be read only under an approved request', '身份查阅申请未获批准，不能查阅');
  }
  if (ctx.actor.userId !== state.requestedBy.userId || !DISCLOSURE_REQUESTER_ROLES.includes(ctx.actor.role)) {
    return err('DISCLOSURE.NOT_REQUESTER', 'Only the person who requested disclosure may read the identity', '只有申请人本人可以查阅该身份信息');
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, state.jurisdictionId)) {
    return err('DISCLOSURE.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  return {
    ok: true,
    effects: [auditEffect(disclosureLifecycle, state.id, 'access_logged', 'approved', 'approved', ctx, { reportId: state.reportId })],
  };
}
