/**
 * Whistleblower material is kept no longer than the configured period after the report is
 * finished with; then the sealed identity and the sealed originals of its attachments are
 * purged. Statistics (the report row, its status, category, place, dates) stay.
 */
export interface RetentionPolicy {
  /** Days after the report reached a final status. */
  readonly whistleblowerDays: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { whistleblowerDays: 3 * 365 };

/** Final report statuses after which the retention period runs. */
export const RETENTION_FINAL_REPORT_STATUSES = ['rejected', 'unfounded', 'replied'] as const;

export interface RetentionCandidate {
  readonly reportId: string;
  readonly status: string;
  /** When the report last changed (it reached its final status then). */
  readonly finishedAt: string;
  readonly hasSealedMaterial: boolean;
}

/** Whether `c` is past its retention at `now` and still holds sealed material to purge. */
export function isPastRetention(c: RetentionCandidate, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): boolean {
  if (!c.hasSealedMaterial) return false;
  if (!(RETENTION_FINAL_REPORT_STATUSES as readonly string[]).includes(c.status)) return false;
  const finished = Date.parse(c.finishedAt);
  if (Number.isNaN(finished)) return false;
  return now.getTime() - finished > policy.whistleblowerDays * 86_400_000;
}

/**
 * Claim statuses after which a reward claim's sealed envelopes (the claimant's identity and
 * payment details) are only kept for the retention period: paid, or refused for good. A claim
 * still being verified or accepted and waiting for payment keeps them.
 */
export const RETENTION_FINAL_CLAIM_STATUSES = ['paid', 'rejected'] as const;

export interface ClaimRetentionCandidate {
  readonly claimId: string;
  readonly status: string;
  /** When the claim last changed (it reached its final status then). */
  readonly finishedAt: string;
}

/** Whether a claim's sealed envelopes are past retention at `now` (same period as whistleblower material). */
export function isClaimPastRetention(c: ClaimRetentionCandidate, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION_POLICY): boolean {
  if (!(RETENTION_FINAL_CLAIM_STATUSES as readonly string[]).includes(c.status)) return false;
  const finished = Date.parse(c.finishedAt);
  if (Number.isNaN(finished)) return false;
  return now.getTime() - finished > policy.whistleblowerDays * 86_400_000;
}
