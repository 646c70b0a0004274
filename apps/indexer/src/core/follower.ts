import WebSocket from "ws";
import type { RpcBlock, RpcBlockResults, RpcEvent, RpcTxResult } from "./chain-types.js";
import type { IndexerMetrics } from "./metrics.js";

/** A block as a NewBlock event carries it: what `block` and `block_results` would return. */
export interface AnnouncedBlock {
  readonly block: RpcBlock;
  readonly results: RpcBlockResults;
}

interface NewBlockMessage {
  result?: {
    data?: {
      type?: string;
      value?: {
        block?: RpcBlock["block"];
        block_id?: RpcBlock["block_id"];
        result_finalize_block?: { events?: RpcEvent[] | null; tx_results?: RpcTxResult[] | null; app_hash?: string };
      };
    };
  };
}

/** Announced blocks kept for the indexer; older ones are dropped (it fetches those over RPC). */
const KEEP_ANNOUNCED = 32;

/** The block in a NewBlock event message (CometBFT 0.38 EventDataNewBlock), if it is one. */
export function announcedBlock(raw: string): AnnouncedBlock | undefined {
  let message: NewBlockMessage;
  try {
    message = JSON.parse(raw) as NewBlockMessage;
  } catch {
    return undefined;
  }
  const value = message.result?.data?.type === "tendermint/event/NewBlock" ? message.result.data.value : undefined;
  const finalized = value?.result_finalize_block;
  if (!value?.block?.header?.height || !value.block_id?.hash || !finalized) return undefined;
  return {
    block: { block_id: value.block_id, block: value.block },
    results: { height: value.block.header.height, txs_results: finalized.tx_results ?? null, finalize_block_events: finalized.events ?? null, app_hash: finalized.app_hash ?? "" },
  };
}

/**
 * Wakes the indexer when the node announces a block (NewBlock over the WebSocket) and keeps the
 * announced block, so the indexer need not ask the node for it again: at 1,000 tx/s the node's
 * main thread is the bottleneck, and re-serialising each block and its results doubled its RPC
 * work. While the socket is down it reconnects with backoff, and the indexer falls back to
 * polling at its own interval.
 */
export class BlockFollower {
  private socket: WebSocket | undefined;
  private readonly announced = new Map<bigint, AnnouncedBlock>();
  private highest = 0n;
  private waiters: (() => void)[] = [];
  private closed = false;
  private retryMs = 250;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly wsUrl: string,
    private readonly metrics: IndexerMetrics,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.connect();
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** The highest height announced since the socket connected (0 if none). */
  get announcedHeight(): bigint {
    return this.connected ? this.highest : 0n;
  }

  /** The announced block at `height`, handed over once. */
  take(height: bigint): AnnouncedBlock | undefined {
    const block = this.announced.get(height);
    this.announced.delete(height);
    return block;
  }

  /** Resolves on the next NewBlock, or after `timeoutMs`, whichever is first. */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done() {
        clearTimeout(t);
        const i = waiters.indexOf(done);
        if (i >= 0) waiters.splice(i, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.socket?.terminate();
    for (const w of this.waiters.splice(0)) w();
  }

  private keep(block: AnnouncedBlock): void {
    const height = BigInt(block.block.block.header.height);
    this.announced.set(height, block);
    if (height > this.highest) this.highest = height;
    if (this.announced.size > KEEP_ANNOUNCED) this.announced.delete([...this.announced.keys()].reduce((a, b) => (a < b ? a : b)));
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private connect(): void {
    if (this.closed) return;
    const socket = new WebSocket(this.wsUrl, { maxPayload: 256 * 1024 * 1024 });
    this.socket = socket;
    socket.on("open", () => {
      this.retryMs = 250;
      this.metrics.websocketConnected = true;
      socket.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "subscribe", params: { query: "tm.event='NewBlock'" } }));
      this.log("following new blocks over the WebSocket");
    });
    socket.on("message", (data) => {
      const block = announcedBlock(String(data));
      if (block) this.keep(block);
      this.wake();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.announced.clear();
      this.highest = 0n;
      if (this.metrics.websocketConnected) this.log("WebSocket closed; polling until it reconnects");
      this.metrics.websocketConnected = false;
      this.wake();
      if (this.closed) return;
      this.timer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    });
  }
}
