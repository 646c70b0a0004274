import { concatBytes } from "./bytes.js";
import { LEAF_TAG, sha256 } from "./hash.js";

/**
 * Key layout of the store's LevelDB. Every key starts with a one-byte namespace, so state keys,
 * tree nodes and the engine's own data can never collide:
 *   'm' "latest"         → u64 BE height || root (32)     last committed version
 *   'r' u64 BE height    → root (32)                      one record per committed version
 *   'n' node hash (32)   → page or leaf record            content-addressed, shared by versions (pages.ts)
 *   's' state key        → value                          the latest committed state, loaded at open
 *   'x' raw key          → raw value                      the engine's data (block store), outside the tree
 * Leaf record: 0x00 || u32 BE key length || key || value.
 * Page record: see pages.ts.
 */
export const NS_META = 0x6d; // 'm'
export const NS_ROOT = 0x72; // 'r'
export const NS_NODE = 0x6e; // 'n'
export const NS_STATE = 0x73; // 's'
export const NS_RAW = 0x78; // 'x'

export const LATEST_KEY = Uint8Array.from(Buffer.from("mlatest", "latin1"));

export function nsKey(ns: number, key: Uint8Array): Uint8Array {
  return concatBytes(Uint8Array.of(ns), key);
}

export function rootKey(height: number): Uint8Array {
  const k = Buffer.alloc(9);
  k[0] = NS_ROOT;
  k.writeBigUInt64BE(BigInt(height), 1);
  return k;
}

export function encodeLatest(height: number, root: Uint8Array): Uint8Array {
  const v = Buffer.alloc(40);
  v.writeBigUInt64BE(BigInt(height), 0);
  v.set(root, 8);
  return v;
}

export function decodeLatest(v: Uint8Array): { height: number; rootHash: Uint8Array } {
  if (v.byteLength !== 40) throw new Error("state store: corrupt 'latest' record");
  const b = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return { height: Number(b.readBigUInt64BE(0)), rootHash: Uint8Array.prototype.slice.call(v, 8) };
}

/** Leaf row: the hashes are left out because they follow from the key and value (decodeLeaf). */
export function encodeLeaf(key: Uint8Array, value: Uint8Array): Uint8Array {
  const v = Buffer.allocUnsafe(5 + key.byteLength + value.byteLength);
  v[0] = LEAF_TAG;
  v.writeUInt32BE(key.byteLength, 1);
  v.set(key, 5);
  v.set(value, 5 + key.byteLength);
  return v;
}

export interface StoredLeaf {
  readonly keyHash: Uint8Array;
  readonly valueHash: Uint8Array;
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export function decodeLeaf(v: Uint8Array): StoredLeaf {
  if (v[0] === LEAF_TAG && v.byteLength >= 5) {
    const keyLen = Buffer.from(v.buffer, v.byteOffset, v.byteLength).readUInt32BE(1);
    if (5 + keyLen <= v.byteLength) {
      const key = v.subarray(5, 5 + keyLen);
      const value = v.subarray(5 + keyLen);
      return { keyHash: sha256(key), valueHash: sha256(value), key, value };
    }
  }
  throw new Error("state store: corrupt leaf record");
}
