import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { utf8Read } from "cosmjs-types/utf8";
import { describe, expect, it } from "vitest";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { readerOver } from "./cosmjs-types-codec.js";

const framed = (raw: Uint8Array): Uint8Array => new BinaryWriter().bytes(raw).finish();

describe("the lean cosmjs-types codec", () => {
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
