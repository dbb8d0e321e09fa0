import { createReferral, type Actor, type CreateReferralInput, type ReferralState } from '@firebreak/domain';
import type { Db } from '@firebreak/db';
import type { Services } from '../../context/services';
import { runCreate } from '../../kernel/run-transition';
import { referralKindColumn } from '../../router/staff/columns';
import type { Clock } from '../../context/request-context';
import { actorDepartment, referenceOf } from '../access';

export interface OpenReferralDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
}

/** What ties the referral to the case it came from, besides the kernel's input. */
export interface ReferralLinks {
  readonly hazardId?: string | null;
  readonly enforcementId?: string | null;
}

/**
 * 抄告/移送: opens a referral from the actor's department with the kernel's createReferral
 * (roles, scope, the acknowledgement and handling deadlines) and writes it with its audit entry.
 * The one way a referral is made: sent by hand (referrals.send) or opened by an enforcement
 * decision that ends with another department (enforcement.decide, same transaction).
 */
export async function openReferral(
  deps: OpenReferralDeps,
  actor: Actor,
  input: CreateReferralInput,
  links: ReferralLinks = {},
): Promise<{ id: string; state: ReferralState }> {
  const from = actorDepartment(actor);
  const ref = await referenceOf(deps);
  return runCreate<ReferralState, 'referral'>(
    deps,
    actor,
    'referral',
    (k) => createReferral(input, k, ref.timeLimits),
    (s) => ({
      id: s.id,
      jurisdictionId: s.jurisdictionId,
      kind: referralKindColumn(s.kind),
      fromDepartmentId: from,
      toDepartmentId: s.toDepartmentId,
      venueId: s.venueId,
      hazardId: links.hazardId ?? null,
      ...(links.enforcementId ? { enforcementId: links.enforcementId } : {}),
      dueAt: new Date(s.ackDue),
    }),
  );
}
