import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { merkleInclusionProof, merkleLeafHash, merkleRoot, verifyMerkleInclusion } from './merkle';

const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** RFC 6962 §2.1 MTH, written recursively as the RFC states it, to check the iterative one against. */
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return h();
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return h(Buffer.from([1]), mth(d.slice(0, k)), mth(d.slice(k)));
}

const leaves = (n: number) => Array.from({ length: n }, (_, i) => merkleLeafHash(`entry ${i}`));

describe('RFC 6962 Merkle tree', () => {
  it('hashes a leaf as H(0x00 || data)', () => {
    expect(merkleLeafHash('x')).toEqual(h(Buffer.from([0]), Buffer.from('x')));
    expect(merkleRoot([])).toEqual(h());
  });

  it.each([1, 2, 3, 5, 7, 8, 13, 64, 100])('matches the recursive definition and proves every leaf of %i', (n) => {
    const d = leaves(n);
    const root = merkleRoot(d);
    expect(root).toEqual(mth(d));
    for (let i = 0; i < n; i++) expect(verifyMerkleInclusion(d[i]!, i, n, merkleInclusionProof(d, i), root)).toBe(true);
  });

  it('refuses a proof for another leaf, index or size', () => {
    const d = leaves(7);
    const root = merkleRoot(d);
    const proof = merkleInclusionProof(d, 3);
    expect(verifyMerkleInclusion(d[4]!, 3, 7, proof, root)).toBe(false);
    expect(verifyMerkleInclusion(d[3]!, 2, 7, proof, root)).toBe(false);
    expect(verifyMerkleInclusion(d[3]!, 3, 4, proof, root)).toBe(false);
    expect(verifyMerkleInclusion(d[3]!, 3, 7, proof.slice(1), root)).toBe(false);
  });
});
