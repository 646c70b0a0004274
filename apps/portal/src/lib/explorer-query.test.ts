import { describe, expect, it } from "vitest";
import { classifySearch, normalizeHash, parseHeight, parsePage, shortHash } from "./explorer-query.ts";

const hash = "ab".repeat(32);
const address = "prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u";

describe("classifySearch", () => {
  it("recognises hashes (with or without 0x), addresses and heights", () => {
    expect(classifySearch(` ${hash} `)).toEqual({ kind: "tx", hash: hash.toUpperCase() });
    expect(classifySearch(`0x${hash}`)).toEqual({ kind: "tx", hash: hash.toUpperCase() });
    expect(classifySearch(address)).toEqual({ kind: "account", address });
    expect(classifySearch(address.toUpperCase())).toEqual({ kind: "account", address });
    expect(classifySearch("42")).toEqual({ kind: "block", height: 42n });
  });

  it("explains what is wrong with everything else", () => {
    expect(classifySearch("")).toMatchObject({ kind: "invalid", reason: expect.stringContaining("Enter") });
    expect(classifySearch("0")).toMatchObject({ kind: "invalid", reason: "Block heights start at 1." });
    expect(classifySearch("99999999999999999999")).toMatchObject({ kind: "invalid" });
    expect(classifySearch(`${address.slice(0, -1)}x`)).toMatchObject({ kind: "invalid", reason: expect.stringContaining("not a valid Precision address") });
    expect(classifySearch("hello")).toMatchObject({ kind: "invalid", reason: expect.stringContaining("not a transaction hash") });
    expect(classifySearch("a".repeat(200))).toMatchObject({ kind: "invalid" });
  });
});

describe("explorer parameters", () => {
  it("normalises hashes and heights strictly", () => {
    expect(normalizeHash(hash)).toBe(hash.toUpperCase());
    expect(normalizeHash("abc")).toBeUndefined();
    expect(parseHeight("7")).toBe(7n);
    expect(parseHeight("-1")).toBeUndefined();
    expect(parseHeight("9223372036854775808")).toBeUndefined();
  });

  it("reads a page number defensively", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(["2", "5"])).toBe(2);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("x")).toBe(1);
    expect(parsePage("999999", 50)).toBe(50);
  });

  it("shortens long hashes only", () => {
    expect(shortHash(hash.toUpperCase())).toBe("ABABABAB…ABABABAB");
    expect(shortHash("ABC")).toBe("ABC");
  });
});
