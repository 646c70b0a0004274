import { EMPTY_HASH } from "./hash.js";
import { equalBytes } from "./bytes.js";

/**
 * Binary encoding of a state proof (version 1). The client decodes and verifies the same bytes
 * (packages/client/src/proof); see README.md for the rules.
 *   u8  version = 1
 *   u8  kind: 0 = the key exists; 1 = absent, its path ends in an empty subtree;
 *             2 = absent, its path ends at another key's leaf
 *   u16 BE depth d: number of siblings
 *   ceil(d/8) bytes: bitmap, bit i (MSB first) set when the sibling at depth i is not empty
 *   32 bytes per non-empty sibling, from the root (depth 0) down
 *   kind 2 only: the other leaf's sha256(key) (32) and sha256(value) (32)
 */
export const PROOF_VERSION = 1;

export type ProofKind = 0 | 1 | 2;

export interface RawProof {
  readonly kind: ProofKind;
  /** Sibling hashes from the root downward; EMPTY_HASH for an empty sibling. */
  readonly siblings: readonly Uint8Array[];
  readonly otherLeaf?: { readonly keyHash: Uint8Array; readonly valueHash: Uint8Array };
}

export function encodeProof(p: RawProof): Uint8Array {
  const d = p.siblings.length;
  const present = p.siblings.filter((s) => !equalBytes(s, EMPTY_HASH));
  const bitmapLen = (d + 7) >> 3;
  const tail = p.kind === 2 ? 64 : 0;
  const out = new Uint8Array(4 + bitmapLen + 32 * present.length + tail);
  out[0] = PROOF_VERSION;
  out[1] = p.kind;
  out[2] = d >> 8;
  out[3] = d & 0xff;
  let at = 4 + bitmapLen;
  p.siblings.forEach((s, i) => {
    if (equalBytes(s, EMPTY_HASH)) return;
    out[4 + (i >> 3)] = (out[4 + (i >> 3)] ?? 0) | (0x80 >> (i & 7));
    out.set(s, at);
    at += 32;
  });
  if (p.kind === 2) {
    if (p.otherLeaf === undefined) throw new Error("encodeProof: kind 2 needs the other leaf");
    out.set(p.otherLeaf.keyHash, at);
    out.set(p.otherLeaf.valueHash, at + 32);
  }
  return out;
}
