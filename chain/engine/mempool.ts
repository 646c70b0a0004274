// A FIFO mempool with CometBFT's CList-mempool semantics: CheckTx on entry, a tx-hash cache that
// rejects duplicates, size limits, and a recheck of whatever is left after each committed block.
import { CheckTxType, type ResponseCheckTx } from "cosmjs-types/tendermint/abci/types";
import type { Application } from "../runtime/abci/application.js";
import { txHash } from "./encoding.js";

export interface MempoolOptions {
  maxTxs: number;
  maxTxsBytes: number;
  maxTxBytes: number;
  cacheSize: number;
}

export const defaultMempoolOptions: MempoolOptions = {
  maxTxs: 50_000,
  maxTxsBytes: 1024 * 1024 * 1024,
  maxTxBytes: 1024 * 1024,
  cacheSize: 100_000,
};

/** Rejections that CometBFT reports as JSON-RPC errors rather than as a CheckTx code. */
export class MempoolError extends Error {}

interface Entry {
  tx: Uint8Array;
  gasWanted: bigint;
}

const key = (hash: Uint8Array): string => Buffer.from(hash).toString("hex");

export class Mempool {
  private readonly txs = new Map<string, Entry>();
  private readonly cache = new Set<string>();
  private bytes = 0;
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private gate: Promise<void> | undefined;

  constructor(
    private readonly app: Application,
    readonly options: MempoolOptions = defaultMempoolOptions,
  ) {}

  get size(): number {
    return this.txs.size;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  /** Runs CheckTx and admits the tx on success. Throws MempoolError for cache hits, oversize, full. */
  async checkTx(tx: Uint8Array): Promise<ResponseCheckTx> {
    if (this.gate) this.prepareWhileLocked(tx);
    while (this.gate) await this.gate;
    const k = this.precheck(tx);
    this.remember(k);
    this.inFlight++;
    try {
      const res = await this.app.checkTx({ tx, type: CheckTxType.NEW });
      if (res.code !== 0) {
        this.cache.delete(k);
        return res;
      }
      try {
        this.assertRoom(tx.length);
      } catch (e) {
        this.cache.delete(k);
        throw e;
      }
      this.txs.set(k, { tx, gasWanted: res.gasWanted });
      this.bytes += tx.length;
      return res;
    } catch (e) {
      if (!(e instanceof MempoolError)) this.cache.delete(k);
      throw e;
    } finally {
      if (--this.inFlight === 0) this.drained?.();
    }
  }

  /**
   * Commit holds the lock while the block's batch is written to disk; the app may use that time to
   * decode the waiting txs and verify their signatures. Whatever this finds is checked again once
   * the lock opens.
   */
  private prepareWhileLocked(tx: Uint8Array): void {
    if (!this.app.prepareCheckTx) return;
    try {
      this.precheck(tx);
    } catch {
      return;
    }
    this.app.prepareCheckTx(tx);
  }

  /** The admission checks that need no CheckTx: size, room, and the duplicate cache. Returns the cache key. */
  precheck(tx: Uint8Array): string {
    if (tx.length > this.options.maxTxBytes) {
      throw new MempoolError(`tx too large. Max size is ${this.options.maxTxBytes}, but got ${tx.length}`);
    }
    this.assertRoom(tx.length);
    const k = key(txHash(tx));
    if (this.cache.has(k)) throw new MempoolError("tx already exists in cache");
    return k;
  }

  /** Txs in arrival order that fit in `maxBytes` (and `maxGas` when it is not -1). */
  reap(maxBytes: number, maxGas: bigint): Uint8Array[] {
    const out: Uint8Array[] = [];
    let bytes = 0;
    let gas = 0n;
    for (const e of this.txs.values()) {
      const size = e.tx.length + 8; // protobuf framing of Data.txs, upper bound
      if (bytes + size > maxBytes) break;
      if (maxGas >= 0n && gas + e.gasWanted > maxGas) break;
      bytes += size;
      gas += e.gasWanted;
      out.push(e.tx);
    }
    return out;
  }

  unconfirmed(limit: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const e of this.txs.values()) {
      if (out.length >= limit) break;
      out.push(e.tx);
    }
    return out;
  }

  /**
   * Holds new CheckTx calls and waits for in-flight ones, like CometBFT's mempool lock around
   * Commit + Update. `fn` reaps, executes and commits the block, and then calls `update`.
   */
  async locked<T>(fn: () => Promise<T>): Promise<T> {
    let open!: () => void;
    this.gate = new Promise((r) => (open = r));
    try {
      if (this.inFlight > 0) await new Promise<void>((r) => (this.drained = r));
      this.drained = undefined;
      return await fn();
    } finally {
      this.gate = undefined;
      open();
    }
  }

  /** Drops the committed txs and rechecks the rest against the new state. */
  async update(committed: readonly Uint8Array[]): Promise<void> {
    for (const tx of committed) {
      const k = key(txHash(tx));
      this.remember(k);
      const e = this.txs.get(k);
      if (e) {
        this.txs.delete(k);
        this.bytes -= e.tx.length;
      }
    }
    if (this.txs.size === 0) return;
    const entries = [...this.txs.entries()];
    const results = await Promise.all(
      entries.map(([, e]) => this.app.checkTx({ tx: e.tx, type: CheckTxType.RECHECK }).catch(() => undefined)),
    );
    results.forEach((res, i) => {
      if (res && res.code === 0) return;
      const [k, e] = entries[i]!;
      this.txs.delete(k);
      this.cache.delete(k);
      this.bytes -= e.tx.length;
    });
  }

  private assertRoom(txBytes: number): void {
    if (this.txs.size >= this.options.maxTxs || this.bytes + txBytes > this.options.maxTxsBytes) {
      throw new MempoolError(
        `mempool is full: number of txs ${this.txs.size} (max: ${this.options.maxTxs}), total txs bytes ${this.bytes} (max: ${this.options.maxTxsBytes})`,
      );
    }
  }

  private remember(k: string): void {
    this.cache.delete(k);
    this.cache.add(k);
    if (this.cache.size > this.options.cacheSize) this.cache.delete(this.cache.values().next().value as string);
  }
}
