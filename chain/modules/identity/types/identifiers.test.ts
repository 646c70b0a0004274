import { describe, expect, it } from "vitest";
import { gs1CheckDigit, glnProblem, ndcLabelerCodeProblem, npiProblem, payerIdProblem } from "./identifiers.js";

describe("registry identifiers", () => {
  it("accepts NPIs whose Luhn check over 80840+NPI holds and rejects a changed digit", () => {
    expect(npiProblem("1234567893")).toBeUndefined();
    expect(npiProblem("1245319599")).toBeUndefined();
    expect(npiProblem("1234567890")).toMatch(/check digit/);
    expect(npiProblem("123456789")).toMatch(/10 digits/);
    expect(npiProblem("12345678a3")).toMatch(/10 digits/);
  });

  it("checks GLNs with the GS1 mod-10 digit", () => {
    // GS1's published example GLN.
    expect(glnProblem("0614141000005")).toBeUndefined();
    expect(gs1CheckDigit("061414100000")).toBe(5);
    expect(glnProblem("0614141000006")).toMatch(/check digit/);
    expect(glnProblem("061414100000")).toMatch(/13 digits/);
  });

  it("checks payer ids and NDC labeler codes by shape", () => {
    expect(payerIdProblem("60054")).toBeUndefined();
    expect(payerIdProblem("A")).toBeDefined();
    expect(payerIdProblem("AB-12")).toBeDefined();
    expect(ndcLabelerCodeProblem("0002")).toBeUndefined();
    expect(ndcLabelerCodeProblem("12345")).toBeUndefined();
    expect(ndcLabelerCodeProblem("123")).toBeDefined();
    expect(ndcLabelerCodeProblem("123456")).toBeDefined();
  });
});
