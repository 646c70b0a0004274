// CometBFT 0.38 RPC methods (rpc/core) served from the embedded node.
import type { ExecTxResult, ResponseInfo } from "cosmjs-types/tendermint/abci/types";
import { COMETBFT_VERSION, BLOCK_PROTOCOL, P2P_PROTOCOL, type EmbeddedNode } from "../node.js";
import { txHash, toBase64, toHex, rfc3339Nano } from "../encoding.js";
import { proofFromByteSlices } from "../merkle.js";
import { parseQuery, QueryError, type Query } from "../query.js";
import { MempoolError } from "../mempool.js";
import { RpcError } from "./errors.js";
import type { Args, ParamSpec } from "./params.js";
import {
  blockIdJson,
  blockJson,
  blockMetaJson,
  commitJson,
  eventJson,
  headerJson,
  pubKeyJson,
  queryResponseJson,
  resultTxJson,
  txDataJson,
  txProofJson,
} from "./shapes.js";

export interface MethodContext {
  readonly node: EmbeddedNode;
  readonly rpcAddress: string;
  readonly broadcastCommitTimeoutMs: number;
}

export interface Method {
  readonly params: ParamSpec;
  readonly run: (ctx: MethodContext, args: Args) => Promise<unknown>;
}

const internal = (msg: string): never => {
  throw RpcError.internal(msg);
};

function latest(ctx: MethodContext): bigint {
  return ctx.node.chainState.lastBlockHeight;
}

/** rpc/core/env.go getHeight. */
function resolveHeight(ctx: MethodContext, h: bigint | undefined): bigint {
  const top = latest(ctx);
  if (h === undefined) return top;
  if (h <= 0n) throw RpcError.invalidRequest(`height must be greater than 0, but got ${h}`);
  if (h > top) return internal(`height ${h} must be less than or equal to the current blockchain height ${top}`);
  const base = ctx.node.earliestHeight;
  if (h < base) return internal(`height ${h} is not available, lowest height is ${base}`);
  return h;
}

function perPage(n: bigint | undefined, dflt = 30): number {
  if (n === undefined || n < 1n) return dflt;
  return n > 100n ? 100 : Number(n);
}

function page(p: bigint | undefined, per: number, total: number): number {
  if (p === undefined) return 1;
  const pages = Math.max(1, Math.floor((total - 1) / per) + 1);
  if (p <= 0n || p > BigInt(pages)) throw RpcError.invalidRequest(`page should be within [1, ${pages}] range, given ${p}`);
  return Number(p);
}

function query(source: unknown): Query {
  try {
    return parseQuery(String(source ?? ""));
  } catch (e) {
    if (e instanceof QueryError) throw RpcError.internal(e.message);
    throw e;
  }
}

/** CometBFT's genesisChunkSize: the genesis JSON is served in base64 chunks of 16 MiB. */
const GENESIS_CHUNK_BYTES = 16 * 1024 * 1024;
const chunksByGenesis = new WeakMap<object, string[]>();

function genesisChunks(ctx: MethodContext): string[] {
  const doc = ctx.node.genesis;
  let chunks = chunksByGenesis.get(doc);
  if (chunks === undefined) {
    const json = Buffer.from(JSON.stringify(doc), "utf8");
    chunks = [];
    for (let i = 0; i < json.length; i += GENESIS_CHUNK_BYTES) chunks.push(json.subarray(i, i + GENESIS_CHUNK_BYTES).toString("base64"));
    chunksByGenesis.set(doc, chunks);
  }
  return chunks;
}

/**
 * tx_search's and block_search's common arguments. The total is only known after the search, so
 * the page asked for is validated against it afterwards, like CometBFT: `firstPage` is what to
 * search for meanwhile.
 */
function searchArgs(a: Args) {
  const q = query(a.query);
  const order = (a.order_by as string | undefined) ?? "";
  if (order !== "" && order !== "asc" && order !== "desc") {
    throw RpcError.invalidRequest("expected order_by to be either `asc` or `desc` or empty");
  }
  const per = perPage(a.per_page as bigint | undefined);
  const requested = a.page as bigint | undefined;
  const firstPage = requested === undefined || requested < 1n ? 1 : Number(requested);
  return { q, order, per, requested, firstPage };
}

async function blockAt(ctx: MethodContext, h: bigint) {
  const block = await ctx.node.blocks.block(h);
  const meta = await ctx.node.blocks.meta(h);
  if (!block || !meta) return internal(`block at height ${h} not found`);
  return { block, meta };
}

async function status(ctx: MethodContext): Promise<unknown> {
  const node = ctx.node;
  const s = node.chainState;
  const top = s.lastBlockHeight;
  const latestMeta = top >= s.initialHeight ? await node.blocks.meta(top) : undefined;
  const earliestMeta = top >= s.initialHeight ? await node.blocks.meta(s.initialHeight) : undefined;
  const appHashOf = (m: typeof latestMeta) => (m && m.header.appHash.length > 0 ? toHex(m.header.appHash) : toHex(s.appHash));
  return {
    node_info: {
      protocol_version: { p2p: P2P_PROTOCOL.toString(), block: BLOCK_PROTOCOL.toString(), app: (latestMeta?.header.version.app ?? 0n).toString() },
      id: toHex(node.nodeKey.address).toLowerCase(),
      listen_addr: "tcp://0.0.0.0:26656",
      network: node.chainId,
      version: COMETBFT_VERSION,
      channels: "40202122233038606100",
      moniker: node.moniker,
      other: { tx_index: "on", rpc_address: ctx.rpcAddress },
    },
    sync_info: {
      latest_block_hash: latestMeta ? toHex(latestMeta.blockId.hash) : "",
      latest_app_hash: appHashOf(latestMeta),
      latest_block_height: top.toString(),
      latest_block_time: latestMeta ? rfc3339Nano(latestMeta.header.time) : node.genesis.genesis_time,
      earliest_block_hash: earliestMeta ? toHex(earliestMeta.blockId.hash) : "",
      earliest_app_hash: appHashOf(earliestMeta),
      earliest_block_height: (earliestMeta ? s.initialHeight : 0n).toString(),
      earliest_block_time: earliestMeta ? rfc3339Nano(earliestMeta.header.time) : node.genesis.genesis_time,
      catching_up: false,
    },
    validator_info: {
      address: toHex(node.validatorKey.address),
      pub_key: pubKeyJson(node.validatorKey.pubKey),
      voting_power: node.validators[0]!.power.toString(),
    },
  };
}

function infoJson(r: ResponseInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.data) out.data = r.data;
  if (r.version) out.version = r.version;
  if (r.appVersion !== 0n) out.app_version = r.appVersion.toString();
  if (r.lastBlockHeight !== 0n) out.last_block_height = r.lastBlockHeight.toString();
  if (r.lastBlockAppHash.length > 0) out.last_block_app_hash = toBase64(r.lastBlockAppHash);
  return out;
}

async function broadcastSync(ctx: MethodContext, tx: Uint8Array) {
  const hash = toHex(txHash(tx));
  const res = await checkTx(ctx, tx);
  return { code: res.code, data: res.data.length > 0 ? toHex(res.data) : "", log: res.log, codespace: res.codespace, hash };
}

async function checkTx(ctx: MethodContext, tx: Uint8Array) {
  try {
    return await ctx.node.checkTx(tx);
  } catch (e) {
    if (e instanceof MempoolError) return internal(e.message);
    throw e;
  }
}

async function txProof(ctx: MethodContext, height: bigint, index: number) {
  const block = await ctx.node.blocks.block(height);
  if (!block) return undefined;
  const { root, proof } = proofFromByteSlices(block.data.txs.map((t) => txHash(t)), index);
  return txProofJson(root, block.data.txs[index]!, proof);
}

const txBytes = (args: Args): Uint8Array => {
  const tx = args.tx as Uint8Array | undefined;
  if (!tx || tx.length === 0) throw RpcError.internal("tx is empty");
  return tx;
};

export const methods: Readonly<Record<string, Method>> = {
  health: { params: [], run: async () => ({}) },
  status: { params: [], run: (ctx) => status(ctx) },
  net_info: {
    params: [],
    run: async () => ({ listening: true, listeners: ["Listener(@)"], n_peers: "0", peers: [] }),
  },
  genesis: {
    params: [],
    run: async (ctx) => {
      if (genesisChunks(ctx).length > 1) return internal("genesis response is large, please use the genesis_chunked API instead");
      return { genesis: ctx.node.genesis };
    },
  },
  genesis_chunked: {
    params: [["chunk", "int"]],
    run: async (ctx, a) => {
      const chunks = genesisChunks(ctx);
      const id = (a.chunk as bigint | undefined) ?? 0n;
      if (id < 0n) throw RpcError.invalidParams(`error converting json params to arguments: chunk: must not be negative, got ${id}`);
      if (id > BigInt(chunks.length - 1)) return internal(`there are ${chunks.length - 1} chunks, ${id} is invalid`);
      return { chunk: id.toString(), total: String(chunks.length), data: chunks[Number(id)] };
    },
  },
  consensus_params: {
    params: [["height", "int"]],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      // The app never updates them (no consensus_param_updates), so every height has genesis's.
      return { block_height: h.toString(), consensus_params: ctx.node.genesis.consensus_params };
    },
  },
  abci_info: {
    params: [],
    run: async (ctx) => ({
      response: infoJson(await ctx.node.app.info({ version: COMETBFT_VERSION, blockVersion: BLOCK_PROTOCOL, p2pVersion: P2P_PROTOCOL, abciVersion: "2.0.0" })),
    }),
  },
  abci_query: {
    params: [
      ["path", "string"],
      ["data", "hex"],
      ["height", "int"],
      ["prove", "bool"],
    ],
    run: async (ctx, a) => {
      const height = (a.height as bigint | undefined) ?? 0n;
      if (height < 0n) throw RpcError.invalidRequest(`height must be non-negative, got ${height}`);
      const res = await ctx.node.app.query({
        path: (a.path as string | undefined) ?? "",
        data: (a.data as Uint8Array | undefined) ?? new Uint8Array(),
        height,
        prove: (a.prove as boolean | undefined) ?? false,
      });
      return { response: queryResponseJson(res) };
    },
  },
  broadcast_tx_async: {
    params: [["tx", "bytes"]],
    run: async (ctx, a) => {
      const tx = txBytes(a);
      const hash = toHex(txHash(tx));
      // Like CometBFT, only admission errors (size, cache, full) are reported; CheckTx runs on its own.
      try {
        ctx.node.mempool.precheck(tx);
      } catch (e) {
        if (e instanceof MempoolError) return internal(e.message);
        throw e;
      }
      ctx.node.checkTx(tx).catch(() => undefined);
      return { code: 0, data: "", log: "", codespace: "", hash };
    },
  },
  broadcast_tx_sync: { params: [["tx", "bytes"]], run: (ctx, a) => broadcastSync(ctx, txBytes(a)) },
  check_tx: {
    params: [["tx", "bytes"]],
    // ResultCheckTx embeds ResponseCheckTx, so its fields are the result's own.
    run: async (ctx, a) => txDataJson(await ctx.node.checkTxDryRun(txBytes(a))),
  },
  broadcast_tx_commit: {
    params: [["tx", "bytes"]],
    run: async (ctx, a) => {
      const tx = txBytes(a);
      const hash = toHex(txHash(tx));
      let cancel = (): void => undefined;
      const included = new Promise<{ height: bigint; index: number; result: ExecTxResult }>((resolve) => {
        cancel = ctx.node.waitForTx(hash, { resolve });
      });
      try {
        const check = await checkTx(ctx, tx);
        if (check.code !== 0) return { check_tx: txDataJson(check), tx_result: {}, hash, height: "0" };
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(RpcError.internal("timed out waiting for tx to be included in a block")), ctx.broadcastCommitTimeoutMs);
        });
        try {
          const r = await Promise.race([included, timeout]);
          return { check_tx: txDataJson(check), tx_result: txDataJson(r.result), hash, height: r.height.toString() };
        } finally {
          clearTimeout(timer);
        }
      } finally {
        cancel();
      }
    },
  },
  num_unconfirmed_txs: {
    params: [],
    run: async (ctx) => {
      const m = ctx.node.mempool;
      return { n_txs: String(m.size), total: String(m.size), total_bytes: String(m.sizeBytes), txs: null };
    },
  },
  unconfirmed_txs: {
    params: [["limit", "int"]],
    run: async (ctx, a) => {
      const m = ctx.node.mempool;
      const txs = m.unconfirmed(perPage(a.limit as bigint | undefined)).map(toBase64);
      return { n_txs: String(txs.length), total: String(m.size), total_bytes: String(m.sizeBytes), txs };
    },
  },
  tx: {
    params: [
      ["hash", "bytes"],
      ["prove", "bool"],
    ],
    run: async (ctx, a) => {
      const hash = (a.hash as Uint8Array | undefined) ?? new Uint8Array();
      const r = await ctx.node.txIndex.getByHash(hash);
      if (!r) return internal(`tx (${toHex(hash)}) not found`);
      return resultTxJson(r, a.prove ? await txProof(ctx, r.height, r.index) : undefined);
    },
  },
  tx_search: {
    params: [
      ["query", "string"],
      ["prove", "bool"],
      ["page", "int"],
      ["per_page", "int"],
      ["order_by", "string"],
    ],
    run: async (ctx, a) => {
      const { q, order, per, requested, firstPage } = searchArgs(a);
      const first = await ctx.node.txIndex.search(q, firstPage, per, order === "desc");
      page(requested, per, first.total);
      const txs = await Promise.all(
        first.txs.map(async (r) => resultTxJson(r, a.prove ? await txProof(ctx, r.height, r.index) : undefined)),
      );
      return { txs, total_count: String(first.total) };
    },
  },
  block_search: {
    params: [
      ["query", "string"],
      ["page", "int"],
      ["per_page", "int"],
      ["order_by", "string"],
    ],
    run: async (ctx, a) => {
      const { q, order, per, requested, firstPage } = searchArgs(a);
      // Unlike tx_search, CometBFT lists blocks newest first unless asked otherwise.
      const found = await ctx.node.txIndex.searchBlocks(q, ctx.node.earliestHeight, latest(ctx), firstPage, per, order !== "asc");
      page(requested, per, found.total);
      const blocks = await Promise.all(
        found.heights.map(async (h) => {
          const { block, meta } = await blockAt(ctx, h);
          return { block_id: blockIdJson(meta.blockId), block: blockJson(block) };
        }),
      );
      return { blocks, total_count: String(found.total) };
    },
  },
  block: {
    params: [["height", "int"]],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      const { block, meta } = await blockAt(ctx, h);
      return { block_id: blockIdJson(meta.blockId), block: blockJson(block) };
    },
  },
  block_by_hash: {
    params: [["hash", "bytes"]],
    run: async (ctx, a) => {
      const h = await ctx.node.blocks.heightByHash((a.hash as Uint8Array | undefined) ?? new Uint8Array());
      if (h === undefined) return { block_id: { hash: "", parts: { total: 0, hash: "" } }, block: null };
      const { block, meta } = await blockAt(ctx, h);
      return { block_id: blockIdJson(meta.blockId), block: blockJson(block) };
    },
  },
  header_by_hash: {
    params: [["hash", "hex"]],
    run: async (ctx, a) => {
      const h = await ctx.node.blocks.heightByHash((a.hash as Uint8Array | undefined) ?? new Uint8Array());
      if (h === undefined) return { header: null };
      const { meta } = await blockAt(ctx, h);
      return { header: headerJson(meta.header) };
    },
  },
  header: {
    params: [["height", "int"]],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      const { meta } = await blockAt(ctx, h);
      return { header: headerJson(meta.header) };
    },
  },
  block_results: {
    params: [["height", "int"]],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      const r = await ctx.node.blocks.results(h);
      if (!r) return internal(`could not find results for height #${h}`);
      return {
        height: h.toString(),
        txs_results: r.txResults.length > 0 ? r.txResults.map(txDataJson) : null,
        finalize_block_events: r.events.map(eventJson),
        validator_updates: null,
        consensus_param_updates: null,
        app_hash: toBase64(r.appHash),
      };
    },
  },
  commit: {
    params: [["height", "int"]],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      const { meta } = await blockAt(ctx, h);
      const commit = await ctx.node.blocks.commit(h);
      if (!commit) return internal(`commit for height ${h} not found`);
      return { signed_header: { header: headerJson(meta.header), commit: commitJson(commit) }, canonical: h < latest(ctx) };
    },
  },
  blockchain: {
    params: [
      ["minHeight", "int"],
      ["maxHeight", "int"],
    ],
    run: async (ctx, a) => {
      const top = latest(ctx);
      let min = (a.minHeight as bigint | undefined) ?? 0n;
      let max = (a.maxHeight as bigint | undefined) ?? 0n;
      if (min < 0n || max < 0n) throw RpcError.invalidRequest("heights must be non-negative");
      if (min === 0n) min = 1n;
      if (max === 0n) max = top;
      if (max > top) max = top;
      const base = ctx.node.earliestHeight;
      if (min < base) min = base;
      if (min < max - 19n) min = max - 19n;
      if (min > max) return internal(`min height ${min} can't be greater than max height ${max}`);
      const metas = await ctx.node.blocks.metasDesc(min, max);
      return { last_height: top.toString(), block_metas: metas.map(blockMetaJson) };
    },
  },
  validators: {
    params: [
      ["height", "int"],
      ["page", "int"],
      ["per_page", "int"],
    ],
    run: async (ctx, a) => {
      const h = resolveHeight(ctx, a.height as bigint | undefined);
      const vals = ctx.node.validators;
      const per = perPage(a.per_page as bigint | undefined);
      const p = page(a.page as bigint | undefined, per, vals.length);
      const slice = vals.slice((p - 1) * per, p * per);
      return {
        block_height: h.toString(),
        validators: slice.map((v) => ({ address: toHex(v.address), pub_key: pubKeyJson(v.pubKey), voting_power: v.power.toString(), proposer_priority: "0" })),
        count: String(slice.length),
        total: String(vals.length),
      };
    },
  },
};
