/** Retry policy of notification delivery: exponential backoff, then the dead-letter state. */
export interface DeliveryPolicy {
  /** Delay after the first failure (ms). */
  readonly baseDelayMs: number;
  /** No delay grows beyond this (ms). */
  readonly maxDelayMs: number;
  /** Attempts before a delivery is dead-lettered. */
  readonly maxAttempts: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { baseDelayMs: 60_000, maxDelayMs: 6 * 3_600_000, maxAttempts: 8 };

export type DeliveryOutcome =
  | { readonly status: 'sent'; readonly attempts: number }
  | { readonly status: 'pending'; readonly attempts: number; readonly nextAttemptAt: Date }
  | { readonly status: 'dead'; readonly attempts: number };

/** After attempt number `attempts` (1-based) failed at `now`: retry at base × 2^(attempts-1), capped, or dead. */
export function afterFailure(attempts: number, now: Date, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): DeliveryOutcome {
  if (attempts >= policy.maxAttempts) return { status: 'dead', attempts };
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return { status: 'pending', attempts, nextAttemptAt: new Date(now.getTime() + delay) };
}
