import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../common/canonical-json';
import { err, ok, type Result } from '../common/errors';
import { COMMITTED_DRAW_ALGORITHM, drawParametersSchema, type DrawInputs, type DrawInspector, type DrawParameters, type DrawUnit } from './draw-inputs';
import { prepareDrawPopulation, type DrawPopulation } from './draw-population';
import { drawFromPopulation, type DrawOutput } from './run-draw';

/**
 * 双随机一公开 in two steps, so the random value cannot be chosen after looking at the lists:
 *  1. commit: the unit library and the inspector pool are frozen, and their digests, the
 *     parameters (strata, ratios, weights, conflict rules), the public random source that
 *     will be used (e.g. the lottery of a later date) and the sha256 of a server seed are
 *     published;
 *  2. run: only after the commitment, the public random value is entered and the server seed
 *     revealed; the lists must still have the committed digests. Anyone can then check that
 *     sha256(serverSeed) is the published hash and that the result used the committed lists.
 * A draw moves committed → drawn → published; inspections are planned from a drawn draw once.
 */
export const DRAW_STAGES = ['committed', 'drawn', 'published'] as const;
export type DrawStage = (typeof DRAW_STAGES)[number];

export type DrawStep = 'run' | 'publish' | 'plan_inspections';

/** The stage a stored draw is at. Draws made before commitments existed start at 'drawn'. */
export function drawStageOf(row: { readonly hasOutput: boolean; readonly publishedAt: Date | string | null }): DrawStage {
  if (row.publishedAt) return 'published';
  return row.hasOutput ? 'drawn' : 'committed';
}

/**
 * The order of the steps: run only a committed draw, publish and plan only a drawn one, and
 * plan its inspections once (`inspectionsPlanned`: how many were already planned from it).
 */
export function checkDrawStep(stage: DrawStage, step: DrawStep, facts: { readonly inspectionsPlanned?: number } = {}): Result<DrawStage> {
  if (step === 'run') {
    if (stage !== 'committed') return err('DRAW.ALREADY_DRAWN', 'This draw has already been run', '该抽查已完成抽取，不能再次抽取', { stage });
    return ok('drawn');
  }
  if (stage === 'committed') {
    return step === 'publish'
      ? err('DRAW.NOT_DRAWN', 'Run the draw before publishing it', '请先完成抽取再公开结果', { stage })
      : err('DRAW.NOT_DRAWN', 'Run the draw before planning its inspections', '请先完成抽取再生成检查任务', { stage });
  }
  if (step === 'publish') {
    if (stage === 'published') return err('DRAW.ALREADY_PUBLISHED', 'This draw has already been published', '该抽查结果已公开', { stage });
    return ok('published');
  }
  if ((facts.inspectionsPlanned ?? 0) > 0) {
    return err('DRAW.ALREADY_PLANNED', 'The inspections of this draw have already been planned', '该抽查的检查任务已生成', { inspectionsPlanned: facts.inspectionsPlanned });
  }
  return ok(stage);
}

/** One inspection per drawn unit, by the unit's drawn pair (the pair's first is the lead). */
export function drawInspectionPlans(output: { readonly selections: readonly { readonly unitId: string; readonly inspectorIds: readonly [string, string] }[] }): { venueId: string; team: [string, string] }[] {
  return output.selections.map((s) => ({ venueId: s.unitId, team: [s.inspectorIds[0], s.inspectorIds[1]] }));
}

/** What is published at commit time, before the random value exists. */
export interface DrawCommitment {
  readonly algorithmVersion: string;
  readonly drawId: string;
  readonly parameters: DrawParameters;
  /** Where the public random value will come from (e.g. 福彩3D of a named later date). */
  readonly randomSource: string;
  readonly unitsDigest: string;
  readonly inspectorsDigest: string;
  readonly unitCount: number;
  readonly inspectorCount: number;
  /** sha256 (hex) of the server seed the run reveals. */
  readonly serverSeedHash: string;
  readonly committedAt: string;
  /** sha256 of the canonical JSON of every field above: one value to write down or quote. */
  readonly commitmentDigest: string;
}

export interface CommitDrawInput {
  readonly drawId: string;
  readonly parameters: DrawParameters;
  readonly randomSource: string;
  readonly serverSeedHash: string;
  readonly committedAt: Date;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** sha256 (hex) of a hex-encoded server seed: what the commitment publishes of it. */
export function serverSeedHashOf(serverSeed: string): string {
  return bytesToHex(sha256(hexToBytes(serverSeed)));
}

function commitmentDigestOf(c: Omit<DrawCommitment, 'commitmentDigest'>): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(c))));
}

/** Step 1: freeze and digest the lists, and state everything the run will use but the random values. */
export function commitDraw(input: CommitDrawInput, units: readonly DrawUnit[], inspectors: readonly DrawInspector[]): Result<{ commitment: DrawCommitment; population: DrawPopulation }> {
  const parameters = drawParametersSchema.safeParse(input.parameters);
  if (!parameters.success) {
    return err('DRAW.INVALID_INPUTS', 'Draw inputs are invalid', '抽查参数不合法', {
      issues: parameters.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const randomSource = input.randomSource.trim();
  if (randomSource.length === 0) return err('DRAW.RANDOM_SOURCE_REQUIRED', 'Name the public random value the draw will use', '请写明抽取将使用的公开随机数来源', {});
  if (!HEX64.test(input.serverSeedHash)) return err('DRAW.INVALID_INPUTS', 'serverSeedHash must be 64 lowercase hex digits', '服务器种子摘要格式不正确', {});
  const population = prepareDrawPopulation(units, inspectors);
  if (!population.ok) return population;
  if (population.value.units.length === 0) return err('DRAW.EMPTY_LIBRARY', 'No unit in the library matches the chosen categories', '所选类别在单位库中没有单位', {});
  const body = {
    algorithmVersion: COMMITTED_DRAW_ALGORITHM,
    drawId: input.drawId,
    parameters: parameters.data,
    randomSource,
    unitsDigest: population.value.unitsDigest,
    inspectorsDigest: population.value.inspectorsDigest,
    unitCount: population.value.units.length,
    inspectorCount: population.value.inspectors.length,
    serverSeedHash: input.serverSeedHash,
    committedAt: input.committedAt.toISOString(),
  };
  return ok({ commitment: { ...body, commitmentDigest: commitmentDigestOf(body) }, population: population.value });
}

export interface DrawReveal {
  readonly publicRandom: string;
  readonly serverSeed: string;
}

/**
 * Step 2: the random values arrive after the commitment, the lists must be the committed
 * ones, and the server seed must be the one whose hash was published.
 */
export function runCommittedDraw(
  commitment: DrawCommitment,
  units: readonly DrawUnit[],
  inspectors: readonly DrawInspector[],
  reveal: DrawReveal,
  now: Date,
): Result<{ inputs: DrawInputs; output: DrawOutput }> {
  if (!(now.getTime() > Date.parse(commitment.committedAt))) {
    return err('DRAW.RANDOM_BEFORE_COMMIT', 'The random value must come after the commitment was published', '随机数必须在公布承诺之后产生', { committedAt: commitment.committedAt });
  }
  const integrity = checkCommitment(commitment);
  if (!integrity.ok) return integrity;
  const publicRandom = reveal.publicRandom.trim();
  if (publicRandom.length === 0) return err('DRAW.INVALID_INPUTS', 'Enter the public random value', '请填写公开随机数', {});
  if (!HEX64.test(reveal.serverSeed) || serverSeedHashOf(reveal.serverSeed) !== commitment.serverSeedHash) {
    return err('DRAW.SEED_MISMATCH', 'The server seed does not match the published hash', '服务器种子与已公布的摘要不符', {});
  }
  const population = prepareDrawPopulation(units, inspectors);
  if (!population.ok) return population;
  if (population.value.unitsDigest !== commitment.unitsDigest || population.value.inspectorsDigest !== commitment.inspectorsDigest) {
    return err('DRAW.COMMITMENT_MISMATCH', 'The lists differ from the committed ones', '单位库或检查人员名单与已公布的承诺不一致', {
      unitsDigest: population.value.unitsDigest,
      inspectorsDigest: population.value.inspectorsDigest,
    });
  }
  const inputs: DrawInputs = {
    algorithmVersion: commitment.algorithmVersion,
    drawId: commitment.drawId,
    publicRandom,
    serverSeed: reveal.serverSeed,
    parameters: commitment.parameters,
  };
  const output = drawFromPopulation(inputs, population.value);
  if (!output.ok) return output;
  return ok({ inputs, output: output.value });
}

/** The commitment's own digest still matches its fields (nobody edited it after publication). */
export function checkCommitment(commitment: DrawCommitment): Result<true> {
  const { commitmentDigest, ...body } = commitment;
  if (commitmentDigestOf(body) !== commitmentDigest) return err('DRAW.COMMITMENT_MISMATCH', 'The commitment was altered after publication', '承诺内容在公布后被改动', { field: 'commitmentDigest' });
  return ok(true);
}

/**
 * The public's check that a result honours its commitment: same draw, parameters and lists,
 * the revealed seed hashes to the published hash, and the draw ran after the commitment.
 * (verifyDraw separately recomputes the result from the inputs.)
 */
export function verifyCommitment(commitment: DrawCommitment, inputs: DrawInputs, output: DrawOutput, drawnAt: string | null): Result<true> {
  const integrity = checkCommitment(commitment);
  if (!integrity.ok) return integrity;
  const differs = (field: string) => err('DRAW.COMMITMENT_MISMATCH', `The result differs from the commitment at ${field}`, `抽查结果与承诺不一致：${field}`, { field });
  if (inputs.drawId !== commitment.drawId) return differs('drawId');
  if (inputs.algorithmVersion !== commitment.algorithmVersion) return differs('algorithmVersion');
  if (canonicalJson(inputs.parameters) !== canonicalJson(commitment.parameters)) return differs('parameters');
  if (output.unitsDigest !== commitment.unitsDigest) return differs('unitsDigest');
  if (output.inspectorsDigest !== commitment.inspectorsDigest) return differs('inspectorsDigest');
  if (inputs.serverSeed === undefined || !HEX64.test(inputs.serverSeed) || serverSeedHashOf(inputs.serverSeed) !== commitment.serverSeedHash) return differs('serverSeed');
  if (drawnAt !== null && !(Date.parse(drawnAt) > Date.parse(commitment.committedAt))) return differs('drawnAt');
  return ok(true);
}
