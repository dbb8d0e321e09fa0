import { err, ok, type DomainError, type Result } from '../common/errors';
import { ROLE_NAMES, type Role } from '../common/roles';
import { validateCollectiveDecision, type CollectiveDecision } from '../gb35181/validate-collective-decision';
import { checkFine, formatFireLawCitation, findFineProvisions, type FineCheck } from './check-fine';
import { ENFORCEMENT_ACTION_KINDS, type EnforcementActionKind, type FinalAuthority } from './enforcement-actions';
import { DEFAULT_ENFORCEMENT_RULES, type EnforcementRules } from './enforcement-rules';
import type { FineProvision, FineTarget, FireLawCitation } from './fine-provisions';
import { planDetentionReferral, type DetentionReferral } from './plan-detention-referral';
import { requiresCollectiveDecision, type CollectiveReason } from './requires-collective-decision';

const ARTICLE_BASED: readonly EnforcementActionKind[] = ['fine', 'stop_business', 'detention_referral'];

export interface EnforcementOfficer {
  readonly userId: string;
  readonly role: Role;
}

export interface EnforcementProposal {
  readonly kind: EnforcementActionKind;
  readonly target: FineTarget;
  /** The facts of the violation (违法事实) as the proposer states them. */
  readonly facts: string;
  readonly proposer: EnforcementOfficer;
  /** Present when the decision is being taken: decision-stage checks run only then. */
  readonly decider?: EnforcementOfficer;
  readonly basis?: FireLawCitation;
  /** Fines only: whole yuan. */
  readonly amountYuan?: number;
  /** An order to correct was served and its deadline passed unmet, or it was refused. */
  readonly priorOrderOverdue?: boolean;
  /** The receiving department: police station, licensing department or public security organ. */
  readonly recipientDepartmentId?: string;
  /** Stop-business with a large effect on the economy or society (消防法 第七十条). */
  readonly largeImpact?: boolean;
  readonly collectiveDecision?: CollectiveDecision;
}

export interface ProposalCheck {
  readonly kind: EnforcementActionKind;
  readonly stage: 'proposal' | 'decision';
  readonly finalAuthority: FinalAuthority;
  /** Why a collective discussion is required before the decision, or null. */
  readonly collectiveDecision: CollectiveReason | null;
  readonly fine: FineCheck | null;
  readonly referral: DetentionReferral | null;
}

/**
 * Validates an enforcement proposal and, when `decider` is set, the decision on
 * it. Proposal-stage codes: ENFORCEMENT.UNKNOWN_ACTION, ENFORCEMENT.FACTS_REQUIRED,
 * ENFORCEMENT.ROLE_CANNOT_PROPOSE, ENFORCEMENT.LEGAL_BASIS_REQUIRED,
 * ENFORCEMENT.RECIPIENT_REQUIRED, ENFORCEMENT.PRECONDITION_UNMET,
 * ENFORCEMENT.MEASURE_NOT_PROVIDED, ENFORCEMENT.DETENTION_INDIVIDUAL_ONLY, and
 * every code of `checkFine` and `planDetentionReferral`. Decision-stage codes:
 * ENFORCEMENT.ROLE_CANNOT_DECIDE, ENFORCEMENT.GOVERNMENT_DECISION_REQUIRED,
 * ENFORCEMENT.SAME_PERSON, ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED and the
 * DECISION.* codes of `validateCollectiveDecision`.
 */
export function validateEnforcementProposal(
  proposal: EnforcementProposal,
  rules: EnforcementRules = DEFAULT_ENFORCEMENT_RULES,
): Result<ProposalCheck> {
  if (!(ENFORCEMENT_ACTION_KINDS as readonly string[]).includes(proposal.kind)) {
    return err('ENFORCEMENT.UNKNOWN_ACTION', `Unknown enforcement action ${proposal.kind}`, `未知的执法措施：${proposal.kind}`);
  }
  const def = rules.actions[proposal.kind];
  if (proposal.facts.trim().length === 0) {
    return err('ENFORCEMENT.FACTS_REQUIRED', 'State the facts of the violation', '请写明违法事实');
  }
  if (!def.proposedBy.includes(proposal.proposer.role)) {
    return err(
      'ENFORCEMENT.ROLE_CANNOT_PROPOSE',
      `Role ${proposal.proposer.role} may not propose ${proposal.kind}`,
      `${ROLE_NAMES[proposal.proposer.role].zh}无权提出“${def.label.zh}”`,
      { kind: proposal.kind, role: proposal.proposer.role, allowed: def.proposedBy },
    );
  }
  // Fines, stop-business and detention referrals are read from their article, whatever the configuration says.
  const needsBasis = def.requiresLegalBasis || ARTICLE_BASED.includes(proposal.kind);
  if (needsBasis && !proposal.basis) {
    return err('ENFORCEMENT.LEGAL_BASIS_REQUIRED', `${def.label.en} must cite its legal basis`, `“${def.label.zh}”必须注明法律依据`, { kind: proposal.kind });
  }
  if (def.requiresRecipient && !proposal.recipientDepartmentId?.trim()) {
    return err('ENFORCEMENT.RECIPIENT_REQUIRED', `${def.label.en} must name the receiving department`, `“${def.label.zh}”必须指明接收部门`, { kind: proposal.kind });
  }
  if (def.requiresOverdueOrder && !proposal.priorOrderOverdue) {
    return preconditionUnmet(def.label);
  }

  const specific = checkKindSpecifics(proposal, rules);
  if (!specific.ok) return specific;
  const collective = requiresCollectiveDecision(proposal, rules);
  const result: ProposalCheck = {
    kind: proposal.kind,
    stage: proposal.decider ? 'decision' : 'proposal',
    finalAuthority: def.finalAuthority,
    collectiveDecision: collective,
    fine: specific.value.fine,
    referral: specific.value.referral,
  };
  if (!proposal.decider) return ok(result);

  const decider = proposal.decider;
  const largeImpactRoles = proposal.largeImpact ? def.largeImpactDecidedBy : undefined;
  if (largeImpactRoles && !largeImpactRoles.includes(decider.role)) {
    return err(
      'ENFORCEMENT.GOVERNMENT_DECISION_REQUIRED',
      'A stop-business order with a large economic or social impact is decided by the local government',
      '责令停产停业对经济和社会生活影响较大的，应当报请本级人民政府依法决定',
      { kind: proposal.kind, allowed: largeImpactRoles },
    );
  }
  if (!largeImpactRoles && !def.decidedBy.includes(decider.role)) {
    return err(
      'ENFORCEMENT.ROLE_CANNOT_DECIDE',
      `Role ${decider.role} may not decide ${proposal.kind}`,
      `${ROLE_NAMES[decider.role].zh}无权决定“${def.label.zh}”`,
      { kind: proposal.kind, role: decider.role, allowed: def.decidedBy },
    );
  }
  if (!def.proposerMayDecide && decider.userId === proposal.proposer.userId) {
    return err('ENFORCEMENT.SAME_PERSON', `${def.label.en} is decided by someone other than the proposer`, `“${def.label.zh}”不得由提出人本人决定`, {
      kind: proposal.kind,
    });
  }
  if (collective) {
    const cd = proposal.collectiveDecision;
    if (!cd || cd.kind !== 'collective') {
      return err(
        'ENFORCEMENT.COLLECTIVE_DECISION_REQUIRED',
        `${def.label.en} requires a collective discussion by the agency's leaders before the decision`,
        `“${def.label.zh}”应当经负责人集体讨论决定`,
        { kind: proposal.kind, reason: collective },
      );
    }
    const quorum = validateCollectiveDecision(cd, rules.quorum);
    if (!quorum.ok) return quorum;
  }
  return ok(result);
}

function checkKindSpecifics(
  proposal: EnforcementProposal,
  rules: EnforcementRules,
): Result<{ fine: FineCheck | null; referral: DetentionReferral | null }> {
  const basis = proposal.basis;
  switch (proposal.kind) {
    case 'fine': {
      const fine = checkFine(
        { ...basis!, target: proposal.target, amountYuan: proposal.amountYuan ?? Number.NaN },
        rules.legal,
      );
      if (!fine.ok) return fine;
      if (fine.value.provision.precondition === 'overdue_correction' && !proposal.priorOrderOverdue) {
        return preconditionUnmet(rules.actions.fine.label, fine.value.provision);
      }
      return ok({ fine: fine.value, referral: null });
    }
    case 'stop_business': {
      const provisions = findFineProvisions(basis!, rules.legal.fines).filter((p) => p.measures.includes('stop_business'));
      const provision = provisions[0];
      if (!provision) {
        return err(
          'ENFORCEMENT.MEASURE_NOT_PROVIDED',
          `${formatFireLawCitation(basis!)} does not provide stopping production, business or use`,
          `${formatFireLawCitation(basis!)}未规定责令停产停业（停止使用）`,
          { article: basis!.article },
        );
      }
      if (provision.precondition === 'overdue_correction' && !proposal.priorOrderOverdue) {
        return preconditionUnmet(rules.actions.stop_business.label, provision);
      }
      return ok({ fine: null, referral: null });
    }
    case 'detention_referral': {
      const referral = planDetentionReferral(basis!, rules.legal.detentions);
      if (!referral.ok) return referral;
      if (proposal.target !== 'individual') {
        return err('ENFORCEMENT.DETENTION_INDIVIDUAL_ONLY', 'Detention applies to individuals only', '行政拘留只适用于个人，不适用于单位');
      }
      return ok({ fine: null, referral: referral.value });
    }
    default:
      return ok({ fine: null, referral: null });
  }
}

function preconditionUnmet(label: { zh: string; en: string }, provision?: FineProvision): { ok: false; error: DomainError } {
  return err(
    'ENFORCEMENT.PRECONDITION_UNMET',
    `${label.en} requires an order to correct whose deadline has passed unmet`,
    `“${label.zh}”须以责令限期改正逾期不改正为前提`,
    provision ? { provision: provision.id } : undefined,
  );
}
