import WebSocket from "ws";
import type { IndexerMetrics } from "./metrics.js";

/**
 * Wakes the indexer when the node announces a block (NewBlock over the WebSocket). While the socket
 * is down it reconnects with backoff, and the indexer falls back to polling at its own interval.
 */
export class BlockFollower {
  private socket: WebSocket | undefined;
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
    socket.on("message", () => this.wake());
    socket.on("error", () => undefined);
    socket.on("close", () => {
      if (this.metrics.websocketConnected) this.log("WebSocket closed; polling until it reconnects");
      this.metrics.websocketConnected = false;
      this.wake();
      if (this.closed) return;
      this.timer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    });
  }
}
