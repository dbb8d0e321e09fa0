import { basis, LAWS, type LegalBasis } from './legal-basis';

/**
 * Flags on a social unit, independent of its venue categories: they are
 * determinations made by the fire agency (and published), not properties of the
 * premises. Key units carry extra duties (daily patrols, records, drills);
 * high-risk units must also buy fire liability insurance and be assessed yearly.
 */
export const UNIT_FLAG_CODES = ['key_unit', 'high_risk_unit'] as const;
export type UnitFlagCode = (typeof UNIT_FLAG_CODES)[number];

export interface UnitFlag {
  readonly code: UnitFlagCode;
  readonly zh: string;
  readonly en: string;
  readonly basis: LegalBasis;
  readonly description: { readonly zh: string; readonly en: string };
}

export const UNIT_FLAGS: readonly UnitFlag[] = [
  {
    code: 'key_unit',
    zh: '消防安全重点单位',
    en: 'Key fire safety unit',
    basis: basis(LAWS.fireLaw, '第十七条'),
    description: {
      zh: '发生火灾可能性较大以及发生火灾可能造成重大人身伤亡或者财产损失的单位，由消防救援机构确定并报本级人民政府备案。',
      en: 'A unit where fire is likely or would cause heavy casualties or losses, designated by the fire agency and filed with the local government.',
    },
  },
  {
    code: 'high_risk_unit',
    zh: '火灾高危单位',
    en: 'High fire-risk unit',
    basis: basis(LAWS.responsibilityMeasures, '第十七条'),
    description: {
      zh: '容易造成群死群伤火灾的人员密集场所、易燃易爆单位和高层、地下公共建筑等，除重点单位职责外还须开展年度消防安全评估、投保火灾公众责任保险。',
      en: 'Crowded, flammable-goods, high-rise or underground public premises liable to mass-casualty fires; beyond key-unit duties they need a yearly assessment and liability insurance.',
    },
  },
];

export function isUnitFlagCode(code: string): code is UnitFlagCode {
  return (UNIT_FLAG_CODES as readonly string[]).includes(code);
}
