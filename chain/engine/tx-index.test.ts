import { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { parseQuery } from "./query.js";
import type { BatchOp, RangeOptions, RawReader } from "./raw-store.js";
import { txHash } from "./encoding.js";
import { encodeFinalizeBlock } from "./block-store.js";
import { indexBlockEventRows, indexBlockRows, positionHeightIndex, TxIndex } from "./tx-index.js";

/** A block's index rows, collected as the index thread would put them into its batch. */
function indexOps(height: bigint, txs: readonly Uint8Array[], results: readonly ExecTxResult[]): BatchOp[] {
  const ops: BatchOp[] = [];
  const encoded = results.map((r) => ExecTxResult.encode(r).finish());
  indexBlockRows(height, txs, encoded, (key, value) => ops.push({ type: "put", key, value }));
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

describe("indexBlockRows", () => {
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
    ExecTxResult.fromPartial({
      events: [
        { type: "message", attributes: [a("sender", "prec1alice"), a("action", "/cosmos.bank.v1beta1.MsgSend")] },
        { type: "transfer", attributes: [a("amount", "5uusd")] },
        { type: "message", attributes: [a("sender", "prec1alice")] }, // the same value twice in one tx
      ],
    }),
  ];
  const txs = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6), Uint8Array.of(7, 8, 9)];
  const ops = indexOps(7n, txs, results);
  const { index, rows } = memoryIndex(ops);
  const search = async (q: string) => (await index.searchRaw(parseQuery(q), 1, 100, false)).txs.map((t) => positionHeightIndex(t.position).index);

  it("writes a hash and a position row per tx, and one posting row per distinct indexed (tag, value)", () => {
    // 3 × (hash + position) + alice, MsgSend and 5uusd (txs 0 and 2), the title (0) and bob (1).
    expect(rows).toBe(11);
    const posting = ops.find((op) => op.type === "put" && Buffer.from(op.key).includes("prec1alice"));
    expect(posting?.type === "put" && [...posting.value]).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it("finds txs by their indexed attributes, exactly or by range, and nothing else", async () => {
    expect(await search("message.sender='prec1alice'")).toEqual([0, 2]);
    expect(await search("message.sender EXISTS")).toEqual([0, 1, 2]);
    expect(await search("message.sender CONTAINS 'bob'")).toEqual([1]);
    expect(await search("transfer.amount='5uusd' AND message.sender='prec1alice'")).toEqual([0, 2]);
    expect(await search("transfer.amount='5uusd' AND message.sender='prec1bob'")).toEqual([]);
    expect(await search("record.title='Ärztebrief ✓'")).toEqual([0]);
    expect(await search("message.msg_index='0'")).toEqual([]);
    expect(await search("tx.hash='FORGED'")).toEqual([]);
    expect(await search("orphan EXISTS")).toEqual([]);
    expect(await search("tx.height=7")).toEqual([0, 1, 2]);
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

describe("indexBlockRows with more distinct tags than its cache keeps", () => {
  it("still writes one posting per (tag, value), listing every tx", async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ type: "t", attributes: [{ key: `k${i}`, value: "v", index: true }] }));
    const sender = { type: "message", attributes: [{ key: "sender", value: "prec1alice", index: true }] };
    const ops = indexOps(3n, [Uint8Array.of(1), Uint8Array.of(2)], [ExecTxResult.fromPartial({ events: [sender, ...many] }), ExecTxResult.fromPartial({ events: [...many, sender] })]);
    const { index, rows } = memoryIndex(ops);
    expect(rows).toBe(2 * 2 + 1 + 5000);
    const found = async (q: string) => (await index.searchRaw(parseQuery(q), 1, 10, false)).txs.map((t) => positionHeightIndex(t.position).index);
    expect(await found("message.sender='prec1alice'")).toEqual([0, 1]);
    expect(await found("t.k4999='v'")).toEqual([0, 1]);
  });
});

describe("rows written by nodes before postings", () => {
  /** An event row as older nodes wrote it: EVENT ‖ u16 len ‖ tag ‖ u32 len ‖ value ‖ position. */
  function legacyEventRow(tag: string, value: string, height: bigint, index: number): BatchOp {
    const t = Buffer.from(tag);
    const v = Buffer.from(value);
    const p = Buffer.alloc(12);
    p.writeBigUInt64BE(height);
    p.writeUInt32BE(index, 8);
    const key = Buffer.concat([Buffer.from("cmt/tx/e/"), Buffer.from([t.length >> 8, t.length & 0xff]), t, Buffer.alloc(4), v, p]);
    key.writeUInt32BE(v.length, 9 + 2 + t.length);
    return { type: "put", key, value: new Uint8Array() };
  }

  it("are still found, together with postings, in (height, index) order", async () => {
    const newer = indexOps(7n, [Uint8Array.of(1)], [ExecTxResult.fromPartial({ events: [{ type: "message", attributes: [{ key: "sender", value: "prec1alice", index: true }] }] })]);
    const older: BatchOp[] = [
      ...indexOps(6n, [Uint8Array.of(2), Uint8Array.of(3)], [ExecTxResult.fromPartial({}), ExecTxResult.fromPartial({})]),
      legacyEventRow("message.sender", "prec1alice", 6n, 1),
      legacyEventRow("message.sender", "prec1zed", 6n, 0),
    ];
    const { index } = memoryIndex([...older, ...newer]);
    const found = async (q: string, desc = false) =>
      (await index.searchRaw(parseQuery(q), 1, 10, desc)).txs.map((t) => {
        const { height, index: i } = positionHeightIndex(t.position);
        return `${height}/${i}`;
      });
    expect(await found("message.sender='prec1alice'")).toEqual(["6/1", "7/0"]);
    expect(await found("message.sender EXISTS", true)).toEqual(["7/0", "6/1", "6/0"]);
    expect(await found("message.sender CONTAINS 'zed'")).toEqual(["6/0"]);
  });
});

describe("block search", () => {
  const a = (key: string, value: string, index = true) => ({ key, value, index });
  /** Blocks 1–20; block h has a `rotation` event naming its shift, and every 5th an `audit` event. */
  const ops: BatchOp[] = [];
  for (let h = 1n; h <= 20n; h++) {
    const events = [{ type: "rotation", attributes: [a("shift", h % 2n === 0n ? "night" : "day"), a("ward", "icu", false)] }];
    if (h % 5n === 0n) events.push({ type: "audit", attributes: [a("digest", `d${h}`), a("digest", `d${h}`)] }); // written once
    if (h === 3n) events.push({ type: "block", attributes: [a("height", "999")] }); // block.height is the node's own
    const finalized = encodeFinalizeBlock({ events, txResults: [], validatorUpdates: [], consensusParamUpdates: undefined, appHash: new Uint8Array(32) });
    indexBlockEventRows(h, finalized, (key, value) => ops.push({ type: "put", key, value }));
  }
  const { index, rows } = memoryIndex(ops);
  const heights = async (q: string, page = 1, perPage = 100, desc = false, top = 20n) =>
    (await index.searchBlocks(parseQuery(q), 1n, top, page, perPage, desc)).heights.map(Number);

  it("writes one row per distinct indexed (tag, value) of a block's own events", () => {
    // 20 shifts and 4 audit digests; the unindexed ward and the forged block.height write nothing.
    expect(rows).toBe(24);
  });

  it("compares block.height with the height, over the chain's blocks only, and pages without listing them", async () => {
    expect(await heights("block.height >= 18")).toEqual([18, 19, 20]);
    expect(await heights("block.height > 3 AND block.height < 6")).toEqual([4, 5]);
    expect(await heights("block.height = 999")).toEqual([]);
    expect(await heights("block.height EXISTS", 2, 5, true)).toEqual([15, 14, 13, 12, 11]);
    const all = await index.searchBlocks(parseQuery("block.height > 0"), 1n, 20n, 1, 3, false);
    expect(all).toEqual({ total: 20, heights: [1n, 2n, 3n] });
    expect(await heights("block.height CONTAINS '1'")).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("matches block events exactly, by range and by existence, together with heights", async () => {
    expect(await heights("audit.digest EXISTS")).toEqual([5, 10, 15, 20]);
    expect(await heights("audit.digest = 'd10'")).toEqual([10]);
    expect(await heights("rotation.shift = 'night' AND audit.digest EXISTS")).toEqual([10, 20]);
    expect(await heights("rotation.shift = 'night' AND block.height <= 6", 1, 100, true)).toEqual([6, 4, 2]);
    expect(await heights("audit.digest CONTAINS 'd1'")).toEqual([10, 15]);
    expect(await heights("rotation.ward = 'icu'")).toEqual([]);
    // A block above the given top (not yet reported) is never answered.
    expect(await heights("audit.digest EXISTS", 1, 100, false, 12n)).toEqual([5, 10]);
  });
});
