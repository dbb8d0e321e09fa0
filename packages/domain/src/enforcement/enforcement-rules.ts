import {
  DEFAULT_COLLECTIVE_DECISION_RULES,
  type CollectiveDecisionKind,
  type QuorumRule,
} from '../gb35181/validate-collective-decision';
import { DEFAULT_LEGAL_TABLES, type LegalTables } from './check-fine';
import { ENFORCEMENT_ACTIONS, type EnforcementActionDef, type EnforcementActionKind } from './enforcement-actions';
import type { FineTarget } from './fine-provisions';

/** Everything `validateEnforcementProposal` decides by: configuration, with defaults below. */
export interface EnforcementRules {
  readonly actions: Readonly<Record<EnforcementActionKind, EnforcementActionDef>>;
  readonly collective: {
    /** Kinds always decided after a collective discussion (集体讨论). */
    readonly alwaysFor: readonly EnforcementActionKind[];
    /** Fines at or above this many yuan need one; null: never on amount alone. */
    readonly fineThresholdYuan: Readonly<Record<FineTarget, number | null>>;
  };
  readonly quorum: Readonly<Record<CollectiveDecisionKind, QuorumRule>>;
  readonly legal: LegalTables;
}

/**
 * Defaults. The 50,000-yuan unit threshold is [U] (DOMAIN.md: configurable);
 * the 10,000-yuan individual threshold is [U] too, set so that the Art. 69 range
 * for responsible persons is discussed collectively. Provinces replace both.
 */
export const DEFAULT_ENFORCEMENT_RULES: EnforcementRules = {
  actions: ENFORCEMENT_ACTIONS,
  collective: {
    alwaysFor: ['stop_business', 'license_revocation_request', 'criminal_referral'],
    fineThresholdYuan: { unit: 50_000, individual: 10_000 },
  },
  quorum: DEFAULT_COLLECTIVE_DECISION_RULES,
  legal: DEFAULT_LEGAL_TABLES,
};
