import { ExecTxResult, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { encodeFinalizeBlock } from "./block-store.js";

const ok = ExecTxResult.fromPartial({
  code: 0,
  data: Uint8Array.of(1, 2, 3),
  gasWanted: 100_000n,
  gasUsed: 61_234n,
  events: [{ type: "transfer", attributes: [{ key: "amount", value: "1uusd", index: true }, { key: "msg_index", value: "0", index: false }] }],
});
const failed = ExecTxResult.fromPartial({ code: 5, codespace: "sdk", log: "insufficient funds", gasWanted: 80_000n, gasUsed: 40_000n });

describe("encodeFinalizeBlock", () => {
  it.each([
    ["a block with txs, events and an app hash", ResponseFinalizeBlock.fromPartial({ events: [{ type: "block", attributes: [{ key: "k", value: "v", index: true }] }], txResults: [ok, failed, ok], appHash: new Uint8Array(32).fill(7) })],
    ["an empty block", ResponseFinalizeBlock.fromPartial({ txResults: [], appHash: new Uint8Array(32) })],
    ["a result with a validator update and consensus params", ResponseFinalizeBlock.fromPartial({ txResults: [failed], validatorUpdates: [{ power: 10n }], consensusParamUpdates: { block: { maxBytes: 1n, maxGas: -1n } }, appHash: Uint8Array.of(1) })],
  ])("gives the bytes of ResponseFinalizeBlock.encode for %s", (_, results) => {
    expect(encodeFinalizeBlock(results)).toEqual(ResponseFinalizeBlock.encode(results).finish());
  });
});
