import type { EnforcementActionKind } from './enforcement-actions';
import type { EnforcementRules } from './enforcement-rules';
import type { FineTarget } from './fine-provisions';

export type CollectiveReason = 'kind' | 'fine_threshold';

/** Why a collective discussion is needed, or null when it is not. */
export function requiresCollectiveDecision(
  proposal: { readonly kind: EnforcementActionKind; readonly target: FineTarget; readonly amountYuan?: number | undefined },
  rules: EnforcementRules,
): CollectiveReason | null {
  if (rules.collective.alwaysFor.includes(proposal.kind)) return 'kind';
  if (proposal.kind === 'fine' && proposal.amountYuan !== undefined) {
    const threshold = rules.collective.fineThresholdYuan[proposal.target];
    if (threshold !== null && proposal.amountYuan >= threshold) return 'fine_threshold';
  }
  return null;
}
