import { BinaryWriter } from "cosmjs-types/binary";
import { ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import { forEachIndexedAttribute } from "./indexed-attributes.js";
import { MalformedWireError } from "./wire-cursor.js";

type Seen = [type: string, key: string, value: string];

function indexed(bytes: Uint8Array): Seen[] {
  const out: Seen[] = [];
  const text = (s: number, e: number) => Buffer.from(bytes.subarray(s, e)).toString("utf8");
  forEachIndexedAttribute(bytes, (b, ts, te, ks, ke, vs, ve) => {
    expect(b).toBe(bytes);
    out.push([text(ts, te), text(ks, ke), text(vs, ve)]);
  });
  return out;
}

/** What a full decode says the indexed attributes are. */
function decodedIndexed(bytes: Uint8Array): Seen[] {
  return ExecTxResult.decode(bytes).events.flatMap((e) => e.attributes.filter((a) => a.index).map((a): Seen => [e.type, a.key, a.value]));
}

describe("forEachIndexedAttribute", () => {
  it("visits exactly the attributes a full decode marks indexed, in order, with UTF-8 intact", () => {
    const bytes = ExecTxResult.encode(
      ExecTxResult.fromPartial({
        code: 5,
        data: Uint8Array.of(1, 2, 3),
        log: "insufficient funds",
        gasWanted: 9_007_199_254_740_993n,
        gasUsed: 81_234n,
        codespace: "sdk",
        events: [
          { type: "tx", attributes: [{ key: "fee", value: "2000uusd", index: true }, { key: "fee_payer", value: "prec1alice", index: true }] },
          { type: "message", attributes: [{ key: "msg_index", value: "0", index: false }, { key: "sender", value: "prec1alice", index: true }] },
          { type: "record", attributes: [{ key: "title", value: "Ärztebrief ✓ 🩺", index: true }, { key: "", value: "", index: true }] },
          { type: "", attributes: [] },
        ],
      }),
    ).finish();
    expect(indexed(bytes)).toEqual(decodedIndexed(bytes));
    expect(indexed(bytes)).toHaveLength(5);
  });

  it("reads an event whose type follows its attributes, skips unknown fields, and lets the last value win", () => {
    const attribute = new BinaryWriter().uint32(10).string("k").uint32(18).string("old").uint32(18).string("new");
    // index = true as a ten-byte varint, then unknown fixed32, fixed64 and varint fields.
    attribute.uint32(24).uint64(BigInt.asUintN(64, -1n)).uint32((9 << 3) | 5).fixed32(7).uint32((10 << 3) | 1).fixed64(7n).uint32(11 << 3).uint32(300);
    const event = new BinaryWriter().uint32(18).bytes(attribute.finish()).uint32(10).string("first").uint32(10).string("late");
    const bytes = new BinaryWriter().uint32(58).bytes(event.finish()).uint32((12 << 3) | 5).fixed32(1).finish();
    expect(indexed(bytes)).toEqual([["late", "k", "new"]]);
    expect(decodedIndexed(bytes)).toEqual([["late", "k", "new"]]);
  });

  it("an attribute without index set, or with index = false, is not visited", () => {
    const bytes = ExecTxResult.encode(
      ExecTxResult.fromPartial({ events: [{ type: "t", attributes: [{ key: "a", value: "1" }, { key: "b", value: "2", index: false }] }] }),
    ).finish();
    expect(indexed(bytes)).toEqual([]);
  });

  it.each([
    ["a truncated length", Uint8Array.of(58, 10, 1)],
    ["a length past the end", Uint8Array.of(58, 200, 1)],
    ["a truncated varint", Uint8Array.of(8, 0x80)],
    ["an eleven-byte varint", Uint8Array.of(8, ...new Array(10).fill(0xff), 1)],
    ["a group wire type", Uint8Array.of((3 << 3) | 3)],
    ["a truncated fixed64", Uint8Array.of((3 << 3) | 1, 1, 2)],
    ["a truncated attribute", Uint8Array.of(58, 4, 18, 2, 10, 5)],
  ])("rejects %s with MalformedWireError", (_name, bytes) => {
    expect(() => forEachIndexedAttribute(bytes, () => undefined)).toThrow(MalformedWireError);
  });

  it("visits nothing in an empty result", () => {
    expect(indexed(new Uint8Array())).toEqual([]);
  });
});
