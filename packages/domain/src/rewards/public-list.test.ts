import { describe, expect, it } from 'vitest';
import { actor, ctxFor, errorOf, expectOk, JURISDICTIONS } from '../lifecycles/test-support';
import { chinaYearBounds, maskRewardList, MASKED_REPORTER, prepareRewardList, publishRewardList, type PaidRewardRecord } from './public-list';

const NOW = new Date('2026-12-07T02:00:00.000Z');
const officer = actor('reward_officer', { userId: 'officer-1', jurisdictionId: JURISDICTIONS.city });
const officer2 = actor('reward_officer', { userId: 'officer-2', jurisdictionId: JURISDICTIONS.city });
const head = actor('fire_supervisor', { userId: 'head-1', jurisdictionId: JURISDICTIONS.city });
const at = (who: typeof officer) => ctxFor(who, { now: NOW, newId: () => 'list-1' });

const paid = (over: Partial<PaidRewardRecord>): PaidRewardRecord => ({
  rewardId: 'r-1',
  paidAt: '2026-03-10T02:00:00.000Z',
  amountFen: 20_000,
  riskCategory: 'evacuation_blocked',
  channel: 'public',
  district: '东湖区',
  city: '示范市',
  ...over,
});

const RECORDS: PaidRewardRecord[] = [
  paid({ rewardId: 'r-2', paidAt: '2026-05-01T03:00:00.000Z', amountFen: 50_000, channel: 'whistleblower' }),
  paid({ rewardId: 'r-1' }),
  // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in China: it belongs to 2026.
  paid({ rewardId: 'r-3', paidAt: '2025-12-31T17:00:00.000Z', amountFen: 10_000, district: '西山区' }),
  // 2026-12-31 16:30 UTC is 2027-01-01 00:30 in China: not 2026.
  paid({ rewardId: 'r-4', paidAt: '2026-12-31T16:30:00.000Z' }),
  paid({ rewardId: 'r-5', paidAt: '2024-06-01T00:00:00.000Z' }),
];

describe('maskRewardList', () => {
  it('keeps the rewards paid in the China-time year, oldest first, numbered, with the total', () => {
    const { entries, totalFen } = maskRewardList(2026, RECORDS);
    expect(entries.map((e) => [e.no, e.month, e.area, e.amountFen])).toEqual([
      [1, '2026-01', '西山区', 10_000],
      [2, '2026-03', '东湖区', 20_000],
      [3, '2026-05', '示范市', 50_000],
    ]);
    expect(totalFen).toBe(80_000);
    expect(chinaYearBounds(2026).from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('lets nothing out that names or points at the reporter: no ids, no day, the whistleblower’s district generalised', () => {
    const { entries } = maskRewardList(2026, RECORDS);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(['amountFen', 'area', 'month', 'no', 'reporter', 'riskCategory']);
      expect(e.reporter).toEqual(MASKED_REPORTER);
      expect(JSON.stringify(e)).not.toMatch(/r-\d/);
    }
    expect(entries.find((e) => e.amountFen === 50_000)?.area).toBe('示范市');
  });
});

describe('prepare and publish', () => {
  const input = { year: 2026, jurisdictionId: JURISDICTIONS.city, paid: RECORDS };

  it('a reward officer prepares a draft; another person, a fire-agency head, publishes the version they saw', () => {
    const draft = expectOk(prepareRewardList(null, input, at(officer)));
    expect(draft.next).toMatchObject({ status: 'draft', year: 2026, totalFen: 80_000, version: 1, publishedBy: null });
    expect(draft.effects).toMatchObject([{ type: 'audit', entity: 'reward_list', action: 'prepare', to: 'draft' }]);
    const again = expectOk(prepareRewardList(draft.next, { ...input, paid: RECORDS.slice(1) }, at(officer2)));
    expect(again.next).toMatchObject({ id: draft.next.id, version: 2, totalFen: 30_000 });
    expect(errorOf(publishRewardList(again.next, 1, at(head))).code).toBe('REWARD_LIST.STALE');
    const published = expectOk(publishRewardList(again.next, 2, at(head)));
    expect(published.next).toMatchObject({ status: 'published', version: 3, publishedBy: { userId: 'head-1' }, entries: again.next.entries });
    expect(published.effects).toMatchObject([{ type: 'audit', action: 'publish', from: 'draft', to: 'published' }]);
    // Frozen: neither prepared again nor published twice.
    expect(errorOf(prepareRewardList(published.next, input, at(officer))).code).toBe('REWARD_LIST.ALREADY_PUBLISHED');
    expect(errorOf(publishRewardList(published.next, 3, at(head))).code).toBe('REWARD_LIST.ALREADY_PUBLISHED');
  });

  it('refuses the wrong roles, other jurisdictions, future years and the preparer publishing', () => {
    expect(errorOf(prepareRewardList(null, input, at(head))).code).toBe('REWARD_LIST.ROLE_NOT_ALLOWED');
    const outside = actor('reward_officer', { userId: 'o-b', jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(prepareRewardList(null, input, at(outside))).code).toBe('REWARD_LIST.OUT_OF_SCOPE');
    expect(errorOf(prepareRewardList(null, { ...input, year: 2027 }, at(officer))).code).toBe('REWARD_LIST.YEAR_NOT_BEGUN');
    const draft = expectOk(prepareRewardList(null, input, at(officer))).next;
    expect(errorOf(publishRewardList(draft, 1, at(officer))).code).toBe('REWARD_LIST.ROLE_NOT_ALLOWED');
    const headWhoPrepared = actor('fire_supervisor', { userId: 'officer-1', jurisdictionId: JURISDICTIONS.city });
    expect(errorOf(publishRewardList(draft, 1, at(headWhoPrepared))).code).toBe('REWARD_LIST.SAME_PERSON');
    const districtHead = actor('fire_supervisor', { userId: 'h-b', jurisdictionId: JURISDICTIONS.districtB });
    expect(errorOf(publishRewardList(draft, 1, at(districtHead))).code).toBe('REWARD_LIST.OUT_OF_SCOPE');
  });
});
