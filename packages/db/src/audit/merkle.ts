import { createHash } from 'node:crypto';

/**
 * The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency), with
 * SHA-256: a leaf is H(0x00 || data), an inner node H(0x01 || left || right),
 * and a list of n > 1 leaves splits at the largest power of two below n. The
 * domain-separation bytes make a leaf impossible to pass off as a node.
 */
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function merkleLeafHash(data: string): Buffer {
  return createHash('sha256').update(LEAF).update(data, 'utf8').digest();
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE).update(left).update(right).digest();
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(leaves) over leaf hashes already computed; the empty tree is H(""). */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  // Bottom-up, pairing left to right and carrying an odd last node up: the same tree as the recursive split.
  let level: Buffer[] = [...leaves];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/** The audit path of leaf `index` (RFC 6962 §2.1.1 PATH), nearest sibling first. */
export function merkleInclusionProof(leaves: readonly Buffer[], index: number): Buffer[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} outside a tree of ${leaves.length}`);
  const path = (m: number, d: readonly Buffer[]): Buffer[] => {
    if (d.length <= 1) return [];
    const k = split(d.length);
    return m < k ? [...path(m, d.slice(0, k)), merkleRoot(d.slice(k))] : [...path(m - k, d.slice(k)), merkleRoot(d.slice(0, k))];
  };
  return path(index, leaves);
}

/** RFC 9162 §2.1.3.2: does `proof` take leaf `index` of a tree of `size` to `root`? */
export function verifyMerkleInclusion(leaf: Buffer, index: number, size: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}
