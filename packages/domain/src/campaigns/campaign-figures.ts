/**
 * The figures a progress report carries and the cadence reports add up: the ones the seeds'
 * dashboards print. A department may report other named figures too; these get labels.
 */
export const CAMPAIGN_FIGURES = [
  { key: 'unitsInspected', zh: '检查单位', en: 'Units inspected', unit: '家' },
  { key: 'hazardsFound', zh: '发现隐患', en: 'Hazards found', unit: '处' },
  { key: 'hazardsRemediated', zh: '整改隐患', en: 'Hazards remediated', unit: '处' },
  { key: 'majorHazardUnitsListed', zh: '挂牌督办重大隐患单位', en: 'Major-hazard units listed', unit: '家' },
  { key: 'expertChecks', zh: '专家检查高风险单位', en: 'High-risk units checked by experts', unit: '家' },
  { key: 'jointInspections', zh: '联合检查', en: 'Joint inspections', unit: '次' },
  { key: 'fireLanesCleared', zh: '清理消防通道', en: 'Fire lanes cleared', unit: '条' },
  { key: 'trainingSessions', zh: '培训场次', en: 'Training sessions', unit: '场' },
  { key: 'peopleTrained', zh: '培训人数', en: 'People trained', unit: '人' },
] as const;

export type CampaignFigureKey = (typeof CAMPAIGN_FIGURES)[number]['key'];

export function campaignFigureLabel(key: string): { readonly zh: string; readonly en: string; readonly unit: string } {
  const f = CAMPAIGN_FIGURES.find((x) => x.key === key);
  return f ? { zh: f.zh, en: f.en, unit: f.unit } : { zh: key, en: key, unit: '' };
}
