import {
  drawCategoryOrder,
  drawInputsFor,
  drawInspectorRoles,
  drawInspectorsFrom,
  drawLookbackStart,
  drawUnitsFrom,
  runDraw,
  stamp,
  type Actor,
  type DrawRequest,
  type StoredDrawInputs,
} from '@firebreak/domain';
import { getCampaignRow, insertDraw, listDrawInspectorRecords, listDrawUnitRecords, runAudited, type Db, type DrawRow } from '@firebreak/db';
import type { Services } from '../../context/services';
import type { Clock } from '../../context/request-context';
import { requireAccess } from '../access';
import { unwrap } from '../failure';

export interface RunDrawDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
}

export interface RunDrawInput extends Omit<DrawRequest, 'drawId'> {
  readonly jurisdictionId: string;
  readonly campaignId?: string | undefined;
}

/**
 * 双随机一公开: freezes the unit library and the inspector list of the jurisdiction by the
 * kernel's population rules (draw-candidates.ts: lookback, first-named category, who draws
 * whom), runs the kernel's draw on the operator's public random value, and stores inputs,
 * lists and output together with the audit entry so anyone can replay it.
 */
export async function runAndStoreDraw(deps: RunDrawDeps, actor: Actor, input: RunDrawInput): Promise<DrawRow> {
  const ref = await requireAccess({ ...deps, actor }, 'draw.run', { jurisdictionId: input.jurisdictionId });
  if (input.campaignId) await getCampaignRow(deps.db, input.campaignId);
  const now = deps.clock();
  const since = drawLookbackStart(now);
  const order = drawCategoryOrder(input.ratios);
  const units = drawUnitsFrom(await listDrawUnitRecords(deps.db, { rootId: input.jurisdictionId, categories: order, since }), order, ref.tree);
  const inspectors = drawInspectorsFrom(await listDrawInspectorRecords(deps.db, { rootId: input.jurisdictionId, roles: drawInspectorRoles(actor.role) }), ref.tree);
  const drawId = deps.services.newId();
  const drawInputs = drawInputsFor({ drawId, publicRandom: input.publicRandom, ratios: input.ratios, priorityWeights: input.priorityWeights, crossRegion: input.crossRegion });
  const output = unwrap(runDraw(drawInputs, units, inspectors));
  const stored: StoredDrawInputs = { draw: drawInputs, units, inspectors, flagsSince: since.toISOString() };
  const { result } = await runAudited(
    deps.db,
    (tx) =>
      insertDraw(tx, {
        id: drawId,
        jurisdictionId: input.jurisdictionId,
        campaignId: input.campaignId ?? null,
        inputs: stored as unknown as Record<string, unknown>,
        output: output as unknown as Record<string, unknown>,
        createdByUserId: actor.userId,
        createdAt: now,
      }),
    () => ({
      entity: 'draw',
      entityId: drawId,
      action: 'run',
      from: null,
      to: 'drawn',
      by: stamp(actor, now),
      data: { jurisdictionId: input.jurisdictionId, seed: output.seed, unitsDigest: output.unitsDigest, inspectorsDigest: output.inspectorsDigest, selections: output.selections.length },
    }),
  );
  return result;
}
