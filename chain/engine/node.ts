// The embedded single-validator node: a block producer that drives the Application exactly as
// CometBFT 0.38 would (PrepareProposal → ProcessProposal → FinalizeBlock → Commit), persisting
// blocks and results in the same atomic batch as the state, and the tx index after it.
import type {
  CommitInfo,
  ExtendedCommitInfo,
  ResponseCheckTx,
  ResponseFinalizeBlock,
  ExecTxResult,
} from "cosmjs-types/tendermint/abci/types";
import { ResponseProcessProposal_ProposalStatus } from "cosmjs-types/tendermint/abci/types";
import { Block } from "cosmjs-types/tendermint/types/block";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import type { BlockID, Commit, Header } from "cosmjs-types/tendermint/types/types";
import type { Application } from "../runtime/abci/application.js";
import { blockOps, BlockStore, encodeFinalizeBlock, type ChainState, type StoredBlock } from "./block-store.js";
import { bytesEqual, rfc3339Nano, txHash, timestampFromMillis, timestampToMillis, toHex, parseRfc3339 } from "./encoding.js";
import { EventBus, eventMap } from "./event-bus.js";
import { consensusParamsProto, genesisValidators, initChainRequest, type GenesisDoc, type GenesisValidator } from "./genesis.js";
import {
  blockPartSetHeader,
  commitHash,
  consensusParamsHash,
  dataHash,
  evidenceHash,
  headerHash,
  precommitSignBytes,
  resultsHash,
  validatorsHash,
} from "./hashing.js";
import { defaultMempoolOptions, Mempool, type MempoolOptions } from "./mempool.js";
import type { RawReader } from "./raw-store.js";
import { blockJson, blockIdJson, headerJson, txDataJson } from "./rpc/shapes.js";
import type { TxIndexer } from "./tx-indexer.js";
import { IndexedTxLookup, type TxLookup } from "./tx-lookup.js";
import type { ValidatorKey } from "./validator-key.js";

export const COMETBFT_VERSION = "0.38.17";
export const BLOCK_PROTOCOL = 11n;
export const P2P_PROTOCOL = 8n;

export interface NodeOptions {
  app: Application;
  db: RawReader;
  genesis: GenesisDoc;
  validatorKey: ValidatorKey;
  nodeKey: ValidatorKey;
  moniker: string;
  blockTimeMs: number;
  mempool?: Partial<MempoolOptions>;
  /** Written after each block is durable; caught up from the block store on start. */
  txIndex: TxIndexer;
  log?: (line: string) => void;
  /** The engine's wall clock (ms since epoch); block times are made monotonic on top of it. */
  clock?: () => number;
}

export interface CommitWaiter {
  resolve(r: { height: bigint; index: number; result: ExecTxResult }): void;
}

const emptyBlockId = (): BlockID => ({ hash: new Uint8Array(), partSetHeader: { total: 0, hash: new Uint8Array() } });

export class EmbeddedNode {
  readonly mempool: Mempool;
  readonly blocks: BlockStore;
  readonly txIndex: TxLookup;
  readonly events = new EventBus();
  readonly app: Application;
  readonly genesis: GenesisDoc;
  readonly validators: GenesisValidator[];
  readonly validatorKey: ValidatorKey;
  readonly nodeKey: ValidatorKey;
  readonly moniker: string;
  private state!: ChainState;
  private lastCommit: Commit | undefined;
  private appVersion = 0n;
  private readonly maxBytes: bigint;
  private readonly maxGas: bigint;
  private readonly valsHash: Uint8Array;
  private readonly consHash: Uint8Array;
  private readonly waiters = new Map<string, Set<CommitWaiter>>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = true;
  private readonly log: (line: string) => void;
  private readonly clock: () => number;
  private fatal: ((e: unknown) => void) | undefined;
  /** The last block's tx index write. */
  private indexWrite: Promise<void> = Promise.resolve();

  constructor(private readonly opts: NodeOptions) {
    this.app = opts.app;
    this.genesis = opts.genesis;
    this.validatorKey = opts.validatorKey;
    this.nodeKey = opts.nodeKey;
    this.moniker = opts.moniker;
    this.log = opts.log ?? (() => undefined);
    this.clock = opts.clock ?? Date.now;
    this.mempool = new Mempool(opts.app, { ...defaultMempoolOptions, ...opts.mempool });
    this.blocks = new BlockStore(opts.db);
    this.txIndex = new IndexedTxLookup(opts.txIndex, this.blocks);
    this.validators = genesisValidators(opts.genesis);
    if (this.validators.length !== 1 || !bytesEqual(this.validators[0]!.pubKey, opts.validatorKey.pubKey)) {
      throw new Error(
        "the embedded engine runs a single validator: genesis must list exactly this node's validator key " +
          `(${toHex(opts.validatorKey.address)}); run multi-validator networks under CometBFT with --with-comet=false`,
      );
    }
    const cp = consensusParamsProto(opts.genesis);
    this.maxBytes = cp.block!.maxBytes;
    this.maxGas = cp.block!.maxGas;
    this.valsHash = validatorsHash(this.validators);
    this.consHash = consensusParamsHash(this.maxBytes, this.maxGas);
  }

  get chainState(): ChainState {
    return this.state;
  }

  get chainId(): string {
    return this.genesis.chain_id;
  }

  get earliestHeight(): bigint {
    return this.state.initialHeight;
  }

  /** Handshake with the app (InitChain on a fresh chain), then start producing blocks. */
  async start(onFatal?: (e: unknown) => void): Promise<void> {
    this.fatal = onFatal;
    const info = await this.app.info({ version: COMETBFT_VERSION, blockVersion: BLOCK_PROTOCOL, p2pVersion: P2P_PROTOCOL, abciVersion: "2.0.0" });
    this.appVersion = info.appVersion;
    const stored = await this.blocks.loadState();
    if (!stored) {
      if (info.lastBlockHeight !== 0n) {
        throw new Error(`app is at height ${info.lastBlockHeight} but the block store is empty`);
      }
      const req = initChainRequest(this.genesis);
      const res = await this.app.initChain(req);
      const appHash = res.appHash.length > 0 ? res.appHash : Buffer.from(this.genesis.app_hash ?? "", "hex");
      this.state = {
        chainId: this.genesis.chain_id,
        initialHeight: req.initialHeight,
        lastBlockHeight: req.initialHeight - 1n,
        lastBlockId: emptyBlockId(),
        lastBlockTimeMs: timestampToMillis(parseRfc3339(this.genesis.genesis_time)) - 1,
        appHash: new Uint8Array(appHash),
        lastResultsHash: resultsHash([]),
      };
      this.log(`initialized chain chain_id=${this.chainId} initial_height=${req.initialHeight} app_hash=${toHex(this.state.appHash)}`);
    } else {
      if (stored.chainId !== this.genesis.chain_id) throw new Error(`block store holds chain ${stored.chainId}, genesis says ${this.genesis.chain_id}`);
      if (info.lastBlockHeight !== stored.lastBlockHeight) {
        throw new Error(`app height ${info.lastBlockHeight} does not match block store height ${stored.lastBlockHeight}`);
      }
      if (!bytesEqual(info.lastBlockAppHash, stored.appHash)) {
        throw new Error(`app hash ${toHex(info.lastBlockAppHash)} does not match the stored app hash ${toHex(stored.appHash)} at height ${stored.lastBlockHeight}`);
      }
      this.state = stored;
      this.lastCommit = await this.blocks.commit(stored.lastBlockHeight);
      this.log(`resuming height=${stored.lastBlockHeight} app_hash=${toHex(stored.appHash)}`);
    }
    await this.catchUpTxIndex();
    this.stopped = false;
    this.schedule();
  }

  /** Indexes the blocks the tx index lacks: those a crash left unindexed, or all of them for a new index. */
  private async catchUpTxIndex(): Promise<void> {
    const indexer = this.opts.txIndex;
    const last = this.state.lastBlockHeight;
    let from = indexer.indexedHeight + 1n;
    if (indexer.indexedHeight > last) {
      this.log(`tx index is at height ${indexer.indexedHeight}, ahead of the block store (${last}): rebuilding it`);
      await indexer.reset();
      from = this.state.initialHeight;
    }
    if (from < this.state.initialHeight) from = this.state.initialHeight;
    if (from > last) return;
    this.log(`indexing txs of heights ${from}..${last}`);
    for (let h = from; h <= last; h++) {
      const [blockBytes, resultsBytes] = await Promise.all([this.blocks.blockBytes(h), this.blocks.resultsBytes(h)]);
      if (!blockBytes || !resultsBytes) throw new Error(`block ${h} is missing from the block store; cannot index its txs`);
      await indexer.index(h, blockBytes, resultsBytes);
    }
  }

  /** Finishes the block in progress (never abandons a half-committed one) and stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
    await this.indexWrite;
  }

  private schedule(): void {
    if (this.stopped) return;
    const due = this.state.lastBlockTimeMs + this.opts.blockTimeMs - this.clock();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.produceBlock()
        .then(() => this.schedule())
        .catch((e: unknown) => {
          this.stopped = true;
          this.log(`CONSENSUS FAILURE height=${this.state.lastBlockHeight + 1n} err=${e instanceof Error ? e.stack ?? e.message : String(e)}`);
          this.fatal?.(e);
        });
    }, Math.max(0, Math.min(due, this.opts.blockTimeMs)));
  }

  private commitInfo(): CommitInfo {
    if (!this.lastCommit) return { round: 0, votes: [] };
    return {
      round: this.lastCommit.round,
      votes: this.validators.map((v) => ({ validator: { address: v.address, power: v.power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT })),
    };
  }

  private extendedCommitInfo(): ExtendedCommitInfo {
    const ci = this.commitInfo();
    return {
      round: ci.round,
      votes: ci.votes.map((v) => ({ validator: v.validator, voteExtension: new Uint8Array(), extensionSignature: new Uint8Array(), blockIdFlag: v.blockIdFlag })),
    };
  }

  /** Max bytes of txs in a block (types/block.go MaxDataBytes for one validator). */
  private maxDataBytes(): number {
    const max = this.maxBytes <= 0n ? 104857600n : this.maxBytes;
    return Number(max) - 11 - 626 - (94 + 109 * this.validators.length);
  }

  private async executeBlock() {
    const s = this.state;
    const height = s.lastBlockHeight + 1n;
    const timeMs = Math.max(this.clock(), s.lastBlockTimeMs + 1);
    const time = timestampFromMillis(timeMs);
    const proposer = this.validatorKey.address;
    const prepared = await this.app.prepareProposal({
      maxTxBytes: BigInt(this.maxDataBytes()),
      txs: this.mempool.reap(this.maxDataBytes(), this.maxGas),
      localLastCommit: this.extendedCommitInfo(),
      misbehavior: [],
      height,
      time,
      nextValidatorsHash: this.valsHash,
      proposerAddress: proposer,
    });
    const txs = prepared.txs;
    const header: Header = {
      version: { block: BLOCK_PROTOCOL, app: this.appVersion },
      chainId: this.chainId,
      height,
      time,
      lastBlockId: s.lastBlockId,
      lastCommitHash: commitHash(this.lastCommit),
      dataHash: dataHash(txs),
      validatorsHash: this.valsHash,
      nextValidatorsHash: this.valsHash,
      consensusHash: this.consHash,
      appHash: s.appHash,
      lastResultsHash: s.lastResultsHash,
      evidenceHash: evidenceHash(),
      proposerAddress: proposer,
    };
    const block: Block = {
      header,
      data: { txs },
      evidence: { evidence: [] },
      lastCommit: this.lastCommit ?? { height: 0n, round: 0, blockId: emptyBlockId(), signatures: [] },
    };
    const hash = headerHash(header);
    const { header: parts, size } = blockPartSetHeader(block);
    const blockId: BlockID = { hash, partSetHeader: parts };
    const common = { txs, misbehavior: [], hash, height, time, nextValidatorsHash: this.valsHash, proposerAddress: proposer };
    const processed = await this.app.processProposal({ ...common, proposedLastCommit: this.commitInfo() });
    if (processed.status !== ResponseProcessProposal_ProposalStatus.ACCEPT) {
      throw new Error(`the app rejected this node's own proposal at height ${height} (status ${processed.status})`);
    }
    const finalized = await this.app.finalizeBlock({ ...common, decidedLastCommit: this.commitInfo() });
    if (finalized.txResults.length !== txs.length) {
      throw new Error(`FinalizeBlock returned ${finalized.txResults.length} results for ${txs.length} txs`);
    }
    const voteTime = timestampFromMillis(Math.max(this.clock(), timeMs));
    const commit: Commit = {
      height,
      round: 0,
      blockId,
      signatures: [
        {
          blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT,
          validatorAddress: proposer,
          timestamp: voteTime,
          signature: this.validatorKey.sign(precommitSignBytes(this.chainId, height, 0, blockId, voteTime)),
        },
      ],
    };
    const next: ChainState = {
      ...s,
      lastBlockHeight: height,
      lastBlockId: blockId,
      lastBlockTimeMs: timeMs,
      appHash: finalized.appHash,
      lastResultsHash: resultsHash(finalized.txResults),
    };
    const stored: StoredBlock = {
      block,
      meta: { blockId, blockSize: BigInt(size), header, numTxs: BigInt(txs.length) },
      commit,
    };
    const resultsBytes = encodeFinalizeBlock(finalized);
    const blockBytes = Block.encode(block).finish();
    // The last block's index write must have landed (a failed one stops the node here).
    await this.indexWrite;
    // The index thread builds the block's rows while its state is written.
    const indexing = this.opts.txIndex.prepare(height, blockBytes, resultsBytes);
    indexing.catch(() => undefined);
    const sidecar = blockOps(stored, next, blockBytes, resultsBytes);
    let durable: Promise<unknown> | undefined;
    if (this.app.beginCommit) {
      durable = this.app.beginCommit(sidecar).durable;
      // Awaited below, once the mempool is open again.
      durable.catch(() => undefined);
    } else {
      await this.app.commit(sidecar);
    }
    await this.mempool.update(txs);
    return { height, next, commit, stored, finalized, blockBytes, resultsBytes, indexing, durable };
  }

  /**
   * One block, proposed, executed and committed under the mempool's lock, from the reap until
   * the mempool is updated. CometBFT takes the lock only around Commit, so CheckTx also runs
   * during FinalizeBlock, against the state before the block, and whatever it admits is checked
   * again after Commit. Here a tx that arrives during the block is decoded and its signatures
   * verified on the workers while FinalizeBlock runs (it yields to the event loop now and then),
   * and its CheckTx runs once, against the committed block.
   */
  async produceBlock(): Promise<void> {
    const { height, next, commit, stored, finalized, blockBytes, resultsBytes, indexing, durable } = await this.mempool.locked(() => this.executeBlock());
    await durable;
    // The index thread handles requests in order, so every tx or tx_search request made once the
    // block is reported runs after this write: the block need not wait for it.
    this.indexWrite = Promise.all([indexing, this.opts.txIndex.commit(height)]).then(() => undefined);
    this.indexWrite.catch(() => undefined);
    this.state = next;
    this.lastCommit = commit;
    this.blocks.remember(stored, blockBytes, resultsBytes);
    this.log(`committed block height=${height} txs=${stored.block.data.txs.length} app_hash=${toHex(finalized.appHash)}`);
    this.publish(stored, finalized);
  }

  private publish(b: StoredBlock, finalized: ResponseFinalizeBlock): void {
    const { block } = b;
    const height = block.header.height;
    const heightStr = height.toString();
    if (this.events.size > 0) {
      const blockEvents = finalized.events;
      this.events.publish({
        events: eventMap({ "tm.event": "NewBlock", "block.height": heightStr }, blockEvents),
        data: () => ({
          type: "tendermint/event/NewBlock",
          value: {
            block: blockJson(block),
            block_id: blockIdJson(b.meta.blockId),
            result_finalize_block: {
              events: blockEvents.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value, index: a.index })) })),
              tx_results: finalized.txResults.map(txDataJson),
              validator_updates: [],
              app_hash: Buffer.from(finalized.appHash).toString("base64"),
            },
          },
        }),
      });
      this.events.publish({
        events: eventMap({ "tm.event": "NewBlockHeader", "block.height": heightStr }, blockEvents),
        data: () => ({ type: "tendermint/event/NewBlockHeader", value: { header: headerJson(block.header) } }),
      });
    }
    const publishTxs = this.events.wants("Tx");
    if (!publishTxs && this.waiters.size === 0) return;
    block.data.txs.forEach((tx, index) => {
      const result = finalized.txResults[index]!;
      const hex = toHex(txHash(tx));
      const waiters = this.waiters.get(hex);
      if (waiters) {
        this.waiters.delete(hex);
        for (const w of waiters) w.resolve({ height, index, result });
      }
      if (!publishTxs) return;
      this.events.publish({
        events: eventMap({ "tm.event": "Tx", "tx.hash": hex, "tx.height": heightStr }, result.events),
        data: () => {
          const txResult: Record<string, unknown> = { height: heightStr, tx: Buffer.from(tx).toString("base64"), result: txDataJson(result) };
          if (index !== 0) txResult.index = index;
          return { type: "tendermint/event/Tx", value: { TxResult: txResult } };
        },
      });
    });
  }

  /** Registers interest in a tx's inclusion; returns a function that cancels it. */
  waitForTx(hashHex: string, w: CommitWaiter): () => void {
    let set = this.waiters.get(hashHex);
    if (!set) this.waiters.set(hashHex, (set = new Set()));
    set.add(w);
    return () => {
      set.delete(w);
      if (set.size === 0) this.waiters.delete(hashHex);
    };
  }

  async checkTx(tx: Uint8Array): Promise<ResponseCheckTx> {
    return this.mempool.checkTx(tx);
  }

  /** CheckTx's answer for `tx` without admitting it or changing any state (the `check_tx` RPC). */
  async checkTxDryRun(tx: Uint8Array): Promise<ResponseCheckTx> {
    if (!this.app.checkTxDryRun) throw new Error("this application cannot check a tx without admitting it");
    return this.app.checkTxDryRun(tx);
  }

  latestBlockTime(): string {
    return rfc3339Nano(timestampFromMillis(Math.max(this.state.lastBlockTimeMs, 0)));
  }
}
