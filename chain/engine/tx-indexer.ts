// The engine's handle on the tx index thread (tx-index-worker.ts): blocks go in as the bytes the
// block store keeps, lookups come back as positions (tx-lookup.ts reads the txs they point to).
import { Worker } from "node:worker_threads";
import type { Query } from "./query.js";
import type { BlockSearchResult, IndexedTx, RawSearchResult } from "./tx-index.js";

type IndexerCall =
  | { kind: "open" }
  | { kind: "prepare"; height: bigint; blockBytes: Uint8Array; resultsBytes: Uint8Array }
  | { kind: "commit"; height: bigint }
  | { kind: "reset" }
  | { kind: "getByHash"; hash: Uint8Array }
  | { kind: "search"; query: Query; page: number; perPage: number; desc: boolean }
  | { kind: "searchBlocks"; query: Query; base: bigint; top: bigint; page: number; perPage: number; desc: boolean }
  | { kind: "close" };

export type IndexerRequest = IndexerCall & { id: number };

export type IndexerValue = bigint | IndexedTx | RawSearchResult | BlockSearchResult | null;

export type IndexerReply = { id: number; ok: true; value: IndexerValue } | { id: number; ok: false; error: string };

export class TxIndexer {
  private readonly pending = new Map<number, { resolve(v: IndexerValue): void; reject(e: Error): void }>();
  private nextId = 1;
  private failure: Error | undefined;

  /** The last height indexed when the index was opened. */
  indexedHeight = 0n;

  private constructor(private readonly worker: Worker) {
    this.listen();
  }

  /** Starts the thread and opens (or creates) the index database at `path`. */
  static async open(path: string): Promise<TxIndexer> {
    const indexer = new TxIndexer(new Worker(new URL("./tx-index-worker.js", import.meta.url), { workerData: { path } }));
    try {
      indexer.indexedHeight = (await indexer.call({ kind: "open" })) as bigint;
      return indexer;
    } catch (err) {
      await indexer.worker.terminate();
      throw new Error(`cannot open the tx index at ${path}: ${(err as Error).message}`, { cause: err });
    }
  }

  private listen(): void {
    this.worker.on("message", (reply: IndexerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the tx index thread exited (code ${code})`)));
  }

  private call(req: IndexerCall): Promise<IndexerValue> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  /**
   * Hands a block over so the thread builds its rows while the block's state is written;
   * `commit(height)` writes them. A block that is never committed is never written.
   */
  prepare(height: bigint, blockBytes: Uint8Array, resultsBytes: Uint8Array): Promise<void> {
    return this.call({ kind: "prepare", height, blockBytes, resultsBytes }).then(() => undefined);
  }

  async commit(height: bigint): Promise<void> {
    await this.call({ kind: "commit", height });
  }

  async index(height: bigint, blockBytes: Uint8Array, resultsBytes: Uint8Array): Promise<void> {
    await this.prepare(height, blockBytes, resultsBytes);
    await this.commit(height);
  }

  /** Drops every row (an index ahead of the block store cannot be trusted). */
  async reset(): Promise<void> {
    await this.call({ kind: "reset" });
  }

  async getByHash(hash: Uint8Array): Promise<IndexedTx | undefined> {
    const v = (await this.call({ kind: "getByHash", hash })) as IndexedTx | null;
    return v ?? undefined;
  }

  async search(query: Query, page: number, perPage: number, desc: boolean): Promise<RawSearchResult> {
    return (await this.call({ kind: "search", query, page, perPage, desc })) as RawSearchResult;
  }

  /** Heights in [base, top] whose block meets the query (block.height and block events). */
  async searchBlocks(query: Query, base: bigint, top: bigint, page: number, perPage: number, desc: boolean): Promise<BlockSearchResult> {
    return (await this.call({ kind: "searchBlocks", query, base, top, page, perPage, desc })) as BlockSearchResult;
  }

  async close(): Promise<void> {
    if (!this.failure) await this.call({ kind: "close" }).catch(() => undefined);
    this.failure ??= new Error("the tx index is closed");
    await this.worker.terminate();
  }
}
