import { ExecTxResult, TxResult } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { encodeTxResult } from "./tx-index.js";

describe("encodeTxResult", () => {
  const result = ExecTxResult.fromPartial({ code: 0, gasWanted: 200_000n, gasUsed: 70_000n, events: [{ type: "message", attributes: [{ key: "sender", value: "prec1x", index: true }] }] });
  const tx = Uint8Array.of(10, 2, 8, 1);

  it.each([
    ["the first tx of a block (index 0, left out as protobuf does)", 12n, 0],
    ["a later tx", 12n, 41],
    ["a large height", 9_007_199_254_740_993n, 3],
  ])("gives the bytes of TxResult.encode for %s", (_, height, index) => {
    const expected = TxResult.encode({ height, index, tx, result }).finish();
    expect(encodeTxResult(height, index, tx, ExecTxResult.encode(result).finish())).toEqual(expected);
    expect(TxResult.decode(encodeTxResult(height, index, tx, ExecTxResult.encode(result).finish()))).toEqual({ height, index, tx, result });
  });
});
