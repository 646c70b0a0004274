import { describe, expect, it } from "vitest";
import { hashFromByteSlices, proofFromByteSlices, verifyProof } from "./merkle.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("RFC 6962 Merkle roots as CometBFT computes them", () => {
  it("matches CometBFT's HashFromByteSlices test vectors", () => {
    expect(hex(hashFromByteSlices([]))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(hashFromByteSlices([Uint8Array.of(1, 2, 3)]))).toBe("054edec1d0211f624fed0cbca9d4f9400b0e491c43742af2c5b0abebf0c990d8");
    expect(hex(hashFromByteSlices([new Uint8Array()]))).toBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    expect(hex(hashFromByteSlices([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)]))).toBe("82e6cfce00453804379b53962939eaa7906b39904be0813fcadd31b100773c4b");
  });

  it("gives the root the proof builder gives, and a proof that verifies, for every size and index", () => {
    for (let n = 1; n <= 40; n++) {
      const items = Array.from({ length: n }, (_, i) => Uint8Array.of(i, n));
      const root = hashFromByteSlices(items);
      for (let i = 0; i < n; i++) {
        const { root: proofRoot, proof } = proofFromByteSlices(items, i);
        expect(hex(proofRoot)).toBe(hex(root));
        expect(verifyProof(root, items[i]!, proof)).toBe(true);
        expect(verifyProof(root, Uint8Array.of(99), proof)).toBe(false);
      }
    }
  });
});
