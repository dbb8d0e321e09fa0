import { checkDrawStep, drawStageOf, stamp, type Actor } from '@firebreak/domain';
import { getDrawRow, publishDrawRow, runAudited, type DrawRow } from '@firebreak/db';
import { requireAccess } from '../access';
import { DomainFailure, unwrap } from '../failure';
import { unwrapError } from './step-error';
import type { DrawDeps } from './gather-population';

/** 一公开: makes a drawn draw's lists and result public; the row is frozen from then on (trigger). */
export async function publishDraw(deps: DrawDeps, actor: Actor, drawId: string): Promise<DrawRow> {
  const row = await getDrawRow(deps.db, drawId);
  await requireAccess({ ...deps, actor }, 'draw.run', { jurisdictionId: row.jurisdictionId });
  unwrap(checkDrawStep(drawStageOf({ hasOutput: row.output !== null, publishedAt: row.publishedAt }), 'publish'));
  // A concurrent publish got there first: the kernel's answer for a published draw.
  const lost = () => new DomainFailure(unwrapError(checkDrawStep('published', 'publish')));
  const now = deps.clock();
  await runAudited(
    deps.db,
    async (tx) => {
      if (!(await publishDrawRow(tx, row.id, now))) throw lost();
    },
    () => ({ entity: 'draw', entityId: row.id, action: 'publish', from: 'drawn', to: 'published', by: stamp(actor, now), data: { jurisdictionId: row.jurisdictionId } }),
  );
  return getDrawRow(deps.db, row.id);
}
