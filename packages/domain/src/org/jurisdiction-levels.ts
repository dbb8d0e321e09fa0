/** Administrative levels, top down; a child sits exactly one level below its parent. */
export const JURISDICTION_LEVELS = ['province', 'city', 'district', 'street', 'community', 'grid'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const JURISDICTION_LEVEL_NAMES: Readonly<Record<JurisdictionLevel, { zh: string; en: string }>> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  district: { zh: '区/县', en: 'District or county' },
  street: { zh: '街道/乡镇', en: 'Street or town' },
  community: { zh: '社区/村', en: 'Community or village' },
  grid: { zh: '网格', en: 'Grid cell' },
};

export function isJurisdictionLevel(level: string): level is JurisdictionLevel {
  return (JURISDICTION_LEVELS as readonly string[]).includes(level);
}

/** 0 for province … 5 for grid. */
export function levelDepth(level: JurisdictionLevel): number {
  return JURISDICTION_LEVELS.indexOf(level);
}
