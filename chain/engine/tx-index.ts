// A kv tx indexer in the spirit of CometBFT's state/txindex/kv: tx.hash, tx.height and every
// event attribute marked `index` become searchable, ordered by (height, index). Attributes are
// kept as per-block postings (see indexBlockRows) rather than one row per attribute per tx.
import type { TxResult } from "cosmjs-types/tendermint/abci/types";
import { latin1 } from "../runtime/store/bytes.js";
import { concatBytes, readU32be, readU64be, sha256, u32be, u64be, utf8 } from "./encoding.js";
import { forEachIndexedAttribute, forEachIndexedBlockAttribute } from "./indexed-attributes.js";
import { matchValue, type Condition, type Query } from "./query.js";
import type { RawReader } from "./raw-store.js";

/** The last height whose txs are indexed (u64 big-endian). */
export const INDEXED_HEIGHT_KEY = utf8("cmt/tx/indexed");
const HASH = utf8("cmt/tx/h/");
const POS = utf8("cmt/tx/p/");
/** Event rows written by nodes before postings: one per (tag, value, tx position). Read only. */
const EVENT = utf8("cmt/tx/e/");
/** Postings: one row per (tag, value, height) listing that block's txs. */
const POSTINGS = utf8("cmt/tx/b/");
const RESERVED = new Set(["tx.hash", "tx.height"]);
/**
 * Block events (FinalizeBlock's own, as CometBFT's block indexer keeps them): one empty row per
 * (tag, value, height), BLOCK_POSTINGS ‖ u16 len ‖ tag ‖ u32 len ‖ value ‖ u64 height.
 */
const BLOCK_POSTINGS = utf8("cmt/blk/b/");
const BLOCK_HEIGHT_TAG = "block.height";

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

// Event rows of every kind are keyed kind ‖ u16 len ‖ tag ‖ u32 len ‖ value ‖ where (a height, or
// a tx's position), so one tag's rows, and one value's, are each a contiguous range.

/** kind ‖ u16 len ‖ tag ("type.key"): where a tag's rows start. */
function tagPrefix(kind: Uint8Array, tag: Uint8Array): Uint8Array {
  return concatBytes(kind, Uint8Array.of(tag.length >> 8, tag.length & 0xff), tag);
}

/** tagPrefix ‖ u32 len ‖ value: where one value's rows start. */
function valuePrefix(tagRows: Uint8Array, value: Uint8Array): Uint8Array {
  return concatBytes(tagRows, u32be(value.length), value);
}

const DOT = Uint8Array.of(0x2e);

/**
 * The key range of `kind`'s rows that may meet an event condition, and the test a row's key must
 * pass: the range alone decides an exact value; any other condition reads the row's value.
 */
function rowsMeeting(kind: Uint8Array, c: Condition): { gte: Uint8Array; lt: Uint8Array; meets(key: Uint8Array): boolean } {
  const tagRows = tagPrefix(kind, utf8(c.tag));
  if (c.op === "=" && c.arg?.kind === "string") {
    const gte = valuePrefix(tagRows, utf8(c.arg.value));
    return { gte, lt: prefixEnd(gte), meets: () => true };
  }
  const valueAt = tagRows.length + 4;
  return {
    gte: tagRows,
    lt: prefixEnd(tagRows),
    meets: (key) => matchValue(c, Buffer.from(key.subarray(valueAt, valueAt + readU32be(key, tagRows.length))).toString("utf8")),
  };
}

interface TagHead {
  readonly type: Uint8Array;
  readonly key: Uint8Array;
  /** POSTINGS ‖ u16 len ‖ "type.key"; undefined for the node's own reserved tags. */
  readonly head: Uint8Array | undefined;
}

/**
 * Tag heads by a hash of their bytes: a tx's attributes use a handful of tags, over and over. A
 * block's postings are grouped by head object, so the cache is only ever emptied between blocks.
 */
const tagHeads = new Map<number, TagHead[]>();
let tagHeadCount = 0;
const TAG_HEADS_KEPT = 4096;

function rangeEquals(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (bytes[start + i] !== other[i]) return false;
  return true;
}

function tagHead(bytes: Uint8Array, typeStart: number, typeEnd: number, keyStart: number, keyEnd: number): Uint8Array | undefined {
  // FNV-1a over type ‖ 0 ‖ key: naming the tag by a string cost more than building its rows.
  let h = 0x811c9dc5;
  for (let i = typeStart; i < typeEnd; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h = Math.imul(h, 0x01000193);
  for (let i = keyStart; i < keyEnd; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  const bucket = tagHeads.get(h);
  if (bucket !== undefined) {
    for (const t of bucket) {
      if (rangeEquals(bytes, typeStart, typeEnd, t.type) && rangeEquals(bytes, keyStart, keyEnd, t.key)) return t.head;
    }
  }
  const type = bytes.slice(typeStart, typeEnd);
  const key = bytes.slice(keyStart, keyEnd);
  const tag = concatBytes(type, DOT, key);
  const head = tag.length <= 0xffff && !RESERVED.has(latin1(tag, 0, tag.length)) ? tagPrefix(POSTINGS, tag) : undefined;
  tagHeadCount++;
  if (bucket === undefined) tagHeads.set(h, [{ type, key, head }]);
  else bucket.push({ type, key, head });
  return head;
}

/** Where index rows go: a database batch in the index thread, an array in tests. */
export type IndexRowSink = (key: Uint8Array, value: Uint8Array) => void;

const EMPTY = new Uint8Array(0);

/** The txs of one block that carry one (tag, value): the value's bytes and their indexes, ascending. */
interface Posting {
  readonly value: Uint8Array;
  readonly indexes: number[];
}

/**
 * A block's index rows, read from its txs' encoded ExecTxResults: per tx its hash and its
 * position, and per distinct indexed (tag, value) one posting row,
 * POSTINGS ‖ u16 len ‖ tag ‖ u32 len ‖ value ‖ u64 height → the txs' u32 indexes, ascending.
 * A row per attribute per tx (as CometBFT's kv indexer writes) made the index thread and its
 * database compactions cost more than all of a send's other writes; senders, recipients, amounts
 * and actions recur across a block's txs, so postings take a fraction of the rows.
 */
export function indexBlockRows(height: bigint, txs: readonly Uint8Array[], results: readonly Uint8Array[], put: IndexRowSink): void {
  if (results.length !== txs.length) throw new Error(`block ${height} has ${txs.length} txs but ${results.length} results`);
  if (tagHeadCount > TAG_HEADS_KEPT) {
    tagHeads.clear();
    tagHeadCount = 0;
  }
  const postings = new Map<Uint8Array, Map<string, Posting>>();
  txs.forEach((tx, index) => {
    const p = pos(height, index);
    put(concatBytes(HASH, sha256(tx)), p);
    // The tx and its result are in the block store already: the row only marks the position.
    put(concatBytes(POS, p), EMPTY);
    forEachIndexedAttribute(results[index]!, (bytes, typeStart, typeEnd, keyStart, keyEnd, valueStart, valueEnd) => {
      if (typeStart === typeEnd || keyStart === keyEnd) return;
      const head = tagHead(bytes, typeStart, typeEnd, keyStart, keyEnd);
      if (head === undefined) return;
      let values = postings.get(head);
      if (values === undefined) postings.set(head, (values = new Map()));
      const id = latin1(bytes, valueStart, valueEnd);
      const posting = values.get(id);
      if (posting === undefined) values.set(id, { value: bytes.subarray(valueStart, valueEnd), indexes: [index] });
      else if (posting.indexes[posting.indexes.length - 1] !== index) posting.indexes.push(index);
    });
  });
  for (const [head, values] of postings) {
    for (const { value, indexes } of values.values()) {
      // From Node's buffer pool: arrays this size would get a backing store of their own.
      const key = Buffer.allocUnsafe(head.length + 4 + value.length + 8);
      key.set(head, 0);
      key.writeUInt32BE(value.length, head.length);
      key.set(value, head.length + 4);
      key.writeBigUInt64BE(height, head.length + 4 + value.length);
      const list = Buffer.allocUnsafe(indexes.length * 4);
      indexes.forEach((i, n) => list.writeUInt32BE(i, n * 4));
      put(key, list);
    }
  }
}

/**
 * The rows of a block's own indexed event attributes (the FinalizeBlock events in `finalizeBlock`,
 * an encoded ResponseFinalizeBlock), for `block_search`. Blocks are few next to txs, so these are
 * built plainly.
 */
export function indexBlockEventRows(height: bigint, finalizeBlock: Uint8Array, put: IndexRowSink): void {
  const written = new Set<string>();
  forEachIndexedBlockAttribute(finalizeBlock, (bytes, typeStart, typeEnd, keyStart, keyEnd, valueStart, valueEnd) => {
    if (typeStart === typeEnd || keyStart === keyEnd) return;
    const tag = concatBytes(bytes.subarray(typeStart, typeEnd), DOT, bytes.subarray(keyStart, keyEnd));
    if (tag.length > 0xffff || latin1(tag, 0, tag.length) === BLOCK_HEIGHT_TAG) return;
    const key = concatBytes(valuePrefix(tagPrefix(BLOCK_POSTINGS, tag), bytes.subarray(valueStart, valueEnd)), u64be(height));
    const id = latin1(key, 0, key.length);
    if (written.has(id)) return;
    written.add(id);
    put(key, EMPTY);
  });
}

/** Heights a block search found: how many, and the requested page of them in order. */
export interface BlockSearchResult {
  total: number;
  heights: bigint[];
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

  /**
   * Blocks in [base, top] that meet every condition, as CometBFT's block_search: `block.height`
   * compares with the height, any other tag with the block's own indexed event attributes.
   */
  async searchBlocks(q: Query, base: bigint, top: bigint, page: number, perPage: number, desc: boolean): Promise<BlockSearchResult> {
    const heightConds = q.conditions.filter((c) => c.tag === BLOCK_HEIGHT_TAG);
    let [lo, hi] = heightBounds(heightConds);
    if (lo < base) lo = base;
    if (hi > top) hi = top;
    let found: bigint[] | undefined;
    for (const c of q.conditions) {
      if (c.tag === BLOCK_HEIGHT_TAG) continue;
      const heights = await this.blocksByEvent(c, lo, hi);
      const meets = new Set(heights);
      found = found === undefined ? heights : found.filter((h) => meets.has(h));
      if (found.length === 0) break;
    }
    const simpleRange = heightConds.every((c) => c.op === "EXISTS" || isNumericComparison(c));
    if (found === undefined && simpleRange) {
      // Only a height range: page through it without listing it (a chain has millions of blocks).
      const total = lo > hi ? 0 : Number(hi - lo + 1n);
      const heights: bigint[] = [];
      for (let i = (page - 1) * perPage; i < Math.min(page * perPage, total); i++) heights.push(desc ? hi - BigInt(i) : lo + BigInt(i));
      return { total, heights };
    }
    if (found === undefined) {
      found = [];
      for (let h = lo; h <= hi; h++) found.push(h);
    }
    const matching = found.filter((h) => heightConds.every((c) => matchValue(c, h.toString()))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (desc) matching.reverse();
    return { total: matching.length, heights: matching.slice((page - 1) * perPage, page * perPage) };
  }

  /** Heights in [lo, hi] whose block events have an attribute meeting `c`, ascending and distinct. */
  private async blocksByEvent(c: Condition, lo: bigint, hi: bigint): Promise<bigint[]> {
    const out = new Set<bigint>();
    const { gte, lt, meets } = rowsMeeting(BLOCK_POSTINGS, c);
    for await (const [k] of this.db.range({ gte, lt })) {
      const height = readU64be(k, k.length - 8);
      if (height >= lo && height <= hi && meets(k)) out.add(height);
    }
    return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private async byHeight(conds: readonly Condition[]): Promise<Set<string>> {
    const out = new Set<string>();
    const [lo, hi] = heightBounds(conds);
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
    const postings = rowsMeeting(POSTINGS, c);
    for await (const [k, list] of this.db.range(postings)) {
      if (!postings.meets(k)) continue;
      const height = Buffer.from(k.subarray(k.length - 8)).toString("hex");
      const indexes = Buffer.from(list.buffer, list.byteOffset, list.byteLength).toString("hex");
      for (let at = 0; at + 8 <= indexes.length; at += 8) out.add(height + indexes.slice(at, at + 8));
    }
    // Rows written by nodes before postings, one per tx, keyed by the tx's position.
    const legacy = rowsMeeting(EVENT, c);
    for await (const [k] of this.db.range(legacy)) {
      if (legacy.meets(k)) out.add(Buffer.from(k.subarray(k.length - 12)).toString("hex"));
    }
    return out;
  }
}

const isNumericComparison = (c: Condition): boolean =>
  c.arg?.kind === "number" && /^\d+$/.test(c.arg.value) && ["=", "<", "<=", ">", ">="].includes(c.op);

/** The [lo, hi] range that a height's numeric comparisons allow (other conditions are checked one by one). */
function heightBounds(conds: readonly Condition[]): [bigint, bigint] {
  let lo = 0n;
  let hi = (1n << 63n) - 1n;
  for (const c of conds) {
    if (!isNumericComparison(c)) continue;
    const n = BigInt(c.arg!.value as string);
    if (c.op === "=") [lo, hi] = [n > lo ? n : lo, n < hi ? n : hi];
    else if (c.op === ">=" && n > lo) lo = n;
    else if (c.op === ">" && n + 1n > lo) lo = n + 1n;
    else if (c.op === "<=" && n < hi) hi = n;
    else if (c.op === "<" && n - 1n < hi) hi = n - 1n;
  }
  return [lo, hi];
}

export { pos as txPosition, prefixEnd };
export const positionHeightIndex = (p: Uint8Array): { height: bigint; index: number } => ({
  height: readU64be(p),
  index: readU32be(p, 8),
});
