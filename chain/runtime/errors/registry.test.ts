import { describe, expect, it } from "vitest";
import { ChainError, ErrInternal, lookupError, registerError, toAbciError } from "./registry.js";
import { ErrWrongSequence } from "./sdk-errors.js";

describe("error registry", () => {
  it("registers the SDK codes in codespace sdk", () => {
    expect(lookupError("sdk", 32)).toBe(ErrWrongSequence);
    expect(lookupError("sdk", 41)?.description).toBe("invalid gas limit");
  });

  it("rejects duplicates and code 1 outside the undefined codespace", () => {
    registerError("registry-test", 2, "first");
    expect(() => registerError("registry-test", 2, "again")).toThrow(/already registered/);
    expect(() => registerError("registry-test", 1, "internal")).toThrow(/reserved/);
    expect(() => registerError("registry-test", 0, "zero")).toThrow(/positive/);
  });

  it("renders wraps as '<outer>: <inner>: <root description>' like errors.Wrap", () => {
    const err = ErrWrongSequence.wrap("account sequence mismatch, expected 2, got 0").wrap("outer");
    expect(err.message).toBe("outer: account sequence mismatch, expected 2, got 0: incorrect account sequence");
    expect(toAbciError(err)).toEqual({ code: 32, codespace: "sdk", log: err.message });
    expect(ErrWrongSequence.is(err)).toBe(true);
  });

  it("redacts unregistered errors as internal", () => {
    expect(toAbciError(new Error("secret detail"))).toEqual({ code: ErrInternal.code, codespace: "undefined", log: "internal" });
    expect(new ChainError(ErrInternal, []).message).toBe("internal");
  });
});
