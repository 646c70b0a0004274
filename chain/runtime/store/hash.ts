import { hash } from "node:crypto";

/**
 * Hashing of the state tree. All hashes are SHA-256 with one-byte domain tags, so a leaf can never
 * be passed off as an inner node or the other way round:
 *   leaf  = sha256(0x00 || sha256(key) || sha256(value))
 *   inner = sha256(0x01 || left || right)
 *   empty subtree = EMPTY_HASH (also the root of the empty tree)
 * The client's verifier (packages/client/src/proof) implements the same rules independently.
 */
export const LEAF_TAG = 0x00;
export const INNER_TAG = 0x01;

/** sha256("precision/state/v1/empty"): a fixed 32-byte root for the empty tree (never empty bytes). */
export const EMPTY_HASH: Uint8Array = Uint8Array.from(
  hash("sha256", Buffer.from("precision/state/v1/empty", "utf8"), "buffer"),
);

const scratch = Buffer.alloc(65);

/**
 * Hashes the tree keeps are copied into views of shared 64 KiB slabs. Hundreds of thousands of
 * separately allocated 32-byte buffers (what crypto.hash returns) make V8's GC the bottleneck;
 * views of a few large ArrayBuffers do not.
 */
const SLAB = 64 * 1024;
let slab = new Uint8Array(SLAB);
let slabAt = 0;

function keep(digest: Uint8Array): Uint8Array {
  if (slabAt + 32 > SLAB) {
    slab = new Uint8Array(SLAB);
    slabAt = 0;
  }
  const out = slab.subarray(slabAt, slabAt + 32);
  out.set(digest);
  slabAt += 32;
  return out;
}

export function sha256(data: Uint8Array): Uint8Array {
  return keep(hash("sha256", data, "buffer"));
}

export function leafHash(keyHash: Uint8Array, valueHash: Uint8Array): Uint8Array {
  scratch[0] = LEAF_TAG;
  scratch.set(keyHash, 1);
  scratch.set(valueHash, 33);
  return keep(hash("sha256", scratch, "buffer"));
}

export function innerHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  scratch[0] = INNER_TAG;
  scratch.set(left, 1);
  scratch.set(right, 33);
  return keep(hash("sha256", scratch, "buffer"));
}

/** Bit `depth` of a 32-byte path, most significant bit first: 0 goes left, 1 goes right. */
export function pathBit(path: Uint8Array, depth: number): number {
  return ((path[depth >> 3] ?? 0) >> (7 - (depth & 7))) & 1;
}
