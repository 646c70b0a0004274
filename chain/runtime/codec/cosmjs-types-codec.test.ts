import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { utf8Read } from "cosmjs-types/utf8";
import { describe, expect, it } from "vitest";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { Timestamp } from "cosmjs-types/google/protobuf/timestamp";
import { readerOver } from "./cosmjs-types-codec.js";

const framed = (raw: Uint8Array): Uint8Array => new BinaryWriter().bytes(raw).finish();

/** The protobuf varint of a 64-bit two's complement value, as Go's protobuf writes it. */
function varint(value: bigint): string {
  let u = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (u >= 0x80n) {
    out.push(Number(u & 0x7fn) | 0x80);
    u >>= 7n;
  }
  out.push(Number(u));
  return Buffer.from(out).toString("hex");
}

describe("the lean cosmjs-types codec", () => {
  it("writes int64 and uint64 as protobuf varints, including values in [2^31, 2^32)", () => {
    const values = [0n, 1n, 127n, 128n, 2n ** 31n - 1n, 2n ** 31n, 3_000_000_000n, 2n ** 32n - 2n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 32n + 2n ** 31n, 2n ** 53n, 2n ** 63n - 1n, -1n, -(2n ** 31n), -(2n ** 32n), -(2n ** 63n)];
    for (const v of values) {
      const hex = (w: BinaryWriter) => Buffer.from(w.finish()).toString("hex");
      expect(hex(new BinaryWriter().int64(v)), `int64 ${v}`).toBe(varint(v));
      if (v >= 0n) expect(hex(new BinaryWriter().uint64(v)), `uint64 ${v}`).toBe(varint(v));
      // And what is written reads back as the same value.
      expect(new BinaryReader(new BinaryWriter().int64(v).finish()).int64()).toBe(v);
    }
    // 2038-01-19T03:14:08Z, the first Timestamp whose seconds reach 2^31.
    expect(Buffer.from(Timestamp.encode({ seconds: 2n ** 31n, nanos: 0 }).finish()).toString("hex")).toBe(`08${varint(2n ** 31n)}`);
  });

  it("reads every string exactly as cosmjs-types' own UTF-8 decoder, valid or not", () => {
    const samples: number[][] = [
      [],
      [...Buffer.from("prec1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")],
      [...Buffer.from("ünïcødé ✓ 🚑")],
      [0xef, 0xbb, 0xbf, 0x61], // a byte-order mark is kept, not stripped
      [0xc0, 0x80], // overlong NUL
      [0xed, 0xa0, 0x80], // an encoded lone surrogate
      [0xff, 0xfe, 0x41],
      [0x61, 0xe2, 0x82], // truncated sequence
      [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    ];
    for (let i = 0; i < 200; i++) samples.push(Array.from({ length: i % 17 }, (_, j) => (i * 31 + j * 97) % 256));
    for (const s of samples) {
      const raw = Uint8Array.from(s);
      expect(new BinaryReader(framed(raw)).string()).toBe(utf8Read(raw, 0, raw.length));
    }
  });

  it("reads short interned strings, non-ASCII and long strings exactly, again and again", () => {
    const read = (text: string) => new BinaryReader(framed(Buffer.from(text))).string();
    const address = "prec1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";
    expect(read(address)).toBe(address);
    expect(read(address)).toBe(address);
    expect(read("ünïcødé ✓")).toBe("ünïcødé ✓");
    const long = "x".repeat(65);
    expect(read(long)).toBe(long);
  });

  it("rejects a string that runs past the end, as cosmjs-types does", () => {
    expect(() => new BinaryReader(Uint8Array.of(5, 0x61, 0x62)).string()).toThrow(/premature EOF/);
  });

  it("readerOver decodes views into the caller's bytes instead of a private copy", () => {
    const bytes = TxRaw.encode({ bodyBytes: Uint8Array.of(1, 2, 3), authInfoBytes: Uint8Array.of(4), signatures: [Uint8Array.of(5, 6)] }).finish();
    const viewed = TxRaw.decode(readerOver(bytes));
    const copied = TxRaw.decode(bytes);
    expect(viewed).toEqual(copied);
    expect(viewed.bodyBytes.buffer).toBe(bytes.buffer);
    expect(copied.bodyBytes.buffer).not.toBe(bytes.buffer);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 3);
    const view = padded.subarray(3, 3 + bytes.length); // a view at an offset decodes the same
    expect(TxRaw.decode(readerOver(view))).toEqual(copied);
  });

  it("writes into exact-size buffers", () => {
    expect(new BinaryWriter().uint32(8).uint32(150).finish()).toEqual(Uint8Array.of(8, 150, 1));
  });
});
