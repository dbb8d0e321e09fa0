/** Kinds of department a staff user can belong to. */
export const DEPARTMENT_KINDS = [
  'fire_agency',
  'police_station',
  'industry',
  'committee_office',
  'government',
  'expert_pool',
  'discipline',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_NAMES: Readonly<Record<DepartmentKind, { zh: string; en: string }>> = {
  fire_agency: { zh: '消防救援机构', en: 'Fire and rescue agency' },
  police_station: { zh: '公安派出所', en: 'Police station' },
  industry: { zh: '行业主管部门', en: 'Industry department' },
  committee_office: { zh: '消防安全委员会办公室', en: 'Fire safety committee office' },
  government: { zh: '人民政府（街道办事处、乡镇）', en: 'Local government (street office, township)' },
  expert_pool: { zh: '专家库', en: 'Expert pool' },
  discipline: { zh: '纪检监察机关', en: 'Discipline inspection and supervision commission' },
};

/**
 * Fire agency echelons. The typical jurisdiction level is where each usually
 * sits; a station (消防救援站) covers part of a district, so it is not bound to
 * one level.
 */
export const FIRE_AGENCY_LEVELS = ['corps', 'detachment', 'brigade', 'station'] as const;
export type FireAgencyLevel = (typeof FIRE_AGENCY_LEVELS)[number];

export const FIRE_AGENCY_LEVEL_NAMES: Readonly<Record<FireAgencyLevel, { zh: string; en: string; typicalJurisdiction: string | null }>> = {
  corps: { zh: '消防救援总队', en: 'Provincial fire and rescue corps', typicalJurisdiction: 'province' },
  detachment: { zh: '消防救援支队', en: 'City fire and rescue detachment', typicalJurisdiction: 'city' },
  brigade: { zh: '消防救援大队', en: 'District fire and rescue brigade', typicalJurisdiction: 'district' },
  station: { zh: '消防救援站', en: 'Fire and rescue station', typicalJurisdiction: null },
};

/** Sectors of industry departments ("管行业必须管安全": each supervises fire safety in its sector). */
export const INDUSTRY_SECTORS = [
  'education',
  'civil_affairs',
  'housing_construction',
  'culture_tourism',
  'health',
  'religious_affairs',
  'market_regulation',
  'emergency_management',
  'commerce',
  'transport',
  'human_resources',
  'natural_resources',
  'public_security',
  'cultural_heritage',
  'sports',
  'industry_it',
  'agriculture_rural',
  'urban_management',
  'administrative_approval',
  'power_supply',
] as const;
export type IndustrySector = (typeof INDUSTRY_SECTORS)[number];

export const INDUSTRY_SECTOR_NAMES: Readonly<Record<IndustrySector, { zh: string; en: string }>> = {
  education: { zh: '教育', en: 'Education' },
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  housing_construction: { zh: '住房和城乡建设', en: 'Housing and urban-rural development' },
  culture_tourism: { zh: '文化和旅游', en: 'Culture and tourism' },
  health: { zh: '卫生健康', en: 'Health' },
  religious_affairs: { zh: '民族宗教', en: 'Ethnic and religious affairs' },
  market_regulation: { zh: '市场监督管理', en: 'Market regulation' },
  emergency_management: { zh: '应急管理', en: 'Emergency management' },
  commerce: { zh: '商务', en: 'Commerce' },
  transport: { zh: '交通运输', en: 'Transport' },
  human_resources: { zh: '人力资源和社会保障', en: 'Human resources and social security' },
  natural_resources: { zh: '自然资源', en: 'Natural resources' },
  public_security: { zh: '公安（治安管理）', en: 'Public security (public order)' },
  cultural_heritage: { zh: '文物', en: 'Cultural heritage' },
  sports: { zh: '体育', en: 'Sports' },
  industry_it: { zh: '工业和信息化', en: 'Industry and information technology' },
  agriculture_rural: { zh: '农业农村', en: 'Agriculture and rural affairs' },
  urban_management: { zh: '城市管理（综合行政执法）', en: 'Urban management (comprehensive enforcement)' },
  administrative_approval: { zh: '行政审批', en: 'Administrative approval' },
  power_supply: { zh: '供电', en: 'Power supply' },
};
