import type { Registry } from "@cosmjs/proto-signing";
import type { PrismaClient } from "@precision/db";
import type { Projection, ProjectionWrite } from "../projections/index.js";
import type { RpcBlock, RpcBlockResults, RpcGenesis, RpcStatus } from "./chain-types.js";
import type { CometRpc } from "./comet-rpc.js";
import { decodeBlock, type IndexedBlock } from "./decode.js";
import type { BlockFollower } from "./follower.js";
import type { IndexerMetrics } from "./metrics.js";
import { RpcStateReader } from "./state-reader.js";
import { CURSOR_ID, indexedHeight, writeBlock } from "./writer.js";

/** The database holds another chain's blocks; retrying cannot fix it. */
export class ChainMismatchError extends Error {}

interface Prepared {
  readonly block: IndexedBlock;
  readonly writes: ProjectionWrite[];
  readonly started: number;
}

export interface IndexerOptions {
  readonly prisma: PrismaClient;
  readonly rpc: CometRpc;
  readonly registry: Registry;
  readonly projections: readonly Projection[];
  readonly metrics: IndexerMetrics;
  readonly follower: BlockFollower;
  /** Heights fetched per round trip (and ahead of the writer) during catch-up. */
  readonly prefetch: number;
  readonly pollMs: number;
  readonly log: (line: string) => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

/** Catches up over RPC, then follows new blocks; every error is retried with backoff. */
export class Indexer {
  private readonly state: RpcStateReader;
  private verifiedChain = false;
  private genesis: { initialHeight: bigint; appState: Record<string, unknown> } | undefined;

  constructor(private readonly o: IndexerOptions) {
    this.state = new RpcStateReader(o.rpc);
  }

  async run(signal: AbortSignal): Promise<void> {
    let backoff = 250;
    while (!signal.aborted) {
      try {
        const caughtUp = await this.catchUp(signal);
        backoff = 250;
        if (caughtUp) await this.o.follower.next(this.o.follower.connected ? Math.max(this.o.pollMs, 5_000) : this.o.pollMs);
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof ChainMismatchError) throw err;
        this.o.metrics.errorsTotal++;
        this.o.log(`error (retrying in ${backoff} ms): ${(err as Error).message}`);
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Indexes up to the node's latest height; true when there is nothing left to do. */
  async catchUp(signal: AbortSignal): Promise<boolean> {
    const genesis = await this.loadGenesis();
    const cursor = await indexedHeight(this.o.prisma);
    // While the socket is up and has announced the next block, its height is the tip: no `status`.
    const announced = this.o.follower.announcedHeight;
    const following = this.verifiedChain && cursor !== undefined && announced > cursor;
    const status = following ? undefined : await this.o.rpc.call<RpcStatus>("status");
    const tip = status ? BigInt(status.sync_info.latest_block_height) : announced;
    this.o.metrics.nodeHeight = tip;
    if (cursor !== undefined) {
      this.o.metrics.indexedHeight = cursor;
      await this.assertSameChain(cursor, tip);
    }
    let next = cursor === undefined ? genesis.initialHeight : cursor + 1n;
    const earliest = BigInt(status?.sync_info.earliest_block_height || "0");
    if (cursor === undefined && earliest > next) {
      throw new Error(`the node keeps blocks from ${earliest} only; the indexer needs every block from ${next}`);
    }
    if (next > tip) return true;
    let pending = this.fetchRange(next, tip);
    while (next <= tip && !signal.aborted) {
      const blocks = await pending;
      const after = next + BigInt(blocks.length);
      // Fetch the next window while this one is written.
      pending = after <= tip ? this.fetchRange(after, tip) : Promise.resolve([]);
      pending.catch(() => undefined);
      // Projections of block i+1 read the node while block i is written to Postgres.
      let prepared = blocks.length > 0 ? this.prepare(blocks[0]!) : undefined;
      for (let i = 0; i < blocks.length && !signal.aborted; i++) {
        const current = await prepared!;
        prepared = i + 1 < blocks.length ? this.prepare(blocks[i + 1]!) : undefined;
        prepared?.catch(() => undefined);
        await this.write(current);
      }
      next = after;
    }
    await pending.catch(() => undefined);
    return !signal.aborted;
  }

  /**
   * The database must index this node's chain: a chain rebuilt from a new genesis (or another
   * network) would otherwise be appended to stale rows. Checked once, at the first catch-up.
   */
  private async assertSameChain(cursor: bigint, tip: bigint): Promise<void> {
    if (this.verifiedChain) return;
    const stored = await this.o.prisma.indexerCursor.findUnique({ where: { id: CURSOR_ID } });
    if (cursor > tip) {
      throw new ChainMismatchError(`the database has indexed height ${cursor} but the node is at ${tip}: it indexes another chain; reset the indexed tables`);
    }
    const block = await this.o.rpc.call<RpcBlock>("block", { height: cursor.toString() });
    if (stored && block.block_id.hash !== stored.blockHash) {
      throw new ChainMismatchError(`block ${cursor} is ${block.block_id.hash} on the node but ${stored.blockHash} in the database: it indexes another chain; reset the indexed tables`);
    }
    this.verifiedChain = true;
  }

  private async prepare(block: IndexedBlock): Promise<Prepared> {
    const started = performance.now();
    const ctx = {
      block,
      genesisAppState: block.height === this.genesis!.initialHeight ? this.genesis!.appState : undefined,
      state: this.state,
    };
    const writes = await Promise.all(this.o.projections.map((p) => p.load(ctx)));
    return { block, writes, started };
  }

  private async write({ block, writes, started }: Prepared): Promise<void> {
    const outcome = await writeBlock(this.o.prisma, block, writes);
    if (outcome === "written") this.o.metrics.recordBlock(block.txs.length, block.height, (performance.now() - started) / 1000);
  }

  /** The next blocks up to `prefetch`: the ones the socket announced as they were, the rest over RPC. */
  private async fetchRange(from: bigint, tip: bigint): Promise<IndexedBlock[]> {
    const last = from + BigInt(this.o.prefetch) - 1n < tip ? from + BigInt(this.o.prefetch) - 1n : tip;
    const heights: bigint[] = [];
    for (let h = from; h <= last; h++) heights.push(h);
    const announced = heights.map((h) => this.o.follower.take(h));
    const missing = heights.filter((_, i) => announced[i] === undefined);
    const replies =
      missing.length === 0
        ? []
        : await this.o.rpc.batch<RpcBlock | RpcBlockResults>(
            missing.flatMap((h) => [
              { method: "block", params: { height: h.toString() } },
              { method: "block_results", params: { height: h.toString() } },
            ]),
          );
    let fetched = 0;
    return heights.map((_, i) => {
      const a = announced[i];
      if (a) return decodeBlock(this.o.registry, a.block, a.results);
      const j = fetched++;
      return decodeBlock(this.o.registry, replies[2 * j] as RpcBlock, replies[2 * j + 1] as RpcBlockResults);
    });
  }

  private async loadGenesis() {
    if (!this.genesis) {
      const g = await this.o.rpc.call<RpcGenesis>("genesis");
      this.genesis = { initialHeight: BigInt(g.genesis.initial_height || "1"), appState: g.genesis.app_state ?? {} };
    }
    return this.genesis;
  }
}
