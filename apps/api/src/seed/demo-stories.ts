import { randomUUID } from 'node:crypto';
import { chinaDate, type CheckItem, type HazardCommand, type HazardSource } from '@firebreak/domain';
import { DEMO_DISTRICTS, UNIT_ACCOUNT_VENUES, type DistrictSpec } from './demo-city';
import { findingText, pickItem, reportText } from './demo-texts';
import { scheduleReward, type RewardTarget } from './demo-rewards';
import type { LifecycleDriver } from './lifecycle-driver';
import type { Random } from './random';
import type { SeededUser } from './seed-org';
import type { SeededVenue } from './seed-venues';
import type { Timeline } from './timeline';
import type { VenuePool } from './venue-pool';

const REWARD_TARGETS: readonly RewardTarget[] = ['paid', 'claimed', 'notified', 'approved'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The people who work one district's ledger. */
export interface Team {
  readonly district: DistrictSpec;
  readonly inspector: SeededUser;
  readonly inspector2: SeededUser;
  readonly supervisor: SeededUser;
}

export interface StoryWorld {
  readonly driver: LifecycleDriver;
  readonly timeline: Timeline;
  readonly users: ReadonlyMap<string, SeededUser>;
  readonly pool: VenuePool;
  readonly now: Date;
  readonly rng: Random;
  /** The venue's own account (made on first use): remediation evidence is the unit's to hand in. */
  readonly unitFor: (venue: SeededVenue) => Promise<SeededUser>;
}

export interface StoryOutcome {
  /** One receipt per report status, so a demo can show tracking (returned to the caller, never stored). */
  readonly receipts: { status: string; receipt: string }[];
}

export function user(world: Pick<StoryWorld, 'users'>, username: string): SeededUser {
  const u = world.users.get(username);
  if (!u) throw new Error(`demo seed: no user ${username}`);
  return u;
}

export function teams(world: Pick<StoryWorld, 'users'>): Team[] {
  return DEMO_DISTRICTS.map((district) => {
    const p = district.key === 'donghu' ? '' : `${district.key}.`;
    return {
      district,
      inspector: user(world, `${p}inspector`),
      inspector2: user(world, `${p}inspector2`),
      supervisor: user(world, `${p}supervisor`),
    };
  });
}

/**
 * Writes the demo history: reports and hazards in every state of their
 * lifecycles, in each district, each moved only by commands the rules allow,
 * issued by the person whose job it is.
 */
export function scheduleStories(world: StoryWorld): StoryOutcome {
  const { driver, timeline, now, rng } = world;
  const outcome: StoryOutcome = { receipts: [] };
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY + hours * HOUR);
  /** A China-local date `days` after the instant: correction deadlines are whole days. */
  const dateAfter = (from: Date, days: number) => chinaDate(new Date(from.getTime() + days * DAY));

  const pool = world.pool;
  const unitVenue = (name: string) => pool.named(name);
  const venueIn = (team: Team): SeededVenue => pool.take(team.district.name);

  const signature = (who: SeededUser) => `demo-signature:${who.username}:${randomUUID().slice(0, 8)}`;
  const evidence = () => [`demo-evidence:${randomUUID()}`];

  // ---- Reports ---------------------------------------------------------------------------------

  interface ReportStory {
    id: string;
    receipt: string;
    venue: SeededVenue;
    item: CheckItem;
  }

  const submit = (when: Date, venue: SeededVenue, opts: { realName?: boolean; urgent?: boolean; reuse?: ReportStory; whistleblower?: boolean } = {}) => {
    const item = opts.reuse?.item ?? pickItem(venue.categories, rng, opts.urgent ? ['evacuation_blocked', 'facilities_disabled'] : []);
    const story: ReportStory = { id: '', receipt: '', venue, item };
    const contact = opts.realName ? { name: `${rng.pick(['钱', '孙', '李', '周', '吴'])}先生`, phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}` } : undefined;
    const description = reportText(item.riskCategory, rng);
    timeline.add(when, async () => {
      const r = await driver.submitReport({
        venue,
        riskCategory: item.riskCategory,
        description,
        idempotencyKey: randomUUID(),
        ...(contact ? { contact } : {}),
        ...(opts.whistleblower ? { whistleblower: true } : {}),
      });
      story.id = r.id;
      story.receipt = r.receipt;
    });
    return story;
  };
  type ReportCommand = Parameters<LifecycleDriver['report']>[2];
  // A factory when the command names something created earlier in the timeline.
  const reportStep = (when: Date, by: SeededUser, story: ReportStory, command: ReportCommand | (() => ReportCommand)) =>
    timeline.add(when, () => driver.report(by, story.id, typeof command === 'function' ? command() : command));
  const keepReceipt = (when: Date, status: string, story: ReportStory) =>
    timeline.add(when, async () => {
      if (!outcome.receipts.some((r) => r.status === status)) outcome.receipts.push({ status, receipt: story.receipt });
    });

  // ---- Hazards ---------------------------------------------------------------------------------

  interface HazardStory {
    id: string;
    readonly venue: SeededVenue;
  }

  const register = (
    when: Date,
    by: SeededUser,
    venue: SeededVenue,
    source: HazardSource,
    opts: { sourceRef?: () => string; item?: CheckItem } = {},
  ): HazardStory => {
    const item = opts.item ?? pickItem(venue.categories, rng);
    const story: HazardStory = { id: '', venue };
    timeline.add(when, async () => {
      story.id = await driver.registerHazard(by, {
        source,
        sourceRef: opts.sourceRef ? opts.sourceRef() : null,
        venue,
        riskCategory: item.riskCategory,
        checkItemId: item.id,
        description: findingText(item, venue.name),
      });
    });
    return story;
  };
  const hazardStep = (when: Date, by: SeededUser, story: HazardStory, command: HazardCommand | (() => HazardCommand)) =>
    timeline.add(when, () => driver.hazard(by, story.id, typeof command === 'function' ? command() : command));

  /** The unit hands in its evidence through its own account. */
  const remediate = (when: Date, story: HazardStory, note?: string) =>
    timeline.add(when, async () => {
      const unit = await world.unitFor(story.venue);
      await driver.hazard(unit, story.id, { type: 'submit_remediation', evidenceRefs: evidence(), ...(note ? { note } : {}) });
    });

  /** confirm → order with a deadline `dueInDays` after the order; the notice is served with the order. */
  const confirmAndOrder = (team: Team, story: HazardStory, orderedAt: Date, dueInDays: number, withNotice = true) => {
    hazardStep(new Date(orderedAt.getTime() - 2 * HOUR), team.inspector, story, { type: 'confirm' });
    hazardStep(orderedAt, team.inspector, story, {
      type: 'order',
      correction: { mode: 'deadline', dueDate: dateAfter(orderedAt, dueInDays) },
      ...(withNotice ? { noticeRef: `示消限字〔2026〕${rng.int(100, 999)}号` } : {}),
    });
  };

  let noticeNo = 1;
  let teamIndex = 0;
  for (const team of teams(world)) {
    const { inspector, inspector2, supervisor } = team;

    // Reports, one per state of the report lifecycle (and a few more).
    const fresh = submit(at(0, -3), venueIn(team), { urgent: true });
    keepReceipt(at(0, -3), 'submitted', fresh);
    submit(at(1, -2), venueIn(team));

    const accepted = submit(at(2), venueIn(team), { realName: true });
    reportStep(at(1, 1), inspector, accepted, { type: 'accept', publicNote: '您的举报已受理，我们将尽快核查。' });
    keepReceipt(at(1, 1), 'accepted', accepted);

    const original = submit(at(6), venueIn(team));
    const duplicate = submit(at(5, 2), original.venue, { reuse: original });
    reportStep(at(5, 4), inspector, duplicate, () => ({
      type: 'reject',
      reason: 'duplicate',
      duplicateOf: original.id,
      explanation: '您反映的问题已有其他群众举报，正在一并核查处理。',
    }));
    const insufficient = submit(at(4), venueIn(team));
    reportStep(at(3, 1), inspector2, insufficient, {
      type: 'reject',
      reason: 'insufficient',
      explanation: '举报内容缺少具体地点，无法核查，欢迎补充后重新举报。',
    });

    const verifying = submit(at(3), venueIn(team));
    reportStep(at(2, 2), inspector, verifying, { type: 'accept' });
    reportStep(at(2, 3), supervisor, verifying, { type: 'assign', assignee: assignee(inspector2) });
    keepReceipt(at(2, 3), 'verifying', verifying);

    const unfounded = submit(at(9), venueIn(team));
    reportStep(at(8, 2), inspector, unfounded, { type: 'accept' });
    reportStep(at(8, 3), inspector, unfounded, { type: 'assign', assignee: assignee(inspector) });
    reportStep(at(7, 1), inspector, unfounded, { type: 'mark_unfounded', reason: '现场核查，安全出口畅通，未发现所反映问题。' });

    const unfoundedReplied = submit(at(15), venueIn(team), { realName: true });
    reportStep(at(14, 2), inspector2, unfoundedReplied, { type: 'accept' });
    reportStep(at(14, 3), supervisor, unfoundedReplied, { type: 'assign', assignee: assignee(inspector2) });
    reportStep(at(13, 1), inspector2, unfoundedReplied, { type: 'mark_unfounded', reason: '现场核查未发现违规住人情况，已提醒单位加强管理。' });
    reportStep(at(12, 2), inspector2, unfoundedReplied, { type: 'reply', text: '经现场核查，未发现您反映的问题。感谢您对消防安全工作的关心和监督。' });
    keepReceipt(at(12, 2), 'replied', unfoundedReplied);

    // Substantiated, waiting for the reply: the hazard it revealed is only confirmed so far.
    const substantiated = submit(at(5), venueIn(team));
    reportStep(at(4, 2), inspector, substantiated, { type: 'accept' });
    reportStep(at(4, 3), inspector, substantiated, { type: 'assign', assignee: assignee(inspector) });
    const fromReport = register(at(3, 2), inspector, substantiated.venue, 'report', { sourceRef: () => substantiated.id, item: substantiated.item });
    timeline.add(at(3, 3), () => driver.report(inspector, substantiated.id, { type: 'substantiate', hazardIds: [fromReport.id] }));
    hazardStep(at(3, 4), inspector, fromReport, { type: 'confirm' });
    keepReceipt(at(3, 3), 'substantiated', substantiated);

    // Substantiated and replied; its hazard goes all the way to closure.
    const replied = submit(at(24), venueIn(team), { realName: team.district.key === 'donghu' });
    reportStep(at(23, 2), inspector, replied, { type: 'accept' });
    reportStep(at(23, 3), supervisor, replied, { type: 'assign', assignee: assignee(inspector) });
    const closedFromReport = register(at(22, 2), inspector, replied.venue, 'report', { sourceRef: () => replied.id, item: replied.item });
    timeline.add(at(22, 3), () => driver.report(inspector, replied.id, { type: 'substantiate', hazardIds: [closedFromReport.id] }));
    confirmAndOrder(team, closedFromReport, at(22, 5), 10);
    timeline.add(at(21), () =>
      driver.report(inspector, replied.id, { type: 'reply', text: '经核查，您反映的问题属实，已依法责令单位限期整改，整改完成后将组织复查。' }),
    );
    remediate(at(14), closedFromReport, '单位已拆除违规设施，提交整改照片。');
    hazardStep(at(12), inspector2, closedFromReport, () => ({ type: 'reinspect_pass', signatureRef: signature(inspector2), note: '复查合格。' }));
    hazardStep(at(11), supervisor, closedFromReport, { type: 'close', note: '整改到位，予以销号。' });
    // The reporter's reward, each district a step further along its lifecycle.
    scheduleReward(world, replied, REWARD_TARGETS[teamIndex++ % REWARD_TARGETS.length]!, 10, team.district.key === 'donghu');

    // Hazards, one per state of the hazard lifecycle.
    register(at(1, 1), inspector, venueIn(team), 'grid_patrol'); // found

    const confirmed = register(at(2, 1), inspector2, venueIn(team), 'expert');
    hazardStep(at(1, 3), inspector2, confirmed, { type: 'confirm', note: '现场确认。' });

    const ordered = register(at(6), inspector, venueIn(team), 'self_inspection');
    confirmAndOrder(team, ordered, at(5), 15, false); // notice still to be served (3 working days)

    const orderedServed = register(at(8), inspector2, venueIn(team), 'grid_patrol');
    confirmAndOrder(team, orderedServed, at(7), 20, false);
    hazardStep(at(6), inspector2, orderedServed, () => ({ type: 'serve_notice', noticeRef: `示消限字〔2026〕${900 + noticeNo++}号` }));

    const overdue = register(at(32), inspector, venueIn(team), 'grid_patrol');
    confirmAndOrder(team, overdue, at(31), 15);
    hazardStep(at(14), supervisor, overdue, { type: 'escalate', note: '逾期未整改，督办升级。' });

    const submitted = register(at(12), inspector, venueIn(team), 'expert');
    confirmAndOrder(team, submitted, at(11), 20);
    remediate(at(1), submitted, '单位提交整改照片和维保记录。');

    const verified = register(at(16), inspector2, venueIn(team), 'grid_patrol');
    confirmAndOrder(team, verified, at(15), 10);
    remediate(at(7), verified);
    hazardStep(at(2), inspector, verified, () => ({ type: 'reinspect_pass', signatureRef: signature(inspector), note: '复查合格，待销号。' }));

    // Closed after a failed re-inspection: the ledger shows the second round.
    const secondRound = register(at(40), inspector, venueIn(team), 'grid_patrol');
    confirmAndOrder(team, secondRound, at(39), 7);
    remediate(at(33), secondRound, '已清理部分杂物。');
    hazardStep(at(31), inspector2, secondRound, () => ({
      type: 'reinspect_fail',
      signatureRef: signature(inspector2),
      note: '疏散通道仍有堆放物，重新限期整改。',
      newDueDate: dateAfter(at(31), 7),
    }));
    remediate(at(26), secondRound, '已全部清理完毕。');
    hazardStep(at(24), inspector, secondRound, () => ({ type: 'reinspect_pass', signatureRef: signature(inspector), note: '复查合格。' }));
    hazardStep(at(23), supervisor, secondRound, { type: 'close' });

    const dismissed = register(at(10), inspector2, venueIn(team), 'grid_patrol');
    hazardStep(at(9), inspector, dismissed, { type: 'dismiss', reason: '现场核实为临时装卸货物，已当场清理，不构成隐患。' });
  }

  // The unit accounts' own venues, so a unit signing in has work waiting: one hazard to
  // remediate, one submitted, one closed after its remediation.
  const donghu = teams(world)[0]!;
  const grid = user(world, 'grid');
  const police = user(world, 'police');

  // Two employees reporting their own employers through the whistleblower app.
  submit(at(0, -5), venueIn(donghu), { whistleblower: true, realName: true });
  const insider = submit(at(6), venueIn(donghu), { whistleblower: true, realName: true, urgent: true });
  reportStep(at(5, 20), donghu.supervisor, insider, { type: 'accept', internalNote: '内部举报，注意保护举报人身份。' });
  reportStep(at(5, 21), donghu.supervisor, insider, { type: 'assign', assignee: assignee(donghu.inspector) });

  const market = unitVenue(UNIT_ACCOUNT_VENUES.unit);
  const awaitingUnit = register(at(4), grid, market, 'grid_patrol', { item: pickItem(market.categories, rng, ['evacuation_blocked']) });
  confirmAndOrder(donghu, awaitingUnit, at(3), 10);

  const restaurant = unitVenue(UNIT_ACCOUNT_VENUES.unit2);
  // Found by the grid worker on patrol; the police station supervises this 九小 restaurant.
  const byPolice = register(at(9), grid, restaurant, 'grid_patrol', {
    item: pickItem(restaurant.categories, rng, ['illegal_storage', 'weak_management']),
  });
  hazardStep(at(8, 6), police, byPolice, { type: 'confirm', note: '派出所日常检查确认。' });
  hazardStep(at(8, 7), police, byPolice, { type: 'order', correction: { mode: 'deadline', dueDate: dateAfter(at(8, 7), 10) }, noticeRef: '示公（湖）限字〔2026〕17号' });
  remediate(at(2), byPolice, '已将液化气钢瓶移至室外专用间。');

  const kindergarten = unitVenue(UNIT_ACCOUNT_VENUES.unit3);
  const onTheSpot = register(at(20), donghu.inspector, kindergarten, 'self_inspection', {
    item: pickItem(kindergarten.categories, rng, ['kindergarten_hazards']),
  });
  hazardStep(at(20, 1), donghu.inspector, onTheSpot, { type: 'confirm' });
  hazardStep(at(20, 2), donghu.inspector, onTheSpot, { type: 'order', correction: { mode: 'immediate' } });
  remediate(at(20, 4), onTheSpot, '已当场拆除泡沫装饰。');
  hazardStep(at(19), donghu.inspector2, onTheSpot, () => ({ type: 'reinspect_pass', signatureRef: signature(donghu.inspector2) }));
  hazardStep(at(18), donghu.supervisor, onTheSpot, { type: 'close', note: '当场改正，复查合格，销号。' });

  return outcome;

  function assignee(u: SeededUser) {
    return { userId: u.id, name: u.actor.name, role: u.actor.role, departmentId: u.actor.departmentId };
  }
}
