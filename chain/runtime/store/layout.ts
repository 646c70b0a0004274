import { concatBytes } from "./bytes.js";
import { LEAF_TAG } from "./hash.js";

/**
 * Key layout of the store's LevelDB. Every key starts with a one-byte namespace, so state keys,
 * tree nodes and the engine's own data can never collide:
 *   'm' "latest"         → u64 BE height || root (32)     last committed version
 *   'r' u64 BE height    → root (32)                      one record per committed version
 *   'n' node hash (32)   → page or leaf record            content-addressed, shared by versions (pages.ts)
 *   's' state key        → value                          the latest committed state, loaded at open
 *   'x' raw key          → raw value                      the engine's data (block store, tx index), outside the tree
 * Leaf record: 0x00 || sha256(key) || sha256(value) || u32 BE key length || key || value.
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

export function encodeLeaf(
  keyHash: Uint8Array,
  valueHash: Uint8Array,
  key: Uint8Array,
  value: Uint8Array,
): Uint8Array {
  const v = Buffer.allocUnsafe(69 + key.byteLength + value.byteLength);
  v[0] = LEAF_TAG;
  v.set(keyHash, 1);
  v.set(valueHash, 33);
  v.writeUInt32BE(key.byteLength, 65);
  v.set(key, 69);
  v.set(value, 69 + key.byteLength);
  return v;
}

export interface StoredLeaf {
  readonly keyHash: Uint8Array;
  readonly valueHash: Uint8Array;
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export function decodeLeaf(v: Uint8Array): StoredLeaf {
  if (v[0] === LEAF_TAG && v.byteLength >= 69) {
    const keyLen = Buffer.from(v.buffer, v.byteOffset, v.byteLength).readUInt32BE(65);
    if (69 + keyLen <= v.byteLength) {
      return {
        keyHash: v.subarray(1, 33),
        valueHash: v.subarray(33, 65),
        key: v.subarray(69, 69 + keyLen),
        value: v.subarray(69 + keyLen),
      };
    }
  }
  throw new Error("state store: corrupt leaf record");
}
