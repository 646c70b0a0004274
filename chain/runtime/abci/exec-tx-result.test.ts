import { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { encodedExecTxResult, encodeDeterministicExecTxResult, encodeExecTxResult } from "./exec-tx-result.js";

const attr = (key: string, value: string, index = true) => ({ key, value, index });

const cases: ExecTxResult[] = [
  ExecTxResult.fromPartial({}),
  ExecTxResult.fromPartial({
    code: 0,
    data: Uint8Array.from([1, 2, 3]),
    gasWanted: 200_000n,
    gasUsed: 61_234n,
    events: [
      { type: "tx", attributes: [attr("fee", "2500uusd"), attr("fee_payer", "prec1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")] },
      { type: "message", attributes: [attr("action", "/cosmos.bank.v1beta1.MsgSend"), attr("msg_index", "0", false)] },
      { type: "", attributes: [attr("", "")] },
      { type: "empty", attributes: [] },
    ],
  }),
  ExecTxResult.fromPartial({
    code: 4_294_967_295,
    log: "signature verification failed; ünïcødé ✓ 🚑",
    info: "x".repeat(300),
    gasWanted: -1n,
    gasUsed: (1n << 63n) - 1n,
    codespace: "sdk",
    events: [{ type: "odd", attributes: [attr("lone", "a\uD800b"), attr("pair", "\uD83D\uDE91"), attr("low", "\uDC00")] }],
  }),
  ExecTxResult.fromPartial({
    code: 300,
    events: Array.from({ length: 40 }, (_, i) => ({ type: `t${i}`, attributes: Array.from({ length: 9 }, (_, j) => attr(`k${j}`, "v".repeat(i * j))) })),
  }),
];

describe("encodeExecTxResult", () => {
  it("writes exactly what cosmjs-types writes", () => {
    for (const r of cases) {
      const ours = encodeExecTxResult(r);
      expect(Buffer.from(ours).toString("hex")).toBe(Buffer.from(ExecTxResult.encode(r).finish()).toString("hex"));
      expect(ExecTxResult.decode(ours).events.length).toBe(r.events.length);
    }
  });
});

describe("encodeDeterministicExecTxResult", () => {
  it("writes ExecTxResult.encode of code, data and gas alone", () => {
    for (const r of cases) {
      const subset = ExecTxResult.fromPartial({ code: r.code, data: r.data, gasWanted: r.gasWanted, gasUsed: r.gasUsed });
      expect(encodeDeterministicExecTxResult(r)).toEqual(new Uint8Array(ExecTxResult.encode(subset).finish()));
    }
  });
});

describe("encodedExecTxResult", () => {
  it("reads back as the original result and encodes to the same bytes", () => {
    for (const r of cases) {
      const lazy = encodedExecTxResult(r);
      // Events that decode to the same protobuf: cosmjs fills defaults the same way on both sides.
      expect(ExecTxResult.decode(ExecTxResult.encode(lazy).finish())).toEqual(ExecTxResult.decode(ExecTxResult.encode(r).finish()));
      expect(Buffer.from(encodeExecTxResult(lazy)).toString("hex")).toBe(Buffer.from(ExecTxResult.encode(r).finish()).toString("hex"));
      expect(lazy.events.map((e) => e.type)).toEqual(r.events.map((e) => e.type));
    }
  });

  it("shows its events to JSON and to deep equality like a plain result", () => {
    const lazy = encodedExecTxResult(cases[1]!);
    expect(JSON.parse(JSON.stringify(lazy, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).events[0].type).toBe("tx");
    expect(lazy).toEqual({ ...cases[1]!, events: lazy.events });
    expect(lazy.events[0]!.attributes[1]).toEqual(attr("fee_payer", "prec1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"));
  });

  it("encodes replaced events, not the bytes it was made with", () => {
    const lazy = encodedExecTxResult(cases[1]!);
    lazy.events = [{ type: "replaced", attributes: [] }];
    expect(ExecTxResult.decode(encodeExecTxResult(lazy)).events.map((e) => e.type)).toEqual(["replaced"]);
  });
});
