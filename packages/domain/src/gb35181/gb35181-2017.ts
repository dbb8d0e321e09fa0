import type { RuleTable } from './rule-table';

/**
 * GB 35181-2017《重大火灾隐患判定方法》as data, encoded from shared/gb35181-2017.md.
 * Texts are short summaries for screens and audit views, not the standard's
 * wording; `confirmed` carries that document's C/P/U marks. Combination sizes
 * marked U are configuration to confirm against the standard before relying on
 * them alone; an expert override (5.3.4) records any disagreement.
 */
export const GB35181_2017: RuleTable = {
  version: '2017',
  title: { zh: 'GB 35181-2017 重大火灾隐患判定方法', en: 'GB 35181-2017 Determination of major fire hazards' },
  elements: [
    // Chapter 6: direct elements, any one is a major hazard.
    { code: '6.1', chapter: 'direct', confirmed: 'C', text: { zh: '易燃易爆危险品的工厂、仓库、专用车站、码头或储罐区未设置在城市边缘或相对独立的安全地带', en: 'Flammable/explosive goods plants, warehouses, stations, docks or tank farms not at the city edge or in an isolated safe zone' } },
    { code: '6.2', chapter: 'direct', confirmed: 'C', text: { zh: '生产、储存、经营易燃易爆危险品的场所与人员密集场所或居住场所设在同一建筑物内，或防火间距小于规定值的75%', en: 'A venue producing, storing or selling flammable goods in the same building as a crowded venue or homes, or its separation distance below 75%' } },
    { code: '6.3', chapter: 'direct', confirmed: 'C', text: { zh: '城市建成区内加油站、加气站储量达到或超过一级站规定', en: 'A fuel or gas filling station in the built-up area at or above first-class capacity' } },
    { code: '6.4', chapter: 'direct', confirmed: 'C', text: { zh: '甲、乙类生产场所或仓库设在地下室或半地下室', en: 'Class 甲/乙 production or storage in a basement or semi-basement' } },
    { code: '6.5', chapter: 'direct', confirmed: 'C', text: { zh: '公共娱乐场所、商店、地下人员密集场所安全出口数量不足或总净宽度小于规定值的80%', en: "Public entertainment venue, shop or underground crowded venue: too few exits, or total exit width below 80%" } },
    { code: '6.6', chapter: 'direct', confirmed: 'C', text: { zh: '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统（已设置但不能正常运行的按第7章判定）', en: 'Hotel, public entertainment venue, shop or underground crowded venue without a required sprinkler or automatic fire alarm system (installed but broken counts under chapter 7)' } },
    { code: '6.7', chapter: 'direct', confirmed: 'C', text: { zh: '易燃可燃液体、可燃气体储罐（区）未按规定设置固定灭火、冷却、可燃气体浓度报警或火灾报警设施', en: 'Flammable liquid or gas tanks without required fixed extinguishing, cooling, gas alarm or fire alarm' } },
    { code: '6.8', chapter: 'direct', confirmed: 'C', text: { zh: '在人员密集场所违反规定使用、储存或销售易燃易爆危险品', en: 'Flammable/explosive goods used, stored or sold in a crowded venue against the rules' } },
    { code: '6.9', chapter: 'direct', confirmed: 'C', text: { zh: '托儿所、幼儿园儿童用房或老年人活动场所所在楼层位置不符合规定', en: "Children's rooms of nurseries/kindergartens or elderly activity rooms on a floor the standard forbids" } },
    { code: '6.10', chapter: 'direct', confirmed: 'C', text: { zh: '人员密集场所的居住场所采用芯材燃烧性能低于A级的彩钢夹芯板搭建', en: 'Living quarters in a crowded venue built of sandwich panel with a core below class A' } },

    // Chapter 7: comprehensive elements, counted in combinations (5.3).
    { code: '7.1.1', chapter: 'comprehensive', confirmed: 'C', text: { zh: '未按规定设置消防车道，或消防车道被堵塞、占用', en: 'Fire lanes missing, blocked or occupied' } },
    { code: '7.1.2', chapter: 'comprehensive', confirmed: 'C', text: { zh: '既有防火间距被占用或小于规定值的80%；明火地点与易燃易爆厂房、装置防火间距不足', en: 'Separation distance occupied or below 80%; open flame too close to flammable plant' } },
    { code: '7.1.3', chapter: 'comprehensive', confirmed: 'C', text: { zh: '在厂房、库房、商场中设置员工宿舍，或在居住建筑中从事生产、储存、经营，且不符合GA 703', en: 'Dormitories inside plants, warehouses or shops, or production, storage or business inside homes, not meeting GA 703' } },
    { code: '7.1.4', chapter: 'comprehensive', confirmed: 'C', text: { zh: '地铁车站疏散区域内设置商业经营场所', en: "Stalls in a metro station's evacuation areas" } },
    { code: '7.2.1', chapter: 'comprehensive', confirmed: 'C', text: { zh: '防火分区被改变，实际面积超过规定值50%以上', en: 'Fire compartment changed, area more than 50% over the standard' } },
    { code: '7.2.2', chapter: 'comprehensive', confirmed: 'C', text: { zh: '防火分区内防火门、防火卷帘等防火分隔设施损坏超过50%', en: 'More than 50% of fire doors/shutters in a compartment damaged' } },
    { code: '7.2.3', chapter: 'comprehensive', confirmed: 'C', text: { zh: '丙、丁、戊类厂房内有火灾或爆炸危险的部位未采取防火分隔或防爆措施', en: 'Hazard areas of class 丙/丁/戊 plants without separation or explosion protection' } },
    { code: '7.3.1', chapter: 'comprehensive', confirmed: 'C', text: { zh: '避难走道、避难间、避难层设置不符合规定或被占用', en: 'Refuge corridor, room or floor missing or occupied' } },
    { code: '7.3.2', chapter: 'comprehensive', confirmed: 'C', text: { zh: '人员密集场所疏散楼梯间形式不符合规定', en: 'Crowded venue stairwell of the wrong type' } },
    { code: '7.3.3', chapter: 'comprehensive', confirmed: 'C', text: { zh: '其他场所安全出口数量或宽度不符合规定，或安全出口被封堵', en: 'Other venues: too few or too narrow exits, or exits blocked' } },
    { code: '7.3.4', chapter: 'comprehensive', confirmed: 'C', text: { zh: '应设置独立安全出口或疏散楼梯而未设置', en: 'Required independent exit or staircase missing' } },
    { code: '7.3.5', chapter: 'comprehensive', confirmed: 'C', text: { zh: '商店营业厅疏散距离超过规定值的125%', en: 'Shop sales hall evacuation distance above 125%' } },
    { code: '7.3.6', chapter: 'comprehensive', confirmed: 'C', text: { zh: '疏散指示标志或应急照明未设置，或损坏率超过30%（高层、地下）或50%（其他）', en: 'Evacuation signs or emergency lighting missing, or more than 30% damaged (high-rise/underground), 50% elsewhere' } },
    { code: '7.3.7', chapter: 'comprehensive', confirmed: 'C', text: { zh: '封闭楼梯间或防烟楼梯间的门损坏率超过20%（设有人员密集场所的高层）或50%（其他）', en: 'More than 20% of enclosed/smoke-proof stairwell doors damaged in a high-rise with a crowded venue, 50% elsewhere' } },
    { code: '7.3.8', chapter: 'comprehensive', confirmed: 'U', text: { zh: '人员密集场所疏散走道、楼梯间等部位使用可燃装修材料', en: 'Combustible finishes in evacuation routes of a crowded venue' } },
    { code: '7.3.9', chapter: 'comprehensive', confirmed: 'U', text: { zh: '人员密集场所疏散走道、疏散门或安全出口设置栅栏、卷帘门', en: 'Railings or shutters in evacuation routes or exits of a crowded venue' } },
    { code: '7.3.10', chapter: 'comprehensive', confirmed: 'U', text: { zh: '人员密集场所外窗被封堵或遮挡', en: 'Exterior windows of a crowded venue blocked' } },
    { code: '7.3.11', chapter: 'comprehensive', confirmed: 'U', text: { zh: '高层建筑消防车道或救援场地未设置或被占用', en: 'High-rise fire lanes or rescue sites missing or occupied' } },
    { code: '7.3.12', chapter: 'comprehensive', confirmed: 'U', text: { zh: '消防电梯无法正常运行', en: 'Fire lift not working' } },
    { code: '7.4.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未按规定设置消防水源或储存灭火剂', en: 'Fire water source missing' } },
    { code: '7.4.2', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未按规定设置室外消防给水系统', en: 'Outdoor hydrant system missing' } },
    { code: '7.4.3', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未按规定设置室内消火栓系统', en: 'Indoor hydrant system missing' } },
    { code: '7.4.4', chapter: 'comprehensive', confirmed: 'U', text: { zh: '其他场所未按规定设置自动喷水灭火系统', en: 'Sprinklers missing in other venues' } },
    { code: '7.4.5', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未按规定设置其他固定灭火设施', en: 'Other fixed extinguishing systems missing' } },
    { code: '7.4.6', chapter: 'comprehensive', confirmed: 'U', text: { zh: '已设置的自动喷水灭火系统或其他固定灭火设施不能正常使用', en: 'Installed sprinkler or fixed extinguishing systems not working' } },
    { code: '7.5', chapter: 'comprehensive', confirmed: 'P', text: { zh: '人员密集场所、高层或地下建筑未设置防烟排烟设施，或不能正常使用', en: 'Smoke control missing or not working in crowded, high-rise or underground buildings' } },
    { code: '7.6.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '消防用电负荷等级不符合规定', en: 'Fire power supply below the required load class' } },
    { code: '7.6.2', chapter: 'comprehensive', confirmed: 'U', text: { zh: '消防用电设备未采用专用供电回路', en: 'No dedicated circuit for fire equipment' } },
    { code: '7.6.3', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未设置末端自动切换装置或不能正常切换', en: 'Automatic power switching missing or not working' } },
    { code: '7.7.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '其他场所未按规定设置火灾自动报警系统', en: 'Fire alarm missing in other venues' } },
    { code: '7.7.2', chapter: 'comprehensive', confirmed: 'C', text: { zh: '火灾自动报警系统不能正常运行', en: 'Fire alarm not working' } },
    { code: '7.7.3', chapter: 'comprehensive', confirmed: 'U', text: { zh: '自动消防设施不能正常联动控制', en: 'Linkage control of automatic fire systems fails' } },
    { code: '7.8.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '未按规定建立专职消防队', en: 'Required full-time fire brigade missing' } },
    { code: '7.8.2', chapter: 'comprehensive', confirmed: 'U', text: { zh: '消防控制室值班操作人员未持证上岗', en: 'Control-room operators uncertified' } },
    { code: '7.9.1', chapter: 'comprehensive', confirmed: 'U', text: { zh: '建筑耐火等级与火灾危险性类别不相匹配', en: 'Fire-resistance rating mismatched with the fire hazard class' } },
    { code: '7.9.2', chapter: 'comprehensive', confirmed: 'U', text: { zh: '燃油燃气设备或紧急切断装置不符合规定', en: 'Oil/gas appliances or shut-offs non-compliant' } },
    { code: '7.9.3', chapter: 'comprehensive', confirmed: 'U', text: { zh: '电气线路敷设在可燃物上或电线电缆不符合规定', en: 'Wiring on combustibles or non-compliant cables' } },
    { code: '7.9.4', chapter: 'comprehensive', confirmed: 'U', text: { zh: '人员密集场所使用易燃可燃材料装修装饰', en: 'Flammable decoration in a crowded venue' } },
  ],
  exclusions: [
    { code: 'stopped_operating', confirmed: 'C', text: { zh: '场所已停产停业或停止使用', en: 'The venue has stopped operating or is out of use' } },
    { code: 'expert_reviewed_measures', confirmed: 'C', text: { zh: '依法经消防设计专家评审并已采取相应技术措施', en: 'Expert-reviewed design measures are in place' } },
    { code: 'cannot_cause_major_fire', confirmed: 'C', text: { zh: '不足以导致重大、特别重大火灾事故或严重社会影响', en: 'The hazard cannot cause a major fire or serious social impact' } },
  ],
  combinations: [
    {
      id: 'crowded_3_evacuation',
      venueClasses: ['crowded'],
      anyOf: ['7.3.1', '7.3.2', '7.3.3', '7.3.4', '7.3.5', '7.3.6', '7.3.7', '7.3.8', '7.3.9', '7.5', '7.9.3'],
      min: 3,
      confirmed: 'P',
      text: { zh: '人员密集场所存在3项及以上疏散、防排烟、电气线路类要素', en: 'Crowded venue with 3 or more evacuation, smoke-control or wiring elements' },
    },
    {
      id: 'flammable_3_core',
      venueClasses: ['flammable_goods'],
      anyOf: ['7.1.1', '7.1.2', '7.1.3', '7.4.5', '7.4.6'],
      min: 3,
      confirmed: 'U',
      text: { zh: '易燃易爆危险品场所存在3项及以上消防车道、间距、固定灭火设施类要素', en: 'Flammable-goods venue with 3 or more lane, separation or fixed-system elements' },
    },
    {
      id: 'key_venue_4_any',
      venueClasses: ['crowded', 'flammable_goods', 'important'],
      anyOf: 'any',
      min: 4,
      confirmed: 'U',
      text: { zh: '人员密集场所、易燃易爆危险品场所或重要场所存在4项及以上综合判定要素', en: 'Crowded, flammable-goods or important venue with 4 or more comprehensive elements' },
    },
    {
      id: 'any_venue_6_any',
      venueClasses: ['crowded', 'flammable_goods', 'important', 'other'],
      anyOf: 'any',
      min: 6,
      confirmed: 'U',
      text: { zh: '其他场所存在6项及以上综合判定要素', en: 'Any venue with 6 or more comprehensive elements' },
    },
  ],
};
