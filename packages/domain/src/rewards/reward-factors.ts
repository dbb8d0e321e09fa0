import { isRiskCategoryCode, riskCategory } from '../catalog/risk-categories';
import { formatYuan } from './money';
import type { AnonymousPolicy, RewardExclusion, RewardSeverity, RewardTier } from './reward-rules';

/**
 * Every factor that decided eligibility or changed the amount, with a sentence a
 * reporter and an auditor can read. `effectFen` is the signed change the factor
 * made to the running amount, or null when it decided without changing a figure.
 */
export interface RewardFactor {
  readonly code: RewardFactorCode;
  readonly zh: string;
  readonly en: string;
  readonly effectFen: number | null;
}

export const REWARD_FACTOR_CODES = [
  'EXCLUDED_FIRE_AGENCY_STAFF',
  'EXCLUDED_UNIT_RESPONSIBLE_PERSON',
  'EXCLUDED_HAZARD_ALREADY_KNOWN',
  'EXCLUDED_UNDER_INSPECTION',
  'EXCLUDED_MALICIOUS_OR_FALSE',
  'NOT_FIRST_VALID_REPORTER',
  'ANONYMOUS_REFUSED',
  'ANONYMOUS_IDENTIFY_AT_CLAIM',
  'ANONYMOUS_ALLOWED',
  'NO_TIER',
  'TIER_BASE',
  'FINE_SHARE',
  'FINE_SHARE_MIN',
  'WHISTLEBLOWER_UPLIFT',
  'TIER_MIN',
  'FINE_SHARE_MAX',
  'TIER_MAX',
  'YEARLY_CAP',
  'JOINT_SPLIT',
  'NOTHING_PAYABLE',
] as const;
export type RewardFactorCode = (typeof REWARD_FACTOR_CODES)[number];

const SEVERITY_NAMES: Readonly<Record<RewardSeverity, { zh: string; en: string }>> = {
  general: { zh: '一般火灾隐患', en: 'general hazard' },
  serious: { zh: '较大火灾隐患', en: 'serious hazard' },
  major: { zh: '重大火灾隐患', en: 'major hazard' },
};

const EXCLUSION_FACTORS: Readonly<Record<RewardExclusion, { code: RewardFactorCode; zh: string; en: string }>> = {
  fire_agency_staff_or_relative: {
    code: 'EXCLUDED_FIRE_AGENCY_STAFF',
    zh: '举报人为消防救援机构工作人员或其近亲属，不予奖励',
    en: 'The reporter is fire-agency staff or a close relative of staff: no reward',
  },
  unit_responsible_person: {
    code: 'EXCLUDED_UNIT_RESPONSIBLE_PERSON',
    zh: '举报人为被举报单位的消防安全责任人或管理人，不予奖励',
    en: "The reporter is one of the unit's own responsible persons: no reward",
  },
  hazard_already_known: {
    code: 'EXCLUDED_HAZARD_ALREADY_KNOWN',
    zh: '该隐患在举报前已被消防救援机构掌握，不予奖励',
    en: 'The fire agency already knew of this hazard before the report: no reward',
  },
  under_inspection: {
    code: 'EXCLUDED_UNDER_INSPECTION',
    zh: '该隐患在举报时已处于检查或查处过程中，不予奖励',
    en: 'The hazard was already under inspection or enforcement when reported: no reward',
  },
  malicious_or_false: {
    code: 'EXCLUDED_MALICIOUS_OR_FALSE',
    zh: '举报系恶意或虚假举报，不予奖励',
    en: 'The report is malicious or false: no reward',
  },
};

/** A risk category by its catalog name in each language (a code outside the catalog is kept as it is). */
const categoryName = (code: string, lang: 'zh' | 'en'): string => (isRiskCategoryCode(code) ? riskCategory(code)[lang] : code);

const yuanZh = (fen: number): string => `${formatYuan(fen)}元`;
const yuanEn = (fen: number): string => `CNY ${formatYuan(fen)}`;

export const rewardFactor = {
  excluded(exclusion: RewardExclusion): RewardFactor {
    const f = EXCLUSION_FACTORS[exclusion];
    return { code: f.code, zh: f.zh, en: f.en, effectFen: null };
  },
  notFirstValidReporter(): RewardFactor {
    return {
      code: 'NOT_FIRST_VALID_REPORTER',
      zh: '同一隐患仅奖励首位有效举报人，本举报不是首位有效举报',
      en: 'Only the first valid reporter of the same hazard is rewarded; this report was not the first valid one',
      effectFen: null,
    };
  },
  anonymous(policy: AnonymousPolicy): RewardFactor {
    if (policy === 'refuse') {
      return { code: 'ANONYMOUS_REFUSED', zh: '本地规则不奖励匿名举报', en: 'Local rules do not reward anonymous reports', effectFen: null };
    }
    if (policy === 'identify_at_claim') {
      return {
        code: 'ANONYMOUS_IDENTIFY_AT_CLAIM',
        zh: '匿名举报可获奖励，但领奖时须提供真实身份',
        en: 'Anonymous reports are rewarded, but the reporter must identify themselves when claiming',
        effectFen: null,
      };
    }
    return { code: 'ANONYMOUS_ALLOWED', zh: '本地规则允许奖励匿名举报', en: 'Local rules reward anonymous reports', effectFen: null };
  },
  noTier(severity: RewardSeverity, category: string): RewardFactor {
    const s = SEVERITY_NAMES[severity];
    return {
      code: 'NO_TIER',
      zh: `奖励规则未设置适用于${s.zh}（${categoryName(category, 'zh')}）的奖励档次`,
      en: `The reward rules have no tier for a ${s.en} in the category ${categoryName(category, 'en')}`,
      effectFen: null,
    };
  },
  tierBase(tier: RewardTier): RewardFactor {
    const s = SEVERITY_NAMES[tier.severity];
    const scope = tier.riskCategories ? `（${tier.riskCategories.map((c) => categoryName(c, 'zh')).join('、')}）` : '';
    const scopeEn = tier.riskCategories ? ` (${tier.riskCategories.map((c) => categoryName(c, 'en')).join('; ')})` : '';
    return {
      code: 'TIER_BASE',
      zh: `${s.zh}${scope}奖励标准 ${yuanZh(tier.baseFen)}（档次范围 ${yuanZh(tier.minFen)}至${yuanZh(tier.maxFen)}）`,
      en: `Standard amount for a ${s.en}${scopeEn}: ${yuanEn(tier.baseFen)} (tier range ${yuanEn(tier.minFen)} to ${yuanEn(tier.maxFen)})`,
      effectFen: tier.baseFen,
    };
  },
  fineShare(percent: number, fineFen: number, shareFen: number, effectFen: number): RewardFactor {
    return {
      code: 'FINE_SHARE',
      zh: `按罚款 ${yuanZh(fineFen)} 的 ${percent}% 计奖 ${yuanZh(shareFen)}（不足一分舍去），替代档次标准`,
      en: `${percent}% of the fine of ${yuanEn(fineFen)} is ${yuanEn(shareFen)} (rounded down to the fen), replacing the tier standard`,
      effectFen,
    };
  },
  fineShareMin(minFen: number, effectFen: number): RewardFactor {
    return {
      code: 'FINE_SHARE_MIN',
      zh: `按罚款比例计奖不足最低额，提高至 ${yuanZh(minFen)}`,
      en: `The fine share is below the minimum and is raised to ${yuanEn(minFen)}`,
      effectFen,
    };
  },
  whistleblowerUplift(percent: number, effectFen: number): RewardFactor {
    return {
      code: 'WHISTLEBLOWER_UPLIFT',
      zh: `内部吹哨人举报，上浮 ${percent}%（${yuanZh(effectFen)}）`,
      en: `Internal whistleblower report: ${percent}% uplift (${yuanEn(effectFen)})`,
      effectFen,
    };
  },
  tierMin(minFen: number, effectFen: number): RewardFactor {
    return {
      code: 'TIER_MIN',
      zh: `低于本档次最低奖励，提高至 ${yuanZh(minFen)}`,
      en: `Below the tier minimum; raised to ${yuanEn(minFen)}`,
      effectFen,
    };
  },
  fineShareMax(maxFen: number, effectFen: number): RewardFactor {
    return {
      code: 'FINE_SHARE_MAX',
      zh: `按罚款比例计奖最高 ${yuanZh(maxFen)}，超出部分不予奖励`,
      en: `Fine-share rewards are capped at ${yuanEn(maxFen)}; the excess is not paid`,
      effectFen,
    };
  },
  tierMax(maxFen: number, effectFen: number): RewardFactor {
    return {
      code: 'TIER_MAX',
      zh: `本档次最高奖励 ${yuanZh(maxFen)}，超出部分不予奖励`,
      en: `The tier maximum is ${yuanEn(maxFen)}; the excess is not paid`,
      effectFen,
    };
  },
  yearlyCap(capFen: number, remainingFen: number, reporters: number, effectFen: number): RewardFactor {
    const who = reporters > 1 ? `（${reporters} 名联名举报人各自）` : '';
    const whoEn = reporters > 1 ? ` (for each of the ${reporters} joint reporters)` : '';
    return {
      code: 'YEARLY_CAP',
      zh: `每名举报人年度奖励上限 ${yuanZh(capFen)}${who}，本年度剩余额度 ${yuanZh(remainingFen)}`,
      en: `Annual cap per reporter is ${yuanEn(capFen)}${whoEn}; ${yuanEn(remainingFen)} remains this year`,
      effectFen,
    };
  },
  jointSplit(reporters: number, wholeFen: number, perReporterFen: number): RewardFactor {
    const remainder = wholeFen - perReporterFen * reporters;
    const rest = remainder > 0 ? `，余数 ${remainder} 分不予发放` : '';
    const restEn = remainder > 0 ? `; the remainder of ${remainder} fen is not paid` : '';
    return {
      code: 'JOINT_SPLIT',
      zh: `${reporters} 人联名举报，按一次奖励平均分配，每人 ${yuanZh(perReporterFen)}${rest}`,
      en: `Joint report by ${reporters} reporters counts once and is split equally: ${yuanEn(perReporterFen)} each${restEn}`,
      effectFen: null,
    };
  },
  nothingPayable(): RewardFactor {
    return {
      code: 'NOTHING_PAYABLE',
      zh: '经上述规则计算，可发放金额为零，不予奖励',
      en: 'After the rules above nothing remains to be paid: no reward',
      effectFen: null,
    };
  },
} as const;
