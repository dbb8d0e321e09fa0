import type { ActorStamp } from './actor';

/**
 * What a transition asks the outside world to do. The API persists audit events in
 * the hash-chained log, schedules and cancels deadlines, and queues notifications
 * in the outbox, all in the same transaction as the state change.
 */
export type Effect =
  | {
      readonly type: 'audit';
      readonly entity: EntityKind;
      readonly entityId: string;
      readonly action: string;
      readonly from: string | null;
      readonly to: string;
      readonly by: ActorStamp;
      readonly data?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'deadline';
      readonly entity: EntityKind;
      readonly entityId: string;
      readonly kind: string; // e.g. 'report.verification'
      readonly due: string; // ISO instant
      readonly basis: string; // legal basis, e.g. '消防监督检查规定 第十七条'
    }
  | {
      readonly type: 'cancelDeadline';
      readonly entity: EntityKind;
      readonly entityId: string;
      readonly kind: string;
    }
  | {
      readonly type: 'notify';
      readonly to: Recipient;
      readonly template: string; // e.g. 'report.accepted'
      readonly entity: EntityKind;
      readonly entityId: string;
      readonly data?: Readonly<Record<string, unknown>>;
    };

export type Recipient =
  | { readonly kind: 'reporter' } // through the receipt only, never by identity
  | { readonly kind: 'unit'; readonly venueId: string }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'role'; readonly role: string; readonly jurisdictionId: string };

export const ENTITY_KINDS = [
  'report',
  'hazard',
  'inspection',
  'enforcement',
  'referral',
  'listing',
  'reward',
  'claim',
  'disclosure',
  'campaign_task',
  'venue',
  'draw',
  'standard',
  'reward_rules',
  'user',
  'reward_list',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The uniform answer of every lifecycle transition. */
export type TransitionResult<S> =
  | { readonly ok: true; readonly next: S; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: import('./errors').DomainError };
