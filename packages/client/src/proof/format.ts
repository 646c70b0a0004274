import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * Precision state proofs, version 1: the client's own reading of the format that the chain's
 * store writes (chain/runtime/store/README.md). The tree is a binary Patricia Merkle tree over
 * the paths sha256(key), most significant bit first, with these hashes:
 *   leaf  = sha256(0x00 || sha256(key) || sha256(value))
 *   inner = sha256(0x01 || left || right)
 *   empty subtree = EMPTY_STATE_ROOT = sha256("precision/state/v1/empty")
 *
 * Encoding:
 *   u8  version (1)
 *   u8  kind: 0 = the key exists; 1 = absent, its path ends in an empty subtree;
 *             2 = absent, its path ends at another key's leaf
 *   u16 BE depth d (number of siblings)
 *   ceil(d/8) bytes bitmap, bit i (MSB first) set when the sibling at depth i is not empty
 *   32 bytes for each non-empty sibling, from the root (depth 0) down
 *   kind 2 only: the other leaf's sha256(key) (32) then sha256(value) (32)
 */
export const STATE_PROOF_VERSION = 1;

/** Root of the empty state tree. */
export const EMPTY_STATE_ROOT: Uint8Array = sha256(utf8ToBytes("precision/state/v1/empty"));

export type StateProofKind = "exists" | "absent-empty" | "absent-leaf";

export interface DecodedStateProof {
  readonly kind: StateProofKind;
  /** Sibling hashes from the root down; EMPTY_STATE_ROOT where the sibling subtree is empty. */
  readonly siblings: readonly Uint8Array[];
  /** For "absent-leaf": the leaf that occupies the key's path. */
  readonly otherLeaf?: { readonly keyHash: Uint8Array; readonly valueHash: Uint8Array };
}

export class StateProofFormatError extends Error {
  override readonly name = "StateProofFormatError";
}

const KINDS: readonly StateProofKind[] = ["exists", "absent-empty", "absent-leaf"];

/** Decodes proof bytes; throws StateProofFormatError on anything malformed, including trailing bytes. */
export function decodeStateProof(bytes: Uint8Array): DecodedStateProof {
  if (!(bytes instanceof Uint8Array) || bytes.length < 4)
    throw new StateProofFormatError("proof is too short");
  if (bytes[0] !== STATE_PROOF_VERSION)
    throw new StateProofFormatError(`unknown proof version ${bytes[0]}`);
  const kind = KINDS[bytes[1] as number];
  if (kind === undefined) throw new StateProofFormatError(`unknown proof kind ${bytes[1]}`);
  const depth = ((bytes[2] as number) << 8) | (bytes[3] as number);
  if (depth > 256) throw new StateProofFormatError(`proof depth ${depth} exceeds 256`);
  const bitmapLen = (depth + 7) >> 3;
  let at = 4 + bitmapLen;
  if (bytes.length < at) throw new StateProofFormatError("proof bitmap is truncated");
  const siblings: Uint8Array[] = [];
  for (let i = 0; i < depth; i++) {
    const present = ((bytes[4 + (i >> 3)] as number) >> (7 - (i & 7))) & 1;
    if (present === 0) {
      siblings.push(EMPTY_STATE_ROOT);
      continue;
    }
    if (bytes.length < at + 32) throw new StateProofFormatError("proof siblings are truncated");
    siblings.push(bytes.slice(at, at + 32));
    at += 32;
  }
  if (depth % 8 !== 0 && ((bytes[4 + bitmapLen - 1] as number) & (0xff >> (depth % 8))) !== 0) {
    throw new StateProofFormatError("proof bitmap has bits set past its depth");
  }
  let otherLeaf: DecodedStateProof["otherLeaf"];
  if (kind === "absent-leaf") {
    if (bytes.length < at + 64) throw new StateProofFormatError("proof leaf is truncated");
    otherLeaf = { keyHash: bytes.slice(at, at + 32), valueHash: bytes.slice(at + 32, at + 64) };
    at += 64;
  }
  if (at !== bytes.length) throw new StateProofFormatError("proof has trailing bytes");
  return otherLeaf === undefined ? { kind, siblings } : { kind, siblings, otherLeaf };
}
