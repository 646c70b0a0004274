import { describe, expect, it } from "vitest";
import { compareBytes, keyString } from "./bytes.js";

describe("keyString", () => {
  it("maps each byte to one char, for every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = keyString(all);
    expect(s.length).toBe(256);
    expect([...s].map((c) => c.charCodeAt(0))).toEqual([...all]);
  });

  it("reads only the view's own bytes when it is a window on a larger buffer", () => {
    const backing = Uint8Array.of(9, 9, 0x61, 0x00, 0xff, 0x62, 9);
    expect(keyString(backing.subarray(2, 6))).toBe("a\u0000\u00ffb");
    expect(keyString(backing.subarray(3, 3))).toBe("");
  });

  it("orders strings exactly as the bytes order (unsigned)", () => {
    const keys = [Uint8Array.of(0x7f), Uint8Array.of(0x80), Uint8Array.of(0xff), Uint8Array.of(0x00, 0x01), Uint8Array.of(0x00)];
    const byBytes = [...keys].sort(compareBytes).map(keyString);
    const byStrings = keys.map(keyString).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(byStrings).toEqual(byBytes);
  });
});
