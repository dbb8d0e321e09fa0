/**
 * A legal basis as written on a correction notice: the instrument and, where one
 * provision applies, the article or clause. Notices quote it verbatim, so it is
 * kept as display text rather than parsed.
 */
export interface LegalBasis {
  readonly law: string;
  readonly article?: string;
}

/** Instruments cited by the default catalogs; short names as used on notices. */
export const LAWS = {
  fireLaw: '中华人民共和国消防法',
  unitRegulation: '机关、团体、企业、事业单位消防安全管理规定（公安部令第61号）',
  responsibilityMeasures: '消防安全责任制实施办法（国办发〔2017〕87号）',
  highRiseRegulation: '高层民用建筑消防安全管理规定（应急管理部令第5号）',
  entertainmentRegulation: '公共娱乐场所消防安全管理规定（公安部令第39号）',
  warehouseRules: '仓库防火安全管理规则（公安部令第6号）',
  rentalMeasures: '商品房屋租赁管理办法（住房和城乡建设部令第6号）',
  hotelSecurityMeasures: '旅馆业治安管理办法',
  universityRegulation: '高等学校消防安全管理规定（教育部、公安部令第28号）',
  hospitalNineRules: '医疗机构消防安全管理九项规定',
  heritageGuide: '文物建筑消防安全管理指南（试行）',
  gasRegulation: '城镇燃气管理条例',
  gb50016: 'GB 50016-2014（2018年版）建筑设计防火规范',
  gb50222: 'GB 50222-2017 建筑内部装修设计防火规范',
  gb50140: 'GB 50140-2005 建筑灭火器配置设计规范',
  gb25201: 'GB 25201-2010 建筑消防设施的维护管理',
  gb25506: 'GB 25506-2010 消防控制室通用技术要求',
  gb50720: 'GB 50720-2011 建设工程施工现场消防安全技术规范',
  gb38600: 'GB 38600-2019 养老机构服务安全基本规范',
  gbt40248: 'GB/T 40248-2021 人员密集场所消防安全管理',
  ga703: 'GA 703-2007 住宿与生产储存经营合用场所消防安全技术要求',
  jgj39: 'JGJ 39-2016 托儿所、幼儿园建筑设计规范',
} as const;

export function basis(law: string, article?: string): LegalBasis {
  return article === undefined ? { law } : { law, article };
}

/** Display form, e.g. `中华人民共和国消防法 第二十八条`. */
export function formatLegalBasis(b: LegalBasis): string {
  return b.article ? `${b.law} ${b.article}` : b.law;
}
