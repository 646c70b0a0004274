// A kv tx indexer in the spirit of CometBFT's state/txindex/kv: tx.hash, tx.height and every
// event attribute marked `index` become searchable, ordered by (height, index).
import type { ExecTxResult, TxResult } from "cosmjs-types/tendermint/abci/types";
import { concatBytes, readU32be, readU64be, txHash, u32be, u64be, utf8 } from "./encoding.js";
import { matchValue, type Condition, type Query } from "./query.js";
import type { RawReader } from "./raw-store.js";

/** The last height whose txs are indexed (u64 big-endian). */
export const INDEXED_HEIGHT_KEY = utf8("cmt/tx/indexed");
const HASH = utf8("cmt/tx/h/");
const POS = utf8("cmt/tx/p/");
const EVENT = utf8("cmt/tx/e/");
const RESERVED = new Set(["tx.hash", "tx.height"]);

const pos = (height: bigint, index: number): Uint8Array => concatBytes(u64be(height), u32be(index));

function prefixEnd(prefix: Uint8Array): Uint8Array {
  const end = Uint8Array.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]!++;
      return end.subarray(0, i + 1);
    }
  }
  return new Uint8Array([0xff, 0xff, 0xff, 0xff]);
}

const tagHeads = new Map<string, Uint8Array>();

/** EVENT ‖ u16 len ‖ tag; the handful of distinct tags are encoded once. */
function tagHead(tag: string): Uint8Array {
  let head = tagHeads.get(tag);
  if (head === undefined) {
    const t = utf8(tag);
    head = concatBytes(EVENT, new Uint8Array([t.length >> 8, t.length & 0xff]), t);
    if (tagHeads.size < 4096) tagHeads.set(tag, head);
  }
  return head;
}

/** tagHead ‖ u32 len ‖ value [‖ position], built in one allocation. */
function tagPrefix(tag: string, value?: string, position?: Uint8Array): Uint8Array {
  const head = tagHead(tag);
  if (value === undefined) return head;
  const valueLength = Buffer.byteLength(value, "utf8");
  const out = Buffer.allocUnsafe(head.length + 4 + valueLength + (position?.length ?? 0));
  out.set(head, 0);
  out.writeUInt32BE(valueLength, head.length);
  out.write(value, head.length + 4, "utf8");
  if (position) out.set(position, head.length + 4 + valueLength);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Where index rows go: a database batch in the index thread, an array in tests. */
export type IndexRowSink = (key: Uint8Array, value: Uint8Array) => void;

const EMPTY = new Uint8Array(0);

/** The rows of one tx: its hash, its position, and one per distinct indexed event attribute. */
export function indexTxRows(height: bigint, index: number, tx: Uint8Array, result: ExecTxResult, put: IndexRowSink): void {
  const p = pos(height, index);
  put(concatBytes(HASH, txHash(tx)), p);
  // The tx and its result are in the block store already: the row only marks the position.
  put(concatBytes(POS, p), EMPTY);
  const seen = new Set<string>();
  for (const ev of result.events) {
    if (!ev.type) continue;
    for (const a of ev.attributes) {
      if (!a.key || !a.index) continue;
      const tag = `${ev.type}.${a.key}`;
      if (RESERVED.has(tag)) continue;
      const dedupe = `${tag}\u0000${a.value}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      put(tagPrefix(tag, a.value, p), EMPTY);
    }
  }
}

export interface SearchResult {
  total: number;
  txs: TxResult[];
}

/**
 * A tx the index found: its (height, index) position, and what its position row holds. Rows
 * written before the index stopped copying txs hold the encoded TxResult; newer rows are empty
 * and the tx and its result are read from the block store.
 */
export interface IndexedTx {
  position: Uint8Array;
  stored: Uint8Array;
}

/** A search's page, in order. */
export interface RawSearchResult {
  total: number;
  txs: IndexedTx[];
}

/** Reads the index rows; the tx index thread owns them (tx-index-worker.ts). */
export class TxIndex {
  constructor(private readonly db: RawReader) {}

  /** Where the tx with this hash is. */
  async getByHashRaw(hash: Uint8Array): Promise<IndexedTx | undefined> {
    const p = await this.db.get(concatBytes(HASH, hash));
    if (!p) return undefined;
    const stored = await this.db.get(concatBytes(POS, p));
    return stored === undefined ? undefined : { position: p, stored };
  }

  /** All matching txs ordered by (height, index); `page` is 1-based. */
  async searchRaw(q: Query, page: number, perPage: number, desc: boolean): Promise<RawSearchResult> {
    let candidates: Set<string> | undefined;
    const intersect = (s: Set<string>): void => {
      candidates = candidates ? new Set([...candidates].filter((x) => s.has(x))) : s;
    };
    const heightConds = q.conditions.filter((c) => c.tag === "tx.height");
    if (heightConds.length > 0) intersect(await this.byHeight(heightConds));
    for (const c of q.conditions) {
      if (candidates?.size === 0) break;
      if (c.tag === "tx.height") continue;
      if (c.tag === "tx.hash") {
        const s = new Set<string>();
        if (c.op === "=" && c.arg?.kind === "string" && /^[0-9a-fA-F]{64}$/.test(c.arg.value)) {
          const p = await this.db.get(concatBytes(HASH, Buffer.from(c.arg.value, "hex")));
          if (p) s.add(Buffer.from(p).toString("hex"));
        }
        intersect(s);
        continue;
      }
      intersect(await this.byEvent(c));
    }
    const sorted = [...(candidates ?? [])].sort();
    if (desc) sorted.reverse();
    const slice = sorted.slice((page - 1) * perPage, page * perPage);
    const txs: IndexedTx[] = [];
    for (const hex of slice) {
      const position = Buffer.from(hex, "hex");
      const stored = await this.db.get(concatBytes(POS, position));
      if (stored) txs.push({ position: new Uint8Array(position), stored });
    }
    return { total: sorted.length, txs };
  }

  private async byHeight(conds: readonly Condition[]): Promise<Set<string>> {
    const out = new Set<string>();
    let lo = 0n;
    let hi = (1n << 63n) - 1n;
    for (const c of conds) {
      if (c.arg?.kind !== "number" || !/^\d+$/.test(c.arg.value)) continue;
      const n = BigInt(c.arg.value);
      if (c.op === "=") [lo, hi] = [n > lo ? n : lo, n < hi ? n : hi];
      else if (c.op === ">=" && n > lo) lo = n;
      else if (c.op === ">" && n + 1n > lo) lo = n + 1n;
      else if (c.op === "<=" && n < hi) hi = n;
      else if (c.op === "<" && n - 1n < hi) hi = n - 1n;
    }
    if (lo > hi) return out;
    const gte = concatBytes(POS, u64be(lo));
    const lt = hi >= (1n << 63n) - 1n ? prefixEnd(POS) : concatBytes(POS, u64be(hi + 1n));
    for await (const [k] of this.db.range({ gte, lt })) {
      const p = k.subarray(POS.length);
      const height = readU64be(p).toString();
      if (conds.every((c) => matchValue(c, height))) out.add(Buffer.from(p).toString("hex"));
    }
    return out;
  }

  private async byEvent(c: Condition): Promise<Set<string>> {
    const out = new Set<string>();
    const exact = c.op === "=" && c.arg?.kind === "string";
    const prefix = exact ? tagPrefix(c.tag, String(c.arg!.value)) : tagPrefix(c.tag);
    for await (const [k] of this.db.range({ gte: prefix, lt: prefixEnd(prefix) })) {
      const p = k.subarray(k.length - 12);
      if (!exact) {
        const valueStart = prefix.length + 4;
        const len = readU32be(k, prefix.length);
        if (!matchValue(c, Buffer.from(k.subarray(valueStart, valueStart + len)).toString("utf8"))) continue;
      }
      out.add(Buffer.from(p).toString("hex"));
    }
    return out;
  }
}

export { pos as txPosition, prefixEnd };
export const positionHeightIndex = (p: Uint8Array): { height: bigint; index: number } => ({
  height: readU64be(p),
  index: readU32be(p, 8),
});
