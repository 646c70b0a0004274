import { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./query.js";
import type { BatchOp, RangeOptions, RawReader } from "./raw-store.js";
import { txHash } from "./encoding.js";
import { indexTxRows, positionHeightIndex, TxIndex } from "./tx-index.js";

/** A block's index rows, collected as the index thread would put them into its batch. */
function indexOps(height: bigint, txs: readonly Uint8Array[], results: readonly ExecTxResult[]): BatchOp[] {
  const ops: BatchOp[] = [];
  txs.forEach((tx, index) =>
    indexTxRows(height, index, tx, ExecTxResult.encode(results[index]!).finish(), (key, value) => ops.push({ type: "put", key, value })),
  );
  return ops;
}

/** The rows in a sorted in-memory map, read as the index thread reads its database. */
function memoryIndex(ops: readonly BatchOp[]): { index: TxIndex; rows: number } {
  const rows = new Map<string, Uint8Array>();
  for (const op of ops) if (op.type === "put") rows.set(Buffer.from(op.key).toString("latin1"), op.value);
  const sorted = [...rows.keys()].sort();
  const reader: RawReader = {
    get: async (key) => rows.get(Buffer.from(key).toString("latin1")),
    async *range(opts: RangeOptions) {
      const [gte, lt] = [Buffer.from(opts.gte).toString("latin1"), Buffer.from(opts.lt).toString("latin1")];
      for (const k of sorted) if (k >= gte && k < lt) yield [Buffer.from(k, "latin1"), rows.get(k)!];
    },
  };
  return { index: new TxIndex(reader), rows: rows.size };
}

describe("indexTxRows", () => {
  const a = (key: string, value: string, index = true) => ({ key, value, index });
  const results = [
    ExecTxResult.fromPartial({
      gasWanted: 200_000n,
      gasUsed: 80_000n,
      events: [
        { type: "message", attributes: [a("sender", "prec1alice"), a("action", "/cosmos.bank.v1beta1.MsgSend"), a("msg_index", "0", false)] },
        { type: "transfer", attributes: [a("amount", "5uusd"), a("amount", "5uusd")] }, // a duplicate row is written once
        { type: "tx", attributes: [a("hash", "FORGED"), a("height", "999")] }, // reserved tags are the node's own
        { type: "", attributes: [a("orphan", "x")] },
        { type: "record", attributes: [a("", "no key"), a("title", "Ärztebrief ✓")] },
      ],
    }),
    ExecTxResult.fromPartial({ code: 5, codespace: "sdk", log: "insufficient funds", events: [{ type: "message", attributes: [a("sender", "prec1bob")] }] }),
  ];
  const txs = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)];
  const ops = indexOps(7n, txs, results);
  const { index, rows } = memoryIndex(ops);
  const search = async (q: string) => (await index.searchRaw(parseQuery(q), 1, 100, false)).txs.map((t) => positionHeightIndex(t.position).index);

  it("writes a hash row, a position row and one row per distinct indexed attribute", () => {
    // 2 × (hash + position) + sender, action, amount, title for the first + sender for the second.
    expect(rows).toBe(9);
  });

  it("finds txs by their indexed attributes, exactly or by range, and nothing else", async () => {
    expect(await search("message.sender='prec1alice'")).toEqual([0]);
    expect(await search("message.sender EXISTS")).toEqual([0, 1]);
    expect(await search("transfer.amount='5uusd'")).toEqual([0]);
    expect(await search("record.title='Ärztebrief ✓'")).toEqual([0]);
    expect(await search("message.msg_index='0'")).toEqual([]);
    expect(await search("tx.hash='FORGED'")).toEqual([]);
    expect(await search("orphan EXISTS")).toEqual([]);
    expect(await search("tx.height=7")).toEqual([0, 1]);
  });

  it("finds a tx by hash at its position, and keeps no copy of the tx (the block store has it)", async () => {
    const [hit] = (await index.searchRaw(parseQuery("message.sender='prec1bob'"), 1, 10, false)).txs;
    expect(positionHeightIndex(hit!.position)).toEqual({ height: 7n, index: 1 });
    expect(hit!.stored).toHaveLength(0);
    const byHash = await index.getByHashRaw(txHash(txs[1]!));
    expect(byHash && positionHeightIndex(byHash.position)).toEqual({ height: 7n, index: 1 });
    expect(await index.getByHashRaw(txHash(Uint8Array.of(9)))).toBeUndefined();
  });
});
