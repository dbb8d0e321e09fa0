/**
 * 消防法 articles whose acts are punished with administrative detention
 * (行政拘留). Detention is decided and executed by the police under the Public
 * Security Administration Punishments Law; the fire agency only refers the case
 * to the police station. The domain therefore never produces a fire-agency
 * decision for these articles, not even for their lighter warning/fine branch:
 * the police decide the whole case [U: local practice may split it].
 */
export interface DetentionProvision {
  readonly article: number;
  readonly title: { readonly zh: string; readonly en: string };
  /** Days of detention the article sets, or null when it defers to 治安管理处罚法. */
  readonly detentionDays: { readonly min: number; readonly max: number } | null;
  readonly basis: string;
}

export const DETENTION_PROVISIONS: readonly DetentionProvision[] = [
  {
    article: 62,
    title: {
      zh: '违规生产储存运输销售使用销毁易燃易爆危险品、非法携带进入公共场所、谎报火警、阻碍消防车或消防救援人员执行任务',
      en: 'Dangerous goods offences, false fire alarms, obstructing fire engines or firefighters',
    },
    detentionDays: null,
    basis: '消防法 第六十二条（依照治安管理处罚法处罚）',
  },
  {
    article: 63,
    title: {
      zh: '违规进入易燃易爆危险品场所、违规使用明火作业或在有火灾爆炸危险的场所吸烟使用明火',
      en: 'Entering dangerous-goods premises against the rules, open flames or smoking where fire or explosion threatens',
    },
    detentionDays: { min: 1, max: 5 },
    basis: '消防法 第六十三条（情节严重的，处五日以下拘留）',
  },
  {
    article: 64,
    title: {
      zh: '强令冒险作业、过失引起火灾、阻拦报警、扰乱火灾现场、破坏伪造火灾现场、擅自拆封使用被查封场所',
      en: 'Forcing unsafe work, causing a fire by negligence, obstructing alarms or the fire scene, breaking a sealing',
    },
    detentionDays: { min: 10, max: 15 },
    basis: '消防法 第六十四条（处十日以上十五日以下拘留）',
  },
  {
    article: 68,
    title: {
      zh: '人员密集场所发生火灾，现场工作人员不履行组织引导疏散义务，情节严重',
      en: 'Staff of a crowded venue failing to lead the evacuation during a fire',
    },
    detentionDays: { min: 5, max: 10 },
    basis: '消防法 第六十八条（处五日以上十日以下拘留）',
  },
];
