import {
  drawCategoryOrder,
  drawInspectorRoles,
  drawInspectorsFrom,
  drawLookbackStart,
  drawUnitsFrom,
  type Actor,
  type DrawInspector,
  type DrawUnit,
} from '@firebreak/domain';
import { listDrawInspectorRecords, listDrawUnitRecords, type Db } from '@firebreak/db';
import type { Services } from '../../context/services';
import type { Clock } from '../../context/request-context';
import { requireAccess } from '../access';

export interface DrawDeps {
  readonly db: Db;
  readonly services: Services;
  readonly clock: Clock;
}

export interface PopulationRequest {
  readonly jurisdictionId: string;
  readonly ratios: readonly { readonly category: string }[];
}

/**
 * The unit library and the inspector pool of a jurisdiction, by the kernel's population rules
 * (draw-candidates.ts: lookback, first-named category, who draws whom), for the caller's scope.
 */
export async function gatherDrawPopulation(
  deps: DrawDeps,
  actor: Actor,
  input: PopulationRequest,
): Promise<{ units: DrawUnit[]; inspectors: DrawInspector[]; since: Date; now: Date }> {
  const ref = await requireAccess({ ...deps, actor }, 'draw.run', { jurisdictionId: input.jurisdictionId });
  const now = deps.clock();
  const since = drawLookbackStart(now);
  const order = drawCategoryOrder(input.ratios);
  const units = drawUnitsFrom(await listDrawUnitRecords(deps.db, { rootId: input.jurisdictionId, categories: order, since }), order, ref.tree);
  const inspectors = drawInspectorsFrom(await listDrawInspectorRecords(deps.db, { rootId: input.jurisdictionId, roles: drawInspectorRoles(actor.role) }), ref.tree);
  return { units, inspectors, since, now };
}
