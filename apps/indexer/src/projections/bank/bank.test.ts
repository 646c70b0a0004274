import { describe, expect, it } from "vitest";
import { balanceKey, denomsOf } from "./index.js";

describe("bank projection keys", () => {
  it("reads denoms from SDK coin strings", () => {
    expect(denomsOf("2500uusd,1ibc/ABC")).toEqual(["uusd", "ibc/ABC"]);
    expect(denomsOf("")).toEqual([]);
  });

  it("builds the chain's balance key: 0x02 | len | address bytes | denom", () => {
    const key = balanceKey("prec1qqqsyqcyq5rqwzqfpg9scrgwpugpzysnjl438u", "uusd");
    expect([...key.subarray(0, 3)]).toEqual([2, 20, 0]);
    expect(new TextDecoder().decode(key.subarray(22))).toBe("uusd");
  });
});
