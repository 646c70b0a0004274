// Layout of the engine's committed data. Every key lives under "cmt/" and is written as sidecar ops
// of the block's commit, so blocks and results are never ahead of or behind the state.
import { BinaryWriter } from "cosmjs-types/binary";
import { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import { Event, ResponseFinalizeBlock, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { Block } from "cosmjs-types/tendermint/types/block";
import { BlockMeta, Commit, type BlockID } from "cosmjs-types/tendermint/types/types";
import { encodeExecTxResult } from "../runtime/abci/exec-tx-result.js";
import { fromHex, readU64be, toHex, u64be, utf8 } from "./encoding.js";
import type { BatchOp, RawReader } from "./raw-store.js";
import { WireCursor } from "./wire-cursor.js";

const p = (s: string): Uint8Array => utf8(`cmt/${s}`);
const withHeight = (prefix: string, h: bigint): Uint8Array => new Uint8Array([...p(prefix), ...u64be(h)]);

export const keys = {
  state: p("state"),
  block: (h: bigint) => withHeight("b/", h),
  meta: (h: bigint) => withHeight("m/", h),
  /** The commit that finalised block h (the next block's last_commit). */
  commit: (h: bigint) => withHeight("c/", h),
  results: (h: bigint) => withHeight("r/", h),
  hashToHeight: (hash: Uint8Array) => new Uint8Array([...p("bh/"), ...hash]),
  metaPrefix: p("m/"),
};

/** What the engine needs to build the next block; persisted with every commit. */
export interface ChainState {
  chainId: string;
  initialHeight: bigint;
  lastBlockHeight: bigint;
  lastBlockId: BlockID;
  lastBlockTimeMs: number;
  /** App hash returned by the last FinalizeBlock: the next header's app_hash. */
  appHash: Uint8Array;
  lastResultsHash: Uint8Array;
}

interface ChainStateJson {
  chain_id: string;
  initial_height: string;
  last_block_height: string;
  last_block_id: { hash: string; parts: { total: number; hash: string } };
  last_block_time_ms: number;
  app_hash: string;
  last_results_hash: string;
}

export function encodeState(s: ChainState): Uint8Array {
  const json: ChainStateJson = {
    chain_id: s.chainId,
    initial_height: s.initialHeight.toString(),
    last_block_height: s.lastBlockHeight.toString(),
    last_block_id: {
      hash: toHex(s.lastBlockId.hash),
      parts: { total: s.lastBlockId.partSetHeader.total, hash: toHex(s.lastBlockId.partSetHeader.hash) },
    },
    last_block_time_ms: s.lastBlockTimeMs,
    app_hash: toHex(s.appHash),
    last_results_hash: toHex(s.lastResultsHash),
  };
  return utf8(JSON.stringify(json));
}

export function decodeState(bytes: Uint8Array): ChainState {
  const j = JSON.parse(Buffer.from(bytes).toString("utf8")) as ChainStateJson;
  return {
    chainId: j.chain_id,
    initialHeight: BigInt(j.initial_height),
    lastBlockHeight: BigInt(j.last_block_height),
    lastBlockId: {
      hash: fromHex(j.last_block_id.hash),
      partSetHeader: { total: j.last_block_id.parts.total, hash: fromHex(j.last_block_id.parts.hash) },
    },
    lastBlockTimeMs: j.last_block_time_ms,
    appHash: fromHex(j.app_hash),
    lastResultsHash: fromHex(j.last_results_hash),
  };
}

export interface StoredBlock {
  block: Block;
  meta: BlockMeta;
  commit: Commit;
}

/**
 * ResponseFinalizeBlock.encode(results), byte for byte, with each tx result written by
 * encodeExecTxResult: the bytes the app encoded as the tx ran, so a block's events are encoded once.
 */
export function encodeFinalizeBlock(results: ResponseFinalizeBlock): Uint8Array {
  const w = BinaryWriter.create();
  for (const e of results.events) Event.encode(e, w.uint32(10).fork()).ldelim();
  for (const r of results.txResults) w.uint32(18).bytes(encodeExecTxResult(r));
  for (const v of results.validatorUpdates) ValidatorUpdate.encode(v, w.uint32(26).fork()).ldelim();
  if (results.consensusParamUpdates !== undefined) ConsensusParams.encode(results.consensusParamUpdates, w.uint32(34).fork()).ldelim();
  if (results.appHash.length !== 0) w.uint32(42).bytes(results.appHash);
  return w.finish();
}

/** The values of one repeated length-delimited field of an encoded message, in order, as views into it. */
function repeatedField(message: Uint8Array, field: number): Uint8Array[] {
  const c = new WireCursor(message, 0, message.length);
  const out: Uint8Array[] = [];
  for (let start = c.nextDelimited(field); start >= 0; start = c.nextDelimited(field)) out.push(message.subarray(start, c.at));
  return out;
}

/** The encoded ExecTxResults inside an encoded ResponseFinalizeBlock (field 2), in order. */
export function txResultsOf(resultsBytes: Uint8Array): Uint8Array[] {
  return repeatedField(resultsBytes, 2);
}

/** The txs of an encoded Block (data = field 2, txs = its field 1), in order, without decoding the rest. */
export function txsOf(blockBytes: Uint8Array): Uint8Array[] {
  const data = repeatedField(blockBytes, 2);
  return data.length === 0 ? [] : repeatedField(data[data.length - 1]!, 1);
}

/** `resultsBytes` is encodeFinalizeBlock of the block's results. */
export function blockOps(b: StoredBlock, state: ChainState, blockBytes: Uint8Array, resultsBytes: Uint8Array): BatchOp[] {
  const h = b.block.header.height;
  return [
    { type: "put", key: keys.block(h), value: blockBytes },
    { type: "put", key: keys.meta(h), value: BlockMeta.encode(b.meta).finish() },
    { type: "put", key: keys.commit(h), value: Commit.encode(b.commit).finish() },
    { type: "put", key: keys.results(h), value: resultsBytes },
    { type: "put", key: keys.hashToHeight(b.meta.blockId.hash), value: u64be(h) },
    { type: "put", key: keys.state, value: encodeState(state) },
  ];
}

interface CachedBlock {
  blockBytes: Uint8Array;
  meta: BlockMeta;
  commit: Commit;
  resultsBytes: Uint8Array;
}

/**
 * Reads committed blocks, with a small cache of the most recent ones (the hot path for RPC).
 * Blocks and results are cached encoded: as objects they are several kilobytes per tx, which the
 * garbage collector would copy out of the young generation and then mark for as long as cached.
 */
export class BlockStore {
  private readonly cache = new Map<bigint, CachedBlock>();

  constructor(
    private readonly db: RawReader,
    private readonly cacheSize = 16,
  ) {}

  remember(b: StoredBlock, blockBytes: Uint8Array, resultsBytes: Uint8Array): void {
    this.cache.set(b.block.header.height, { blockBytes, meta: b.meta, commit: b.commit, resultsBytes });
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as bigint);
  }

  async loadState(): Promise<ChainState | undefined> {
    const v = await this.db.get(keys.state);
    return v ? decodeState(v) : undefined;
  }

  async block(h: bigint): Promise<Block | undefined> {
    const v = await this.blockBytes(h);
    return v ? Block.decode(v) : undefined;
  }

  async blockBytes(h: bigint): Promise<Uint8Array | undefined> {
    return this.cache.get(h)?.blockBytes ?? (await this.db.get(keys.block(h)));
  }

  /** The block's encoded ResponseFinalizeBlock. */
  async resultsBytes(h: bigint): Promise<Uint8Array | undefined> {
    return this.cache.get(h)?.resultsBytes ?? (await this.db.get(keys.results(h)));
  }

  async meta(h: bigint): Promise<BlockMeta | undefined> {
    const c = this.cache.get(h);
    if (c) return c.meta;
    const v = await this.db.get(keys.meta(h));
    return v ? BlockMeta.decode(v) : undefined;
  }

  async commit(h: bigint): Promise<Commit | undefined> {
    const c = this.cache.get(h);
    if (c) return c.commit;
    const v = await this.db.get(keys.commit(h));
    return v ? Commit.decode(v) : undefined;
  }

  async results(h: bigint): Promise<ResponseFinalizeBlock | undefined> {
    const v = await this.resultsBytes(h);
    return v ? ResponseFinalizeBlock.decode(v) : undefined;
  }

  async heightByHash(hash: Uint8Array): Promise<bigint | undefined> {
    const v = await this.db.get(keys.hashToHeight(hash));
    return v ? readU64be(v) : undefined;
  }

  /** Metas from maxHeight down to minHeight (inclusive), newest first, as CometBFT's `blockchain`. */
  async metasDesc(minHeight: bigint, maxHeight: bigint): Promise<BlockMeta[]> {
    const out: BlockMeta[] = [];
    for (let h = maxHeight; h >= minHeight; h--) {
      const m = await this.meta(h);
      if (m) out.push(m);
    }
    return out;
  }
}
