import { describe, expect, it } from "vitest";
import { announcedBlock } from "./follower.js";

const newBlock = {
  jsonrpc: "2.0",
  id: 1,
  result: {
    query: "tm.event='NewBlock'",
    data: {
      type: "tendermint/event/NewBlock",
      value: {
        block: { header: { height: "42", time: "2026-11-30T12:00:00Z", proposer_address: "AB", app_hash: "CD", chain_id: "precision-local-1" }, data: { txs: ["dHg="] } },
        block_id: { hash: "EF01" },
        result_finalize_block: {
          events: [{ type: "precision.records.v1.EventRecordAnchored", attributes: [{ key: "id", value: "\"r1\"", index: true }] }],
          tx_results: [{ code: 0, log: "", gas_wanted: "100", gas_used: "90", events: [] }],
          validator_updates: [],
          app_hash: "q80=",
        },
      },
    },
    events: { "tm.event": ["NewBlock"] },
  },
};

describe("announcedBlock", () => {
  it("reads the block and its results from a CometBFT 0.38 NewBlock event, as block and block_results return them", () => {
    const announced = announcedBlock(JSON.stringify(newBlock))!;
    expect(announced.block).toEqual({ block_id: { hash: "EF01" }, block: newBlock.result.data.value.block });
    expect(announced.results).toEqual({
      height: "42",
      txs_results: newBlock.result.data.value.result_finalize_block.tx_results,
      finalize_block_events: newBlock.result.data.value.result_finalize_block.events,
      app_hash: "q80=",
    });
  });

  it("ignores the subscription reply, other events, truncated payloads and bad JSON", () => {
    expect(announcedBlock(JSON.stringify({ jsonrpc: "2.0", id: 1, result: {} }))).toBeUndefined();
    expect(announcedBlock(JSON.stringify({ ...newBlock, result: { ...newBlock.result, data: { ...newBlock.result.data, type: "tendermint/event/Tx" } } }))).toBeUndefined();
    const { result_finalize_block: _dropped, ...noResults } = newBlock.result.data.value;
    expect(announcedBlock(JSON.stringify({ ...newBlock, result: { ...newBlock.result, data: { ...newBlock.result.data, value: noResults } } }))).toBeUndefined();
    expect(announcedBlock("{not json")).toBeUndefined();
  });
});
