import { describe, expect, it } from "vitest";
import { encodeFrame, FrameDecoder, FramingError, MAX_MESSAGE_BYTES } from "./framing.js";

describe("ABCI framing", () => {
  it("matches CometBFT's uvarint length prefix", () => {
    // Request{echo:{message:"hi"}} framed, from the CometBFT wire format.
    expect([...encodeFrame(new Uint8Array([0x0a, 0x04, 0x0a, 0x02, 0x68, 0x69]))]).toEqual([
      6, 0x0a, 0x04, 0x0a, 0x02, 0x68, 0x69,
    ]);
    expect([...encodeFrame(new Uint8Array(300)).subarray(0, 2)]).toEqual([0xac, 0x02]);
  });

  it("reassembles frames split across chunks and splits coalesced ones", () => {
    const a = encodeFrame(new Uint8Array(200).fill(1));
    const b = encodeFrame(new Uint8Array([7, 8, 9]));
    const all = new Uint8Array([...a, ...b]);
    const decoder = new FrameDecoder();
    const frames = [
      ...decoder.push(all.subarray(0, 1)),
      ...decoder.push(all.subarray(1, 150)),
      ...decoder.push(all.subarray(150)),
    ];
    expect(frames.map((f) => f.length)).toEqual([200, 3]);
    expect([...frames[1]!]).toEqual([7, 8, 9]);
  });

  it("rejects an oversized or malformed length", () => {
    expect(() =>
      new FrameDecoder().push(encodeFrame(new Uint8Array(0)).subarray(0, 0)),
    ).not.toThrow();
    const huge = encodeFrame(new Uint8Array(0));
    const prefix: number[] = [];
    let n = MAX_MESSAGE_BYTES + 1;
    while (n >= 0x80) {
      prefix.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    prefix.push(n);
    expect(huge.length).toBe(1);
    expect(() => new FrameDecoder().push(new Uint8Array(prefix))).toThrow(FramingError);
    expect(() => new FrameDecoder().push(new Uint8Array(11).fill(0xff))).toThrow(FramingError);
  });
});
