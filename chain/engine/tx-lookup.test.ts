import { ExecTxResult, TxResult } from "cosmjs-types/tendermint/abci/types";
import { Block } from "cosmjs-types/tendermint/types/block";
import { describe, expect, it } from "vitest";
import { encodeFinalizeBlock, txResultsOf, txsOf } from "./block-store.js";
import { parseQuery } from "./query.js";
import { txPosition, type IndexedTx } from "./tx-index.js";
import { IndexedTxLookup, type CommittedBlocks, type TxPositions } from "./tx-lookup.js";

const txs = [Uint8Array.of(1, 1), Uint8Array.of(2, 2, 2), Uint8Array.of(3)];
const results = txs.map((_, i) =>
  ExecTxResult.fromPartial({ code: i === 1 ? 5 : 0, log: i === 1 ? "insufficient funds" : "", gasUsed: BigInt(1000 + i), events: [{ type: "message", attributes: [{ key: "sender", value: `prec1s${i}`, index: true }] }] }),
);
const blockBytes = Block.encode(Block.fromPartial({ header: { height: 4n, chainId: "c" }, data: { txs } })).finish();
const resultsBytes = encodeFinalizeBlock({ events: [], txResults: results, validatorUpdates: [], consensusParamUpdates: undefined, appHash: new Uint8Array(32) });
const blocks: CommittedBlocks = {
  blockBytes: async (h) => (h === 4n ? blockBytes : undefined),
  resultsBytes: async (h) => (h === 4n ? resultsBytes : undefined),
};
const at = (height: bigint, index: number, stored: Uint8Array = new Uint8Array()): IndexedTx => ({ position: txPosition(height, index), stored });

function lookup(found: IndexedTx[]): IndexedTxLookup {
  const positions: TxPositions = {
    getByHash: async () => found[0],
    search: async (_q, page, perPage) => ({ total: found.length, txs: found.slice((page - 1) * perPage, page * perPage) }),
    searchBlocks: async () => ({ total: 0, heights: [] }),
  };
  return new IndexedTxLookup(positions, blocks);
}

describe("reading a block's txs and results from their encodings", () => {
  it("finds every tx and every result, in order", () => {
    expect(txsOf(blockBytes)).toEqual(txs);
    expect(txResultsOf(resultsBytes).map((r) => ExecTxResult.decode(r))).toEqual(results);
    expect(txsOf(Block.encode(Block.fromPartial({})).finish())).toEqual([]);
  });
});

describe("IndexedTxLookup", () => {
  it("reads the tx and its result at the index's position from the block store", async () => {
    expect(await lookup([at(4n, 1)]).getByHash(new Uint8Array(32))).toEqual({ height: 4n, index: 1, tx: txs[1], result: results[1] });
    const page = await lookup([at(4n, 0), at(4n, 2)]).search(parseQuery("tx.height=4"), 1, 10, false);
    expect(page.total).toBe(2);
    expect(page.txs.map((t) => [t.index, t.result.gasUsed])).toEqual([
      [0, 1000n],
      [2, 1002n],
    ]);
  });

  it("serves rows written with a copy of the TxResult (older indexes) from that copy", async () => {
    const copy = TxResult.encode({ height: 9n, index: 3, tx: Uint8Array.of(7), result: results[0]! }).finish();
    expect(await lookup([at(9n, 3, copy)]).getByHash(new Uint8Array(32))).toEqual(TxResult.decode(copy));
  });

  it("answers nothing for a position the block store does not have", async () => {
    expect(await lookup([at(5n, 0)]).getByHash(new Uint8Array(32))).toBeUndefined();
    expect(await lookup([at(4n, 7)]).getByHash(new Uint8Array(32))).toBeUndefined();
    expect(await lookup([]).getByHash(new Uint8Array(32))).toBeUndefined();
  });
});
