import { describe, expect, it } from "vitest";
import { ceilGasFee, parseGasPrice } from "./coins.js";

describe("gas prices", () => {
  it("computes ceil(price × gas) exactly, without floats", () => {
    const p = parseGasPrice("0.025uusd");
    expect(p.denom).toBe("uusd");
    expect(ceilGasFee(p.price, 200_000)).toBe(5000n);
    expect(ceilGasFee(p.price, 200_001)).toBe(5001n);
    expect(ceilGasFee(parseGasPrice("0.1uusd").price, 3)).toBe(1n);
    expect(() => parseGasPrice("-1uusd")).toThrow();
  });
});
