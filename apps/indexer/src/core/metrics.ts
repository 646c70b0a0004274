/** The indexer's health in Prometheus text exposition format. */
export class IndexerMetrics {
  indexedHeight = 0n;
  nodeHeight = 0n;
  blocksTotal = 0;
  txsTotal = 0;
  errorsTotal = 0;
  websocketConnected = false;
  lastBlockSeconds = 0;
  private readonly window: { at: number; blocks: number; txs: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  recordBlock(txs: number, height: bigint, seconds: number): void {
    this.blocksTotal++;
    this.txsTotal += txs;
    this.indexedHeight = height;
    this.lastBlockSeconds = seconds;
    const at = this.now();
    this.window.push({ at, blocks: 1, txs });
    while (this.window.length > 0 && at - this.window[0]!.at > 10_000) this.window.shift();
  }

  /** Blocks and txs per second over the last 10 s. */
  rates(): { blocks: number; txs: number } {
    if (this.window.length === 0) return { blocks: 0, txs: 0 };
    const span = Math.max(1_000, this.now() - this.window[0]!.at) / 1000;
    return {
      blocks: this.window.reduce((n, w) => n + w.blocks, 0) / span,
      txs: this.window.reduce((n, w) => n + w.txs, 0) / span,
    };
  }

  get lag(): bigint {
    return this.nodeHeight > this.indexedHeight ? this.nodeHeight - this.indexedHeight : 0n;
  }

  render(): string {
    const { blocks, txs } = this.rates();
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, value: string | number | bigint) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    metric("precision_indexer_indexed_height", "gauge", "Last block height written to Postgres.", this.indexedHeight);
    metric("precision_indexer_node_height", "gauge", "Latest block height the chain node reports.", this.nodeHeight);
    metric("precision_indexer_lag_blocks", "gauge", "Node height minus indexed height.", this.lag);
    metric("precision_indexer_blocks_per_second", "gauge", "Blocks indexed per second over the last 10 s.", blocks.toFixed(3));
    metric("precision_indexer_txs_per_second", "gauge", "Txs indexed per second over the last 10 s.", txs.toFixed(3));
    metric("precision_indexer_blocks_total", "counter", "Blocks indexed since start.", this.blocksTotal);
    metric("precision_indexer_txs_total", "counter", "Txs indexed since start.", this.txsTotal);
    metric("precision_indexer_errors_total", "counter", "Errors (RPC, database) since start; each is retried with backoff.", this.errorsTotal);
    metric("precision_indexer_websocket_connected", "gauge", "1 while following NewBlock over the WebSocket, 0 while polling.", this.websocketConnected ? 1 : 0);
    metric("precision_indexer_last_block_seconds", "gauge", "Time to fetch, project and write the last block.", this.lastBlockSeconds.toFixed(4));
    return `${lines.join("\n")}\n`;
  }
}
