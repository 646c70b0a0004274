import { sha256 } from "@noble/hashes/sha2.js";
import {
  EMPTY_STATE_ROOT,
  StateProofFormatError,
  decodeStateProof,
  type DecodedStateProof,
} from "./format.js";

export interface InclusionProofInput {
  /** Encoded proof bytes (as returned by the chain) or an already decoded proof. */
  readonly proof: Uint8Array | DecodedStateProof;
  readonly key: Uint8Array;
  readonly value: Uint8Array;
  /** The state root the proof is checked against: the app hash in the header of block height + 1. */
  readonly appHash: Uint8Array;
}

export interface NonInclusionProofInput {
  readonly proof: Uint8Array | DecodedStateProof;
  readonly key: Uint8Array;
  readonly appHash: Uint8Array;
}

/** True iff `proof` shows that `key` maps to exactly `value` in the state whose root is `appHash`. */
export function verifyInclusionProof(input: InclusionProofInput): boolean {
  const proof = decodeOrNull(input.proof);
  if (proof === null || proof.kind !== "exists") return false;
  const keyHash = sha256(input.key);
  return rootMatches(
    proof.siblings,
    keyHash,
    leafHash(keyHash, sha256(input.value)),
    input.appHash,
  );
}

/** True iff `proof` shows that `key` has no value in the state whose root is `appHash`. */
export function verifyNonInclusionProof(input: NonInclusionProofInput): boolean {
  const proof = decodeOrNull(input.proof);
  if (proof === null) return false;
  const keyHash = sha256(input.key);
  if (proof.kind === "absent-empty") {
    return rootMatches(proof.siblings, keyHash, EMPTY_STATE_ROOT, input.appHash);
  }
  if (proof.kind !== "absent-leaf" || proof.otherLeaf === undefined) return false;
  const { keyHash: otherKey, valueHash: otherValue } = proof.otherLeaf;
  // The other leaf must sit on our path (share the first `depth` bits) and be a different key.
  if (equal(otherKey, keyHash) || !samePrefix(otherKey, keyHash, proof.siblings.length))
    return false;
  return rootMatches(proof.siblings, keyHash, leafHash(otherKey, otherValue), input.appHash);
}

function decodeOrNull(proof: Uint8Array | DecodedStateProof): DecodedStateProof | null {
  if (!(proof instanceof Uint8Array)) return proof;
  try {
    return decodeStateProof(proof);
  } catch (err) {
    if (err instanceof StateProofFormatError) return null;
    throw err;
  }
}

function rootMatches(
  siblings: readonly Uint8Array[],
  keyHash: Uint8Array,
  start: Uint8Array,
  appHash: Uint8Array,
): boolean {
  if (siblings.length > 256) return false;
  let cur = start;
  for (let depth = siblings.length - 1; depth >= 0; depth--) {
    const sibling = siblings[depth] as Uint8Array;
    if (sibling.length !== 32) return false;
    cur = bit(keyHash, depth) === 1 ? innerHash(sibling, cur) : innerHash(cur, sibling);
  }
  return equal(cur, appHash);
}

function leafHash(keyHash: Uint8Array, valueHash: Uint8Array): Uint8Array {
  return tagged(0x00, keyHash, valueHash);
}

function innerHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return tagged(0x01, left, right);
}

function tagged(tag: number, a: Uint8Array, b: Uint8Array): Uint8Array {
  const buf = new Uint8Array(65);
  buf[0] = tag;
  buf.set(a, 1);
  buf.set(b, 33);
  return sha256(buf);
}

function bit(path: Uint8Array, depth: number): number {
  return ((path[depth >> 3] as number) >> (7 - (depth & 7))) & 1;
}

function samePrefix(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i++) if (bit(a, i) !== bit(b, i)) return false;
  return true;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
