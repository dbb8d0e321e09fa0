import type { Role } from '../common/roles';
import type { JurisdictionTree } from '../org/jurisdiction-tree';
import { CURRENT_DRAW_ALGORITHM, type DrawInputs, type DrawInspector, type DrawParameters, type DrawUnit } from './draw-inputs';

/**
 * Who is in a 双随机 draw: the rules that turn the rows the database holds (venues, staff)
 * into the unit library and the inspector list the draw runs on. The database only gathers
 * candidates and their facts; every choice about them is made here, so a newcomer finds the
 * draw population in this one file (the lists are then frozen and digested by
 * draw-population.ts and drawn by run-draw.ts).
 */

/** The facts a venue's flags are read over: one year back from the draw (“上一年度”). */
export const DRAW_LOOKBACK_DAYS = 365;
const DAY_MS = 24 * 3600_000;

/** The start of the lookback window: penalties, reports and inspections on or after it count. */
export function drawLookbackStart(now: Date): Date {
  return new Date(now.getTime() - DRAW_LOOKBACK_DAYS * DAY_MS);
}

/** A venue as the database hands it over, with what happened to it since the lookback start. */
export interface DrawUnitCandidate {
  readonly id: string;
  /** Every category the venue belongs to (a venue may be several: a hotel with a restaurant). */
  readonly categories: readonly string[];
  readonly jurisdictionId: string;
  readonly penalisedSince: boolean;
  readonly reportedSince: boolean;
  /** Who inspected it since the lookback start: excluded from inspecting it again. */
  readonly previousInspectorIds: readonly string[];
}

/** A staff member as the database hands them over. */
export interface DrawInspectorCandidate {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly departmentId: string;
}

/** The categories the ratios name, in the order they first name them, each once. */
export function drawCategoryOrder(ratios: readonly { readonly category: string }[]): string[] {
  return [...new Set(ratios.map((r) => r.category))];
}

/**
 * A venue of several categories is drawn once, under the first category the ratios name;
 * a venue of none of them is not in the library (null).
 */
export function drawCategoryOf(order: readonly string[], venueCategories: readonly string[]): string | null {
  return order.find((c) => venueCategories.includes(c)) ?? null;
}

/**
 * Strata and regions are districts (区/县): the level sampling ratios are set at and
 * cross-region inspection is organised by. Anything above a district stands for itself.
 */
export function drawStratumOf(tree: JurisdictionTree, jurisdictionId: string): string {
  if (tree.levelOf(jurisdictionId) === 'district') return jurisdictionId;
  return tree.ancestors(jurisdictionId).find((a) => tree.levelOf(a) === 'district') ?? jurisdictionId;
}

/** A police station draws its own officers (九小场所); everyone else draws fire inspectors. */
export function drawInspectorRoles(drawerRole: Role): readonly Role[] {
  return drawerRole === 'police_officer' ? ['police_officer'] : ['inspector'];
}

/** The unit library: each in-scope venue once, under its first-named category, placed in its district. */
export function drawUnitsFrom(candidates: readonly DrawUnitCandidate[], order: readonly string[], tree: JurisdictionTree): DrawUnit[] {
  return candidates.flatMap((u) => {
    const category = drawCategoryOf(order, u.categories);
    if (category === null) return [];
    const district = drawStratumOf(tree, u.jurisdictionId);
    return [
      {
        id: u.id,
        category,
        jurisdictionId: district,
        regionId: district,
        penalisedLastYear: u.penalisedSince,
        reported: u.reportedSince,
        previousInspectorIds: [...u.previousInspectorIds],
      },
    ];
  });
}

/** The inspector list: each candidate in the region (district) they work in. */
export function drawInspectorsFrom(candidates: readonly DrawInspectorCandidate[], tree: JurisdictionTree): DrawInspector[] {
  return candidates.map((i) => ({ id: i.id, regionId: drawStratumOf(tree, i.jurisdictionId), departmentId: i.departmentId }));
}

export interface DrawRequest {
  readonly drawId: string;
  readonly publicRandom: string;
  readonly ratios: readonly { readonly category: string; readonly ratio: number; readonly jurisdictionId?: string | undefined }[];
  readonly priorityWeights: DrawParameters['priorityWeights'];
  readonly crossRegion: boolean;
}

/**
 * The draw's published parameters. Conflict of interest: whoever inspected a unit in the
 * lookback window never inspects it again (always on); cross-region inspection is the
 * operator's choice.
 */
export function drawInputsFor(request: DrawRequest): DrawInputs {
  return {
    algorithmVersion: CURRENT_DRAW_ALGORITHM,
    drawId: request.drawId,
    publicRandom: request.publicRandom,
    parameters: drawParametersFor(request),
  };
}

/** The parameters alone, as a commitment publishes them before any random value exists. */
export function drawParametersFor(request: Omit<DrawRequest, 'drawId' | 'publicRandom'>): DrawParameters {
  return {
    ratios: request.ratios.map((r) => (r.jurisdictionId ? { category: r.category, ratio: r.ratio, jurisdictionId: r.jurisdictionId } : { category: r.category, ratio: r.ratio })),
    priorityWeights: request.priorityWeights,
    inspectorConflicts: { excludePreviousInspector: true, crossRegion: request.crossRegion },
  };
}
