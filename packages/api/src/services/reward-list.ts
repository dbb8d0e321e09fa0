import { chinaYearBounds, type JurisdictionTree, type PaidRewardRecord, type RewardListState } from '@firebreak/domain';
import { listPublishedRewardLists, paidRewardsForList, publishedRewardListYears, type Db, type RewardListRow } from '@firebreak/db';
import type { Services } from '../context/services';

/** The name of the nearest ancestor-or-self at `level`, else the node's own name. */
function nameAt(tree: JurisdictionTree, id: string, level: string): string {
  const chain = [...tree.ancestors(id), id];
  const hit = chain.find((j) => tree.levelOf(j) === level);
  return tree.node(hit ?? id)?.name ?? '';
}

/**
 * The rewards paid in `year` (China time) under `rootId`, as the kernel's masking
 * rule takes them: the district and city names come from the jurisdiction tree,
 * the channel from the report; nothing else about the reporter is read.
 */
export async function paidRewardRecords(db: Db, tree: JurisdictionTree, rootId: string, year: number): Promise<PaidRewardRecord[]> {
  const { from, to } = chinaYearBounds(year);
  const rows = await paidRewardsForList(db, { rootId, from, to });
  return rows.map((r) => ({
    rewardId: r.rewardId,
    paidAt: r.paidAt.toISOString(),
    amountFen: r.amountFen,
    riskCategory: r.riskCategory ?? 'other',
    channel: r.whistleblower ? 'whistleblower' : 'public',
    district: nameAt(tree, r.jurisdictionId, 'district'),
    city: nameAt(tree, r.jurisdictionId, 'city'),
  }));
}

/** A stored list as both the console and the portal see it (the entries are masked already). */
export function rewardListView(row: RewardListRow, tree: JurisdictionTree) {
  const state = row.state as unknown as RewardListState;
  return {
    id: row.id,
    status: state.status,
    version: row.version,
    year: state.year,
    jurisdictionId: state.jurisdictionId,
    jurisdictionName: tree.node(state.jurisdictionId)?.name ?? '',
    entries: state.entries,
    totalFen: state.totalFen,
    preparedAt: state.preparedBy.at,
    publishedAt: state.publishedBy?.at ?? null,
    preparedBy: state.preparedBy,
    publishedBy: state.publishedBy,
  };
}

/**
 * What the portal shows for a year: the published lists (one per publishing
 * jurisdiction) without who prepared or published them, and the years that have one.
 */
export async function publishedRewardListsOf(deps: { db: Db; services: Services }, year: number) {
  const ref = await deps.services.reference.get(deps.db);
  const [rows, years] = await Promise.all([listPublishedRewardLists(deps.db, { year }), publishedRewardListYears(deps.db)]);
  return {
    year,
    years,
    lists: rows.map((row) => {
      const { preparedBy: _p, publishedBy: _b, preparedAt: _a, ...publicView } = rewardListView(row, ref.tree);
      return publicView;
    }),
  };
}
