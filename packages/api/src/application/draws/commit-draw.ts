import { randomBytes } from 'node:crypto';
import { commitDraw, drawParametersFor, serverSeedHashOf, stamp, type Actor, type DrawRequest } from '@firebreak/domain';
import { getCampaignRow, insertDrawCommitment, runAudited, type DrawRow } from '@firebreak/db';
import { unwrap } from '../failure';
import { gatherDrawPopulation, type DrawDeps } from './gather-population';

export interface CommitDrawInput extends Omit<DrawRequest, 'drawId' | 'publicRandom'> {
  readonly jurisdictionId: string;
  /** The public random value the run will use, named now (e.g. 福彩3D of a later date). */
  readonly randomSource: string;
  readonly campaignId?: string | undefined;
}

/** What a draw row's `inputs` holds between commit and run: the frozen lists, no random value yet. */
export interface CommittedDrawInputs {
  readonly units: unknown[];
  readonly inspectors: unknown[];
  readonly flagsSince: string;
}

/**
 * 双随机一公开, step 1: freezes the unit library and the inspector pool, draws a secret server
 * seed, and stores and publishes the kernel's commitment (the lists' digests, the parameters,
 * the named random source, the seed's hash) before any random value exists.
 */
export async function commitAndStoreDraw(deps: DrawDeps, actor: Actor, input: CommitDrawInput): Promise<DrawRow> {
  const { units, inspectors, since, now } = await gatherDrawPopulation(deps, actor, input);
  if (input.campaignId) await getCampaignRow(deps.db, input.campaignId);
  const drawId = deps.services.newId();
  const serverSeed = randomBytes(32).toString('hex');
  const { commitment, population } = unwrap(
    commitDraw(
      { drawId, parameters: drawParametersFor(input), randomSource: input.randomSource, serverSeedHash: serverSeedHashOf(serverSeed), committedAt: now },
      units,
      inspectors,
    ),
  );
  const inputs: CommittedDrawInputs = { units: [...population.units], inspectors: [...population.inspectors], flagsSince: since.toISOString() };
  const { result } = await runAudited(
    deps.db,
    (tx) =>
      insertDrawCommitment(tx, {
        id: drawId,
        jurisdictionId: input.jurisdictionId,
        campaignId: input.campaignId ?? null,
        inputs: inputs as unknown as Record<string, unknown>,
        commitment: commitment as unknown as Record<string, unknown>,
        serverSeed,
        createdByUserId: actor.userId,
        committedAt: now,
      }),
    () => ({
      entity: 'draw',
      entityId: drawId,
      action: 'commit',
      from: null,
      to: 'committed',
      by: stamp(actor, now),
      data: { jurisdictionId: input.jurisdictionId, commitmentDigest: commitment.commitmentDigest, unitsDigest: commitment.unitsDigest, inspectorsDigest: commitment.inspectorsDigest, randomSource: commitment.randomSource },
    }),
  );
  return result;
}
