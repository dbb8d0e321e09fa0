import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../common/canonical-json';
import type { DrawInputs } from './draw-inputs';

export interface DrawSeed {
  /** Exactly the text that was hashed: anyone can check `sha256(seedMaterial) === seed`. */
  readonly seedMaterial: string;
  readonly seed: string;
  readonly seedBytes: Uint8Array;
}

/**
 * seed = sha256(canonicalJson({ algorithmVersion, drawId, publicRandom, parameters,
 * unitsDigest, inspectorsDigest }), with serverSeed too in fb-draw-2). Ratios are ordered by (category,
 * jurisdictionId) first, so listing them in another order changes nothing.
 */
export function drawSeed(inputs: DrawInputs, unitsDigest: string, inspectorsDigest: string): DrawSeed {
  const ratios = inputs.parameters.ratios
    .map((r) => (r.jurisdictionId === undefined ? { category: r.category, ratio: r.ratio } : { category: r.category, jurisdictionId: r.jurisdictionId, ratio: r.ratio }))
    .sort((a, b) => compare(a.category, b.category) || compare(a.jurisdictionId ?? '', b.jurisdictionId ?? ''));
  const seedMaterial = canonicalJson({
    algorithmVersion: inputs.algorithmVersion,
    drawId: inputs.drawId,
    publicRandom: inputs.publicRandom,
    ...(inputs.serverSeed === undefined ? {} : { serverSeed: inputs.serverSeed }),
    parameters: {
      ratios,
      priorityWeights: inputs.parameters.priorityWeights,
      inspectorConflicts: inputs.parameters.inspectorConflicts,
    },
    unitsDigest,
    inspectorsDigest,
  });
  const seedBytes = sha256(utf8ToBytes(seedMaterial));
  return { seedMaterial, seed: bytesToHex(seedBytes), seedBytes };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
