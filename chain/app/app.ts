import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import {
  CheckTxType,
  ResponseProcessProposal_ProposalStatus,
  type ExecTxResult,
  type RequestCheckTx,
  type RequestFinalizeBlock,
  type RequestInfo,
  type RequestInitChain,
  type RequestPrepareProposal,
  type RequestProcessProposal,
  type RequestQuery,
  type ResponseCheckTx,
  type ResponseCommit,
  type ResponseFinalizeBlock,
  type ResponseInfo,
  type ResponseInitChain,
  type ResponsePrepareProposal,
  type ResponseProcessProposal,
  type ResponseQuery,
} from "cosmjs-types/tendermint/abci/types";
import type { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import "../runtime/codec/cosmjs-types-codec.js";
import type { Application, BatchOp } from "../runtime/abci/application.js";
import { encodedExecTxResult } from "../runtime/abci/exec-tx-result.js";
import { TxRunner, type TxOutcome } from "../runtime/baseapp/tx-runner.js";
import { parseGasPrice, type GasPrice } from "../runtime/coins/coins.js";
import { Context, type BlockHeader, type BlockTime, type ExecMode } from "../runtime/context/context.js";
import { storePrefix } from "../runtime/context/store-key.js";
import { InlineSignatureVerifier, type SignatureVerifier, type VerifyRequest } from "../runtime/crypto/signature-verifier.js";
import { VerificationCache } from "../runtime/crypto/verification-cache.js";
import { AbciFailure, ChainError, toAbciError } from "../runtime/errors/registry.js";
import { ErrInvalidHeight, ErrInvalidRequest, ErrUnknownRequest } from "../runtime/errors/sdk-errors.js";
import { toAbciEvents } from "../runtime/events/event-manager.js";
import { InfiniteGasMeter } from "../runtime/gas/gas-meter.js";
import { GrpcStatusError } from "../runtime/router/query-router.js";
import { CacheKV } from "../runtime/store/cachekv.js";
import type { CacheKVStore } from "../runtime/store/types.js";
import { DEFAULT_TX_LIMITS, type DecodedTx, type TxLimits } from "../runtime/tx/decode-tx.js";
import type { AppStore } from "./app-store.js";
import { CommittedView } from "./committed-view.js";
import { answerAt } from "./historical-view.js";
import { loadConsensusParams, maxBlockGasOf, saveConsensusParams } from "./consensus-params.js";
import { silentLogger, type Logger } from "./logger.js";
import { wireApp, type Wiring } from "./wiring.js";

export const APP_NAME = "precision";
export const APP_VERSION = "0.1.0";
/** ProofOp.type of the state proofs returned by `store/<module>/key` queries with prove=true. */
export const STATE_PROOF_OP_TYPE = "precision:state:v1";
const SIMULATE_PATH = "/cosmos.tx.v1beta1.Service/Simulate";
const VERIFIED_NOTHING: Promise<void> = Promise.resolve();

/**
 * FinalizeBlock lets the event loop run after this many txs (~25 ms), so that RPC requests are
 * answered and arriving txs decoded and verified on the workers while a large block executes.
 * Nothing that runs then writes the state the block reads: CheckTx writes only its own branch of
 * the committed state, queries and simulations read that committed state, and Commit waits for
 * FinalizeBlock.
 */
const FINALIZE_SLICE = 512;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PrecisionAppOptions {
  readonly store: AppStore;
  readonly chainId: string;
  /** Minimum gas prices for CheckTx, e.g. "0.025uusd" or "0.025uusd,1ustake"; empty accepts any fee. */
  readonly minGasPrices?: string | readonly GasPrice[];
  readonly logger?: Logger;
  /** Verifies CheckTx signatures, e.g. on worker threads; inline on the main thread by default. */
  readonly verifier?: SignatureVerifier;
  readonly txLimits?: TxLimits;
}

export interface ExportedAppState {
  /** Height of the state exported: the last committed block. */
  readonly height: number;
  readonly appHash: Uint8Array;
  /** app_state of a genesis that recreates this state. */
  readonly appState: Record<string, unknown>;
}

export interface PrecisionApp extends Application {
  readonly chainId: string;
  prepareCheckTx(tx: Uint8Array): void;
  checkTxDryRun(tx: Uint8Array): Promise<ResponseCheckTx>;
  beginCommit(sidecar?: readonly BatchOp[]): { readonly durable: Promise<ResponseCommit> };
  /** Genesis export of the last committed state (`precisiond export`). */
  exportAppState(): ExportedAppState;
  /** Default app_state: every module's default genesis. */
  defaultAppState(): Record<string, unknown>;
  /** Throws with the first problem in an app_state. */
  validateAppState(appState: unknown): void;
}

function parseMinGasPrices(value: PrecisionAppOptions["minGasPrices"]): GasPrice[] {
  if (value === undefined) return [];
  if (typeof value !== "string") return [...value];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(parseGasPrice);
}

/**
 * gRPC queries answered at a past height as well as the latest. Only queries whose reads are
 * exact on a historical view (see historical-view.ts): every prefix they iterate is never
 * deleted from. CanRead reads records, grants and their indexes, organisations and memberships,
 * all of which are updated in place and never deleted.
 */
const HISTORICAL_QUERY_PATHS = new Set(["/precision.access.v1.Query/CanRead"]);

/** Sidecar key of a committed block's time: the app's own, beside the engine's "cmt/" keys. */
function blockTimeKey(height: number): Uint8Array {
  const key = Buffer.alloc(9 + 8);
  key.write("app/time/", 0, "latin1");
  key.writeBigUInt64BE(BigInt(height), 9);
  return key;
}

function encodeBlockTime(time: BlockTime): Uint8Array {
  const out = Buffer.alloc(12);
  out.writeBigInt64BE(time.seconds, 0);
  out.writeInt32BE(time.nanos, 8);
  return out;
}

function decodeBlockTime(bytes: Uint8Array): BlockTime {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { seconds: b.readBigInt64BE(0), nanos: b.readInt32BE(8) };
}

function blockTimeOf(ts: Timestamp | undefined): BlockTime {
  return { seconds: ts?.seconds ?? 0n, nanos: ts?.nanos ?? 0 };
}

/** A block's tx result, encoded as soon as the tx ran so its event objects die young. */
function toExecTxResult(o: TxOutcome): ExecTxResult {
  return encodedExecTxResult({
    code: o.code,
    data: o.data,
    log: o.log,
    info: "",
    gasWanted: BigInt(o.gasWanted),
    gasUsed: BigInt(o.gasUsed),
    events: toAbciEvents(o.events),
    codespace: o.codespace,
  });
}

function queryError(err: unknown, height: bigint): ResponseQuery {
  const mapped = err instanceof GrpcStatusError ? err.toChainError() : err;
  const { code, codespace, log } = toAbciError(mapped);
  return {
    code,
    log,
    info: "",
    index: 0n,
    key: new Uint8Array(),
    value: new Uint8Array(),
    proofOps: undefined,
    height,
    codespace,
  };
}

class App implements PrecisionApp {
  readonly chainId: string;
  private readonly store: AppStore;
  private readonly committed: CommittedView;
  private readonly logger: Logger;
  private readonly verifier: SignatureVerifier;
  private readonly ownsVerifier: boolean;
  private readonly wiring: Wiring;
  private readonly runner: TxRunner;
  private maxBlockGas: number;
  private checkState: CacheKVStore;
  private lastBlockTime: BlockTime = { seconds: 0n, nanos: 0 };
  /** The height whose state `committed` shows; it trails the store's by a moment during Commit. */
  private viewHeight: number;
  /** Height of the block finalized but not yet committed. */
  private finalizedHeight: number | undefined;
  /** Tail of the CheckTx queue: each CheckTx applies after the previous one. */
  private checkQueue: Promise<void> = Promise.resolve();

  constructor(options: PrecisionAppOptions) {
    this.chainId = options.chainId;
    this.store = options.store;
    this.logger = options.logger ?? silentLogger;
    this.verifier = options.verifier ?? new InlineSignatureVerifier();
    this.ownsVerifier = options.verifier === undefined;
    if (this.store.uncommittedKeys !== 0) this.store.rollbackWorking();
    this.committed = new CommittedView(this.store);
    this.viewHeight = this.store.lastCommitted().height;
    this.maxBlockGas = maxBlockGasOf(loadConsensusParams(this.committed));
    this.wiring = wireApp({
      minGasPrices: parseMinGasPrices(options.minGasPrices),
      maxBlockGas: () => this.maxBlockGas,
      verificationCache: new VerificationCache(),
    });
    this.runner = new TxRunner({ router: this.wiring.msgRouter, ante: this.wiring.ante, txLimits: options.txLimits ?? DEFAULT_TX_LIMITS });
    this.checkState = new CacheKV(this.committed);
  }

  private get lastHeight(): number {
    return this.store.lastCommitted().height;
  }

  private checkHeader(): BlockHeader {
    return { chainId: this.chainId, height: this.viewHeight + 1, time: this.lastBlockTime };
  }

  async info(_req: RequestInfo): Promise<ResponseInfo> {
    const last = this.store.lastCommitted();
    return {
      data: APP_NAME,
      version: APP_VERSION,
      appVersion: 1n,
      lastBlockHeight: BigInt(last.height),
      // CometBFT expects no app hash before the first block.
      lastBlockAppHash: last.height === 0 ? new Uint8Array() : last.rootHash,
    };
  }

  async initChain(req: RequestInitChain): Promise<ResponseInitChain> {
    if (req.chainId !== this.chainId) {
      throw new Error(`InitChain for chain ${req.chainId}, but this node runs ${this.chainId}`);
    }
    if (this.lastHeight !== 0) throw new Error(`InitChain on a store already at height ${this.lastHeight}`);
    const text = new TextDecoder().decode(req.appStateBytes);
    const appState = (text.trim() === "" ? this.defaultAppState() : JSON.parse(text)) as Record<string, unknown>;
    this.validateAppState(appState);

    const blockStore = new CacheKV(this.committed.writer);
    const header: BlockHeader = { chainId: this.chainId, height: 0, time: blockTimeOf(req.time) };
    const ctx = new Context(header, "genesis", blockStore, new InfiniteGasMeter());
    for (const module of this.wiring.initGenesisOrder) {
      module.initGenesis(ctx, appState[module.name] ?? module.defaultGenesis());
    }
    if (req.consensusParams !== undefined) {
      saveConsensusParams(blockStore, req.consensusParams);
      this.maxBlockGas = maxBlockGasOf(req.consensusParams);
    }
    blockStore.write();
    this.lastBlockTime = header.time;
    const appHash = this.store.workingHash();
    this.logger.info("init chain", { chainId: this.chainId, appHash: Buffer.from(appHash).toString("hex") });
    return { consensusParams: undefined, validators: req.validators, appHash };
  }

  /**
   * CheckTx verifies signatures ahead (on worker threads with a pool verifier) but applies txs to
   * the check state strictly in arrival order, so concurrent broadcasts from one account keep
   * their sequence order whichever verification finishes first.
   */
  checkTx(req: RequestCheckTx): Promise<ResponseCheckTx> {
    const result = this.queuedCheck(req.tx, req.type === CheckTxType.RECHECK ? "recheck" : "check", false);
    this.checkQueue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  checkTxDryRun(tx: Uint8Array): Promise<ResponseCheckTx> {
    return this.queuedCheck(tx, "check", true);
  }

  /**
   * CheckTx of `tx` once the txs queued before it have run, so that it sees the sequences they
   * spend; a dry run works on a branch of the check state that is then dropped.
   */
  private queuedCheck(tx: Uint8Array, mode: ExecMode, dryRun: boolean): Promise<ResponseCheckTx> {
    let decoded: DecodedTx | undefined;
    try {
      decoded = this.runner.decode(tx);
    } catch {
      // Left to the runner, which renders the decode failure exactly as FinalizeBlock would.
    }
    const verifiedAhead = mode === "check" && decoded !== undefined ? this.verifiedAhead(decoded) : VERIFIED_NOTHING;
    return this.checkQueue
      .then(() => verifiedAhead)
      .then(() => this.checkTxResponse(this.runner.run(this.checkHeader(), mode, dryRun ? this.checkState.branch() : this.checkState, tx, decoded)));
  }

  prepareCheckTx(tx: Uint8Array): void {
    let decoded: DecodedTx;
    try {
      decoded = this.runner.decode(tx);
    } catch {
      return;
    }
    this.verifiedAhead(decoded).catch(() => undefined);
  }

  /** The tx's verification ahead, started once: a prepared tx's CheckTx waits for the same one. */
  private verifiedAhead(tx: DecodedTx): Promise<void> {
    const pending = this.verifying.get(tx);
    if (pending !== undefined) return pending;
    let requests: VerifyRequest[];
    try {
      requests = this.wiring.ante.pendingSignatureChecks(this.signatureProbe(), tx);
    } catch {
      // Best effort: the ante handler reports whatever made the probe fail.
      return VERIFIED_NOTHING;
    }
    if (requests.length === 0) return VERIFIED_NOTHING;
    const verified = this.verifier.verifyBatch(requests).then(
      (results) => {
        this.verifying.delete(tx);
        requests.forEach((r, i) => {
          if (results[i] === true) this.wiring.ante.recordVerified(r);
        });
      },
      (err: unknown) => {
        this.verifying.delete(tx);
        throw err;
      },
    );
    this.verifying.set(tx, verified);
    return verified;
  }

  private readonly verifying = new Map<DecodedTx, Promise<void>>();

  /**
   * A read-only view of the check state for working out which signatures a tx needs, shared by
   * every tx until the next commit: the probe only reads each signer's public key and account
   * number, and a stale answer costs a verification in the ante handler, never a wrong result.
   * (A branch and context per tx lived until the worker answered, long enough to be promoted.)
   */
  private signatureProbe(): Context {
    return (this.probe ??= new Context(this.checkHeader(), "check", this.checkState, new InfiniteGasMeter()));
  }

  private probe: Context | undefined;

  private checkTxResponse(o: TxOutcome): ResponseCheckTx {
    return {
      code: o.code,
      data: new Uint8Array(),
      log: o.log,
      info: "",
      gasWanted: BigInt(o.gasWanted),
      gasUsed: BigInt(o.gasUsed),
      events: toAbciEvents(o.events),
      codespace: o.codespace,
    };
  }

  async prepareProposal(req: RequestPrepareProposal): Promise<ResponsePrepareProposal> {
    const maxBytes = Number(req.maxTxBytes);
    const txs: Uint8Array[] = [];
    let total = 0;
    for (const tx of req.txs) {
      if (total + tx.length > maxBytes) break;
      total += tx.length;
      txs.push(tx);
    }
    return { txs };
  }

  async processProposal(req: RequestProcessProposal): Promise<ResponseProcessProposal> {
    for (const tx of req.txs) {
      try {
        this.runner.decode(tx);
      } catch {
        return { status: ResponseProcessProposal_ProposalStatus.REJECT };
      }
    }
    return { status: ResponseProcessProposal_ProposalStatus.ACCEPT };
  }

  async finalizeBlock(req: RequestFinalizeBlock): Promise<ResponseFinalizeBlock> {
    const height = Number(req.height);
    if (this.finalizedHeight !== undefined) {
      throw new Error(`FinalizeBlock ${height} while block ${this.finalizedHeight} awaits Commit`);
    }
    if (this.lastHeight !== 0 && height !== this.lastHeight + 1) {
      throw new Error(`FinalizeBlock ${height} does not follow the last committed height ${this.lastHeight}`);
    }
    const header: BlockHeader = { chainId: this.chainId, height, time: blockTimeOf(req.time) };
    const blockStore = new CacheKV(this.committed.writer);
    const txResults: ExecTxResult[] = [];
    for (let i = 0; i < req.txs.length; i++) {
      if (i > 0 && i % FINALIZE_SLICE === 0) await yieldToEventLoop();
      txResults.push(toExecTxResult(this.runner.run(header, "finalize", blockStore, req.txs[i]!)));
    }
    blockStore.write();
    const appHash = this.store.workingHash();
    this.finalizedHeight = height;
    this.lastBlockTime = header.time;
    return { events: [], txResults, validatorUpdates: [], consensusParamUpdates: undefined, appHash };
  }

  commit(sidecar?: readonly BatchOp[]): Promise<ResponseCommit> {
    return this.beginCommit(sidecar).durable;
  }

  /**
   * The store builds the block's batch synchronously and leaves its working state equal to the
   * committed block, so CheckTx can move to that state before the write lands; it cannot be
   * undone, and a failed write stops the node. Queries wait for the write: they never answer
   * from a block that a crash could still lose.
   */
  beginCommit(sidecar?: readonly BatchOp[]): { durable: Promise<ResponseCommit> } {
    const height = this.finalizedHeight;
    if (height === undefined) return { durable: Promise.reject(new Error("Commit without a finalized block")) };
    const write = this.store.commit(height, [...(sidecar ?? []), { type: "put", key: blockTimeKey(height), value: encodeBlockTime(this.lastBlockTime) }]);
    this.committed.committed();
    this.viewHeight = height;
    this.finalizedHeight = undefined;
    // Mempool txs are rechecked (CheckTx RECHECK) against this fresh state.
    this.checkState = new CacheKV(this.committed);
    this.probe = undefined;
    const durable = write.then((): ResponseCommit => ({ retainHeight: 0n }));
    this.commitInFlight = durable.then(
      () => undefined,
      () => undefined,
    );
    return { durable };
  }

  /** Settles when the last Commit's write has landed (or failed). */
  private commitInFlight: Promise<void> = Promise.resolve();

  async query(req: RequestQuery): Promise<ResponseQuery> {
    await this.commitInFlight;
    const latest = this.lastHeight;
    const requested = Number(req.height);
    const height = requested === 0 ? latest : requested;
    try {
      if (req.path.startsWith("store/") || req.path.startsWith("/store/")) return await this.rawStoreQuery(req, height);
      if (latest === 0) throw ErrInvalidRequest.wrap("no committed state yet (latest height: 0)");
      if (height !== latest && !HISTORICAL_QUERY_PATHS.has(req.path)) {
        throw ErrInvalidHeight.wrap(`gRPC queries are answered at the latest height ${latest} only; use store/<module>/key for height ${height}`);
      }
      const value =
        req.path === SIMULATE_PATH ? this.simulate(req.data) : height !== latest ? await this.historicalGrpcQuery(req.path, req.data, height) : this.grpcQuery(req.path, req.data);
      return { code: 0, log: "", info: "", index: 0n, key: new Uint8Array(), value, proofOps: undefined, height: BigInt(height), codespace: "" };
    } catch (err) {
      if (!(err instanceof ChainError || err instanceof GrpcStatusError || err instanceof AbciFailure)) {
        this.logger.error("query failed", { path: req.path, error: String(err) });
      }
      return queryError(err, req.height);
    }
  }

  private grpcQuery(path: string, data: Uint8Array): Uint8Array {
    const handler = this.wiring.queryRouter.route(path);
    if (handler === undefined) throw ErrUnknownRequest.wrap(`unknown query path ${path}`);
    const header: BlockHeader = { chainId: this.chainId, height: this.lastHeight, time: this.lastBlockTime };
    const ctx = new Context(header, "query", new CacheKV(this.committed), new InfiniteGasMeter());
    try {
      return handler(ctx, data);
    } catch (err) {
      if (err instanceof GrpcStatusError || err instanceof ChainError) throw err;
      throw ErrInvalidRequest.wrap(`failed to decode request: ${(err as Error).message}`);
    }
  }

  /** A query in HISTORICAL_QUERY_PATHS at a past committed height, with that block's header time. */
  private async historicalGrpcQuery(path: string, data: Uint8Array, height: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(height) || height < 1 || height > this.lastHeight) {
      throw ErrInvalidHeight.wrap(`height ${height} is not committed (latest height: ${this.lastHeight})`);
    }
    const time = await this.store.getRaw(blockTimeKey(height));
    if (time === undefined) throw ErrInvalidHeight.wrap(`no block time is kept for height ${height}, so it cannot be queried`);
    const handler = this.wiring.queryRouter.route(path)!;
    const header: BlockHeader = { chainId: this.chainId, height, time: decodeBlockTime(time) };
    return answerAt(this.committed, (key) => this.store.getAt(key, height), (view) => {
      const ctx = new Context(header, "query", new CacheKV(view), new InfiniteGasMeter());
      try {
        return handler(ctx, data);
      } catch (err) {
        if (err instanceof GrpcStatusError || err instanceof ChainError) throw err;
        throw ErrInvalidRequest.wrap(`failed to decode request: ${(err as Error).message}`);
      }
    });
  }

  /** cosmos.tx.v1beta1.Service/Simulate on a throwaway branch of the CheckTx state. */
  private simulate(data: Uint8Array): Uint8Array {
    let txBytes: Uint8Array;
    try {
      const req = SimulateRequest.decode(data);
      txBytes = req.txBytes.length > 0 ? req.txBytes : req.tx !== undefined ? Tx.encode(req.tx).finish() : new Uint8Array();
    } catch (err) {
      throw ErrInvalidRequest.wrap(`invalid simulate request: ${(err as Error).message}`);
    }
    if (txBytes.length === 0) throw ErrInvalidRequest.wrap("empty txBytes is not allowed");
    const outcome = this.runner.run(this.checkHeader(), "simulate", this.checkState.branch(), txBytes);
    if (outcome.code !== 0) {
      throw new AbciFailure(outcome.code, outcome.codespace, `${outcome.log} With gas wanted: '${outcome.gasWanted}' and gas used: '${outcome.gasUsed}' `);
    }
    return SimulateResponse.encode({
      gasInfo: { gasWanted: BigInt(outcome.gasWanted), gasUsed: BigInt(outcome.gasUsed) },
      result: { data: outcome.data, log: "", events: toAbciEvents(outcome.events), msgResponses: [...outcome.msgResponses] },
    }).finish();
  }

  /** `store/<storeKey>/key`: the raw value of a module key at a height, with a state proof if asked. */
  private async rawStoreQuery(req: RequestQuery, height: number): Promise<ResponseQuery> {
    const parts = req.path.replace(/^\//, "").split("/");
    if (parts.length !== 3 || parts[2] !== "key") throw ErrUnknownRequest.wrap(`unknown store query path ${req.path}; expected store/<module>/key`);
    if (height < 1 || height > this.lastHeight) throw ErrInvalidHeight.wrap(`height ${height} is not committed (latest height: ${this.lastHeight})`);
    if (req.data.length === 0) throw ErrInvalidRequest.wrap("query data must hold the key");
    let prefix: Uint8Array;
    try {
      prefix = storePrefix(parts[1] as string);
    } catch {
      throw ErrUnknownRequest.wrap(`unknown store ${parts[1]}`);
    }
    const key = new Uint8Array(prefix.length + req.data.length);
    key.set(prefix);
    key.set(req.data, prefix.length);
    const base = { code: 0, log: "", info: "", index: 0n, key: req.data, height: BigInt(height), codespace: "" };
    if (!req.prove) {
      // The latest state is in memory: reading it there spares a walk of the tree's pages on disk
      // for each of the indexer's reads of the keys a block touched.
      const latest = height === this.viewHeight && height === this.lastHeight;
      const value = latest ? this.committed.get(key) : await this.store.getAt(key, height);
      return { ...base, value: value ?? new Uint8Array(), proofOps: undefined };
    }
    const proof = await this.store.proveAt(key, height);
    return {
      ...base,
      value: proof.value ?? new Uint8Array(),
      proofOps: { ops: [{ type: STATE_PROOF_OP_TYPE, key, data: proof.proof }] },
    };
  }

  exportAppState(): ExportedAppState {
    const last = this.store.lastCommitted();
    const header: BlockHeader = { chainId: this.chainId, height: last.height, time: this.lastBlockTime };
    const ctx = new Context(header, "query", new CacheKV(this.committed), new InfiniteGasMeter());
    const appState: Record<string, unknown> = {};
    for (const module of this.wiring.exportGenesisOrder) appState[module.name] = module.exportGenesis(ctx);
    return { height: last.height, appHash: last.rootHash, appState };
  }

  defaultAppState(): Record<string, unknown> {
    const appState: Record<string, unknown> = {};
    for (const module of this.wiring.modules) appState[module.name] = module.defaultGenesis();
    return appState;
  }

  validateAppState(appState: unknown): void {
    if (typeof appState !== "object" || appState === null || Array.isArray(appState)) {
      throw new Error("app_state must be a JSON object");
    }
    const known = new Set(this.wiring.modules.map((m) => m.name));
    for (const name of Object.keys(appState).sort()) {
      if (!known.has(name)) throw new Error(`app_state has a section for unknown module "${name}"`);
    }
    for (const module of this.wiring.modules) {
      const section = (appState as Record<string, unknown>)[module.name];
      if (section !== undefined) module.validateGenesis(section);
    }
  }

  /** The verifier is closed only if the app made it; a verifier passed in belongs to the caller. */
  async close(): Promise<void> {
    if (this.ownsVerifier) await this.verifier.close();
  }
}

export function createPrecisionApp(options: PrecisionAppOptions): PrecisionApp {
  return new App(options);
}
