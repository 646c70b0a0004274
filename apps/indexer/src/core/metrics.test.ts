import { describe, expect, it } from "vitest";
import { IndexerMetrics } from "./metrics.js";

describe("IndexerMetrics", () => {
  it("renders Prometheus text with lag and rates over a 10 s window", () => {
    let now = 0;
    const m = new IndexerMetrics(() => now);
    m.nodeHeight = 12n;
    m.recordBlock(100, 10n, 0.05);
    now = 2_000;
    m.recordBlock(300, 11n, 0.07);
    const text = m.render();
    expect(text).toContain("precision_indexer_lag_blocks 1\n");
    expect(text).toContain("precision_indexer_blocks_per_second 1.000\n");
    expect(text).toContain("precision_indexer_txs_per_second 200.000\n");
    expect(text).toContain("# TYPE precision_indexer_txs_total counter\nprecision_indexer_txs_total 400\n");
    now = 20_000;
    m.recordBlock(0, 12n, 0.01);
    expect(m.rates().txs).toBe(0);
    expect(m.lag).toBe(0n);
  });
});
