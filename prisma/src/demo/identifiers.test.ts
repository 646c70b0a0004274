import { describe, expect, it } from "vitest";
import {
  gs1CheckDigit,
  isValidGln,
  isValidNdcLabelerCode,
  isValidNpi,
  isValidPayerId,
  luhnCheckDigit,
  npiCheckDigit,
} from "./identifiers.ts";

describe("NPI", () => {
  it("matches the worked example in the CMS NPI check-digit document", () => {
    // CMS: 123456789 → prefix 80840 → check digit 3.
    expect(npiCheckDigit("123456789")).toBe(3);
    expect(isValidNpi("1234567893")).toBe(true);
  });

  it("rejects a wrong check digit, a transposition, bad lengths and non-digits", () => {
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("1234567839")).toBe(false);
    expect(isValidNpi("123456789")).toBe(false);
    expect(isValidNpi("12345678933")).toBe(false);
    expect(isValidNpi("12345678a3")).toBe(false);
    expect(isValidNpi("3234567891")).toBe(false); // NPIs start with 1 or 2
  });

  it("uses the plain Luhn algorithm underneath", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3); // the textbook Luhn example 79927398713
    expect(() => npiCheckDigit("12345")).toThrow(/9 digits/);
  });
});

describe("GS1 mod-10 (GLN)", () => {
  it("matches published GS1 check digits", () => {
    expect(gs1CheckDigit("03600029145")).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit("400638133393")).toBe(1); // EAN-13 4006381333931
    expect(gs1CheckDigit("629104150021")).toBe(3); // GS1 example GTIN 6291041500213
  });

  it("validates 13-digit GLNs", () => {
    expect(isValidGln("0850023100009")).toBe(true);
    expect(isValidGln("0850023100008")).toBe(false);
    expect(isValidGln("850023100009")).toBe(false);
    expect(isValidGln("08500231000x9")).toBe(false);
    expect(() => gs1CheckDigit("12a")).toThrow(/digits/);
  });
});

describe("NDC labeler code and payer id", () => {
  it("accepts five digits for labelers and five upper-case alphanumerics for payers", () => {
    expect(isValidNdcLabelerCode("72816")).toBe(true);
    expect(isValidNdcLabelerCode("7281")).toBe(false);
    expect(isValidNdcLabelerCode("7281a")).toBe(false);
    expect(isValidPayerId("EVMH1")).toBe(true);
    expect(isValidPayerId("evmh1")).toBe(false);
    expect(isValidPayerId("EVMH12")).toBe(false);
  });
});
