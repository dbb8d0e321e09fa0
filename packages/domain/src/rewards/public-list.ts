import { stamp, type ActorStamp } from '../common/actor';
import type { TransitionContext } from '../common/context';
import type { Effect, TransitionResult } from '../common/effects';
import { err } from '../common/errors';
import type { Role } from '../common/roles';

/**
 * The yearly public list of rewards paid (年度奖励公示, DOMAIN.md §6: "yearly public
 * list of rewards with identities masked"). A reward officer prepares the list of a
 * year from the rewards paid in it; a fire-agency head who did not prepare it reads
 * that stored draft and publishes it, after which it never changes.
 *
 * The masking rule: an entry carries nothing that names or points at the reporter.
 * No name, telephone, identity number, receipt, report or reward id, venue or
 * address; the day is cut to the month; the reporter is shown as a fixed mask; and
 * a reward for an internal whistleblower shows the city, not the district, because
 * an employer's district plus a month can be enough to guess the employee.
 */
export const REWARD_LIST_STATUSES = ['draft', 'published'] as const;
export type RewardListStatus = (typeof REWARD_LIST_STATUSES)[number];

/** Who prepares the list (reward.publish) and who publishes it (the reward approvers' head). */
export const REWARD_LIST_PREPARER_ROLES: readonly Role[] = ['reward_officer'];
export const REWARD_LIST_PUBLISHER_ROLES: readonly Role[] = ['fire_supervisor'];

/** The fixed mask shown in place of every reporter. */
export const MASKED_REPORTER = { zh: '举报人（身份已隐去）', en: 'Reporter (identity masked)' } as const;

/** A paid reward as the records give it, before masking. */
export interface PaidRewardRecord {
  readonly rewardId: string;
  readonly paidAt: string;
  readonly amountFen: number;
  readonly riskCategory: string;
  readonly channel: 'public' | 'whistleblower';
  /** Display names from the root down to the reward's jurisdiction's district (or its city when there is none). */
  readonly district: string;
  readonly city: string;
}

export interface PublicRewardListEntry {
  readonly no: number;
  /** YYYY-MM in China time. */
  readonly month: string;
  readonly area: string;
  readonly riskCategory: string;
  readonly amountFen: number;
  readonly reporter: { readonly zh: string; readonly en: string };
}

export interface RewardListState {
  readonly id: string;
  readonly status: RewardListStatus;
  readonly jurisdictionId: string;
  readonly year: number;
  readonly entries: readonly PublicRewardListEntry[];
  readonly totalFen: number;
  readonly preparedBy: ActorStamp;
  readonly publishedBy: ActorStamp | null;
  readonly version: number;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time year of an instant. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** [from, to) of a year in China time, as instants. */
export function chinaYearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS), to: new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS) };
}

function chinaMonth(iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The masked entries of one year: the rewards paid in it (China time), oldest
 * first, each reduced to what the masking rule lets out. Rewards paid in other
 * years are left out, so the caller may hand a wider set.
 */
export function maskRewardList(year: number, paid: readonly PaidRewardRecord[]): { entries: PublicRewardListEntry[]; totalFen: number } {
  const { from, to } = chinaYearBounds(year);
  const inYear = paid
    .filter((p) => {
      const t = Date.parse(p.paidAt);
      return t >= from.getTime() && t < to.getTime() && Number.isSafeInteger(p.amountFen) && p.amountFen > 0;
    })
    .sort((a, b) => Date.parse(a.paidAt) - Date.parse(b.paidAt) || a.rewardId.localeCompare(b.rewardId));
  const entries = inYear.map((p, i) => ({
    no: i + 1,
    month: chinaMonth(p.paidAt),
    area: p.channel === 'whistleblower' ? p.city : p.district,
    riskCategory: p.riskCategory,
    amountFen: p.amountFen,
    reporter: { ...MASKED_REPORTER },
  }));
  return { entries, totalFen: entries.reduce((s, e) => s + e.amountFen, 0) };
}

export interface PrepareRewardListInput {
  readonly year: number;
  readonly jurisdictionId: string;
  readonly paid: readonly PaidRewardRecord[];
}

function audit(id: string, action: string, from: RewardListStatus | null, to: RewardListStatus, ctx: TransitionContext, data: Record<string, unknown>): Effect {
  return { type: 'audit', entity: 'reward_list', entityId: id, action, from, to, by: stamp(ctx.actor, ctx.now), data };
}

/**
 * Prepares (or prepares again) the draft list of a year. Refused for a year not
 * yet begun and for a list already published: a published list is frozen.
 */
export function prepareRewardList(existing: RewardListState | null, input: PrepareRewardListInput, ctx: TransitionContext): TransitionResult<RewardListState> {
  if (!REWARD_LIST_PREPARER_ROLES.includes(ctx.actor.role)) {
    return err('REWARD_LIST.ROLE_NOT_ALLOWED', `Role ${ctx.actor.role} may not prepare the yearly reward list`, '只有奖励经办人可以编制年度奖励公示名单', { role: ctx.actor.role });
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, input.jurisdictionId)) {
    return err('REWARD_LIST.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > chinaYear(ctx.now)) {
    return err('REWARD_LIST.YEAR_NOT_BEGUN', 'The list can be prepared only for a year that has begun', '只能编制已开始年度的奖励公示名单', { year: input.year });
  }
  if (existing?.status === 'published') {
    return err('REWARD_LIST.ALREADY_PUBLISHED', 'This year’s list has been published and can no longer change', '该年度奖励名单已公示，不能再修改', { year: input.year });
  }
  const { entries, totalFen } = maskRewardList(input.year, input.paid);
  const id = existing?.id ?? ctx.newId();
  const next: RewardListState = {
    id,
    status: 'draft',
    jurisdictionId: input.jurisdictionId,
    year: input.year,
    entries,
    totalFen,
    preparedBy: stamp(ctx.actor, ctx.now),
    publishedBy: null,
    version: (existing?.version ?? 0) + 1,
  };
  return {
    ok: true,
    next,
    effects: [audit(id, 'prepare', existing ? 'draft' : null, 'draft', ctx, { year: input.year, entries: entries.length, totalFen })],
  };
}

/**
 * Publishes the stored draft exactly as it was previewed: `seenVersion` is the
 * draft the publisher read, so a list prepared again in between is refused
 * rather than published unseen. Another person than the preparer publishes.
 */
export function publishRewardList(state: RewardListState, seenVersion: number, ctx: TransitionContext): TransitionResult<RewardListState> {
  if (!REWARD_LIST_PUBLISHER_ROLES.includes(ctx.actor.role)) {
    return err('REWARD_LIST.ROLE_NOT_ALLOWED', `Role ${ctx.actor.role} may not publish the yearly reward list`, '只有消防救援机构负责人可以发布年度奖励公示名单', { role: ctx.actor.role });
  }
  const root = ctx.actor.jurisdictionId;
  if (root === null || !ctx.scope.contains(root, state.jurisdictionId)) {
    return err('REWARD_LIST.OUT_OF_SCOPE', `Subject is outside the actor's jurisdiction`, '该事项不在您的辖区范围内');
  }
  if (state.status === 'published') {
    return err('REWARD_LIST.ALREADY_PUBLISHED', 'This year’s list has been published and can no longer change', '该年度奖励名单已公示，不能再修改', { year: state.year });
  }
  if (seenVersion !== state.version) {
    return err('REWARD_LIST.STALE', 'The list was prepared again after you previewed it; preview it again', '名单在您预览后已重新编制，请重新预览后再发布', {
      seenVersion,
      version: state.version,
    });
  }
  if (state.preparedBy.userId === ctx.actor.userId) {
    return err('REWARD_LIST.SAME_PERSON', 'The list must be published by someone other than who prepared it', '发布人不能与编制人为同一人');
  }
  const next: RewardListState = { ...state, status: 'published', publishedBy: stamp(ctx.actor, ctx.now), version: state.version + 1 };
  return { ok: true, next, effects: [audit(state.id, 'publish', 'draft', 'published', ctx, { year: state.year, entries: state.entries.length, totalFen: state.totalFen })] };
}
