import { err, ok, type Result } from '../common/errors';

export const COLLECTIVE_DECISION_KINDS = ['collective', 'expert_group'] as const;
export type CollectiveDecisionKind = (typeof COLLECTIVE_DECISION_KINDS)[number];

export interface CollectiveDecision {
  readonly kind: CollectiveDecisionKind;
  readonly participants: readonly { readonly userId: string }[];
  /** Participants who voted for the proposal under decision. */
  readonly votesFor: number;
}

/** Agreement as an integer fraction, so "2/3" is exact (no floats). */
export interface QuorumRule {
  readonly minParticipants: number;
  readonly agreement: { readonly numerator: number; readonly denominator: number } | null;
}

/**
 * Defaults from DOMAIN.md §4: major hazards are determined collectively by at
 * least 3 people; a technically hard case by an expert group of at least 7 with
 * two-thirds agreement. A collective discussion (集体讨论) records its votes but
 * needs no fixed majority here; provinces that set one configure `agreement`.
 */
export const DEFAULT_COLLECTIVE_DECISION_RULES: Readonly<Record<CollectiveDecisionKind, QuorumRule>> = {
  collective: { minParticipants: 3, agreement: null },
  expert_group: { minParticipants: 7, agreement: { numerator: 2, denominator: 3 } },
};

export interface CollectiveDecisionCheck {
  readonly kind: CollectiveDecisionKind;
  readonly participants: number;
  readonly votesFor: number;
  /** Votes needed (the ceiling of the fraction), 0 when no agreement is required. */
  readonly required: number;
}

/**
 * Codes: DECISION.INVALID_PARTICIPANT (blank id), DECISION.TOO_FEW_PARTICIPANTS
 * (distinct people, so one person listed twice counts once), DECISION.INVALID_VOTES
 * (not an integer between 0 and the participants), DECISION.INSUFFICIENT_AGREEMENT.
 */
export function validateCollectiveDecision(
  decision: CollectiveDecision,
  rules: Readonly<Record<CollectiveDecisionKind, QuorumRule>> = DEFAULT_COLLECTIVE_DECISION_RULES,
): Result<CollectiveDecisionCheck> {
  const rule = rules[decision.kind];
  if (decision.participants.some((p) => p.userId.trim().length === 0)) {
    return err('DECISION.INVALID_PARTICIPANT', 'Every participant must be identified', '每名参与人员都必须有明确身份');
  }
  const participants = new Set(decision.participants.map((p) => p.userId.trim())).size;
  const kindZh = decision.kind === 'collective' ? '集体讨论' : '专家组论证';
  if (participants < rule.minParticipants) {
    return err(
      'DECISION.TOO_FEW_PARTICIPANTS',
      `A ${decision.kind.replace('_', ' ')} decision needs at least ${rule.minParticipants} distinct participants, got ${participants}`,
      `${kindZh}至少需要${rule.minParticipants}名不同人员参加，实际${participants}人`,
      { kind: decision.kind, participants, min: rule.minParticipants },
    );
  }
  const votesFor = decision.votesFor;
  if (!Number.isSafeInteger(votesFor) || votesFor < 0 || votesFor > participants) {
    return err('DECISION.INVALID_VOTES', `Votes for must be an integer between 0 and ${participants}`, `赞成票数应为0至${participants}之间的整数`, {
      votesFor,
      participants,
    });
  }
  const required = rule.agreement
    ? Math.floor((participants * rule.agreement.numerator + rule.agreement.denominator - 1) / rule.agreement.denominator)
    : 0;
  if (votesFor < required) {
    return err(
      'DECISION.INSUFFICIENT_AGREEMENT',
      `${votesFor} of ${participants} agreed; at least ${required} are needed`,
      `${participants}人中${votesFor}人同意，未达到${required}人的法定比例`,
      { kind: decision.kind, votesFor, participants, required },
    );
  }
  return ok({ kind: decision.kind, participants, votesFor, required });
}
