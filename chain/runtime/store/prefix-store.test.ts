import { describe, expect, it } from "vitest";
import { prefixEnd } from "./bytes.js";
import { CacheKV } from "./cachekv.js";
import { MemKVStore } from "./mem-kv.js";
import { PrefixStore } from "./prefix-store.js";

const b = (s: string): Uint8Array => Buffer.from(s, "latin1");
const s = (u: Uint8Array): string => Buffer.from(u).toString("latin1");
const keys = (it: Iterable<[Uint8Array, Uint8Array]>): string[] => [...it].map(([k]) => s(k));

describe("PrefixStore", () => {
  it("confines reads, writes and scans to its prefix and strips it", () => {
    const root = new MemKVStore();
    root.set(b("bank/a"), b("1"));
    root.set(b("bank/b"), b("2"));
    root.set(b("bank0"), b("outside"));
    root.set(b("auth/a"), b("3"));
    const bank = new PrefixStore(root, b("bank/"));
    expect(s(bank.get(b("a"))!)).toBe("1");
    expect(bank.has(b("x"))).toBe(false);
    bank.set(b("c"), b("4"));
    bank.delete(b("a"));
    expect(keys(bank.iterator())).toEqual(["b", "c"]);
    expect(keys(bank.reverseIterator())).toEqual(["c", "b"]);
    expect(keys(bank.iterator(b("c")))).toEqual(["c"]);
    expect(keys(bank.reverseIterator(undefined, b("c")))).toEqual(["b"]);
    expect(keys(root.iterator())).toEqual(["auth/a", "bank/b", "bank/c", "bank0"]);
    expect(() => bank.set(new Uint8Array(), b("x"))).toThrow(TypeError);
  });

  it("handles 0xff prefixes, nests, and works over a cache layer", () => {
    const root = new MemKVStore();
    const ff = Uint8Array.of(0xff, 0xff);
    root.set(Uint8Array.of(0xff, 0xff, 1), b("in"));
    root.set(Uint8Array.of(0xff, 0xfe, 1), b("out"));
    const p = new PrefixStore(new CacheKV(root), ff);
    expect([...p.iterator()].map(([k, v]) => [Array.from(k), s(v)])).toEqual([[[1], "in"]]);
    const nested = new PrefixStore(new PrefixStore(root, b("a")), b("b"));
    nested.set(b("c"), b("x"));
    expect(s(root.get(b("abc"))!)).toBe("x");
    expect(keys(nested.iterator())).toEqual(["c"]);
  });

  it("prefixEnd returns the first key past the prefix without touching its input", () => {
    const p = b("ab");
    expect(s(prefixEnd(p)!)).toBe("ac");
    expect(s(p)).toBe("ab");
    expect(Array.from(prefixEnd(Uint8Array.of(1, 0xff))!)).toEqual([2]);
    expect(prefixEnd(Uint8Array.of(0xff, 0xff))).toBeUndefined();
  });
});
