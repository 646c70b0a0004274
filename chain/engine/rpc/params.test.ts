import { describe, expect, it } from "vitest";
import { jsonArgs, uriArgs, type ParamSpec } from "./params.js";

const spec: ParamSpec = [
  ["height", "int"],
  ["query", "string"],
  ["tx", "bytes"],
  ["hash", "hex"],
  ["prove", "bool"],
];
const uri = (q: string) => uriArgs(spec, new URLSearchParams(q));

describe("GET route arguments (CometBFT's URI quoting)", () => {
  it("takes integers bare or quoted, and strings only quoted", () => {
    expect(uri("height=5").height).toBe(5n);
    expect(uri('height="5"').height).toBe(5n);
    expect(uri("query=%22tm.event%3D'Tx'%22").query).toBe("tm.event='Tx'");
    expect(() => uri("query=tm.event")).toThrow(/query: string arguments must be quoted, got tm.event/);
    expect(() => uri("height=five")).toThrow(/height: expected an integer, got five/);
  });

  it("reads 0x-prefixed hex for bytes, hex and strings, and rejects it for other kinds", () => {
    expect(uri("hash=0xABCD").hash).toEqual(Uint8Array.of(0xab, 0xcd));
    expect(uri("tx=0x0102").tx).toEqual(Uint8Array.of(1, 2));
    expect(uri("query=0x6869").query).toBe("hi");
    expect(() => uri("prove=0x01")).toThrow(/got a hex string arg, but expected 'bool'/);
    expect(() => uri("hash=0xZZ")).toThrow(/hash: invalid hex string/);
  });

  it("takes a quoted string for bytes as the string's own bytes", () => {
    expect(uri('tx="ab"').tx).toEqual(new Uint8Array(Buffer.from("ab")));
  });

  it("reads booleans strictly and treats an empty value as absent", () => {
    expect(uri("prove=true").prove).toBe(true);
    expect(uri("prove=false").prove).toBe(false);
    expect(() => uri("prove=yes")).toThrow(/expected true or false/);
    expect(uri("height=").height).toBeUndefined();
    expect(uri("").query).toBeUndefined();
  });
});

describe("JSON-RPC params", () => {
  it("accepts named and positional params", () => {
    expect(jsonArgs(spec, { height: "7", prove: true })).toMatchObject({ height: 7n, prove: true });
    expect(jsonArgs(spec, [7, "q"])).toMatchObject({ height: 7n, query: "q" });
    expect(jsonArgs(spec, null)).toEqual({});
  });

  it("rejects wrong types, bad encodings and too many positional params", () => {
    expect(() => jsonArgs(spec, { height: 1.5 })).toThrow(/height: expected an integer/);
    expect(() => jsonArgs(spec, { tx: "not base64!" })).toThrow(/tx: illegal base64 data/);
    expect(() => jsonArgs(spec, { hash: "abc" })).toThrow(/hash: invalid hex string/);
    expect(() => jsonArgs(spec, [1, 2, 3, 4, 5, 6])).toThrow(/expected at most 5 positional params, got 6/);
    expect(() => jsonArgs(spec, "height")).toThrow(/params: must be an object or an array/);
  });
});
