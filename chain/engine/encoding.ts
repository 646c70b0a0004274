import { hash } from "node:crypto";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";

export function sha256(data: Uint8Array): Uint8Array {
  // One-shot: a Hash object per call cost more than the hashing of short inputs (tx hashes, Merkle nodes).
  return view(hash("sha256", data, "buffer"));
}

/**
 * sha256 of a tx's bytes, remembered for that bytes object: the RPC answer, the mempool's cache,
 * the block's data hash and the Tx events all name a tx by its hash, and the same bytes object
 * travels from the broadcast through the mempool into the block. Callers must not mutate tx bytes.
 */
export function txHash(tx: Uint8Array): Uint8Array {
  let hash = txHashes.get(tx);
  if (hash === undefined) {
    hash = sha256(tx);
    txHashes.set(tx, hash);
  }
  return hash;
}

const txHashes = new WeakMap<Uint8Array, Uint8Array>();

/** The same memory as a plain Uint8Array: no copy, and no Buffer leaking into comparisons or JSON. */
function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex").toUpperCase();
}

/** Strict hex decoding: even length, hex digits only (either case). */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`invalid hex string: ${hex.slice(0, 80)}`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Strict standard base64 (padded), as Go's encoding/base64.StdEncoding accepts it. */
export function fromBase64(b64: string): Uint8Array {
  return new Uint8Array(pooledBase64(b64));
}

/**
 * fromBase64 for what arrives over RPC, txs above all: a view into Node's shared buffer pool
 * rather than a copy with a native backing store of its own, which every mempool tx then kept
 * (thousands of them, each tracked and swept by the collector). A small tx shares its pool slab
 * with the txs decoded around it, which live about as long. Not for secrets: other data shares
 * the slab.
 */
export function fromBase64Pooled(b64: string): Uint8Array {
  const b = pooledBase64(b64);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function pooledBase64(b64: string): Buffer {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new Error("illegal base64 data");
  return Buffer.from(b64, "base64");
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.byteLength;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export function utf8(s: string): Uint8Array {
  return view(Buffer.from(s, "utf8"));
}

export function u64be(n: bigint | number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

export function u32be(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

export function readU64be(b: Uint8Array, offset = 0): bigint {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).readBigUInt64BE(offset);
}

export function readU32be(b: Uint8Array, offset = 0): number {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).readUInt32BE(offset);
}

export function timestampFromMillis(ms: number): Timestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds: BigInt(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function timestampToMillis(t: Timestamp): number {
  return Number(t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000);
}

/** RFC3339Nano in UTC the way Go prints it: trailing zeros of the fraction trimmed, no fraction if zero. */
export function rfc3339Nano(t: Timestamp): string {
  const iso = new Date(Number(t.seconds) * 1000).toISOString().slice(0, 19);
  if (t.nanos === 0) return `${iso}Z`;
  return `${iso}.${String(t.nanos).padStart(9, "0").replace(/0+$/, "")}Z`;
}

/** Parses RFC3339 (with optional fraction up to 9 digits and Z or an offset) into a Timestamp. */
export function parseRfc3339(s: string): Timestamp {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) throw new Error(`invalid RFC3339 time: ${s}`);
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) throw new Error(`invalid RFC3339 time: ${s}`);
  return { seconds: BigInt(ms / 1000), nanos: Number((m[2] ?? "").padEnd(9, "0")) };
}

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  return a.nanos - b.nanos;
}
