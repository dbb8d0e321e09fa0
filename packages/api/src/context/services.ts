import { randomUUID } from 'node:crypto';
import { DEFAULT_RETENTION_POLICY } from '@firebreak/domain';
import type { Sealer } from '@firebreak/db';
import { createKnownDevices, type KnownDevices } from '../auth/known-device';
import { createLoginThrottles, type LoginThrottles } from '../auth/login-throttle';
import { createThrottle, type Throttle } from '../auth/throttle';
import { createReferenceCache, type ReferenceCache } from './reference';

/** Long-lived collaborators of every procedure, built once per server process. */
export interface Services {
  /** Seals reporter identity, claim identity and payment details (AES-256-GCM). */
  readonly sealer: Sealer;
  /** Secret mixed into receipt lookup hashes; without it a stolen table reveals nothing. */
  readonly receiptPepper: string;
  readonly reference: ReferenceCache;
  readonly newId: () => string;
  /** Receipt lookups per client address hash. */
  readonly receiptThrottle: Throttle;
  /** Receipt lookups by all clients together (per minute). */
  readonly receiptGlobalThrottle: Throttle;
  /** Login attempts per address and username, per address, and failures per username. */
  readonly loginThrottles: LoginThrottles;
  /** Signs and checks the known-device cookie that passes the per-username backoff. */
  readonly knownDevices: KnownDevices;
  /** Days whistleblower material is kept after the case is finished (the retention job and the site's promise read the same number). */
  readonly whistleblowerRetentionDays: number;
}

/** Receipt lookups all clients together may make per minute unless configured (FIREBREAK_RECEIPT_LOOKUPS_PER_MINUTE). */
export const DEFAULT_RECEIPT_LOOKUPS_PER_MINUTE = 3000;

export function createServices(opts: {
  sealer: Sealer;
  receiptPepper: string;
  reference?: ReferenceCache;
  newId?: () => string;
  receiptLookupsPerMinute?: number;
  whistleblowerRetentionDays?: number;
}): Services {
  return {
    sealer: opts.sealer,
    receiptPepper: opts.receiptPepper,
    reference: opts.reference ?? createReferenceCache(),
    newId: opts.newId ?? randomUUID,
    receiptThrottle: createThrottle({ limit: 20, windowMs: 10 * 60_000 }),
    receiptGlobalThrottle: createThrottle({ limit: opts.receiptLookupsPerMinute ?? DEFAULT_RECEIPT_LOOKUPS_PER_MINUTE, windowMs: 60_000 }),
    loginThrottles: createLoginThrottles(),
    knownDevices: createKnownDevices(opts.receiptPepper),
    whistleblowerRetentionDays: opts.whistleblowerRetentionDays ?? DEFAULT_RETENTION_POLICY.whistleblowerDays,
  };
}
