import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { lengthDelimitedField } from "../testing/wire.js";
import { rejectNonCanonicalTxRaw } from "./canonical-tx-raw.js";

const body = Uint8Array.from([0x0a, 0x00]);
const authInfo = Uint8Array.from([0x12, 0x00]);
const signature = new Uint8Array(64).fill(7);

const field = lengthDelimitedField;

function problem(bytes: number[] | Uint8Array): string | undefined {
  try {
    rejectNonCanonicalTxRaw(Uint8Array.from(bytes));
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

describe("rejectNonCanonicalTxRaw (ADR-027)", () => {
  it("accepts what protobuf encoders write, several signatures and an empty envelope included", () => {
    expect(problem(TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [signature] }).finish())).toBeUndefined();
    expect(problem([...field(1, body), ...field(2, authInfo), ...field(3, signature), ...field(3, signature)])).toBeUndefined();
    expect(problem(field(1, new Uint8Array(300)))).toBeUndefined();
    expect(problem([])).toBeUndefined();
  });

  it("rejects fields out of order and a repeated body or auth info", () => {
    expect(problem([...field(3, signature), ...field(1, body), ...field(2, authInfo)])).toMatch(/ADR-027: field 1 after field 3/);
    expect(problem([...field(2, authInfo), ...field(1, body)])).toMatch(/field 1 after field 2/);
    expect(problem([...field(1, body), ...field(1, body), ...field(2, authInfo)])).toMatch(/field 1 appears more than once/);
    expect(problem([...field(1, body), ...field(2, authInfo), ...field(2, authInfo)])).toMatch(/field 2 appears more than once/);
  });

  it("rejects padded varints in lengths and tags", () => {
    expect(problem([...field(1, body, 1), ...field(2, authInfo)])).toMatch(/length of field 1 is not as short as possible/);
    expect(problem(field(1, new Uint8Array(300), 1))).toMatch(/not as short as possible/);
    expect(problem([0x8a, 0x00, ...field(1, body).slice(1)])).toMatch(/field tag is not as short as possible/);
  });

  it("rejects other wire types, truncation and overruns with a reason", () => {
    expect(problem([0x08, 0x01])).toMatch(/field 1 has wire type 0, expected 2/);
    expect(problem([0x0a])).toMatch(/truncated length of field 1/);
    expect(problem([0x0a, 0x05, 0x00])).toMatch(/field 1 overruns the buffer/);
    expect(problem([0x8a, 0x80, 0x80, 0x80, 0x80, 0x80])).toMatch(/field tag too long/);
  });
});
