import { err, ok, type Result } from '../common/errors';
import { DETENTION_PROVISIONS, type DetentionProvision } from './detention-provisions';
import { FINE_PROVISIONS, type FineProvision, type FineRange, type FineTarget, type FireLawCitation } from './fine-provisions';
import { findDetentionProvision, toReferral } from './plan-detention-referral';

/** The statutory data a check runs against; replaceable when the law changes. */
export interface LegalTables {
  readonly fines: readonly FineProvision[];
  readonly detentions: readonly DetentionProvision[];
}

export const DEFAULT_LEGAL_TABLES: LegalTables = { fines: FINE_PROVISIONS, detentions: DETENTION_PROVISIONS };

export interface FineInput extends FireLawCitation {
  readonly target: FineTarget;
  /** Whole yuan. */
  readonly amountYuan: number;
}

export interface FineCheck {
  readonly provision: FineProvision;
  readonly target: FineTarget;
  readonly amountYuan: number;
  readonly range: FineRange;
  /** Citation for the decision document, e.g. '消防法 第60条第2款第3项'. */
  readonly citation: string;
}

/** Provisions an (article, paragraph?, variant?) citation can mean; a missing variant means the main one. */
export function findFineProvisions(basis: FireLawCitation, provisions: readonly FineProvision[] = FINE_PROVISIONS): FineProvision[] {
  return provisions.filter(
    (p) =>
      p.article === basis.article &&
      (basis.paragraph === undefined || p.paragraphs.includes(basis.paragraph)) &&
      p.variant === basis.variant,
  );
}

export function formatFireLawCitation(basis: FireLawCitation): string {
  return `消防法 第${basis.article}条${basis.paragraph !== undefined ? `第${basis.paragraph}款` : ''}${basis.item !== undefined ? `第${basis.item}项` : ''}`;
}

/**
 * Checks a proposed fine against the statutory range. Codes:
 * ENFORCEMENT.POLICE_MATTER (Art. 62/63/64/68: refer to the police station, the
 * referral is in details), ENFORCEMENT.UNKNOWN_PROVISION, ENFORCEMENT.NO_FINE_FOR_TARGET,
 * ENFORCEMENT.AMBIGUOUS_PROVISION (cite the paragraph or variant),
 * ENFORCEMENT.ITEM_REQUIRED, ENFORCEMENT.INVALID_AMOUNT (not a positive whole number
 * of yuan), ENFORCEMENT.FINE_OUT_OF_RANGE (range in details).
 */
export function checkFine(input: FineInput, tables: LegalTables = DEFAULT_LEGAL_TABLES): Result<FineCheck> {
  const cite = formatFireLawCitation(input);
  const candidates = findFineProvisions(input, tables.fines);
  if (candidates.length === 0) {
    const detention = findDetentionProvision(input.article, tables.detentions);
    if (detention) {
      return err(
        'ENFORCEMENT.POLICE_MATTER',
        `${cite} is punished by detention decided by the police; refer the case to the police station`,
        `${cite}规定的违法行为由公安机关依法处理（行政拘留），应移送公安派出所，消防救援机构不作处罚决定`,
        { article: input.article, referral: toReferral(detention) },
      );
    }
    return err('ENFORCEMENT.UNKNOWN_PROVISION', `No fine provision for ${cite}`, `${cite}没有可适用的罚款规定`, {
      article: input.article,
      paragraph: input.paragraph,
      variant: input.variant,
    });
  }

  const forTarget = candidates.filter((p) => p[input.target] !== null);
  if (forTarget.length === 0) {
    return err(
      'ENFORCEMENT.NO_FINE_FOR_TARGET',
      `${cite} provides no fine for ${input.target === 'unit' ? 'a unit' : 'an individual'}`,
      `${cite}未规定对${input.target === 'unit' ? '单位' : '个人'}处以罚款`,
      { article: input.article, target: input.target },
    );
  }
  if (forTarget.length > 1) {
    return err('ENFORCEMENT.AMBIGUOUS_PROVISION', `${cite} has several fine ranges; cite the paragraph or variant`, `${cite}有多个罚款幅度，请注明款项`, {
      provisions: forTarget.map((p) => p.id),
    });
  }
  const provision = forTarget[0]!;
  if (provision.items) {
    if (input.item === undefined) {
      return err('ENFORCEMENT.ITEM_REQUIRED', `${cite} applies to items ${provision.items.join(', ')}: cite the item`, `${cite}仅适用于第${provision.items.join('、')}项，请注明项`, {
        items: provision.items,
      });
    }
    if (!provision.items.includes(input.item)) {
      return err('ENFORCEMENT.NO_FINE_FOR_TARGET', `${cite} provides no fine for this act`, `${cite}对该项行为未规定对${input.target === 'unit' ? '单位' : '个人'}罚款`, {
        article: input.article,
        target: input.target,
        items: provision.items,
      });
    }
  }

  const range = provision[input.target]!;
  const amount = input.amountYuan;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return err('ENFORCEMENT.INVALID_AMOUNT', 'A fine is a positive whole number of yuan', '罚款金额应为正整数（元）', { amountYuan: amount });
  }
  if (amount < range.minYuan || amount > range.maxYuan) {
    return err(
      'ENFORCEMENT.FINE_OUT_OF_RANGE',
      `${cite}: a fine of ${amount} yuan is outside ${range.minYuan}-${range.maxYuan} yuan`,
      `${cite}规定的罚款幅度为${range.minYuan}元至${range.maxYuan}元，${amount}元超出法定幅度`,
      { article: input.article, provision: provision.id, target: input.target, minYuan: range.minYuan, maxYuan: range.maxYuan, amountYuan: amount },
    );
  }
  return ok({ provision, target: input.target, amountYuan: amount, range, citation: cite });
}
