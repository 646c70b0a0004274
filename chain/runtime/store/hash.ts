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
export const EMPTY_HASH: Uint8Array = sha256(Buffer.from("precision/state/v1/empty", "utf8"));

const scratch = Buffer.alloc(65);

export function sha256(data: Uint8Array): Uint8Array {
  return hash("sha256", data, "buffer");
}

export function leafHash(keyHash: Uint8Array, valueHash: Uint8Array): Uint8Array {
  scratch[0] = LEAF_TAG;
  scratch.set(keyHash, 1);
  scratch.set(valueHash, 33);
  return hash("sha256", scratch, "buffer");
}

export function innerHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  scratch[0] = INNER_TAG;
  scratch.set(left, 1);
  scratch.set(right, 33);
  return hash("sha256", scratch, "buffer");
}

/** Bit `depth` of a 32-byte path, most significant bit first: 0 goes left, 1 goes right. */
export function pathBit(path: Uint8Array, depth: number): number {
  return ((path[depth >> 3] ?? 0) >> (7 - (depth & 7))) & 1;
}
