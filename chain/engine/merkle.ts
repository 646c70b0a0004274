// RFC 6962 Merkle trees exactly as CometBFT's crypto/merkle builds them, so that block and tx
// hashes match what a CometBFT node would compute for the same data.
import { concatBytes, sha256 } from "./encoding.js";

const LEAF = new Uint8Array([0]);
const INNER = new Uint8Array([1]);

export const emptyHash = (): Uint8Array => sha256(new Uint8Array(0));
export const leafHash = (leaf: Uint8Array): Uint8Array => sha256(concatBytes(LEAF, leaf));
const innerHash = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(concatBytes(INNER, l, r));

/** Largest power of two strictly less than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function hashFromByteSlices(items: readonly Uint8Array[]): Uint8Array {
  return hashLeaves(items.map(leafHash), 0, items.length);
}

/** Root of leaves[lo, hi), splitting by index ranges rather than copying halves of the array. */
function hashLeaves(leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const n = hi - lo;
  if (n === 0) return emptyHash();
  if (n === 1) return leaves[lo]!;
  const k = splitPoint(n);
  return innerHash(hashLeaves(leaves, lo, lo + k), hashLeaves(leaves, lo + k, hi));
}

export interface MerkleProof {
  total: number;
  index: number;
  leafHash: Uint8Array;
  aunts: Uint8Array[];
}

/** Root and inclusion proof of item `index` (CometBFT `merkle.ProofsFromByteSlices`). */
export function proofFromByteSlices(items: readonly Uint8Array[], index: number): { root: Uint8Array; proof: MerkleProof } {
  const leaves = items.map(leafHash);
  const aunts: Uint8Array[] = [];
  const walk = (lo: number, hi: number): Uint8Array => {
    const n = hi - lo;
    if (n === 0) return emptyHash();
    if (n === 1) return leaves[lo]!;
    const k = splitPoint(n);
    const left = walk(lo, lo + k);
    const right = walk(lo + k, hi);
    if (index >= lo && index < hi) aunts.push(index < lo + k ? right : left);
    return innerHash(left, right);
  };
  const root = walk(0, leaves.length);
  return { root, proof: { total: items.length, index, leafHash: leaves[index]!, aunts } };
}

export function verifyProof(root: Uint8Array, leaf: Uint8Array, proof: MerkleProof): boolean {
  let hash = leafHash(leaf);
  const path: boolean[] = [];
  // Rebuild the left/right path from (index, total) the same way the tree was split.
  const descend = (index: number, total: number): void => {
    if (total <= 1) return;
    const k = splitPoint(total);
    if (index < k) {
      descend(index, k);
      path.push(true);
    } else {
      descend(index - k, total - k);
      path.push(false);
    }
  };
  descend(proof.index, proof.total);
  if (path.length !== proof.aunts.length) return false;
  path.forEach((isLeft, i) => {
    const aunt = proof.aunts[i]!;
    hash = isLeft ? innerHash(hash, aunt) : innerHash(aunt, hash);
  });
  return Buffer.compare(hash, root) === 0;
}
