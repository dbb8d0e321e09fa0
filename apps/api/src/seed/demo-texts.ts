import { DEFAULT_STANDARDS, type CheckItem, type RiskCategoryCode } from '@firebreak/domain';
import type { Random } from './random';

/** What a member of the public writes, per risk category: plain words, not the standard's. */
export const REPORT_TEXTS: Readonly<Record<RiskCategoryCode, readonly string[]>> = {
  flammable_decoration: ['店里新装修用了大量泡沫板和木板吊顶，气味很大，担心着火。', '包厢墙面贴满海绵软包，吊顶是木龙骨。'],
  poor_separation: ['一楼仓库和二楼宿舍之间没有防火分隔，防火门一直用木楔顶着开着。', '商铺打通了隔墙，防火卷帘下面堆满了货。'],
  evacuation_blocked: ['后门安全出口被铁链锁住，楼梯间堆满纸箱，晚上根本出不去。', '营业时间安全出口上锁，疏散通道被货架占用。'],
  illegal_storage: ['店里违规存放了好几桶汽油和液化气钢瓶。', '地下室里堆放了大量油漆和稀释剂。'],
  facilities_disabled: ['消火栓箱里没有水带，喷淋系统的阀门被关了。', '烟感报警器被拆掉了，消防控制室主机一直报故障没人管。'],
  ebike_indoor: ['楼道里每天晚上停着十几辆电动车在充电，电线从窗户拉下来。', '门厅里电动车扎堆充电，堵住了出口。'],
  key_staff_negligence: ['消防控制室晚上没人值班，值班室一直锁着。', '负责人说消防的事没人管，值班记录都是补写的。'],
  weak_management: ['员工在仓库里吸烟，灭火器都过期了也没人检查。', '厨房油烟管道很久没清洗，油垢很厚。'],
  weak_training: ['员工都不会用灭火器，从来没有组织过疏散演练。', '新来的员工没有任何消防培训就上岗。'],
  dorm_partitions: ['学生宿舍里用木板和布帘隔出小间，晚上宿舍楼大门上锁。', '宿舍阳台被改成隔间住人，走廊尽头的门锁死了。'],
  kindergarten_hazards: ['幼儿园教室墙上挂满泡沫装饰和纸质彩带，窗户装了铁栅栏。', '午睡室里堆着很多塑料玩具，窗户焊了防盗网打不开。'],
  ward_corridor_beds: ['住院部走廊两边加了很多病床，疏散通道只剩一人宽。', '病区走廊加床堵住了楼梯口。'],
  bathhouse_lodging: ['洗浴中心休息大厅晚上有人长期住宿，按天收费。', '浴场楼上隔出小房间给员工和客人过夜。'],
};

/** The standard in force for a venue's main category (the kernel's defaults, as seeded). */
export function itemsFor(categories: readonly string[]): readonly CheckItem[] {
  for (const c of categories) {
    const s = DEFAULT_STANDARDS.find((d) => d.category === c);
    if (s) return s.items;
  }
  return [];
}

/** A check item of the venue's standard, preferring the given risk categories. */
export function pickItem(categories: readonly string[], rng: Random, prefer: readonly string[] = []): CheckItem {
  const items = itemsFor(categories);
  if (items.length === 0) throw new Error(`demo seed: no standard for ${categories.join(',')}`);
  const preferred = items.filter((i) => prefer.includes(i.riskCategory));
  return rng.pick(preferred.length > 0 ? preferred : items);
}

/** A finding as an inspector writes it in the ledger. */
export function findingText(item: CheckItem, venueName: string): string {
  return `${venueName}：不符合“${item.text.zh}”。`;
}

export function reportText(riskCategory: string, rng: Random): string {
  const texts = REPORT_TEXTS[riskCategory as RiskCategoryCode];
  return texts ? rng.pick(texts) : '发现消防安全隐患，请尽快核查。';
}
