import { err, ok, type Result } from '../common/errors';
import { assignPair, inspectorPool } from './assign-inspectors';
import { DRAW_ALGORITHM_VERSIONS, drawInputsSchema, type DrawInputs, type DrawInspector, type DrawUnit } from './draw-inputs';
import { prepareDrawPopulation, type DrawPopulation } from './draw-population';
import { drawSeed } from './draw-seed';
import { seedWords } from './mixer';
import { selectUnits, type DrawStratum } from './select-units';

export interface DrawSelection {
  readonly unitId: string;
  readonly category: string;
  readonly jurisdictionId: string;
  /** 1-based position in its stratum's draw order. */
  readonly rank: number;
  readonly inspectorIds: readonly [string, string];
}

/** Everything the public needs, with the lists, to recompute the draw and compare (verifyDraw). */
export interface DrawOutput {
  readonly algorithmVersion: string;
  readonly drawId: string;
  readonly publicRandom: string;
  readonly unitsDigest: string;
  readonly inspectorsDigest: string;
  readonly seedMaterial: string;
  readonly seed: string;
  readonly unitCount: number;
  readonly inspectorCount: number;
  /** Sorted by (category, jurisdictionId). */
  readonly strata: readonly DrawStratum[];
  /** Stratum by stratum in the order of `strata`, each in draw order. */
  readonly selections: readonly DrawSelection[];
}

/**
 * 双随机一公开, algorithm fb-draw-1, from published inputs only:
 *  1. Freeze the lists (prepareDrawPopulation): units and inspectors sorted by id,
 *     each list's sha256 digest published before the public random value exists.
 *  2. seed = sha256 of the canonical inputs with both digests (draw-seed.ts).
 *  3. Per stratum, draw ceil(ratio × population) units by weighted keys
 *     (select-units.ts, keyed by the seed through mixer.ts).
 *  4. Give every drawn unit two distinct inspectors, never a previous inspector
 *     of the unit and, when crossRegion, none from the unit's region
 *     (assign-inspectors.ts).
 * No clock, no ambient randomness: the same inputs always give the same output.
 */
export function runDraw(inputs: DrawInputs, units: readonly DrawUnit[], inspectors: readonly DrawInspector[]): Result<DrawOutput> {
  const population = prepareDrawPopulation(units, inspectors);
  if (!population.ok) return population;
  return drawFromPopulation(inputs, population.value);
}

export function drawFromPopulation(inputs: DrawInputs, population: DrawPopulation): Result<DrawOutput> {
  const parsed = drawInputsSchema.safeParse(inputs);
  if (!parsed.success) {
    return err('DRAW.INVALID_INPUTS', 'Draw inputs are invalid', '抽查参数不合法', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const input = parsed.data;
  if (!(DRAW_ALGORITHM_VERSIONS as readonly string[]).includes(input.algorithmVersion)) {
    return err('DRAW.UNSUPPORTED_ALGORITHM', `Unknown draw algorithm ${input.algorithmVersion}`, `不支持的抽取算法版本：${input.algorithmVersion}`, {
      algorithmVersion: input.algorithmVersion,
      supported: [...DRAW_ALGORITHM_VERSIONS],
    });
  }

  const { seedMaterial, seed, seedBytes } = drawSeed(input, population.unitsDigest, population.inspectorsDigest);
  const words = seedWords(seedBytes);
  const { strata, laneA, laneB } = selectUnits(population.units, input.parameters, words);
  const pool = inspectorPool(population.inspectors);
  const conflicts = input.parameters.inspectorConflicts;

  // A pair depends only on its unit, so pairs are assigned walking the population
  // in memory order (fast on a million units) and published in rank order below.
  const drawnCount = strata.reduce((sum, s) => sum + s.unitIndices.length, 0);
  const drawnUnits = new Int32Array(drawnCount);
  let at = 0;
  for (const s of strata) for (const i of s.unitIndices) drawnUnits[at++] = i;
  drawnUnits.sort();
  const pairOf = new Array<readonly [string, string]>(population.units.length);
  for (const i of drawnUnits) {
    const unit = population.units[i]!;
    const pair = assignPair(unit, laneA[i]!, laneB[i]!, pool, conflicts, words);
    if (!pair.ok) {
      const stratum = strata.find((s) => s.unitIndices.includes(i))!.stratum;
      return err(
        'DRAW.CANNOT_STAFF',
        `Stratum ${stratum.category}/${stratum.jurisdictionId} cannot be staffed: unit ${unit.id} has ${pair.eligible} eligible inspector(s), 2 are needed`,
        `抽查类别“${stratum.category}”（辖区 ${stratum.jurisdictionId}）无法派员：单位 ${unit.id} 仅有 ${pair.eligible} 名符合回避规则的检查人员，至少需要 2 名`,
        { category: stratum.category, jurisdictionId: stratum.jurisdictionId, unitId: unit.id, regionId: unit.regionId, eligibleInspectors: pair.eligible },
      );
    }
    pairOf[i] = [pool.order[pair.first]!.id, pool.order[pair.second]!.id];
  }

  const selections: DrawSelection[] = [];
  for (const { stratum, unitIndices } of strata) {
    for (let r = 0; r < unitIndices.length; r++) {
      const i = unitIndices[r]!;
      selections.push({
        unitId: population.units[i]!.id,
        category: stratum.category,
        jurisdictionId: stratum.jurisdictionId,
        rank: r + 1,
        inspectorIds: pairOf[i]!,
      });
    }
  }

  return ok({
    algorithmVersion: input.algorithmVersion,
    drawId: input.drawId,
    publicRandom: input.publicRandom,
    unitsDigest: population.unitsDigest,
    inspectorsDigest: population.inspectorsDigest,
    seedMaterial,
    seed,
    unitCount: population.units.length,
    inspectorCount: population.inspectors.length,
    strata: strata.map((s) => s.stratum),
    selections,
  });
}
