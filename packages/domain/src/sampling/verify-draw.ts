import { err, ok, type Result } from '../common/errors';
import { canonicalJson } from '../common/canonical-json';
import type { DrawInputs, DrawInspector, DrawUnit } from './draw-inputs';
import { runDraw, type DrawOutput } from './run-draw';

export interface DrawVerification {
  readonly seed: string;
  readonly selections: number;
}

const HEADER_FIELDS = [
  'algorithmVersion',
  'drawId',
  'publicRandom',
  'unitsDigest',
  'inspectorsDigest',
  'seedMaterial',
  'seed',
  'unitCount',
  'inspectorCount',
] as const;

/**
 * What a member of the public does with the published inputs, lists and result:
 * recompute the draw and compare everything. The first difference is reported
 * (DRAW.VERIFICATION_FAILED with the field, and the index for list entries), so
 * a disagreement points at the exact place: a changed list shows up as a digest,
 * a changed random value as the seed, a tampered assignment as one selection.
 */
export function verifyDraw(
  inputs: DrawInputs,
  units: readonly DrawUnit[],
  inspectors: readonly DrawInspector[],
  output: DrawOutput,
): Result<DrawVerification> {
  const expected = runDraw(inputs, units, inspectors);
  if (!expected.ok) return expected;
  const want = expected.value;
  for (const field of HEADER_FIELDS) {
    if (want[field] !== output[field]) return mismatch(field, null, want[field], output[field]);
  }
  const lists = [
    ['strata', want.strata, output.strata],
    ['selections', want.selections, output.selections],
  ] as const;
  for (const [field, a, b] of lists) {
    if (a.length !== b.length) return mismatch(`${field}.length`, null, a.length, b.length);
    for (let i = 0; i < a.length; i++) {
      const x = canonicalJson(a[i]);
      const y = canonicalJson(b[i]);
      if (x !== y) return mismatch(field, i, a[i], b[i]);
    }
  }
  return ok({ seed: want.seed, selections: want.selections.length });
}

function mismatch(field: string, index: number | null, expected: unknown, actual: unknown) {
  const where = index === null ? field : `${field}[${index}]`;
  return err('DRAW.VERIFICATION_FAILED', `The published draw differs from the recomputation at ${where}`, `抽查结果复核不一致：${where} 与重新计算结果不符`, {
    field,
    index,
    expected,
    actual,
  });
}
