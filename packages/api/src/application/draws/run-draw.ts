import { cataloguedError, checkDrawStep, drawStageOf, runCommittedDraw, stamp, type Actor, type DrawCommitment, type DrawInspector, type DrawUnit, type StoredDrawInputs } from '@firebreak/domain';
import { getDrawRow, recordDrawRun, runAudited, type DrawRow } from '@firebreak/db';
import { requireAccess } from '../access';
import { DomainFailure, unwrap } from '../failure';
import { unwrapError } from './step-error';
import type { CommittedDrawInputs } from './commit-draw';
import type { DrawDeps } from './gather-population';

export interface RunDrawInput {
  readonly drawId: string;
  /** The value of the random source the commitment named, known only after it. */
  readonly publicRandom: string;
}

/**
 * 双随机一公开, step 2: after the commitment, with the public random value, reveals the server
 * seed and runs the kernel's draw on the committed lists (runCommittedDraw refuses other lists,
 * another seed, a random value not after the commitment). Stored once, with the audit entry.
 */
export async function runAndStoreDraw(deps: DrawDeps, actor: Actor, input: RunDrawInput): Promise<DrawRow> {
  const row = await getDrawRow(deps.db, input.drawId);
  await requireAccess({ ...deps, actor }, 'draw.run', { jurisdictionId: row.jurisdictionId });
  unwrap(checkDrawStep(drawStageOf({ hasOutput: row.output !== null, publishedAt: row.publishedAt }), 'run'));
  if (!row.commitment || !row.serverSeed) throw new DomainFailure(cataloguedError('DRAW.NOT_COMMITTED'));
  const stored = row.inputs as unknown as CommittedDrawInputs;
  const now = deps.clock();
  const { inputs, output } = unwrap(
    runCommittedDraw(row.commitment as unknown as DrawCommitment, stored.units as DrawUnit[], stored.inspectors as DrawInspector[], { publicRandom: input.publicRandom, serverSeed: row.serverSeed }, now),
  );
  const full: StoredDrawInputs = { draw: inputs, units: stored.units as DrawUnit[], inspectors: stored.inspectors as DrawInspector[], flagsSince: stored.flagsSince };
  await runAudited(
    deps.db,
    async (tx) => {
      const done = await recordDrawRun(tx, row.id, { inputs: full as unknown as Record<string, unknown>, output: output as unknown as Record<string, unknown>, drawnAt: now });
      // A concurrent run got there first: the kernel's answer for a drawn draw.
      if (!done) throw new DomainFailure(unwrapError(checkDrawStep('drawn', 'run')));
    },
    () => ({
      entity: 'draw',
      entityId: row.id,
      action: 'run',
      from: 'committed',
      to: 'drawn',
      by: stamp(actor, now),
      data: { jurisdictionId: row.jurisdictionId, publicRandom: inputs.publicRandom, seed: output.seed, selections: output.selections.length },
    }),
  );
  return getDrawRow(deps.db, row.id);
}
