import { ExecTxResult, Response, type ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { encodedExecTxResult } from "../../runtime/abci/exec-tx-result.js";
import { encodeFinalizeBlockResponse } from "./server.js";

const results = [
  ExecTxResult.fromPartial({ gasWanted: 100n, gasUsed: 90n, data: Uint8Array.of(1), events: [{ type: "transfer", attributes: [{ key: "amount", value: "5uusd", index: true }] }] }),
  ExecTxResult.fromPartial({ code: 5, codespace: "sdk", log: "insufficient funds: ünïcødé", gasWanted: 100n, gasUsed: 40n }),
];

function block(txResults: ExecTxResult[]): ResponseFinalizeBlock {
  return {
    events: [{ type: "block", attributes: [{ key: "k", value: "v", index: false }] }],
    txResults,
    validatorUpdates: [],
    consensusParamUpdates: undefined,
    appHash: new Uint8Array(32).fill(7),
  };
}

describe("encodeFinalizeBlockResponse", () => {
  it("writes what Response.encode writes, for plain results and for results the app pre-encoded", () => {
    const expected = Buffer.from(Response.encode(Response.fromPartial({ finalizeBlock: block(results) })).finish()).toString("hex");
    expect(Buffer.from(encodeFinalizeBlockResponse(block(results))).toString("hex")).toBe(expected);
    expect(Buffer.from(encodeFinalizeBlockResponse(block(results.map(encodedExecTxResult)))).toString("hex")).toBe(expected);
    expect(Buffer.from(encodeFinalizeBlockResponse(block([]))).toString("hex")).toBe(
      Buffer.from(Response.encode(Response.fromPartial({ finalizeBlock: block([]) })).finish()).toString("hex"),
    );
  });
});
