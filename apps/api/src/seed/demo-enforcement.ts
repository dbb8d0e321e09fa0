import { chinaDate } from '@firebreak/domain';
import { findingText, pickItem } from './demo-texts';
import { teams, user, type StoryWorld } from './demo-stories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Joint enforcement in 东湖区, router-only (left out without the procedures):
 * a fine under 消防法 第六十条 for a hazard not removed after its deadline,
 * proposed by the inspector, decided by the brigade head, served, paid and
 * closed; and a 抄告 of a kindergarten's hazard to the education bureau, which
 * acknowledges, handles and replies ("管行业必须管安全").
 */
export function scheduleEnforcement(world: StoryWorld): void {
  const { driver, timeline, now, rng } = world;
  const at = (d: number, h = 0) => new Date(now.getTime() - d * DAY + h * HOUR);
  const team = teams(world)[0]!;
  const industry = user(world, 'industry');

  // The fine.
  const fined = world.pool.take(team.district.name);
  const fine = { hazardId: '', actionId: '' };
  const item = pickItem(fined.categories, rng, ['evacuation_blocked', 'facilities_disabled']);
  timeline.add(at(36), async () => {
    fine.hazardId = await driver.registerHazard(team.inspector, {
      source: 'grid_patrol',
      sourceRef: null,
      venue: fined,
      riskCategory: item.riskCategory,
      checkItemId: item.id,
      description: findingText(item, fined.name),
    });
  });
  timeline.add(at(36, 1), () => driver.hazard(team.inspector, fine.hazardId, { type: 'confirm' }));
  timeline.add(at(36, 2), () =>
    driver.hazard(team.inspector, fine.hazardId, { type: 'order', correction: { mode: 'deadline', dueDate: chinaDate(at(30)) }, noticeRef: '示消限字〔2026〕061号' }),
  );
  timeline.add(at(28), () => driver.hazard(team.supervisor, fine.hazardId, { type: 'escalate', note: '逾期未改，依法立案查处。' }));
  const step = (when: Date, op: string, by: typeof industry, path: string, input: () => Record<string, unknown>, after?: (a: unknown) => void) =>
    timeline.add(when, async () => {
      if (fine.hazardId === '' || (op !== 'enforcement.propose' && fine.actionId === '')) return;
      const answer = await driver.call(op, by, path, input());
      if (answer !== null) after?.(answer);
    });
  step(
    at(27),
    'enforcement.propose',
    team.inspector,
    'enforcement.propose',
    () => ({
      kind: 'fine',
      target: 'unit',
      subjectName: fined.name,
      venueId: fined.id,
      hazardIds: [fine.hazardId],
      facts: `${fined.name}经责令限期改正后逾期未消除火灾隐患（${item.text.zh}）。`,
      basis: { article: 60, paragraph: 1 },
      amountYuan: 10_000,
      priorOrderOverdue: true,
    }),
    (a) => (fine.actionId = (a as { id: string }).id),
  );
  step(at(26), 'enforcement.decide', team.supervisor, 'enforcement.decide', () => ({ id: fine.actionId, decisionRef: '示消行罚决字〔2026〕015号', amountYuan: 10_000 }));
  step(at(25), 'enforcement.serve', team.inspector, 'enforcement.serve', () => ({ id: fine.actionId, receiptRef: 'demo-service-receipt:015' }));
  step(at(20), 'enforcement.execute', team.inspector, 'enforcement.execute', () => ({ id: fine.actionId, outcome: '当事单位已按期缴纳罚款。' }));
  step(at(19), 'enforcement.close', team.supervisor, 'enforcement.close', () => ({ id: fine.actionId, note: '罚款已缴纳，隐患已整改。' }));

  // The notice to the sector's department.
  const school = world.pool.takeWhere(team.district.name, (v) => v.categories.includes('kindergarten') || v.categories.includes('small_school'));
  const referral = { hazardId: '', id: '' };
  const kItem = pickItem(school.categories, rng, ['kindergarten_hazards']);
  timeline.add(at(13), async () => {
    referral.hazardId = await driver.registerHazard(team.inspector2, {
      source: 'grid_patrol',
      sourceRef: null,
      venue: school,
      riskCategory: kItem.riskCategory,
      checkItemId: kItem.id,
      description: findingText(kItem, school.name),
    });
  });
  timeline.add(at(13, 1), () => driver.hazard(team.inspector2, referral.hazardId, { type: 'confirm' }));
  timeline.add(at(13, 2), () =>
    driver.hazard(team.inspector2, referral.hazardId, { type: 'order', correction: { mode: 'deadline', dueDate: chinaDate(at(-10)) }, noticeRef: '示消限字〔2026〕102号' }),
  );
  const rstep = (when: Date, op: string, by: typeof industry, path: string, input: () => Record<string, unknown>, after?: (a: unknown) => void) =>
    timeline.add(when, async () => {
      if (referral.hazardId === '' || (op !== 'referral.send' && referral.id === '')) return;
      const answer = await driver.call(op, by, path, input());
      if (answer !== null) after?.(answer);
    });
  rstep(
    at(12),
    'referral.send',
    team.inspector2,
    'referrals.send',
    () => ({ kind: 'notice', toDepartmentId: industry.actor.departmentId, hazardId: referral.hazardId, summary: `${school.name}存在火灾隐患，抄告教育主管部门督促整改。` }),
    (a) => (referral.id = (a as { id: string }).id),
  );
  rstep(at(11), 'referral.acknowledge', industry, 'referrals.acknowledge', () => ({ id: referral.id }));
  rstep(at(8), 'referral.handle', industry, 'referrals.handle', () => ({ id: referral.id, outcome: '已约谈园长并督促整改，列入全市幼儿园消防安全专项检查。', measures: ['约谈园长', '专项检查'] }));
  rstep(at(7), 'referral.reply', industry, 'referrals.reply', () => ({ id: referral.id, text: '已督促该园拆除易燃装饰，整改情况将于复查后函告。' }));
}
