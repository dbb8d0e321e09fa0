import { chinaDate } from '@firebreak/domain';
import { teams, user, type StoryWorld } from './demo-stories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * One major fire hazard (重大火灾隐患) in 东湖区: a shopping venue with too few exits
 * (GB 35181-2017 6.5, a direct element), determined collectively by three people
 * under the kernel's rule table, proposed for listed supervision by the brigade,
 * listed and published by the 消安委办, with the rectification plan under way.
 * Router-only: left out when the procedures do not exist.
 */
export function scheduleMajorHazard(world: StoryWorld): void {
  const { driver, timeline, now } = world;
  const at = (d: number, h = 0) => new Date(now.getTime() - d * DAY + h * HOUR);
  const team = teams(world)[0]!;
  const committee = user(world, 'committee');
  const venue = world.pool.takeWhere(team.district.name, (v) => v.categories.includes('market') || v.categories.includes('public_entertainment'));
  const state = { hazardId: '', listingId: '' };

  timeline.add(at(19), async () => {
    state.hazardId = await driver.registerHazard(team.inspector, {
      source: 'grid_patrol',
      sourceRef: null,
      venue,
      riskCategory: 'evacuation_blocked',
      checkItemId: null,
      description: `${venue.name}：营业面积约一万平方米，仅设两个安全出口，疏散总净宽度不足规定值的80%，且无法当场改正。`,
    });
  });
  timeline.add(at(19, 1), () => driver.hazard(team.inspector, state.hazardId, { type: 'confirm', note: '现场测量确认。' }));
  timeline.add(at(19, 2), () =>
    driver.hazard(team.inspector, state.hazardId, { type: 'order', correction: { mode: 'deadline', dueDate: chinaDate(at(-60)) }, noticeRef: '示消限字〔2026〕088号' }),
  );
  const step = (when: Date, op: string, by: typeof committee, path: string, input: () => Record<string, unknown>, after?: (a: unknown) => void) =>
    timeline.add(when, async () => {
      if (state.hazardId === '' || (op !== 'major.determine' && op !== 'listing.propose' && state.listingId === '')) return;
      const answer = await driver.call(op, by, path, input());
      if (answer !== null) after?.(answer);
    });
  step(at(17), 'major.determine', team.supervisor, 'major.determine', () => ({
    hazardId: state.hazardId,
    venueClasses: ['crowded'],
    elements: [{ code: '6.5', correctableImmediately: false }],
    decision: { kind: 'collective', participants: [team.supervisor, team.inspector, team.inspector2].map((u) => ({ userId: u.id })), votesFor: 3 },
  }));
  step(
    at(16),
    'listing.propose',
    team.supervisor,
    'listings.propose',
    () => ({ venueId: venue.id, hazardIds: [state.hazardId], reason: '经集体讨论判定为重大火灾隐患，单位自身难以在短期内整改，提请区政府挂牌督办。' }),
    (a) => (state.listingId = (a as { id: string }).id),
  );
  step(at(14), 'listing.list', committee, 'listings.list', () => ({ id: state.listingId, listingRef: '示安委督〔2026〕3号', rectificationDueDate: chinaDate(at(-75)) }));
  step(at(14, 2), 'listing.publish', committee, 'listings.publish', () => ({ id: state.listingId }));
  step(at(9), 'listing.start_rectification', team.supervisor, 'listings.startRectifying', () => ({ id: state.listingId, planRef: `demo-plan:${venue.id.slice(0, 8)}` }));
}
