import { user, type StoryWorld } from './demo-stories';

/** How far a reward gets in the demo. */
export type RewardTarget = 'approved' | 'notified' | 'claimed' | 'paid';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A reward for a substantiated report whose hazard was closed: opened and
 * determined by the reward officer, approved by the detachment head (never the
 * determiner), announced through the receipt, claimed by the reporter through
 * the public router (identity and account sealed), and paid exactly once.
 * Router-only, like the inspections: without the procedures it is left out.
 */
export function scheduleReward(
  world: StoryWorld,
  report: { readonly id: string; readonly receipt: string },
  target: RewardTarget,
  daysAgo: number,
  realName = false,
): void {
  const { driver, timeline, now } = world;
  const at = (d: number, h = 0) => new Date(now.getTime() - d * DAY + h * HOUR);
  const officer = user(world, 'reward');
  const approver = user(world, 'city.supervisor'); // the kernel lets only a fire agency head approve
  const state = { rewardId: '', claimId: '' };
  const step = (when: Date, op: string, by: typeof officer | null, path: string, input: () => Record<string, unknown>, after?: (answer: unknown) => void) =>
    timeline.add(when, async () => {
      if (op !== 'reward.open' && state.rewardId === '') return;
      if (op.startsWith('claim.') && state.claimId === '') return;
      const answer = await driver.call(op, by, path, input());
      if (answer !== null) after?.(answer);
    });

  step(at(daysAgo), 'reward.open', officer, 'rewards.open', () => ({ reportId: report.id }), (a) => (state.rewardId = (a as { id: string }).id));
  step(at(daysAgo, 1), 'reward.assess_eligible', officer, 'rewards.assessEligible', () => ({ rewardId: state.rewardId, note: '举报属实，隐患已整改销号，符合奖励条件。' }));
  step(at(daysAgo - 1), 'reward.determine', officer, 'rewards.determine', () => ({ rewardId: state.rewardId }));
  step(at(daysAgo - 2), 'reward.approve', approver, 'rewards.approve', () => ({ rewardId: state.rewardId }));
  if (target === 'approved') return;
  step(at(daysAgo - 2, 2), 'reward.notify', officer, 'rewards.notify', () => ({ rewardId: state.rewardId }));
  if (target === 'notified') return;

  // The reporter, holding only the receipt, claims it.
  step(
    at(daysAgo - 4),
    'reward.claim',
    null,
    'public.rewards.claim',
    () => ({
      receipt: report.receipt,
      identity: { name: '李明', idNumber: '330106199001011234', phone: '13900001111' },
      payment: { method: 'alipay', account: 'demo-alipay-account' },
    }),
    (a) => (state.claimId = (a as { claimId: string }).claimId),
  );
  step(at(daysAgo - 5), 'claim.verify_identity', officer, 'rewards.claims.verifyIdentity', () => ({ claimId: state.claimId, method: '现场核验身份证原件' }));
  step(at(daysAgo - 5, 1), 'claim.accept', officer, 'rewards.claims.accept', () => ({ claimId: state.claimId }));
  if (target === 'claimed') return;
  if (realName) {
    // Paying a real-name reporter: the officer asks the custodian to open the sealed identity, with a reason.
    const disclosure = { id: '' };
    step(
      at(daysAgo - 6),
      'disclosure.request',
      officer,
      'disclosures.request',
      () => ({ reportId: report.id, reason: '兑付奖励前核对实名举报人身份与领奖人一致。' }),
      (a) => (disclosure.id = (a as { id: string }).id),
    );
    timeline.add(at(daysAgo - 6, 2), async () => {
      if (disclosure.id) await driver.call('disclosure.approve', user(world, 'custodian'), 'disclosures.approve', { disclosureId: disclosure.id, note: '用途限于奖励兑付。' });
    });
  }
  step(at(daysAgo - 7), 'reward.pay', officer, 'rewards.pay', () => ({ rewardId: state.rewardId, paymentReference: `DEMO-PAY-${report.id.slice(0, 8).toUpperCase()}` }));
}
