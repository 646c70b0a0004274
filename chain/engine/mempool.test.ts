import { CheckTxType, type RequestCheckTx, type ResponseCheckTx } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import type { Application } from "../runtime/abci/application.js";
import { Mempool, MempoolError, defaultMempoolOptions } from "./mempool.js";

/** CheckTx by a rule on the tx's first byte: the mempool under test only sees codes. */
function appRejecting(rejected: Set<number>, calls: RequestCheckTx[] = []): Application {
  const checkTx = async (req: RequestCheckTx): Promise<ResponseCheckTx> => {
    calls.push(req);
    const code = rejected.has(req.tx[0]!) ? 32 : 0;
    return { code, data: new Uint8Array(), log: code ? "account sequence mismatch" : "", info: "", gasWanted: 100n, gasUsed: 10n, events: [], codespace: code ? "sdk" : "" };
  };
  return { checkTx } as unknown as Application;
}

const tx = (...bytes: number[]) => Uint8Array.from(bytes);

describe("Mempool", () => {
  it("admits accepted txs in arrival order and refuses a duplicate from the cache", async () => {
    const pool = new Mempool(appRejecting(new Set()));
    await pool.checkTx(tx(1, 1));
    await pool.checkTx(tx(2, 2));
    await expect(pool.checkTx(tx(1, 1))).rejects.toThrow(new MempoolError("tx already exists in cache"));
    expect(pool.reap(1_000, -1n)).toEqual([tx(1, 1), tx(2, 2)]);
  });

  it("forgets a tx CheckTx rejected, so a corrected resubmission is not a duplicate", async () => {
    const rejected = new Set([7]);
    const pool = new Mempool(appRejecting(rejected));
    expect((await pool.checkTx(tx(7))).code).toBe(32);
    expect(pool.size).toBe(0);
    rejected.clear();
    expect((await pool.checkTx(tx(7))).code).toBe(0);
    expect(pool.size).toBe(1);
  });

  it("drops committed txs, keeps them cached, and rechecks the rest against the new state", async () => {
    const rejected = new Set<number>();
    const calls: RequestCheckTx[] = [];
    const pool = new Mempool(appRejecting(rejected, calls));
    for (const b of [1, 2, 3]) await pool.checkTx(tx(b));
    rejected.add(3); // the committed block spent tx 3's sequence
    await pool.update([tx(1)]);
    expect(calls.filter((c) => c.type === CheckTxType.RECHECK).map((c) => c.tx[0])).toEqual([2, 3]);
    expect(pool.reap(1_000, -1n)).toEqual([tx(2)]);
    expect(pool.sizeBytes).toBe(1);
    await expect(pool.checkTx(tx(1))).rejects.toThrow("tx already exists in cache");
    // A tx evicted by recheck may come back once it is valid again.
    rejected.clear();
    expect((await pool.checkTx(tx(3))).code).toBe(0);
  });

  it("enforces the per-tx size, the count and the byte limits with CometBFT's messages", async () => {
    const pool = new Mempool(appRejecting(new Set()), { ...defaultMempoolOptions, maxTxBytes: 4, maxTxs: 2, maxTxsBytes: 5 });
    await expect(pool.checkTx(tx(1, 2, 3, 4, 5))).rejects.toThrow("tx too large. Max size is 4, but got 5");
    await pool.checkTx(tx(1, 1, 1));
    await expect(pool.checkTx(tx(2, 2, 2))).rejects.toThrow(/mempool is full: number of txs 1 \(max: 2\), total txs bytes 3 \(max: 5\)/);
    await pool.checkTx(tx(3, 3));
    await expect(pool.checkTx(tx(4))).rejects.toThrow(/mempool is full: number of txs 2/);
  });

  it("reaps within the byte and gas budgets of a block", async () => {
    const pool = new Mempool(appRejecting(new Set()));
    for (const b of [1, 2, 3]) await pool.checkTx(tx(b, b, b, b));
    expect(pool.reap(2 * 12, -1n)).toHaveLength(2); // 4 bytes + 8 of framing each
    expect(pool.reap(1_000, 250n)).toHaveLength(2); // 100 gas each
    expect(pool.unconfirmed(1)).toEqual([tx(1, 1, 1, 1)]);
  });

  it("evicts the oldest cache entry beyond the cache size", async () => {
    const pool = new Mempool(appRejecting(new Set()), { ...defaultMempoolOptions, cacheSize: 2 });
    for (const b of [1, 2, 3]) await pool.checkTx(tx(b));
    await pool.update([tx(1), tx(2), tx(3)]);
    expect(pool.size).toBe(0);
    // tx 1 fell out of the cache of 2; txs 2 and 3 are still remembered.
    expect((await pool.checkTx(tx(1))).code).toBe(0);
    await expect(pool.checkTx(tx(3))).rejects.toThrow("tx already exists in cache");
  });

  it("holds CheckTx while a block commits, then lets it through", async () => {
    const pool = new Mempool(appRejecting(new Set()));
    const order: string[] = [];
    let release!: () => void;
    const committing = pool.locked(async () => {
      order.push("commit start");
      await new Promise<void>((r) => (release = r));
      order.push("commit end");
    });
    const checked = pool.checkTx(tx(9)).then(() => order.push("checkTx"));
    await new Promise((r) => setImmediate(r));
    release();
    await Promise.all([committing, checked]);
    expect(order).toEqual(["commit start", "commit end", "checkTx"]);
  });

  it("lets the app prepare txs that wait for a commit, skipping duplicates, and still checks them after it", async () => {
    const calls: RequestCheckTx[] = [];
    const prepared: number[] = [];
    const app = appRejecting(new Set([5]), calls);
    app.prepareCheckTx = (t) => void prepared.push(t[0]!);
    const pool = new Mempool(app);
    await pool.checkTx(tx(1));
    let release!: () => void;
    const committing = pool.locked(() => new Promise<void>((r) => (release = r)));
    const waiting = [pool.checkTx(tx(4)), pool.checkTx(tx(5)), pool.checkTx(tx(1))];
    await new Promise((r) => setImmediate(r));
    // Prepared while locked; the cached duplicate is not; nothing reached CheckTx yet.
    expect(prepared).toEqual([4, 5]);
    expect(calls.map((c) => c.tx[0])).toEqual([1]);
    release();
    await committing;
    const [four, five, again] = await Promise.allSettled(waiting);
    expect(four).toMatchObject({ status: "fulfilled", value: { code: 0 } });
    expect(five).toMatchObject({ status: "fulfilled", value: { code: 32 } });
    expect(again).toMatchObject({ status: "rejected", reason: new MempoolError("tx already exists in cache") });
    expect(calls.map((c) => c.tx[0])).toEqual([1, 4, 5]);
    // Outside a commit nothing is prepared: CheckTx does that work itself.
    await pool.checkTx(tx(6));
    expect(prepared).toEqual([4, 5]);
  });
});
